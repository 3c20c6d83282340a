"""Mutation test: garble the key of every claim the loop verifies on the seeds, re-run the loop on the
mutated reports against the same archive, and measure what comes out verified (the worst error).

Measured (seed reports, 357 mutants, all operators): 1.1% still verified (4 万↔亿 swaps that land on
another quantity of the same page: 100 万美元 vs a "$1 million grant", 约 90 万美元 vs "$1 million"),
34.5% contradicted (numeric ones: about 70%; bumped versions 20%), the rest unverified (most garbled
names and bumped versions are "not found" on the page rather than contradicted). Before round 2: 3.1% verified, 28.0% contradicted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPORTS_DIR, SOURCES_DIR
from tests.generalisation.mutants import (
    MutationSummary,
    apply_mutants,
    mutate,
    mutate_in_context,
    plan_mutants,
    run_mutants,
)

DEVSET = Path(__file__).resolve().parent.parent / "fixtures" / "devset"

MAX_VERIFIED = 0.01  # measured 0.3% of 354 (was 1.4%: words read whole, table columns, attributes after 的)
MIN_CONTRADICTED = 0.88  # measured 89.3% of 354 (89.6% of 365 before entailed mutants were left out)
MIN_NUMERIC_CONTRADICTED = 0.80  # money, count, percent, date mutants
# the devset (realistic pages, four formats): measured 884 mutants, 4.4% verified, 77.0% contradicted
# (839 mutants and 79.6% before r1's news sections became checkworthy: more garbled names, mostly unverified)
# entailed mutants are left out (a lower bound lowered, an upper bound raised: "超过 602 万" where "超过 620 万"
# was verified is still true, not a garble): 885 of the 901 mutants
DEVSET_MAX_VERIFIED = 0.011  # measured 1.0% of 898 at stop 21 (0.9% of 891 at stop 20; 1.2% of 885 at stop 19)
DEVSET_MIN_CONTRADICTED = 0.92  # measured 92.1% of 898 at stop 21 (92.7% of 891 at stop 20, 92.7% of 885 at stop 19)


@pytest.mark.parametrize(
    ("op", "key", "expected"),
    [
        ("scale_x10", "4.5 亿美元", "45 亿美元"),
        ("scale_x100", "300 亿美元", "30000 亿美元"),
        ("scale_x1000", "1.6 万亿日元", "1600 万亿日元"),
        ("scale_word", "100 亿美元", "100 万美元"),
        ("scale_word", "$4 million", "$4 billion"),
        ("transpose", "83.1%", "81.3%"),
        ("transpose", "94%", "49%"),
        ("date_shift", "2026 - 04 - 13", "2026 - 04 - 18"),
        ("date_shift", "2026-03-31", "2026-03-26"),
        ("date_shift", "4 月 16 日", "4 月 21 日"),
        ("date_shift", "April 2026", "June 2026"),
        ("version_bump", "GPT - 5 . 4", "GPT - 5 . 6"),
        ("version_bump", "Claude Opus 4.6", "Claude Opus 4.8"),
        ("name_garble", "Teradyne Robotics", "Texadyxe Robotics"),
    ],
)
def test_operators_garble_keys(op: str, key: str, expected: str) -> None:
    assert mutate(op, key) == expected


@pytest.mark.parametrize(
    ("op", "key"),
    [
        ("transpose", "100"),
        ("scale_word", "3,000 个"),
        ("name_garble", "Native sandbox execution"),
        ("date_shift", "数千"),
    ],
)
def test_operators_skip_keys_they_cannot_garble(op: str, key: str) -> None:
    assert mutate(op, key) is None


def test_mutants_apply_at_shifted_spans() -> None:
    text = "A 1 亿美元 and B 20% then C."
    a, b = text.find("1 亿美元"), text.find("20%")
    recs = [
        {"report": "r", "start": a, "end": a + len("1 亿美元"), "kind": "money", "status": "verified"},
        {"report": "r", "start": b, "end": b + 3, "kind": "percent", "status": "verified"},
    ]
    mutants = plan_mutants(recs, {"r": text}, ["scale_x10"])
    new, spans = apply_mutants(text, mutants)
    assert new == "A 10 亿美元 and B 200% then C."
    assert [new[s:e] for _, s, e in spans] == ["10 亿美元", "200%"]


@pytest.mark.parametrize(
    ("op", "before", "key", "after", "expected"),
    [
        ("flip_qualifier", "收涨逾", "四成", "，市场", ("收涨不到", "四成", "，市场")),
        ("flip_qualifier", "valued at more than ", "$250bn", ".", ("valued at less than ", "$250bn", ".")),
        ("flip_qualifier", "今年的产量是", "70辆", "以上，明年", ("今年的产量是", "70辆", "以下，明年")),  # its own 以上
        ("flip_direction", "营收年增 ", "41.8%", "。", ("营收年減 ", "41.8%", "。")),
        ("flip_direction", "revenue rose ", "61%", " to $5.82bn", ("revenue fell ", "61%", " to $5.82bn")),
        ("swap_figures", "覆盖 ", "32 个", "地域、95 个可用区。", ("覆盖 ", "95 个", "地域、32 个可用区。")),
    ],
)
def test_context_operators(op: str, before: str, key: str, after: str, expected: tuple[str, str, str]) -> None:
    assert mutate_in_context(op, before, key, after) == expected


def test_a_mutant_the_report_already_states_is_skipped() -> None:
    text = "E2B and E4B models"
    recs = [{"report": "r", "start": 0, "end": 3, "kind": "version", "status": "verified"}]
    assert plan_mutants(recs, {"r": text}, ["version_bump"]) == []


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> MutationSummary:
    reports = {p.name: p.read_text(encoding="utf-8") for p in sorted(REPORTS_DIR.glob("*.txt"))}
    return run_mutants(reports, SOURCES_DIR, workdir=tmp_path_factory.mktemp("mutants"))


@pytest.mark.slow
def test_garbled_claims_are_almost_never_verified(summary: MutationSummary) -> None:
    print(summary.table())
    escaped = "\n".join(
        f"{o.mutant.op} {o.mutant.original!r} -> {o.mutant.mutated!r}" for o in summary.escaped()
    )
    assert len(summary.outcomes) >= 300
    assert summary.share("verified") <= MAX_VERIFIED, escaped


@pytest.mark.slow
def test_garbled_claims_are_caught(summary: MutationSummary) -> None:
    assert summary.share("contradicted") >= MIN_CONTRADICTED, summary.table()
    numeric = [o for o in summary.outcomes if o.mutant.kind in {"money", "count", "percent", "date"}]
    caught = sum(o.status == "contradicted" for o in numeric) / len(numeric)
    assert caught >= MIN_NUMERIC_CONTRADICTED, summary.table()


@pytest.mark.slow
@pytest.mark.parametrize(
    "op", ["scale_x10", "scale_x100", "scale_x1000", "transpose", "date_shift", "version_bump"]
)
def test_no_operator_slips_through(summary: MutationSummary, op: str) -> None:
    assert summary.share("verified", op) == 0.0, summary.table()


@pytest.fixture(scope="module")
def devset_summary(tmp_path_factory: pytest.TempPathFactory) -> MutationSummary:
    reports = {p.name: p.read_text(encoding="utf-8") for p in sorted((DEVSET / "reports").iterdir())}
    return run_mutants(reports, DEVSET / "sources", workdir=tmp_path_factory.mktemp("devset-mutants"))


@pytest.mark.slow
def test_devset_mutants(devset_summary: MutationSummary) -> None:
    """Every verified devset claim garbled (figures, dates, versions, names, qualifiers, directions,
    swapped figures) on realistic pages."""
    print(devset_summary.table())
    assert len(devset_summary.outcomes) >= 700
    assert devset_summary.share("verified") <= DEVSET_MAX_VERIFIED, devset_summary.table()
    assert devset_summary.share("contradicted") >= DEVSET_MIN_CONTRADICTED, devset_summary.table()


def test_a_qualifier_of_the_figure_before_is_not_the_keys_to_flip() -> None:
    # "70辆以上，明年达到 200辆": 以上 is the 70's; flipping it garbles the 70, not the 200
    assert mutate_in_context("flip_qualifier", "量是70辆以上，明年达到", "200辆", "，后年") is None
