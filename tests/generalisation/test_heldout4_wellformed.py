"""Well-formedness of the fourth held-out set (tests/fixtures/heldout4/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, the archive has one dead URL, one soft 404 and one paywall stub, and
every verified or contradicted item's ``truth`` passage occurs in the visible text of one of its cited pages.
No engine score is computed here.
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

HELDOUT4 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout4"
SOURCES = HELDOUT4 / "sources"
LABELS = HELDOUT4 / "heldout4_claims.jsonl"
REPORTS = ("d1_daily_sc.md", "n1_newsletter_en.txt")
SOFT_404 = "https://www.theregister.com/2026/11/23/kestrel_systems_backlog/"
PAYWALL = "https://www.caixin.com/2026-11-25/102391845.html"
URL = re.compile(r"https?://[^\s)\]>〉」]+")

EXPECTED_VERDICTS = {"verified": 30, "contradicted": 21, "unverified": 14}
EXPECTED_BY_REPORT = {
    ("d1_daily_sc.md", "verified"): 16,
    ("d1_daily_sc.md", "contradicted"): 10,
    ("d1_daily_sc.md", "unverified"): 7,
    ("n1_newsletter_en.txt", "verified"): 14,
    ("n1_newsletter_en.txt", "contradicted"): 11,
    ("n1_newsletter_en.txt", "unverified"): 7,
}
EXPECTED_KINDS = {"money": 26, "count": 14, "fact": 11, "percent": 8, "date": 5, "version": 1}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (HELDOUT4 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def test_the_set_has_two_new_formats(reports: dict[str, str]) -> None:
    daily, newsletter = reports["d1_daily_sc.md"], reports["n1_newsletter_en.txt"]
    assert "## 今日速览" in daily and re.search(r"\[原文\]\(https://\S+\)$", daily, re.M)  # inline 原文 links
    summary = daily.split("## 今日速览", 1)[1].split("\n## ", 1)[0]
    assert "http" not in summary  # the summary cites nothing
    assert re.search(r"^Source: https://\S+$", newsletter, re.M) and re.search(r"^1\. ", newsletter, re.M)
    assert "](" not in newsletter and "**" not in newsletter  # plain text, no markdown


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
    assert "Page not found" in page_text(SOURCES / manifest[SOFT_404]["file"])  # soft 404 answering 200
    assert "订阅后可阅读全文" in page_text(SOURCES / manifest[PAYWALL]["file"])  # paywall stub


def test_unverified_items_on_dead_or_soft_404_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_empty_pages_unverified(labels, manifest, frozenset({SOFT_404}))


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
