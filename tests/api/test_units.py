"""Pure pieces: text segments, session cookies and CSRF tokens, value formatting, ClaimReview mapping."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.errors import AuthError, PermissionDeniedError
from storage.models import Claim, Report, Verdict
from verifier.api.annotate import segments, spans_from_json
from verifier.api.filters import value_text, when
from verifier.auth import Principal, check_csrf, csrf_token_for, make_session_cookie, require
from verifier.claimreview import claim_review


def test_segments_mark_spans_and_keep_every_character() -> None:
    out = segments("abcdef", [(1, 3, "x"), (4, 5, "y")])
    assert [(s.text, s.mark) for s in out] == [("a", None), ("bc", "x"), ("d", None), ("e", "y"), ("f", None)]


def test_segments_overlap_and_clipping() -> None:
    out = segments("abcdef", [(2, 4, "late"), (0, 3, "early"), (5, 99, "clip"), (3, 3, "empty")])
    assert [(s.text, s.mark) for s in out] == [("abc", "early"), ("de", None), ("f", "clip")]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8))
def test_segments_roundtrip(text: str, spans: list[tuple[int, int]]) -> None:
    out = segments(text, [(s, e, i) for i, (s, e) in enumerate(spans)])
    assert "".join(s.text for s in out) == text
    assert all(s.text for s in out)


def test_spans_from_json_skips_garbage() -> None:
    assert spans_from_json([[1, 2], [3], "x", [4, "5"]]) == [(1, 2, True)]


def test_session_cookie_and_csrf() -> None:
    cookie = make_session_cookie("k", 7, "hash7", now=1000.0)
    token = csrf_token_for("k", cookie)
    check_csrf("k", cookie, token)
    with pytest.raises(PermissionDeniedError):
        check_csrf("k", cookie, None)
    with pytest.raises(PermissionDeniedError):
        check_csrf("other-key", cookie, token)
    with pytest.raises(PermissionDeniedError):
        check_csrf("k", make_session_cookie("k", 8, "hash8", now=1000.0), token)


def test_require_roles() -> None:
    with pytest.raises(AuthError):
        require(None, "review")
    editor = Principal(1, "e", "editor", "bearer")
    with pytest.raises(PermissionDeniedError):
        require(editor, "review")
    assert require(editor, "ingest") is editor
    assert Principal(2, "a", "admin", "bearer").can("review")


def test_value_text_and_when() -> None:
    assert value_text({"value": 1200000.0, "unit": "users", "qualifier": ">="}) == ">= 1,200,000 users"
    assert value_text({"value": "2026-04-13", "unit": "date"}) == "2026-04-13 date"
    assert when(dt.datetime(2026, 4, 13, 9, 30)) == "2026-04-13 09:30 UTC"
    assert when(None) == "never"


def test_claim_review_rating_scale() -> None:
    claim = Claim(id=3, report_id=1, start=0, end=1, sentence_start=0, sentence_end=5, text="OpenAI 完成 4 亿美元融资", kind="money")
    report = Report(id=1, name="r.txt", sha256="x", text="...", date=dt.date(2026, 4, 13))
    for status, value in (("contradicted", 1), ("unverified", 2), ("verified", 3)):
        v = Verdict(claim_id=3, status=status, actor="ann", note="why", updated_at=dt.datetime(2026, 4, 14))
        out = claim_review(claim, v, report, base_url="https://desk.example/")
        assert out["reviewRating"]["ratingValue"] == value
        assert out["url"] == "https://desk.example/claims/3"
        assert out["datePublished"] == "2026-04-14T00:00:00+00:00"
        assert out["itemReviewed"]["datePublished"] == "2026-04-13"
        assert out["reviewBody"] == "why"


def test_ttl_cache_expires_and_clears() -> None:
    from verifier.api.cache import TTLCache

    now = [0.0]
    calls = []
    cache = TTLCache(ttl=5, clock=lambda: now[0])

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get("k", compute) == 1 and cache.get("k", compute) == 1
    now[0] = 6
    assert cache.get("k", compute) == 2
    cache.clear()
    assert cache.get("k", compute) == 3


def test_ttl_cache_computes_once_for_concurrent_callers() -> None:
    import threading
    import time

    from verifier.api.cache import TTLCache

    cache = TTLCache(ttl=60)
    calls = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.05)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8 and len(calls) == 1


def test_ttl_cache_refreshes_in_the_background_and_drops_what_a_write_overtook() -> None:
    import threading

    from verifier.api.cache import TTLCache

    now = [0.0]
    cache = TTLCache(ttl=5, clock=lambda: now[0], background=True)
    assert cache.get("k", lambda: 1) == 1  # nothing cached yet: computed by the caller
    now[0] = 6
    started, release = threading.Event(), threading.Event()

    def slow() -> int:
        started.set()
        release.wait(5)
        return 2

    assert cache.get("k", slow) == 1  # expired: the caller gets the old value at once...
    assert started.wait(5)
    cache.clear()  # ...a write happens while the refresh runs...
    release.set()
    cache._executor().submit(lambda: None).result(5)  # the refresh is done
    assert cache.get("k", lambda: 3) == 3  # ...so its pre-write value was not stored
    now[0] = 12
    assert cache.get("k", lambda: 4) == 3
    cache._executor().submit(lambda: None).result(5)
    assert cache.get("k", lambda: 5) == 4


def test_pdf_pages_split_the_highlighted_text() -> None:
    from verifier.api.annotate import page_starts, segments, split_at

    text = "Title\nPage one text\nPage two has $5 billion\nstill two\nPage three"
    passages = [
        {"start": 0, "end": 5, "kind": "title"},
        {"start": 6, "end": 19, "kind": "p", "page": 1},
        {"start": 20, "end": 43, "kind": "p", "page": 2},
        {"start": 44, "end": 53, "kind": "p", "page": 2},
        {"start": 54, "end": 64, "kind": "p", "page": 3},
    ]
    starts = page_starts(passages)
    assert starts == [(1, 6), (2, 20), (3, 54)]
    pieces = segments(text, [(33, 43, True), (15, 25, True)])  # one highlight crosses a page break
    groups = split_at(pieces, [o for _, o in starts[1:]])
    assert len(groups) == 3
    assert ["".join(p.text for p in g) for g in groups] == [text[:20], text[20:54], text[54:]]
    assert [p.text for p in groups[0] if p.mark] == ["text\n"] and [p.text for p in groups[1] if p.mark] == ["Page ", "$5 billion"]
    assert page_starts('[{"start": 0, "end": 3, "kind": "p"}]') == [] and page_starts("not json") == []
