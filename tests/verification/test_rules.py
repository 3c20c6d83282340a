"""Every reason code of the verdict rules."""

from __future__ import annotations

from verifier.judge.rules import REASONS, Finding, SourceStatus, decide

OK = SourceStatus(total=2, usable=2)


def test_not_checkworthy() -> None:
    d = decide(OK, [Finding("supports", 0.9)], checkworthy=False)
    assert (d.status, d.reason) == ("unverified", "not_checkworthy")


def test_no_source() -> None:
    assert decide(SourceStatus(), []).reason == "no_source"


def test_source_malformed() -> None:
    d = decide(SourceStatus(total=2, malformed=2), [])
    assert (d.status, d.reason) == ("unverified", "source_malformed")


def test_source_unreachable_dead_or_mixed() -> None:
    assert decide(SourceStatus(total=2, dead=2), []).reason == "source_unreachable"
    assert decide(SourceStatus(total=3, dead=1, malformed=2), []).reason == "source_unreachable"


def test_supported() -> None:
    d = decide(OK, [Finding("supports", 0.8)])
    assert (d.status, d.reason) == ("verified", "supported") and 0.5 <= d.confidence <= 1


def test_support_beats_contradiction() -> None:
    d = decide(OK, [Finding("contradicts", 0.9, "value", "different"), Finding("supports", 0.7)])
    assert d.status == "verified"
    close = decide(OK, [Finding("contradicts", 0.72, "value", "scale_slip"), Finding("supports", 0.7)])
    assert close.status == "verified"


def test_a_slip_in_the_passage_that_speaks_most_to_the_claim_beats_a_coincidence() -> None:
    """100 万美元 met by a "$1 million grant" elsewhere, while the passage about the claim says $10 billion."""
    d = decide(OK, [Finding("contradicts", 0.82, "value", "scale_slip"), Finding("supports", 0.73)])
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    t = decide(OK, [Finding("contradicts", 0.9, "value", "transposed"), Finding("supports", 0.6)])
    assert t.status == "contradicted"


def test_value_mismatch() -> None:
    d = decide(OK, [Finding("contradicts", 0.8, "value", "scale_slip")])
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    weaker = decide(OK, [Finding("contradicts", 0.8, "value", "different")])
    assert weaker.confidence < d.confidence


def test_name_mismatch() -> None:
    assert decide(OK, [Finding("contradicts", 0.8, "name", "near_miss")]).reason == "name_mismatch"


def test_conflicting_reports() -> None:
    d = decide(OK, [], conflicting_reports=True)
    assert (d.status, d.reason) == ("contradicted", "conflicting_reports")
    assert decide(OK, [Finding("supports", 0.8)], conflicting_reports=True).status == "verified"


def test_not_found_in_source_and_weak_findings_do_not_count() -> None:
    assert decide(OK, []).reason == "not_found_in_source"
    assert decide(OK, [Finding("supports", 0.2)], threshold=0.5).reason == "not_found_in_source"


def test_confidence_in_unit_interval_and_reasons_documented() -> None:
    for f in (Finding("supports", 5.0), Finding("contradicts", 5.0, "value", "scale_slip")):
        assert 0.0 <= decide(OK, [f]).confidence <= 1.0
    for code in ("supported", "value_mismatch", "name_mismatch", "conflicting_reports", "no_source",
                 "source_malformed", "source_unreachable", "not_found_in_source", "not_checkworthy"):
        assert code in REASONS
