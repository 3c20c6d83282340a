"""A first-character look-ahead for regexes that the engine cannot skip through quickly.

Python's ``re`` scans for a match start position by position; a pattern that opens with a
look-behind, ``\\b`` or an alternation of groups has no literal prefix, so the engine enters its
full matcher at every character. Prefixing the set of characters a match can begin with,
``(?=[…])``, gives it a character set to skip by instead (2-13x on the value patterns). The
look-ahead only asserts what every match already starts with, so it never changes what matches.

The set is read off the parsed pattern; anything this reader does not understand (back references,
scoped flags, a pattern that can match the empty string) leaves the pattern as it is.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["first_char_class", "with_first_chars"]


class _Unknown(Exception):
    """The first character of a match cannot be bounded by a class."""


_CATEGORIES = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s"}


def _char(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-]^\\" else "\\" + chr(code)


def _in_class(items: list[tuple[Any, Any]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(_char(av))
        elif op is c.RANGE:
            out.add(f"{_char(av[0])}-{_char(av[1])}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:  # NEGATE, negated categories, big charsets
            raise _Unknown
    return out


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """(class items a match of the sequence can start with, whether the sequence can match empty)."""
    found: set[str] = set()
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item gives the first character
        if op is c.LITERAL:
            found.add(_char(av))
            return found, False
        if op is c.IN:
            found |= _in_class(av)
            return found, False
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unknown
            first, empty = _first(sub.data)
        elif op is c.ATOMIC_GROUP:
            first, empty = _first(av.data)
        elif op is c.BRANCH:
            first, empty = set(), False
            for alternative in av[1]:
                f, e = _first(alternative.data)
                first |= f
                empty = empty or e
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            first, empty = _first(sub.data)
            empty = empty or low == 0
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, …
            raise _Unknown
        found |= first
        if not empty:
            return found, False
    return found, True


def first_char_class(pattern: re.Pattern[str]) -> str | None:
    """``[…]`` holding every character a match of ``pattern`` can start with, or None."""
    try:
        first, empty = _first(_parser.parse(pattern.pattern, pattern.flags).data)
    except _Unknown:
        return None
    if empty or not first:
        return None
    return "[" + "".join(sorted(first)) + "]"


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead on its first character (the same matches, found faster), or
    ``pattern`` itself when no class bounds that character or it opens with global inline flags."""
    cls = first_char_class(pattern)
    if cls is None or re.match(r"\(\?[aiLmsux]+\)", pattern.pattern):
        return pattern
    return re.compile(f"(?={cls})" + pattern.pattern, pattern.flags)
