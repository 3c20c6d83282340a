"""html_to_passages: pure, so tested directly on small pages and on the archive's pages."""

from __future__ import annotations

from verifier.passages import html_to_passages, normalise_text, parse_date_text, text_to_passages

PAGE = """<!doctype html><html><head><title>Big  News | Site</title>
<meta property="article:published_time" content="2026-04-07T10:00:00Z">
<script>var x = "SCRIPT TEXT";</script><style>.a{color:red}</style></head>
<body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<h1>Launch  day</h1>
<p>The company raised <b>$4 million</b> in  seed funding.</p>
<ul><li>First item</li><li>Second <i>item</i></li></ul>
<table><tr><th>Model</th><th>Score</th></tr><tr><td>Alpha</td><td>83.1%</td></tr></table>
<figure><img src="x.png"><figcaption>A chart of growth</figcaption></figure>
<form><input name="email"><button>Subscribe</button></form>
</article></main>
<footer><p>Copyright 2026 Example Corp</p></footer>
</body></html>"""


def test_article_kept_and_chrome_dropped() -> None:
    page = html_to_passages(PAGE)
    assert page.title == "Big News | Site"
    assert page.published == "2026-04-07"
    texts = [(p.kind, page.passage_text(p)) for p in page.passages]
    assert texts == [
        ("title", "Big News | Site"),
        ("h1", "Launch day"),
        ("p", "The company raised $4 million in seed funding."),
        ("li", "First item"),
        ("li", "Second item"),
        ("th", "Model | Score"),
        ("td", "Alpha | 83.1%"),
        ("caption", "A chart of growth"),
    ]
    for noise in ("SCRIPT", "cookies", "Home", "Copyright", "Subscribe", "color:red"):
        assert noise not in page.text
    assert all(p.heading == "Launch day" for p in page.passages[1:])


def test_offsets_point_into_text() -> None:
    page = html_to_passages(PAGE)
    for p in page.passages:
        chunk = page.text[p.start : p.end]
        assert chunk and chunk == chunk.strip()
    starts = [p.start for p in page.passages]
    assert starts == sorted(starts)


def test_full_width_and_whitespace_normalised() -> None:
    page = html_to_passages("<p>营收　达到　１２０亿美元，增长５０％</p>")
    assert page.text == "营收 达到 120亿美元,增长50%"
    assert normalise_text(" a\u00a0\n b ") == "a b"


def test_invisible_formatting_characters_do_not_split_words_or_figures() -> None:
    """Hyphenated body text (soft hyphens), zero-width spaces and bidi marks read as the plain text."""
    page = html_to_passages("<p>Die Gesamt\u00adinvestition be\u00adtr\u00e4gt \u200e1.2\u200b50\u200f Mio. Euro.\ufeff</p>")
    assert page.text == "Die Gesamtinvestition betr\u00e4gt 1.250 Mio. Euro."
    assert normalise_text("emoji \u200d and \u200c stay") == "emoji \u200d and \u200c stay"


def test_broken_and_deeply_nested_html_survives() -> None:
    deep = "<div>" * 5000 + "<p>deep text" + "</div>" * 10
    page = html_to_passages(deep)
    assert "deep text" in page.text
    broken = html_to_passages("<p>one<p>two<li>three</b></i><table><td>x")
    assert [broken.passage_text(p) for p in broken.passages] == ["one", "two", "three", "x"]
    assert html_to_passages("").text == ""
    assert html_to_passages(b"\xff\xfe<p>bytes</p>").passages


def test_published_from_time_and_dateline() -> None:
    assert (
        html_to_passages('<main><time datetime="2026-03-31">Mar 31</time></main>').published == "2026-03-31"
    )
    assert html_to_passages('<p class="dateline">[Submitted on 9 Apr 2026]</p>').published == "2026-04-09"
    assert html_to_passages("<p>No date here, version 4.6</p>").published is None


def test_parse_date_text_spellings() -> None:
    assert parse_date_text("Apr 7, 2026 · 9 min read") == "2026-04-07"
    assert parse_date_text("Mar. 31 2026") == "2026-03-31"
    assert parse_date_text("13 April 2026") == "2026-04-13"
    assert parse_date_text("2026/03/28") == "2026-03-28"
    assert parse_date_text("2026 年 4 月 17 日") == "2026-04-17"
    assert parse_date_text("Feb 2026") is None
    assert parse_date_text("2026-13-45") is None


def test_plain_text_paragraphs() -> None:
    page = text_to_passages("Title line\n\nFirst para\nwraps here.\n\n\nSecond.")
    assert [page.passage_text(p) for p in page.passages] == [
        "Title line",
        "First para wraps here.",
        "Second.",
    ]
    assert page.title == "Title line"


def test_chrome_classes_dropped_but_lookalikes_kept() -> None:
    html = """<body><div class="share-bar">Share on X</div><div class="related_posts">Other story</div>
    <div id="wcpConsentBannerCtrl">Accept our terms</div>
    <div class="shareholders">Shareholders own 51%.</div><div class="unrelated-work">Kept text.</div>
    <div class="cmp-text">AEM component text.</div></body>"""
    text = html_to_passages(html).text
    assert text == "Shareholders own 51%.\nKept text.\nAEM component text."


def test_a_paragraph_introducing_a_list_heads_its_items() -> None:
    """"Halden's outlook for the second quarter of fiscal 2027 is as follows:" over a list: each item speaks
    under it (its period is the items'), and the paragraph after the list does not."""
    page = html_to_passages(
        "<html><body><article><h2>Outlook</h2><p>Halden's outlook for the second quarter of fiscal 2027 is as follows:</p>"
        "<ul><li>Revenue is expected to be $7.60 billion, plus or minus 2%.</li><li>Gross margin is expected to be 69%.</li></ul>"
        "<p>The company will hold a call today.</p></article></body></html>"
    )
    heads = {page.passage_text(p): p.heading for p in page.passages}
    lead = "Halden's outlook for the second quarter of fiscal 2027 is as follows:"
    assert heads["Revenue is expected to be $7.60 billion, plus or minus 2%."] == f"Outlook — {lead}"
    assert heads["Gross margin is expected to be 69%."] == f"Outlook — {lead}"
    assert heads["The company will hold a call today."] == "Outlook"
