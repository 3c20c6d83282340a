"""English numbers written in words: "one hundred and forty-two", "two point two million", "half a million".

``number_words(text)`` yields every run of number words as ``(start, end, value, words)``; runs that
cannot be one number ("one two three") are split where a smaller figure cannot follow ("three
twenty seven" → 3, 27). Pure and linear: one regex finds the runs, a small fold reads each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["number_words", "WORD_VALUES"]

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
WORD_VALUES: dict[str, float] = {**_UNITS, **_TEENS, **_TENS, **_SCALES}

_SMALL = "|".join(sorted([*_UNITS, *_TEENS, *_TENS], key=len, reverse=True))
_SCALE = "dozen|hundred|thousand|million|billion|trillion"
# a run: a number word (or "a"/"an"/"half a" before a scale), then more number words joined by spaces,
# hyphens or "and", with "point" and digits after it; plural scales ("three billions") only inside a run.
# The first-letter lookahead lets the scan skip most positions cheaply.
_RUN = re.compile(
    rf"(?=[abefhmnostzABEFHMNOSTZ])(?<![\w-])(?:(?P<half>half\s+an?\s+)|(?P<a>an?\s+))?"
    rf"(?P<body>(?:{_SMALL}|{_SCALE})(?:(?:\s+and\s+|[\s-]+)(?:(?:{_SMALL})|(?:{_SCALE})s?|point))*)(?![\w-])",
    re.I,
)
# the same pattern without re.I, for the lower-cased text (its letters are written in lower case, its
# classes in both): str.lower() keeps offsets and character classes, and turns a letter into an ASCII
# one exactly where re.I reads one as it, but for these three (the Kelvin sign lowers to k itself)
_RUN_LOWER = re.compile(_RUN.pattern, _RUN.flags & ~re.IGNORECASE)
_LOWER_MISREADS = ("\u0130", "\u0131", "\u017f")
_AFTER_DIGITS = re.compile(r"\d\s*$")
_TOKEN = re.compile(rf"{_SMALL}|(?:{_SCALE})s?|point", re.I)


def _fold(tokens: list[str]) -> list[tuple[int, int, float]]:
    """Read tokens into numbers: (first token, last token, value); a new number starts where a word
    cannot continue the one before (a unit after a unit, a ten after a ten…)."""
    out: list[tuple[int, int, float]] = []
    total = current = 0.0
    last = ""  # kind of the last token: unit, teen, tens, hundred, scale, point
    top_scale = 0.0
    first = 0
    decimals: str | None = None

    def emit(end: int) -> None:
        value = total + current
        if decimals:
            value = float(f"{int(value)}.{decimals}") if value == int(value) else value
        out.append((first, end, value))

    for i, raw in enumerate(tokens):
        word = raw.lower()
        base = word[:-1] if word.endswith("s") and word[:-1] in _SCALES else word
        if decimals is not None:
            if word in _UNITS:
                decimals += str(_UNITS[word])
                continue
            if base in _SCALES and base != "hundred" and decimals:
                scale = _SCALES[base]
                value = float(f"{int(total + current)}.{decimals}") * scale
                total, current, decimals, last, top_scale = value, 0.0, None, "scale", scale
                continue
            emit(i - 1)
            total = current = 0.0
            decimals, first, last, top_scale = None, i, "", 0.0
        if word == "point":
            if last in ("", "point"):
                first = i + 1
                continue
            decimals = ""
            last = "point"
            continue
        if base in _SCALES:
            scale = _SCALES[base]
            if base == "hundred":
                if last in ("hundred",) or current % 100 != 0 and current >= 100:
                    emit(i - 1)
                    total, current, first, top_scale = 0.0, 0.0, i, 0.0
                current = (current or 1) * 100
                last = "hundred"
                continue
            if current == 0 and total and scale > top_scale:  # "two thousand million"
                total *= scale
            elif top_scale and scale >= top_scale and current:  # "one million two million": two numbers
                emit(i - 2)
                total, current, first = 0.0, current, i - 1
                total += current * scale
                current = 0.0
            else:
                total += (current or 1) * scale
                current = 0.0
            top_scale = max(top_scale, scale)
            last = "scale"
            continue
        kind = "unit" if word in _UNITS else "teen" if word in _TEENS else "tens"
        value = WORD_VALUES[word]
        fits = (
            last in ("", "hundred", "scale")
            or (last == "tens" and kind == "unit" and current % 10 == 0)
        ) and not (last == "hundred" and current % 100 != 0)
        if last and not fits:
            emit(i - 1)
            total, current, first, top_scale = 0.0, 0.0, i, 0.0
        current += value
        last = kind
    if decimals is not None and not decimals:
        decimals = None  # "twenty point": the point is prose
    if last and last != "point" or decimals:
        emit(len(tokens) - 1)
    return out


# the letters re.I reads as ASCII ones (ſ as s, ı and İ as i, the Kelvin sign as k): looked up as those
_ASCII_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"})


def number_words(text: str) -> Iterator[tuple[int, int, float, int]]:
    """(start, end, value, number of words) of every English number written in words."""
    runs = _RUN.finditer(text) if any(ch in text for ch in _LOWER_MISREADS) else _RUN_LOWER.finditer(text.lower())
    for m in runs:  # (only spans and whether a group took part are read off a match)
        body_start = m.start("body")
        tokens = list(_TOKEN.finditer(text, body_start, m.end("body")))
        lead_a = m.group("a") is not None or m.group("half") is not None
        if not lead_a and tokens[0].group(0).translate(_ASCII_FOLD).lower().rstrip("s") in _SCALES and _AFTER_DIGITS.search(text, max(0, body_start - 12), body_start):
            tokens = tokens[1:]  # "$4.1 billion three months": the scale belongs to the figure before
            if not tokens:
                continue
        words = [t.group(0).translate(_ASCII_FOLD) for t in tokens]  # ("ſeven" matched as "seven" under re.I)
        for k, (i, j, value) in enumerate(_fold(words)):
            start, end = tokens[i].start(), tokens[j].end()
            n_words = j - i + 1
            bare_scale = n_words == 1 and words[i].lower().rstrip("s") in _SCALES
            if k == 0 and lead_a:
                if words[i].lower().rstrip("s") not in _SCALES or i != 0:
                    pass  # "a" belongs to the prose: "a two-step plan"
                else:
                    start = m.start()
                    if m.group("half"):
                        value /= 2
                    n_words += 1
                    bare_scale = False
            if bare_scale:
                continue  # "per million tokens", "thousand-year": a scale word alone is no number
            yield start, end, value, n_words
