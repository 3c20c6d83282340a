"""Quarters written out ("the third quarter of 2028") are dates compared as values, and a word of a name
that the sentence also writes as a plain word still says what the claim measures."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict


def test_a_quarter_written_out_meets_its_code_and_differs_from_the_next() -> None:
    p = page("Orrin said on Tuesday that Halden 4 will ship in the fourth quarter of 2027, later than planned.")
    d, a = verdict("Orrin said Halden 4 will ship in Q3 2027.", "Q3 2027", "date", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "fourth quarter of 2027")
    d, _ = verdict("Orrin said Halden 4 will ship in Q4 2027.", "Q4 2027", "date", p)
    assert d.status == "verified"


def test_a_name_word_the_sentence_also_writes_as_a_word_still_measures() -> None:
    """"Power" of Brightline Power & Data is a name; "First power" later in the sentence is the event."""
    p = page("Brightline expects to invest $7.5 billion in the campus. First power is expected in the third quarter of 2027.")
    d, _ = verdict(
        "Brightline Power & Data is expanding its campus. First power is due in the third quarter of 2027.",
        "third quarter of 2027", "date", p,
    )
    assert d.status == "verified"
