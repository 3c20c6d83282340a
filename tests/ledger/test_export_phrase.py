"""An export's claim spans the phrase a reviewer reads: the key with the words framing it as a change."""

from __future__ import annotations

from pathlib import Path

from storage.db import make_engine, session_scope
from storage.export import claim_records
from storage.ingest import ingest_report

ENGLISH = (
    "# Weekly\n\n"
    "## Chips\n\n"
    "Qimai Technology's shipments rose 3% YoY in the third quarter, while revenue fell to $612 million. "
    "[Counterpoint](https://example.com/qimai)\n"
)
CHINESE = "# 周报\n\n曜衡半导体公告称，第三季度营收 19.75 亿元，毛利率为 41.6%，同比下降 4.1 个百分点。[来源](https://example.com/yh)\n"


def test_an_export_spans_each_change_with_its_direction_and_base(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'l.db'}", cache=False)
    try:
        ingest_report(engine, "weekly.md", ENGLISH)
        ingest_report(engine, "zhoubao.md", CHINESE)
        with session_scope(engine) as session:
            records = claim_records(session, with_evidence=False)
    finally:
        engine.dispose()
    texts = {"weekly.md": ENGLISH, "zhoubao.md": CHINESE}
    spans = {r["key"]: texts[r["report"]][r["start"] : r["end"]] for r in records}
    assert spans["3%"] == "rose 3% YoY"
    assert spans["$612 million"] == "fell to $612 million"
    assert spans["4.1 个百分点"] == "同比下降 4.1 个百分点"
    assert spans["19.75 亿元"] == "19.75 亿元"  # a level, framed by no change
    assert spans["41.6%"] == "41.6%"
    for name, text in texts.items():  # spans of a report never overlap; each holds its key, its figure its offsets
        mine = [r for r in records if r["report"] == name]
        ordered = sorted((r["start"], r["end"]) for r in mine)
        assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False))
        for r in mine:
            assert r["key"] in text[r["start"] : r["end"]]
            assert text[r["values"][0]["start"] : r["values"][0]["end"]] == r["values"][0]["raw"]
