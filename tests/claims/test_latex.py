"""A LaTeX source read as the text it typesets (claims.latex), in a view of the same length."""

from __future__ import annotations

from claims.extract import extract_claims
from claims.latex import is_latex, latex_view
from claims.report import parse_report

SOURCE = r"""\documentclass{article}
\usepackage{hyperref}
% draft note: the Lund site may reach 2~GW; unconfirmed
\title{Compute Weekly}
\date{2 December 2026}
\begin{document}
\maketitle

\section{Funding}

\begin{itemize}
  \item Brisk Labs raised \$75~million at a \$1.2~billion valuation, up 40\% (\href{https://example.com/brisk}{Example News}).
\end{itemize}

Vela shipped Orbit~2 on 18~November; its context is $\sim$4$\times$ larger.\footnote{Vela blog, 18~November 2026, \url{https://vela.example/orbit-2}.}

\section{Results}

\begin{table}[h]
  \caption{Revenue (USD millions)}
  \begin{tabular}{lr}
    \toprule
    Company & Revenue \\
    \midrule
    Brisk Labs & 412 \\
    \bottomrule
  \end{tabular}
\end{table}

\end{document}
"""


def test_the_view_keeps_every_offset_and_reads_the_markup_as_text() -> None:
    view = latex_view(SOURCE)
    assert len(view) == len(SOURCE)
    assert "2 GW" not in view and "draft note" not in view  # a comment is no text
    assert "hyperref" not in view and "documentclass" not in view
    assert "#      Compute Weekly" in view and "Date: 2 December 2026" in view
    assert "\n#        Funding " in view and "  -     Brisk Labs raised  $75 million at a  $1.2 billion valuation, up  40%" in view
    assert "https://example.com/brisk" in view and "Example News" not in view
    # a footnote keeps its address, not its date and publisher
    assert "https://vela.example/orbit-2" in view and "Vela blog" not in view and "18 November 2026" not in view
    assert "Orbit 2 on 18 November" in view and "about 4" in view
    assert "|   Company | Revenue  |" in view and "|   Brisk Labs | 412  |" in view and "|------" in view


def test_only_a_latex_source_is_read_so() -> None:
    plain = "Revenue rose 40% to $2 billion~ and 10~20 units"
    assert not is_latex(plain) and latex_view(plain) == plain
    assert is_latex(SOURCE)


def test_a_latex_reports_claims_cite_their_links_and_read_their_units() -> None:
    report = parse_report(SOURCE, "weekly.tex")
    assert str(report.date) == "2026-12-02"
    claims = {c.key_text.strip(): c for c in extract_claims(report)}
    raised = claims["$75 million"]
    assert raised.values[0].value == 75e6 and raised.values[0].unit == "USD"
    assert "40%" in claims and "2 GW" not in claims
    cell = claims["412"]
    assert cell.values[0].value == 412e6 and cell.values[0].unit == "USD"  # the caption's unit
    cited = {s.url for section in report.sections for s in section.sources}
    assert {"https://example.com/brisk", "https://vela.example/orbit-2"} <= cited
