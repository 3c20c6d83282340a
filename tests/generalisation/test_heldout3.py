"""Third held-out set, with its own archive (tests/fixtures/heldout3/sources), written blind to the engine.

tests/fixtures/heldout3/: an English markdown newsletter with inline ``[text](url)`` links and an
unsourced "week in brief" (m1), and a Simplified-Chinese markdown daily with ``[n]`` references, a
参考资料 list and an unsourced 今日摘要 (m2, one section citing a soft-404 page, one a malformed URL).
The archive holds 11 captured pages (two Chinese Simplified news pages, one Simplified government
notice, one Traditional Taiwanese business story, three tables, a press release with a correction
note, a paywall stub and a soft 404) and one dead URL. 60 hand labels (28 verified, 20 contradicted,
12 unverified) in heldout3_claims.jsonl, each checked against the page text.

Measured once when written (engine at ca1941c): numeric extraction recall 100.0%, accuracy 68.3%
(41/60), contradicted recall 55.0% (11/20), verified precision 84.0% (21/25). Confusion (gold ->
predicted): contradicted -> contradicted 11, -> unverified 6, -> verified 3; unverified -> unverified 9,
-> contradicted 2, -> verified 1; verified -> verified 21, -> unverified 3, -> contradicted 4.

Only totals and the confusion matrix are printed: the per-item misses of this set are not shown, so
that it stays held out from whoever tunes the engine.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.generalisation.labelled_set import totals_report
from tests.generalisation.ledger import read_reports, verified_records

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HELDOUT3 = FIXTURES / "heldout3"
SOURCES = HELDOUT3 / "sources"
GOLD = HELDOUT3 / "heldout3_claims.jsonl"

MIN_ACCURACY = 0.78  # measured 78.3% (47/60) at the end of stop 43 — lowered by one label, declared: the rate said after a price is that price's ("$1.20 per million input tokens and $0.30 per million output"), a rule that also took one false verification out of heldout4; measured 80.0% (48/60) at the end of stop 38 (a sentence linking its own page rests on it alone); measured 78.3% (47/60) at the end of stop 30; measured 76.7% (46/60) at stop 24 — lowered by one label: reading "the third quarter of 2028" as a
# quarter date (+3 on tune7–9, +1 on heldout4) costs one label here, not looked at; 78.3% (47/60) at the end of stop 23, 76.7% (46/60) at the end of stop 22; 68.3% (41/60) when written (engine at ca1941c)
MIN_CONTRADICTED_RECALL = 0.75  # measured 75.0% (15/20) at the end of stop 43 (the same label, above); measured 80.0% (16/20) at the end of stop 33; measured 70.0% (14/20) at stop 24 (see above); 75.0% (15/20) at the end of stop 22; 55.0% (11/20) when written
MIN_VERIFIED_PRECISION = 0.95  # measured 95.8% (23/24) at the end of stop 33: lowered by one label, declared: a quarter written 第N季 is now read as the quarter (not its year), and the claim of one item no longer meets its page; measured 96.0% (24/25) at the end of stop 30; measured 95.8% (23/24) at stop 23, 95.7% (22/23) at stop 22; 84.0% (21/25) when written
MIN_NUMERIC_RECALL = 1.00  # measured 100.0%


def _reports() -> list[Path]:
    return sorted(p for p in HELDOUT3.iterdir() if p.suffix in {".md", ".txt"} and p.name != "README.md")


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _manifest() -> dict[str, dict]:
    return {e["url"]: e for e in json.loads((SOURCES / "manifest.json").read_text(encoding="utf-8"))}


# --- the set is complete and well formed (no engine involved) ---


def test_the_third_heldout_set_has_an_english_and_a_chinese_format() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in _reports()}
    assert sorted(texts) == ["m1_newsletter.md", "m2_daily.md"]
    newsletter, daily = texts["m1_newsletter.md"], texts["m2_daily.md"]
    assert "](https://" in newsletter and "## The week in brief" in newsletter  # inline links, summary
    assert "[1]" in daily and "## 参考资料" in daily and "今日摘要" in daily  # numbered references
    assert "https//" in daily  # one malformed URL


def test_the_set_has_sixty_labels_each_quote_in_its_report_and_each_key_in_its_quote() -> None:
    gold = _gold()
    texts = {p.name: p.read_text(encoding="utf-8") for p in _reports()}
    assert len(gold) == 60
    assert Counter(g["verdict"] for g in gold) == {"verified": 28, "contradicted": 20, "unverified": 12}
    spans: dict[str, list[tuple[int, int]]] = {}
    for g in gold:
        text = texts[g["report"]]
        assert text.count(g["quote"]) == 1, g["quote"]
        assert g["key"] in g["quote"], (g["key"], g["quote"])
        assert g["kind"] in {"money", "percent", "count", "date", "version", "fact"}
        assert g["truth"] and g["why"]
        start = text.find(g["quote"]) + g["quote"].find(g["key"])
        spans.setdefault(g["report"], []).append((start, start + len(g["key"])))
    for report_spans in spans.values():
        report_spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(report_spans, report_spans[1:], strict=False)), "two keys overlap"


def test_every_cited_url_is_in_the_report_and_the_archive() -> None:
    manifest = _manifest()
    texts = {p.name: p.read_text(encoding="utf-8") for p in _reports()}
    for g in _gold():
        for url in g["source_urls"]:
            assert url in texts[g["report"]], url
            assert url in manifest or not url.startswith("https://"), url  # the malformed one has no entry
    for entry in manifest.values():
        if entry["status"] == 200:
            assert (SOURCES / entry["file"]).is_file(), entry["file"]
        else:
            assert "file" not in entry
    assert sum(e["status"] == 404 for e in manifest.values()) == 1
    assert len([e for e in manifest.values() if "file" in e]) == 11


# --- the engine, measured once ---


@pytest.fixture(scope="module")
def heldout3(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from verifier.evaluate import evaluate, load_gold

    records = verified_records(tmp_path_factory.mktemp("heldout3") / "ledger.db", read_reports(_reports()), SOURCES)
    gold = load_gold(GOLD, lambda name: (HELDOUT3 / name).read_text(encoding="utf-8"))
    return evaluate(gold, records)


def _totals(result) -> str:  # type: ignore[no-untyped-def]
    return totals_report("heldout3", result)


def test_heldout3_verdicts(heldout3) -> None:  # type: ignore[no-untyped-def]
    print(_totals(heldout3))
    assert heldout3.numeric_recall >= MIN_NUMERIC_RECALL, _totals(heldout3)
    assert heldout3.accuracy >= MIN_ACCURACY, _totals(heldout3)
    assert heldout3.contradicted_recall >= MIN_CONTRADICTED_RECALL, _totals(heldout3)
    assert heldout3.verified_precision >= MIN_VERIFIED_PRECISION, _totals(heldout3)
