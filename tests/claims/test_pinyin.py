"""Romanised Chinese names meet their characters (claims.pinyin), pure."""

from __future__ import annotations

from claims.pinyin import page_keys, word_key


def test_a_name_in_pinyin_has_the_key_of_its_characters() -> None:
    keys = page_keys("2025 年，青禾动力交付了 800 台设备。")
    assert word_key("Qinghe") in keys
    assert word_key("QINGHE") == "py:qinghe"
    assert word_key("Qinghedongli") in keys  # four syllables: the whole name


def test_only_words_made_of_two_to_four_syllables_have_a_key() -> None:
    assert word_key("Kestrel") is None  # not pinyin
    assert word_key("Hang") is None  # one syllable: too common to bind a name
    assert word_key("Zhongguancunlu") == "py:zhongguancunlu"  # four syllables
    assert word_key("Zhongguancunxinjie") is None  # six syllables: not a name we read
    assert word_key("Gaode") == "py:gaode"


def test_keys_stay_apart_from_english_words() -> None:
    keys = page_keys("那么我们就开始吧")
    assert "name" not in keys and "py:name" in keys
    assert page_keys("only latin text") == frozenset()


def test_a_han_run_sounds_as_its_syllables_run_together() -> None:
    from claims.pinyin import han_sound

    assert han_sound("云迹") == "yunji"
    assert "py:" + str(han_sound("青禾动力")) == word_key("Qinghedongli")
    assert han_sound("云迹 AI") is None and han_sound("") is None  # every character must have a reading


def test_a_name_key_leaves_out_english_words_split_by_lone_vowels() -> None:
    from claims.pinyin import name_key

    assert name_key("Yunji") == "py:yunji" and name_key("Ouyang") == "py:ouyang"
    for english in ("Gemma", "Apache", "Arena"):  # ge·m·ma, a·pa·che, a·ren·a
        assert word_key(english) is not None and name_key(english) is None, english
