"""The batch ingest (storage/ingest_batch.py): the ledger it writes is the one report-by-report ingest
writes, on SQLite and PostgreSQL, and a report that fails inside a batch is rolled back alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.engine import Engine

import storage.ingest_batch as batch_mod
from claims.errors import ReportError
from claims.model import Value
from storage.db import make_engine
from storage.ingest import IngestResult, ingest_report
from storage.ingest_batch import IngestFailure, ingest_reports
from tests.conftest import REPORTS_DIR

TABLES = {
    "report": "name, version, is_latest, sha256",
    "section": 'id, report_id, "order", heading, kind',
    "source": "id, url, state, host",
    "sectionsource": "section_id, source_id, raw, ref_number",
    "claim": 'id, report_id, section_id, start, "end", key_text, kind, checkworthy, group_id, "values", '
    "grouped_at IS NULL",
    "claimkey": "claim_id, key, report_date",
    "claimconflict": "claim_id, other_id",
    "verdict": "claim_id, status, reason, machine_status",
    "verdictevent": "id, claim_id, status, reason",
}


def _docs() -> list[tuple[str, str]]:
    """The examples, a second copy with some figures changed (groups and conflicts), a repeat and a
    new version of one report."""
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(REPORTS_DIR.glob("*.txt"))]
    docs = [(f"a_{n}", t) for n, t in seeds]
    docs += [(f"b_{n}", t.replace("亿", "万", 2)) for n, t in seeds]
    docs += [docs[1], (docs[2][0], docs[2][1] + "\n\n另据报道，该公司融资 5 亿美元。\n")]
    return docs


def _cell(v: object) -> str:
    return str(int(v)) if isinstance(v, bool) else str(v)  # PostgreSQL's booleans, SQLite's 0/1


def _ledger(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    with engine.connect() as conn:
        for table, cols in TABLES.items():
            rows = conn.execute(text(f"SELECT {cols} FROM {table}")).all()
            out[table] = sorted((tuple(_cell(v) for v in r) for r in rows), key=repr)
        out["counts"] = [
            tuple(_cell(v) for v in r)
            for r in conn.execute(
                text(
                    "SELECT status, reason, checkworthy, SUM(n) FROM verdictcount GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
                )
            ).all()
        ]
    return out


def test_a_batch_writes_what_one_report_at_a_time_writes(engine: Engine, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(batch_mod, "BATCH_REPORTS", 4)  # several batches, a repeat inside one
    docs = _docs()
    single = make_engine(f"sqlite:///{tmp_path / 'single.db'}", cache=False)
    one_by_one = [ingest_report(single, name, body) for name, body in docs]
    in_batches = list(ingest_reports(engine, docs))
    assert [(r.name, r.outcome, r.version, r.claims) for r in in_batches] == [  # type: ignore[union-attr]
        (r.name, r.outcome, r.version, r.claims) for r in one_by_one
    ]
    assert [r.outcome for r in in_batches[-2:]] == ["unchanged", "new_version"]  # type: ignore[union-attr]
    expected, got = _ledger(single), _ledger(engine)
    assert got["claimconflict"], "the copies were meant to disagree somewhere"
    assert any(row[8] != "None" for row in got["claim"]), "and to form groups"
    for table in expected:
        assert got[table] == expected[table], table


def test_what_a_batch_keeps_of_the_index_is_the_ledger_as_it_is(  # type: ignore[no-untyped-def]
    engine: Engine, tmp_path: Path, monkeypatch
) -> None:
    """On SQLite a batch keeps what it read of the grouping index and of group ids for its later
    reports (storage.groups._IndexView). With a cap of 3 candidates (look-ups fill up: the kept parts
    take the keys just written in their order), reports written 30 claims at a time, a report that
    fails after its index was written and a new version inside a batch, the ledger is the one
    report-by-report ingest writes."""
    import functools

    import storage.ingest as ingest_mod

    monkeypatch.setattr(batch_mod, "BATCH_REPORTS", 4)
    monkeypatch.setattr(ingest_mod, "INSERT_CHUNK", 30)
    monkeypatch.setattr(ingest_mod, "index_new_claims", functools.partial(ingest_mod.index_new_claims, cap=3))
    real = batch_mod.ingest_parsed
    # (PostgreSQL keeps nothing, and its sequences do not give a rolled-back report's ids again)
    failing = "b_002_8d27540f343deb2e.txt" if engine.dialect.name == "sqlite" else ""

    def flaky(session, parsed, extracted, **kw):  # type: ignore[no-untyped-def]
        result = real(session, parsed, extracted, **kw)
        if parsed.name == failing:
            raise RuntimeError("fails after its keys, conflicts and groups were written")
        return result

    monkeypatch.setattr(batch_mod, "ingest_parsed", flaky)
    base = _docs()
    copies = [(f"c_{n[2:]}", t.replace("美元", "元", 1)) for n, t in base[:5]]
    # batches of 4: the third copy of the third report reads its claims as candidates, then the new
    # version of that report takes them out of the index, in the same batch
    docs = [*base[:10], *copies[:3], base[11], *copies[3:], base[10], base[0]]
    single = make_engine(f"sqlite:///{tmp_path / 'single.db'}", cache=False)
    for name, body in docs:
        if name != failing:
            ingest_report(single, name, body)
    outcomes = list(ingest_reports(engine, docs))
    assert [o.name for o in outcomes if isinstance(o, IngestFailure)] == ([failing] if failing else [])
    expected, got = _ledger(single), _ledger(engine)
    assert len({row[8] for row in got["claim"]}) > 20 and len(got["claimconflict"]) > 20
    for table in expected:
        assert got[table] == expected[table], table


def test_a_failing_report_is_rolled_back_alone_and_named(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(batch_mod, "BATCH_REPORTS", 3)
    real = batch_mod.ingest_parsed

    def flaky(session, parsed, extracted, **kw):  # type: ignore[no-untyped-def]
        result = real(session, parsed, extracted, **kw)  # everything of it written, then the failure
        if parsed.name == "a_001_13b9a83afb46484c.txt":
            raise RuntimeError("disk on fire")
        return result

    def unreadable() -> str:
        raise ReportError("c.txt: not UTF-8 text")

    monkeypatch.setattr(batch_mod, "ingest_parsed", flaky)
    docs = _docs()[:5]
    outcomes = list(ingest_reports(engine, [*docs[:2], ("c.txt", unreadable), *docs[2:]]))
    failed = [o for o in outcomes if isinstance(o, IngestFailure)]
    assert [f.name for f in failed] == ["a_001_13b9a83afb46484c.txt", "c.txt"]
    assert "not ingested" in failed[0].message and "disk on fire" in failed[0].message
    assert failed[1].message == "c.txt: not UTF-8 text"
    stored = [o for o in outcomes if isinstance(o, IngestResult)]
    assert len(stored) == 4
    with engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM report")).all()}
        assert names == {r.name for r in stored}
        claims = conn.execute(text("SELECT count(*) FROM claim")).scalar_one()
        assert claims == sum(r.claims for r in stored)
        assert conn.execute(text("SELECT count(*) FROM verdict")).scalar_one() == claims
        assert conn.execute(text("SELECT SUM(n) FROM verdictcount")).scalar_one() == claims
        orphans = "SELECT count(*) FROM {t} WHERE report_id NOT IN (SELECT id FROM report)"
        assert conn.execute(text(orphans.format(t="section"))).scalar_one() == 0
    # the failed report goes in whole when it is given again
    monkeypatch.setattr(batch_mod, "ingest_parsed", real)
    (again,) = ingest_reports(engine, [docs[1]])
    assert isinstance(again, IngestResult) and again.outcome == "new" and again.claims > 0


def test_a_report_over_the_claim_cap_fails_before_the_batch_is_written(engine: Engine) -> None:
    dump = (
        "# Funding\n\n" + "".join(f"Company {i} raised {i + 1} million dollars. " for i in range(200)) + "\n"
    )
    docs = [("small.md", "# T\n\nAcme raised 5 million dollars.\n"), ("dump.md", dump)]
    small, refused = ingest_reports(engine, docs, max_claims=100)
    assert isinstance(small, IngestResult) and small.outcome == "new"
    assert isinstance(refused, IngestFailure) and "more than 100 claims" in refused.message
    assert "CLAIMLEDGER_MAX_REPORT_CLAIMS" in refused.hint


@pytest.mark.parametrize("size", [1, 2])
def test_a_batch_of_nothing_new_is_a_no_op(engine: Engine, size: int) -> None:
    docs = _docs()[:size]
    first = list(ingest_reports(engine, docs))
    again = list(ingest_reports(engine, docs))
    assert [r.outcome for r in again] == ["unchanged"] * size  # type: ignore[union-attr]
    assert [r.report_id for r in again] == [r.report_id for r in first]  # type: ignore[union-attr]


def test_a_name_written_twice_in_one_batch_is_checked_against_what_the_batch_wrote(engine: Engine) -> None:
    """A, then B, then A again under one name, all in one batch: three versions, as one by one."""
    name, first = _docs()[0]
    second = first + "\n\n另据报道，该公司融资 5 亿美元。\n"
    outcomes = list(ingest_reports(engine, [(name, first), (name, second), (name, first), (name, first)]))
    assert [(r.outcome, r.version) for r in outcomes] == [  # type: ignore[union-attr]
        ("new", 1),
        ("new_version", 2),
        ("new_version", 3),
        ("unchanged", 3),
    ]
    with engine.connect() as conn:
        latest = conn.execute(text("SELECT version FROM report WHERE is_latest")).scalars().all()
    assert latest == [3]


def test_the_members_made_before_the_write_are_the_ones_the_ledger_reads_back(engine: Engine) -> None:
    """A claim's group member is made where its report is extracted (a read-ahead worker: ids 0, its
    names, subject and comparison key worked out there) and kept for later reports: it is the member
    ``storage.groups`` reads back from the ledger, field for field and comparison for comparison,
    under the same grouping keys; pickled to another process it keeps what it worked out but its
    comparison number, which is that process's own."""
    import pickle

    from sqlmodel import Session

    from claims.extract import iter_claims
    from claims.grouping import placed
    from claims.report import parse_report
    from storage.groups import _members, grouping_keys
    from storage.ingest import claim_batch

    docs = _docs()[:6]
    outcomes = list(ingest_reports(engine, docs, workers=0))
    checked = 0
    with Session(engine) as session:
        for (name, body), outcome in zip(docs, outcomes, strict=True):
            assert isinstance(outcome, IngestResult)
            parsed = parse_report(body, name)
            claims = list(iter_claims(parsed))
            ready = claim_batch(claims, parsed.date)
            ids = session.execute(
                text("SELECT id FROM claim WHERE report_id = :r ORDER BY id"), {"r": outcome.report_id}
            ).scalars().all()
            assert len(ids) == len(claims) == len(ready.rows)
            stored = _members(session, [ids[at] for at, _m, _k in ready.members])
            for at, member, keys in ready.members:
                assert member.comparison_id  # numbered here, before it is pickled
                shipped = pickle.loads(pickle.dumps(member))
                assert "comparison_key" in shipped.__dict__ and "comparison_id" not in shipped.__dict__
                mine, (theirs, _gid) = placed(shipped, ids[at], outcome.report_id), stored[ids[at]]
                assert mine == theirs
                assert mine.comparison_key == theirs.comparison_key and mine.comparison_id == theirs.comparison_id
                assert keys == grouping_keys(theirs)
                checked += 1
    assert checked > 50


def test_a_batch_made_ready_holds_what_the_claims_give() -> None:
    """What ``claim_batch`` hands the write (a worker's work, made before any id exists): each claim's
    values, entities and topics encoded as ``json.dumps(…, ensure_ascii=False)`` encodes them (the
    ledger's text, byte for byte), and a group member for exactly the checkworthy claims that have
    grouping keys (the claims it passes over, of other kinds or without values, have none)."""
    import json

    from claims.extract import iter_claims
    from claims.report import parse_report
    from storage.groups import grouping_keys
    from storage.ingest import _member, claim_batch

    checked = with_keys = 0
    for name, body in _docs()[:6]:
        parsed = parse_report(body, name)
        claims = list(iter_claims(parsed))
        ready = claim_batch(claims, parsed.date)
        for ex, row in zip(claims, ready.rows, strict=True):
            assert row[7] == json.dumps([v.to_json() for v in ex.values], ensure_ascii=False)
            assert row[8] == json.dumps(list(ex.entities), ensure_ascii=False)
            assert row[9] == json.dumps(list(ex.topics), ensure_ascii=False)
            checked += 1
        expected = [at for at, ex in enumerate(claims) if ex.checkworthy and grouping_keys(_member(ex, parsed.date))]
        assert [at for at, _m, _k in ready.members] == expected
        with_keys += len(expected)
    assert checked > 500 and with_keys > 20


_JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and ±inf too: written as json.dumps writes them
    | st.text(),  # quotes, backslashes, control characters, any plane
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@given(_JSONISH)
@settings(max_examples=300, deadline=None)
def test_the_claims_json_is_what_json_dumps_gives(obj: object) -> None:
    """The encoder built once for the claims' JSON columns (``storage.ingest._to_json``) gives what
    ``json.dumps(obj, ensure_ascii=False)`` gives, and reads back to the same data."""
    import json
    import math

    from storage.ingest import _to_json

    encoded = _to_json(obj)
    assert encoded == json.dumps(obj, ensure_ascii=False)
    back = json.loads(encoded)
    if not (isinstance(obj, float) and math.isnan(obj)):
        assert json.dumps(back, ensure_ascii=False) == encoded


_SCALAR = st.none() | st.booleans() | st.integers() | st.floats() | st.text()


@given(
    st.lists(
        st.builds(
            Value,
            raw=st.text() | _SCALAR,
            value=st.floats() | st.text() | _SCALAR,
            unit=st.none() | st.text(),
            qualifier=st.text(),
            start=st.integers() | _SCALAR,
            end=st.integers(),
            kind=st.text(),
            precision=st.none() | st.floats() | _SCALAR,
            noun=st.none() | st.text() | _SCALAR,
        ),
        max_size=3,
    )
)
@settings(max_examples=300, deadline=None)
def test_the_values_json_is_what_json_dumps_gives(values: list[Value]) -> None:
    """A claim's values as ``storage.ingest._values_json`` writes them (a template of the fields) are
    the text ``json.dumps([v.to_json() …], ensure_ascii=False)`` gives, whatever the fields hold."""
    import json

    from storage.ingest import _values_json

    assert _values_json(tuple(values)) == json.dumps([v.to_json() for v in values], ensure_ascii=False)
