"""The knowledge data files are well-formed: the lexicon, unit and qualifier tables, cue words, names."""

from __future__ import annotations

from claims.entities import chinese_entities, fact_stopwords
from claims.lexicon import cue_words, head_noun, lexicon, topics_in
from claims.units import data_lines, model_families, qualifier_words, unit_words

KINDS = {"references", "summary", "social", "research", "event", "opinion", "metadata", "boilerplate"}


def test_lexicon_rows_are_pairs_without_duplicates() -> None:
    rows = data_lines("lexicon.tsv")
    assert all(len(r) == 2 and r[0] and r[1] for r in rows)
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate Chinese keys"
    assert all(en.isascii() for en in lexicon().values())


def test_lexicon_examples() -> None:
    assert lexicon()["估值"] == "valuation"
    assert lexicon()["融资"] == "funding"
    assert topics_in("周活用户超过 9 亿，投后估值 8520 亿美元") == ("weekly active users", "post-money valuation")
    assert head_noun("高严重度漏洞") == "vulnerabilities"
    assert head_noun("经过验证的工程师") == "engineers"


def test_unit_table() -> None:
    kinds = {w.kind for w in unit_words()}
    assert kinds == {"scale", "money", "percent", "unit", "measure", "word"}
    by_surface = {w.surface: w for w in unit_words()}
    assert by_surface["亿"].factor == 1e8 and by_surface["万亿"].factor == 1e12 and by_surface["万"].factor == 1e4
    assert by_surface["美元"].unit == "USD" and by_surface["日元"].unit == "JPY" and by_surface["元"].unit == "CNY"
    assert all(w.unit for w in unit_words() if w.kind in ("money", "percent", "unit"))


def test_qualifier_table() -> None:
    assert {q for _, _, q in qualifier_words()} <= {"=", ">=", ">", "~", "<", "<="}
    assert {pos for _, pos, _ in qualifier_words()} == {"before", "after"}


def test_cue_words() -> None:
    cues = cue_words()
    assert set(cues) <= KINDS
    assert "一句话判断" in cues["opinion"] and "参考文献" in cues["references"]


def test_names_and_stopwords() -> None:
    assert [en for _, _, en in chinese_entities("英伟达与谷歌合作")] == ["NVIDIA", "Google"]
    assert "AI" in fact_stopwords()
    assert "GPT" in model_families()


def test_english_text_gives_the_same_topic_keys() -> None:
    assert topics_in("a post-money valuation and 900 million weekly active users") == (
        "post-money valuation",
        "weekly active users",
    )
