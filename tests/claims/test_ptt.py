"""A BBS post (批踢踢) read as the post it shows (claims/ptt.py) and its pushes as turns (claims/sections.py). The post
is our own."""

from __future__ import annotations

from claims.ptt import is_ptt, ptt_view
from claims.report import parse_report

POST = """作者  chipwatcher (晶片觀察)                                 看板  Tech_Job
標題  [新聞] 霖岳11月營收年增72% 創單月新高
時間  Tue Dec  1 09:12:44 2026
───────────────────────────────────────

1.新聞網址︰https://money.udn.com/money/story/5612/9000001
2.新聞來源︰經濟日報
4.完整新聞內文︰

伺服器代工廠霖岳今日公布11月合併營收新台幣18.4億元，年增72.3%。

5.附註、心得、想法︰

※ 引述《bear88 (熊)》之銘言：
: 霖岳10月營收才8億元

AI伺服器還在爆發，明年營收應該還能再成長三成吧

--
※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.2.3.4 (臺灣)
※ 文章網址: https://www.ptt.cc/bbs/Tech_Job/M.1764551564.A.1F2.html
推 gpuman: 對手朗昇上月才成長20% https://www.example.tw/news/123  12/01 09:20
→ lurker: 毛利率呢                                            12/01 09:25
噓 bear88: 股價早就反映了                                     12/01 09:31
推 sam: 10月才8億? 我記得是9億                                  12/01 09:40
"""


def test_a_bbs_post_reads_as_the_post_it_shows() -> None:
    assert is_ptt(POST) and not is_ptt("作者：张三\n正文 ※ 注释")
    view = ptt_view(POST)
    assert len(view) == len(POST)
    # the site's system lines (the post's own address among them) and the quoted post's lines are blank
    for gone in ("發信站", "文章網址", "ptt.cc/bbs", "1.2.3.4", "之銘言", "10月營收才8億元"):
        assert gone not in view, gone
    # a push keeps its words and its address; its time stamp is blank
    assert "推 gpuman: 對手朗昇上月才成長20% https://www.example.tw/news/123" in view and "12/01 09:20" not in view
    assert "伺服器代工廠霖岳今日公布11月合併營收新台幣18.4億元" in view


def test_each_push_cites_only_its_own_address() -> None:
    sections = parse_report(POST, "ptt.txt").sections
    by_text = {POST[s.start : s.end].strip().split("\n")[0][:12]: s for s in sections}
    pushes = [s for s in sections if POST[s.start : s.end].lstrip().startswith(("推", "噓"))]
    assert len(pushes) == 3
    assert [r.url for r in pushes[0].sources] == ["https://www.example.tw/news/123"]
    assert all(not p.sources for p in pushes[1:])
    # the comment above the pushes cites nothing: not the post's own address, not a push's link
    comment = next(s for key, s in by_text.items() if key.startswith("AI伺服器"))
    assert not comment.sources
