"""A whole shift at the desk in a real browser (Debian's chromium through Playwright), against
``claimledger serve`` on 127.0.0.1: log in, drain one report's queue with save-and-next, search by a
Chinese word and by a source URL, bulk-confirm a source's claims, open a source and diff two
snapshots, jump through the contradictions of the editor's page, upload a report and watch it
get verified. Screenshots of every page go to ``test-artifacts/shift-*.png``.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.db import make_engine, session_scope
from storage.models import Snapshot
from storage.verdicts import VerdictUpdate, record_verdict
from tests.api.factories import Seed, seed_ledger
from tests.browser.serving import serve
from tests.browser.test_review_flow import ARGS, ARTIFACTS, CHROMIUM
from tests.support.servers import LocalServer, Reply
from verifier.review import review_claim

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium not installed at /usr/bin/chromium (run `make browser`)"),
]

PAGE = (b"<html><head><title>Mistral funding</title></head><body><h1>Mistral raises</h1>"
        b"<p>Mistral AI closed a funding round of 600 million euros on April 18, 2026.</p></body></html>")


# a fetched page that tries to run a script and to load from the network when shown
HOSTILE = (b"<html><body><h1>OpenAI raises</h1><p>OpenAI raised $6 million.</p>"
           b"<script>document.body.innerHTML = 'SCRIPT RAN'</script>"
           b"<img src='https://tracker.example/pixel.png'><link rel='stylesheet' href='https://cdn.example/x.css'>"
           b"</body></html>")


def _report(url: str) -> str:
    return (
        "# AI 日报 2026-04-20\n\n"
        "## 一、Mistral 融资\n\n"
        "Mistral AI 完成 6 亿欧元融资。\n\n"
        f"来源：{url}\n"
    )


@pytest.fixture
def shift(tmp_path: Path) -> Iterator[tuple[str, Seed, str]]:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = make_engine(url, cache=False)
    seed = seed_ledger(engine)
    with session_scope(engine) as s:  # the cited page changed once: a second snapshot to diff
        s.add(Snapshot(source_id=seed.sources["ok"], content_hash="h2", title="OpenAI raises",
                       content_type="text/html; charset=utf-8", raw_gz=gzip.compress(HOSTILE),
                       text="OpenAI raised $6 million at a valuation of about $90 billion, the company said."))
    # report B's claim was reviewed, then its page changed under the review: needs review
    review_claim(engine, seed.claims["other"], "contradicted", "the release says $400 million", "ann")
    moved = {"old": "OpenAI 完成 400 万美元融资。", "new": "OpenAI 完成 4 亿美元融资，估值 900 亿美元。", "score": 71.0}
    with session_scope(engine) as s:
        record_verdict(s, seed.claims["other"], VerdictUpdate("verified", "value_match", 0.8,
                                                              details={"passage": moved}))
    with LocalServer({"/mistral": lambda req: Reply(body=PAGE, headers={"Content-Type": "text/html"})}) as srv:
        extra = {"CLAIMLEDGER_ALLOW_PRIVATE_ADDRESSES": "true", "CLAIMLEDGER_RESPECT_ROBOTS": "false",
                 "CLAIMLEDGER_MAX_RETRIES": "0"}
        with serve(url, tmp_path, extra) as base:
            yield base, seed, srv.url("/mistral")


def test_a_whole_shift(shift: tuple[str, Seed, str], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, seed, cited = shift
    ARTIFACTS.mkdir(exist_ok=True)

    def shot(page, name: str, full: bool = True) -> None:  # type: ignore[no-untyped-def]
        page.screenshot(path=str(ARTIFACTS / f"shift-{name}.png"), full_page=full)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 760}, device_scale_factor=0.8)
            remote: list[str] = []

            def only_loopback(route, request) -> None:  # type: ignore[no-untyped-def]
                if request.url.startswith(base) or request.url.startswith("about:"):
                    route.continue_()
                else:
                    remote.append(request.url)
                    route.abort()

            page.route("**/*", only_loopback)
            # 1. log in
            page.goto(base + "/login")
            page.fill("#token", seed.tokens["reviewer"])
            page.click("button[type=submit]")
            expect(page.locator("h1")).to_have_text("Review queue")
            shot(page, "queue", full=False)
            # 2. work one report's queue with save-and-next until it is empty
            page.goto(base + f"/?report={seed.reports['a']}")
            rows = page.locator("table#queue tr.row")
            waiting = rows.count()
            assert waiting == 3
            page.keyboard.press("j")
            page.keyboard.press("Enter")
            page.wait_for_url("**/claims/*")
            shot(page, "claim")
            for i in range(waiting):
                expect(page.locator("#review-form")).to_be_visible()
                page.fill("#note", f"checked on the desk ({i + 1})")
                page.click("#save-next")
                page.wait_for_load_state()
            expect(page.locator("#queue-empty")).to_be_visible()
            expect(page.locator("table#queue .empty")).to_be_visible()
            assert f"report={seed.reports['a']}" in page.url  # the filters were kept to the end
            shot(page, "queue-empty")
            # the g key keeps the filters too
            page.goto(base + f"/claims/{seed.claims['valuation']}?queue=report%3D{seed.reports['a']}")
            page.keyboard.press("g")
            page.wait_for_url(f"**/?report={seed.reports['a']}")
            # 3. search by a Chinese word and by a source URL
            page.fill("#search-box", "融资")
            page.keyboard.press("Enter")
            page.wait_for_url("**/search?q=*")
            expect(page.locator("#search-count")).to_contain_text("3 claims")
            shot(page, "search-chinese")
            page.fill("#search-box", "example.org/gemma")
            page.keyboard.press("Enter")
            expect(page.locator("#source-results a")).to_have_count(1)
            shot(page, "search-url")
            # a claim whose page moved under its review: old passage, new passage, their diff
            page.goto(base + f"/claims/{seed.claims['other']}")
            expect(page.locator("#moved-passage")).to_contain_text("400 万美元")
            expect(page.locator("#moved-passage ins.figure").first).to_be_visible()
            page.locator("#needs-review").scroll_into_view_if_needed()
            shot(page, "needs-review", full=False)
            # 4. bulk-confirm every claim resting on one source
            page.goto(base + f"/sources/{seed.sources['dead']}")
            page.fill("#bulk input[name=note]", "the page is gone; verdicts confirmed")
            page.click("#bulk-confirm-source")
            expect(page.locator("#bulk-result")).to_contain_text("Saved 1 review")
            # 5. open a source, diff two snapshots
            page.goto(base + f"/sources/{seed.sources['ok']}")
            expect(page.locator("table.snapshots tbody tr")).to_have_count(2)
            frame = page.frame_locator("#raw-frame")
            expect(frame.locator("p")).to_have_text("OpenAI raised $6 million.")  # shown, inert:
            expect(frame.locator("body")).not_to_contain_text("SCRIPT RAN")  # no script ran
            page.locator("#raw-frame").scroll_into_view_if_needed()
            shot(page, "source")
            page.click("#diff-submit")
            page.wait_for_url("**/diff?*")
            expect(page.locator("#diff ins.figure").first).to_have_text("6")
            expect(page.locator("#diff del.figure").first).to_have_text("4")
            shot(page, "diff", full=False)
            # 6. the editor's page: summary first, jump through the contradictions
            page.goto(base + f"/reports/{seed.reports['a']}")
            expect(page.locator("#report-text h1, #report-text p").first).to_be_visible()
            marks = page.locator("#report-text .claim[id]")
            bar_total = sum(int(t.split()[0]) for t in page.locator(".bar .seg").all_inner_texts())
            assert marks.count() == bar_total == 4
            contradictions = page.locator("#report-text .claim.st-contradicted[id]")
            n = contradictions.count()
            assert n >= 1
            for _ in range(n):
                page.click("#next-contradiction")
            assert page.url.endswith(f"#claim-{seed.claims['amount']}")
            page.evaluate("window.scrollTo(0, 0)")
            shot(page, "report", full=False)
            page.goto(base + f"/reports/{seed.reports['a']}?show=contradicted")
            expect(page.locator("#report-text .claim[id]")).to_have_count(n)
            # 7. an editor uploads a report and sees it verified
            page.click("header .who button")
            page.goto(base + "/login")
            page.fill("#token", seed.tokens["editor"])
            page.click("button[type=submit]")
            page.goto(base + "/upload")
            report = tmp_path / "2026-04-20.md"
            report.write_text(_report(cited), encoding="utf-8")
            page.set_input_files("#upload-file", str(report))
            page.click("#upload-submit")
            expect(page.locator("#job")).to_be_visible()
            expect(page.locator("#job-report")).to_be_visible(timeout=60_000)
            expect(page.locator("#job-stage")).to_have_text("done")
            shot(page, "upload")
            page.click("#job-report")
            expect(page.locator("#report-text .claim[id]").first).to_be_visible()
            statuses = page.locator("#report-text .claim[id]").evaluate_all("els => els.map(e => e.dataset.status)")
            assert "verified" in statuses, statuses
            shot(page, "uploaded-report")
            assert remote == []
        finally:
            browser.close()
