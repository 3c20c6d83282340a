"""An e-mail thread exported as plain text, read as the messages it holds, in a view of the same length.

Such a file holds several messages, each opening on a header block (``From:`` then ``To:`` / ``Date:`` /
``Subject:`` lines), a forwarded message under its own marker (``---------- Forwarded message ---------``) and
header block. A reply quotes earlier messages under an attribution (``On Mon, 28 Dec 2026 at 09:14, Priya … wrote:``)
in ``>`` lines, and a signature follows a ``-- `` line. The view blanks the header fields but the subject (who
wrote when is no claim), the attributions, the addresses in quoted lines (they are the quoted message's links,
not the replier's; the quoted words stay, a reply may ask about them) and the signatures; each message, a
forwarded one too, is a stretch of its own (``message_spans``), citing only the addresses its own text holds.
The thread is dated by its latest message (``sent_dates``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from claims.citations import url_spans
from claims.sections import cut_at
from claims.textnorm import blank_span

__all__ = ["is_email_thread", "email_view", "message_spans", "sent_dates"]

_FROM = re.compile(r"^[ \t]*(?:From|发件人|發件人|寄件者|寄件人)[ \t]*[：:][^\n]*$", re.M | re.I)
_FIELD = re.compile(
    r"^[ \t]*(?:From|To|Cc|Bcc|Date|Sent|Reply-To|发件人|發件人|收件人|抄送|日期|发送时间|發送時間|寄件者|寄件人|收件者|副本)"
    r"[ \t]*[：:][^\n]*$",
    re.M | re.I,
)
_FORWARD = re.compile(
    r"^[ \t]*(?:-{3,}[ \t]*(?:Forwarded message|Original Message|转发的邮件|轉寄的郵件|原始邮件|原始郵件)[ \t]*-*"
    r"|Begin forwarded message:)[ \t]*$",
    re.M | re.I,
)
_QUOTED = re.compile(r"^[ \t]*>[^\n]*$", re.M)
_ATTRIBUTION = re.compile(r"^[ \t]*On [^\n]{5,200}\bwrote:[ \t]*$|^[^\n]{0,160}(?:写道|寫道)[：:][ \t]*$", re.M)
_SIGNATURE = re.compile(r"^-- ?$", re.M)
# a reply's attribution without its date ("Priya Raman wrote:", "Priya Raman <p@x.example> wrote:") over the lines it quotes
_BARE_ATTRIBUTION = re.compile(r"^[ \t]*[^\s>][^\n>]{0,100}?\bwrote:[ \t]*\n(?=[ \t]*>)", re.M)
# a mailing-list digest's chrome: each message's number over its header block ("Message: 3"), the list's notice
# opening the digest ("Send AI-Infra mailing list submissions to" … its table of contents, to the first rule line)
# and its footer (a rule of underscores, "AI-Infra mailing list", the list's address and its listinfo page)
_DIGEST_NUMBER = re.compile(r"^[ \t]*Message:[ \t]*\d{1,4}[ \t]*$", re.M)
_DIGEST_NOTICE = re.compile(r"^Send [^\n]{1,80} mailing list submissions to[ \t]*$", re.M)
_RULE = re.compile(r"^[ \t]*-{20,}[ \t]*$", re.M)
_NOTICE_CHARS = 6000  # the longest notice and table of contents read as one
_LIST_FOOTER = re.compile(r"^_{20,}[ \t]*\n[^\n]{1,80} mailing list[ \t]*\n(?:[^\n]{1,200}\n){0,3}", re.M)
# where a signature ends: the next message, a forwarded one, or a rule line between messages
_MESSAGE_EDGE = re.compile(_FROM.pattern + "|" + _FORWARD.pattern + r"|^[ \t]*[=_\-─━]{10,}[ \t]*$", re.M | re.I)
_HEADER_LINES = 5  # a From line and the other fields of its block: within this many lines


def _header_starts(text: str) -> list[int]:
    """Where each header block opens: a From line with another field among the lines right under it."""
    starts = []
    for m in _FROM.finditer(text):
        below = text[m.end() : m.end() + 400].split("\n", _HEADER_LINES + 1)[1 : _HEADER_LINES + 1]
        if any(_FIELD.match(line) or line.lstrip().lower().startswith(("subject", "主题", "主題", "主旨")) for line in below):
            starts.append(m.start())
    return starts


@lru_cache(maxsize=16)
def is_email_thread(text: str) -> bool:
    """Does ``text`` hold two messages or more, each opening on a header block?"""
    return ("From" in text or "件人" in text or "寄件" in text) and len(_header_starts(text)) >= 2


@lru_cache(maxsize=16)
def email_view(text: str) -> str:
    """``text`` as its messages read (``text`` itself when it is no e-mail thread). Cached: a report is parsed, then
    its claims are read, from the same view."""
    if not is_email_thread(text):
        return text
    chars = list(text)
    for pattern in (_FIELD, _ATTRIBUTION, _BARE_ATTRIBUTION, _DIGEST_NUMBER, _LIST_FOOTER):
        for m in pattern.finditer(text):
            blank_span(chars, m.start(), m.end())
    if (notice := _DIGEST_NOTICE.search(text)) is not None:
        rule = _RULE.search(text, notice.end(), notice.end() + _NOTICE_CHARS)
        if rule is not None:
            blank_span(chars, notice.start(), rule.start())
    for m in _QUOTED.finditer(text):
        for a, b in url_spans(m.group()):
            blank_span(chars, m.start() + a, m.start() + b)
    edges = [m.start() for m in _MESSAGE_EDGE.finditer(text)]
    blanked = 0  # (signatures one under another blank one stretch once: linear however many there are)
    for m in _SIGNATURE.finditer(text):
        if m.start() < blanked:
            continue
        i = bisect.bisect_left(edges, m.end())
        blanked = edges[i] if i < len(edges) else len(text)
        blank_span(chars, m.start(), blanked)
    return "".join(chars)


@lru_cache(maxsize=16)
def _message_starts(text: str) -> tuple[int, ...]:
    starts = set(_header_starts(text))
    for m in _FORWARD.finditer(text):
        # a forwarded message opens on its marker, its header block right under it
        starts = {s for s in starts if not (m.end() <= s <= m.end() + 2)} | {m.start()}
    return tuple(sorted(starts))


def message_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The messages of a section ``text[start:end]`` of an e-mail thread, each its own stretch (the text before
    the first kept as its own), or [] when it holds none or one opening at its start."""
    if not is_email_thread(text):
        return []
    starts = [s for s in _message_starts(text) if start < s < end]
    return cut_at(text, start, end, starts) if starts else []


_SENT = re.compile(r"^[ \t]*(?:Date|Sent|日期|发送时间|發送時間)[ \t]*[：:][ \t]*(?P<when>[^\n]+)$", re.M | re.I)


def sent_dates(text: str) -> list[str]:
    """The ``Date:`` / ``Sent:`` fields of the thread's header blocks, as written."""
    return [m.group("when") for m in _SENT.finditer(text)] if is_email_thread(text) else []
