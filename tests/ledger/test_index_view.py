"""What a batch's transaction read of the grouping index (``storage.groups._IndexView``) serves the
next batch only while the ledger is what that transaction left: another connection's commit, a
rollback, or another connection of the pool start a view afresh."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from storage.db import make_engine, session_scope
from storage.groups import MemberCache


def _batch(engine, cache: MemberCache, *, fail: bool = False) -> object:  # type: ignore[no-untyped-def]
    """One write transaction as a batch opens it; the view it used."""
    committed = False
    try:
        with session_scope(engine) as session:
            cache.begin(session)
            view = cache.view
            if fail:
                raise RuntimeError("rolled back")
        committed = True
    except RuntimeError:
        pass
    finally:
        cache.end(committed=committed)
    return view


def test_view_kept_until_another_connection_commits(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = make_engine(url, cache=False)
    other = make_engine(url, cache=False)
    cache = MemberCache()
    first = _batch(engine, cache)
    assert first is not None
    assert _batch(engine, cache) is first  # nothing committed in between: the view goes on
    with other.begin() as conn:  # another writer commits
        conn.execute(text("INSERT INTO apitoken (name, role, token_hash, created_at, revoked) "
                          "VALUES ('x', 'admin', 'h', '2026-01-01', 0)"))
    second = _batch(engine, cache)
    assert second is not first
    assert _batch(engine, cache, fail=True) is second  # a rollback ends it
    assert _batch(engine, cache) is not second
    third = _batch(engine, cache)
    cache.clear()  # a report rolled back alone
    assert _batch(engine, cache) is not third
    engine.dispose()
    other.dispose()


def test_no_view_on_postgresql(engine) -> None:  # type: ignore[no-untyped-def]
    cache = MemberCache()
    view = _batch(engine, cache)
    if engine.dialect.name == "sqlite":
        assert view is not None
    else:
        assert view is None and cache._kept is None
