"""Evidence search (pure): a passage index built once per snapshot, and claim queries scored against it.

A claim becomes a :class:`ClaimQuery`: *concepts* (each a set of interchangeable stemmed English
terms — a Latin word of the sentence, or a Chinese word bridged through the lexicon and CC-CEDICT),
the names and versions it states, and its values. A snapshot becomes a :class:`SnapshotIndex`: its
passages with their stemmed words, compact text (for names and versions: ``GPT 5.4`` ~ ``GPT-5.4``),
values (``claims.values.parse_values``, offsets inside the passage) and an inverted index, so a claim
only touches the passages that share a term with it and pages are never rescanned per claim.

rapidfuzz is used on names only, with our own normalisation (its ``default_process`` would strip
``%`` and ``.`` that carry meaning here).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from claims.bridge import STOPWORDS, bridge, content_words, has_han, specificity, stem
from claims.casual_dates import in_nearest_year
from claims.model import Value
from claims.pinyin import page_keys, word_key
from claims.table_units import PER_SHARE, declared_unit, scaled_to
from verifier.judge.compare import normalise_version, unit_family

__all__ = [
    "Concept",
    "IndexedPassage",
    "SnapshotIndex",
    "ClaimQuery",
    "PassageScore",
    "build_index",
    "build_query",
    "score_passages",
    "compact",
    "find_name",
    "NameMatch",
    "passage_values",
    "clause_with_its_own_subject",
    "CLAUSE_STOP",
]

_LATIN = re.compile(r"[A-Za-z]&[A-Za-z]\b|[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*")  # (R&D, M&A: one word)
# a name runs on through hyphens and dots, and across spaces only to capitalised words or figures
# (with "of"/"for"/"the" between): "Trusted Access for Cyber", "Claude Opus 4.6", but in an English
# sentence "OpenAI said on March 31" is two names, not one
# (a number with a percent sign after a name is the name's figure, not its version: "Kanemura 15%", nor is a
# Chinese date's "Northgale 11月19日发布"; a
# capital right after a digit is the figure's unit, "128K-token")
# (a period code after a name is no part of it: "Ended Q3 with…", "Tallis FY2026 revenue"; nor is a lower-case word
# hyphened to it: "Hangzhou-based Xingheng AI", "Chinese-language")
LATIN_NAME = re.compile(
    r"(?<![0-9A-Za-z])[A-Z][A-Za-z0-9]*(?:-(?![a-z]+\b)[A-Za-z0-9]+|\.[A-Za-z0-9]+|\s(?:(?:of|for|the|de)\s)?(?!\d[\d.,]*\s?[%％])(?!\d{1,4}\s?[年月日号])"
    r"(?!(?:Q[1-4]|H[12]|FY\d{2,4}|[1-4]Q(?:\d{2}|\d{4})?)\b)[A-Z0-9][A-Za-z0-9]*)*"
)
_LIST_SEP = re.compile(r"\s*(?:、|，|,|；|;|和|与|及|以及|\band\b|/)\s*")  # ("and" as a word: not Ostr|ander)
# Words that say nothing about what a passage is about.
_GENERIC = frozenset(
    stem(w)
    for w in ["new", "also", "said", "say", "says", "announce", "announced", "release", "released", "today", "year", "years", "company", "companies", "first", "using", "use", "used", "make", "made", "including", "include", "includes", "based", "will", "one", "two", "three", "model"]
)


_NEAR_CHARS = 12

# a clause opening on a conjunction and a pronoun of its own ("…, and they still haven't signed …", "…, but it
# …", "…，但他们…"): a new subject's statement, whose words and names say nothing of the figure before it
CLAUSE_STOP = re.compile(r"[，,；;]")  # where a sentence's clauses part
_OWN_SUBJECT = re.compile(
    r"\s*(?:(?:and|but|while|yet|though|although|whereas)\s+(?:they|it|he|she|we)\b"
    r"|(?:但|而|并且|並且|不过|不過)?(?:他们|他們|它们|它們|她们|她們))",
    re.I,
)


def clause_with_its_own_subject(sentence: str, after: int) -> int | None:
    """Where the clause after offset ``after`` begins, when it opens on a conjunction and a pronoun (a subject
    of its own); None when it does not."""
    stop = CLAUSE_STOP.search(sentence, after)
    if stop is None or _OWN_SUBJECT.match(sentence, stop.end()) is None:
        return None
    return stop.end()


@lru_cache(maxsize=1)
def _qualifier_surfaces() -> frozenset[str]:
    try:
        from claims.units import qualifier_words
    except ImportError:  # pragma: no cover - the claims part always ships it
        return frozenset()
    return frozenset(surface.lower() for surface, _, _ in qualifier_words())

_VALUE_KINDS = frozenset({"money", "percent", "count", "date"})


@dataclass(frozen=True)
class Concept:
    """One idea of the claim: a set of interchangeable stemmed English terms."""

    terms: frozenset[str]
    weight: float
    source: str  # the claim's own word (Latin or Chinese)
    in_key: bool = False
    near: bool = False  # within a few characters of the key (what the figure is bound to)


@dataclass
class IndexedPassage:
    start: int
    end: int
    kind: str
    heading: str
    text: str
    words: frozenset[str]
    compact: str
    values: list[Value] = field(default_factory=list)
    context: frozenset[str] = frozenset()  # heading words, and a table row's header row
    columns: tuple[str, ...] = ()  # a table row's header cells, one per cell of the row (when they line up)


@dataclass
class SnapshotIndex:
    snapshot_id: int
    source_id: int
    url: str
    title: str
    published: str | None
    passages: list[IndexedPassage]
    title_words: frozenset[str]
    postings: dict[str, list[int]]
    page_compact: str
    by_family: dict[str, list[int]] = field(default_factory=dict)  # unit family → passages with such a value
    page_text: str = ""  # title and text, for name search

    def candidates(self, terms: Iterable[str]) -> set[int]:
        out: set[int] = set()
        for t in terms:
            out.update(self.postings.get(t, ()))
        return out


@dataclass(frozen=True)
class ClaimQuery:
    kind: str
    sentence: str
    key_text: str
    concepts: tuple[Concept, ...]
    names: tuple[str, ...]  # Latin names written in the key (a list is split into its items)
    values: tuple[Value, ...]
    context_names: tuple[str, ...] = ()  # Latin names of the whole sentence
    # a table row's other figures: (offset in the row, what its column measures), from their own claims
    cell_nouns: tuple[tuple[int, str], ...] = ()
    # whom the sentence speaks of when it opens on a description ("The model scored …": Aster 4)
    antecedent: str = ""

    @property
    def key_concepts(self) -> tuple[Concept, ...]:
        return tuple(c for c in self.concepts if c.in_key)

    def all_terms(self) -> set[str]:
        return {t for c in self.concepts for t in c.terms}


@dataclass(frozen=True)
class PassageScore:
    index: SnapshotIndex
    passage_no: int
    context: float  # weighted share of the sentence's concepts found (passage + heading + title)
    key: float  # weighted share of the key's concepts found in the passage or its heading
    matched: tuple[str, ...]  # the claim words that met the passage
    near: float = 0.0  # weighted share of the concepts next to the key found (passage + context)

    @property
    def passage(self) -> IndexedPassage:
        return self.index.passages[self.passage_no]


def table_cells(row: str) -> tuple[str, ...]:
    """The cells of a table row as the reader writes it ("a | b | c")."""
    return tuple(c.strip() for c in row.strip().strip("|").split(" | "))


def column_of(row: str, pos: int) -> int:
    """The index of the cell of ``row`` that holds position ``pos``."""
    return row.count(" | ", 0, pos)


def compact(text: str) -> str:
    """Lower-case with spaces, hyphens and underscores removed; dots kept (versions)."""
    return normalise_version(text)


def _passage_words(text: str) -> frozenset[str]:
    """Stemmed English words of a passage; a Chinese passage also gets its words' dictionary terms,
    so a Chinese page meets a Chinese claim on the same English ground."""
    words = set(content_words(text))
    if has_han(text):
        view = _view(text)
        for bw in bridge(view):
            words |= bw.english
        words |= page_keys(text)  # 星衍 meets "Xingyan"
    return frozenset(words)


def passage_values(text: str, default_year: int | None = None) -> list[Value]:
    """Values in a passage through ``claims.values.parse_values`` (empty while it is not available);
    a date without a year ("March 16") takes ``default_year`` (the page's own dateline)."""
    try:
        from claims.values import parse_values
    except ImportError:  # the extraction part not there yet
        return []
    try:
        return list(parse_values(text, default_year=default_year))
    except Exception:  # a parser bug on one page must not stop verification of the rest
        return []


_TABLE_TITLE = 150  # characters: a passage this short right above a table, not a sentence, is its title


def _titles_table(caption: str) -> bool:
    text = caption.rstrip()
    return bool(text) and len(text) <= _TABLE_TITLE and text[-1] not in "。.！!？?：:；;"


def _in_declared_unit(
    row: str, values: list[Value], declared: tuple[float, str] | None, by_column: tuple[_ColumnUnit, ...] = ()
) -> list[Value]:
    """A row's bare numbers, each a whole cell, as amounts in its table's declared unit (97.2 under
    "(billion yen)"; not the 1 of a "1-5月累計" label). ``by_column``: the header cells that name a unit of
    their own ("规划算力（EFLOPS） | 总投资（亿元）"): then each column's header declares its own cells."""
    if declared is None:
        return values
    cells = table_cells(row)
    if cells and PER_SHARE.search(cells[0]):
        return values  # "Diluted earnings per share | $2.31" under "(in millions, except per share data)"
    # (a cell with its own currency and no scale, "$2,604" under "(in millions)", is in the declared scale)
    return [scaled_to(v, _cell_unit(row, v, declared, by_column)) if _whole_cell(row, v) else v for v in values]


def _cell_unit(row: str, v: Value, declared: tuple[float, str], by_column: tuple[_ColumnUnit, ...]) -> tuple[float, str] | None:
    """The unit a cell is in: its column header's own when the header gives units column by column."""
    at = column_of(row, v.start)
    if not by_column or at >= len(by_column):
        return declared
    unit, own = by_column[at]
    return unit if unit is not None else None if own else declared


# a header cell naming a unit of its own, a unit that is no amount's ("规划算力（EFLOPS）", "IT负载（MW）")
_OWN_UNIT = re.compile(r"[（(]\s*[A-Za-z%/]{1,12}\s*[）)]")
# … or a header counting things, whose cells are no amount ("獲批項目數目" beside "資助額（百萬港元）")
_COUNTS_HEADER = re.compile(r"数目|數目|数量|數量|个数|個數|家数|家數|人数|人數|件数|件數|\bnumber of\b|\bno\. of\b|\bcount\b", re.I)
_ColumnUnit = tuple[tuple[float, str] | None, bool]  # a header cell's declared unit; whether it names another


@lru_cache(maxsize=1024)
def _column_units(head_cells: tuple[str, ...]) -> tuple[_ColumnUnit, ...]:
    """Each header cell's declared unit and whether it names a unit of its own that is no amount's, when the
    header gives units column by column ("规划算力（EFLOPS） | 总投资（亿元）"); else ()."""
    units = tuple((declared_unit(c), _OWN_UNIT.search(c) is not None or _COUNTS_HEADER.search(c) is not None) for c in head_cells)
    # (a unit over the label column, "(Billions of yen) | Q2 FY2026 | …", is the whole table's)
    if units[:1] and units[0][0] is not None:
        return ()
    declared = {u for u, _ in units if u is not None}
    if len(declared) < 2 and not (declared and any(u is None and own for u, own in units)):
        return ()
    return units


# a header or row label that declares its cells percentages: "增减变动幅度(%)", "毛利率（%）", "Y/Y %", "Margin (%)",
# "CodeRepair-Bench (% resolved)", "Accuracy (pass rate, %)"
_PERCENT_LABEL = re.compile(r"[（(][^()（）%\d]{0,30}%[^()（）%\d]{0,30}[）)]|(?:^|\s)%$|\bper ?cent\b", re.I)


def _in_percent_cells(row: str, values: list[Value], columns: tuple[str, ...]) -> list[Value]:
    """A row's bare numbers under a column (or beside a row label) that declares percentages, as percents
    (126.48 under "本报告期比上年同期增减变动幅度(%)")."""
    cells = table_cells(row)
    by_row = bool(cells) and _PERCENT_LABEL.search(cells[0]) is not None
    if not by_row and not any(_PERCENT_LABEL.search(c) for c in columns):
        return values
    out = []
    for v in values:
        at = column_of(row, v.start)
        if (
            v.kind == "count" and v.unit is None and isinstance(v.value, float) and at > 0 and _whole_cell(row, v)
            and (by_row or (at < len(columns) and _PERCENT_LABEL.search(columns[at]) is not None))
        ):
            v = replace(v, kind="percent", unit="percent")
        out.append(v)
    return out


def _whole_cell(row: str, v: Value) -> bool:
    cells = table_cells(row)
    at = column_of(row, v.start)
    return at < len(cells) and cells[at] == row[v.start : v.end].strip()


def _label_row(row: str, cells: tuple[str, ...], year: int | None) -> bool:
    """A table row of two or more cells (``cells``) none of which is a figure: a header written with td cells."""
    if len(cells) < 2:
        return False
    return not any(v.kind != "date" and _whole_cell(row, v) for v in passage_values(row, year))


def _columns(cells: tuple[str, ...], head_cells: tuple[str, ...]) -> tuple[str, ...]:
    """The header cell over each of a row's cells: one each, or one fewer when the header's empty corner
    cell was dropped with the page's empty cells ("Q3 FY2026 | Q3 FY2025" over "Revenue | 812.4 | 566.0")."""
    if not cells:
        return ()
    if len(cells) == len(head_cells):
        return head_cells
    return ("", *head_cells) if len(cells) == len(head_cells) + 1 else ()


def _published_day(published: str | None) -> dt.date | None:
    """The page's dateline as a day, when it gives one ("2027-01-11", "2027-01-11T08:00:00Z")."""
    try:
        return dt.date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    except ValueError:
        return None


def build_index(
    *,
    snapshot_id: int,
    source_id: int,
    url: str,
    title: str,
    text: str,
    passages: Sequence[dict[str, Any]] | str,
    published: str | None = None,
    with_values: bool = True,
) -> SnapshotIndex:
    """Index one snapshot: once per snapshot, reused by every claim that cites it."""
    raw = json.loads(passages) if isinstance(passages, str) else list(passages)
    if not raw and text:
        raw = [{"start": 0, "end": len(text), "kind": "p", "heading": ""}]
    year = int(published[:4]) if published and published[:4].isdigit() else None
    dated = _published_day(published)
    items: list[IndexedPassage] = []
    postings: dict[str, list[int]] = defaultdict(list)
    by_family: dict[str, list[int]] = defaultdict(list)
    header: frozenset[str] = frozenset()
    head_cells: tuple[str, ...] = ()
    caption = ""  # the passage before a table (its caption or the sentence that introduces it)
    declared: tuple[float, str] | None = None
    rows = 0  # the current table's rows of two cells or more so far
    for p in raw:
        s, e = int(p.get("start", 0)), int(p.get("end", 0))
        body = text[s:e]
        if not body.strip():
            continue
        words = _passage_words(body)
        kind = str(p.get("kind", "p"))
        heading = str(p.get("heading", "") or "")
        row_cells = table_cells(body) if kind in {"th", "td"} else ()
        if kind == "td" and rows == 0 and _label_row(body, row_cells, year):
            kind = "th"  # a first row of labels only ("Q3 FY2026 | Q3 FY2025 | Nine months"), written without th
        if not row_cells:
            rows = 0
        elif len(row_cells) > 1:
            rows += 1
        if kind == "th":
            # a short passage right above the table titles it ("Shipments by vendor (thousand units)"): its
            # words say what the rows measure, as the header's do
            header, head_cells = words | (_passage_words(caption) if _titles_table(caption) else frozenset()), row_cells
            declared = declared_unit(f"{caption}\n{heading}\n{body}") or declared  # (or a title row's, above it)
        elif kind != "td":
            header, head_cells, declared = frozenset(), (), None
            caption = body[-200:] if len(body) > _TABLE_TITLE else body
        elif len(row_cells) == 1 and (spanning := declared_unit(body)) is not None:
            declared = spanning  # a title row across the table ("營業收入淨額（單位：新臺幣仟元）") declares it
        cells = row_cells if kind == "td" and head_cells else ()
        n = len(items)
        for w in words:
            postings[w].append(n)
        values = passage_values(body, year) if with_values else []
        if dated is not None and any(v.kind == "date" for v in values):
            # a day or month without its year in the year that puts it nearest the page's dateline, as a report's
            # is read ("passed $2 billion in December" on a page of 11 January: last December)
            values = [in_nearest_year(v, dated, body) if v.kind == "date" else v for v in values]
        if kind == "td":
            # the row's own label may declare it ("研发投入（亿元）"), else the table's header or caption
            # (a column of percentages first: "增减变动幅度(%)" beside amounts "单位：元" declares)
            values = _in_percent_cells(body, values, _columns(row_cells, head_cells))
            values = _in_declared_unit(body, values, declared_unit(row_cells[0]) or declared, _column_units(head_cells))
        for fam in {unit_family(v) for v in values}:
            by_family[fam].append(n)
        items.append(
            IndexedPassage(
                start=s,
                end=e,
                kind=kind,
                heading=heading,
                text=body,
                words=words,
                compact=compact(body),
                values=values,
                context=_heading_words(heading) | (header if kind == "td" else _lead_label_words(body)),
                columns=_columns(cells, head_cells),
            )
        )
    return SnapshotIndex(
        snapshot_id=snapshot_id,
        source_id=source_id,
        url=url,
        title=title,
        published=published,
        passages=items,
        title_words=_passage_words(title),
        postings=dict(postings),
        page_compact=compact(title + "\n" + text),
        by_family=dict(by_family),
        page_text=title + "\n" + text,
    )


@lru_cache(maxsize=1)
def _lexicon_terms() -> dict[str, frozenset[str]]:
    try:
        from claims.lexicon import lexicon
    except ImportError:
        return {}
    return {zh: frozenset(content_words(en)) for zh, en in lexicon().items()}


def _chinese_concepts(text: str, offset: int, key_span: tuple[int, int]) -> list[tuple[Concept, int]]:
    lex = _lexicon_terms()
    out: list[tuple[Concept, int]] = []
    for bw in bridge(text):
        pos = offset + bw.start
        in_key = key_span[0] <= pos < key_span[1]
        terms = set(bw.english) | set(lex.get(bw.word, ()))
        if not in_key:  # in the key, "first" or "model" is what the claim says; around it, noise
            terms -= _GENERIC
        if not terms:
            continue
        # a common word, or one with many senses, is weak evidence of anything
        weight = specificity(bw.word) * (1.0 if len(terms) <= 8 else 0.6)
        out.append((Concept(frozenset(terms), weight, bw.word, in_key), pos))
    # lexicon entries jieba cut differently still count
    for zh, lex_terms in lex.items():
        i = text.find(zh)
        if i >= 0 and lex_terms and not any(c.source == zh for c, _ in out):
            pos = offset + i
            out.append((Concept(lex_terms, 1.0, zh, key_span[0] <= pos < key_span[1]), pos))
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, frozenset[str]]:
    """Stem → the stems it stands for, both ways (claims/data/abbreviations.tsv): "capex" meets
    "capital expenditures" on a page, and "expenditure" in a claim meets "capex"."""
    from claims.units import data_lines

    table: dict[str, set[str]] = {}
    for row in data_lines("abbreviations.tsv"):
        if len(row) < 2:
            continue
        short = stem(row[0].strip().lower())
        full = set(content_words(row[1]))
        table.setdefault(short, set()).update(full)
        for w in full:
            table.setdefault(w, set()).add(short)
    return {k: frozenset(v) for k, v in table.items()}


def _latin_concepts(text: str, key_span: tuple[int, int]) -> list[tuple[Concept, int]]:
    out: list[tuple[Concept, int]] = []
    for m in _LATIN.finditer(text):
        word = m.group()
        for part in re.split(r"[.\-]", word):
            low = part.lower()
            if len(low) < 2 or low in STOPWORDS or low.isdigit():
                continue
            term = stem(low)
            weight = 2.0 if (part[0].isupper() or any(ch.isdigit() for ch in part)) else 1.0
            if term in _GENERIC:
                weight = 0.3
            in_key = key_span[0] <= m.start() < key_span[1]
            terms = frozenset({term}) | _abbreviations().get(term, frozenset())
            if part[0].isupper() and (romanised := word_key(part)):
                terms |= {romanised}  # a Chinese name in pinyin meets its characters on the page
            out.append((Concept(terms, weight, part, in_key), m.start()))
    # a price list's shorthand: "$12 in / $2.50 out per 1M tokens" prices input and output
    for m in _IN_OUT.finditer(text):
        term = "input" if m.group(1).lower() == "in" else "output"
        out.append((Concept(frozenset({term}), 1.0, m.group(1), key_span[0] <= m.start(1) < key_span[1]), m.start(1)))
    return out


_IN_OUT = re.compile(r"(?<=\d)[A-Za-z]{0,3}\s+(in|out)\b(?=\s*(?:[/,;|]|and\b|per\b|$))", re.I)


def _view(text: str) -> str:
    try:
        from claims.textnorm import matching_view
    except ImportError:  # pragma: no cover - the claims part always ships it
        return text
    return matching_view(text)


_LEADING_WORD = re.compile(
    r"^(?:(?:From|In|On|At|By|For|To|With|After|Before|Since|Until|Under|Over|Of|And|Or|But|As|If|The|A|An|This|That|"
    r"Its|Their|Our|His|Her)\s+)+"
)
_DATE_LIKE = re.compile(
    r"^\d|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|^(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$",  # a month or a weekday alone is no name
    re.I,
)


# a figure's unit written before a name ("96 TB HBM3e": the TB is the 96's) and a year closing a name
# that dates what follows ("Brant Micro 2027 财年", "Acme 2026 年") belong to the figures, not the name
_UNIT_AFTER_FIGURE = re.compile(r"(?:[KMGTP]B|[kMGT]?W|GWh|MWh|kWh|GHz|MHz|nm|ms)(?:\s+(?=\S)|$)")
_YEAR_BEFORE_PERIOD = re.compile(r"\s+(?:19|20)\d{2}$")
_PERIOD_AFTER = re.compile(r"\s*(?:年|财年|財年|财政年度|会计年度|fiscal\b|FY\b)", re.I)
_DIGIT_BEFORE = re.compile(r"\d\s*$")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")


# a bracketed citation, reference-style "([Corvalis IR][4])" or inline "([PR Newswire](https://…))": the
# source's label and address, not the sentence's words
# (… or in wiki markup, "([36Kr|https://…])")
_CITATION = re.compile(
    r"[(（]\s*\[(?:[^\]\n]{1,80}\](?:\[[^\]\n]{0,60}\]|\([^()\s]{1,2000}\))|[^\]\n|]{1,80}\|https?://[^\]\s]{1,2000}\])\s*[)）]"
)


# a link's scheme and host ("https://www.example.com") and a chat link's label ("<https://…|DCD>"): where the
# sentence cites, not what it says; of its path, a slug's words are the page's title and stay, while the rest
# ("/content/detail/1284417.html", "/en/", "?id=…") is where, not what
_ADDRESS = re.compile(r"(https?://[\w.-]{1,253})([A-Za-z0-9\-._~/?#@!$&*+=%,;:]{0,2000})|\|[^<>|\n]{1,80}>(?<=\w>)")
_SLUG = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+){2,}")
_PATH_SEP = re.compile(r"([/?#&=.])")


def _blank_address(m: re.Match[str]) -> str:
    if m.group(1) is None:
        return " " * len(m.group())
    parts = _PATH_SEP.split(m.group(2))
    # (in lower case: its words are the page's title, not names the sentence gives — "…/China-s-Xitu-…-AI-model")
    return " " * len(m.group(1)) + "".join(part.lower() if _SLUG.fullmatch(part) else " " * len(part) for part in parts)


# "(Source: Reuters, https://…)", "（来源：36氪）": a citation in brackets, named as one
_SOURCE_NOTE = re.compile(r"[(（]\s*(?:Sources?|Via|来源|來源|资料来源|資料來源|信源)\s*[:：][^()（）\n]{0,400}[)）]", re.I)


# a bracketed sentence of its own, no figure in it ("(Chinese-language source.)", "(Paywalled.)"): an editor's aside
_ASIDE = re.compile(r"[(（][^()（）\d\n]{2,60}[.。!！][)）]")
# what may follow a link that closes its line: spaces, a full stop, a closing bracket
_LINE_END = re.compile(r"[\s.。;；,，)）]*(?:\n|$)")
_TRAILING_LINK = re.compile(rf"\[[^\]\n]{{1,80}}\]\(https?://[^()\s]{{1,2000}}\)(?={_LINE_END.pattern})")
# … or fills a table cell of its own ("| [Business Wire](https://…) |"): the row's source, not its words
_CELL_LINK = re.compile(r"(?<=\|)\s{0,8}\[[^\]\n|]{1,80}\]\(https?://[^()\s|]{1,2000}\)(?=\s{0,8}\|)")
# an Org-mode link, "[[https://…][DCD]]": closing its line it is a citation, label and all; inside a sentence its
# label is the sentence's words and its target is where it cites
_ORG_LINK = re.compile(r"\[\[(?:https?://|file:|www\.)[^\]\s]{1,2000}\](?:\[(?P<label>[^\]\n]{1,80})\])?\]")


def _blank_org_link(m: re.Match[str]) -> str:
    if _LINE_END.match(m.string, m.end()) or m.group("label") is None:
        return " " * len(m.group())
    return " " * (m.start("label") - m.start()) + m.group("label") + "  "


_SOURCE_LINK = re.compile(r"(\[(?:来源|來源|出处|出處|原文|链接|鏈接|source|sources|via|link)\])\([^()\s]{1,2000}\)", re.I)


def _blank_citations(sentence: str) -> str:
    """The sentence with its bracketed citations and link addresses blanked (same length: offsets into it
    stay valid)."""
    if "][" in sentence or "](" in sentence or "|http" in sentence:
        sentence = _CITATION.sub(lambda m: " " * len(m.group()), sentence)
        # a source link's target ("[来源](https://…/new/disclosure/detail?…)"): where it cites, not what it says
        sentence = _SOURCE_LINK.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), sentence)
        # … and a link that closes its line, "… $7.2–7.6 billion [Business Wire](https://…)", label and all
        sentence = _TRAILING_LINK.sub(lambda m: " " * len(m.group()), sentence)
        if "|" in sentence:
            sentence = _CELL_LINK.sub(lambda m: " " * len(m.group()), sentence)
    if "[[" in sentence:
        sentence = _ORG_LINK.sub(_blank_org_link, sentence)
    if ":" in sentence or "：" in sentence:
        sentence = _SOURCE_NOTE.sub(lambda m: " " * len(m.group()), sentence)
    if "://" in sentence:
        sentence = _ADDRESS.sub(_blank_address, sentence)
    if ".)" in sentence or "。）" in sentence:
        sentence = _ASIDE.sub(lambda m: " " * len(m.group()), sentence)
    return sentence


def split_names(key: str) -> tuple[str, ...]:
    """Latin names written in ``key``; a list ("AWS、Google 和 NVIDIA") gives its items."""
    names: list[str] = []
    for part in _LIST_SEP.split(key):
        for m in LATIN_NAME.finditer(part):
            raw = m.group()
            if _DIGIT_BEFORE.search(part, 0, m.start()) and (unit := _UNIT_AFTER_FIGURE.match(raw)):
                raw = raw[unit.end() :]
            if _PERIOD_AFTER.match(part, m.end()) and (year := _YEAR_BEFORE_PERIOD.search(raw)):
                raw = raw[: year.start()]
            name = _LEADING_WORD.sub("", raw).strip(" -.")  # "In Paris" → Paris, "From 2 August" → …
            if _PLURAL_ACRONYM.fullmatch(name):
                continue  # "GPUs", "LLMs", "ETFs": things anyone has, not a name
            if len(name) >= 2 and name.lower() not in STOPWORDS and not _DATE_LIKE.match(name):
                names.append(name)
    return tuple(dict.fromkeys(names))


# a currency named after 元 ("146.2亿元人民币"): the reader's figure ends at 元, the currency is still named
_CURRENCY_AFTER = re.compile(r"\s*[(（]?(?:人民币|港币|港元|新台币|美元)")


def _named_after(values: Sequence[Value], sentence: str, key_end: int) -> tuple[Value, ...]:
    """The key figure with the currency written right after it kept in its text (compare.bare_yuan reads it)."""
    m = _CURRENCY_AFTER.match(sentence, key_end)
    if not values or m is None:
        return tuple(values)
    return (replace(values[0], raw=values[0].raw + m.group().strip(" (（")), *values[1:])


def build_query(
    *,
    kind: str,
    sentence: str,
    key_text: str,
    key_start: int,
    values: Sequence[Value] = (),
    cell_nouns: Sequence[tuple[int, str]] = (),
    antecedent: str = "",
) -> ClaimQuery:
    """The claim as a query. ``key_start`` is the key's offset inside ``sentence`` (-1 when unknown).

    Matching reads a same-length view of the text: Traditional characters as Simplified, full-width
    ASCII as plain (so a Traditional report meets the lexicon and the dictionary the same way)."""
    sentence, key_text = _blank_citations(_view(sentence)), _view(key_text)
    if key_start >= 0 and (written := sentence[key_start : key_start + len(key_text)]) != key_text and written.split() == key_text.split():
        key_text = written  # the key as its sentence writes it (a line it broke joined: "96.5\n亿元" reads "96.5 亿元")
    if key_start < 0:
        key_start = sentence.find(key_text)
    key_span = (key_start, key_start + len(key_text)) if key_start >= 0 else (0, 0)
    concepts: list[tuple[Concept, int]] = _latin_concepts(sentence, key_span)
    if has_han(sentence):
        concepts += _chinese_concepts(sentence, 0, key_span)
    if kind in _VALUE_KINDS:  # the figure's own words (美元, 亿, 秒) are the value, not the topic
        concepts = [(c, pos) for c, pos in concepts if not key_span[0] <= pos < key_span[1]]
        # … and so are its qualifiers (最多, 超过, about): they say how exact it is, not what it counts
        qualifiers = _qualifier_surfaces()
        concepts = [(c, pos) for c, pos in concepts if c.source.lower() not in qualifiers]
        # … nor are the words of a later clause with a subject of its own ("…, and they still haven't signed a
        # deal"): another statement, which says nothing of what the figure measures
        if key_start >= 0 and (own := clause_with_its_own_subject(sentence, key_span[1])) is not None:
            concepts = [(c, pos) for c, pos in concepts if pos < own]
    if key_start < 0:  # key not in the sentence: add its own concepts
        concepts += [(Concept(c.terms, c.weight, c.source, True), p) for c, p in _latin_concepts(key_text, (0, len(key_text)))]
        concepts += _chinese_concepts(key_text, 0, (0, len(key_text)))
    merged: dict[frozenset[str], Concept] = {}
    for c, pos in sorted(concepts, key=lambda cp: cp[1]):
        if key_span != (0, 0):
            gap = max(key_span[0] - pos - len(c.source), pos - key_span[1], 0)
            c = replace(c, near=gap <= _NEAR_CHARS and not c.in_key)
        prev = merged.get(c.terms)
        if prev is None or (c.in_key, c.near) > (prev.in_key, prev.near):
            merged[c.terms] = c
    names = split_names(key_text) if kind in {"fact", "version"} else ()
    # the figures as the sentence's view writes them ("59億美元" reads "59亿美元"), so that each is found in it
    values = [v if (raw := _view(v.raw)) == v.raw else replace(v, raw=raw) for v in values]
    return ClaimQuery(
        kind=kind,
        sentence=sentence,
        key_text=key_text,
        concepts=tuple(merged.values()),
        names=names,
        values=tuple(_named_after(values, sentence, key_span[1]) if kind == "money" and key_span != (0, 0) else values),
        context_names=split_names(sentence),
        cell_nouns=tuple((int(at), str(noun)) for at, noun in cell_nouns),
        antecedent=_view(antecedent),
    )


def _coverage(concepts: Sequence[Concept], words: frozenset[str] | set[str]) -> tuple[float, list[str]]:
    total = sum(c.weight for c in concepts)
    if total <= 0:
        return 0.0, []
    hit = [c for c in concepts if c.terms & words]
    return sum(c.weight for c in hit) / total, [c.source for c in hit]


def score_passage(query: ClaimQuery, idx: SnapshotIndex, n: int) -> PassageScore:
    """How well passage ``n`` of ``idx`` speaks to the claim: its words, its heading (and a table row's
    header) and the page title count as context; the key must be met in the passage or its heading."""
    p = idx.passages[n]
    local = set(p.words) | p.context
    ctx, matched = _coverage(query.concepts, local | idx.title_words)
    key_concepts = query.key_concepts
    key, _ = _coverage(key_concepts, local) if key_concepts else (0.0, [])
    near_concepts = [c for c in query.concepts if c.near]
    near, _ = _coverage(near_concepts, local | idx.title_words) if near_concepts else (0.0, [])
    return PassageScore(idx, n, ctx, key, tuple(matched), near)


def score_passages(
    query: ClaimQuery, indexes: Sequence[SnapshotIndex], *, limit: int = 5, families: Iterable[str] = ()
) -> list[PassageScore]:
    """The passages that speak most to the claim, best first: those sharing a term with it, and those
    stating a value of one of ``families`` (so a bare table row with the figure is not missed)."""
    terms = query.all_terms()
    fams = tuple(families)
    scored: list[PassageScore] = []
    for idx in indexes:
        cands = idx.candidates(terms)
        for fam in fams:
            cands.update(idx.by_family.get(fam, ()))
        scored.extend(score_passage(query, idx, n) for n in cands)
    scored.sort(key=lambda s: (s.context + 0.5 * s.key, -s.passage_no), reverse=True)
    return scored[:limit]


@lru_cache(maxsize=4096)
def _heading_words(heading: str) -> frozenset[str]:
    return _passage_words(heading)


# a paragraph that opens on a short label of its own ("Data Center: Third-quarter revenue was…", "云业务：…")
_LEAD_LABEL = re.compile(r"\s*([^\W\d][^\d:：。.!?;；\n]{0,30}?)\s*(?::\s|：)")


def _lead_label_words(body: str) -> frozenset[str]:
    """The words of the label a paragraph opens on: what every figure of the paragraph is of, as a heading's
    words are (its later clauses no longer name it: "…, up 9% from the previous quarter and up 28% from a year
    ago")."""
    m = _LEAD_LABEL.match(body)
    if m is None or len(m.group(1).split()) > 4:
        return frozenset()
    return _passage_words(m.group(1))


@dataclass(frozen=True)
class NameMatch:
    name: str
    found: bool
    near_miss: str | None = None  # the page's differing name when one nearly matches
    score: float = 0.0


_CAP_RUN = re.compile(r"[A-Z][A-Za-z0-9&']*(?:[ \-][A-Z0-9][A-Za-z0-9&']*)*")


def _page_names(text: str, size: int) -> set[str]:
    """Runs of capitalised words on the page, cut into every window of ``size`` words."""
    out: set[str] = set()
    for m in _CAP_RUN.finditer(text):
        words = re.split(r"[ \-]", m.group())
        for i in range(0, max(0, len(words) - size) + 1):
            out.add(" ".join(words[i : i + size]))
    return out


def _misspelt(word: str, cand: str) -> bool:
    """A one-word name the page writes with a letter or two changed (Teradyne as Tebadxne): the same
    length, first and last letter, at most two letters apart, and long enough (six letters or more)
    that two real names rarely sit that close."""
    return (
        len(word) == len(cand) >= 6
        and word[0] == cand[0]
        and word[-1] == cand[-1]
        and word.isalpha()
        and Levenshtein.distance(word, cand) <= 2
    )


def find_name(name: str, page_compact: str, page_text: str) -> NameMatch:
    """Is ``name`` on the page? Exact on compact text (spaces/hyphens/case ignored); otherwise the
    closest capitalised name of the page sharing a word with it is reported as a near miss when it is
    similar but not the same (Radyn Robotics vs Teradyne Robotics)."""
    key = compact(name)
    if len(key) >= 2 and key in page_compact:
        if not key[-1].isdigit():
            return NameMatch(name, True, score=1.0)
        # a name ending in a number is on the page only where that number ends too: "Lyra 4" is not in
        # "Lyra 4.1" (another version of it, a near miss)
        longer: str | None = None
        for m in re.finditer(re.escape(key) + r"((?:\.\d+)+)?", page_compact):  # ("lyra410x": "Lyra 4 10x", spaces gone)
            if not m.group(1):
                return NameMatch(name, True, score=1.0)
            longer = longer or name + m.group(1)
        return NameMatch(name, False, near_miss=longer, score=0.9)
    words = [w.lower() for w in re.split(r"[\s\-]+", name) if w]
    best: tuple[float, str] | None = None
    for cand in _page_names(page_text, len(words)):
        cwords = [w.lower() for w in re.split(r"[\s\-]+", cand) if w]
        if len(cwords) != len(words) or cand.lower() == name.lower():
            continue
        pairs = list(zip(words, cwords, strict=True))
        shared = sum(1 for a, b in pairs if a == b)
        if shared == len(words) or (shared == 0 and not (len(words) == 1 and _misspelt(words[0], cwords[0]))):
            continue
        # every differing word must itself be a near miss (Radyn ~ Teradyne), not another word (AI vs Ads)
        if any(a != b and fuzz.ratio(a, b) < 60 for a, b in pairs):
            continue
        ratio = fuzz.ratio(name.lower(), cand.lower()) / 100.0
        if (ratio >= 0.7 or shared == 0) and (best is None or ratio > best[0]):
            best = (ratio, cand)
    if best:
        return NameMatch(name, False, near_miss=best[1], score=best[0])
    return NameMatch(name, False)
