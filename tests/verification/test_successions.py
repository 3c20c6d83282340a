"""Which version a new one replaces: the page's replacing sentence decides, not a mention of the version elsewhere."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict
from verifier.judge.matching import build_query
from verifier.judge.names import _next_generation

_PAGE = (
    "Today we are releasing Tarn-4. It replaces Tarn-3.5 as the default model in Tarn Chat.",
    "Tarn-3 was retired on June 30, 2026.",
)


def test_the_wrong_replaced_version_is_contradicted() -> None:
    p = page(*_PAGE, title="Introducing Tarn-4")
    d, a = verdict("Tarn Labs发布Tarn-4，取代Tarn-3成为Tarn Chat的默认模型。", "Tarn-3", "version", p)
    assert d.status == "contradicted"
    assert a.evidence[0].matched_value == "Tarn-3.5"


def test_the_replaced_version_the_page_names_is_supported() -> None:
    p = page(*_PAGE, title="Introducing Tarn-4")
    d, _ = verdict("Tarn-4 replaces Tarn-3.5 as the default model.", "Tarn-3.5", "version", p)
    assert d.status == "verified"


def test_a_version_not_said_to_be_replaced_is_read_as_ever() -> None:
    p = page(*_PAGE, title="Introducing Tarn-4")
    d, _ = verdict("Tarn-3 was retired in June.", "Tarn-3", "version", p)
    assert d.status == "verified"


def test_a_generation_to_come_is_no_garbled_version() -> None:
    """"Auralis-5 ships in the second half of 2027" against a page naming Auralis-4, -3.5 and -3: a version above
    every one the page names, in a sentence about what is to come, is not contradicted by them; said to be out
    already, it is no generation to come."""
    p = page(*_PAGE, title="Introducing Tarn-4")
    d, _ = verdict("Tarn Labs has told customers that Tarn-5 ships in the second half of 2027.", "Tarn-5", "version", p)
    assert d.status == "unverified"
    said = "Tarn-5 is the default model in Tarn Chat."
    q = build_query(kind="version", sentence=said, key_text="Tarn-5", key_start=0)
    assert not _next_generation("Tarn-5", q, [p])  # (said to be out: a garbled Tarn-4 as ever)
