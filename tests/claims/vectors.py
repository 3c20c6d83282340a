"""The value-reading suite (tests/fixtures/value_vectors): load the vectors and score a reader on them.

A vector is one JSON line: ``input`` (text), ``expected`` (the figures it states, in our ``Value``
terms: ``value``, ``kind``, optionally ``unit`` and ``qualifier``), optionally ``exact`` (no other
figure may be read), ``default_year`` and its ``source``. A reader is any function from
``(text, default_year)`` to values, so the bench can score other libraries the same way.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from claims.model import Value
from claims.values import parse_values

VECTORS = Path(__file__).resolve().parent.parent / "fixtures" / "value_vectors"
FIGURE_KINDS = ("money", "percent", "count", "date")

Reader = Callable[[str, "int | None"], Iterable[Value]]


@dataclass(frozen=True)
class Vector:
    source: str  # the JSONL file it came from
    input: str
    expected: tuple[dict, ...]
    exact: bool
    default_year: int | None
    provenance: dict
    family: str = ""  # our own cases: which form of issue 9 they test


def load_vectors(directory: Path = VECTORS) -> list[Vector]:
    out = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            out.append(
                Vector(path.stem, row["input"], tuple(row["expected"]), bool(row.get("exact")),
                       row.get("default_year"), row.get("source", {}), row.get("family", ""))
            )
    return out


def matches(value: Value, want: dict) -> bool:
    if value.kind != want["kind"]:
        return False
    expected = want["value"]
    if isinstance(expected, str) or isinstance(value.value, str):
        if value.value != expected:
            return False
    elif not math.isclose(float(value.value), float(expected), rel_tol=1e-6, abs_tol=1e-9):
        return False
    if "unit" in want and value.unit != want["unit"]:
        return False
    if "qualifier" in want:
        allowed = want["qualifier"] if isinstance(want["qualifier"], list) else [want["qualifier"]]
        if value.qualifier not in allowed:
            return False
    return True


def passes(vector: Vector, values: Iterable[Value]) -> bool:
    """Every expected figure is read (each by a different value); with ``exact``, nothing else is."""
    figures = [v for v in values if v.kind in FIGURE_KINDS]
    used: set[int] = set()
    for want in vector.expected:
        hit = next((i for i, v in enumerate(figures) if i not in used and matches(v, want)), None)
        if hit is None:
            return False
        used.add(hit)
    return not vector.exact or len(figures) == len(vector.expected)


def our_reader(text: str, default_year: int | None) -> list[Value]:
    return parse_values(text, default_year=default_year)


def score(vectors: list[Vector], reader: Reader = our_reader) -> dict[str, tuple[int, int, list[Vector]]]:
    """Per source (and ``all``): (passed, total, failed vectors)."""
    table: dict[str, tuple[int, int, list[Vector]]] = {}
    for vector in vectors:
        ok = passes(vector, reader(vector.input, vector.default_year))
        for key in (vector.source, "all"):
            passed, total, failed = table.get(key, (0, 0, []))
            table[key] = (passed + ok, total + 1, failed if ok else [*failed, vector])
    return table
