"""YAML front matter bombs (issue 11, item 5): refused quickly with a clear error."""

from __future__ import annotations

import time

import pytest

from claims.errors import ReportError
from claims.report import parse_report

BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
# Title

Revenue was $5 million.
"""


@pytest.mark.parametrize(
    "text, words",
    [
        (BOMB, "anchors or aliases"),
        ("---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n# T\n\nbody\n", "nested deeper"),
        ("---\nx: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n---\n# T\n\nbody\n", "nested deeper"),
        ("---\nx: '" + "y" * 100_000 + "'\n---\n# T\n\nbody\n", "at most"),
    ],
)
def test_hostile_front_matter_is_refused_fast(text: str, words: str) -> None:
    t = time.monotonic()
    with pytest.raises(ReportError, match=words):
        parse_report(text, "r.md")
    assert time.monotonic() - t < 2.0


def test_ordinary_front_matter_still_reads() -> None:
    rep = parse_report("---\ntitle: Weekly\ndate: 2026-01-05\ntags: [a, b]\n---\n# Weekly\n\nSales rose 5%.\n", "r.md")
    assert rep.title == "Weekly" or rep.meta.get("title") == "Weekly"  # type: ignore[attr-defined]
