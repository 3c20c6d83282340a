"""verifier.reading: trafilatura's main text walked into our passages, page states, PDFs, charsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.pdf import make_pdf
from verifier.fetch.charset import charset_from_content_type, charset_from_meta
from verifier.passages import html_to_passages
from verifier.reading import page_state, read_body, read_html, read_pdf
from verifier.reading.main_text import (
    columns,
    headings_before_paragraphs,
    leaf_divs_to_paragraphs,
    parse_html,
)
from verifier.reading.pdf import PdfLimits, paragraphs

DEVSET_PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "devset" / "sources" / "pages"
NAV = "<nav><a href='/'>Home</a> <a href='/markets'>Markets</a> <a href='/tech'>Technology</a></nav>"
MOST_READ = (
    "<aside class='most-read'><h3>Most read</h3><ol>"
    "<li><a href='/1'>Oil heads for weekly loss as supply outlook improves 3.2%</a></li>"
    "<li><a href='/2'>Treasury yields rise; 10-year at 4.41%</a></li>"
    "<li><a href='/3'>SoftBank plans $8.5 billion data centre in Osaka</a></li></ol></aside>"
)


def article(body: str, head: str = "<title>Brightwater breaks ground | Brightwater</title>") -> str:
    return f"<html><head>{head}</head><body>{NAV}<main><article>{body}</article></main>{MOST_READ}</body></html>"


PARAS = (
    "<p>Brightwater Energy today broke ground on the first phase of Project Meridian, a data-center campus "
    "in Pecos County, Texas, planned to reach a total capacity of 1.2 gigawatts by 2028.</p>"
    "<p>Kestrel AI is the anchor tenant and has signed a 15-year lease covering the first 800 megawatts "
    "of capacity. Kestrel will use the campus to train and serve its frontier models.</p>"
)


def texts(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.kind, page.passage_text(p)) for p in page.passages]


def test_passages_of_the_main_text_with_offsets_into_the_text() -> None:
    html = article(
        "<h1>Brightwater breaks ground on Project Meridian</h1>" + PARAS
        + "<h2>Power first</h2>Text right after a heading, outside any paragraph."
        + "<ul><li>600 MW of gas turbines</li><li>800 MW of solar</li></ul>"
        + "<table><tr><th>Item</th><th>Value</th></tr><tr><td>Phase one capacity</td><td>400 MW</td></tr></table>"
    )
    page = read_html(html)
    assert page.reader == "trafilatura" and page.state == "ok"
    got = texts(page)
    assert got[0][0] == "title" and got[0][1].startswith("Brightwater breaks ground")  # metadata's title
    assert ("h1", "Brightwater breaks ground on Project Meridian") in got
    assert ("h2", "Power first") in got
    assert ("p", "Text right after a heading, outside any paragraph.") in got  # a heading's tail is kept
    assert ("li", "600 MW of gas turbines") in got and ("li", "800 MW of solar") in got
    assert ("td", "Phase one capacity | 400 MW") in got  # a row is one passage with its label
    assert ("th", "Item | Value") in got
    # every passage is its own line of the stored text, offsets exact, headings carried
    assert page.text == "\n".join(t for _, t in got)
    li = next(p for p in page.passages if p.kind == "li")
    assert li.heading == "Power first"


def test_chrome_and_other_stories_are_not_main_text() -> None:
    page = read_html(article("<h1>Brightwater breaks ground</h1>" + PARAS))
    assert "Most read" not in page.text and "4.41%" not in page.text and "$8.5 billion" not in page.text
    assert "Markets" not in page.text
    # the old extractor kept the "most read" figures (an <aside> aside, lists of links stayed)
    old = html_to_passages(article("<h1>Brightwater breaks ground</h1>" + PARAS).replace("aside", "div"))
    assert "4.41%" in old.text


def test_class_names_that_merely_contain_chrome_words_keep_the_article() -> None:
    """The old extractor dropped whole article bodies inside ``content-sidebar-wrap`` or ``no-sidebar``."""
    html = (
        "<html><head><title>Funding</title></head><body><div class='content-sidebar-wrap no-sidebar'>"
        f"<div class='entry-content'>{PARAS}</div></div></body></html>"
    )
    assert "800 megawatts" not in html_to_passages(html).text
    assert "800 megawatts" in read_html(html).text


def test_an_update_box_in_the_article_is_kept() -> None:
    """trafilatura drops text that sits directly in a div; inside the article it is read as a paragraph."""
    box = (
        "<div class='update-box'><strong>Update (June 5, 2026):</strong> The first-phase capacity has been "
        "revised to 400 MW from the 350 MW stated in the original version of this release.</div>"
    )
    page = read_html(article("<h1>Brightwater breaks ground</h1>" + box + PARAS))
    assert "revised to 400 MW from the 350 MW" in page.text
    # the devset's capture of that press release: trafilatura alone drops the box
    capture = (DEVSET_PAGES / "p09.html").read_text(encoding="utf-8")
    assert "has been revised to 400 MW from the 350 MW stated in the original" in read_html(capture).text


def test_only_line_long_text_divs_in_the_article_become_paragraphs() -> None:
    """Text directly in a div is read as a paragraph only when it is at least a line long: tags and
    labels in such divs are chrome; an update box is a sentence or more (CJK characters count double)."""
    tree = parse_html(article(
        "<div class='tags'><strong>Tags:</strong> energy, Texas</div>"
        "<div class='update-box'><strong>Update:</strong> capacity was revised to 400 MW from the 350 MW "
        "stated in the original release.</div><div class='note'>更正：本文原稿所述一期项目装机容量350兆瓦有误，经公司确认应为400兆瓦，特此更正并向读者致歉。</div>"
        + PARAS
    ))
    assert leaf_divs_to_paragraphs(tree) == 2
    assert [el.get("class") for el in tree.iter("p") if el.get("class")] == ["update-box", "note"]
    assert columns("算力券总额") == 10 and columns("MW") == 2


def test_a_section_beside_the_body_is_read_but_not_a_comment_form() -> None:
    """trafilatura reads the notice's own container; the Q&A block right after it in the same
    article is a section of the page too. A comment box after it (a form) is not."""
    notice = "<div class='article-content'>" + PARAS + PARAS.replace("Kestrel", "Halden") + "</div>"
    qa = (
        "<div class='explainer'><h2>Questions and answers</h2>"
        "<p>Q: How large is the first phase of the campus in Pecos County?</p>"
        "<p>A: The first phase covers 300 megawatts and is due to come online in the second half of 2027.</p></div>"
    )
    form = (
        "<div class='respond'><h3>Leave a comment</h3><p>Your email address will not be published.</p>"
        "<p>Required fields are marked.</p><form><textarea></textarea></form></div>"
    )
    page = read_html(article("<div class='box'>" + notice + qa + form + "</div>"))
    assert ("h2", "Questions and answers") in texts(page)
    assert "A: The first phase covers 300 megawatts" in page.text
    assert "Leave a comment" not in page.text and "will not be published" not in page.text


def test_a_heading_above_a_list_is_not_the_heading_of_the_next_paragraph() -> None:
    tree = parse_html(
        "<html><body><h2>Outlook</h2><p>Revenue is expected to grow 12%.</p><h3>Related stories</h3>"
        "<ul><li><a href='/a'>Oil heads for weekly loss</a></li></ul><p>The board approved a buyback.</p>"
        "</body></html>"
    )
    headings = headings_before_paragraphs(tree)
    assert headings["Revenue is expected to grow 12%."] == ("h2", "Outlook")
    assert "The board approved a buyback." not in headings


def test_dateline_and_published_date() -> None:
    head = "<title>Series D</title><meta property='article:published_time' content='2026-06-08T09:00:00Z'>"
    byline = "<p class='post-meta'><time datetime='2026-06-08'>June 8, 2026</time> · Ines Navarro · 7 min read</p>"
    page = read_html(article("<h1>Announcing our Series D</h1>" + byline + PARAS, head=head))
    assert page.published == "2026-06-08"
    # readers drop bylines; the page's own dateline stays a passage so a date claim can be checked
    assert ("dateline", "June 8, 2026 · Ines Navarro · 7 min read") in texts(page)


@pytest.mark.parametrize(
    ("top", "published"),
    [
        # a kicker line above the headline: a full date and a few words
        ("<p class='kicker'>Product · November 24, 2026</p><h1>Introducing Orbit 4</h1>", "2026-11-24"),
        # (… its words counted, not its separators: a weekday and a reading time beside the date)
        ("<p class='kicker'>Product · Tuesday, November 24, 2026 · 9 min read</p><h1>Introducing Orbit 4</h1>", "2026-11-24"),
        # a wire lede: a place in capitals, the wire's name, the date, a dash
        ("<h1>Halden Reports Third Quarter Results</h1><p>OSLO, Norway--(BUSINESS WIRE)--Nov. 24, 2026-- Halden "
         "ASA today reported revenue of $3.84 billion for the quarter.</p>", "2026-11-24"),
        ("<h1>Halden opens a lab</h1><p>MIDDLESBROUGH, 2 December 2026 — Halden today opened a research lab "
         "for 40 engineers.</p>", "2026-12-02"),
        # a lede opening on an event's date dates the event, not the page
        ("<h1>Halden history</h1><p>On March 3, 2025, Halden was founded in Oslo by two engineers and a lawyer, "
         "who had met at university.</p>", None),
        # a list's date is its item's
        ("<h1>Milestones</h1><ul><li>March 3, 2025: founded</li><li>May 2, 2026: Series A</li></ul>", None),
    ],
)
def test_the_top_of_the_article_dates_a_page_without_date_markup(top: str, published: str | None) -> None:
    page = read_html(article(top + PARAS))
    assert page.published == published


def test_our_extractor_reads_what_trafilatura_finds_nothing_in() -> None:
    page = read_html("<html><head><title>Prices</title></head><body><span>Price: $4 million</span></body></html>")
    assert page.reader == "fallback"
    assert "Price: $4 million" in page.text


def test_hostile_and_empty_markup_never_raises() -> None:
    assert read_html("").passages == []
    deep = "<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000
    assert "deep text" in read_html(f"<html><body><article>{deep}</article></body></html>").text
    assert read_html("\x00\x01 not html at all").state in ("empty", "ok")


@pytest.mark.parametrize(
    ("title", "body", "state"),
    [
        ("Page not found | TechLedger", "<h1>Page not found</h1><p>Sorry, we couldn't find it.</p>", "soft_404"),
        ("TechLedger", "<h1>Error 404</h1><p>The page you requested is no longer available.</p>", "soft_404"),
        ("36氪", "<h1>页面不存在</h1><p>您访问的页面已被删除或移动。</p>", "soft_404"),
        ("Bloomfield", "<h1>Chip pact</h1><p>Kestrel AI is in talks with Halden.</p><p>Subscribe now to continue reading.</p>", "paywall"),
        ("财经", "<h1>算力租赁</h1><p>云迹智算上市首日收涨27.4%。</p><p>订阅后阅读全文</p>", "paywall"),
        ("News", "<p>We use cookies to run this site. Accept all cookies or manage cookie settings.</p>", "consent"),
        ("Seite nicht gefunden - Tagesblatt", "<h1>Fehler 404</h1><p>Die angeforderte Seite existiert nicht.</p>", "soft_404"),
        ("Le Quotidien", "<h1>Page introuvable</h1><p>La page que vous recherchez a été déplacée.</p>", "soft_404"),
        ("El Diario", "<h1>Ups</h1><p>Página no encontrada. Vuelve a la portada.</p>", "soft_404"),
        ("日経", "<h1>ページが見つかりません</h1><p>お探しのページは削除された可能性があります。</p>", "soft_404"),
        ("Handelsblatt", "<h1>Chipfabrik</h1><p>Halden investiert 4 Mrd. Euro.</p><p>Exklusiv für Abonnenten: jetzt weiterlesen mit Plus.</p>", "paywall"),
        ("Le Monde", "<h1>Puces</h1><p>Halden investit 4 milliards d'euros.</p><p>Cet article est réservé aux abonnés.</p>", "paywall"),
        ("El País", "<h1>Chips</h1><p>Halden invierte 4.000 millones.</p><p>Contenido exclusivo para suscriptores.</p>", "paywall"),
        ("日経", "<h1>半導体</h1><p>ハルデンは4000億円を投資する。</p><p>この記事は有料会員限定です。続きを読むにはログイン</p>", "paywall"),
        ("Zeitung", "<p>Wir verwenden Cookies. Alle Cookies akzeptieren oder Einstellungen anpassen.</p>", "consent"),
        ("Journal", "<p>Nous utilisons des cookies pour améliorer votre expérience. Accepter tous les cookies.</p>", "consent"),
        ("Brightwater", "<h1>Project Meridian</h1>" + PARAS, "ok"),
    ],
)
def test_page_states(title: str, body: str, state: str) -> None:
    page = read_html(f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>")
    assert page.state == state


def test_a_short_article_that_kept_its_cookie_banner_is_an_article() -> None:
    """The banner is one passage beside the article's own text: not a consent wall."""
    banner = "<p>Nous utilisons des cookies pour améliorer l'offre que nous vous proposons.</p>"
    body = (
        "<h1>Terres fertiles</h1>" + banner + "<p>24 milliards de tonnes de terres fertiles sont perdues chaque "
        "année à cause de la dégradation des sols, selon une étude menée par l'IRD à Dakar.</p>"
    )
    assert read_html(article(body)).state == "ok"


def test_a_listed_companys_announcement_is_no_not_found_page() -> None:
    """Every Chinese exchange filing opens with the board's declaration that the announcement "内容不存在任何虚假
    记载" (contains no false record): a not-found cue inside a long sentence, not a page's own message."""
    body = (
        "<h1>甲衡智算：关于向特定对象发行A股股票预案披露的提示性公告</h1>"
        "<p>本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性依法承担法律责任。</p>"
        "<p>本次发行募集资金总额不超过28.6亿元，发行股票数量不超过12,480万股。</p>"
    )
    assert read_html(article(body)).state == "ok"
    assert read_html(article("<h1>提示</h1><p>抱歉，您访问的内容不存在或已被删除。</p>")).state == "soft_404"


def test_a_long_article_with_a_subscribe_footer_is_an_article() -> None:
    body = "".join(f"<p>Paragraph {i}: {PARAS}</p>" for i in range(4)) + "<p>Already a subscriber? Sign in.</p>"
    page = read_html(article("<h1>Project Meridian</h1>" + body))
    assert page.state == "ok"
    assert page_state("x", "", []) == "empty"


PDF = make_pdf(
    [
        ["Annual Report 2025", "", "Revenue for the year reached $6.96 billion, up 48% from the prior",
         "year, driven by data center demand."],
        ["Segment results", "", "Data Center revenue was $5.82 billion.", "Gaming revenue was $0.9 billion."],
    ],
    title="Halden Annual Report",
    created="D:20260605120000+08'00'",
)


def test_pdf_text_per_page_with_page_numbers() -> None:
    page = read_pdf(PDF)
    assert (page.reader, page.state, page.title, page.published) == ("pdf", "ok", "Halden Annual Report", "2026-06-05")
    got = [(p.page, page.passage_text(p)) for p in page.passages if p.kind != "title"]
    assert (1, "Annual Report 2025") in got
    assert (1, "Revenue for the year reached $6.96 billion, up 48% from the prior year, driven by data center demand.") in got
    assert (2, "Data Center revenue was $5.82 billion. Gaming revenue was $0.9 billion.") in got
    assert all(p.as_dict()["page"] == p.page for p in page.passages if p.page)


def test_pdf_limits_and_broken_files() -> None:
    assert {p.page for p in read_pdf(PDF, PdfLimits(max_pages=1)).passages if p.page} == {1}
    assert read_pdf(b"%PDF-1.4 this is not a pdf").state in ("unsupported", "empty")
    assert read_pdf(PDF[: len(PDF) // 2]).state in ("unsupported", "empty", "ok")  # truncated: never raises
    # the reader is chosen by type, or by the signature when the server sent a generic type
    assert read_body(PDF, "application/octet-stream").reader == "pdf"
    assert read_body(b"line one\n\nline two", "text/plain").reader == "text"


def test_pdf_paragraphs_join_lines() -> None:
    assert paragraphs("A long line of text that goes on and on until the end of the\nline-\nbreak ends here.") == [
        "A long line of text that goes on and on until the end of the linebreak ends here."
    ]
    assert paragraphs("第一行中文内容没有结束\n第二行继续。") == ["第一行中文内容没有结束第二行继续。"]


def test_legacy_chinese_charsets_read_as_their_supersets() -> None:
    """Pages labelled gb2312/gbk carry GB18030 characters, and big5 pages HKSCS ones (as browsers read them)."""
    assert charset_from_content_type("text/html; charset=gb2312") == "gb18030"
    assert charset_from_content_type("text/html; charset=GBK") == "gb18030"
    assert charset_from_content_type("text/html; charset=big5") == "big5hkscs"
    assert charset_from_meta(b'<meta charset="gb2312">') == "gb18030"
    assert charset_from_content_type("text/html; charset=utf-8") == "utf-8"


def test_full_width_digits_and_traditional_text() -> None:
    page = read_html(article("<h1>緯鈞營收</h1><p>緯鈞５月營收新台幣１，２８６．４億元，年增８５．１％，創單月新高。</p>" * 3))
    assert "緯鈞5月營收新台幣1,286.4億元,年增85.1%" in page.text


def test_a_heading_dropped_above_a_kept_paragraph_is_put_back() -> None:
    """A listing's post titles are links, which trafilatura drops, while it keeps their summaries: the
    title is what the figures in the summary are about (a subreddit's front page cited for "128x")."""
    posts = "".join(
        f"<article class='post'><p class='meta'><span class='flair'>{flair}</span> · u/someone · {i} hr. ago</p>"
        f"<h3><a href='/comments/{i}/'>{title}</a></h3><p>{summary}</p><p class='meta'>comments · share</p></article>"
        for i, (flair, title, summary) in enumerate([
            ("Research", "ResBM: low-bandwidth pipeline-parallel training with 128x activation compression [R]",
             "Macrocosmos has put out a paper on Residual Bottleneck Models. The idea is a residual "
             "encoder-decoder bottleneck at each pipeline boundary that cuts inter-stage traffic…"),
            ("Project", "A political-compass benchmark for LLMs [P]",
             "Sharing an open-source eval that scores frontier chat models on economic and social policy "
             "questions, including how refusals are counted…"),
            ("Discussion", "[D] Simple Questions Thread",
             "Quick questions go here instead of new threads; point newcomers to this thread too."),
        ])
    )
    html = (
        "<html><head><title>r/MachineLearning</title></head><body><main class='feed'>"
        "<section class='community-header'><h1>r/MachineLearning</h1><p>Machine Learning</p></section>"
        f"{posts}</main></body></html>"
    )
    page = read_html(html)
    got = texts(page)
    title = next(i for i, (_, t) in enumerate(got) if t.startswith("ResBM"))
    assert got[title][0] == "h3" and got[title + 1][1].startswith("Macrocosmos")
    assert page.passages[title + 1].heading.startswith("ResBM")


_WORDS = ["revenue", "rose", "$4.5 billion", "48%", "営収", "億元", "Q1", "2026", "the", "<b>bold</b>", "&amp;"]


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join),
        lambda inner: st.tuples(
            st.sampled_from(["p", "div", "li", "h2", "h3", "blockquote", "section", "td", "span", "table", "ul"]),
            st.lists(inner, min_size=1, max_size=4),
        ).map(lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"),
        max_leaves=25,
    )
)
def test_passages_always_tile_the_stored_text(fragment: str) -> None:
    """Whatever the markup, every passage is a non-empty, normalised line of the stored text, in order."""
    page = read_html(f"<html><head><title>T</title></head><body><article>{fragment}</article></body></html>")
    lines = [page.passage_text(p) for p in page.passages]
    assert page.text == "\n".join(lines)
    assert all(line and line == line.strip() and "\n" not in line for line in lines)
    assert all(a.end < b.start for a, b in zip(page.passages, page.passages[1:], strict=False))


def test_a_link_free_list_among_paragraphs_is_read_on_a_page_without_an_article() -> None:
    """With no article or main element trafilatura reads paragraphs and tables only, and a release's
    highlights list went with the chrome; a list without links beside a paragraph of text is kept, a
    related-news list of links is not."""
    long_para = (
        "<p>ALDER BAY, Calif.--Corvane Systems, Inc. today reported financial results for its third quarter of "
        "fiscal 2027, which ended October 31, 2026, and raised its outlook for the year.</p>"
    )
    html = (
        "<html><head><title>Corvane Reports Third Quarter Results</title></head><body>"
        f"{NAV}<div class='release'><h1>Corvane Reports Third Quarter Results</h1>{long_para}"
        "<ul><li>Revenue of $2.418 billion, up 44% year over year.</li>"
        "<li>GAAP gross margin of 58.1%; non-GAAP gross margin of 60.4%.</li></ul>"
        f"{long_para.replace('today reported', 'also said it')}</div>"
        "<div class='recent'><h4>Recent releases</h4><ul><li><a href='/q2'>Corvane reports Q2 revenue of $2.1 billion</a></li>"
        "<li><a href='/ceo'>Corvane names new CFO</a></li></ul></div></body></html>"
    )
    page = read_html(html)
    assert "Revenue of $2.418 billion, up 44% year over year." in page.text
    assert "$2.1 billion" not in page.text



def test_a_unit_caption_over_a_table_is_kept_for_its_cells() -> None:
    body = "<p>本公司董事会及全体董事保证本公告内容不存在任何虚假记载。</p>" * 3
    html = (
        "<html><head><title>某公司2026年第三季度报告</title></head><body><article><h1>某公司2026年第三季度报告</h1>"
        f"{body}<h3>主要会计数据</h3><p class='caption'>单位：万元　币种：人民币</p>"
        "<table><tr><th>项目</th><th>本报告期</th><th>年初至报告期末</th></tr>"
        "<tr><td>营业收入</td><td>1,286,452.37</td><td>3,147,905.18</td></tr>"
        "<tr><td>净利润</td><td>98,315.64</td><td>231,086.92</td></tr></table>"
        f"{body}</article></body></html>"
    )
    page = read_html(html)
    texts = [(p.kind, page.text[p.start : p.end]) for p in page.passages]
    at = next(i for i, (kind, _) in enumerate(texts) if kind == "th")
    assert "单位" in texts[at - 1][1] and "万元" in texts[at - 1][1]
