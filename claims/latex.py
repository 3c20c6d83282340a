"""A LaTeX source read as the prose it typesets, in a view of the same length (offsets stay the source's).

A report sent as a ``.tex`` file writes its figures with escapes and ties (``NT\\$84.26~billion``, ``37\\%``),
its sections as commands (``\\section{Models}``), its bullets as ``\\item``, its tables as ``a & b \\\\`` rows
and its sources as ``\\href{url}{label}``, ``\\url{url}`` or a ``\\footnote{…}``. The view writes each as the
plain text the readers already know, one character for one: a heading line ``#        Models``, a bullet
``-    ``, a table row ``| a | b |``, ``NT$84.26 billion``; comments, the preamble and layout commands
become blanks, and a footnote keeps only its address (its date and publisher are no claim).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from claims.textnorm import blanked as _blank

__all__ = ["is_latex", "latex_view"]

_DOCUMENT = re.compile(r"\\documentclass\b|\\begin\{document\}")
_SECTIONING = re.compile(r"^[ \t]*\\(?:sub){0,2}section\*?\{", re.M)


def is_latex(text: str) -> bool:
    """Is ``text`` a LaTeX source: a document class or body, or two sectioning commands?"""
    head = text[:20000]
    if "\\" not in head:
        return False
    return _DOCUMENT.search(head) is not None or len(_SECTIONING.findall(head)) >= 2


def _sub(pattern: re.Pattern[str], text: str, repl: Callable[[re.Match[str]], str]) -> str:
    def same_length(m: re.Match[str]) -> str:
        out = repl(m)
        assert len(out) == len(m.group(0)), (m.group(0), out)
        return out

    return pattern.sub(same_length, text)


_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_BEGIN_DOCUMENT = re.compile(r"\\begin\{document\}")
_PREAMBLE_KEEP = re.compile(r"^[ \t]*\\(title|date)\{(.*)\}[ \t]*$", re.M)
_MATH = re.compile(r"(?<!\\)\$([^$\n]{1,40}?)(?<!\\)\$")
_TIMES = re.compile(r"\s*(\d+(?:\.\d+)?)\s*\\times\s*")
_ESCAPED_DOLLAR = re.compile(r"(?:\b([A-Z]{1,3}))?\\\$")
_ESCAPED_PERCENT = re.compile(r"(\d[\d,.]*)\\%")
_ESCAPED_OTHER = re.compile(r"\\([&_#{}])")
_SECTION = re.compile(r"^([ \t]*)\\(section|subsection|subsubsection|paragraph)\*?\{([^\n]*)\}([ \t]*)$", re.M)
_DEPTH = {"section": 1, "subsection": 2, "subsubsection": 3, "paragraph": 4}
_ITEM = re.compile(r"\\item\b(?:\[[^\]\n]*\])?")
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{[^}\n]*\}(?:\[[^\]\n]*\])?(?:\{[^}\n]*\})?")
_REFERENCE = re.compile(r"\\(?:label|ref|cite|vspace|hspace|setlength|hypersetup)\*?\{[^}\n]*\}")
_RULE = re.compile(r"\\(?:midrule|hline|cmidrule(?:\([^)\n]*\))?\{[^}\n]*\})")
_LAYOUT = re.compile(
    r"\\(?:maketitle|centering|toprule|bottomrule|noindent|newpage|clearpage|tableofcontents|small|large|Large|LARGE"
    r"|huge|footnotesize|normalsize|par|bigskip|medskip|smallskip|raggedright)\b"
)
_ROW_END = re.compile(r"\\\\[ \t]*$", re.M)
_LINE_BREAK = re.compile(r"\\\\")
_HREF = re.compile(r"\\href\{([^{}\s]*)\}\{([^{}\n]*)\}")
_URL = re.compile(r"\\url\{([^{}\s]*)\}")
_FOOTNOTE = re.compile(r"\\footnote\{")
_ADDRESS = re.compile(r"https?://[^\s{}\\]+")
_COMMAND = re.compile(r"\\[A-Za-z]+\*?")
_TIE = re.compile(r"(?<!\\)~")
_DASHES = re.compile(r"---|--")
_QUOTES = re.compile(r"``|''")


def _closing_brace(text: str, start: int) -> int:
    """The index of the brace closing the group opened just before ``start`` (or -1)."""
    depth = 1
    for i in range(start, min(len(text), start + 4000)):
        ch = text[i]
        if ch == "{" and text[i - 1] != "\\":
            depth += 1
        elif ch == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _footnotes(text: str) -> str:
    """A footnote keeps only the addresses it holds: its publisher and date are the citation's, no claim."""
    out, pos = [], 0
    for m in _FOOTNOTE.finditer(text):
        if m.start() < pos:
            continue
        close = _closing_brace(text, m.end())
        if close < 0:
            continue
        body = text[m.start() : close + 1]
        kept = _blank(body)
        for a in _ADDRESS.finditer(body):
            kept = kept[: a.start()] + a.group(0) + kept[a.end() :]
        out.append(text[pos : m.start()] + kept)
        pos = close + 1
    out.append(text[pos:])
    return "".join(out)


def _math(m: re.Match[str]) -> str:
    inner, width = m.group(1).strip(), len(m.group(0))
    if inner in {r"\sim", r"\approx", r"\simeq"}:
        return "about".rjust(width - 1) + " "
    if (times := _TIMES.fullmatch(inner)) is not None and len(f"{times.group(1)} times") <= width:
        return f"{times.group(1)} times".rjust(width)
    if inner in {">", "<", r"\geq", r"\leq", r"\ge", r"\le"}:
        word = {">": ">", "<": "<", r"\geq": ">=", r"\ge": ">=", r"\leq": "<=", r"\le": "<="}[inner]
        return word.center(width)
    return " " + _COMMAND.sub(lambda c: " " * len(c.group(0)), m.group(1)) + " "


def _heading(m: re.Match[str]) -> str:
    """``\\subsection{Models}`` → ``##          Models ``: a heading line of its depth."""
    indent, title, after = m.group(1), m.group(3), m.group(4)
    marks = "#" * _DEPTH[m.group(2)]
    gap = len(m.group(0)) - len(indent) - len(marks) - len(title) - 1 - len(after)
    return indent + marks + " " * gap + title + " " + after


def _table_rows(text: str) -> str:
    """``  a & b & c \\\\`` → ``| a | b | c  |``: a row of a table the readers know (the first blank of its
    indent opens it); a rule under a row (``\\midrule``, ``\\hline``) is the row rule under a header."""
    lines = text.split("\n")
    previous_row = False
    for n, line in enumerate(lines):
        stripped = line.strip()
        if _ROW_END.search(line) and re.search(r"(?<!\\)&", line) and line[:1] in {" ", "\t"}:
            body = _ROW_END.sub(lambda m: " |" + " " * (len(m.group(0)) - 2), line)
            body = re.sub(r"(?<!\\)&", "|", body)
            lines[n] = "|" + body[1:]
            previous_row = True
        elif _RULE.fullmatch(stripped):
            at = line.index(stripped)
            lines[n] = line[:at] + ("|" + "-" * (len(stripped) - 1) if previous_row else " " * len(stripped)) + line[at + len(stripped) :]
        elif stripped:
            previous_row = False
    return "\n".join(lines)


@lru_cache(maxsize=16)
def latex_view(text: str) -> str:
    """``text`` with its LaTeX markup read as plain text, one character for one (see the module's doc). Cached:
    a report is parsed, then its claims are read, from the same view."""
    if not is_latex(text):
        return text
    view = _sub(_COMMENT, text, lambda m: _blank(m.group(0)))
    body = _BEGIN_DOCUMENT.search(view)
    if body is not None:  # the preamble: its title and date only, read as a heading and a date line
        preamble = view[: body.end()]
        kept = _blank(preamble)
        for m in _PREAMBLE_KEEP.finditer(preamble):
            if m.group(1) == "title":
                line = m.group(0).replace("\\title{", "#      ", 1)
            else:
                line = m.group(0).replace("\\date{", "Date: ", 1)
            close = line.rstrip().rfind("}")
            line = line[:close] + " " + line[close + 1 :]
            kept = kept[: m.start()] + line + kept[m.end() :]
        view = kept + view[body.end() :]
    view = _footnotes(view)
    view = _sub(_HREF, view, lambda m: " " * 6 + m.group(1) + " " * (len(m.group(2)) + 3))
    view = _sub(_URL, view, lambda m: " " * 5 + m.group(1) + " ")
    view = _sub(_SECTION, view, _heading)
    view = _sub(_ITEM, view, lambda m: "-" + " " * (len(m.group(0)) - 1))
    view = _sub(_ENVIRONMENT, view, lambda m: _blank(m.group(0)))
    view = _sub(_REFERENCE, view, lambda m: _blank(m.group(0)))
    view = _sub(_LAYOUT, view, lambda m: _blank(m.group(0)))
    view = _sub(_DASHES, view, lambda m: "–" + " " * (len(m.group(0)) - 1))
    view = _table_rows(view)
    view = _sub(_LINE_BREAK, view, lambda m: "  ")
    view = _sub(_MATH, view, _math)
    view = _sub(_ESCAPED_DOLLAR, view, lambda m: " " + (m.group(1) or "") + "$")
    view = _sub(_ESCAPED_PERCENT, view, lambda m: " " + m.group(1) + "%")
    view = _sub(_ESCAPED_OTHER, view, lambda m: " " + m.group(1))
    view = _sub(_COMMAND, view, lambda m: _blank(m.group(0)))
    view = re.sub(r"(?<!\\)[{}]", " ", view)
    view = _sub(_TIE, view, lambda m: " ")
    view = _sub(_QUOTES, view, lambda m: '"' + " " if m.group(0) == "''" else " " + '"')
    assert len(view) == len(text)
    return view
