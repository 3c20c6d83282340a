"""Server-rendered pages: queue, claim page, report page colours, sources, login session and CSRF."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.api.factories import Seed


def _login(client: TestClient, token: str) -> None:
    r = client.post("/login", data={"token": token, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    assert "claimledger_session" in r.cookies or client.cookies.get("claimledger_session")


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert m, "form has no CSRF token"
    return m.group(1)


def test_queue_page_lists_flagged_claims_contradicted_first(client: TestClient, seed: Seed) -> None:
    html = client.get("/").text
    assert "Review queue" in html
    first_row = html.index('class="row st-')
    assert html[first_row:].startswith('class="row st-contradicted')
    assert "row st-verified" not in html  # verified claims are not in the queue
    assert "source_unreachable" in html
    filtered = client.get("/", params={"reason": "source_unreachable"}).text
    assert "400 万美元" in filtered and "4 亿美元" not in filtered


def test_claim_page_shows_passage_highlight_and_conflict(client: TestClient, seed: Seed) -> None:
    html = client.get(f"/claims/{seed.claims['amount']}").text
    assert '<mark class="key st-contradicted">4 亿美元</mark>' in html
    assert '<mark class="hl">$4 million</mark>' in html
    assert f'href="/claims/{seed.claims["other"]}"' in html  # the conflicting claim in the other report
    assert "Log in</a> to confirm" in html
    assert client.get("/claims/424242").status_code == 404


def test_report_page_colours_each_claim_inline(client: TestClient, seed: Seed) -> None:
    html = client.get(f"/reports/{seed.reports['a']}").text
    marks = re.findall(r'<a class="claim st-(\w+)" id="claim-(\d+)"[^>]*>([^<]+)</a>', html)
    assert [(s, t) for s, _, t in marks] == [
        ("contradicted", "4 亿美元"), ("verified", "900 亿美元"), ("unverified", "Gemma 4 27B"),
        ("unverified", "140 种语言")]
    assert "OpenAI 完成 " in html and "state-changed" in html
    assert client.get("/reports").status_code == 200


def test_sources_page_dead_first(client: TestClient, seed: Seed) -> None:
    html = client.get("/sources").text
    assert html.index("dead.example.net") < html.index("example.org/gemma") < html.index("example.com/openai")


def test_login_then_review_through_the_form_with_csrf(client: TestClient, seed: Seed) -> None:
    url = f"/claims/{seed.claims['amount']}"
    _login(client, seed.tokens["reviewer"])
    page = client.get(url).text
    token = _csrf(page)
    # without / with a wrong CSRF token: refused, nothing changes
    r = client.post(url + "/review", data={"status": "verified", "note": "fixed"}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post(url + "/review", data={"status": "verified", "note": "fixed", "csrf_token": "0" * 64},
                    follow_redirects=False)
    assert r.status_code == 403 and "CSRF" in r.text
    assert client.get(f"/api/claims/{seed.claims['amount']}").json()["status"] == "contradicted"
    r = client.post(url + "/review", data={"status": "verified", "note": "page corrected to $400 million",
                                           "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    html = client.get(url).text
    assert "page corrected to $400 million" in html and "reviewer_override" in html
    # a JSON call riding on the cookie also needs the token (header)
    api = f"/api/claims/{seed.claims['amount']}/review"
    assert client.post(api, json={"status": "verified"}).status_code == 403
    assert client.post(api, json={"status": "verified"}, headers={"X-CSRF-Token": token}).status_code == 200


def test_bad_login_and_forged_cookie(client: TestClient, seed: Seed) -> None:
    r = client.post("/login", data={"token": "cl_wrong"}, follow_redirects=False)
    assert r.status_code == 401 and "invalid" in r.text
    client.cookies.set("claimledger_session", "1.9999999999.deadbeef")
    assert "Log in</a> to confirm" in client.get(f"/claims/{seed.claims['amount']}").text
    r = client.post(f"/api/claims/{seed.claims['amount']}/review", json={"status": "verified", "note": "x"})
    assert r.status_code == 401


def test_editor_cannot_review_through_the_page(client: TestClient, seed: Seed) -> None:
    _login(client, seed.tokens["editor"])
    html = client.get(f"/claims/{seed.claims['amount']}").text
    assert "cannot review" in html
    assert client.post("/logout", follow_redirects=False).status_code == 303


def test_claim_page_explains_needs_review_with_the_passage_diff(client: TestClient, seed: Seed, engine) -> None:  # type: ignore[no-untyped-def]
    from storage.db import session_scope
    from storage.verdicts import VerdictUpdate, record_verdict
    from verifier.review import review_claim

    cid = seed.claims["valuation"]
    review_claim(engine, cid, "verified", "matches the page", "ann")
    diff = {"old": "about $90 billion", "new": "about $60 billion", "diff": "-$90\n+$60", "score": 80.0}
    with session_scope(engine) as s:
        record_verdict(s, cid, VerdictUpdate("contradicted", "value_mismatch", 0.8, details={"passage": diff}))
    html = client.get(f"/claims/{cid}").text
    assert 'id="needs-review"' in html and "value_mismatch" in html
    # side by side: the passage the reviewer relied on, the passage now, and their inline diff
    assert "about $90 billion</p>" in html and "about $60 billion</p>" in html
    assert '<del class="figure">90</del><ins class="figure">60</ins>' in html


def test_malformed_citations_are_never_links(client: TestClient, seed: Seed, engine) -> None:  # type: ignore[no-untyped-def]
    from sqlmodel import Session

    from storage.models import Source

    with Session(engine) as s:
        src = s.get(Source, seed.sources["changed"])
        assert src is not None
        src.url, src.state = "javascript:alert(1)", "malformed"
        s.add(src)
        s.commit()
    for page in ("/sources", f"/reports/{seed.reports['a']}", f"/claims/{seed.claims['version']}"):
        html = client.get(page).text
        assert 'href="javascript:' not in html and "javascript:alert(1)" in html, page


def test_pages_send_security_headers(client: TestClient, seed: Seed) -> None:
    r = client.get("/")
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert "content-security-policy" not in client.get("/docs").headers  # Swagger UI starts with an inline script


def test_session_cookie_cannot_be_forged_with_the_secret_alone(client: TestClient, seed: Seed) -> None:
    import hashlib
    import hmac
    import time

    body = f"1.{int(time.time()) + 3600}"  # token 1, signed with the app's secret only
    sig = hmac.new(b"test-secret", f"session:{body}".encode(), hashlib.sha256).hexdigest()
    client.cookies.set("claimledger_session", f"{body}.{sig}")
    r = client.post(f"/api/claims/{seed.claims['amount']}/review", json={"status": "verified", "note": "x"})
    assert r.status_code == 401
