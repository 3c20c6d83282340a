"""Well-formedness of the tune7 development set (tests/fixtures/tune7/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, the archive has one dead URL and one soft 404, and every verified or
contradicted item's ``truth`` passage occurs in the visible text of one of its cited pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.generalisation.labelled_set import (
    check_cited_urls,
    check_empty_pages_unverified,
    check_fields_and_counts,
    check_keys_apart,
    check_label_urls,
    check_quotes,
    check_truths,
    page_text,
    read_labels,
    read_manifest,
)

TUNE7 = Path(__file__).resolve().parent.parent / "fixtures" / "tune7"
SOURCES = TUNE7 / "sources"
LABELS = TUNE7 / "tune7_claims.jsonl"
REPORTS = ("s1_hk_brief_tc.md", "s2_ai_weekly_en.md")
SOFT_404 = "https://www.etnet.com.hk/www/tc/news/categorized_news_detail.php?newsid=ETN261125901"
URL = re.compile(r"https?://[^\s)\]>〉」]+")

EXPECTED_VERDICTS = {"verified": 31, "contradicted": 27, "unverified": 16}
EXPECTED_BY_REPORT = {
    ("s1_hk_brief_tc.md", "verified"): 15,
    ("s1_hk_brief_tc.md", "contradicted"): 14,
    ("s1_hk_brief_tc.md", "unverified"): 8,
    ("s2_ai_weekly_en.md", "verified"): 16,
    ("s2_ai_weekly_en.md", "contradicted"): 13,
    ("s2_ai_weekly_en.md", "unverified"): 8,
}
EXPECTED_KINDS = {"money": 32, "percent": 18, "count": 10, "fact": 9, "date": 4, "version": 1}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (TUNE7 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def test_the_set_has_two_formats(reports: dict[str, str]) -> None:
    hk, en = reports["s1_hk_brief_tc.md"], reports["s2_ai_weekly_en.md"]
    # 〔來源〕 lines under each item, and an unsourced 市場焦點 list
    assert re.search(r"^〔來源〕https://\S+$", hk, re.M) and "## 市場焦點" in hk
    assert re.search(r"^- \S+$", hk, re.M)  # the 市場焦點 bullets cite nothing
    assert re.search(r"^## 1\. ", en, re.M) and "## By the numbers" in en  # numbered sections
    bullets = [line for line in en.splitlines() if line.startswith("- **")]
    # each "By the numbers" bullet ends with its own link
    assert bullets and all(re.search(r"\(https://[^)]+\)\)$", line) for line in bullets)


def test_fields_kinds_and_verdicts(labels: list[dict]) -> None:
    check_fields_and_counts(labels, REPORTS, EXPECTED_VERDICTS, EXPECTED_BY_REPORT, EXPECTED_KINDS)


def test_quotes_occur_once_and_hold_their_keys(labels: list[dict], reports: dict[str, str]) -> None:
    check_quotes(labels, reports)


def test_keys_of_a_report_do_not_overlap(labels: list[dict], reports: dict[str, str]) -> None:
    check_keys_apart(labels, reports)


def test_every_cited_url_is_in_the_manifest(reports: dict[str, str], manifest: dict[str, dict]) -> None:
    check_cited_urls(reports, manifest, URL)


def test_label_urls_are_cited_by_their_report(labels: list[dict], reports: dict[str, str]) -> None:
    check_label_urls(labels, reports)


def test_archive_shape(manifest: dict[str, dict]) -> None:
    dead = [u for u, e in manifest.items() if e["status"] == 404]
    assert len(dead) == 1 and "file" not in manifest[dead[0]]
    live = [e for e in manifest.values() if e["status"] == 200]
    assert len(live) == 9
    assert all((SOURCES / e["file"]).is_file() for e in live)
    assert "找不到網頁" in page_text(SOURCES / manifest[SOFT_404]["file"])  # soft 404 answering 200


def test_unverified_items_on_dead_or_soft_404_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_empty_pages_unverified(labels, manifest, frozenset({SOFT_404}))


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
