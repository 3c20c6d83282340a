"""Well-formedness of the tune6 development set (tests/fixtures/tune6/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, the archive has one dead URL, one soft 404 and one paywall stub, and
every verified or contradicted item's ``truth`` passage occurs in the visible text of one of its cited pages.
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

TUNE6 = Path(__file__).resolve().parent.parent / "fixtures" / "tune6"
SOURCES = TUNE6 / "sources"
LABELS = TUNE6 / "tune6_claims.jsonl"
REPORTS = ("t1_digest_tc.txt", "t2_briefing_en.md")
SOFT_404 = "https://www.moneydj.com/kmdj/news/newsviewer.aspx?a=8f2c1e07-4b1d-4e55-9a0b-6d3c2f7e1a90"
PAYWALL = "https://asia.nikkei.com/Business/Tech/Semiconductors/Norvane-Systems-weighs-major-Taiwan-expansion-as-AI-rack-orders-swell"
URL = re.compile(r"https?://[^\s)\]>〉」]+")

EXPECTED_VERDICTS = {"verified": 28, "contradicted": 26, "unverified": 17}
EXPECTED_BY_REPORT = {
    ("t1_digest_tc.txt", "verified"): 20,
    ("t1_digest_tc.txt", "contradicted"): 14,
    ("t1_digest_tc.txt", "unverified"): 9,
    ("t2_briefing_en.md", "verified"): 8,
    ("t2_briefing_en.md", "contradicted"): 12,
    ("t2_briefing_en.md", "unverified"): 8,
}
EXPECTED_KINDS = {"money": 31, "percent": 22, "count": 7, "fact": 6, "date": 5}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (TUNE6 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def test_the_set_has_two_formats(reports: dict[str, str]) -> None:
    tc, en = reports["t1_digest_tc.txt"], reports["t2_briefing_en.md"]
    # plain-text digest: an unsourced 本週重點 summary, （註n） marks, a numbered 資料來源 list
    assert "本週重點" in tc and "資料來源" in tc and "（註1）" in tc
    assert re.search(r"^註1　.+\nhttps://\S+$", tc, re.M)  # each 註n entry followed by its URL
    assert re.search(r"^\| Company \| Metric \| Figure \| Source \|$", en, re.M)  # markdown table
    assert re.search(r"^\|.*\| \[[^\]]+\]\(https://[^)]+\) \|$", en, re.M)  # source link in the last column
    assert re.search(r"^[A-Z][^|\n]*\]\(https://", en, re.M)  # inline links in prose


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
    assert "您要找的網頁不存在" in page_text(SOURCES / manifest[SOFT_404]["file"])  # soft 404 answering 200
    assert "Subscribe to read the full story" in page_text(SOURCES / manifest[PAYWALL]["file"])


def test_unverified_items_on_empty_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    """A label resting only on the dead URL, the soft 404 or the paywall stub is unverified."""
    check_empty_pages_unverified(labels, manifest, frozenset({SOFT_404, PAYWALL}))


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
