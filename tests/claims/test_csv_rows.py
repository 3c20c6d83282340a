"""A spreadsheet exported as CSV: its rows' figures read with their unit cells, each row citing its own URL cell."""

from __future__ import annotations

from claims.csv_rows import csv_fields, csv_row_spans, csv_view
from claims.extract import extract_claims
from claims.report import parse_report
from claims.values import parse_values

SHEET = (
    "date,company,item,figure,unit,period,source_url,notes\n"
    "2026-11-18,Corrigan Cloud,Ohio AI campus,\"1,200\",MW,,https://www.example.com/a/corrigan,phase one 350MW\n"
    "2026-11-18,Pellion,Revenue,2.37,USD bn,Q3 2026,\"https://www.example.com/news,2026/b\",record quarter\n"
    "2026-11-20,Chesi AI,Context window,\"512,000\",tokens,,https://www.example.org/c,\"4x the last model, 42 billion active\"\n"
    ",,,,,,,\n"
    "2026-12-01,SUMMARY,Capacity announced,\"2,400\",MW,Nov 2026,,industry estimate\n"
)


def test_fields_keep_a_quoted_comma_inside_its_field() -> None:
    line = '2026-11-18,Corrigan,"1,200",MW,"a ""quoted"" note, with a comma"'
    assert [line[s:e] for s, e in csv_fields(line) or []] == [
        "2026-11-18", "Corrigan", '"1,200"', "MW", '"a ""quoted"" note, with a comma"'
    ]
    assert csv_fields('a,"open quote,b') is None


def test_a_figure_reads_with_the_unit_cell_after_it() -> None:
    view = csv_view(SHEET)
    assert len(view) == len(SHEET)
    rows = view.split("\n")
    assert " 1,200  MW" in rows[1] and "2.37 USD bn" in rows[2]
    assert [(v.value, v.unit) for v in parse_values(rows[2]) if v.kind == "money"] == [(2.37e9, "USD")]
    assert "1,200  MW" in rows[1] and any(v.value == 1200 and v.unit == "MW" for v in parse_values(rows[1]))
    # a URL cell ends at its separator, though an address may hold a comma of its own
    assert "https://www.example.com/a/corrigan phase one" in rows[1]
    assert csv_view("plain prose, with commas, three of them, and a fourth, and more, and more, and more, end") == (
        "plain prose, with commas, three of them, and a fourth, and more, and more, and more, end"
    )


def test_each_row_cites_its_own_url_and_a_summary_row_cites_nothing() -> None:
    report = parse_report(SHEET, "tracker.csv")
    cited = {report.text[s.start : s.end].split(",")[1]: [r.url for r in s.sources] for s in report.sections if "," in report.text[s.start : s.end]}
    assert cited["Corrigan Cloud"] == ["https://www.example.com/a/corrigan"]
    assert cited["Pellion"] == ["https://www.example.com/news,2026/b"]  # (quoted: its comma is no separator)
    assert cited["SUMMARY"] == []
    assert csv_row_spans(SHEET, 0, len(SHEET))[0] == (0, SHEET.index("\n") + 1)


def test_a_rows_claims_are_its_own_line() -> None:
    claims = extract_claims(parse_report(SHEET, "tracker.csv"))
    money = next(c for c in claims if c.values and c.values[0].unit == "USD")
    assert money.values[0].value == 2.37e9 and money.sentence.startswith("2026-11-18,Pellion")
    assert "\n" not in money.sentence
