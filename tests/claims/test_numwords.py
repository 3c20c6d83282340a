"""English numbers in words (claims/numwords.py): every integer spelled the way English writes it reads back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.numwords import number_words

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")]


def _below_thousand(n: int, british: bool) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        if hundreds and british:
            words.append("and")
        words.append(_ONES[rest] if rest < 20 else _TENS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
    return " ".join(words)


def spell(n: int, british: bool = False) -> str:
    """A writer's spelling of ``n`` (1 ≤ n < 10¹⁵): "one hundred and forty-two", "two million three"."""
    parts = []
    for size, name in _SCALES:
        if n >= size:
            parts.append(f"{_below_thousand(n // size, british)} {name}")
            n %= size
    if n:
        parts.append(_below_thousand(n, british))
    return " ".join(parts)


@given(st.integers(min_value=2, max_value=10**15 - 1), st.booleans())
def test_spelled_integers_read_back(n: int, british: bool) -> None:
    words = spell(n, british)
    found = list(number_words(f"about {words} people"))
    assert len(found) == 1 and round(found[0][2]) == n, (words, found)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("two point two million", [2.2e6]),
        ("half a million", [5e5]),
        ("a thousand", [1e3]),
        ("three twenty seven", [3, 27]),
        ("one, two, three", [1, 2, 3]),
        ("two thousand million", [2e9]),
        ("per million tokens", []),
        ("$4.1 billion three months earlier", [3]),
        ("a two-step plan", []),
        ("twenty-five-year-old", []),
    ],
)
def test_runs_of_number_words(text: str, values: list[float]) -> None:
    assert [v for _, _, v, _ in number_words(text)] == pytest.approx(values)


def test_letters_that_case_folding_reads_as_ascii_do_not_break_the_reader() -> None:
    """re.I matches "ſeven" and "sıx" as number words; reading them looks them up as seven and six
    (they raised KeyError when called on raw text, before parse_values' normalisation)."""
    from claims.numwords import number_words

    assert [v for _s, _e, v, _n in number_words("ſeven hundred")] == [700.0]
    assert [v for _s, _e, v, _n in number_words("sıx hundred")] == [600.0]
