"""Grouping as an index (storage/groups.py): claims indexed one report at a time, as ingest does,
hold exactly the conflicts and groups the whole-ledger pass (claims.grouping) computes, also after a
report is replaced by a new version; ``regroup`` rebuilds the same index; verdicts are the same either way."""

from __future__ import annotations

import random
import re

import pytest
from sqlalchemy.engine import Engine

from tests.conftest import REPORTS_DIR
from tests.verification.conftest import build_ledger

_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=\s*(?:亿|万|%|美元|个|名|家|billion|million))")


def _vary(text: str, rng: random.Random, share: float = 0.3) -> str:
    """A copy whose reporter wrote some figures differently."""

    def swap(m: re.Match[str]) -> str:
        return m.group(0) if rng.random() > share else f"{float(m.group(1)) * rng.choice([2, 3, 10]):g}"

    return _FIGURE.sub(swap, text)


def _generated_ledger(url: str) -> Engine:
    """The examples, two copies with varied figures, then one copy replaced by a new version."""
    from storage.ingest import ingest_report

    engine = build_ledger(url)
    rng = random.Random(13)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(REPORTS_DIR.glob("*.txt"))}
    for copy in (1, 2):
        for name, text in texts.items():
            ingest_report(engine, f"copy{copy}_{name}", _vary(text, rng))
    first = sorted(texts)[0]
    ingest_report(engine, f"copy1_{first}", _vary(texts[first], random.Random(99)))  # a new version
    return engine


def _index_state(engine: Engine) -> tuple[dict[int, set[int]], dict[int, str | None]]:
    from sqlmodel import col, select

    from storage.db import session_scope
    from storage.groups import conflicts_of
    from storage.models import Claim, Report

    with session_scope(engine) as session:
        rows = session.exec(
            select(Claim.id, Claim.group_id).join(Report, col(Report.id) == col(Claim.report_id)).where(col(Report.is_latest))
        ).all()
        ids = [int(cid) for cid, _g in rows if cid is not None]
        return conflicts_of(session, ids), {int(cid): gid for cid, gid in rows if cid is not None}


def _whole_pass(engine: Engine) -> tuple[dict[int, set[int]], dict[int, str | None]]:
    """What the whole-ledger pass computes from the claims of the latest versions."""
    from claims.grouping import GroupMember, group_claims, group_id
    from storage.db import session_scope
    from storage.evidence import claims_to_verify
    from verifier.verify import _conflicts, _values

    with session_scope(engine) as session:
        claims = claims_to_verify(session)[0]
    members = [
        GroupMember(c.id, c.report_id, c.kind, c.text, _values(c), tuple(c.entities), tuple(c.topics),
                    c.report_date, c.key_offset)
        for c in claims
        if c.checkworthy
    ]
    groups: dict[int, str | None] = {c.id: None for c in claims}
    for group in group_claims(members):
        for m in group:
            groups[m.claim_id] = group_id(group)
    return _conflicts(claims), groups


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return _generated_ledger(f"sqlite:///{tmp_path_factory.mktemp('groups') / 'ledger.db'}")


def test_the_index_built_at_ingest_holds_what_the_whole_pass_computes(ledger: Engine) -> None:
    index_conflicts, index_groups = _index_state(ledger)
    pass_conflicts, pass_groups = _whole_pass(ledger)
    assert sum(len(v) for v in pass_conflicts.values()) > 20  # the copies do disagree
    assert len({g for g in pass_groups.values() if g}) > 20
    assert index_conflicts == pass_conflicts
    assert index_groups == pass_groups


def test_regroup_rebuilds_the_same_index_and_verdicts_do_not_move(ledger: Engine) -> None:
    from sqlalchemy import event
    from sqlmodel import func, select

    from storage.db import session_scope
    from storage.groups import regroup
    from storage.models import VerdictEvent
    from tests.verification.test_verify_batches import _in_memory_reference
    from verifier.verify import verify_claims

    before = _index_state(ledger)
    verify_claims(ledger)
    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        sent.append(statement)

    event.listen(ledger, "before_cursor_execute", record)
    try:
        with session_scope(ledger) as session:
            summary = regroup(session)
    finally:
        event.remove(ledger, "before_cursor_execute", record)
    with session_scope(ledger) as session:
        events = session.exec(select(func.count()).select_from(VerdictEvent)).one()
    assert summary.capped == 0 and summary.conflicts > 0
    # the whole-table resets do not read every claim's id back (UPDATE … RETURNING: 1.4 GB at 3M claims)
    assert any(s.startswith("UPDATE claim SET grouped_at") for s in sent)
    assert not [s for s in sent if "RETURNING" in s.upper()]
    assert _index_state(ledger) == before
    again = verify_claims(ledger)
    assert again.events == 0  # the same conflicts, so the same verdicts: nothing to record
    with session_scope(ledger) as session:
        assert session.exec(select(func.count()).select_from(VerdictEvent)).one() == events
    # and those verdicts are what assessing the whole ledger in memory decides
    from storage.export import claim_records

    with session_scope(ledger) as session:
        got = {int(r["id"]): (r["status"], r["reason"], sorted(r["conflicts_with"])) for r in claim_records(session, with_evidence=False)}
    assert got == _in_memory_reference(ledger)


def test_a_ledger_without_an_index_is_indexed_on_the_next_verify(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An older ledger (claims never indexed) gets its index from verify, the same as ingest builds."""
    from sqlalchemy import delete, update

    from storage.db import session_scope
    from storage.models import Claim, ClaimConflict, ClaimKey
    from verifier.verify import verify_claims

    engine = _generated_ledger(f"sqlite:///{tmp_path / 'old.db'}")
    built = _index_state(engine)
    with session_scope(engine) as session:
        session.execute(delete(ClaimConflict))
        session.execute(delete(ClaimKey))
        session.execute(update(Claim).values(group_id=None, grouped_at=None))
    assert _index_state(engine) != built
    verify_claims(engine, report="000_65ced256adf7dc8c.txt")
    assert _index_state(engine) == built


# reports written for this test: the same events dated differently, one company named in characters in
# one report and in pinyin in another; the first is replaced by a new version after the others are in
_DATED = {
    "zh_a.md": "# AI 日报 | 2026-04-12\n\n## 要闻\n\nMeta 于 2026-04-08 发布 Muse Spark，面向开发者开放。\n\n"
    "2026 年 4 月 1 日，Meta 宣布 Muse Spark。\n\n云迹智算公司估值达到 20 亿美元。\n",
    "en_b.md": "# AI Daily | 2026-04-13\n\n## 要闻\n\nMeta released Muse Spark on April 9, 2026, to developers.\n\n"
    "Meta announced Muse Spark on April 1, 2026.\n\nYunji's valuation reached $3 billion, the company said.\n",
    "en_c.md": "# AI Weekly | 2026-04-20\n\n## 要闻\n\nMeta released Muse Spark in April 2026.\n\n"
    "Muse Spark became available to Meta developers on April 15, 2026.\n",
    "zh_d.md": "# 周报 | 2026-04-21\n\n## 要闻\n\nMeta 于 2026 年 4 月 10 日发布 Muse Spark。\n\n云迹智算完成 2 亿美元融资。\n",
}


def _dated_ledger(url: str) -> Engine:
    from storage.db import make_engine
    from storage.ingest import ingest_report

    engine = make_engine(url, cache=False)
    for name, text in _DATED.items():
        ingest_report(engine, name, text)
    ingest_report(engine, "en_b.md", _DATED["en_b.md"].replace("$3 billion", "$2.8 billion"))  # a new version
    ingest_report(engine, "en_e.md", "# AI Daily | 2026-04-22\n\n## 要闻\n\nYunji raised $300 million in new funding.\n")
    return engine


def test_dated_events_and_romanised_names_the_index_and_regroup_agree(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from storage.db import session_scope
    from storage.export import claim_records
    from storage.groups import regroup

    engine = _dated_ledger(f"sqlite:///{tmp_path / 'dated.db'}")
    built = _index_state(engine)
    assert built == _whole_pass(engine)
    conflicts, _groups = built
    with session_scope(engine) as session:
        keys = {int(r["id"]): (r["report"][:4], r["key"]) for r in claim_records(session, with_evidence=False)}
    pairs = {tuple(sorted((keys[a], keys[b]))) for a, others in conflicts.items() for b in others}
    def pair(x: tuple[str, str], y: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((x, y)))

    # the release dated three ways (04-08, 04-09, 04-10; "April 2026" agrees with all three)
    a, b, d = ("zh_a", "2026-04-08"), ("en_b", "April 9, 2026"), ("zh_d", "2026 年 4 月 10 日")
    assert {pair(a, b), pair(a, d), pair(b, d)} <= pairs
    assert not any("April 2026" in (x[1], y[1]) for x, y in pairs)
    # the announcement (04-01 both ways) and the availability are other events: no conflict
    assert not any({x[1], y[1]} & {"2026 年 4 月 1 日", "April 1, 2026", "April 15, 2026"} for x, y in pairs)
    # 云迹智算公司 and Yunji: the valuation (the new version's $2.8 billion) and the funding round
    assert pair(("zh_a", "20 亿美元"), ("en_b", "$2.8 billion")) in pairs
    assert pair(("zh_d", "2 亿美元"), ("en_e", "$300 million")) in pairs
    with session_scope(engine) as session:
        summary = regroup(session)
    assert summary.capped == 0
    assert _index_state(engine) == built
