"""Which of its section's sources a claim rests on (devset labelling rule 1): a sentence that marks its
footnotes rests on those notes' pages; one that marks none, on all its section cites."""

from __future__ import annotations

import json
from pathlib import Path

from storage.evidence import sentence_sources
from tests.generalisation.ledger import verified_records


def test_a_sentence_rests_on_the_notes_it_marks() -> None:
    cited, numbers = [11, 12, 13], {11: 1, 12: 2, 13: 3}
    assert sentence_sources("營收達 69.6 億美元[1]。", cited, numbers) == [11]
    assert sentence_sources("車用營收 7.12 億美元，年增 3%[1][2]", cited, numbers) == [11, 12]
    assert sentence_sources("估值约为 B 轮的 2.6 倍③", cited, numbers) == [13]
    assert sentence_sources("據業界消息，市場預計明年翻倍", cited, numbers) == cited  # no marker: the section's
    assert sentence_sources("a figure[9]", cited, numbers) == cited  # a marker of no known note: the section's
    # a sentence marking none rests on what it inherits (its paragraph's notes, its parent bullet's)
    assert sentence_sources("據業界消息，市場預計明年翻倍", cited, numbers, {2}) == [12]
    assert sentence_sources("營收達 69.6 億美元[1]。", cited, numbers, {2}) == [11]  # its own marks first


def _verified(tmp_path: Path, pages: dict[str, str], report: str) -> list[dict]:
    """The claim records of ``report`` verified against an archive of ``pages`` (URL -> HTML) in a new ledger."""
    sources = tmp_path / "sources"
    (sources / "pages").mkdir(parents=True)
    manifest = []
    for n, (url, html) in enumerate(pages.items()):
        (sources / "pages" / f"p{n}.html").write_text(html, encoding="utf-8")
        manifest.append(
            {"url": url, "status": 200, "file": f"pages/p{n}.html", "content_type": "text/html", "captured_at": "2026-11-29T01:00:00Z"}
        )
    (sources / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return verified_records(tmp_path / "ledger.db", [("weekly.md", report)], sources)


def test_a_footnoted_claim_is_judged_by_its_own_note_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Through a real ledger: the sentence marks note [1], whose page gives another figure; note [2]'s page,
    cited by the same section for the next sentence, happens to give the claim's figure and is not read for it."""
    pages = {
        "https://example.org/results": "<html><head><title>Halden results</title></head><body><article>"
        "<p>Halden reported quarterly revenue of $6.96 billion, up 48% from a year earlier.</p></article></body></html>",
        "https://example.org/rival": "<html><head><title>Halden's rival</title></head><body><article>"
        "<p>Halden reported quarterly revenue of $6.52 billion, a report on its rival said.</p></article></body></html>",
    }
    report = (
        "# Weekly\n\n## Halden\n\nHalden reported quarterly revenue of $6.52 billion.[1] Analysts had expected "
        "more.[2]\n\n[1]: https://example.org/results\n[2]: https://example.org/rival\n"
    )
    records = _verified(tmp_path, pages, report)
    revenue = next(r for r in records if r["key"] == "$6.52 billion")
    assert revenue["status"] == "contradicted"
    assert {e["url"] for e in revenue["evidence"]} == {"https://example.org/results"}


def test_another_page_of_the_section_may_still_contradict_a_footnoted_claim(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The claim's own note says nothing of its figure, while another page its section cites gives the
    subject's figure differently: the section's other pages are read for what contradicts the claim (never
    for what backs it)."""
    pages = {
        "https://example.org/own": "<html><head><title>Orrin Labs hires</title></head><body><article>"
        "<p>Orrin Labs hired a new chief financial officer this week.</p></article></body></html>",
        "https://example.org/other": "<html><head><title>Orrin Labs raises $900 million</title></head><body><article>"
        "<p>Orrin Labs raised $900 million in its Series D round led by Altamira.</p></article></body></html>",
    }
    report = (
        "# Weekly\n\n## Orrin\n\nOrrin Labs raised $1.2 billion in its Series D round led by Altamira.[1] Analysts had "
        "expected less.[2]\n\n[1]: https://example.org/own\n[2]: https://example.org/other\n"
    )
    records = _verified(tmp_path, pages, report)
    raised = next(r for r in records if r["key"] == "$1.2 billion")
    assert raised["status"] == "contradicted"
    assert {e["url"] for e in raised["evidence"]} == {"https://example.org/other"}
