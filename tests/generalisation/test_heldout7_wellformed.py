"""Well-formedness of the heldout7 held-out set (tests/fixtures/heldout7/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, the archive has one dead URL, one soft 404 and one paywall stub, and
every verified or contradicted item's ``truth`` passage occurs in the visible text of one of its cited pages.
Nothing here prints an individual label: the set is held out.
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

HELDOUT7 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout7"
SOURCES = HELDOUT7 / "sources"
LABELS = HELDOUT7 / "heldout7_claims.jsonl"
REPORTS = ("c1_channel_hk.txt", "c2_timeline_en.md")
SOFT_404 = "https://www.scmp.com/business/companies/article/3332418/lingfeng-data-signs-anchor-tenant-tseung-kwan-o-phase-two"
PAYWALL = "https://www1.hkej.com/dailynews/finnews/article/4129875"
URL = re.compile(r"https?://[^\s)\]>〉」]+")
POST_SEPARATOR = "\n\n—\n\n"
ENTRY = re.compile(r"\*\*(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2}/\d{1,2}\*\* — .+ \(\[[^\]]+\]\(https://[^)\s]+\)\)")

EXPECTED_VERDICTS = {"verified": 29, "contradicted": 25, "unverified": 18}
EXPECTED_BY_REPORT = {
    ("c1_channel_hk.txt", "verified"): 16,
    ("c1_channel_hk.txt", "contradicted"): 12,
    ("c1_channel_hk.txt", "unverified"): 8,
    ("c2_timeline_en.md", "verified"): 13,
    ("c2_timeline_en.md", "contradicted"): 13,
    ("c2_timeline_en.md", "unverified"): 10,
}
EXPECTED_KINDS = {"money": 29, "percent": 16, "fact": 11, "date": 9, "count": 6, "version": 1}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (HELDOUT7 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return read_manifest(SOURCES)


def test_the_channel_is_emoji_posts_closed_by_link_lines(reports: dict[str, str]) -> None:
    channel = reports["c1_channel_hk.txt"]
    assert "#" not in channel and "](" not in channel  # not markdown
    blocks = [b.strip("\n") for b in channel.split(POST_SEPARATOR)]
    posts, comment = blocks[1:-1], blocks[-1]
    assert len(posts) == 8
    for post in posts:
        lines = post.splitlines()
        # an emoji headline line, one paragraph, then one or more 🔗 lines
        assert ord(lines[0][0]) > 0x2000 and not lines[0][0].isalnum(), post
        assert not lines[1].startswith("🔗")
        links = lines[2:]
        assert links and all(re.fullmatch(r"🔗 https://\S+", line) for line in links), post
    assert sum(len(post.splitlines()) - 2 == 2 for post in posts) == 1  # one post cites two links
    # the closing 小編點評 cites nothing
    assert comment.startswith("「小編點評」") and not URL.search(comment)


def test_the_timeline_is_dated_entries_with_their_own_link(reports: dict[str, str]) -> None:
    timeline = reports["c2_timeline_en.md"]
    assert "[^" not in timeline and not re.search(r"\[\d+\]", timeline)  # no footnotes
    headings = [line for line in timeline.splitlines() if line.startswith("## ")]
    assert "## Week of November 23" in headings
    entries = [line for line in timeline.splitlines() if line.startswith("**")]
    assert len(entries) >= 12
    # every entry is a bold day lead and ends with exactly one ([Site](url)) of its own
    assert all(ENTRY.fullmatch(line) and line.count("](") == 1 for line in entries), entries


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
    assert "登入或訂閱以閱讀全文" in page_text(SOURCES / manifest[PAYWALL]["file"])


def test_pages_carry_the_formats_the_labels_rely_on(manifest: dict[str, dict]) -> None:
    text = {u: page_text(SOURCES / e["file"]) for u, e in manifest.items() if "file" in e}
    joined = "\n".join(text.values())
    assert "in millions of U.S. dollars, except per-share data" in joined  # a table whose caption gives the unit
    assert "所得款項總額約為22.32億港元" in joined  # a Hong Kong announcement in 港元 億
    assert "Correction, November 24, 2026" in joined  # a correction note revising a figure
    assert "five founding members" in joined  # a complete list
    assert "VX-8 Ultra 8 1,536 GB" in joined  # a pricing table row


def test_unverified_items_on_dead_soft_404_or_paywalled_pages(
    labels: list[dict], manifest: dict[str, dict]
) -> None:
    check_empty_pages_unverified(labels, manifest, frozenset({SOFT_404, PAYWALL}))


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    check_truths(labels, manifest, SOURCES)
