"""Score an export against gold labels, the same way as the reference scorer (tests/fixtures/score_reference.py).

A gold item is found when a claim of the same report has a [start, end) span overlapping the gold key
inside its quote; the overlapping claim with the largest overlap (then the shortest span) is judged.
Missed claims count as wrong verdicts.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.errors import BadInputError

__all__ = ["GoldItem", "EvalResult", "load_gold", "evaluate", "NUMERIC_KINDS"]

NUMERIC_KINDS = ("money", "percent", "count", "date", "version")


@dataclass(frozen=True)
class GoldItem:
    report: str
    quote: str
    key: str
    kind: str
    verdict: str
    span: tuple[int, int]
    why: str = ""


@dataclass
class EvalResult:
    found: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    claims_exported: int = 0

    def recall(self, kinds: Iterable[str]) -> float:
        kinds = list(kinds)
        tot = sum(self.total[k] for k in kinds)
        return sum(self.found[k] for k in kinds) / tot if tot else 0.0

    @property
    def numeric_recall(self) -> float:
        return self.recall(NUMERIC_KINDS)

    @property
    def n(self) -> int:
        return sum(self.total.values())

    @property
    def accuracy(self) -> float:
        ok = sum(v for (g, p), v in self.confusion.items() if g == p)
        return ok / self.n if self.n else 0.0

    @property
    def contradicted_recall(self) -> float:
        gold = sum(v for (g, _), v in self.confusion.items() if g == "contradicted")
        return self.confusion[("contradicted", "contradicted")] / gold if gold else 1.0

    @property
    def verified_precision(self) -> float:
        pred = sum(v for (_, p), v in self.confusion.items() if p == "verified")
        return self.confusion[("verified", "verified")] / pred if pred else 0.0

    def summary_line(self) -> str:
        num_tot = sum(self.total[k] for k in NUMERIC_KINDS)
        num_found = sum(self.found[k] for k in NUMERIC_KINDS)
        ok = sum(v for (g, p), v in self.confusion.items() if g == p)
        gc = sum(v for (g, _), v in self.confusion.items() if g == "contradicted")
        pv = sum(v for (_, p), v in self.confusion.items() if p == "verified")
        return (
            f"numeric extraction recall {self.numeric_recall:.1%} ({num_found}/{num_tot}); "
            f"verdict accuracy {self.accuracy:.1%} ({ok}/{self.n}); "
            f"contradicted recall {self.contradicted_recall:.1%} "
            f"({self.confusion[('contradicted', 'contradicted')]}/{gc}); "
            f"verified precision {self.verified_precision:.1%} ({self.confusion[('verified', 'verified')]}/{pv})"
        )


def load_gold(path: Path, read_report: Callable[[str], str]) -> list[GoldItem]:
    """Gold JSON lines; ``read_report(name)`` gives a report's text to locate quotes in."""
    items: list[GoldItem] = []
    texts: dict[str, str] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
            rep, quote = g["report"], g["quote"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise BadInputError(f"{path}:{lineno}: not a gold line ({exc})") from None
        if rep not in texts:
            texts[rep] = read_report(rep)
        text = texts[rep]
        q = text.find(quote)
        if q < 0:
            raise BadInputError(f"{path}:{lineno}: quote not found in {rep}: {quote!r}")
        key = g.get("key") or ""
        k = quote.find(key) if key else -1
        span = (q, q + len(quote)) if k < 0 else (q + k, q + k + len(key))
        items.append(
            GoldItem(rep, quote, key, g.get("kind", "fact"), g["verdict"], span, g.get("why", ""))
        )
    return items


def evaluate(gold: Sequence[GoldItem], claims: Sequence[Mapping[str, Any]]) -> EvalResult:
    by_report: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for c in claims:
        by_report[Path(str(c.get("report", ""))).name].append(c)
    res = EvalResult(claims_exported=len(claims))
    for g in gold:
        res.total[g.kind] += 1
        s, e = g.span
        best: tuple[tuple[int, int], Mapping[str, Any]] | None = None
        for c in by_report.get(g.report, []):
            cs, ce = int(c["start"]), int(c["end"])
            ov = min(e, ce) - max(s, cs)
            if ov > 0 or (cs == ce and s <= cs < e):
                key = (-max(ov, 0), ce - cs)
                if best is None or key < best[0]:
                    best = (key, c)
        pred = str(best[1].get("status", "?")) if best else "missed"
        if best:
            res.found[g.kind] += 1
        res.confusion[(g.verdict, pred)] += 1
        if pred != g.verdict:
            res.misses.append(
                {
                    "report": g.report,
                    "key": g.key,
                    "kind": g.kind,
                    "gold": g.verdict,
                    "predicted": pred,
                    "reason": best[1].get("reason") if best else "",
                    "claim_id": best[1].get("id") if best else None,
                    "claim_key": best[1].get("key") if best else None,
                    "why": g.why,
                }
            )
    return res
