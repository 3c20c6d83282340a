"""Acceptance on the seed gold, from a real run over examples/ into a temporary SQLite ledger.

Floors are never lowered silently: they are the issue's acceptance criteria.
"""

from __future__ import annotations

from tests.verification.conftest import VerifiedLedger

MIN_ACCURACY = 0.85
MIN_CONTRADICTED_RECALL = 0.70
MIN_VERIFIED_PRECISION = 0.95


def _report(result) -> str:  # type: ignore[no-untyped-def]
    lines = [result.summary_line(), "confusion (gold -> predicted):"]
    lines += [f"  {g:12s} -> {p:12s} {n}" for (g, p), n in sorted(result.confusion.items())]
    lines += [f"  miss: {m}" for m in result.misses]
    return "\n".join(lines)


def test_verdict_accuracy(gold_result) -> None:  # type: ignore[no-untyped-def]
    print(_report(gold_result))
    assert gold_result.accuracy >= MIN_ACCURACY, _report(gold_result)


def test_contradicted_recall(gold_result) -> None:  # type: ignore[no-untyped-def]
    assert gold_result.contradicted_recall >= MIN_CONTRADICTED_RECALL, _report(gold_result)


def test_verified_precision(gold_result) -> None:  # type: ignore[no-untyped-def]
    assert gold_result.verified_precision >= MIN_VERIFIED_PRECISION, _report(gold_result)


def _claim(ledger: VerifiedLedger, report_prefix: str, key: str) -> dict:
    for rec in ledger.records:
        if rec["report"].startswith(report_prefix) and rec.get("key") == key:
            return rec
    raise AssertionError(f"no claim with key {key!r} in {report_prefix}")


def test_scale_slip_evidence_shows_the_pages_figure_for_the_same_quantity(verified_ledger: VerifiedLedger) -> None:
    """4 亿美元 against "$4 million" (the donations), not against "$100 million" in the same paragraph."""
    rec = _claim(verified_ledger, "000_", "4 亿美元")
    assert rec["status"] == "contradicted" and rec["reason"] == "value_mismatch"
    lead = next(e for e in rec["evidence"] if e["stance"] == "contradicts")
    assert lead["matched_value"] == "$4 million"
    assert "$4 million" in lead["passage"]
    assert 4e6 in [v["value"] for v in lead.get("values_found", [])]


def test_near_miss_name_is_contradicted_with_the_pages_name(verified_ledger: VerifiedLedger) -> None:
    rec = _claim(verified_ledger, "000_", "Radyn Robotics")
    assert (rec["status"], rec["reason"]) == ("contradicted", "name_mismatch")
    assert any(e["matched_value"] == "Teradyne Robotics" for e in rec["evidence"] if e["stance"] == "contradicts")
