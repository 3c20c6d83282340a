"""A discussion thread copied from a link aggregator: the site's lines blank, each comment citing its own links, a
top-level comment with none citing the submitted page, a quoted parent's address no citation of the reply."""

from __future__ import annotations

import time

from claims.comment_threads import comment_thread_view, is_comment_thread, top_level_comments
from claims.extract import extract_claims
from claims.report import parse_report

THREAD = (
    "Hacker News new | past | comments | ask | show | jobs | submit\n\n"
    "Aster 4 (example.ai)\nhttps://example.ai/blog/aster-4\n"
    "412 points by tpark 14 hours ago | hide | past | favorite | 287 comments\n\n"
    "add comment\n\n"
    "alice 13 hours ago | next [–]\n\n"
    "The price is $1.20 per million input tokens, 40% below Aster 3.\n\n"
    "reply\n\n"
    "  bob 12 hours ago | parent | next [–]\n\n"
    "  > https://example.org/other-story\n\n"
    "  It was trained on 48,000 accelerators.\n\n"
    "  reply\n\n"
    "carol 11 hours ago | prev | next [–]\n\n"
    "Already #2 on the board: https://board.example.org/coding\n\n"
    "reply\n\n"
    "Guidelines | FAQ | Lists | API | Security | Legal | Contact\n"
)


def test_the_view_blanks_the_sites_lines_and_keeps_offsets() -> None:
    view = comment_thread_view(THREAD)
    assert len(view) == len(THREAD) and is_comment_thread(THREAD)
    for gone in (
        "412 points",
        "13 hours ago",
        "[–]",
        "reply",
        "add comment",
        "Guidelines",
        "submit",
        "other-story",
    ):
        assert gone not in view, gone
    for kept in (
        "Aster 4 (example.ai)",
        "https://example.ai/blog/aster-4",
        "alice",
        "48,000",
        "board.example.org",
    ):
        assert kept in view, kept
    assert (
        comment_thread_view("alice 3 hours ago | next [–]\nno second comment")
        == "alice 3 hours ago | next [–]\nno second comment"
    )


def test_a_top_level_comment_without_links_cites_the_submission_and_a_reply_cites_only_its_own() -> None:
    report = parse_report(THREAD, "thread.txt")
    assert report.title == "Aster 4 (example.ai)"
    cited = {
        report.text[s.start : s.end].split(None, 1)[0]: [r.url for r in s.sources]
        for s in report.sections
        if s.heading
    }
    assert cited["alice"] == ["https://example.ai/blog/aster-4"]
    assert cited["bob"] == []  # a reply: the quoted address is its parent's
    assert cited["carol"] == ["https://board.example.org/coding"]
    assert len(top_level_comments(THREAD)) == 2
    keys = [c.key_text for c in extract_claims(report)]
    assert "412" not in keys and not any("hours" in k for k in keys)
    assert "$1.20" in keys and "48,000" in keys


def test_hostile_threads_read_in_bounded_time() -> None:
    cases = [
        "u 1 hour ago | next [–]\n" * 20000,
        ("a | " * 50000) + "\nu 1 hour ago [–]\nv 2 hours ago [–]\n",
        "u 1 hour ago " + "| x " * 50000 + "\nv 2 hours ago [–]\n",
        ("> " + "https://x.org/" * 3000 + "\n") * 50 + "u 1 hour ago [–]\nv 2 hours ago [–]\n",
    ]
    for text in cases:
        t0 = time.perf_counter()
        assert len(comment_thread_view(text)) == len(text)
        assert time.perf_counter() - t0 < 2.0
