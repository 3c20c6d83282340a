"""A real browser (Debian's chromium through Playwright) against ``claimledger serve`` on 127.0.0.1.

Skipped with a message when chromium is absent (``make browser`` installs it where it can).
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from storage.db import make_engine
from tests.api.factories import Seed, seed_ledger
from tests.browser.serving import serve

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium not installed at /usr/bin/chromium (run `make browser`)"),
]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Seed]]:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    seed = seed_ledger(make_engine(url, cache=False))
    with serve(url, tmp_path) as base:
        yield base, seed


def test_review_a_contradicted_claim_and_read_the_report(served: tuple[str, Seed]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, seed = served
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            remote: list[str] = []

            def only_loopback(route, request) -> None:  # type: ignore[no-untyped-def]
                if request.url.startswith(base):
                    route.continue_()
                else:  # a CDN or any other host: the pages must not need one
                    remote.append(request.url)
                    route.abort()

            page.route("**/*", only_loopback)
            page.goto(base + "/login")
            page.fill("#token", seed.tokens["reviewer"])
            page.click("button[type=submit]")
            expect(page.locator("h1")).to_have_text("Review queue")
            page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)
            # keyboard: j selects the first row (contradicted first), Enter opens it
            page.keyboard.press("j")
            page.keyboard.press("Enter")
            page.wait_for_url(f"**/claims/{seed.claims['amount']}")
            expect(page.locator("mark.hl")).to_have_text("$4 million")
            page.keyboard.press("v")  # choose "verified", focus the note
            page.keyboard.type("Source corrected to $400 million on re-check")
            page.click("#review-submit")
            page.wait_for_url(f"**/claims/{seed.claims['amount']}#timeline")
            first_event = page.locator("ol.timeline li").first
            expect(first_event).to_contain_text("reviewer-1")
            expect(first_event).to_contain_text("Source corrected to $400 million")
            expect(page.locator("h1 .badge")).to_have_text("verified")
            expect(page.locator("table.audit")).to_contain_text("contradicted/value_mismatch")
            page.screenshot(path=str(ARTIFACTS / "claim-after-review.png"), full_page=True)

            page.goto(base + f"/reports/{seed.reports['a']}")
            claims = page.locator("article.report-text a.claim")
            expect(claims).to_have_count(4)
            colours = claims.evaluate_all("els => els.map(e => [e.textContent, e.dataset.status,"
                                          " getComputedStyle(e).backgroundColor])")
            by_text = {t: (s, c) for t, s, c in colours}
            assert by_text["4 亿美元"][0] == "verified"  # the review shows on the editor's page
            assert by_text["140 种语言"][0] == "unverified"
            assert by_text["4 亿美元"][1] == by_text["900 亿美元"][1]  # same status, same colour
            assert by_text["4 亿美元"][1] != by_text["140 种语言"][1]
            assert len({c for _, c in by_text.values()}) == 2
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)

            page.goto(base + "/docs")
            expect(page.locator(".swagger-ui .title").first).to_contain_text("claimledger")
            expect(page.locator(".opblock-summary-path").first).to_be_visible()
            assert remote == []
        finally:
            browser.close()
    with httpx.Client(base_url=base) as client:
        detail = client.get(f"/api/claims/{seed.claims['amount']}").json()
    assert detail["status"] == "verified" and detail["actor"] == "reviewer-1"
