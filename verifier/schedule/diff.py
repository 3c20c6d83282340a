"""The passage diff shown to a reviewer when a source under a reviewed claim changes (pure)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rapidfuzz import fuzz

__all__ = ["PassageDiff", "locate_passage", "passage_diff"]

MIN_LOCATE_SCORE = 50.0  # below this the old passage has no counterpart in the new page


@dataclass(frozen=True)
class PassageDiff:
    old: str
    new: str  # "" when the passage is gone from the new page
    unified: str  # a unified diff of old → new, word per line
    score: float  # how closely the new page still carries the old passage (0–100)

    def as_dict(self) -> dict[str, object]:
        return {"old": self.old, "new": self.new, "diff": self.unified, "score": round(self.score, 1)}


def locate_passage(passage: str, text: str) -> tuple[str, float]:
    """The stretch of ``text`` most like ``passage`` and its score; ("", score) when none is close."""
    if not passage or not text:
        return "", 0.0
    found = fuzz.partial_ratio_alignment(passage, text)
    if found is None or found.score < MIN_LOCATE_SCORE:
        return "", float(found.score if found else 0.0)
    if found.src_start == 0 and found.src_end == len(passage):  # passage shorter: dest is the match
        start, end = found.dest_start, found.dest_end
    else:  # text shorter than the passage: it is all there is
        start, end = 0, len(text)
    return text[start:end], float(found.score)


def passage_diff(old_passage: str, new_text: str, new_passage: str | None = None) -> PassageDiff:
    """Diff the passage a reviewer saw against the new page.

    ``new_passage`` is the evidence the machine found in the new snapshot, when it found one;
    otherwise the old passage is located in ``new_text`` by fuzzy alignment.
    """
    if new_passage:
        new, score = new_passage, float(fuzz.ratio(old_passage, new_passage))
    else:
        new, score = locate_passage(old_passage, new_text)
    unified = "\n".join(
        difflib.unified_diff(old_passage.split(), new.split(), "reviewed", "now", lineterm="", n=3)
    )
    return PassageDiff(old=old_passage, new=new, unified=unified, score=score)
