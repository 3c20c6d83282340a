"""The text a report shows, in a view of the same length: markup of the formats it may be written in (an HTML
document's tags and character references, a comment
thread's site lines, an e-mail thread's headers, quoted lines and signatures, a BBS post's system lines, a forum
thread's floor numbers, quotes and signatures, a forum post's BBCode, a wiki article's source, LaTeX, subtitle cues
and a WebVTT meeting's voices, CSV rows) read as what it renders, so that offsets stay those of the report. The report's sections and its claims are read from the same view."""

from __future__ import annotations

from claims.bbcode import bbcode_view
from claims.comment_threads import comment_thread_view
from claims.csv_rows import csv_view
from claims.email_thread import email_view
from claims.forum_floors import floors_view
from claims.html_report import html_view
from claims.latex import latex_view
from claims.ptt import ptt_view
from claims.subtitles import srt_view, vtt_view
from claims.wikitext import wikitext_view

__all__ = ["document_view"]


def document_view(text: str) -> str:
    """``text`` with each format's markup read as the words it shows (each view leaves other formats alone)."""
    return csv_view(latex_view(srt_view(vtt_view(wikitext_view(bbcode_view(ptt_view(floors_view(comment_thread_view(email_view(html_view(text)))))))))))
