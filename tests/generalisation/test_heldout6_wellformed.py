"""Well-formedness of the heldout6 held-out set (tests/fixtures/heldout6/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, the archive has one dead URL, one soft 404 and one paywall, and every
verified or contradicted item's ``truth`` passage occurs in the visible text of one of its cited pages.
They print nothing about the engine: the set is held out, and only its totals are ever reported.
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

HELDOUT6 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout6"
SOURCES = HELDOUT6 / "sources"
LABELS = HELDOUT6 / "heldout6_claims.jsonl"
REPORTS = ("c1_newsletter_sc.md", "c2_digest_en.txt")
SOFT_404 = "https://www.theregister.com/2026/11/24/kallang_digital_johor_expansion/"
PAYWALL = "https://www.caixin.com/2026-11-25/102391547.html"
URL = re.compile(r"https?://[^\s)\]>〉」）]+")

EXPECTED_VERDICTS = {"verified": 30, "contradicted": 27, "unverified": 18}
EXPECTED_BY_REPORT = {
    ("c1_newsletter_sc.md", "verified"): 13,
    ("c1_newsletter_sc.md", "contradicted"): 14,
    ("c1_newsletter_sc.md", "unverified"): 10,
    ("c2_digest_en.txt", "verified"): 17,
    ("c2_digest_en.txt", "contradicted"): 13,
    ("c2_digest_en.txt", "unverified"): 8,
}
EXPECTED_KINDS = {"money": 31, "percent": 14, "count": 11, "fact": 9, "date": 9, "version": 1}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (HELDOUT6 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def test_the_set_has_two_formats(reports: dict[str, str]) -> None:
    sc, en = reports["c1_newsletter_sc.md"], reports["c2_digest_en.txt"]
    # bold 【tag】 lead-in lines, each item closed by its own 👉 原文 line
    leads = re.findall(r"^\*\*【(融资|财报|模型|政策)】.+\*\*$", sc, re.M)
    assert set(leads) == {"融资", "财报", "模型", "政策"}
    assert len(re.findall(r"^👉 原文：https://\S+$", sc, re.M)) == len(leads)
    # 一句话新闻 bullets each cite （via 站点名 url）; the 编者按 cites nothing
    bullets = sc.split("## 一句话新闻", 1)[1].split("**编者按**", 1)[0]
    lines = [line for line in bullets.splitlines() if line.startswith("- ")]
    assert lines and all(re.search(r"（via \S+(?: \S+)* https://[^）]+）$", line) for line in lines)
    editorial = sc.split("**编者按**", 1)[1]
    assert not URL.search(editorial)
    # numbered headlines, indented paragraphs, Link: lines; one headline cites two links
    heads = re.findall(r"^(\d)\) \S", en, re.M)
    assert heads == [str(i) for i in range(1, len(heads) + 1)] and len(heads) >= 6
    assert re.search(r"^ {4}\S", en, re.M)
    stories = re.split(r"^\d\) ", en.split("ALSO NOTED", 1)[0], flags=re.M)[1:]
    links = [len(re.findall(r"^ {4}Link: https://\S+$", story, re.M)) for story in stories]
    assert sorted(links) == [1] * (len(stories) - 1) + [2]
    # ALSO NOTED: one link per line
    noted = [line for line in en.split("ALSO NOTED", 1)[1].splitlines() if line.startswith("- ")]
    assert noted and all(len(URL.findall(line)) == 1 for line in noted)


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
    assert "Page not found" in page_text(SOURCES / manifest[SOFT_404]["file"])  # soft 404 answering 200
    assert "付费内容" in page_text(SOURCES / manifest[PAYWALL]["file"])  # paywall stub


def test_unverified_items_on_dead_soft_404_or_paywall_pages(
    labels: list[dict], manifest: dict[str, dict]
) -> None:
    check_empty_pages_unverified(labels, manifest, frozenset({SOFT_404, PAYWALL}))


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
