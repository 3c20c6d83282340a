"""Ledger rows for API and page tests, written directly with SQLModel (no parser involved).

``seed_ledger`` builds two small reports whose claims cover every status, several reasons, a
dead source, evidence with highlights and a cross-report conflict. Offsets are real offsets into the
report text, computed with ``str.index`` so the annotated report page can be checked exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from storage.db import session_scope
from storage.models import Claim, Evidence, Report, Section, SectionSource, Snapshot, Source
from storage.verdicts import VerdictUpdate, initial_verdict, record_verdict
from verifier.auth import create_token

REPORT_A = (
    "AI 日报 2026-04-13\n\n"
    "一、OpenAI 融资\n"
    "OpenAI 完成 4 亿美元融资，估值约 900 亿美元。\n"
    "来源：https://example.com/openai\n\n"
    "二、Gemma 发布\n"
    "谷歌发布 Gemma 4 27B，支持 140 种语言。\n"
    "来源：https://example.org/gemma\n"
)
REPORT_B = (
    "AI 日报 2026-04-14\n\n"
    "一、OpenAI\n"
    "OpenAI 完成 400 万美元融资。\n"
    "来源：https://dead.example.net/gone\n"
)


@dataclass
class Seed:
    reports: dict[str, int] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


def _claim(report: Report, section: Section, text: str, key: str, kind: str, value: float | str,
           unit: str | None) -> Claim:
    start = report.text.index(key, section.start)
    s_start = report.text.rfind("\n", 0, start) + 1
    s_end = report.text.index("\n", start)
    assert report.id is not None
    return Claim(
        report_id=report.id, section_id=section.id, start=start, end=start + len(key), sentence_start=s_start,
        sentence_end=s_end, text=report.text[s_start:s_end], key_text=key, kind=kind,
        values=json.dumps([{"raw": key, "value": value, "unit": unit, "qualifier": "=", "kind": kind}]),
    )


def _section(report: Report, order: int, heading: str) -> Section:
    start = report.text.index(heading)
    end = report.text.find("\n\n", start)
    assert report.id is not None
    return Section(report_id=report.id, order=order, heading=heading, kind="event", start=start,
                   end=end if end > 0 else len(report.text))


def seed_ledger(engine: Engine, *, tokens: bool = True) -> Seed:
    seed = Seed()
    with session_scope(engine) as s:
        ra = Report(name="2026-04-13.txt", title="AI 日报 2026-04-13", sha256="a" * 64, text=REPORT_A)
        rb = Report(name="2026-04-14.txt", title="AI 日报 2026-04-14", sha256="b" * 64, text=REPORT_B)
        s.add_all([ra, rb])
        s.flush()
        seed.reports = {"a": ra.id, "b": rb.id}  # type: ignore[dict-item]
        src_ok = Source(url="https://example.com/openai", host="example.com", state="ok")
        src_gemma = Source(url="https://example.org/gemma", host="example.org", state="changed")
        src_dead = Source(url="https://dead.example.net/gone", host="dead.example.net", state="dead",
                          consecutive_failures=3, last_status=404, last_error="HTTP 404")
        s.add_all([src_ok, src_gemma, src_dead])
        s.flush()
        seed.sources = {"ok": src_ok.id, "changed": src_gemma.id, "dead": src_dead.id}  # type: ignore[dict-item]
        sa1, sa2 = _section(ra, 0, "一、OpenAI 融资"), _section(ra, 1, "二、Gemma 发布")
        sb1 = _section(rb, 0, "一、OpenAI")
        s.add_all([sa1, sa2, sb1])
        s.flush()
        s.add_all([
            SectionSource(section_id=sa1.id, source_id=src_ok.id, raw=src_ok.url),  # type: ignore[arg-type]
            SectionSource(section_id=sa2.id, source_id=src_gemma.id, raw=src_gemma.url),  # type: ignore[arg-type]
            SectionSource(section_id=sb1.id, source_id=src_dead.id, raw=src_dead.url),  # type: ignore[arg-type]
        ])
        snap = Snapshot(source_id=src_ok.id, content_hash="h1", title="OpenAI raises",  # type: ignore[arg-type]
                        text="OpenAI raised $4 million at a valuation of about $90 billion.")
        s.add(snap)
        s.flush()
        amount = _claim(ra, sa1, "", "4 亿美元", "money", 4e8, "USD")
        valuation = _claim(ra, sa1, "", "900 亿美元", "money", 9e10, "USD")
        version = _claim(ra, sa2, "", "Gemma 4 27B", "version", "gemma 4 27b", "version")
        langs = _claim(ra, sa2, "", "140 种语言", "count", 140, None)
        other = _claim(rb, sb1, "", "400 万美元", "money", 4e6, "USD")
        s.add_all([amount, valuation, version, langs, other])
        s.flush()
        seed.claims = {"amount": amount.id, "valuation": valuation.id, "version": version.id,  # type: ignore[dict-item]
                       "langs": langs.id, "other": other.id}
        for c in (amount, valuation, version, langs, other):
            initial_verdict(s, c.id)  # type: ignore[arg-type]
        passage = snap.text
        ev_a = Evidence(claim_id=amount.id, snapshot_id=snap.id, passage=passage, score=0.91,  # type: ignore[arg-type]
                        stance="contradicts", matched_value="$4 million",
                        highlight=json.dumps([[passage.index("$4 million"), passage.index("$4 million") + 10]]))
        ev_v = Evidence(claim_id=valuation.id, snapshot_id=snap.id, passage=passage, score=0.88,  # type: ignore[arg-type]
                        stance="supports", matched_value="about $90 billion",
                        highlight=json.dumps([[passage.index("$90 billion"), passage.index("$90 billion") + 11]]))
        s.add_all([ev_a, ev_v])
        record_verdict(s, amount.id, VerdictUpdate("contradicted", "value_mismatch", 0.9,  # type: ignore[arg-type]
                                                   snapshot_id=snap.id, evidence_digest="d1",
                                                   conflicts_with=[other.id]))  # type: ignore[list-item]
        record_verdict(s, valuation.id, VerdictUpdate("verified", "value_match", 0.85,  # type: ignore[arg-type]
                                                      snapshot_id=snap.id, evidence_digest="d2"))
        record_verdict(s, version.id, VerdictUpdate("unverified", "not_found_in_source", 0.3))  # type: ignore[arg-type]
        record_verdict(s, langs.id, VerdictUpdate("unverified", "not_found_in_source", 0.2))  # type: ignore[arg-type]
        record_verdict(s, other.id, VerdictUpdate("unverified", "source_unreachable", 0.1,  # type: ignore[arg-type]
                                                  conflicts_with=[amount.id]))  # type: ignore[list-item]
    if tokens:
        for role in ("reviewer", "editor", "admin"):
            _, clear = create_token(engine, f"{role}-1", role)
            seed.tokens[role] = clear
    return seed
