"""Is a 200 page the article, or a page standing in its place? Pure: title and main text in, a state out.

- ``soft_404``: the title, or the opening of a short main text, says the page was not found;
- ``paywall``: a subscribe / sign-in wall comes after only a teaser (little text before it);
- ``consent``: passages with a cookie or consent cue are most of a short main text;
- ``empty``: no main text at all; otherwise ``ok``.

Such a page is kept as a snapshot (the desk sees it, with its state) but is no evidence. The cue
phrases — English, Chinese (Simplified and Traditional), German, French, Spanish, Portuguese,
Italian and Japanese — live in ``page_states.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from verifier.passages import Passage

__all__ = ["PAGE_STATES", "NOT_EVIDENCE", "page_state", "cues"]

PAGE_STATES = ("ok", "soft_404", "paywall", "consent", "empty", "unsupported")
NOT_EVIDENCE = frozenset({"soft_404", "paywall", "consent"})  # source states whose pages are not read

SOFT_404_BODY_CHARS = 2000  # a not-found page's own text is short (its "trending" lists aside)
SOFT_404_OPENING_CHARS = 300  # where the body must say "not found" when the title does not
TEASER_CHARS = 1200  # the most article text a paywall shows before its wall
CONSENT_BODY_CHARS = 1500
CONSENT_OPENING_CHARS = 500
CONSENT_SHARE = 0.5  # the passages with a cookie cue are at least this share of the body: a wall, not a
# short article that kept its cookie banner


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[str, ...]]:
    """state → its cue phrases (lower-case)."""
    out: dict[str, list[str]] = {}
    text = resources.files("verifier.reading").joinpath("page_states.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        state, phrase = line.split("\t", 1)
        out.setdefault(state.strip(), []).append(phrase.strip().lower())
    return {k: tuple(v) for k, v in out.items()}


def _first(text: str, phrases: Sequence[str]) -> int:
    """Offset of the earliest cue in ``text`` (lower-case), or -1."""
    hits = [at for p in phrases if (at := text.find(p)) >= 0]
    return min(hits) if hits else -1


SOFT_404_LINE_CHARS = 80  # a not-found message stands alone on a short line (in columns: a Chinese
# character is two), not inside a long sentence


def _first_alone(text: str, phrases: Sequence[str]) -> int:
    """Offset of the earliest cue standing in a short line of ``text``, or -1: "页面不存在" as a page's
    message, not "保证本公告内容不存在任何虚假记载" in a listed company's standard declaration."""
    hits = []
    for p in phrases:
        at = text.find(p)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            line = text[start : len(text) if end < 0 else end]
            if len(line) + sum(ch >= "\u2e80" for ch in line) <= SOFT_404_LINE_CHARS:  # a wide character counts twice
                hits.append(at)
                break
            at = text.find(p, at + 1)
    return min(hits) if hits else -1


def page_state(title: str, text: str, passages: Sequence[Passage]) -> str:
    """The state of a page read as ``title`` + ``text`` (see the module docstring)."""
    body_start = passages[0].end + 1 if passages and passages[0].kind == "title" else 0
    body = text[body_start:].lower()
    if not body.strip():
        return "empty"
    c = cues()
    head = title.lower()
    soft = c.get("soft_404", ())
    if len(body) < SOFT_404_BODY_CHARS and (
        _first(head, soft) >= 0 or head.startswith("404") or 0 <= _first_alone(body, soft) < SOFT_404_OPENING_CHARS
    ):
        return "soft_404"
    wall = _first(body, c.get("paywall", ()))
    if 0 <= wall < TEASER_CHARS:
        return "paywall"
    consent = c.get("consent", ())
    if len(body) < CONSENT_BODY_CHARS and 0 <= _first(body, consent) < CONSENT_OPENING_CHARS:
        walled = sum(p.end - p.start for p in passages if _first(text[p.start : p.end].lower(), consent) >= 0)
        if not passages or walled >= CONSENT_SHARE * len(body.strip()):
            return "consent"
    return "ok"
