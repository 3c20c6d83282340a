"""The passage diff a reviewer gets when a source changes (pure)."""

from __future__ import annotations

from verifier.schedule.diff import locate_passage, passage_diff


def test_diff_shows_the_changed_figure() -> None:
    d = passage_diff("Revenue was $4 billion in 2025.", "Intro. Revenue was $5 billion in 2025. Outro.")
    assert d.new == "Revenue was $5 billion in 2025."
    assert "-$4" in d.unified and "+$5" in d.unified
    assert d.score > 80


def test_new_evidence_passage_wins_over_locating() -> None:
    d = passage_diff("A raised 10 million", "unrelated text", new_passage="A raised 12 million")
    assert d.new == "A raised 12 million" and "+12" in d.unified


def test_a_passage_gone_from_the_page() -> None:
    found, score = locate_passage("The model scored 91 percent on MMLU", "Cookie policy. Subscribe now.")
    assert found == "" and score < 50
    d = passage_diff("The model scored 91 percent on MMLU", "Cookie policy. Subscribe now.")
    assert d.new == "" and "-91" in d.unified


def test_empty_inputs() -> None:
    assert passage_diff("", "").unified == ""
    assert locate_passage("", "x") == ("", 0.0)
