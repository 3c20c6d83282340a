"""Real pages of the awkward kinds, served by a real HTTP server on 127.0.0.1, fetched into a ledger:
a PDF (text per page, page numbers on passages), a GB18030 page labelled gb2312, an undeclared Big5
page, a soft 404 and a paywall (200 answers that are not the article: kept, never evidence)."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.db import session_scope
from storage.models import Snapshot, Source
from storage.sources import upsert_source_url
from tests.support.pdf import make_pdf
from tests.support.servers import LocalServer, Reply
from verifier.fetch.run import fetch_sources
from verifier.settings import Settings

FILLER = "".join(
    f"<p>{lead} The company said the facility would be built in phases over the next three years, with "
    f"the first phase expected to come online in the second half of next year; {tail}</p>"
    for lead, tail in [
        ("Analysts welcomed the guidance.", "executives declined to name the customers."),
        ("Shares rose in late trading.", "the board also approved a new buyback programme."),
        ("Supply remains tight.", "lead times for the largest systems are still long."),
        ("Margins were a focus on the call.", "the finance chief expects them to hold steady."),
        ("The outlook covers all segments.", "gaming and automotive are expected to grow more slowly."),
        ("Competition is increasing.", "rivals have announced products for the same market."),
    ]
)

GB_PAGE = (
    '<html><head><meta charset="gb2312"><title>上海发布算力券申领通知</title></head><body><article>'
    "<h1>上海发布2026年度人工智能算力券申领通知</h1>"
    "<p>上海市经济和信息化委员会发布通知，２０２６年度人工智能算力券总额为６亿元，单个企业最高可获得５００万元支持。</p>"
    "<p>首批获得支持的企业包括喆思科技、堃元智能和镕达算力，申领时间为6月10日至7月31日。</p>"
    "<p>通知要求，算力券仅可用于购买本市算力服务平台上登记的智能算力，不得转让或者用于其他用途。"
    "市经济信息化委将会同市财政局对算力券使用情况进行跟踪评估。</p>"
    "</article></body></html>"
)
BIG5_PAGE = (
    "<html><head><title>緯鈞5月營收創新高</title></head><body><article>"
    "<h1>AI伺服器出貨暢旺 緯鈞5月營收創單月新高</h1>"
    "<p>緯鈞今日公布5月合併營收新台幣1,286.4億元，月增12.3%，年增85.1%，創單月新高。</p>"
    "<p>法人指出，AI伺服器出貨暢旺，帶動營收成長。公司表示，第二季營收可望較第一季成長兩成以上，"
    "下半年新一代機櫃產品將陸續出貨。</p>"
    "</article></body></html>"
)
SOFT_404 = (
    "<html><head><title>Page not found | TechLedger</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/ai'>AI</a></nav><main><h1>Page not found</h1>"
    "<p>Sorry, we couldn't find the page you were looking for. It may have been moved or deleted.</p>"
    "<h2>Trending</h2><ul><li>Kestrel lands $4.5B at a $62B valuation — June 8, 2026</li>"
    "<li>Halden's Q1 revenue jumps 48% to $6.96B — May 27, 2026</li></ul></main></body></html>"
)
PAYWALL = (
    "<html><head><title>Kestrel weighs chip pact with Halden - Bloomfield</title></head><body><article>"
    "<h1>Kestrel Weighs Long-Term Chip Supply Pact With Halden</h1>"
    "<p>Kestrel AI is in discussions with Halden Semiconductor about a multiyear agreement worth about "
    "$30 billion, according to people familiar with the matter.</p>"
    "<div class='wall'><p>Subscribe now to continue reading</p>"
    "<p>Get unlimited access to Bloomfield.com for $1.99 a month. Already a subscriber? Sign in.</p></div>"
    "</article></body></html>"
)
ARTICLE = (
    "<html><head><title>Halden raises forecast</title></head><body><article><h1>Halden raises forecast</h1>"
    "<p>Halden said on Tuesday it expects second-quarter revenue of $7.4 billion, above estimates. "
    "Subscribers to our newsletter get this story first.</p>"
    + FILLER
    + "<p>Already a subscriber? Sign in to manage your newsletters.</p></article></body></html>"
)


def _pdf() -> bytes:
    return make_pdf(
        [
            ["Halden Semiconductor Annual Report 2025", "",
             "Revenue for fiscal 2025 reached $24.1 billion, up 61% from the prior",
             "year, driven by demand for data center accelerators."],
            ["Segment results", "",
             "Data Center revenue was $19.8 billion for the year.",
             "Gaming revenue was $2.9 billion."],
            ["Outlook", "", "The company expects capital spending of about $3 billion in 2026."],
        ],
        title="Halden Annual Report 2025",
        created="D:20260305090000Z",
    )


ROUTES = {
    "/annual-report.pdf": lambda _r: Reply(body=_pdf(), headers={"Content-Type": "application/pdf"}),
    "/gb.html": lambda _r: Reply(body=GB_PAGE.encode("gb18030"), headers={"Content-Type": "text/html; charset=gb2312"}),
    "/big5.html": lambda _r: Reply(body=BIG5_PAGE.encode("big5"), headers={"Content-Type": "text/html"}),
    "/gone": lambda _r: Reply(body=SOFT_404.encode()),
    "/paywalled": lambda _r: Reply(body=PAYWALL.encode()),
    "/article": lambda _r: Reply(body=ARTICLE.encode()),
}


def _settings() -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None, allow_private_addresses=True, respect_robots=False, max_retries=0,
        total_timeout=10.0, max_body_bytes=1_000_000,
    )


def _fetch_all(engine: Engine, srv: LocalServer) -> dict[str, tuple[Source, Snapshot]]:
    ids = {}
    with session_scope(engine) as s:
        for path in ROUTES:
            src = upsert_source_url(s, srv.url(path))
            assert src.id is not None
            ids[path] = src.id
    asyncio.run(fetch_sources(engine, list(ids.values()), settings=_settings()))
    out = {}
    with Session(engine) as s:
        for path, sid in ids.items():
            src = s.get(Source, sid)
            snap = s.exec(select(Snapshot).where(Snapshot.source_id == sid)).one()
            assert src is not None
            out[path] = (src, snap)
    return out


def _passages(snap: Snapshot) -> list[dict]:
    return json.loads(snap.passages)


def test_awkward_pages_from_a_real_server(engine: Engine) -> None:
    with LocalServer(ROUTES) as srv:
        got = _fetch_all(engine, srv)

    # a PDF: text per page, every passage carrying its page number, offsets into the stored text
    src, snap = got["/annual-report.pdf"]
    assert src.state == "ok" and snap.page_state == "ok" and snap.reader == "pdf"
    assert snap.title == "Halden Annual Report 2025" and snap.published == "2026-03-05"
    pages = {p["page"]: snap.text[p["start"] : p["end"]] for p in _passages(snap) if "page" in p}
    by_page: dict[int, str] = {}
    for p in _passages(snap):
        if "page" in p:
            by_page[p["page"]] = by_page.get(p["page"], "") + " " + snap.text[p["start"] : p["end"]]
    assert set(pages) == {1, 2, 3}
    assert "Revenue for fiscal 2025 reached $24.1 billion, up 61% from the prior year" in by_page[1]
    assert "Data Center revenue was $19.8 billion" in by_page[2]
    assert "about $3 billion in 2026" in by_page[3]

    # GB18030 characters on a page labelled gb2312; full-width digits read as ASCII
    src, snap = got["/gb.html"]
    assert src.state == "ok" and snap.page_state == "ok" and snap.reader == "trafilatura"
    assert "喆思科技、堃元智能和镕达算力" in snap.text
    assert "2026年度人工智能算力券总额为6亿元" in snap.text and "500万元" in snap.text
    assert "�" not in snap.text

    # Big5 without any declaration: detected
    src, snap = got["/big5.html"]
    assert src.state == "ok" and snap.page_state == "ok" and snap.reader == "trafilatura"
    assert "緯鈞今日公布5月合併營收新台幣1,286.4億元" in snap.text

    # 200 answers that are not the article: kept as snapshots, the source says what they are
    assert got["/gone"][0].state == "soft_404" and got["/gone"][1].page_state == "soft_404"
    assert got["/paywalled"][0].state == "paywall" and got["/paywalled"][1].page_state == "paywall"
    # a full article that mentions subscribers is an article
    assert got["/article"][0].state == "ok" and got["/article"][1].page_state == "ok"


def test_the_desk_shows_page_numbers_and_page_states(engine: Engine) -> None:
    from fastapi.testclient import TestClient

    from verifier.api import create_app

    with LocalServer(ROUTES) as srv:
        got = _fetch_all(engine, srv)
    app = create_app(Settings(_env_file=None, secret_key="test-secret", run_scheduler=False), engine)  # type: ignore[call-arg]
    client = TestClient(app)
    pdf_source = got["/annual-report.pdf"][0]
    html = client.get(f"/sources/{pdf_source.id}").text
    assert all(f'id="page-{n}"' in html for n in (1, 2, 3))
    assert html.index("Page 2") < html.index("Data Center revenue was $19.8 billion") < html.index("Page 3")
    assert "<iframe" not in html  # a PDF is shown as its text, not framed as HTML
    wall = client.get(f"/sources/{got['/paywalled'][0].id}").text
    assert "reads as <strong>paywall</strong>" in wall
    api = client.get(f"/api/sources/{got['/gone'][0].id}").json()
    assert api["state"] == "soft_404" and api["snapshot_list"][0]["page_state"] == "soft_404"
    assert api["snapshot_list"][0]["reader"] == "trafilatura"
