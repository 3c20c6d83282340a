"""Benchmark: our value reader against `dateparser` (search_dates) and `price-parser` on the value vectors.

Each library reads the vectors of its own family (dates for dateparser, single amounts of money for
price-parser) and is scored exactly as ``parse_values`` is (tests/claims/vectors.py); then each reads
the paragraphs of the bundled reports, the text it would really see, for speed. Both libraries are
optional: ``pip install dateparser price-parser`` to run this; the project does not depend on them.

    python bench/value_libraries.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.model import Value  # noqa: E402
from claims.units import unit_words  # noqa: E402
from claims.values import parse_values  # noqa: E402
from tests.claims.vectors import Vector, load_vectors, passes  # noqa: E402

Reader = Callable[[str, "int | None"], Iterable[Value]]
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "S$": "SGD",
            "NT$": "TWD", "R$": "BRL", "SGD$": "SGD", "¥": None, "￥": None}


def _currency(raw: str | None) -> str | None:
    """price-parser gives the currency as written; map it the way our reader maps the same text."""
    if raw is None:
        return None
    if raw in _SYMBOLS:
        return _SYMBOLS[raw]
    words = {w.surface.lower(): w.unit for w in unit_words() if w.kind == "money"}
    return words.get(raw.lower(), raw.upper() if raw.isalpha() and len(raw) == 3 else None)


def price_parser_reader(text: str, default_year: int | None) -> list[Value]:
    from price_parser import Price

    price = Price.fromstring(text)
    if price.amount is None:
        return []
    return [Value(text, float(price.amount), _currency(price.currency), kind="money")]


def dateparser_reader(text: str, default_year: int | None) -> list[Value]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = dt.datetime(default_year or 2026, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["en", "zh"], settings=settings) or []
    out = []
    parser = DateDataParser(languages=["en", "zh"], settings=settings)
    for raw, when in found:
        period = (parser.get_date_data(raw).period or "day") if raw else "day"
        iso = {"year": f"{when:%Y}", "month": f"{when:%Y-%m}"}.get(period, f"{when:%Y-%m-%d}")
        out.append(Value(raw, iso, "date", kind="date"))
    return out


def ours(text: str, default_year: int | None) -> list[Value]:
    return parse_values(text, default_year=default_year)


def family(vectors: list[Vector], kind: str) -> list[Vector]:
    """Vectors that state figures of one kind only (one amount, for money)."""
    chosen = [v for v in vectors if v.expected and all(e["kind"] == kind for e in v.expected)]
    return [v for v in chosen if kind != "money" or len(v.expected) == 1]


def accuracy(reader: Reader, vectors: list[Vector]) -> tuple[int, int, float]:
    """(passed, total, CPU milliseconds per vector)."""
    t0 = time.process_time()
    ok = sum(passes(v, reader(v.input, v.default_year)) for v in vectors)
    return ok, len(vectors), (time.process_time() - t0) / len(vectors) * 1000


def paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "reports").glob("*.txt"))]
    return [line for text in texts for line in text.splitlines() if line.strip()]


def throughput(reader: Reader, paras: list[str], rounds: int) -> float:
    """Best MB/s of ``rounds`` passes over the report paragraphs (CPU time)."""
    size = sum(len(p.encode("utf-8")) for p in paras) / 1e6
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for p in paras:
            reader(p, 2026)
        best = min(best, time.process_time() - t0)
    return size / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3, help="passes over the report paragraphs (best is kept)")
    args = ap.parse_args()
    vectors = load_vectors()
    paras = paragraphs()
    ours(paras[0], 2026)
    rows = [("dates", "date", dateparser_reader, "dateparser.search_dates"),
            ("money", "money", price_parser_reader, "price_parser.Price.fromstring")]
    print(f"{'family':6s} {'reader':32s} {'vectors':>14s} {'ms/vector':>10s} {'MB/s (reports)':>15s}")
    for name, kind, library, label in rows:
        subset = family(vectors, kind)
        for reader, who in ((ours, "claimledger parse_values"), (library, label)):
            ok, total, cost = accuracy(reader, subset)
            rate = throughput(reader, paras, args.rounds)
            print(f"{name:6s} {who:32s} {ok:4d}/{total:<4d} {ok / total:6.1%} {cost:10.1f} {rate:15.3f}")


if __name__ == "__main__":
    main()
