"""A subtitle file (SubRip ``.srt``, or WebVTT cues) read as the speech it carries, in a view of the same length.

A video bulletin's subtitles cut its sentences into cues: a number, a time range ("00:00:13,100 -->
00:00:18,800") and one or two short lines, so that "深衡智能12月10日发布" and "新一代基座模型衡言-4" stand in two
cues. The view blanks each cue's number and time range and runs the lines of consecutive cues into one line
(a line break is a space): the sentence reads whole, as it was spoken. A cue that only marks a story
("【第一条】", "【编者按】") stays a line of its own between blank lines, the title of the cues after it. What
follows the last cue (the video's description, its list of links) is left as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.textnorm import blank_span

__all__ = ["is_subtitles", "srt_view"]

# a cue's head: its number on a line of its own, then its time range
_CUE_HEAD = re.compile(
    r"^[ \t]*\d{1,5}[ \t]*\n[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}[ \t]*-->[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}[^\n]*\n",
    re.M,
)
_MIN_CUES = 3
# a cue that only marks where a story starts: 【第三条】, 【编者按】
_MARKER = re.compile(r"【[^】\n]{1,20}】")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def is_subtitles(text: str) -> bool:
    """Does ``text`` hold three subtitle cues or more (a number line over a time range)?"""
    return "-->" in text and len(_CUE_HEAD.findall(text)) >= _MIN_CUES


@lru_cache(maxsize=16)
def srt_view(text: str) -> str:
    """``text`` with its cues' numbers and time ranges blanked and each sentence that runs across cues joined into
    one line (``text`` itself when it holds fewer than three cues). Cached: a report is parsed, then its claims are
    read, from the same view."""
    if "-->" not in text:
        return text
    heads = list(_CUE_HEAD.finditer(text))
    if len(heads) < _MIN_CUES:
        return text
    chars = list(text)
    cues: list[tuple[int, int]] = []  # where each cue's own lines start and end
    for k, head in enumerate(heads):
        blank_span(chars, head.start(), head.end())
        nxt = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        blank = _BLANK_LINE.search(text, head.end(), nxt)
        cues.append((head.end(), blank.start() if blank is not None else nxt))
    for k, (start, end) in enumerate(cues):
        if _MARKER.fullmatch(text[start:end].strip()):
            continue  # a story's title: a line of its own, the blank lines around it kept
        # a break inside the cue where no sentence ends is a space; so is the way to the next cue when the
        # cue's last sentence goes on in it
        breaks = [i for i in range(start, end) if text[i] == "\n" and _goes_on(text, i)]
        if k + 1 < len(cues) and not _MARKER.fullmatch(text[slice(*cues[k + 1])].strip()) and _goes_on(text, end):
            breaks += [i for i in range(end, cues[k + 1][0]) if text[i] == "\n"]
        for i in breaks:
            chars[i] = " "
    return "".join(chars)


# what ends a sentence at a line's end (a closing quote after it aside)
_ENDS_SENTENCE = re.compile(r"[。！？!?.…][”’\"')）]?[ \t]*$")


def _goes_on(text: str, brk: int) -> bool:
    """Does the line ending at ``brk`` go on past it: no sentence ends there, and it is no source line?"""
    line = text[text.rfind("\n", 0, brk) + 1 : brk]
    return bool(line.strip()) and _ENDS_SENTENCE.search(line) is None and "://" not in line
