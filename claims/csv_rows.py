"""A spreadsheet exported as CSV read as the rows it tabulates, in a view of the same length (offsets stay the
source's).

A desk's tracking sheet writes one fact a row, its figure split across cells: ``2.37,USD bn,Q3 2026`` or
``"1,200",MW,``. The view joins a figure to the unit cell after it (``2.37 USD bn``, `` 1,200  MW``) and blanks the
quotes that only protect its thousands separator, so that the figure reads with its unit as it would in prose. A CSV block is a
header line of four or more names (no figures in them) followed by lines that split into as many fields; lines
outside such a block are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["csv_fields", "csv_row_spans", "csv_rows_alike", "csv_view"]

# a header line: four or more comma-separated names, none of them holding a digit
_HEADER = re.compile(r"^[^\W\d][^,\d\n]{0,40}(?:,[^\W\d][^,\d\n]{0,40}){3,}[ \t]*$", re.M)
_UNIT_COLUMNS = frozenset({"unit", "units", "currency", "ccy", "单位", "單位", "币种", "幣種"})
_FIGURE = re.compile(r"[-+−]?[\d.,]*\d(?:\s*[-–~]\s*[\d.,]*\d)?")


def csv_fields(line: str) -> list[tuple[int, int]] | None:
    """The [start, end) of each field of a CSV line (quotes included), or None when a quote is left open."""
    fields: list[tuple[int, int]] = []
    start, quoted, i = 0, False, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"':
                if line[i + 1 : i + 2] == '"':
                    i += 1  # an escaped quote inside a quoted field
                else:
                    quoted = False
        elif ch == '"' and i == start:
            quoted = True
        elif ch == ",":
            fields.append((start, i))
            start = i + 1
        i += 1
    if quoted:
        return None
    fields.append((start, len(line)))
    return fields


_TIGHT_COMMA = re.compile(r",(?=\S)(?<!\d,(?=\d{3}))")


def csv_rows_alike(line: str, following: str) -> bool:
    """Two rows of a CSV block ("2026-11-18,Corrigan Cloud,Debt facility,7.5,USD bn,…"): as many fields, four or more
    (a line under another is then a row of its own, never the wrapped rest of it)."""
    if len(_TIGHT_COMMA.findall(line)) < 3 or len(_TIGHT_COMMA.findall(following)) < 3:
        return False  # (prose puts a space after its commas; a CSV row does not)
    mine, theirs = csv_fields(line), csv_fields(following)
    return mine is not None and theirs is not None and len(mine) == len(theirs)


def _row_view(line: str, fields: list[tuple[int, int]], unit_columns: frozenset[int]) -> str:
    out = list(line)
    for col in unit_columns:
        (fs, fe), (us, ue) = fields[col - 1], fields[col]
        cell = line[fs:fe].strip()
        quoted = len(cell) >= 2 and cell[0] == cell[-1] == '"'
        if quoted:
            cell = cell[1:-1].strip()
        if cell and line[us:ue].strip() and _FIGURE.fullmatch(cell):
            if quoted:  # the quotes only protect the figure's thousands separator: '"1,200",MW' reads ' 1,200  MW'
                out[line.index('"', fs)] = out[line.rindex('"', fs, fe)] = " "
            out[us - 1] = " "  # "2.37,USD bn" reads "2.37 USD bn"
    for fs, fe in fields[:-1]:
        if _LINK_CELL.match(line, fs):
            out[fe] = " "  # a URL cell ends at its comma (an address may hold commas of its own)
    return "".join(out)


_LINK_CELL = re.compile(r"\s*\"?(?:https?://|www\.)")


@dataclass(frozen=True)
class _Row:
    start: int  # offset of the line in the text
    line: str
    fields: list[tuple[int, int]]


@lru_cache(maxsize=16)
def _csv_blocks(text: str) -> tuple[tuple[list[str], list[_Row]], ...]:
    """Each CSV block of ``text``: its header's names (lower-cased) and its rows (two or more). Cached: a report's
    view and each of its sections ask for the same text's blocks."""
    if text.count(",") < 8 or _HEADER.search(text) is None:
        return ()
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    blocks: list[tuple[list[str], list[_Row]]] = []
    n = 0
    while n < len(lines):
        if _HEADER.fullmatch(lines[n].rstrip("\r")) is None:
            n += 1
            continue
        names = [c.strip().lower() for c in lines[n].split(",")]
        rows: list[_Row] = []
        m = n + 1
        while m < len(lines):
            fields = csv_fields(lines[m].rstrip("\r"))
            if fields is None or len(fields) != len(names):
                break
            rows.append(_Row(starts[m], lines[m], fields))
            m += 1
        if len(rows) >= 2:
            blocks.append((names, rows))
        n = max(m, n + 1)
    return tuple(blocks)


@lru_cache(maxsize=16)
def csv_view(text: str) -> str:
    """``text`` with each CSV block's rows read as figures with their units (see the module's doc)."""
    blocks = _csv_blocks(text)
    if not blocks:
        return text
    out = list(text)
    for names, rows in blocks:
        units = frozenset(i for i, name in enumerate(names) if i > 0 and name in _UNIT_COLUMNS)
        for row in rows:
            view = _row_view(row.line, row.fields, units)
            out[row.start : row.start + len(view)] = view
    joined = "".join(out)
    assert len(joined) == len(text)
    return joined


def csv_row_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` when it holds a CSV block whose rows give their own URLs (a
    ``source_url`` column): each row a stretch of its own, as each row cites its own page (a row with no URL, a
    summary row, cites nothing), and the text before and after the block stretches of their own. [] otherwise."""
    if "://" not in text[start:end]:
        return []
    cuts: list[int] = []
    for _names, rows in _csv_blocks(text):
        inside = [r for r in rows if start <= r.start and r.start + len(r.line) <= end]
        if len(inside) < 2 or sum("://" in r.line for r in inside) * 2 < len(inside):
            continue
        cuts += [r.start for r in inside] + [inside[-1].start + len(inside[-1].line)]
    if not cuts:
        return []
    edges = sorted({start, *cuts, end})
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if text[a:b].strip()]
