"""The real sites whose round trip still loses something, by site and loss kind: strict xfails of
tests/roundtrip/test_realworld_sites.py.

THIS IS THE LIST TO SHRINK (issue 19). When your change makes a site's kind pass, its xfail turns into an
XPASS failure: remove that kind here (or the site, when nothing is left) in the same commit. Never add an
entry to make a new loss pass; `python benchmarks/roundtrip.py --known-losses` prints the list for the
current numbers, `python benchmarks/roundtrip.py SITE --details` says what each loss is.

EVERY: the round trip stops (import or build refuses the site), so no kind can pass yet.
"""

from __future__ import annotations

from tests.roundtrip.realworld import ALL_KINDS

EVERY = (*ALL_KINDS, "jekyll")

KNOWN_LOSSES: dict[str, tuple[str, ...]] = {
    "academicpages/Alex-Gauvain__Alex-Gauvain.github.io": ('diff',),
    "academicpages/BarakGahtan__barakgahtan.github.io": ('diff',),
    "academicpages/BillJr99__BillJr99.github.io": ('diff',),
    "academicpages/CEA-jiangming__CEA-jiangming.github.io": ('diff',),
    "academicpages/ChrisWoodgate__chriswoodgate.github.io": ('diff',),
    "academicpages/FHellmann__fhellmann.github.io": ('diff',),
    "academicpages/Guhuary__huanlei.github.io": ('diff',),
    "academicpages/Jeff97__Jeff97.github.io": ('diff',),
    "academicpages/Jiajie-Mei__Jiajie-Mei.github.io": ('diff',),
    "academicpages/Jieli12__Jieli12.github.io": ('diff',),
    "academicpages/Jingnan-Jia__jingnan-jia.github.io": ('diff',),
    "academicpages/Katarina-Poole__Katarina-Poole.github.io": ('diff',),
    "academicpages/MatteoMagnini__matteomagnini.github.io": ('diff',),
    "academicpages/SaoYan__saoyan.github.io": ('diff',),
    "academicpages/Valentyn1997__valentyn1997.github.io": ('diff',),
    "academicpages/antonior92__academicpages.github.io": ('diff',),
    "academicpages/jmloyola__academicpages.github.io": ('diff',),
    "academicpages/lucasgautheron__academicpages.github.io": ('diff',),
    "academicpages/pinshuai__academicpages.github.io": ('diff',),
    "academicpages/sharanramjee__sharanramjee.github.io": ('diff',),
    "academicpages/wjmoss__academicpages.github.io": ('diff',),
    "al-folio/0jaehunny0__0jaehunny0.github.io": ('diff',),
    "al-folio/0xAdriaTorralba__0xAdriaTorralba.github.io": ('diff',),
    "al-folio/0xtob__0xtob.github.io": ('diff',),
    "al-folio/20001LastOrder__boqi-chen.github.io": ('diff',),
    "al-folio/201younghanlee__201younghanlee.github.io": ('diff',),
    "al-folio/25sal__25sal": ('diff',),
    "al-folio/42Shawn__42Shawn.github.io": ('diff',),
    "al-folio/444thLiao__mypage": ('diff',),
    "al-folio/501Good__501Good.github.io": ('diff',),
    "al-folio/594zyc__594zyc.github.io": ('diff',),
    "al-folio/K-Wu__K-Wu.github.io": ('diff',),
    "al-folio/carolinacarreira__carolinacarreira.github.io": ('diff',),
    "al-folio/dominikstrb__dominikstrb.github.io": ('diff',),
    "al-folio/ellisbrown__ellisbrown.github.io": ('diff',),
    "al-folio/joahannes__joahannes.github.io": ('diff',),
    "al-folio/johanneshoerner__johanneshoerner.github.io": ('diff',),
    "al-folio/kyleclo__kyleclo.github.io": ('diff',),
    "al-folio/sahirbhatnagar__sahirbhatnagar.github.io": ('diff',),
    "al-folio/strubell__strubell.github.io": ('diff',),
    "al-folio/swabhs__swabhs.github.io": ('diff',),
    "al-folio/tirtharajdash__tirtharajdash.github.io": ('diff',),
    "al-folio/yoonholee__yoonholee.github.io": ('diff',),
    "al-folio/yyang768osu__yyang768osu.github.io": ('diff',),
    "al-folio/zrqiao__zrqiao.github.io": ('diff',),
}
