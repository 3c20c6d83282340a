"""A forum thread's BBCode read as the posts it renders (claims/bbcode.py). The thread is our own."""

from __future__ import annotations

import time

from claims.bbcode import bbcode_view, is_bbcode
from claims.report import parse_report

THREAD = """Halden HX-5 announced: 128GB for $3,199

Post by nodebench » Mon Nov 30, 2026 8:02 pm

Launch post is up: [url=https://www.example.com/halden-hx5]Halden's announcement[/url]

[list]
[*][b]128 GB of HBM3e[/b] on one card
[*]ships Jan 12, preorders open today
[/list]

Post by lurker42 » Mon Nov 30, 2026 9:15 pm

[quote="nodebench" post_id=9911]Launch post is up: [url=https://www.example.com/halden-hx5]Halden's announcement[/url][/quote]

Review numbers are in: [url]https://www.example.org/hx5-review[/url] it draws 410 W under load.
"""


def test_a_forum_thread_reads_as_its_posts() -> None:
    assert is_bbcode(THREAD) and not is_bbcode("a [note] in brackets and [1] a footnote")
    view = bbcode_view(THREAD)
    assert len(view) == len(THREAD)
    for gone in ("[url", "[/url]", "[b]", "[list]", "[quote", "[/quote]"):
        assert gone not in view, gone
    # a link's address and label stay where they stand; a list item is a bullet of its own line
    assert "https://www.example.com/halden-hx5 Halden's announcement" in view
    assert "\n-  ships Jan 12, preorders open today" in view
    # a quoted post is blanked: its words and its link are the quoted post's
    second = view[view.index("Post by lurker42") :]
    assert "halden-hx5" not in second and "https://www.example.org/hx5-review" in second
    assert bbcode_view("plain [text] with 12 figures") == "plain [text] with 12 figures"


def test_a_quoting_post_cites_only_its_own_links() -> None:
    report = parse_report(THREAD, "thread.txt")
    by_post = {s.heading.split(" » ")[0]: s for s in report.sections if s.heading.startswith("Post by")}
    assert [r.url for r in by_post["Post by nodebench"].sources] == ["https://www.example.com/halden-hx5"]
    assert [r.url for r in by_post["Post by lurker42"].sources] == ["https://www.example.org/hx5-review"]


def test_unclosed_tags_cost_no_rescan() -> None:
    """A hostile thread (thousands of unclosed quotes or links) is read in one pass, not once per tag."""
    for text in ("[url=x]y[/url][b]z[/b]" + "[quote]a" * 5000, "[quote]q[/quote][b]" + "[url=x]" * 5000):
        started = time.perf_counter()
        bbcode_view(text)
        assert time.perf_counter() - started < 1.0
