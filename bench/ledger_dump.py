"""Build a ledger from a fixed set of reports and dump every row of it (timestamps aside), so that two
versions of the code can be checked to write the same ledger: run it with each (PYTHONPATH pointing at
one tree, then the other) and compare the dumps (``cmp``), on SQLite and on PostgreSQL.

The reports: the bundled examples, copies with some figures changed (groups and conflicts), a repeat,
new versions (their claims leave the grouping index: conflicts and groups are taken out and re-formed),
a report over the claim cap, ``--bench`` copies of the benchmark corpus (a third dated a year later),
written with a read-ahead worker and without; then, with ``--regroup``, the whole index rebuilt and
dumped again. Each dump line is a table's row as JSON; a datetime column is written as whether it is
NULL (its value is the time of the run).

    python bench/ledger_dump.py sqlite:////tmp/a.db /tmp/a.dump [--bench 400]
    python bench/ledger_dump.py postgresql://postgres@127.0.0.1:5432/ledger_dump_a /tmp/a.dump  (made afresh)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from sqlalchemy import DateTime, create_engine, make_url, text
from sqlalchemy.types import TypeEngine
from sqlmodel import Session, SQLModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from ingest import corpus  # noqa: E402

from storage.db import make_engine, normalise_url  # noqa: E402
from storage.groups import regroup  # noqa: E402
from storage.ingest_batch import IngestFailure, ingest_reports  # noqa: E402


def documents(n_bench: int) -> list[list[tuple[str, str]]]:
    """The reports, in runs (each run one ``ingest_reports`` call)."""
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples" / "reports").glob("*.txt"))]
    first = [(f"a_{n}", t) for n, t in seeds] + [(f"b_{n}", t.replace("亿", "万", 2)) for n, t in seeds]
    bench = corpus(n_bench)
    bench = [(n, t.replace("2026", "2025") if i % 3 == 2 else t) for i, (n, t) in enumerate(bench)]
    second = bench[: n_bench // 2]
    third = bench[n_bench // 2 :]
    again = [first[1], (first[2][0], first[2][1] + "\n\n另据报道，该公司融资 5 亿美元。\n")]
    again += [(f"b_{n}", t.replace("万", "亿", 1)) for n, t in seeds[:3]]  # new versions of conflicting copies
    again += [(n, t + "\n\n另据报道，营收增长 12%。\n") for n, t in bench[:: max(1, n_bench // 20)]]
    again += [("dump.txt", "\n".join(f"第{i}项 收入 {i} 亿元，同比增长 {i % 50}%。" for i in range(4000)))]
    return [first, second, third, again]


def dump(engine, out) -> str:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256()
    tables = [t for t in SQLModel.metadata.sorted_tables] + ["verdictcount"]
    with engine.connect() as conn:
        for table in tables:
            if isinstance(table, str):
                sql = "SELECT status, reason, needs_review, reviewed, assigned, low_confidence, checkworthy, SUM(n) FROM verdictcount GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7"
                name = table
            else:
                name = table.name
                cols = [f'"{c.name}" IS NULL' if _is_time(c.type) else f'"{c.name}"' for c in table.columns]
                order = ", ".join(str(i + 1) for i in range(len(cols)))
                sql = f'SELECT {", ".join(cols)} FROM "{name}" ORDER BY {order}'
            for row in conn.execute(text(sql)):
                line = json.dumps([name, [_cell(v) for v in row]], ensure_ascii=False)
                out.write(line + "\n")
                digest.update(line.encode())
    return digest.hexdigest()


def _is_time(kind: TypeEngine[object]) -> bool:
    """A datetime column (SQLModel's ``UTCDateTime`` decorates ``DateTime``)."""
    return isinstance(getattr(kind, "impl", kind), DateTime)


def _cell(v: object) -> object:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, bytes):
        return hashlib.sha256(v).hexdigest()
    if isinstance(v, dt.date | float):
        return str(v)
    return v


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("out")
    ap.add_argument("--bench", type=int, default=400)
    ap.add_argument("--regroup", action="store_true")
    args = ap.parse_args()
    if args.url.startswith("postgres"):  # a database of its own, made afresh (never a shared one)
        url = make_url(normalise_url(args.url))
        assert url.database and url.database.startswith("ledger_dump"), "a database named ledger_dump…"
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}"'))
            conn.execute(text(f'CREATE DATABASE "{url.database}"'))
        admin.dispose()
    engine = make_engine(args.url, cache=False)
    failures = 0
    for i, run in enumerate(documents(args.bench)):
        for outcome in ingest_reports(engine, run, workers=i % 2, max_claims=3000):
            failures += isinstance(outcome, IngestFailure)
    with open(args.out, "w", encoding="utf-8") as out:
        print(f"ingested ({failures} failures): {dump(engine, out)}")
        if args.regroup:
            with Session(engine) as session:
                regroup(session)
                session.commit()
            print(f"regrouped: {dump(engine, out)}")
    engine.dispose()


if __name__ == "__main__":
    main()
