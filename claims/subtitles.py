"""A subtitle file (SubRip ``.srt``, or WebVTT cues) read as the speech it carries, in a view of the same length.

A WebVTT transcript of a meeting (a ``WEBVTT`` first line, cues voiced ``<v Priya Natarajan>…</v>``) is read as
its speakers' turns (``vtt_view``): each run of one voice's cues is one line opening on its first cue's start time
and the speaker's name ("00:00:31 … Aiko Brennan: Sure. …"), as a chat export's message opens, so that each turn
cites only the links said in it.

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

__all__ = ["is_subtitles", "srt_view", "vtt_view"]

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


_WEBVTT = re.compile(r"\A\ufeff?WEBVTT[^\n]*\n")
# a WebVTT cue: an optional id line, its timing line, then its text up to a blank line
_VTT_CUE = re.compile(
    r"^(?:(?P<id>[ \t]*\S[^\n]*)\n)??(?P<start>(?:\d{1,2}:)?\d{2}:\d{2})\.\d{3}[ \t]+-->[^\n]*\n"
    r"(?P<body>(?:[ \t]*\S[^\n]*(?:\n|\Z))+)",
    re.M,
)
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?[ \t]+(?P<who>[^>\n]{1,60})>")
_VOICE_END = re.compile(r"</v>")
# a link said in the meeting ("(link in chat: https://…)", "(here: https://…)"): its words say where, not what
_LINK_ASIDE = re.compile(
    r"\((?P<words>(?:link|links|source|here|details|release)(?:[ \t]+(?:is|are))?(?:[ \t]+in[ \t]+(?:the[ \t]+)?chat)?[ \t]*[:：]?[ \t]*)"
    r"(?P<url>https?://[^\s)]+)[ \t]*\)",
    re.I,
)


@lru_cache(maxsize=16)
def vtt_view(text: str) -> str:
    """``text`` (a WebVTT transcript with voiced cues) read as its speakers' turns, one character for one: the
    header, cue ids and timing lines blank but each turn's first start time, a voice tag its speaker's name and a
    colon where the turn opens and blank where it goes on, the cues of one turn run into one line. Other texts are
    returned as they are."""
    if not _WEBVTT.match(text) or "<v" not in text:
        return text
    chars = list(text)
    header = _WEBVTT.match(text)
    assert header is not None
    blank_end = text.find("\n\n", header.start())
    blank_span(chars, 0, blank_end if blank_end >= 0 else header.end())
    speaker: str | None = None
    previous_end = -1  # where the last cue's text ends
    for cue in _VTT_CUE.finditer(text, header.end()):
        voice = _VOICE.match(text, cue.start("body"))
        who = voice.group("who").strip() if voice else None
        opens = who is None or who != speaker
        head_start = cue.start("id") if cue.group("id") is not None else cue.start("start")
        blank_span(chars, head_start, cue.start("body"))
        if opens and voice is not None and who is not None:
            # the turn's start time, bracketed as a chat message's stamp: its speaker is who says it, never
            # whom it speaks of (a bare media time would keep the name as the words of a chapter's topic)
            stamp = f"[{cue.group('start')}]"
            chars[cue.start("start") : cue.start("start") + len(stamp)] = stamp
            chars[cue.start("body") - 1] = " "  # (the stamp and the turn's first words on one line)
            label, tag = f"{who}:", voice.end() - voice.start()
            if len(label) <= tag:
                chars[voice.start() : voice.end()] = label + " " * (tag - len(label))
            else:
                blank_span(chars, voice.start(), voice.end())
        else:
            if voice is not None:
                blank_span(chars, voice.start(), voice.end())
            if who is not None and previous_end >= 0:
                for i in range(previous_end, cue.start("body")):  # (the turn goes on: one line)
                    if chars[i] == "\n":
                        chars[i] = " "
        for end_tag in _VOICE_END.finditer(text, cue.start("body"), cue.end("body")):
            blank_span(chars, end_tag.start(), end_tag.end())
        for aside in _LINK_ASIDE.finditer(text, cue.start("body"), cue.end("body")):
            blank_span(chars, aside.start(), aside.start("url"))
            blank_span(chars, aside.end("url"), aside.end())
        # the lines inside a cue are one line of its turn
        for i in range(cue.start("body"), cue.end("body") - 1):
            if chars[i] == "\n":
                chars[i] = " "
        speaker = who
        previous_end = cue.end("body") - 1 if text[cue.end("body") - 1 : cue.end("body")] == "\n" else cue.end("body")
    view = "".join(chars)
    assert len(view) == len(text)
    return view
