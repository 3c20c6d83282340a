"""Well-formedness of the tune5 development set (tests/fixtures/tune5/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, the archive has one dead URL and one soft 404, and every verified or
contradicted item's ``truth`` passage occurs in the visible text of one of its cited pages.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

TUNE5 = Path(__file__).resolve().parent.parent / "fixtures" / "tune5"
SOURCES = TUNE5 / "sources"
LABELS = TUNE5 / "tune5_claims.jsonl"
REPORTS = ("s1_wechat_sc.md", "s2_roundup_en.md")
SOFT_404 = "https://www.jiemian.com/article/13877215.html"
FIELDS = {"report", "quote", "key", "kind", "verdict", "source_urls", "truth", "why"}
KINDS = {"money", "percent", "count", "date", "version", "fact"}
URL = re.compile(r"https?://[^\s)\]>〉」]+")

EXPECTED_VERDICTS = {"verified": 26, "contradicted": 22, "unverified": 11}
EXPECTED_BY_REPORT = {
    ("s1_wechat_sc.md", "verified"): 15,
    ("s1_wechat_sc.md", "contradicted"): 8,
    ("s1_wechat_sc.md", "unverified"): 5,
    ("s2_roundup_en.md", "verified"): 11,
    ("s2_roundup_en.md", "contradicted"): 14,
    ("s2_roundup_en.md", "unverified"): 6,
}
EXPECTED_KINDS = {"money": 31, "count": 9, "percent": 8, "fact": 7, "date": 4}


class _Text(HTMLParser):
    """Visible text of a page: tag contents joined by spaces, scripts and styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _squash(text: str) -> str:
    return " ".join(html.unescape(text).split())


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return _squash(" ".join(parser.parts))


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return {name: (TUNE5 / name).read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    entries = json.loads((SOURCES / "manifest.json").read_text(encoding="utf-8"))
    return {e["url"]: e for e in entries}


def test_the_set_has_two_formats(reports: dict[str, str]) -> None:
    sc, en = reports["s1_wechat_sc.md"], reports["s2_roundup_en.md"]
    assert re.search(r"^来源：https://\S+$", sc, re.M) and "## 数据一览" in sc  # WeChat article, 来源 lines
    assert re.search(r"^\| 公司 \| 指标 \| 数值 \|$", sc, re.M)  # the markdown summary table
    assert "[^1]" in en and re.search(r"^\[\^1\]: https://", en, re.M)  # markdown footnotes


def test_fields_kinds_and_verdicts(labels: list[dict]) -> None:
    for item in labels:
        assert set(item) == FIELDS, item
        assert item["kind"] in KINDS, item
        assert item["report"] in REPORTS, item
        assert item["truth"].strip() and item["why"].strip(), item
    assert Counter(i["verdict"] for i in labels) == EXPECTED_VERDICTS
    assert Counter((i["report"], i["verdict"]) for i in labels) == EXPECTED_BY_REPORT
    assert Counter(i["kind"] for i in labels) == EXPECTED_KINDS


def test_quotes_occur_once_and_hold_their_keys(labels: list[dict], reports: dict[str, str]) -> None:
    for item in labels:
        text, quote, key = reports[item["report"]], item["quote"], item["key"]
        assert text.count(quote) == 1, f"{item['report']}: quote {quote!r} occurs {text.count(quote)} times"
        assert key and key in quote, f"key {key!r} not in quote {quote!r}"
        assert quote.count(key) == 1, f"key {key!r} ambiguous in quote {quote!r}"


def test_keys_of_a_report_do_not_overlap(labels: list[dict], reports: dict[str, str]) -> None:
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for item in labels:
        text = reports[item["report"]]
        start = text.find(item["quote"]) + item["quote"].find(item["key"])
        spans.setdefault(item["report"], []).append((start, start + len(item["key"]), item["key"]))
    for report, found in spans.items():
        found.sort()
        for (_, end, key), (start, _, other) in zip(found, found[1:], strict=False):
            assert end <= start, f"{report}: keys {key!r} and {other!r} overlap"


def test_every_cited_url_is_in_the_manifest(reports: dict[str, str], manifest: dict[str, dict]) -> None:
    cited = {url for text in reports.values() for url in URL.findall(text)}
    assert cited <= set(manifest), cited - set(manifest)
    assert set(manifest) <= cited, "every capture is cited by some report"


def test_label_urls_are_cited_by_their_report(labels: list[dict], reports: dict[str, str]) -> None:
    for item in labels:
        for url in item["source_urls"]:
            assert url in reports[item["report"]], f"{url} not in {item['report']}"


def test_archive_shape(manifest: dict[str, dict]) -> None:
    dead = [u for u, e in manifest.items() if e["status"] == 404]
    assert len(dead) == 1 and "file" not in manifest[dead[0]]
    live = [e for e in manifest.values() if e["status"] == 200]
    assert len(live) == 9
    assert all((SOURCES / e["file"]).is_file() for e in live)
    assert "页面不存在" in page_text(SOURCES / manifest[SOFT_404]["file"])  # soft 404 answering 200


def test_unverified_items_on_dead_or_soft_404_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    for item in labels:
        urls = item["source_urls"]
        if urls and all(manifest[u]["status"] == 404 or u == SOFT_404 for u in urls):
            assert item["verdict"] == "unverified", item


def test_truth_passages_occur_in_the_cited_pages(labels: list[dict], manifest: dict[str, dict]) -> None:
    texts = {u: page_text(SOURCES / e["file"]) for u, e in manifest.items() if "file" in e}
    for item in labels:
        if item["verdict"] == "unverified":
            continue  # truth says what is missing
        pages = [texts[u] for u in item["source_urls"] if u in texts]
        assert pages, f"{item['key']!r}: a {item['verdict']} item needs a live cited page"
        truth = _squash(item["truth"])
        assert any(truth in page for page in pages), f"{item['key']!r}: truth {truth!r} not in its pages"
