"""A section beside the main text: trafilatura reads one container of an article and stops.

A notice with its policy Q&A, a report with an attached explainer: the article element holds the body
container and, right after it, a second block of its own — a heading and paragraphs, hardly any links.
trafilatura takes the first container and drops that sibling; ``sections_beside`` finds the body's
container in the page (the deepest element holding the paragraphs trafilatura kept) and reads the
sibling blocks that follow it inside the same ``article``/``main``, while they look like such sections.
On trafilatura's 990 evaluation pages it reads nothing (the only candidates were a comment form and a
newsletter box, excluded by their form); on the devset it reads p27's policy Q&A.
Pure: an lxml tree and trafilatura's body in, (kind, text) pairs out.
"""

from __future__ import annotations

from typing import Any

from verifier.passages import normalise_text

__all__ = ["sections_beside"]

_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
MIN_PARAGRAPHS = 2
MAX_LINK_SHARE = 0.2  # of a section's text that sits in links
_MAX_MATCHED = 200  # paragraphs matched to find the container: enough to place it, bounded work


def _text(el: Any) -> str:
    return normalise_text(" ".join(el.itertext()))


def _container(tree: Any, body: Any) -> Any | None:
    """The deepest page element holding every paragraph trafilatura kept (None if under two match)."""
    kept = {t for p in body.iter("p") if (t := _text(p))}
    matched = [p for p in tree.iter("p") if _text(p) in kept][:_MAX_MATCHED]
    if len(matched) < MIN_PARAGRAPHS:
        return None
    common = list(matched[0].iterancestors())
    for p in matched[1:]:
        ancestors = set(p.iterancestors())
        common = [a for a in common if a in ancestors]
    return common[0] if common else None


_FORM_TAGS = ("form", "input", "textarea", "select", "button")


def _is_section(el: Any, kept: str) -> bool:
    """A heading first, at least two paragraphs, little link text, no form (a comment or newsletter
    box is filled in, not read), not already read."""
    children = [c for c in el if isinstance(c.tag, str)]
    if el.tag not in ("div", "section") or not children or children[0].tag not in _HEADINGS:
        return False
    if len(el.findall(".//p")) < MIN_PARAGRAPHS or next(el.iter(*_FORM_TAGS), None) is not None:
        return False
    text = _text(el)
    links = sum(len(_text(a)) for a in el.iter("a"))
    first = _text(children[1]) if len(children) > 1 else text
    return bool(text) and links <= MAX_LINK_SHARE * len(text) and first not in kept


def sections_beside(tree: Any, body: Any) -> list[tuple[str, str]]:
    """Headings and paragraphs of the sections right after the body's container (module docstring)."""
    container = _container(tree, body)
    if container is None or container.tag in ("article", "main", "body", "html"):
        return []
    if not any(a.tag in ("article", "main") for a in container.iterancestors()):
        return []
    kept = _text(body)
    out: list[tuple[str, str]] = []
    for sibling in container.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if not _is_section(sibling, kept):
            break
        out += [(el.tag, t) for el in sibling.iter(*_HEADINGS, "p", "li") if (t := _text(el))]
    return out
