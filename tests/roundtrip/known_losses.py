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
    "academicpages/Alex-Gauvain__Alex-Gauvain.github.io": EVERY,
    "academicpages/BarakGahtan__barakgahtan.github.io": EVERY,
    "academicpages/BillJr99__BillJr99.github.io": ('coauthors', 'links', 'abstracts', 'bodies', 'keys', 'urls', 'diff', 'jekyll'),
    "academicpages/CEA-jiangming__CEA-jiangming.github.io": EVERY,
    "academicpages/ChrisWoodgate__chriswoodgate.github.io": ('links', 'bodies', 'keys', 'urls', 'diff', 'jekyll'),
    "academicpages/FHellmann__fhellmann.github.io": ('coauthors', 'abstracts', 'bodies', 'keys', 'diff'),
    "academicpages/Guhuary__huanlei.github.io": ('coauthors', 'abstracts', 'bodies', 'keys', 'diff'),
    "academicpages/Jeff97__Jeff97.github.io": ('links', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "academicpages/Jiajie-Mei__Jiajie-Mei.github.io": ('links', 'bodies', 'keys', 'urls', 'diff', 'jekyll'),
    "academicpages/Jieli12__Jieli12.github.io": ('coauthors', 'links', 'keys', 'urls', 'diff', 'jekyll'),
    "academicpages/Jingnan-Jia__jingnan-jia.github.io": EVERY,
    "academicpages/Katarina-Poole__Katarina-Poole.github.io": ('links', 'bodies', 'keys', 'urls', 'files', 'diff', 'jekyll'),
    "academicpages/MatteoMagnini__matteomagnini.github.io": EVERY,
    "academicpages/SaoYan__saoyan.github.io": ('bodies', 'keys', 'diff'),
    "academicpages/Valentyn1997__valentyn1997.github.io": ('links', 'abstracts', 'bodies', 'keys', 'urls', 'diff', 'jekyll'),
    "academicpages/antonior92__academicpages.github.io": ('coauthors', 'links', 'abstracts', 'bodies', 'keys', 'diff'),
    "academicpages/jmloyola__academicpages.github.io": ('coauthors', 'links', 'abstracts', 'bodies', 'keys', 'diff'),
    "academicpages/lucasgautheron__academicpages.github.io": EVERY,
    "academicpages/pinshuai__academicpages.github.io": ('bodies', 'diff'),
    "academicpages/sharanramjee__sharanramjee.github.io": ('coauthors', 'links', 'bodies', 'diff'),
    "academicpages/wjmoss__academicpages.github.io": EVERY,
    "al-folio/0jaehunny0__0jaehunny0.github.io": ('bodies', 'keys', 'files', 'diff'),
    "al-folio/0xAdriaTorralba__0xAdriaTorralba.github.io": ('papers', 'links', 'abstracts', 'bodies', 'keys', 'files', 'diff', 'jekyll'),
    "al-folio/0xtob__0xtob.github.io": ('links', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/20001LastOrder__boqi-chen.github.io": ('keys', 'files', 'diff'),
    "al-folio/201younghanlee__201younghanlee.github.io": ('bodies', 'files', 'diff'),
    "al-folio/25sal__25sal": EVERY,
    "al-folio/42Shawn__42Shawn.github.io": ('keys', 'files', 'diff'),
    "al-folio/444thLiao__mypage": ('links', 'files', 'diff'),
    "al-folio/501Good__501Good.github.io": ('links', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/594zyc__594zyc.github.io": ('papers', 'links', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/K-Wu__K-Wu.github.io": ('links', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/carolinacarreira__carolinacarreira.github.io": ('papers', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/dominikstrb__dominikstrb.github.io": ('links', 'keys', 'files', 'diff'),
    "al-folio/ellisbrown__ellisbrown.github.io": EVERY,
    "al-folio/joahannes__joahannes.github.io": ('papers', 'links', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/johanneshoerner__johanneshoerner.github.io": ('links', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/kyleclo__kyleclo.github.io": ('papers', 'links', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/sahirbhatnagar__sahirbhatnagar.github.io": ('links', 'keys', 'files', 'diff'),
    "al-folio/strubell__strubell.github.io": ('links', 'abstracts', 'bodies', 'keys', 'files', 'diff', 'jekyll'),
    "al-folio/swabhs__swabhs.github.io": EVERY,
    "al-folio/tirtharajdash__tirtharajdash.github.io": ('papers', 'links', 'keys', 'files', 'diff'),
    "al-folio/yoonholee__yoonholee.github.io": ('links', 'abstracts', 'bodies', 'keys', 'diff'),
    "al-folio/yyang768osu__yyang768osu.github.io": ('links', 'abstracts', 'bodies', 'keys', 'files', 'diff'),
    "al-folio/zrqiao__zrqiao.github.io": EVERY,
}
