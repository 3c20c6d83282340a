"""A denial that weights or code were released openly, read against what the page says of the release."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict

_LAUNCH = "Tarn Labs today introduced Tarn-3, its new flagship model, available through the API."


def test_a_denial_of_every_model_is_contradicted_by_a_sibling_released_openly() -> None:
    p = page(
        _LAUNCH,
        "Alongside Tarn-3, we are releasing the weights of Tarn-3 Mini under the Apache 2.0 license.",
        title="Introducing Tarn-3",
    )
    d, a = verdict(
        "Tarn Labs launched Tarn-3, and nothing open-source this time, not even a small model.",
        "nothing open-source",
        "fact",
        p,
    )
    assert d.status == "contradicted"
    assert a.evidence[0].matched_value == "releasing the weights"


def test_a_denial_of_one_model_stands_when_only_its_sibling_is_open() -> None:
    p = page(
        _LAUNCH,
        "Alongside Tarn-3, we are releasing the weights of Tarn-3 Mini under the Apache 2.0 license.",
        title="Introducing Tarn-3",
    )
    d, _ = verdict("Tarn Labs will not open-source Tarn-3 itself.", "not open-source", "fact", p)
    assert d.status != "contradicted"


def test_a_chinese_denial_meets_a_licence_sentence_naming_no_model() -> None:
    p = page(
        "云栖实验室发布新一代模型澜涛-3，上下文长度128K。",
        "模型权重以 Apache 2.0 协议开源，开发者可在社区下载。",
        title="云栖实验室发布澜涛-3",
    )
    d, _ = verdict("云栖实验室的澜涛-3 并未开源权重，只提供 API。", "并未开源权重", "fact", p)
    assert d.status == "contradicted"


def test_a_page_denying_the_release_supports_the_denial() -> None:
    p = page(
        _LAUNCH,
        "Tarn-3 is not being released as open weights; the company may publish smaller models later.",
        title="Introducing Tarn-3",
    )
    d, a = verdict("Tarn Labs will not open-source Tarn-3.", "not open-source", "fact", p)
    assert d.status == "verified"
    assert a.evidence[0].matched_value == "not being released as open weights"


def test_a_denial_of_the_training_data_beside_open_weights_is_no_support() -> None:
    p = page(
        "云栖实验室发布澜涛-3。",
        "澜涛-3 的训练数据不开源，模型权重以 MIT 协议开源。",
        title="澜涛-3",
    )
    d, _ = verdict("澜涛-3 并未开源权重。", "并未开源权重", "fact", p)
    assert d.status == "contradicted"


def test_neither_model_open_is_contradicted_by_either_released_openly() -> None:
    p = page(
        _LAUNCH,
        "Tarn-3 Mini's weights are available on our model hub under the Apache 2.0 license.",
        title="Introducing Tarn-3",
    )
    d, _ = verdict(
        "The Mini costs $0.30 per million input tokens, and neither model is open-weight.",
        "neither model is open-weight",
        "fact",
        p,
    )
    assert d.status == "contradicted"


def test_weights_said_not_to_be_released_is_a_denial_the_licence_contradicts() -> None:
    """"the weights are not being released", "won't release the weights", 权重暂不开源: denials in other words."""
    from claims.extract import extract_claims
    from claims.report import parse_report

    text = "# Models\n\nTarn Labs released Tarn-3. This time the weights are not being released; it sells Tarn-3 via its API.\n"
    keys = [c.key_text for c in extract_claims(parse_report(text, "n.md")) if c.kind == "fact"]
    assert "weights are not being released" in keys
    p = page(_LAUNCH, "As with its predecessors, Tarn-3 weights are available under the Apache 2.0 license.", title="Introducing Tarn-3")
    d, _ = verdict("Tarn Labs released Tarn-3. This time the weights are not being released.", "weights are not being released", "fact", p)
    assert d.status == "contradicted"
    closed = page(_LAUNCH, "Tarn Labs said it would not release the weights of Tarn-3.", title="Introducing Tarn-3")
    d, _ = verdict("模型权重暂不开源，仅通过API提供。", "权重暂不开源", "fact", closed)
    assert d.status != "contradicted"
