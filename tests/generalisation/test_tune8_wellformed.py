"""Well-formedness of the tune8 development set (tests/fixtures/tune8/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, every footnote or reference a report uses is defined, the archive has
one dead URL, one soft 404 and one paywall stub, and every verified or contradicted item's ``truth`` passage
occurs in the visible text of one of its cited pages.
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

TUNE8 = Path(__file__).resolve().parent.parent / "fixtures" / "tune8"
SOURCES = TUNE8 / "sources"
LABELS = TUNE8 / "tune8_claims.jsonl"
DIGEST, WRAP = "a1_research_digest_sc.md", "a2_market_wrap_en.md"
REPORTS = (DIGEST, WRAP)
SOFT_404 = "https://www.yicai.com/news/102894517.html"
PAYWALL = "https://www.ft.com/content/8b1e4c2a-5d7f-4e09-a3c1-2f6d9e0b7a44"
URL = re.compile(r"https?://[^\s)\]>〉」]+")

EXPECTED_VERDICTS = {"verified": 31, "contradicted": 27, "unverified": 17}
EXPECTED_BY_REPORT = {
    (DIGEST, "verified"): 16,
    (DIGEST, "contradicted"): 14,
    (DIGEST, "unverified"): 9,
    (WRAP, "verified"): 15,
    (WRAP, "contradicted"): 13,
    (WRAP, "unverified"): 8,
}
EXPECTED_KINDS = {"money": 25, "percent": 22, "count": 11, "fact": 8, "date": 8, "version": 1}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (TUNE8 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def _section(text: str, heading: str) -> str:
    """The lines under ``heading`` up to the next heading of any level."""
    start = text.index(heading) + len(heading)
    following = re.search(r"^#{1,6} |^\*\*[^*]+\*\*$", text[start:], re.M)
    return text[start : start + following.start()] if following else text[start:]


def test_the_digest_uses_footnotes_items_and_a_table(reports: dict[str, str]) -> None:
    sc = reports[DIGEST]
    assert len(re.findall(r"^### ", sc, re.M)) >= 5  # items are ### headings
    used = set(re.findall(r"\[\^(\d+)\](?!:)", sc))
    defined = dict(re.findall(r"^\[\^(\d+)\]: (https://\S+)$", sc, re.M))
    assert used and used == set(defined), (used, set(defined))  # every footnote used is defined, and back
    assert "](http" not in sc  # no inline links: the footnotes are the only citations
    assert re.search(r"^\| 公司 \| 指标 \| 数值 \|$", sc, re.M)  # the small data table
    summary = _section(sc, "## 本周要点")
    bullets = [line for line in summary.splitlines() if line.startswith("- ")]
    assert bullets and not any("[^" in b or "http" in b for b in bullets)  # the summary cites nothing


def test_the_wrap_uses_reference_links_and_quick_hits(reports: dict[str, str]) -> None:
    en = reports[WRAP]
    used = set(re.findall(r"\]\[(\d+)\]", en))
    defined = dict(re.findall(r"^\[(\d+)\]: (https://\S+)$", en, re.M))
    assert used and used == set(defined), (used, set(defined))
    assert "](http" not in en  # reference-style links only
    assert len(re.findall(r"^\*\*[^*]+\.\*\* ", en, re.M)) >= 5  # paragraphs under bold lead-ins
    hits = [line for line in _section(en, "**Quick hits**").splitlines() if line.startswith("- ")]
    assert hits and all(len(re.findall(r"\]\[\d+\]", line)) == 1 for line in hits)  # one link per hit


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
    assert "页面不存在" in page_text(SOURCES / manifest[SOFT_404]["file"])  # soft 404 answering 200
    assert "Subscribe to unlock" in page_text(SOURCES / manifest[PAYWALL]["file"])  # paywall stub


def test_unverified_items_on_dead_soft_404_or_paywalled_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_empty_pages_unverified(labels, manifest, frozenset({SOFT_404, PAYWALL}))


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
