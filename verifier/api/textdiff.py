"""A readable inline diff of two texts for people (pure): word-level for Latin script,
character-level for Chinese (and other scripts without spaces), with changed figures flagged so
the page can emphasise them."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

__all__ = ["DiffPiece", "tokens", "inline_diff", "diff_stats"]

# a figure (digits with separators and decimals), a Latin word, whitespace, or one other character
# (each CJK character is its own token). Linear: no nested quantifiers.
_TOKEN = re.compile(r"\d[\d,.]*|[A-Za-z\u00C0-\u024F]+|\s+|.", re.S)
_FIGURE = re.compile(r"\d")
MAX_TOKENS = 60_000  # beyond this a page-sized diff falls back to lines (difflib is quadratic worst case)


@dataclass(frozen=True)
class DiffPiece:
    op: str  # "same" | "del" | "ins"
    text: str
    figure: bool = False  # a changed piece holding a digit


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _split(text: str) -> list[str]:
    toks = tokens(text)
    if len(toks) > MAX_TOKENS:
        return text.splitlines(keepends=True)
    return toks


def inline_diff(old: str, new: str) -> list[DiffPiece]:
    """Pieces that read as the new text with deletions and insertions marked inline."""
    a, b = _split(old), _split(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(DiffPiece("same", "".join(a[i1:i2])))
            continue
        if op in ("replace", "delete"):
            out += _changed("del", a[i1:i2])
        if op in ("replace", "insert"):
            out += _changed("ins", b[j1:j2])
    return _merge(out)


def _changed(op: str, toks: list[str]) -> list[DiffPiece]:
    """A changed run split so that only its figures are flagged (the words around stay plain)."""
    pieces: list[DiffPiece] = []
    for tok in toks:
        fig = bool(_FIGURE.search(tok))
        if pieces and pieces[-1].figure == fig:
            pieces[-1] = DiffPiece(op, pieces[-1].text + tok, fig)
        else:
            pieces.append(DiffPiece(op, tok, fig))
    return pieces


def _merge(pieces: list[DiffPiece]) -> list[DiffPiece]:
    merged: list[DiffPiece] = []
    for p in pieces:
        if not p.text:
            continue
        if merged and merged[-1].op == p.op and merged[-1].figure == p.figure:
            merged[-1] = DiffPiece(p.op, merged[-1].text + p.text, p.figure)
        else:
            merged.append(p)
    return merged


def diff_stats(pieces: list[DiffPiece]) -> dict[str, int]:
    """How many pieces were deleted / inserted, and how many of them hold figures."""
    return {
        "deleted": sum(p.op == "del" for p in pieces),
        "inserted": sum(p.op == "ins" for p in pieces),
        "figures": sum(p.figure for p in pieces if p.op != "same"),
    }
