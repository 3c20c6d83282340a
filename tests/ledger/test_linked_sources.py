"""A claim whose own sentence links a page of its section rests on that page, not on the section's other pages
(storage/evidence.py)."""

from __future__ import annotations

from storage.evidence import linked_sources

PAGES = {
    1: "https://36kr.com/p/3091857264511234",
    2: "https://www.qbitai.com/2026/12/298417.html",
    3: "https://www.stcn.com/article/detail/1729384.html",
}


def test_a_bullet_rests_on_the_link_it_writes() -> None:
    bullet = "- 训练使用了约2万张GPU（[量子位](https://www.qbitai.com/2026/12/298417.html)）"
    assert linked_sources(bullet, [1, 2, 3], PAGES) == [2]
    # two links of its own: both; a sentence that links nothing, or nothing the section cites: the section's
    both = "- 另据[36氪](https://36kr.com/p/3091857264511234)与[证券时报](https://www.stcn.com/article/detail/1729384.html)，营收84.60亿元"
    assert linked_sources(both, [1, 2, 3], PAGES) == [1, 3]
    assert linked_sources("- 营收84.60亿元", [1, 2, 3], PAGES) == [1, 2, 3]
    assert linked_sources("- 营收84.60亿元（https://example.com/other）", [1, 2, 3], PAGES) == [1, 2, 3]
    assert linked_sources(bullet, [2], PAGES) == [2]
