"""WARC export → import is lossless: the same snapshots (hashes, texts, passages, times) come back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.db import make_engine, session_scope
from storage.models import Snapshot, Source
from storage.sources import upsert_source_url
from verifier.archive import export_warc, import_archive, result_for_capture
from verifier.settings import Settings
from verifier.snapshots import store_fetch

S = Settings(_env_file=None)  # type: ignore[call-arg]
T0 = dt.datetime(2026, 4, 1, 8, 0, tzinfo=dt.UTC)


def _store(engine: Engine, url: str, body: bytes, when: dt.datetime, status: int = 200) -> str:
    with session_scope(engine) as s:
        src = upsert_source_url(s, url)
        res = result_for_capture(
            url, status, body if status < 400 else None, "text/html; charset=utf-8", when
        )
        return store_fetch(s, src, res, origin="fetch", settings=S).action


def _dump(engine: Engine) -> list[tuple[object, ...]]:
    with Session(engine) as s:
        rows = s.exec(select(Snapshot, Source).where(Snapshot.source_id == Source.id)).all()
        return sorted(
            (
                src.url,
                snap.fetched_at.replace(tzinfo=None),
                snap.content_hash,
                snap.text,
                snap.passages,
                snap.title,
                snap.published,
                snap.http_status,
            )
            for snap, src in rows
        )


def _round_trip(engine: Engine, tmp: Path) -> Engine:
    warc = tmp / "x.warc"
    export_warc(engine, warc)
    other = make_engine(f"sqlite:///{tmp / 'back.db'}", cache=False)
    import_archive(other, warc)
    return other


def test_revisits_for_a_page_that_came_back_and_for_an_unchanged_check(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'a.db'}", cache=False)
    a, b = b"<title>A</title><p>one 1%</p>", b"<title>B</title><p>two 2%</p>"
    url = "https://example.com/page"
    assert _store(engine, url, a, T0) == "new_snapshot"
    assert _store(engine, url, b, T0 + dt.timedelta(days=1)) == "new_snapshot"
    assert _store(engine, url, a, T0 + dt.timedelta(days=2)) == "new_snapshot"  # back to A: a change again
    assert _store(engine, url, a, T0 + dt.timedelta(days=3)) == "unchanged"
    _store(engine, "https://example.com/gone", b"", T0, status=404)
    warc = tmp_path / "x.warc"
    export_warc(engine, warc)
    from warcio.archiveiterator import ArchiveIterator

    with warc.open("rb") as fh:
        kinds = [r.rec_type for r in ArchiveIterator(fh)]
    assert kinds.count("revisit") == 2 and kinds.count("response") == 3  # A, B, 404; A again; last check
    back = _round_trip(engine, tmp_path)
    assert _dump(back) == _dump(engine)
    with Session(back) as s:
        src = {x.url: x for x in s.exec(select(Source))}
        assert src["https://example.com/gone"].state == "dead"
        checked = src[url].last_checked_at
        assert checked is not None and checked.replace(tzinfo=None) == (T0 + dt.timedelta(days=3)).replace(
            tzinfo=None
        )


bodies = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=0,
    max_size=200,
).map(lambda t: f"<html><head><title>{t[:20]}</title></head><body><p>{t}</p></body></html>".encode())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(st.tuples(st.integers(0, 2), bodies, st.integers(0, 10**6)), min_size=1, max_size=6))
def test_round_trip_property(tmp_path_factory: object, pages: list[tuple[int, bytes, int]]) -> None:
    tmp = tmp_path_factory.mktemp("rt")  # type: ignore[attr-defined]
    engine = make_engine(f"sqlite:///{tmp / 'a.db'}", cache=False)
    when = T0
    for host, body, micros in pages:
        when = when + dt.timedelta(hours=1, microseconds=micros)
        _store(engine, f"https://h{host}.example.org/p", body, when)
    assert _dump(_round_trip(engine, tmp)) == _dump(engine)


def test_an_older_capture_is_history_only(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'o.db'}", cache=False)
    url = "https://example.com/o"
    assert _store(engine, url, b"<p>new 2%</p>", T0 + dt.timedelta(days=5)) == "new_snapshot"
    with session_scope(engine) as s:
        src = upsert_source_url(s, url)
        old = result_for_capture(url, 200, b"<p>old 1%</p>", "text/html", T0)
        assert store_fetch(s, src, old, origin="warc", settings=S).action == "new_snapshot"
        gone = result_for_capture(url, 404, None, "text/html", T0 + dt.timedelta(days=1))
        assert store_fetch(s, src, gone, origin="warc", settings=S).action == "failed"
    with Session(engine) as s:
        src = s.exec(select(Source)).one()
        assert src.state == "ok" and src.consecutive_failures == 0
        assert src.last_checked_at is not None and src.last_checked_at.day == (T0 + dt.timedelta(days=5)).day
        from storage.sources import latest_snapshot

        latest = latest_snapshot(s, src.id or 0)
        assert latest is not None and "new 2%" in latest.text
        assert len(s.exec(select(Snapshot)).all()) == 2
