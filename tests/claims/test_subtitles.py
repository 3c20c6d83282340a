"""Subtitle files (SubRip cues) read as the speech they carry: claims.subtitles and a bulletin's report."""

from __future__ import annotations

from claims.extract import extract_claims
from claims.report import parse_report
from claims.subtitles import is_subtitles, srt_view, vtt_view

BULLETIN = """1
00:00:00,400 --> 00:00:04,100
主播：各位好，欢迎收看《算力晚报》。

2
00:00:04,300 --> 00:00:05,600
【第一条】

3
00:00:06,000 --> 00:00:10,200
星枢智能12月3日发布
新模型星枢-5[1]，

4
00:00:10,200 --> 00:00:14,900
总参数1.2万亿，
API价格下调40%。

5
00:00:15,100 --> 00:00:16,300
【第二条】

6
00:00:16,500 --> 00:00:21,000
芯澜科技完成
8亿元C轮融资[2]。

7
00:00:21,200 --> 00:00:22,400
【编者按】

8
00:00:22,600 --> 00:00:27,000
今年国产大模型API均价
已下降约六成。

————————
参考链接：
[1] 星枢智能发布星枢-5 https://www.example.cn/news/1001.html
[2] 芯澜科技完成C轮融资 https://www.example.com/deals/2002
"""


def test_cue_numbers_and_time_ranges_are_blanked_and_a_sentence_reads_whole() -> None:
    view = srt_view(BULLETIN)
    assert len(view) == len(BULLETIN)
    assert "-->" not in view and "00:00" not in view
    assert "星枢智能12月3日发布 新模型星枢-5[1]，" in view  # one sentence across two cues
    assert "总参数1.2万亿， API价格下调40%。" in view
    assert "\n【第一条】\n" in view  # a story's marker stays a line of its own


def test_a_sentence_ending_or_a_source_line_ends_its_cue() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:04,000\nCorvane's revenue rose 21%.\n\n"
        "2\n00:00:04,200 --> 00:00:06,000\nSource: https://www.example.com/corvane\n\n"
        "3\n00:00:06,200 --> 00:00:09,000\nHalden raised $640 million\n\n"
        "4\n00:00:09,200 --> 00:00:11,000\nin a Series C round.\n"
    )
    view = srt_view(text)
    lines = [" ".join(line.split()) for line in view.splitlines() if line.strip()]
    assert lines == [
        "Corvane's revenue rose 21%.",
        "Source: https://www.example.com/corvane",
        "Halden raised $640 million in a Series C round.",
    ]


def test_text_without_three_cues_is_left_as_written() -> None:
    text = "Timeline\n1\n00:00:01,000 --> 00:00:04,000\nOne cue only.\n"
    assert srt_view(text) is text
    assert not is_subtitles(text) and is_subtitles(BULLETIN)


def test_a_bulletins_stories_rest_on_their_own_marks_and_its_note_cites_nothing() -> None:
    report = parse_report(BULLETIN, "bulletin.txt")
    by_heading = {s.heading: [r.url for r in s.sources] for s in report.sections if s.heading}
    assert by_heading == {
        "第一条": ["https://www.example.cn/news/1001.html"],
        "第二条": ["https://www.example.com/deals/2002"],
        "编者按": [],
    }
    claims = {c.key_text: c for c in extract_claims(report)}
    assert {"1.2万亿", "40%", "8亿元", "12月3日"} <= set(claims)
    assert "星枢智能" in claims["1.2万亿"].sentence  # (the sentence opened two cues before)


WEBVTT_MEETING = """WEBVTT

1
00:00:02.900 --> 00:00:09.900
<v Tomasz Wierzbicki>OK, we're recording. This is the research sync for Friday, January 8.</v>

2
00:00:10.000 --> 00:00:15.000
<v Tomasz Wierzbicki>Quick recap: Sablewing closed its $2.4 billion round.</v>

3
00:00:31.400 --> 00:00:36.900
<v Aiko Brennan>Sure. Sablewing's Series C was led by Temsik Holdings, at $31 billion post-money,</v>

4
00:00:37.100 --> 00:00:47.600
<v Aiko Brennan>Reuters has the details (link in chat: https://www.reuters.com/sablewing-raises).</v>

5
00:01:21.000 --> 00:01:24.000
<v Tomasz Wierzbicki>Great. Dev, Pellucid?</v>

6
00:01:25.000 --> 00:01:33.000
<v Dev Raghunathan>The CFO guided 2026 capex to about $48 billion (link in chat: https://www.cnbc.com/pellucid-capex).</v>
"""


def test_a_webvtt_meetings_turns_each_cite_their_own_links() -> None:
    """Each run of one voice's cues is a turn: one line opening on its start time and its speaker, citing the links
    said in it; the host's recap cites nothing; "Friday, January 8" dates the meeting in the year next to the
    latest it writes in which that day is a Friday."""
    view = vtt_view(WEBVTT_MEETING)
    assert len(view) == len(WEBVTT_MEETING) and "<v" not in view and "</v>" not in view and "-->" not in view
    assert "[00:00:31] Aiko Brennan: Sure. Sablewing's Series C" in " ".join(view.split())
    # (a link said in the meeting keeps its address; "link in chat" says where it is, not what the figure measures)
    assert "link in chat" not in view and "https://www.reuters.com/sablewing-raises" in view
    report = parse_report(WEBVTT_MEETING, "sync.txt")
    assert str(report.date) == "2027-01-08"
    cited = [[r.url for r in s.sources] for s in report.sections if s.sources]
    assert cited == [["https://www.reuters.com/sablewing-raises"], ["https://www.cnbc.com/pellucid-capex"]]
    recap = next(s for s in report.sections if s.start <= WEBVTT_MEETING.index("$2.4 billion") < s.end)
    assert recap.sources == ()
    assert vtt_view("WEBVTT\n\nplain notes with no voices") == "WEBVTT\n\nplain notes with no voices"


def test_a_webvtt_speakers_name_is_who_speaks_not_whom_the_turn_speaks_of() -> None:
    """A turn's speaker says its figures; the name is no entity of the sentences it opens (were it one, the
    speaker would stand as the figure's subject, and no page names the speaker)."""
    report = parse_report(WEBVTT_MEETING, "sync.txt")
    claims = {c.key_text: c for c in extract_claims(report)}
    capex = claims["$48 billion"]
    assert "Dev Raghunathan" not in capex.sentence and "Dev Raghunathan" not in capex.entities
    assert capex.sentence.startswith("The CFO guided 2026 capex")
    assert "Aiko Brennan" not in claims["$31 billion"].entities


def test_a_long_webvtt_transcript_reads_in_linear_time() -> None:
    import time

    cues = "".join(
        f"{i}\n00:{i // 60 % 60:02d}:{i % 60:02d}.000 --> 00:{i // 60 % 60:02d}:{i % 60:02d}.900\n"
        f"<v Speaker {i % 3}>Revenue rose {i}% (https://example.org/{i}).</v>\n\n"
        for i in range(20000)
    )
    for text in ("WEBVTT\n\n" + cues, "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v A>" + " " * 200000 + "x\n"):
        started = time.perf_counter()
        assert len(vtt_view(text)) == len(text)
        assert time.perf_counter() - started < 5.0
