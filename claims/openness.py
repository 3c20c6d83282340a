"""Whether weights or code were released openly, in words (pure): a report's denial ("nothing open-source this
time", "won't open-source it", 并未开源, 闭源) is a checkable fact of its own, and a page's sentence saying the
weights were released ("releasing the weights of … under the Apache 2.0 license", 以 MIT 协议开源) or were not
answers it (verifier.judge.openness)."""

from __future__ import annotations

import re

__all__ = ["CLOSED_RELEASE", "OPEN_RELEASE", "ALL_OF_THEM"]

_OPEN_WORD = r"open[- ]?(?:sourc(?:e|ed|es|ing)|weights?)"
# (the thing opened stays in the key: 并未开源权重, 未开源代码)
_OPEN_HAN = r"(?:(?:开源|開源)(?:权重|權重|模型|代码|代碼)?|开放权重|開放權重|公开权重|公開權重)"
# a denial that weights or code are open: the key of a claim of its own
CLOSED_RELEASE = re.compile(
    rf"\bnothing\s+{_OPEN_WORD}\b|\bno\s+{_OPEN_WORD}\b"
    rf"|\b(?:not|never|n't)\s+(?:be(?:ing)?\s+|been\s+|going\s+to\s+)?(?:(?:released|made available|published)\s+as\s+)?"
    rf"{_OPEN_WORD}\b|n't\s+{_OPEN_WORD}\b"
    r"|\bclosed[- ](?:source|weights?)\b"
    # "neither model is open-weight", "none of them is open source"
    rf"|\b(?:neither|none)\b(?:\s+[\w-]+){{0,3}}?\s+(?:is|are|was|were|has been|have been)\s+(?:an?\s+)?{_OPEN_WORD}\b"
    # "the weights are not being released", "won't release the weights", 权重暂不开源
    r"|\bweights\s+(?:are|is|will|would|were)\s+not\s+(?:be(?:ing)?\s+)?(?:released|published|made\s+(?:public|available))\b"
    r"|\bweights\s+(?:won't|aren't|isn't|weren't)\s+(?:be(?:ing)?\s+)?(?:released|published|made\s+(?:public|available))\b"
    r"|\b(?:not|won't|n't)\s+(?:be\s+)?releas(?:e|ing)\s+(?:the\s+|its\s+|their\s+)?(?:model\s+)?weights\b"
    r"|(?:权重|權重)(?:暂不|暫不|并未|並未|不|未)(?:开源|開源|公开|公開|开放|開放|发布|發布)"
    rf"|(?:并未|並未|尚未|没有|沒有|不会|不會|不再|未|不){_OPEN_HAN}|闭源|閉源|非开放权重|非開放權重",
    re.IGNORECASE,
)
# a page sentence about an open release: open source or weights, or weights released under a licence
OPEN_RELEASE = re.compile(
    rf"{_OPEN_HAN}|\b{_OPEN_WORD}\b|\b(?:releas|publish)\w*\s+(?:\w+\s+){{0,2}}weights\b"
    r"|\bweights\b[^.;。；]{0,80}?\b(?:under|licen[cs]e[ds]?)\b",
    re.IGNORECASE,
)
# the denial covers every model of the release ("nothing open-source", "not even a small model", 均未开源)
ALL_OF_THEM = re.compile(r"\bnothing\b|\bnot even\b|\bnone\b|\bneither\b|\bno\s+" + _OPEN_WORD + r"|均未|都没有|都沒有|一律", re.IGNORECASE)
