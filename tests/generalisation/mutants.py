"""Mutation testing of the verification loop: garble verified claims the way real reports do.

Pure part: ``mutate(op, key)`` rewrites one claim key (as written in the report) with one garbling
operator, or returns None when the operator does not apply to that key. I/O part: ``run_mutants``
ingests mutated copies of the reports into a fresh ledger beside the same archive, verifies, and
reads back what became of every mutated claim.

Every mutation of one operator is applied to a report at once (they are disjoint key spans), and the
original reports are not in the mutated ledger, so no mutant can be rescued or condemned by a
cross-report conflict with its own original: only the cited pages judge it.

Run ``python -m tests.generalisation.mutants`` for the figures.
"""

from __future__ import annotations

import calendar
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "OPERATORS",
    "Mutant",
    "MutantOutcome",
    "MutationSummary",
    "apply_mutants",
    "mutate",
    "plan_mutants",
    "run_mutants",
]

_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE_SWAPS = (("万", "亿"), ("million", "billion"), ("thousand", "million"))
_MONTHS = list(calendar.month_name)[1:]


def _first_number(key: str) -> re.Match[str] | None:
    return _NUM.search(key)


def _scale(key: str, factor: int) -> str | None:
    """Multiply the first figure by ``factor`` keeping its style: 4.5 ×10 → 45, 300 ×100 → 30000."""
    m = _first_number(key)
    if m is None:
        return None
    text = m.group().replace(",", "")
    whole, _, frac = text.partition(".")
    zeros = len(str(factor)) - 1
    shifted = frac[:zeros].ljust(zeros, "0")
    new_whole = (whole + shifted).lstrip("0") or "0"
    rest = frac[zeros:]
    new = new_whole + ("." + rest if rest else "")
    return key[: m.start()] + new + key[m.end() :]


def _swap_scale_word(key: str) -> str | None:
    """万↔亿, million↔billion, thousand↔million: the writer's unit slip."""
    for a, b in _SCALE_SWAPS:
        low = key.lower()
        if a in low:
            i = low.index(a)
            return key[:i] + b + key[i + len(a) :]
        if b in low:
            i = low.index(b)
            return key[:i] + a + key[i + len(b) :]
    return None


def _transpose(key: str) -> str | None:
    """Swap the last two differing digits of the first figure (83.1 → 81.3, 94 → 49)."""
    m = _first_number(key)
    if m is None:
        return None
    chars = list(m.group())
    pos = [i for i, c in enumerate(chars) if c.isdigit()]
    for a, b in reversed(list(zip(pos, pos[1:], strict=False))):
        if chars[a] != chars[b] and not (a == pos[0] and chars[b] == "0"):
            chars[a], chars[b] = chars[b], chars[a]
            return key[: m.start()] + "".join(chars) + key[m.end() :]
    return None


def _shift_day(day: int) -> int:
    return day + 5 if day <= 23 else day - 5


def _shift_date(key: str) -> str | None:
    """Move a full date by days (2026-04-13 → 2026-04-18) or a month-only date by two months."""
    m = re.search(r"(\d{4})(\s*[-/.年]\s*)(\d{1,2})(\s*[-/.月]\s*)(\d{1,2})", key)
    if m:
        day = _shift_day(int(m.group(5)))
        return key[: m.start(5)] + f"{day:0{len(m.group(5))}d}" + key[m.end(5) :]
    m = re.search(r"(\d{1,2})(\s*月\s*)(\d{1,2})", key)
    if m:
        return key[: m.start(3)] + str(_shift_day(int(m.group(3)))) + key[m.end(3) :]
    m = re.search(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2})\b", key)
    if m:
        return key[: m.start(2)] + str(_shift_day(int(m.group(2)))) + key[m.end(2) :]
    m = re.search(r"\b(" + "|".join(_MONTHS) + r")\b", key)
    if m:
        month = _MONTHS[(_MONTHS.index(m.group(1)) + 2) % 12]
        return key[: m.start()] + month + key[m.end() :]
    m = re.search(r"(\d{4})(\s*[-/年]\s*)(\d{1,2})(?!\d)", key)
    if m:
        month = int(m.group(3))
        month = month + 2 if month <= 10 else month - 2
        return key[: m.start(3)] + f"{month:0{len(m.group(3))}d}" + key[m.end(3) :]
    return None


def _bump_version(key: str) -> str | None:
    """Raise the last number of a version by two: GPT-5.4 → GPT-5.6, Gemma 4 → Gemma 6."""
    runs = list(re.finditer(r"\d+", key))
    if not runs:
        return None
    m = runs[-1]
    return key[: m.start()] + str(int(m.group()) + 2) + key[m.end() :]


def _garble_name(key: str) -> str | None:
    """Change two letters inside the longest word of a Latin-script name (Teradyne → Tebadxne)."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9&'.\- ]{3,40}", key):
        return None
    if any(w[0].islower() for w in re.findall(r"[A-Za-z]{4,}", key)):
        return None  # a phrase or a title, not a name
    words = list(re.finditer(r"[A-Za-z]{5,}", key))
    if not words:
        return None
    w = max(words, key=lambda m: len(m.group()))
    chars = list(w.group())
    for i in (2, len(chars) - 2):
        c = chars[i]
        repl = "x" if c.lower() != "x" else "q"
        if c.lower() in "aeiou":
            repl = "o" if c.lower() != "o" else "a"
        chars[i] = repl.upper() if c.isupper() else repl
    return key[: w.start()] + "".join(chars) + key[w.end() :]


def _scale_op(factor: int) -> Callable[[str], str | None]:
    return lambda key: _scale(key, factor)


# operator name → (claim kinds it applies to, rewrite)
OPERATORS: dict[str, tuple[frozenset[str], Callable[[str], str | None]]] = {
    "scale_x10": (frozenset({"money", "count", "percent"}), _scale_op(10)),
    "scale_x100": (frozenset({"money", "count"}), _scale_op(100)),
    "scale_x1000": (frozenset({"money", "count"}), _scale_op(1000)),
    "scale_word": (frozenset({"money", "count"}), _swap_scale_word),
    "transpose": (frozenset({"money", "count", "percent"}), _transpose),
    "date_shift": (frozenset({"date"}), _shift_date),
    "version_bump": (frozenset({"version"}), _bump_version),
    "name_garble": (frozenset({"fact"}), _garble_name),
}


# operators that rewrite the words around a key: (text before, key, text after) → the three rewritten
_OPPOSITE_QUALIFIERS = (
    ("超过", "不到"), ("逾", "不到"), ("以上", "以下"), ("至少", "最多"), ("more than", "less than"),
    ("over", "under"), ("at least", "at most"), ("above", "below"),
)
_OPPOSITE_DIRECTIONS = (
    ("增长", "下降"), ("上涨", "下跌"), ("增加", "减少"), ("提升", "降低"), ("年增", "年減"),
    ("rose", "fell"), ("grew", "shrank"), ("up", "down"), ("increased", "decreased"), ("gained", "lost"),
)


def _swap_word(text: str, pairs: tuple[tuple[str, str], ...]) -> str | None:
    """Replace the pair word nearest the end of ``text`` (the key follows it) by its opposite."""
    best: tuple[int, str, str] | None = None  # (position, word, replacement)
    for a, b in pairs:
        for word, repl in ((a, b), (b, a)):
            for m in re.finditer(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", text):
                if best is None or m.start() > best[0]:
                    best = (m.start(), word, repl)
    if best is None:
        return None
    at, word, repl = best
    return text[:at] + repl + text[at + len(word) :]


_AFTER_QUALIFIERS = (("以上", "以下"),)
_AFTER_KEY = re.compile(r"^[^\d\s，。,;；]{0,3}?(?:或)?(以上|以下)")


def _flip_qualifier(before: str, key: str, after: str) -> tuple[str, str, str] | None:
    """Flip the key's own qualifier: 以上/以下 right after it (past its measure word), or the nearest
    qualifier before it with no other figure in between (以上 before the key is another figure's)."""
    m = _AFTER_KEY.match(after)
    if m:
        word = m.group(1)
        repl = "以下" if word == "以上" else "以上"
        return before, key, after[: m.start(1)] + repl + after[m.end(1) :]
    tail = re.split(r"\d", before)[-1]  # the words after the last figure before the key
    new = _swap_word(tail, tuple(p for p in _OPPOSITE_QUALIFIERS if p not in _AFTER_QUALIFIERS))
    return (before[: len(before) - len(tail)] + new, key, after) if new is not None else None


def _flip_direction(before: str, key: str, after: str) -> tuple[str, str, str] | None:
    new = _swap_word(before, _OPPOSITE_DIRECTIONS)
    return (new, key, after) if new is not None else None


def _swap_figures(before: str, key: str, after: str) -> tuple[str, str, str] | None:
    """Swap the key's figure with the next figure of the same unit in its sentence (12 models and 5
    benchmarks → 5 models and 12 benchmarks)."""
    m = _first_number(key)
    if m is None:
        return None
    unit = key[m.end() :].strip()
    stop = re.search(r"[。；;!?！？\n]|\.\s", after)
    window = after[: stop.start()] if stop else after
    for n in _NUM.finditer(window):
        tail = window[n.end() : n.end() + len(unit) + 1].strip()
        if n.group() != m.group() and (not unit or tail.startswith(unit)):
            new_key = key[: m.start()] + n.group() + key[m.end() :]
            new_after = window[: n.start()] + m.group() + window[n.end() :] + after[len(window) :]
            return before, new_key, new_after
    return None


CONTEXT_OPERATORS: dict[str, tuple[frozenset[str], Callable[[str, str, str], tuple[str, str, str] | None]]] = {
    "flip_qualifier": (frozenset({"money", "count", "percent"}), _flip_qualifier),
    "flip_direction": (frozenset({"money", "count", "percent"}), _flip_direction),
    "swap_figures": (frozenset({"money", "count", "percent"}), _swap_figures),
}
_BEFORE, _AFTER = 12, 60


def mutate(op: str, key: str) -> str | None:
    """The key rewritten by operator ``op``; None when it does not apply or changes nothing."""
    if op in CONTEXT_OPERATORS:
        raise ValueError(f"{op} rewrites the words around a key: use mutate_in_context")
    _, fn = OPERATORS[op]
    out = fn(key)
    return out if out and out != key else None


def mutate_in_context(op: str, before: str, key: str, after: str) -> tuple[str, str, str] | None:
    """(before, key, after) rewritten by a context operator; None when it does not apply."""
    _, fn = CONTEXT_OPERATORS[op]
    out = fn(before, key, after)
    return out if out and out != (before, key, after) else None


@dataclass(frozen=True)
class Mutant:
    op: str
    report: str
    start: int  # span of the rewritten text in the original report (the key, or the key with its words)
    end: int
    original: str
    mutated: str
    kind: str
    key_at: tuple[int, int] | None = None  # the key's span inside ``mutated`` (context operators)


@dataclass(frozen=True)
class MutantOutcome:
    mutant: Mutant
    status: str  # verified | contradicted | unverified | missed
    reason: str


@dataclass
class MutationSummary:
    outcomes: list[MutantOutcome] = field(default_factory=list)

    def share(self, status: str, op: str | None = None) -> float:
        rows = [o for o in self.outcomes if op is None or o.mutant.op == op]
        return sum(o.status == status for o in rows) / len(rows) if rows else 0.0

    def table(self) -> str:
        ops = sorted({o.mutant.op for o in self.outcomes})
        lines = [
            f"{'operator':14s} {'n':>4s} {'verified':>9s} {'contradicted':>13s} {'unverified':>11s} {'missed':>7s}"
        ]
        for op in [*ops, None]:
            rows = [o for o in self.outcomes if op is None or o.mutant.op == op]
            c = Counter(o.status for o in rows)
            n = len(rows)
            lines.append(
                f"{op or 'all':14s} {n:4d} {c['verified'] / n:9.1%} {c['contradicted'] / n:13.1%} "
                f"{c['unverified'] / n:11.1%} {c['missed'] / n:7.1%}"
            )
        return "\n".join(lines)

    def escaped(self) -> list[MutantOutcome]:
        return [o for o in self.outcomes if o.status == "verified"]


def plan_mutants(
    records: Iterable[Mapping[str, Any]], texts: Mapping[str, str], ops: Iterable[str]
) -> list[Mutant]:
    """Mutants of every verified claim whose key an operator applies to (one per claim and operator)."""
    out: list[Mutant] = []
    for op in ops:
        if op in CONTEXT_OPERATORS:
            out += _plan_in_context(op, records, texts)
            continue
        kinds, _ = OPERATORS[op]
        seen: set[tuple[str, int]] = set()
        for rec in records:
            if rec.get("status") != "verified" or rec.get("kind") not in kinds:
                continue
            report, (start, end) = str(rec["report"]), key_span(rec, texts)
            original = texts[report][start:end]
            new = mutate(op, original)
            if new is None or (report, start) in seen:
                continue
            if re.search(r"(?<![\w.])" + re.escape(new) + r"(?![\w]|\.\d)", texts[report]):
                continue  # the report states that figure elsewhere: a true claim, not a garble
            if _entailed(rec, new):
                continue  # "超过 602 万" where "超过 620 万" was verified: still true, not a garble
            seen.add((report, start))
            out.append(Mutant(op, report, start, end, original, new, str(rec["kind"])))
    return out


def key_span(rec: Mapping[str, Any], texts: Mapping[str, str]) -> tuple[int, int]:
    """Where a claim record's key stands in its report: inside its span, which may also hold the words
    framing a change ("rose 3% YoY" for the key 3%)."""
    start, end, key = int(rec["start"]), int(rec["end"]), str(rec.get("key") or "")
    at = texts[str(rec["report"])].find(key, start, end) if key else -1
    return (at, at + len(key)) if at >= 0 else (start, end)


def _entailed(rec: Mapping[str, Any], new_key: str) -> bool:
    """Does the verified claim imply its mutant? A lower bound lowered, an upper bound raised."""
    from claims.values import parse_values

    values = rec.get("values") or []
    if not values or not isinstance(values[0].get("value"), int | float):
        return False
    qualifier, old = values[0].get("qualifier", "="), float(values[0]["value"])
    got = [v for v in parse_values(new_key) if isinstance(v.value, int | float)]
    if not got or got[0].unit != values[0].get("unit"):
        return False
    new = float(got[0].value)
    return (qualifier in (">", ">=") and new < old) or (qualifier in ("<", "<=") and new > old)


def _plan_in_context(op: str, records: Iterable[Mapping[str, Any]], texts: Mapping[str, str]) -> list[Mutant]:
    kinds, _ = CONTEXT_OPERATORS[op]
    out: list[Mutant] = []
    for rec in records:
        if rec.get("status") != "verified" or rec.get("kind") not in kinds:
            continue
        report, (start, end) = str(rec["report"]), key_span(rec, texts)
        text = texts[report]
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end) if text.find("\n", end) >= 0 else len(text)
        b0, a1 = max(line_start, start - _BEFORE), min(line_end, end + _AFTER)
        got = mutate_in_context(op, text[b0:start], text[start:end], text[end:a1])
        if got is None:
            continue
        before, key, after = got
        out.append(
            Mutant(op, report, b0, a1, text[b0:a1], before + key + after, str(rec["kind"]),
                   (len(before), len(before) + len(key)))
        )
    return out


def apply_mutants(text: str, mutants: list[Mutant]) -> tuple[str, list[tuple[Mutant, int, int]]]:
    """The text with every (disjoint) mutant applied, and each mutant's span in the new text."""
    spans: list[tuple[Mutant, int, int]] = []
    pieces: list[str] = []
    pos = shift = 0
    for m in sorted(mutants, key=lambda m: m.start):
        if m.start < pos:
            continue  # overlaps an earlier mutant
        pieces += [text[pos : m.start], m.mutated]
        new_start = m.start + shift
        spans.append((m, new_start, new_start + len(m.mutated)))
        shift += len(m.mutated) - (m.end - m.start)
        pos = m.end
    pieces.append(text[pos:])
    return "".join(pieces), spans


def _judge(records: list[Mapping[str, Any]], start: int, end: int) -> tuple[str, str]:
    """Status of the claim covering [start, end), chosen as the evaluator does (largest overlap)."""
    best: tuple[tuple[int, int], Mapping[str, Any]] | None = None
    for c in records:
        ov = min(end, int(c["end"])) - max(start, int(c["start"]))
        if ov > 0:
            key = (-ov, int(c["end"]) - int(c["start"]))
            if best is None or key < best[0]:
                best = (key, c)
    if best is None:
        return "missed", ""
    return str(best[1]["status"]), str(best[1].get("reason") or "")


def build_base(reports: Mapping[str, str], sources_dir: Path, db_path: Path) -> list[dict[str, Any]]:
    """Ledger of the original reports, verified; returns its claim records. Leaves an archive-only
    ledger at ``db_path.with_suffix('.archive.db')`` to copy for every operator."""
    from storage.db import make_engine, session_scope
    from storage.export import claim_records
    from storage.ingest import ingest_report
    from verifier.archive import import_archive
    from verifier.verify import verify_claims

    archive_db = db_path.with_suffix(".archive.db")
    engine = make_engine(f"sqlite:///{archive_db}", cache=False)
    import_archive(engine, sources_dir)
    engine.dispose()
    shutil.copy(archive_db, db_path)
    engine = make_engine(f"sqlite:///{db_path}", cache=False)
    for name, text in reports.items():
        ingest_report(engine, name, text)
    verify_claims(engine)
    with session_scope(engine) as session:
        records = claim_records(session)
    engine.dispose()
    return records


def run_mutants(
    reports: Mapping[str, str],
    sources_dir: Path,
    ops: Iterable[str] | None = None,
    workdir: Path | None = None,
) -> MutationSummary:
    """Mutate, ingest, verify and judge: one fresh ledger (archive + mutated reports) per operator."""
    from storage.db import make_engine, session_scope
    from storage.export import claim_records
    from storage.ingest import ingest_report
    from verifier.verify import verify_claims

    ops = list(ops or [*OPERATORS, *CONTEXT_OPERATORS])
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        base = Path(tmp) / "base.db"
        records = build_base(reports, sources_dir, base)
        summary = MutationSummary()
        for op in ops:
            mutants = plan_mutants(records, reports, [op])
            if not mutants:
                continue
            db = Path(tmp) / f"{op}.db"
            shutil.copy(base.with_suffix(".archive.db"), db)
            engine = make_engine(f"sqlite:///{db}", cache=False)
            placed: dict[str, list[tuple[Mutant, int, int]]] = {}
            for name, text in reports.items():
                mine = [m for m in mutants if m.report == name]
                if not mine:
                    continue
                new_text, spans = apply_mutants(text, mine)
                ingest_report(engine, name, new_text)
                placed[name] = spans
            verify_claims(engine)
            with session_scope(engine) as session:
                got = claim_records(session)
            engine.dispose()
            by_report: dict[str, list[Mapping[str, Any]]] = {}
            for rec in got:
                by_report.setdefault(str(rec["report"]), []).append(rec)
            for name, spans in placed.items():
                for m, s, e in spans:
                    if m.key_at is not None:
                        s, e = s + m.key_at[0], s + m.key_at[1]
                    status, reason = _judge(by_report.get(name, []), s, e)
                    summary.outcomes.append(MutantOutcome(m, status, reason))
        return summary


def main() -> None:  # pragma: no cover - a report for people
    root = Path(__file__).resolve().parents[2]
    reports = {
        p.name: p.read_text(encoding="utf-8") for p in sorted((root / "examples/reports").glob("*.txt"))
    }
    summary = run_mutants(reports, root / "examples/sources")
    print(summary.table())
    for o in summary.escaped():
        m = o.mutant
        print(f"  escaped: {m.op:12s} {m.report[:3]} {m.original!r} -> {m.mutated!r} ({o.reason})")
    for o in summary.outcomes:
        if o.status in ("unverified", "missed"):
            m = o.mutant
            print(f"  {o.status}: {m.op:12s} {m.report[:3]} {m.original!r} -> {m.mutated!r} ({o.reason})")


if __name__ == "__main__":
    main()
