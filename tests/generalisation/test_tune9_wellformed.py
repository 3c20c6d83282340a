"""Well-formedness of the tune9 development set (tests/fixtures/tune9/), checked without the engine.

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

TUNE9 = Path(__file__).resolve().parent.parent / "fixtures" / "tune9"
SOURCES = TUNE9 / "sources"
LABELS = TUNE9 / "tune9_claims.jsonl"
REPORTS = ("b1_feed_tc.txt", "b2_briefing_en.txt")
SOFT_404 = "https://money.udn.com/money/story/5612/8427731"
PAYWALL = "https://www.ft.com/content/7d41c2e8-3b9f-4a52-9e61-c0f8a2d3b517"
URL = re.compile(r"https?://[^\s)\]>〉」]+")
SEPARATOR = "＊＊＊"

EXPECTED_VERDICTS = {"verified": 31, "contradicted": 25, "unverified": 17}
EXPECTED_BY_REPORT = {
    ("b1_feed_tc.txt", "verified"): 16,
    ("b1_feed_tc.txt", "contradicted"): 12,
    ("b1_feed_tc.txt", "unverified"): 9,
    ("b2_briefing_en.txt", "verified"): 15,
    ("b2_briefing_en.txt", "contradicted"): 13,
    ("b2_briefing_en.txt", "unverified"): 8,
}
EXPECTED_KINDS = {"money": 32, "percent": 15, "fact": 10, "date": 9, "count": 6, "version": 1}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (TUNE9 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def test_the_feed_is_items_between_separator_lines(reports: dict[str, str]) -> None:
    feed = reports["b1_feed_tc.txt"]
    assert "#" not in feed and "](" not in feed  # plain text, no markdown
    blocks = [b.strip("\n") for b in feed.split(f"\n{SEPARATOR}\n")]
    items, editorial = blocks[1:-1], blocks[-1]
    assert len(items) == 6
    for item in items:
        lines = item.splitlines()
        # a 【標題】 line, one paragraph, then one or more 原文連結 lines
        assert lines[0].startswith("【標題】") and not lines[1].startswith("原文連結")
        links = lines[2:]
        assert links and all(re.fullmatch(r"原文連結：https://\S+", line) for line in links), item
    assert sum(len(item.splitlines()) - 2 == 2 for item in items) == 1  # one item cites two links
    # the closing 編輯室觀點 cites nothing
    assert editorial.startswith("「編輯室觀點」") and not URL.search(editorial)


def test_the_briefing_is_caps_headers_and_bullets_with_their_own_link(reports: dict[str, str]) -> None:
    brief = reports["b2_briefing_en.txt"]
    assert "#" not in brief and "](" not in brief and "**" not in brief  # plain text, no markdown
    headers = [
        line for line in brief.splitlines() if line and line == line.upper() and re.search(r"[A-Z]{3}", line)
    ]
    assert "NUMBERS THAT MATTER" in headers and len(headers) >= 6
    bullets = [line for line in brief.splitlines() if line.startswith("* ")]
    assert len(bullets) >= 15
    # every bullet ends with exactly one (via <url>) of its own
    assert all(re.search(r"\(via https://[^)\s]+\)$", line) and line.count("(via ") == 1 for line in bullets)
    # the "Numbers that matter" group: one bullet a line, each with its own link
    numbers = brief.split("NUMBERS THAT MATTER\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(numbers) == 5 and all(line.startswith("* ") for line in numbers)


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
    assert len(live) == 10
    assert all((SOURCES / e["file"]).is_file() for e in live)
    assert "找不到您要的頁面" in page_text(SOURCES / manifest[SOFT_404]["file"])  # soft 404 answering 200
    assert "Subscribe to unlock this article" in page_text(SOURCES / manifest[PAYWALL]["file"])


def test_pages_carry_the_formats_the_labels_rely_on(manifest: dict[str, dict]) -> None:
    text = {u: page_text(SOURCES / e["file"]) for u, e in manifest.items() if "file" in e}
    joined = "\n".join(text.values())
    assert "單位：新臺幣千元" in joined  # the monthly-revenue table's unit is a caption, not the cells
    assert "【更正】" in joined and "32萬組" in joined  # a correction note revising a figure
    assert "117年第三季 量產" in joined  # a milestone table dated in 民國 years
    assert "the four members" in joined  # a complete list


def test_unverified_items_on_dead_soft_404_or_paywalled_pages(
    labels: list[dict], manifest: dict[str, dict]
) -> None:
    check_empty_pages_unverified(labels, manifest, frozenset({SOFT_404, PAYWALL}))


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
