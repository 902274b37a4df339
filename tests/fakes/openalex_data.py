"""What OpenAlex plausibly holds for the default profile's owner: the seed of the OpenAlex stand-in.

Every published paper of profile.yaml is there (most with a DOI the profile lacks; DOIs use Crossref's
test prefix 10.5555, so none can be mistaken for a real record, except ICCAD 2018's, the real DOI the
schema's own example gives), written the way OpenAlex writes them: full author names, proceedings
titles as venues, one title in another capitalisation. Around them, the cases the issue names:

* TripLe twice: the ICCV paper and, as a separate work, its arXiv preprint (one work, never "new");
* an under-review paper (huang2024towards) now published, with venue, date and DOI;
* an under-review paper (yu2024geot) that is only on arXiv (linked; its arXiv id is a fill);
* two works the profile lacks (a 2025 paper and a 2025 arXiv preprint);
* one work OpenAlex attributes to the author whose printed author list names "Qiang Huang", not the owner.
"""

from __future__ import annotations

from tests.fakes.openalex_server import OpenAlexFake, work

AUTHOR = "A5023888391"
ORCID = "0000-0002-1825-0097"  # ORCID's documented test iD, standing in for the owner's
ME = ("Hanxian Huang", AUTHOR, ORCID)


def person(name: str) -> tuple[str, None, None]:
    return (name, None, None)


def default_profile_works() -> list[dict]:
    chen, zhao, fu = person("Xinyun Chen"), person("Jishen Zhao"), person("Cheng Fu")
    return [
        work("W4402914001", "Learning to Maximize Mutual Information for Chain-of-Thought Distillation", 2024,
             [chen, ME, person("Yanjun Gao"), person("Yi Wang"), zhao, person("Ke Ding")],
             date="2024-08-11", doi="10.5555/acl.2024.findings.409",
             venue="Findings of the Association for Computational Linguistics: ACL 2024", cited_by=31),
        work("W4399612002", "Fasor: A Fast Tensor Program Optimization Framework for Efficient DNN Deployment", 2024,
             [ME, chen, zhao], date="2024-05-30", doi="10.5555/3650200.3656631",
             venue="Proceedings of the 38th ACM International Conference on Supercomputing", cited_by=4),
        work("W4400512003", "Muti-Representation Learning for WebAssembly Reverse Engineering", 2024,
             [ME, zhao], date="2024-09-11", doi="10.5555/3650212.3680326",
             venue="ACM SIGSOFT International Symposium on Software Testing and Analysis", cited_by=2),
        work("W4389512004", "SIBYL: Forecasting Time-Evolving Query Workloads", 2024,
             [ME, person("Tarique Siddiqui"), person("Rana Alotaibi"), person("Carlo Curino"),
              person("Jyoti Leeka"), person("Alekh Jindal"), zhao, person("Jesús Camacho-Rodríguez"),
              person("Yuanyuan Tian")],
             date="2024-03-12", doi="10.5555/3639279", venue="Proceedings of the ACM on Management of Data",
             venue_type="journal", cited_by=12),
        work("W4390872005", "TripLe: Revisiting Pretrained Model Reuse and Progressive Learning for Efficient Vision "
             "Transformer Scaling and Searching", 2023,
             [fu, ME, person("Zhen Jiang"), person("Yue Ni"), person("Lifeng Nai"), person("Gang Wu"),
              person("Liqun Cheng"), person("Yanqi Zhou"), person("Sheng Li"), person("Andrew Li"), zhao],
             date="2023-10-01", doi="10.5555/iccv51070.2023.01584",
             venue="2023 IEEE/CVF International Conference on Computer Vision (ICCV)", cited_by=9),
        work("W4311812006", "TripLe: Revisiting Pretrained Model Reuse and Progressive Learning for Efficient Vision "
             "Transformer Scaling and Searching", 2022,
             [fu, ME, person("Zhen Jiang"), person("Yue Ni"), person("Lifeng Nai"), person("Gang Wu"),
              person("Liqun Cheng"), person("Yanqi Zhou"), person("Sheng Li"), person("Andrew Li"), zhao],
             date="2022-12-08", kind="preprint", arxiv="2212.04051", cited_by=1),
        work("W4296112007", "Q-gym: An Equality Saturation Framework for DNN Inference Exploiting Weight Repetition",
             2022, [fu, ME, person("Bram Wasti"), person("Chris Cummins"), person("Riyadh Baghdadi"),
                    person("Kim Hazelwood"), person("Yuandong Tian"), zhao, person("Hugh Leather")],
             date="2022-10-08", doi="10.5555/3559009.3569673",
             venue="Proceedings of the International Conference on Parallel Architectures and Compilation "
                   "Techniques", cited_by=6),
        work("W3183712008", "Ayudante: A Deep Reinforcement Learning Approach to Assist Persistent Memory "
             "Programming", 2021,
             [ME, person("Zixuan Wang"), person("Juno Kim"), person("Steven Swanson"), zhao],
             date="2021-07-14", venue="USENIX Annual Technical Conference", cited_by=7),
        work("W3177312009", "Learn-to-Share: A Hardware-friendly Transfer Learning Framework Exploiting Computation "
             "and Parameter Sharing", 2021, [fu, ME, chen, person("Yuandong Tian"), zhao],
             date="2021-07-18", venue="International Conference on Machine Learning", cited_by=15),
        work("W2902912010", "Adaptive-Precision Framework for SGD using Deep Q-Learning", 2018,
             [person("Wentai Zhang"), ME, person("Jiaxi Zhang"), person("Ming Jiang"), person("Guojie Luo")],
             date="2018-11-05", doi="10.1145/3240765.3240774",
             venue="Proceedings of the International Conference on Computer-Aided Design", cited_by=25,
             raw_names={1: "Hanxian Huang"}),
        work("W2884312011", "FPGA-based Real-Time Super-Resolution System for Ultra High-Definition Videos", 2018,
             [person("Zhuolun He"), ME, person("Ming Jiang"), person("Yuxiao Bai"), person("Guojie Luo")],
             date="2018-04-29", doi="10.5555/fccm.2018.00036",
             venue="IEEE International Symposium on Field-Programmable Custom Computing Machines", cited_by=19),
        # Under review in the profile, published since.
        work("W4414512012", "Towards LLM-Powered Verilog RTL Assistant: Self-Correction and Self-Verification",
             2025, [ME, person("Zhen Lin"), person("Zixuan Wang"), chen, person("Ke Ding"), zhao],
             date="2025-09-08", doi="10.5555/mlcad.2025.00012",
             venue="2025 ACM/IEEE International Symposium on Machine Learning for CAD (MLCAD)", cited_by=0),
        # Under review in the profile; on arXiv only.
        work("W4392112013", "GeoT: Building Efficient Tensor Centric Library for Graph Neural Network via Segment "
             "Reduction", 2024, [person("Zhongming Yu"), person("Guohao Zhang"), ME, person("Ke Ding"), zhao],
             date="2024-04-03", kind="preprint", arxiv="2404.03019"),
        # Missing from the profile.
        work("W4415012014", "Compiler Autotuning with Large Language Models: An Empirical Study", 2025,
             [ME, person("Yufei Ding"), zhao], date="2025-06-20", doi="10.5555/cgo.2025.00031",
             venue="IEEE/ACM International Symposium on Code Generation and Optimization", cited_by=3),
        work("W4416012015", "WasmRev: Self-Supervised Learning for WebAssembly Binaries", 2025,
             [ME, zhao], date="2025-11-02", kind="preprint", arxiv="2511.01234"),
        # Attributed to the author by OpenAlex's disambiguation; the paper printed "Qiang Huang".
        work("W4380012016", "Seismic Response of Base-Isolated Bridges under Near-Fault Ground Motions", 2023,
             [person("Wei Li"), ME], date="2023-05-02", doi="10.5555/j.soildyn.2023.107901",
             venue="Soil Dynamics and Earthquake Engineering", venue_type="journal", cited_by=5,
             raw_names={1: "Qiang Huang"}),
    ]


def seed(fake: OpenAlexFake) -> OpenAlexFake:
    fake.add_author(AUTHOR, "Hanxian Huang", ORCID, alternatives=["H. Huang", "Huang Hanxian"])
    for record in default_profile_works():
        fake.add_work(record)
    return fake


def many_works(fake: OpenAlexFake, count: int, author: str = "A5000000200") -> OpenAlexFake:
    """An author with `count` works (for the request budget)."""
    fake.add_author(author, "Ada Lovelace", None)
    for index in range(count):
        fake.add_work(work(f"W{5000000000 + index}", f"On the Analytical Engine, part {index}", 2000 + index % 25,
                           [("Ada Lovelace", author, None), person("Charles Babbage")],
                           doi=f"10.5555/engine.{index}", venue="Journal of Engines", venue_type="journal"))
    return fake
