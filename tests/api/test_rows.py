"""The claim tables' rows written in Python (verifier/api/rows.py): every value from the ledger is
escaped, links carry the queue's filters, and the review state, reason and selection box show."""

from __future__ import annotations

import datetime as dt

from jinja2 import Environment

from storage.queries import ClaimRow, ClaimView, VerdictView
from verifier.api.rows import claim_rows, search_rows

HOSTILE = '<script>alert("x")</script> & \'q\''


def _row(cid: int, *, actor: str = "auto", assignee: str | None = None, needs_review: bool = False,
         text: str = "OpenAI 完成 4 亿美元融资") -> ClaimRow:
    claim = ClaimView(cid, 7, 1, 0, 4, 0, 20, text, HOSTILE, "money", "[]", "[]", True, None)
    verdict = VerdictView(cid, "contradicted", HOSTILE, 0.256, actor, "", None, "[]", needs_review, None,
                          dt.datetime(2026, 4, 13), assignee)
    return ClaimRow(claim, verdict, HOSTILE)


def test_rows_escape_every_ledger_value_and_keep_the_queue() -> None:
    html = claim_rows(Environment(autoescape=True), [_row(1, assignee=HOSTILE), _row(2, actor=HOSTILE)], True,
                      "status=contradicted&report=a b")
    assert "<script>" not in str(html) and str(html).count("&lt;script&gt;") == 2 * 3 + 2  # key, reason, report; the person
    assert 'href="/claims/1?queue=status%3Dcontradicted%26report%3Da%20b"' in html
    assert 'name="claim_id" value="2"' in html and "rs-assigned" in html and "rs-reviewed" in html
    assert '<td class="num">0.26</td>' in html


def test_rows_without_review_rights_have_no_box_and_long_text_is_cut() -> None:
    long = "字" * 100 + " " + "词" * 100
    html = claim_rows(Environment(autoescape=True), [_row(3, needs_review=True, text=long)], False, "")
    assert "checkbox" not in html and 'href="/claims/3"' in html and "needs review" in html
    assert "词" not in html and "字" * 100 + "..." in html


def test_no_rows_say_so() -> None:
    assert "Nothing to review here." in claim_rows(Environment(autoescape=True), [], True, "")


def test_search_rows_escape_the_ledger_and_the_query_as_the_template_did() -> None:
    env = Environment(autoescape=True)
    html = str(search_rows(env, [_row(4, text=HOSTILE)], "q"))
    assert "<script>" not in html and html.count("&lt;script&gt;") == 3  # text, key, report
    assert html.startswith('\n<tr class="row st-contradicted"><td><span class="badge st-contradicted">contradicted')
    assert '<a class="open" href="/claims/4">' in html and '<a href="/reports/7">' in html
    # what the template's loop wrote for the same row, through Jinja's autoescape
    loop = env.from_string(
        '{% for row in rows %}{% set c = row.claim %}{% set st = row.status %}\n<tr class="row st-{{ st }}"><td>'
        '<span class="badge st-{{ st }}">{{ st }}</span></td><td><a class="open" href="/claims/{{ c.id }}">'
        '{{ c.text|truncate(160) }}</a></td><td class="key">{{ c.key_text }}</td><td><a href="/reports/'
        '{{ c.report_id }}">{{ row.report_name }}</a></td></tr>\n{% endfor %}')
    rows = [_row(5, text="字" * 200), _row(6, text=HOSTILE)]
    assert str(search_rows(env, rows, "q")) == loop.render(rows=rows)
    empty = str(search_rows(env, [], "<b>"))
    assert empty == '<tr><td colspan="4" class="empty">No claim holds “&lt;b&gt;”.</td></tr>'
