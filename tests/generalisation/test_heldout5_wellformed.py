"""Well-formedness of the fifth held-out set (tests/fixtures/heldout5/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, the archive has one dead URL, one soft 404 and one paywall, and every
verified or contradicted item's ``truth`` passage occurs in the visible text of one of its cited pages.
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

HELDOUT5 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout5"
SOURCES = HELDOUT5 / "sources"
LABELS = HELDOUT5 / "heldout5_claims.jsonl"
REPORTS = ("h1_weekly_sc.txt", "h2_newsletter_en.md")
SOFT_404 = "https://finance.sina.com.cn/tech/2026-11-25/doc-inhxkq8827361.shtml"
PAYWALL = "https://www.bloomberg.com/news/articles/2026-11-24/korinth-labs-weighs-new-funding-as-inference-demand-soars"
URL = re.compile(r"https?://[^\s)\]>〉」）]+")

EXPECTED_VERDICTS = {"verified": 31, "contradicted": 22, "unverified": 14}
EXPECTED_BY_REPORT = {
    ("h1_weekly_sc.txt", "verified"): 15,
    ("h1_weekly_sc.txt", "contradicted"): 11,
    ("h1_weekly_sc.txt", "unverified"): 7,
    ("h2_newsletter_en.md", "verified"): 16,
    ("h2_newsletter_en.md", "contradicted"): 11,
    ("h2_newsletter_en.md", "unverified"): 7,
}
EXPECTED_KINDS = {"money": 27, "count": 16, "percent": 11, "fact": 7, "date": 6}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (HELDOUT5 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def test_the_set_has_two_formats(reports: dict[str, str]) -> None:
    sc, en = reports["h1_weekly_sc.txt"], reports["h2_newsletter_en.md"]
    assert not re.search(r"^(#|\||- |\* )", sc, re.M)  # plain text, no markdown
    assert re.search(r"^一、", sc, re.M) and re.search(r"^五、", sc, re.M)  # numbered sections
    assert re.search(r"（来源：\S+ https://\S+）$", sc, re.M) and "本周观察" in sc  # 来源 at paragraph ends
    assert "[1]" in en and "## Sources" in en  # footnote markers and a sources list
    assert re.search(r"^1\. .+ — https://\S+$", en, re.M)


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
    assert "页面不存在" in page_text(SOURCES / manifest[SOFT_404]["file"])  # soft 404 answering 200
    assert "Subscribe to keep reading" in page_text(SOURCES / manifest[PAYWALL]["file"])  # paywall stub


def test_unverified_items_on_dead_soft_404_or_paywalled_pages(
    labels: list[dict], manifest: dict[str, dict]
) -> None:
    check_empty_pages_unverified(labels, manifest, frozenset({SOFT_404, PAYWALL}))


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
