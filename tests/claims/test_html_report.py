"""A report saved as an HTML document: read as the text it renders, cited cell by cell."""

from __future__ import annotations

import re
import time

from claims.extract import extract_claims
from claims.html_report import html_item_spans, html_view, is_html
from claims.report import parse_report
from verifier.report_files import find_report_files

NEWSLETTER = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The Weekly Wire &mdash; Orrin&#8217;s round</title>
<style>p{margin:0}</style>
<script>var seen = "$9 billion";</script>
</head>
<body>
<span class="preheader" style="display:none;max-height:0">Orrin raised $7 billion, they say&nbsp;&zwnj;</span>
<table role="presentation" width="100%">
<tr><td style="font-size:11px">Trouble reading? <a href="https://letters.wire.example/view/12">View in browser</a></td></tr>
<tr><td>Issue #12<br>Monday, January 4, 2027</td></tr>
<tr><td><p>Happy new year. Start-ups raised more than $20 billion in December.</p></td></tr>
<tr><td><h2 style="margin:0">
Funding</h2></td></tr>
<tr><td class="item"><p><strong>Orrin Labs</strong> closed a $2.4 billion Series C led by Aster Ridge
(<a href="https://www.reuters.com/orrin-raises" style="color:#15c">Reuters</a>). Orrin&#8217;s run rate hit $1.3 billion.</p></td></tr>
<tr><td class="item"><p>Halden arranged a $1 billion credit line, <a href="https://halden.example/news?a=1&amp;b=2">its newsroom</a> says.</p></td></tr>
<tr><td style="font-size:11px"><a href="https://letters.wire.example/unsubscribe?u=9">Unsubscribe</a> &middot; <a href="https://letters.wire.example/prefs">Preferences</a></td></tr>
</table>
<img src="https://letters.wire.example/o/12.gif" width="1" height="1" alt="">
</body>
</html>
"""


def test_only_an_html_document_is_read_as_one() -> None:
    assert is_html(NEWSLETTER) and is_html("\ufeff  <!-- saved -->\n<html><body><p>x</p></body></html>")
    for text in (
        "# Weekly\n\nOrrin raised <b>$2.4 billion</b>.",
        "<p>a fragment of markup</p>",
        "plain text",
    ):
        assert not is_html(text) and html_view(text) == text


def test_the_view_shows_what_the_page_renders_in_place() -> None:
    view = html_view(NEWSLETTER)
    assert len(view) == len(NEWSLETTER)
    shown = " ".join(view.split())
    # the head, the script and the hidden preheader show nothing but the title, which is the first heading
    assert view.lstrip().startswith("# The Weekly Wire — Orrin’s round")
    assert "$9 billion" not in view and "$7 billion" not in view and "margin" not in view
    # tags are gone, a block breaks its line, a heading is one markdown heading line, a reference is its character
    assert "<" not in view and "&" not in view.replace("&b=2", "")
    assert re.search(r"\n## +Funding *\n", view)  # (the line break inside the heading is a blank)
    assert "Orrin Labs closed a $2.4 billion Series C led by Aster Ridge" in shown
    assert (
        "Orrin ’s run rate hit $1.3 billion." in shown
    )  # ("Orrin&#8217;s": the padding before the apostrophe)
    # a link keeps its address where its tag stood (its references read), its words where they are
    assert "( https://www.reuters.com/orrin-raises Reuters )" in shown
    assert "https://halden.example/news?a=1&b=2 its newsroom says" in shown
    # the newsletter's own links (the host of its "View in browser" and "Unsubscribe" links) are no address
    assert "letters.wire.example" not in view


def test_each_innermost_cell_of_a_section_cites_its_own_links() -> None:
    report = parse_report(NEWSLETTER, "wire.html")
    assert report.title == "The Weekly Wire — Orrin’s round"
    assert str(report.date) == "2027-01-04"  # the masthead's date, thousands of characters into the source
    by_url = {s.sources[0].url: s for s in report.sections if s.sources}
    assert set(by_url) == {"https://www.reuters.com/orrin-raises", "https://halden.example/news?a=1&b=2"}
    claims = {c.key_text: c for c in extract_claims(report)}
    reuters, halden = (
        by_url["https://www.reuters.com/orrin-raises"],
        by_url["https://halden.example/news?a=1&b=2"],
    )
    assert reuters.start <= claims["$2.4 billion"].start < reuters.end
    assert reuters.start <= claims["$1.3 billion"].start < reuters.end
    assert halden.start <= claims["$1 billion"].start < halden.end
    # the intro cell cites nothing (an unsourced summary), whatever links other cells give
    intro = next(s for s in report.sections if s.start <= claims["$20 billion"].start < s.end)
    assert intro.sources == ()
    assert html_item_spans(NEWSLETTER, html_view(NEWSLETTER), reuters.start, reuters.end) in (
        [],
        [(reuters.start, reuters.end)],
    )


def test_a_folder_of_reports_holds_saved_html_pages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "wire.html").write_text(NEWSLETTER, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    assert [p.name for p in find_report_files([tmp_path])] == ["notes.md", "wire.html"]


def test_hostile_markup_reads_in_linear_time() -> None:
    cells = (
        "<tr><td><p>Orrin raised $2.4 billion <a href='https://a.example/x'>(a)</a></p></td></tr>\n" * 4000
    )
    unclosed = "<td><span style='display:none'>" + "<p>x &amp; y " * 20000
    hidden = "<span style='display:none'><a href='https://a.example/x'>x " * 5000
    for body in (cells, unclosed, hidden, "<" * 50000, "&#" * 50000):
        text = f"<!DOCTYPE html><html><head><title>t</title></head><body><table>{body}</table></body></html>"
        started = time.perf_counter()
        view = html_view(text)
        parse_report(text, "hostile.html")
        assert len(view) == len(text)
        assert time.perf_counter() - started < 8.0


def test_a_saved_page_showing_no_text_is_refused_with_a_clear_error() -> None:
    import pytest

    from claims.errors import ReportError

    for text in (
        "<!DOCTYPE html><html><head><title></title><style>p{}</style></head><body></body></html>",
        "<!DOCTYPE html>\n<html></html>",
    ):
        with pytest.raises(ReportError, match="shows no text"):
            parse_report(text, "empty.html")
