"""The value-reading suite: other projects' published test vectors (price-parser, cn2an, dateparser,
Duckling, number-parser, word2number) and our own cases for every family issue 9 lists, each read by
``parse_values`` and checked against the figure it states. Floor: 95% per source and overall.

Measured on these 772 vectors: 71.4% (551) with the reader before issue 9, 99.4% (767) after.
"""

from __future__ import annotations

import pytest

from tests.claims.vectors import Vector, load_vectors, score

FLOOR = 0.95
VECTORS = load_vectors()
TABLE = score(VECTORS)


def _describe(failed: list[Vector]) -> str:
    return "\n".join(f"  {v.source}: {v.input!r} -> {list(v.expected)}" for v in failed)


def test_every_vector_names_its_source() -> None:
    assert len(VECTORS) >= 700
    for v in VECTORS:
        assert v.provenance.get("repo") and v.provenance.get("path"), v.input
        if v.provenance["repo"] != "claimledger":
            assert len(v.provenance.get("commit", "")) == 40 and v.provenance.get("line"), v.input


@pytest.mark.parametrize("source", sorted(k for k in TABLE if k != "all"))
def test_each_source_is_read(source: str) -> None:
    passed, total, failed = TABLE[source]
    print(f"{source}: {passed}/{total} = {passed / total:.1%}")
    if failed:
        print(_describe(failed))
    assert passed / total >= FLOOR, _describe(failed)


OWN = [v for v in VECTORS if v.source == "own"]


@pytest.mark.parametrize("family", sorted({v.family for v in OWN}))
def test_each_family_of_our_own_cases_is_read(family: str) -> None:
    """One check per form issue 9 lists (currency, ¥ by context, hyphenated, scale, words, negative,
    approx, fraction, points, date, partial date, names, times): at most one case in ten missed."""
    cases = [v for v in OWN if v.family == family]
    passed, total, failed = score(cases)["all"]
    assert passed / total >= 0.9, _describe(failed)


def test_the_whole_suite_is_read() -> None:
    passed, total, failed = TABLE["all"]
    print(f"value vectors: {passed}/{total} = {passed / total:.1%}")
    assert passed / total >= FLOOR, _describe(failed)
