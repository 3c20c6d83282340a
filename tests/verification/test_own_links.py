"""A claim whose own sentence links a page rests on that page, not on its section's other pages (verifier/verify.py)."""

from __future__ import annotations

from storage.evidence import SourceInfo
from verifier.verify import own_links

PAGES = {
    1: SourceInfo(1, "https://36kr.com/p/3091857264511234", "ok", 0),
    2: SourceInfo(2, "https://www.qbitai.com/2026/12/298417.html", "ok", 0),
    3: SourceInfo(3, "https://www.stcn.com/article/detail/1729384.html", "ok", 0),
}


def test_a_bullet_rests_on_the_link_it_writes() -> None:
    bullet = "- 训练使用了约2万张GPU（[量子位](https://www.qbitai.com/2026/12/298417.html)）"
    assert own_links(bullet, [1, 2, 3], PAGES) == [2]
    # two links of its own: both; a sentence that links nothing, or nothing the section cites: the section's
    both = "- 另据[36氪](https://36kr.com/p/3091857264511234)与[证券时报](https://www.stcn.com/article/detail/1729384.html)，营收84.60亿元"
    assert own_links(both, [1, 2, 3], PAGES) == [1, 3]
    assert own_links("- 营收84.60亿元", [1, 2, 3], PAGES) == [1, 2, 3]
    assert own_links("- 营收84.60亿元（https://example.com/other）", [1, 2, 3], PAGES) == [1, 2, 3]
    assert own_links(bullet, [2], PAGES) == [2]
