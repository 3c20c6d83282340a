"""A labelled development set of our own (reports, an archive of captured pages, JSON-lines labels): its
well-formedness checks, which need no engine, and its scoring through a ledger built as a user builds one.
Each ``test_*_wellformed.py`` describes its set as a ``LabelledSet`` and runs the checks every set passes by
subclassing ``WellFormed``, adding only the tests of its own reports' formats."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.generalisation.ledger import read_reports, verified_records

FIELDS = {"report", "quote", "key", "kind", "verdict", "source_urls", "truth", "why"}
KINDS = {"money", "percent", "count", "date", "version", "fact"}
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


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


def squash(text: str) -> str:
    return " ".join(html.unescape(text).split())


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return squash(" ".join(parser.parts))


def live_page_texts(manifest: Mapping[str, dict], sources: Path) -> dict[str, str]:
    """The visible text of every captured page, by URL."""
    return {u: page_text(sources / e["file"]) for u, e in manifest.items() if "file" in e}


def page_languages(manifest: Mapping[str, dict], sources: Path) -> dict[str, str]:
    """The ``lang`` attribute of every captured page, by URL (its first ``lang="…"``)."""
    return {
        u: (sources / e["file"]).read_text(encoding="utf-8").split('lang="', 1)[1].split('"', 1)[0]
        for u, e in manifest.items()
        if "file" in e
    }


def read_labels(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_manifest(sources: Path) -> dict[str, dict]:
    return {e["url"]: e for e in json.loads((sources / "manifest.json").read_text(encoding="utf-8"))}


def check_fields_and_counts(
    labels: Sequence[dict],
    reports: Sequence[str],
    verdicts: Mapping[str, int],
    by_report: Mapping[tuple[str, str], int],
    kinds: Mapping[str, int],
) -> None:
    """Every label has the fields, a known kind and one of the set's reports; the counts are the README's."""
    for item in labels:
        assert set(item) == FIELDS, item
        assert item["kind"] in KINDS, item
        assert item["report"] in reports, item
        assert item["truth"].strip() and item["why"].strip(), item
    assert Counter(i["verdict"] for i in labels) == verdicts
    assert Counter((i["report"], i["verdict"]) for i in labels) == by_report
    assert Counter(i["kind"] for i in labels) == kinds


def check_quotes(labels: Sequence[dict], reports: Mapping[str, str]) -> None:
    """Every quote occurs once in its report and holds its key once."""
    for item in labels:
        text, quote, key = reports[item["report"]], item["quote"], item["key"]
        assert text.count(quote) == 1, f"{item['report']}: quote {quote!r} occurs {text.count(quote)} times"
        assert key and key in quote, f"key {key!r} not in quote {quote!r}"
        assert quote.count(key) == 1, f"key {key!r} ambiguous in quote {quote!r}"


def check_keys_apart(labels: Sequence[dict], reports: Mapping[str, str]) -> None:
    """No two keys of one report overlap."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for item in labels:
        text = reports[item["report"]]
        start = text.find(item["quote"]) + item["quote"].find(item["key"])
        spans.setdefault(item["report"], []).append((start, start + len(item["key"]), item["key"]))
    for report, found in spans.items():
        found.sort()
        for (_, end, key), (start, _, other) in zip(found, found[1:], strict=False):
            assert end <= start, f"{report}: keys {key!r} and {other!r} overlap"


def check_label_urls(labels: Sequence[dict], reports: Mapping[str, str]) -> None:
    """Every URL a label rests on is cited by its report."""
    for item in labels:
        for url in item["source_urls"]:
            assert url in reports[item["report"]], f"{url} not in {item['report']}"


def check_cited_urls(reports: Mapping[str, str], manifest: Mapping[str, dict], url: re.Pattern[str], *, ignore: frozenset[str] = frozenset()) -> None:
    """Every URL the reports cite (``url`` finds them; ``ignore``: a malformed one) is in the manifest, and
    every capture is cited by some report."""
    cited = {u for text in reports.values() for u in url.findall(text)} - ignore
    assert cited <= set(manifest), cited - set(manifest)
    assert set(manifest) <= cited, "every capture is cited by some report"


def check_empty_pages_unverified(labels: Sequence[dict], manifest: Mapping[str, dict], empty: frozenset[str]) -> None:
    """A label resting only on dead URLs (404) or on pages with nothing to check (``empty``: a soft 404, a
    paywall stub, a malformed URL never captured) is unverified."""
    for item in labels:
        urls = item["source_urls"]
        if urls and all(u in empty or manifest[u]["status"] == 404 for u in urls):
            assert item["verdict"] == "unverified", item


def check_truths(labels: Sequence[dict], manifest: Mapping[str, dict], sources: Path) -> None:
    """A verified or contradicted label's truth passage occurs in the visible text of a cited live page."""
    texts = live_page_texts(manifest, sources)
    for item in labels:
        if item["verdict"] == "unverified":
            continue  # truth says what is missing
        pages = [texts[u] for u in item["source_urls"] if u in texts]
        assert pages, f"{item['key']!r}: a {item['verdict']} item needs a live cited page"
        truth = squash(item["truth"])
        assert any(truth in page for page in pages), f"{item['key']!r}: truth {truth!r} not in its pages"


@dataclass(frozen=True)
class LabelledSet:
    """What the well-formedness checks need to know of one set (counts as its README gives them)."""

    name: str  # the set is tests/fixtures/<name>/, its labels <name>_claims.jsonl there
    by_report: Mapping[str, Mapping[str, int]]  # each report file of the set -> verdict -> labels
    verdicts: Mapping[str, int]
    kinds: Mapping[str, int]
    live: int  # captures answering 200; the archive also has exactly one dead URL (404, no file)
    url: re.Pattern[str]  # finds the URLs a report cites
    empty_pages: Mapping[str, str] = field(default_factory=dict)  # a soft 404 or paywall stub -> text it shows
    malformed: frozenset[str] = frozenset()  # what ``url`` finds in a report but is no URL, never captured
    # a label resting only on these (or on the dead URL) must be unverified; ``empty_pages`` and
    # ``malformed`` unless given
    unverified_on: frozenset[str] | None = None

    @property
    def folder(self) -> Path:
        return FIXTURES / self.name

    @property
    def labels(self) -> Path:
        return self.folder / f"{self.name}_claims.jsonl"

    @property
    def reports(self) -> tuple[str, ...]:
        return tuple(self.by_report)

    @property
    def sources(self) -> Path:
        return self.folder / "sources"

    @property
    def empty(self) -> frozenset[str]:
        return frozenset(self.empty_pages) | self.malformed if self.unverified_on is None else self.unverified_on


class WellFormed:
    """The checks every labelled set passes, without the engine: each label has the fields, a known kind and
    one of the set's reports, and the verdict and kind counts are the README's; every quote occurs once in
    its report and holds its key once; keys of one report never overlap; every URL a report cites is in the
    manifest (but the malformed ones) and every capture is cited; every URL a label rests on is cited by its
    report; the archive has one dead URL, the live captures expected, and its soft 404s and paywall stubs
    show their text; a label resting only on the dead URL or on an empty page is unverified; and every
    verified or contradicted label's ``truth`` passage occurs in the visible text of a cited live page.

    A set's test file subclasses this as ``Test…`` with ``SET``, its ``LabelledSet``, and adds the tests of
    its own reports' formats, which may use the ``labels``, ``reports`` and ``manifest`` fixtures."""

    SET: ClassVar[LabelledSet]

    @pytest.fixture(scope="class")
    @classmethod
    def labels(cls) -> list[dict]:
        return read_labels(cls.SET.labels)

    @pytest.fixture(scope="class")
    @classmethod
    def reports(cls) -> dict[str, str]:
        return {name: (cls.SET.folder / name).read_text(encoding="utf-8") for name in cls.SET.reports}

    @pytest.fixture(scope="class")
    @classmethod
    def manifest(cls) -> dict[str, dict]:
        return read_manifest(cls.SET.sources)

    def test_fields_kinds_and_verdicts(self, labels: list[dict]) -> None:
        s = self.SET
        by_report = {(report, verdict): n for report, counts in s.by_report.items() for verdict, n in counts.items()}
        check_fields_and_counts(labels, s.reports, s.verdicts, by_report, s.kinds)

    def test_quotes_occur_once_and_hold_their_keys(self, labels: list[dict], reports: dict[str, str]) -> None:
        check_quotes(labels, reports)

    def test_keys_of_a_report_do_not_overlap(self, labels: list[dict], reports: dict[str, str]) -> None:
        check_keys_apart(labels, reports)

    def test_every_cited_url_is_in_the_manifest(self, reports: dict[str, str], manifest: dict[str, dict]) -> None:
        cited = {url for text in reports.values() for url in self.SET.url.findall(text)}
        for malformed in self.SET.malformed:
            assert malformed in cited and malformed not in manifest, malformed
        check_cited_urls(reports, manifest, self.SET.url, ignore=self.SET.malformed)

    def test_label_urls_are_cited_by_their_report(self, labels: list[dict], reports: dict[str, str]) -> None:
        check_label_urls(labels, reports)

    def test_archive_shape(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        dead = [u for u, e in manifest.items() if e["status"] == 404]
        assert len(dead) == 1 and "file" not in manifest[dead[0]]
        live = [e for e in manifest.values() if e["status"] == 200]
        assert len(live) == self.SET.live
        assert all((sources / e["file"]).is_file() for e in live)
        for url, shown in self.SET.empty_pages.items():  # a soft 404 or a paywall stub, answering 200
            assert shown in page_text(sources / manifest[url]["file"]), url

    def test_unverified_items_on_dead_soft_404_or_paywalled_pages(
        self, labels: list[dict], manifest: dict[str, dict]
    ) -> None:
        check_empty_pages_unverified(labels, manifest, self.SET.empty)

    def test_truth_passages_occur_in_the_cited_pages(self, labels: list[dict], manifest: dict[str, dict]) -> None:
        check_truths(labels, manifest, self.SET.sources)


def evaluate_set(db_path: Path, folder: Path, labels: str) -> Any:
    """The set's reports ingested, its archive imported, verified and scored against its labels."""
    from verifier.evaluate import evaluate, load_gold

    reports = sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt", ".html"} and p.name != "README.md")
    records = verified_records(db_path, read_reports(reports), folder / "sources")
    return evaluate(load_gold(folder / labels, lambda name: (folder / name).read_text(encoding="utf-8")), records)


def misses_report(result: Any) -> str:
    """The summary line and every miss (a tuning set's misses are read)."""
    return "\n".join(
        [result.summary_line()]
        + [
            f"  miss: {m['report'][:2]} {m['kind']:8s} {m['key']!r} gold={m['gold']} got={m['predicted']} ({m['reason']})"
            for m in result.misses
        ]
    )


def totals_report(name: str, result: Any) -> str:
    """Totals and the confusion matrix only, never which items were missed: what a held-out set prints,
    so that it stays held out from whoever tunes the engine."""
    confusion = dict(result.confusion)
    total = sum(confusion.values())
    right = sum(n for (g, p), n in confusion.items() if g == p)
    gold_c = sum(n for (g, _), n in confusion.items() if g == "contradicted")
    pred_v = sum(n for (_, p), n in confusion.items() if p == "verified")
    lines = [
        f"{name}: numeric recall {result.numeric_recall:.1%}, accuracy {result.accuracy:.1%} ({right}/{total}), "
        f"contradicted recall {result.contradicted_recall:.1%} "
        f"({confusion.get(('contradicted', 'contradicted'), 0)}/{gold_c}), "
        f"verified precision {result.verified_precision:.1%} ({confusion.get(('verified', 'verified'), 0)}/{pred_v})"
    ]
    lines += [f"  {g:12s} -> {p:12s} {n}" for (g, p), n in sorted(confusion.items())]
    return "\n".join(lines)
