"""The grouping index's candidate look-up (storage.groups._candidates) is capped in SQL: per key it
reads at most cap + 1 dated and cap + 1 undated rows, and returns what capping the whole list in
Python returns — the claims within the date window, most recent first (undated last), and whether
the cap was hit."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import create_engine, event, insert
from sqlmodel import Session, SQLModel

from storage.groups import WINDOW_DAYS, IndexSummary, _candidates
from storage.models import ClaimKey

DAY = dt.date(2026, 3, 1)


def _reference(rows: list[tuple[str, int, dt.date | None]], key: str, date: dt.date, cap: int) -> tuple[list[int], bool]:
    window = dt.timedelta(days=WINDOW_DAYS)
    found = sorted(
        ((d or dt.date.min, cid) for k, cid, d in rows if k == key and (d is None or date - window <= d <= date + window)),
        reverse=True,
    )
    return [cid for _d, cid in found[:cap]], len(found) > cap


def test_sql_capped_look_up_matches_capping_every_row() -> None:
    rng = random.Random(5)
    keys = [f"money|money|firm{i}" for i in range(150)]  # more than one UNION ALL chunk
    rows: list[tuple[str, int, dt.date | None]] = []
    for cid in range(1, 6000):
        key = keys[min(int(rng.expovariate(0.08)), len(keys) - 1)]  # a few crowded keys, many small ones
        date = None if rng.random() < 0.1 else DAY + dt.timedelta(days=rng.randint(-120, 120))
        rows.append((key, cid, date))
    engine = create_engine("sqlite://")  # no foreign keys: the key rows stand alone
    SQLModel.metadata.create_all(engine, tables=[ClaimKey.__table__])  # type: ignore[attr-defined]
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with Session(engine) as session:
        session.execute(insert(ClaimKey), [{"key": k, "claim_id": c, "report_date": d} for k, c, d in rows])
        statements.clear()
        for cap in (3, 40, 10_000):
            summary = IndexSummary()
            got = _candidates(session, keys, DAY, cap, summary)
            expected = {k: _reference(rows, k, DAY, cap) for k in keys}
            assert got == {k: ids for k, (ids, _c) in expected.items() if ids}
            assert summary.capped == sum(1 for _ids, capped in expected.values() if capped)
            if cap == 3:
                assert summary.capped > 10  # the cap is exercised
    assert len(statements) == 3 * 2  # two look-ups of 100 keys per call, whatever the rows per key
    assert all("LIMIT" in s for s in statements)
