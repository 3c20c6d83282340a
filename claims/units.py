"""Unit, scale and qualifier tables (``claims/data/units.tsv``, ``qualifiers.tsv``) loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"

# ISO 4217 codes a figure is written with ("USD 12.5 million", "RUB8.8352"): the value reader's prefix
# marks and the families the comparison keeps apart (RMB is the reader's extra spelling of CNY)
CURRENCY_CODES = (
    "USD", "CNY", "HKD", "EUR", "GBP", "JPY", "AUD", "CAD", "SGD", "KRW", "INR", "TWD", "CHF", "NZD", "MYR", "RUB",
    "ZAR", "AED", "SAR", "HUF", "PLN", "DKK", "SEK", "NOK", "TRY", "MXN", "THB", "IDR", "VND", "BRL", "ILS",
)

# units of one dimension, in its base unit: 96 GB and 96 TB are one quantity mis-scaled, not two things (what a
# page table's header declares for its cells, claims.table_units; what the comparison converts, verifier.judge.compare)
# (… and bits, an eighth of a byte: a memory die's 16Gb, a chip's 288GB, are one dimension written two ways)
BYTES = {"KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15, "EB": 1e18, "Mb": 1e6 / 8, "Gb": 1e9 / 8, "Tb": 1e12 / 8}
BITS = frozenset({"Mb", "Gb", "Tb"})
WATTS = {"W": 1.0, "kW": 1e3, "MW": 1e6, "GW": 1e9, "TW": 1e12}
FLOPS = {"GFLOPS": 1e9, "TFLOPS": 1e12, "PFLOPS": 1e15, "EFLOPS": 1e18}  # computing power, operations a second
DIMENSIONS = (BYTES, WATTS, FLOPS)

__all__ = ["UnitWord", "unit_words", "qualifier_words", "model_families", "data_lines", "BYTES", "BITS", "WATTS", "FLOPS", "DIMENSIONS"]


@dataclass(frozen=True)
class UnitWord:
    surface: str
    kind: str  # scale | money | percent | unit | measure | word (no unit: it only guards the head of one)
    unit: str | None
    factor: float


def data_lines(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    text = (_DATA / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@cache
def unit_words() -> tuple[UnitWord, ...]:
    """All unit words, longest surface first (so 万亿 wins over 万)."""
    words = [UnitWord(r[0], r[1], r[2] or None, float(r[3])) for r in data_lines("units.tsv")]
    return tuple(sorted(words, key=lambda w: -len(w.surface)))


@cache
def qualifier_words() -> tuple[tuple[str, str, str], ...]:
    """(surface, position, qualifier), longest first."""
    rows = [(r[0], r[1], r[2]) for r in data_lines("qualifiers.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def model_families() -> tuple[str, ...]:
    return tuple(sorted((r[0] for r in data_lines("model_families.txt")), key=len, reverse=True))
