"""Benchmark: real Chinese–English news sentence pairs, through the whole pipeline.

Each pair of a parallel corpus (a Chinese sentence and its English translation, e.g. the WMT news
test sets as ``zh,en`` CSV lines) becomes one item of a Chinese daily report citing one page, and
the page holds the English sentence. Translations of news mostly agree, so the share of the
report's figures that end verified measures how well figures are read and aligned across languages;
then every verified figure is garbled the way reports get it wrong (``tests/generalisation/mutants``)
and the share of garbled copies that end contradicted (and, worst, still verified) is measured.

The corpus is not in the repository (third-party text): pass its path. Keep one file for reading
misses (``--show``) and judge on the others.

    python bench/pairs.py PAIRS.csv [MORE.csv ...] [--limit 800] [--per-report 40] [--show 30]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage.db import make_engine, session_scope  # noqa: E402
from storage.export import claim_records  # noqa: E402
from storage.ingest import ingest_report  # noqa: E402
from verifier.archive import import_archive  # noqa: E402
from verifier.verify import verify_claims  # noqa: E402

_FIGURE = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两]{2,}")
_ITEM = re.compile(r"news\.example/pairs/(\d+)")
_CHECKED_KINDS = {"money", "percent", "count", "date"}


def read_pairs(paths: list[Path], limit: int) -> list[tuple[str, str]]:
    """Pairs whose Chinese side writes a figure (digits or a numeral run), first ``limit`` of them."""
    out: list[tuple[str, str]] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                if len(row) < 2 or row[:2] == ["0", "1"]:
                    continue
                zh, en = row[0].strip(), row[1].strip()
                if zh and en and _FIGURE.search(zh):
                    out.append((zh, en))
                if len(out) >= limit:
                    return out
    return out


def build_corpus(
    pairs: list[tuple[str, str]], per_report: int, root: Path, distractors: int = 0
) -> tuple[dict[str, str], Path]:
    """Reports (``per_report`` items each) and a manifest archive of one English page per pair; with
    ``distractors``, each page also holds that many other pairs' English sentences around its own (a
    page that says more than the claim, with figures of its own)."""
    rng = random.Random(7)
    pages = root / "archive" / "pages"
    pages.mkdir(parents=True)
    manifest = []
    reports: dict[str, str] = {}
    for r in range(0, len(pairs), per_report):
        lines = ["# 新闻日报", ""]
        for i, (zh, en) in enumerate(pairs[r : r + per_report], start=r):
            url = f"https://news.example/pairs/{i}"
            lines += ["## 要闻", "", zh, "", f"来源：News (<{url}>)", ""]
            page = f"p{i:05d}.html"
            others = [pairs[rng.randrange(len(pairs))][1] for _ in range(distractors)]
            paragraphs = others[: distractors // 2] + [en] + others[distractors // 2 :]
            body = "".join(f"<p>{html.escape(t, quote=False)}</p>" for t in paragraphs)
            (pages / page).write_text(
                f"<!doctype html><html><head><meta charset='utf-8'><title>News</title></head>"
                f"<body><article>{body}</article></body></html>",
                encoding="utf-8",
            )
            manifest.append({"url": url, "status": 200, "file": f"pages/{page}",
                             "content_type": "text/html; charset=utf-8", "captured_at": "2026-05-01T08:00:00Z"})
        reports[f"pairs_{r // per_report:03d}.md"] = "\n".join(lines)
    (root / "archive" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return reports, root / "archive"


def pair_of(report: str, offset: int) -> int:
    """The pair a report offset belongs to: the page its item cites next."""
    found = _ITEM.search(report, offset)
    return int(found.group(1)) if found else -1


def base_run(reports: dict[str, str], archive: Path, db: Path) -> list[dict]:
    engine = make_engine(f"sqlite:///{db}", cache=False)
    for name, text in reports.items():
        ingest_report(engine, name, text)
    import_archive(engine, archive)
    verify_claims(engine)
    with session_scope(engine) as session:
        records = claim_records(session)
    engine.dispose()
    return records


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="+", type=Path, help="zh,en CSV files of sentence pairs")
    ap.add_argument("--limit", type=int, default=800, help="pairs with a figure to use (default 800)")
    ap.add_argument("--per-report", type=int, default=40, help="pairs per generated report (default 40)")
    ap.add_argument("--show", type=int, default=0, help="print this many unverified and escaped figures")
    ap.add_argument("--no-mutants", action="store_true", help="only the agreeing pairs")
    ap.add_argument("--ops", help="comma-separated garbling operators (default: all)")
    ap.add_argument("--distractors", type=int, default=0, help="other pairs' sentences on each page (default 0)")
    args = ap.parse_args()

    from tests.generalisation.mutants import run_mutants

    missing = [str(path) for path in args.csv if not path.is_file()]
    if missing:
        ap.error(f"no such file: {', '.join(missing)} (a zh,en CSV of sentence pairs, e.g. a WMT news test set)")
    pairs = read_pairs(args.csv, args.limit)
    if not pairs:
        ap.error("no pair with a figure on its Chinese side: is the file a zh,en CSV?")
    with tempfile.TemporaryDirectory() as tmp:
        reports, archive = build_corpus(pairs, args.per_report, Path(tmp), args.distractors)
        t0 = time.perf_counter()
        records = base_run(reports, archive, Path(tmp) / "base.db")
        elapsed = time.perf_counter() - t0
        figures = [r for r in records if r["checkworthy"] and r["kind"] in _CHECKED_KINDS]
        c = Counter(r["status"] for r in figures)
        n = len(figures) or 1
        print(f"pairs: {len(pairs)} with a figure, {len(reports)} reports, {len(records)} claims, "
              f"{len(figures)} checkworthy figures ({elapsed:.1f} s)")
        print(f"agreeing pairs: verified {c['verified'] / n:.1%}  contradicted {c['contradicted'] / n:.1%}  "
              f"unverified {c['unverified'] / n:.1%}")
        by_kind = Counter((r["kind"], r["status"]) for r in figures)
        for kind in sorted({k for k, _ in by_kind}):
            total = sum(v for (k, _), v in by_kind.items() if k == kind)
            print(f"  {kind:9s} {total:5d}  verified {by_kind[(kind, 'verified')] / total:6.1%}  "
                  f"contradicted {by_kind[(kind, 'contradicted')] / total:6.1%}")
        if args.show:
            for r in [r for r in figures if r["status"] != "verified"][: args.show]:
                en = pairs[pair_of(reports[r["report"]], r["start"])][1]
                print(f"  {r['status']:12s} {r['reason']:28s} {r['kind']:8s} {r['key']!r}  | {r['text'][:90]!r}\n"
                      f"{'':16s}en: {en[:160]!r}")
        if args.no_mutants:
            return
        summary = run_mutants(reports, archive, args.ops.split(",") if args.ops else None)
        print("garbled copies of verified figures:")
        print(summary.table())
        for o in summary.escaped()[: args.show]:
            m = o.mutant
            print(f"  escaped: {m.op:12s} {m.report} {m.original!r} -> {m.mutated!r} ({o.reason})")


if __name__ == "__main__":
    main()
