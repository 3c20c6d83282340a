"""Value comparison rules (pure): does a figure found on a page agree with the claimed one?

The rules, in order:
- kinds and units must be comparable (a currency only meets the same currency; a percent a percent;
  a bare count meets any count-like unit); otherwise the pair is ``incomparable``;
- dates agree when the coarser one is a prefix of the finer one (``2026-04`` ~ ``2026-04-13``);
- versions agree as normalised strings (``GPT - 5 . 4`` ~ ``GPT-5.4``; case, spaces, hyphens ignored);
- quantities agree within the writer's precision (the coarser of the two last given digits), widened
  for ``~`` (about) qualifiers; bounds (``>=`` over, ``<`` under, ``<=`` up to) are honoured on
  both sides, so "超过 100 万" is supported by "1.2 million" and by "more than 1 million";
- a disagreement is classified: ``scale_slip`` (off by ×10/×100/×1000…), ``transposed`` (same digits
  in another order, 83.1 vs 81.3), ``different`` otherwise. Slips and transpositions are strong signs
  the figure is the same quantity mis-stated.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Literal

from claims.casual_dates import YEAR_WRITTEN
from claims.model import Value
from claims.units import BYTES, CURRENCY_CODES, DIMENSIONS, WATTS

__all__ = [
    "Outcome",
    "Comparison",
    "compare_values",
    "comparable",
    "normalise_version",
    "significant_digits",
    "unit_family",
    "same_digits",
    "is_vague",
    "counts_other_things",
]

Outcome = Literal["agree", "disagree", "incomparable"]

CURRENCIES = frozenset(CURRENCY_CODES)
# Measures that are their own family: they never meet a bare count.
MEASURES = frozenset({"GW", "MW", "kW", "W", "mm", "cm", "m", "km", "m2", "km2", "ha", "ft2", "kg", "t", "lb", "ft", "in", "s", "min", "h", "ms", "x", "percent", "rank"})
_REL_EPS = 1e-9


@dataclass(frozen=True)
class Comparison:
    outcome: Outcome
    detail: str = ""  # exact | within_precision | bound | scale_slip | transposed | different | unit…

    @property
    def agrees(self) -> bool:
        return self.outcome == "agree"

    @property
    def disagrees(self) -> bool:
        return self.outcome == "disagree"

    @property
    def strong(self) -> bool:
        """A disagreement that marks the same quantity mis-stated (scale slip, transposed digits)."""
        return self.outcome == "disagree" and self.detail in {"scale_slip", "transposed"}


def unit_family(value: Value) -> str:
    """The family a value's unit belongs to: a currency code, ``percent``, ``date``, ``version``,
    a measure, or ``count`` for bare numbers and counted nouns (users, tokens, …)."""
    if value.kind == "date" or value.unit == "date":
        return "date"
    if value.kind == "version" or value.unit == "version":
        return "version"
    if value.kind == "fact":
        return "fact"
    unit = value.unit
    if unit in CURRENCIES:
        return unit
    if value.kind == "money":
        return unit or "money"
    if unit == "percent" or value.kind == "percent":
        return "percent"
    if unit in WATTS:
        return "power"  # 1.4 kW and 1,400 W are one quantity (compared in watts: _dimension)
    if unit in MEASURES:
        return unit
    return "count"


def comparable(a: Value, b: Value) -> bool:
    return unit_family(a) == unit_family(b)


def normalise_version(text: str) -> str:
    """``GPT - 5 . 4`` → ``gpt5.4``; ``Gemma-4-27B`` → ``gemma427b``. Case, spaces, hyphens and
    underscores carry no meaning in a version; dots do."""
    text = text.lower().replace("‑", "-").replace("–", "-")
    text = re.sub(r"\s*\.\s*", ".", text)
    return re.sub(r"[\s\-_]+", "", text)


def significant_digits(x: float) -> str:
    """The significant digits of ``x`` without the scale: 4e8 → "4", 1.22e11 → "122", 83.1 → "831"."""
    if x == 0 or not math.isfinite(x):
        return "0"
    text = f"{abs(x):.12e}".split("e")[0].replace(".", "")
    return text.rstrip("0") or "0"


def _same_leading_digits(a: float, b: float) -> bool:
    """The significant digits of ``a`` and ``b`` agree when both are rounded to the fewer of them (1.5 and
    1.478: "15"; 1.46 and 1.44: no)."""
    n = min(len(significant_digits(a)), len(significant_digits(b)))
    return f"{abs(a):.{n - 1}e}".split("e")[0] == f"{abs(b):.{n - 1}e}".split("e")[0]


def same_digits(a: float, b: float) -> bool:
    """The same significant digits on another scale (4e8 vs 4e6; 300 vs 3e6)."""
    return significant_digits(a) == significant_digits(b)


def _precision(v: Value) -> float:
    """Size of the writer's last digit; inferred from the raw figure when the parser gave none."""
    if v.precision:
        return abs(float(v.precision))
    x = abs(float(v.value))
    if x == 0:
        return 1.0
    digits = significant_digits(x)
    exponent = math.floor(math.log10(x))
    return 10.0 ** (exponent - len(digits) + 1)


def _date_parts(text: str) -> tuple[str, ...]:
    return tuple(p for p in str(text).split("-") if p)


def date_resolution(value: object) -> int:
    """How finely a normalised date is given, its year aside: 0 a year, 1 a month, 2 a day."""
    text = str(value)
    return len(_date_parts(text)) - (0 if text.startswith("--") else 1)


_PART_PRECISION = {"H": 1, "Q": 2, "W": 3}


def date_precision(value: object) -> int:
    """How finely a normalised date is given: a year 0, a half 1, a quarter 2, a month or week 3, a day 4
    (finer than :func:`date_resolution`: the second half of 2027 does not confirm its third quarter)."""
    parts = _date_parts(str(value))
    if str(value).startswith("--"):
        return 2 + len(parts)
    if len(parts) < 2:
        return 0
    return _PART_PRECISION.get(parts[1][0], 3) + (1 if len(parts) > 2 else 0)


def _compare_dates(claimed: Value, found: Value) -> Comparison:
    ca, fb = str(claimed.value), str(found.value)
    if ca.startswith("--") or fb.startswith("--"):  # "March 16" with no year: month and day only
        md_a = _date_parts(ca)[0 if ca.startswith("--") else 1 :]  # (month, day) or (month,)
        md_b = _date_parts(fb)[0 if fb.startswith("--") else 1 :]
        n = min(len(md_a), len(md_b))
        if not n:
            return Comparison("incomparable", "no_year")
        if md_a[:n] == md_b[:n]:
            return Comparison("agree", "within_precision")
        if _writes_no_year(claimed) and _writes_no_year(found):  # neither writes a year: the same footing, another day
            return Comparison("disagree", _date_slip(md_a, md_b))
        return Comparison("incomparable", "no_year")  # another day, perhaps of another year: never a contradiction
    a, b = _date_parts(ca), _date_parts(fb)
    if not a or not b:
        return Comparison("incomparable", "date")
    if len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and (a[1][0] == "H") != (b[1][0] == "H") and "W" not in (a[1][0], b[1][0]):
        # a half against a quarter or a month of the same year: Q3 and September lie in H2
        return Comparison("agree", "within_precision") if _half_of(a[1]) == _half_of(b[1]) else Comparison("disagree", "different")
    n = min(len(a), len(b))
    if claimed.qualifier in _BOUNDS or found.qualifier in _BOUNDS:
        return _compare_date_bounds(claimed.qualifier, found.qualifier, a[:n], b[:n])
    if a[:n] == b[:n]:
        return Comparison("agree", "exact" if len(a) == len(b) else "within_precision")
    return Comparison("disagree", _date_slip(a, b))


_BOUNDS = frozenset({"<", "<=", ">", ">="})


def _half_of(part: str) -> int:
    """The half of the year a date part lies in: H1/H2 themselves, Q1–Q2 / Q3–Q4, months 01–06 / 07–12."""
    if part[0] in "HQ":
        n = int(part[1:])
        return n if part[0] == "H" else (1 if n <= 2 else 2)
    return 1 if part.isdigit() and int(part) <= 6 else 2


def _within(x: tuple[int, ...], op: str, bound: tuple[int, ...]) -> bool:
    # inclusive either way: "2030 年前" and "by 2030" are one bound in two languages
    return x <= bound if op in {"<", "<="} else x >= bound


def _compare_date_bounds(qa: str, qb: str, a: tuple[str, ...], b: tuple[str, ...]) -> Comparison:
    """A date said as a bound ("by the end of the year", 2026 年前, 自 2025 年起), compared at the precision
    both write: a claimed bound the page's date keeps is supported; a page's bound that the claimed date
    keeps neither confirms nor denies it (a deadline is not the day); a date outside the bound disagrees."""
    if not all(p.isdigit() for p in (*a, *b)):  # a quarter or a half (2026-Q3): not read as a bound
        return Comparison("incomparable", "bound")
    x, y = tuple(int(p) for p in a), tuple(int(p) for p in b)
    if qb in _BOUNDS and qa not in _BOUNDS:
        return Comparison("incomparable", "bound") if _within(x, qb, y) else Comparison("disagree", "bound")
    if qa in _BOUNDS and qb not in _BOUNDS:
        return Comparison("agree", "bound") if _within(y, qa, x) else Comparison("disagree", "bound")
    if qa[0] == qb[0] and x == y:
        return Comparison("agree", "exact")  # the same bound ("later this year", 今年晚些时候)
    return Comparison("incomparable", "bound")  # two other bounds: nothing to compare


def _writes_no_year(v: Value) -> bool:
    """A date written without its year ("7月24日", "July 19"), whatever year the reader gave it."""
    return str(v.value).startswith("--") or not YEAR_WRITTEN.search(v.raw)


def _date_slip(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    """"day_slip" for two dates of one month that differ only in the day (6 月 4 日 / June 9): the slip
    a copied date makes, read like transposed digits; "different" otherwise."""
    return "day_slip" if len(a) == len(b) and len(a) >= 2 and a[:-1] == b[:-1] and a[-1].isdigit() and b[-1].isdigit() else "different"


def _classify_disagreement(a: float, b: float) -> str:
    if a > 0 and b > 0:
        ratio = math.log10(max(a, b) / min(a, b))
        # ×10 to ×10⁴ (a zero, a thousand for a million, 万 for 亿); a million-fold gap is no one slip
        # (and the same digits as far as the shorter one writes them: 1.46 万 against 144 is no slip of 1.44)
        if ratio >= 0.99 and abs(ratio - round(ratio)) < 0.01 and round(ratio) <= _MAX_SLIP and _same_leading_digits(a, b):
            return "scale_slip"
        da, db = significant_digits(a), significant_digits(b)
        width = max(len(da), len(db))  # 15 vs 105: the writer's digits were 150 and 105
        da, db = da.ljust(width, "0"), db.ljust(width, "0")
        if width >= 2 and da != db and sorted(da) == sorted(db) and ratio < 1:
            return "transposed"
    return "different"


_MAX_SLIP = 4  # powers of ten one slip of a writer spans
_FAR_APART = 10.0**_MAX_SLIP * 10  # … and past that, two figures are no one quantity
_BOUND_REACH = 2.0  # "超过 100 万" is how a writer rounds 1.2 million, not 30 million


def _fits_bound(x: float, qualifier: str, bound: float, tol: float) -> bool:
    """Is a figure ``x`` (given exactly) what a writer would round to "qualifier bound"? Inside the
    bound and within a factor of two of it: "over 1 million" is not how anyone writes $30 billion."""
    if qualifier in {">=", ">"}:
        return (x >= bound - tol if qualifier == ">=" else x > bound - tol) and abs(x) <= abs(bound) * _BOUND_REACH + tol
    if qualifier in {"<", "<="}:
        return (x < bound + tol if qualifier == "<" else x <= bound + tol) and abs(x) * _BOUND_REACH >= abs(bound) - tol
    return abs(x - bound) <= tol


_VAGUE_EN = re.compile(r"^(?:tens of |hundreds of )?(?:dozens|hundreds|thousands|millions|billions|trillions)$", re.I)


def is_vague(v: Value) -> bool:
    """An order of magnitude rather than a figure: 数千 / 几百万 / "thousands" / "millions"."""
    raw = v.raw.strip()
    return raw.startswith(("数", "几")) or bool(_VAGUE_EN.match(raw))


def _compare_vague(a: float, b: float, found_vague: bool) -> Comparison:
    """数百万 ("several million") is met by "millions" or a figure from 2× to 10× its base, and by
    nothing else; it never contradicts (a vague claim has no figure to be wrong about)."""
    if found_vague:
        return Comparison("agree", "vague") if math.isclose(a, b, rel_tol=1e-6) else Comparison("incomparable", "vague")
    if 2 * a <= b < 10 * a:
        return Comparison("agree", "vague")
    return Comparison("incomparable", "vague")


# a measure a model's context is counted in: a "1M context" (window) is 1 million tokens
_COUNTED_IN_TOKENS = frozenset({"context", "window"})


def _things(v: Value) -> set[str]:
    """What a count counts, as singular lower-case words: its unit (tokens) or noun (people every week)."""
    text = v.unit or v.noun or ""
    words = {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z]+", text.lower())}
    return words | {"token"} if words & _COUNTED_IN_TOKENS else words


_DIMENSION_TOLERANCE = 0.025  # 1 TB written as 1,024 GB


def _dimension(a: str | None, b: str | None) -> dict[str, float] | None:
    """The dimension (bytes, watts, flops) both units are of, if any."""
    return next((dim for dim in DIMENSIONS if a in dim and b in dim), None)


def counts_other_things(claimed: Value, found: Value) -> bool:
    """Two counts of named, different things (15 billion tokens vs 3 million people): one counted
    unit must be given and the other side must name a thing that shares no word with it."""
    if unit_family(claimed) != "count" or not (claimed.unit or found.unit):
        return False
    if _dimension(claimed.unit, found.unit) is not None:
        return False
    a, b = _things(claimed), _things(found)
    return bool(a and b and not a & b)


def _compare_quantities(claimed: Value, found: Value) -> Comparison:
    try:
        a, b = float(claimed.value), float(found.value)
    except (TypeError, ValueError):
        return Comparison("incomparable", "not_a_number")
    if a * b < 0:  # -1.5% against "fell 1.5%": the sign is the direction, compared apart (frames)
        a, b = abs(a), abs(b)
    if counts_other_things(claimed, found):
        return Comparison("incomparable", "other_thing")
    dim = _dimension(claimed.unit, found.unit) if claimed.unit != found.unit else None
    if dim is not None and claimed.unit and found.unit:  # 96 GB against 96 TB: one quantity, compared in bytes
        x, y = a * dim[claimed.unit], b * dim[found.unit]
        if math.isclose(x, y, rel_tol=_DIMENSION_TOLERANCE):
            return Comparison("agree", "exact")
        if significant_digits(x) == significant_digits(y) or math.isclose(a, b):
            return Comparison("disagree", "unit")  # (… or the very figure on another unit: 288 Gb for 288 GB)
        # (power at another scale with other digits is another plant's: a market's 3 GW, a site's 350 MW; and
        # computing power another cluster's: a card's 2.4 PFLOPS, a centre's 26.5 EFLOPS)
        return Comparison("disagree", "different") if dim is BYTES else Comparison("incomparable", "other_scale")
    if is_vague(claimed):
        return _compare_vague(a, b, is_vague(found))
    if is_vague(found) or (found.raw.startswith("上") and claimed.qualifier == "="):
        # 上千台 ("a thousand or more") on a page cannot confirm or deny an exact 1,020
        return Comparison("incomparable", "vague")
    qa, qb = claimed.qualifier, found.qualifier
    if {qa, qb} & {"<", "<="} and {qa, qb} & {">", ">="} and _within_reach(a, b):
        return Comparison("disagree", "qualifier")  # "less than ¥250bn" against "more than 250 billion yen"
    # a bound the page's figure lies on the wrong side of: "不到四成" against 41%, "逾六成" against 57%
    eps = max(abs(a), abs(b)) * _REL_EPS
    wrong_side = (qa == "<" and b >= a - eps) or (qa == "<=" and b > a + eps) or (
        qa == ">" and b <= a + eps
    ) or (qa == ">=" and b < a - eps)
    if qb in {"=", "~"} and wrong_side and _within_reach(a, b):
        return Comparison("disagree", "wrong_side")
    # two bounds one way: a page's weaker bound confirms nothing of the claim's, however coarse the claim's figure
    # ("全年營收有望突破8,000億元" says nothing of "有望突破1万亿元")
    slack = _precision(found) / 2 + eps
    weaker = (qa in {">", ">="} and qb in {">", ">="} and b < a - slack) or (qa in {"<", "<="} and qb in {"<", "<="} and b > a + slack)
    tol = max(_precision(claimed), _precision(found)) / 2 + max(abs(a), abs(b)) * _REL_EPS
    # "about" widens the match only between figures written to different precision ("about $600m"
    # for $612 million); two figures written to the same digits are one copied wrongly (621 vs 612)
    if "~" in (claimed.qualifier, found.qualifier) and len(significant_digits(a)) != len(significant_digits(b)):
        tol = max(tol, 0.05 * max(abs(a), abs(b)))
    tol = min(tol, 0.25 * max(abs(a), abs(b)))  # a coarse writer never hides a ×10 slip
    if abs(a - b) <= tol and not weaker:
        return Comparison("agree", "exact" if a == b else "within_precision")
    if _classify_disagreement(abs(a), abs(b)) == "transposed":
        return Comparison("disagree", "transposed")  # no bound excuses swapped digits (150 vs 105)
    qa, qb = claimed.qualifier, found.qualifier
    # One side is a bound, the other a figure inside it: "超过 100 万" vs "1.2 million".
    if qa in _BOUNDS and qb in {"=", "~"} and _fits_bound(b, qa, a, tol):
        return Comparison("agree", "bound")
    # The page gives a bound the claimed figure sits in only when both speak the same way:
    # "more than 900 million" supports "超过 9 亿" (caught above as equal) but not "12 亿".
    # … and only within the same reach: "up to $100 million" is not how anyone writes "up to $1 billion".
    if qb in {">=", ">"} and qa in {">=", ">"} and not weaker and abs(b) <= abs(a) * _BOUND_REACH + tol:
        return Comparison("agree", "bound")
    if qb in {"<", "<="} and qa in {"<", "<="} and not weaker and abs(b) * _BOUND_REACH >= abs(a) - tol:
        return Comparison("agree", "bound")
    detail = _classify_disagreement(abs(a), abs(b))
    if detail == "different" and unit_family(claimed) == "count" and a and b and max(abs(a), abs(b)) / min(abs(a), abs(b)) > _FAR_APART:
        # two counts a hundred-thousand-fold apart, no one slip of the other (2000 万 against a model named 4.5):
        # not one quantity
        return Comparison("incomparable", "other_magnitude")
    if detail == "scale_slip" and qa in _BOUNDS and len(significant_digits(a)) == 1 and significant_digits(a) != significant_digits(b):
        # "突破百亿" is a magnitude, not digits: 98,315.64万 below it is no slip of it (its own digit ×10ⁿ is)
        detail = "different"
    return Comparison("disagree", detail)


def _within_reach(a: float, b: float) -> bool:
    """Are two figures close enough for one to bound the other ("more than 10 trillion" is no bound of 240 billion)?"""
    return bool(a and b) and max(abs(a), abs(b)) / min(abs(a), abs(b)) <= _BOUND_REACH


_COARSER = 50  # a page figure this many times coarser than the claim's says nothing of its digits


def far_coarser(claimed: Value, found: Value) -> bool:
    """Is ``found`` written far coarser than the claim ("约三成" against 34.6%, "about $600 million" against
    $612 million)? Such a figure agrees only within its own precision: it cannot confirm the claim's digits."""
    try:
        if float(claimed.value) == float(found.value):
            return False
    except (TypeError, ValueError):
        return False
    return _precision(found) >= _COARSER * _precision(claimed)


# 元 alone is the yuan of the mainland, Taiwan's dollar or Hong Kong's, by where it is written; the reader
# calls it CNY when nothing names another. A claim's amount written so meets any of the three: its currency
# is unknown, not the mainland's (a Taiwanese report's "營收182.45億元" against "新臺幣仟元" cells). A page's
# bare 元 stays the mainland's (unless written with a Traditional scale, below): a claim that names 新臺幣 is not met by it.
YUAN_CURRENCIES = frozenset({"CNY", "TWD", "HKD"})
_NAMED_YUAN = re.compile(r"人民[币幣]|RMB|CNY|[台臺][币幣]|NT|TWD|港|HK|澳|MOP|[¥￥]", re.I)


def bare_yuan(v: Value) -> bool:
    """An amount in 元 whose own text names no currency ("182.45億元", not "36.52億元人民幣")."""
    return v.kind == "money" and v.unit in YUAN_CURRENCIES and "元" in v.raw and _NAMED_YUAN.search(v.raw) is None


# ¥ with no cue around it is yen or yuan, never guessed (claims.values): a claim's "¥82bn" meets either
_YEN_OR_YUAN = frozenset({"JPY", "CNY"})
_YEN_SIGN = re.compile(r"[¥￥]")


def unknown_yen_or_yuan(v: Value) -> bool:
    """A ¥ amount whose text named neither the yen nor the yuan (its currency is unknown)."""
    return v.kind == "money" and v.unit is None and _YEN_SIGN.search(v.raw) is not None


# … but a page's bare 元 written in Traditional characters ("集資最多約19.4億元" on a Hong Kong site, "營收612.3億元" on a
# Taiwanese one) is the local dollar as often as the yuan: it meets a claim in Hong Kong or Taiwan dollars
_LOCAL_DOLLARS = frozenset({"HKD", "TWD"})
_TRADITIONAL_SCALE = re.compile(r"[億萬]")


def local_bare_yuan(v: Value) -> bool:
    """A page's bare 元 written with a Traditional scale (億, 萬): Hong Kong's or Taiwan's dollar as often as the yuan."""
    return bare_yuan(v) and _TRADITIONAL_SCALE.search(v.raw) is not None


def met_families(claimed: Value) -> frozenset[str]:
    """The unit families a claimed value is compared with: its own, for a bare 元 every yuan's, and for
    a ¥ of unknown currency the yen's and the yuan's."""
    own = unit_family(claimed)
    if bare_yuan(claimed):
        return YUAN_CURRENCIES | {own}
    if unknown_yen_or_yuan(claimed):
        return _YEN_OR_YUAN | {own}
    return frozenset({own})


def one_currency(claimed: Value, found: Value, text: str | None = None) -> bool:
    """Is a page figure of another unit family read in the claim's own: a yuan for a bare 元, a yen for an
    unknown ¥, or a Traditional page's bare 元 for a Hong Kong or Taiwan dollar ("19.4億元", "1兆1,082億元") —
    unless, read in its page ``text`` (its offsets are the text's), the words before it name the yuan?"""
    fam_a, fam_b = unit_family(claimed), unit_family(found)
    if fam_a == fam_b:
        return False
    if fam_b in met_families(claimed):
        return True
    return fam_a in _LOCAL_DOLLARS and local_bare_yuan(found) and not (text is not None and _yuan_named_before(text, found))


# the yuan named once before a list of amounts ("收入分別為人民幣4.51億元及8.64億元"): every amount of the list is in it
_YUAN_BEFORE = re.compile(r"(?:人民[币幣]|RMB|CNY)[^。；;，,]{0,30}\Z")
_BEFORE_CHARS = 40


# … or right after it, for it and what follows ("8.64億元（人民幣，下同）"), or for the rest of the text once said
_YUAN_AFTER = re.compile(r"\s*[（(]\s*(?:人民[币幣]|RMB|CNY)")
_YUAN_BELOW = re.compile(r"[（(]\s*(?:人民[币幣]|RMB|CNY)[，,、\s]*(?:下同|以下同)\s*[）)]")


def _yuan_named_before(text: str, found: Value) -> bool:
    """Do the words before a bare 元 name the yuan — or the parenthesis right after it, or one before it in the
    passage saying it holds for what follows ("（人民幣，下同）")?"""
    if _YUAN_BEFORE.search(text, max(0, found.start - _BEFORE_CHARS), found.start) is not None:
        return True
    if _YUAN_AFTER.match(text, found.end) is not None:
        return True
    return "下同" in text and _YUAN_BELOW.search(text, 0, found.end + 12) is not None


def compare_in_text(claimed: Value, found: Value, text: str) -> Comparison:
    """compare_values for a figure read in its page ``text`` (its offsets are the text's): a bare 元 the words
    before it give to the yuan meets no local dollar."""
    if one_currency(claimed, found) and not one_currency(claimed, found, text):
        return Comparison("incomparable", "currency")
    return compare_values(claimed, found)


def compare_values(claimed: Value, found: Value) -> Comparison:
    """Compare a claimed value with one found on a page (see the module docstring for the rules)."""
    fam_a, fam_b = unit_family(claimed), unit_family(found)
    if one_currency(claimed, found):
        # a bare 元 against Taiwan or Hong Kong dollars (HK$1.94 billion against a Hong Kong page's 19.4億元)
        return _compare_quantities(claimed, replace(found, unit=claimed.unit))
    if fam_a != fam_b:
        return Comparison("incomparable", f"unit:{fam_a}/{fam_b}")
    if fam_a == "date":
        return _compare_dates(claimed, found)
    if fam_a in {"version", "fact"}:
        same = normalise_version(str(claimed.value)) == normalise_version(str(found.value))
        return Comparison("agree", "exact") if same else Comparison("disagree", "different")
    compared = _compare_quantities(claimed, found)
    if {claimed.unit, found.unit} == {"percent", "pp"} and compared.agrees:
        return Comparison("disagree", "unit")  # "季增1.6%" against 季增1.6個百分點: a rate's change in percent, not points
    return compared
