"""The development corpus (tests/fixtures/devset): four reports in four formats, 35 captures of
realistic pages (site chrome, distractor figures, tables, Chinese pages, corrections, a paywall, a soft
404, dead links) and 187 hand labels. Rules are tuned on r1 (Simplified markdown) and r3 (English
newsletter) only; r2 (Traditional, footnotes) and r4 (plain text) are held back and only their totals
are looked at. Floors sit at what was measured; they are raised as the engine improves, never lowered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.ledger import read_reports, verified_records

DEVSET = Path(__file__).resolve().parent.parent / "fixtures" / "devset"
REPORTS = DEVSET / "reports"
SOURCES = DEVSET / "sources"
TUNED = ("r1", "r3")
HELD_BACK = ("r2", "r4")

# measured at the end of stop 31: all 93.0% (174/187), 87.0% (47/54), 94.2% (98/104); held-back half 86.5% (77/89) /
# 72.0% / 88.0% (44/50): one false verification fewer (which item is not looked at).
# measured at the end of stop 28: all 92.5% (173/187), 87.0%, 93.3%; held-back half 85.4% (76/89) / 72.0% / 86.3%
# (a footnoted sentence judged by its own notes, read beside its section's other pages).
# measured at stop 22: all 91.98% (172/187: 92% needs 173), 87.0%, 93.3%; held-back half 84.3% / 72.0% / 86.3%
# (a Chinese lead no dictionary knows, read as written). Before: all 91.4% (171/187), contradicted recall 87.0%, verified precision 93.3%;
# tuned half 99.0% / 100% / 100%; held-back half 83.1% / 72.0% / 86.0%
# (before polarity and this stop's value forms: 90.4% / 83.3% / 92.4%, tuned 98.0% / 96.6% / 100%, held back 82.0% / 68.0% / 84.3%)
# (before this stop's other-entity plausibility and family heads: all 89.8% / 83.3% / 91.5%, held back 80.9% / 68.0% / 82.7%)
# (before versions in role, counted lists, pinyin names, ratios, round letters, quarters, table columns: 82.4% / 68.5% / 90.1%,
#  tuned 85.7% / 72.4% / 98.0%, held back 78.7% / 64.0% / 82.4%)
# (before swapped pairs and segment-bound subjects: 77.5% / 55.6% / 85.6%, tuned 76.5% / 48.3% / 90.4%)
# (when this gate was added: 73.8% all, 71.0% tuned, 76.4% held back)
FLOORS = {
    "all": (0.93, 0.88, 0.95),  # measured 93.6% (175/187), 88.9% (48/54), 95.1% (98/103) at the end of stop 32
    "tuned": (0.98, 0.99, 0.99),
    "held_back": (0.87, 0.76, 0.89),  # measured 87.6% (78/89), 76.0% (19/25), 89.8% (44/49) at the end of stop 32
}


@pytest.fixture(scope="module")
def devset(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], list[dict]]:
    from verifier.evaluate import evaluate, load_gold

    records = verified_records(tmp_path_factory.mktemp("devset") / "ledger.db", read_reports(sorted(REPORTS.iterdir())), SOURCES)
    gold = load_gold(DEVSET / "gold.jsonl", lambda name: (REPORTS / name).read_text(encoding="utf-8"))
    results = {
        "all": evaluate(gold, records),
        "tuned": evaluate([g for g in gold if g.report.startswith(TUNED)], records),
        "held_back": evaluate([g for g in gold if g.report.startswith(HELD_BACK)], records),
    }
    return results, records


def _report(result) -> str:  # type: ignore[no-untyped-def]
    lines = [result.summary_line()]
    lines += [f"  {g:12s} -> {p:12s} {n}" for (g, p), n in sorted(result.confusion.items())]
    return "\n".join(lines)


def test_the_devset_is_complete() -> None:
    assert len(list(REPORTS.iterdir())) == 4
    assert sum(1 for line in (DEVSET / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()) == 187


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_devset_verdicts(devset, part: str) -> None:  # type: ignore[no-untyped-def]
    results, _ = devset
    result = results[part]
    accuracy, contradicted, verified = FLOORS[part]
    print(part, _report(result))
    assert result.accuracy >= accuracy, _report(result)
    assert result.contradicted_recall >= contradicted, _report(result)
    assert result.verified_precision >= verified, _report(result)


def test_a_revised_figure_never_supports(devset) -> None:  # type: ignore[no-untyped-def]
    """A page's correction note names the old figure: a claim repeating it is not verified by it."""
    _, records = devset
    stale = [r for r in records if r["key"] in {"350 兆瓦", "1,862 times"} or r["key"].startswith("8.1%")]
    assert stale
    assert all(r["status"] != "verified" for r in stale), [(r["key"], r["status"]) for r in stale]


def test_a_taiwan_worded_copy_of_a_tuned_report_gets_its_verdicts(tmp_path: Path) -> None:
    """r1 rewritten by OpenCC s2twp (Traditional script and Taiwan's words: 視窗, 資料, 釋出) is the same
    report: every checkworthy claim ends as r1's does."""
    import difflib

    import opencc

    r1 = next(p for p in REPORTS.iterdir() if p.name.startswith("r1"))
    text = r1.read_text(encoding="utf-8")
    statuses = {}
    for name, body in (("r1.md", text), ("r1_tw.md", opencc.OpenCC("s2twp").convert(text))):
        records = verified_records(tmp_path / f"{name}.db", [(name, body)], SOURCES)
        statuses[name] = [(r["key"], r["status"]) for r in records if r["checkworthy"]]
    t2s = opencc.OpenCC("tw2sp")
    simplified, taiwan = statuses["r1.md"], [(t2s.convert(k), s) for k, s in statuses["r1_tw.md"]]
    matcher = difflib.SequenceMatcher(a=[k for k, _ in simplified], b=[k for k, _ in taiwan], autojunk=False)
    pairs = [(simplified[i], taiwan[j]) for block in matcher.get_matching_blocks() for i, j in
             zip(range(block.a, block.a + block.size), range(block.b, block.b + block.size), strict=True)]
    assert len(pairs) >= 0.9 * len(simplified)
    assert [a for a, b in pairs if a[1] != b[1]] == []


def test_swapped_table_cells_are_told_apart_by_their_columns(tmp_path: Path) -> None:
    """r1's funding table with one row's amount and valuation swapped: the cell under 金额 now holds the
    valuation. Its own column word ("amount") is met nowhere on the pages; the other cell's column
    (投后估值, read from that cell's own claim) sits next to the page's figure equal to it."""
    r1 = next(p for p in REPORTS.iterdir() if p.name.startswith("r1"))
    text = r1.read_text(encoding="utf-8")
    row = "| 45 亿美元 | Altamira Partners | 620 亿美元 |"
    assert row in text
    swapped = text.replace(row, "| 620 亿美元 | Altamira Partners | 45 亿美元 |")
    records = verified_records(tmp_path / "swap.db", [(r1.name, swapped)], SOURCES)
    cells = [r for r in records if r["key"] in {"620 亿美元", "45 亿美元"} and "| D 轮 |" in r["text"]]
    assert len(cells) == 2
    assert all(r["status"] == "contradicted" for r in cells), [(r["key"], r["status"], r["reason"]) for r in cells]
