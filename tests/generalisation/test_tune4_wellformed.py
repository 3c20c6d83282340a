"""Well-formedness of the tune4 development set (tests/fixtures/tune4/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest (except the one malformed ``https//`` URL), and every verified or contradicted item's ``truth``
passage occurs in the visible text of one of its cited pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.generalisation.labelled_set import (
    check_cited_urls,
    check_fields_and_counts,
    check_keys_apart,
    check_label_urls,
    check_quotes,
    check_truths,
    read_labels,
    read_manifest,
)

TUNE4 = Path(__file__).resolve().parent.parent / "fixtures" / "tune4"
SOURCES = TUNE4 / "sources"
LABELS = TUNE4 / "tune4_claims.jsonl"
REPORTS = ("t1_daily_tc.md", "t2_weekly_sc.txt", "t3_brief_en.md")
MALFORMED = "https//www.jiqizhixin.com/articles/2026-11-26-3"
URL = re.compile(r"https?:?//[^\s)\]>〉」]+")

EXPECTED_VERDICTS = {"verified": 36, "contradicted": 28, "unverified": 15}
EXPECTED_BY_REPORT = {
    ("t1_daily_tc.md", "verified"): 12,
    ("t1_daily_tc.md", "contradicted"): 10,
    ("t1_daily_tc.md", "unverified"): 4,
    ("t2_weekly_sc.txt", "verified"): 13,
    ("t2_weekly_sc.txt", "contradicted"): 10,
    ("t2_weekly_sc.txt", "unverified"): 6,
    ("t3_brief_en.md", "verified"): 11,
    ("t3_brief_en.md", "contradicted"): 8,
    ("t3_brief_en.md", "unverified"): 5,
}
EXPECTED_KINDS = {"money": 36, "count": 19, "percent": 13, "fact": 7, "date": 4}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (TUNE4 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def test_the_set_has_three_formats(reports: dict[str, str]) -> None:
    tc, sc, en = reports["t1_daily_tc.md"], reports["t2_weekly_sc.txt"], reports["t3_brief_en.md"]
    assert "[1]" in tc and "參考資料" in tc and "億" in tc  # Traditional daily with footnotes
    assert re.search(r"^https://\S+$", sc, re.M) and "一、" in sc  # plain-text weekly, bare URL lines
    assert re.search(r"^\[1\]: https://", en, re.M)  # reference-style markdown links


def test_fields_kinds_and_verdicts(labels: list[dict]) -> None:
    check_fields_and_counts(labels, REPORTS, EXPECTED_VERDICTS, EXPECTED_BY_REPORT, EXPECTED_KINDS)


def test_quotes_occur_once_and_hold_their_keys(labels: list[dict], reports: dict[str, str]) -> None:
    check_quotes(labels, reports)


def test_keys_of_a_report_do_not_overlap(labels: list[dict], reports: dict[str, str]) -> None:
    check_keys_apart(labels, reports)


def test_every_cited_url_is_in_the_manifest(reports: dict[str, str], manifest: dict[str, dict]) -> None:
    cited = {url for text in reports.values() for url in URL.findall(text)}
    assert MALFORMED in cited
    assert MALFORMED not in manifest
    check_cited_urls(reports, manifest, URL, ignore=frozenset({MALFORMED}))


def test_label_urls_are_cited_by_their_report(labels: list[dict], reports: dict[str, str]) -> None:
    check_label_urls(labels, reports)


def test_archive_shape(manifest: dict[str, dict]) -> None:
    dead = [u for u, e in manifest.items() if e["status"] == 404]
    assert len(dead) == 1 and "file" not in manifest[dead[0]]
    live = [e for e in manifest.values() if e["status"] == 200]
    assert len(live) == 12
    assert all((SOURCES / e["file"]).is_file() for e in live)


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
