"""A labelled development set of our own (reports, an archive of captured pages, JSON-lines labels): its
well-formedness checks, which need no engine, and its scoring through a ledger built as a user builds one.
The tune4 and tune5 tests call these with their own files and expected counts."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from tests.generalisation.ledger import read_reports, verified_records

FIELDS = {"report", "quote", "key", "kind", "verdict", "source_urls", "truth", "why"}
KINDS = {"money", "percent", "count", "date", "version", "fact"}


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
    paywall stub) is unverified."""
    for item in labels:
        urls = item["source_urls"]
        if urls and all(manifest[u]["status"] == 404 or u in empty for u in urls):
            assert item["verdict"] == "unverified", item


def check_truths(labels: Sequence[dict], manifest: Mapping[str, dict], sources: Path) -> None:
    """A verified or contradicted label's truth passage occurs in the visible text of a cited live page."""
    texts = {u: page_text(sources / e["file"]) for u, e in manifest.items() if "file" in e}
    for item in labels:
        if item["verdict"] == "unverified":
            continue  # truth says what is missing
        pages = [texts[u] for u in item["source_urls"] if u in texts]
        assert pages, f"{item['key']!r}: a {item['verdict']} item needs a live cited page"
        truth = squash(item["truth"])
        assert any(truth in page for page in pages), f"{item['key']!r}: truth {truth!r} not in its pages"


def evaluate_set(db_path: Path, folder: Path, labels: str) -> Any:
    """The set's reports ingested, its archive imported, verified and scored against its labels."""
    from verifier.evaluate import evaluate, load_gold

    reports = sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt"} and p.name != "README.md")
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
