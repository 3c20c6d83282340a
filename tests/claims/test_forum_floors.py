"""A forum thread of numbered floors (Mobile01, Discuz!): each floor cites only its own links."""

from __future__ import annotations

import time

from claims.forum_floors import floors_view, is_forum_thread
from claims.report import parse_report

THREAD = """Mobile01 › 投資與理財 › 股票
鈞碩12月營收再創新高，AI伺服器族群今年還能追嗎？
瀏覽 6,218 ｜ 回覆 3

#1 樓主
股海老船長
2027-01-09 10:32

鈞碩（3687）前天公布12月營收142.6億，月增8.3%
經濟日報 https://money.udn.com/money/story/5612/1
--------
長線布局 短線看戲｜以上為個人筆記

分享　檢舉　引用　回覆

#2
阿豪看盤
2027-01-09 10:51

「引用 #1 股海老船長 寫道：經濟日報 https://money.udn.com/money/story/5612/1」
最大客戶Tarrow上季營收43.7億美元，年增41%
財報原文 https://www.businesswire.com/news/2

分享　檢舉　引用　回覆

#3
小資族阿Ken
2027-01-09 11:20

集中度真的是隱憂，210億資本支出有一半要砸在泰國

分享　檢舉　引用　回覆
"""


def test_each_floor_cites_its_own_links_not_the_floor_it_quotes() -> None:
    assert is_forum_thread(THREAD) and not is_forum_thread("#1 一個標題\n正文")
    view = floors_view(THREAD)
    assert len(view) == len(THREAD)
    for gone in ("#1 樓主", "股海老船長\n", "分享　檢舉", "長線布局", "引用 #1"):
        assert gone not in view
    report = parse_report(THREAD, "m1.txt")
    floors = {THREAD[s.start : s.end].split("\n", 1)[0]: [r.url for r in s.sources] for s in report.sections}
    assert floors["#1 樓主"] == ["https://money.udn.com/money/story/5612/1"]
    assert floors["#2"] == ["https://www.businesswire.com/news/2"]  # (not #1's link, which it quotes)
    assert floors["#3"] == []


def test_a_long_thread_reads_in_linear_time() -> None:
    floors = "".join(
        f"#{i}\nmember{i}\n2027-01-09 10:{i % 60:02d}\n\n「引用 #{i} x 寫道：" + "y" * 50 + "\n營收成長\n\n"
        for i in range(1, 20001)
    )
    started = time.perf_counter()
    assert len(floors_view(floors)) == len(floors)
    assert time.perf_counter() - started < 5.0
