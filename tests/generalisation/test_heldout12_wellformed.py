"""Well-formedness of the heldout12 set (tests/fixtures/heldout12/), checked without the engine.

heldout12 is HELD OUT: whoever tunes the engine looks only at its totals, never at its reports, labels or
pages. ``WellFormed`` checks its labels against its reports and its archive (one dead URL, one soft 404,
one paywall stub); the tests here check the shapes of its two reports (a Telegram channel export and an
old.reddit self-post with comments) and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# a URL ends at whitespace, a markdown bracket or full-width punctuation
URL = re.compile(r"https?://[^\s)\]>〉」，。、]+")
CHANNEL = "港股AI前哨站"
HEADER = re.compile(rf"^{CHANNEL}, \[(\d\d)\.(\d\d)\.(\d\d) (\d\d):(\d\d)\]$")

HELDOUT12 = LabelledSet(
    "heldout12",
    by_report={
        "w1_telegram_hk.txt": {"verified": 15, "contradicted": 13, "unverified": 9},
        "w2_reddit_dd.md": {"verified": 14, "contradicted": 13, "unverified": 9},
    },
    verdicts={"verified": 29, "contradicted": 26, "unverified": 18},
    kinds={"money": 25, "percent": 16, "count": 13, "fact": 11, "date": 7, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www1.hkej.com/dailynews/finnews/article/4172305": "此內容只供訂戶閱讀",  # paywall stub
        "https://www.scmp.com/business/companies/article/3332417/cloudpeak-compute-weighs-us-listing": (
            "Sorry, we couldn't find that page"  # soft 404 answering 200
        ),
    },
)


def telegram_messages(text: str) -> list[tuple[tuple[int, ...], list[str]]]:
    """The export's messages: (yy, mm, dd, hh, mi) of the header line and the lines that follow it."""
    messages: list[tuple[tuple[int, ...], list[str]]] = []
    for line in text.splitlines():
        found = HEADER.match(line)
        if found:
            dd, mm, yy, hh, mi = (int(g) for g in found.groups())
            messages.append(((yy, mm, dd, hh, mi), []))
        elif messages:
            messages[-1][1].append(line)
    return messages


class TestHeldout12WellFormed(WellFormed):
    SET = HELDOUT12

    def test_the_telegram_export_is_timestamped_messages(self, reports: dict[str, str]) -> None:
        text = reports["w1_telegram_hk.txt"]
        assert text.splitlines()[0] == CHANNEL  # the channel name heads the export
        assert "](" not in text and "**" not in text  # plain text, not markdown
        messages = telegram_messages(text)
        assert len(messages) == 10
        stamps = [stamp for stamp, _ in messages]
        assert stamps == sorted(stamps) and stamps[-1][:3] == (26, 11, 30)  # chronological, up to 30.11.26
        firsts = [body[0] for _, body in messages]
        assert sum(first.startswith("Forwarded from ") for first in firsts) == 2
        assert sum(first == "In reply to this message" for first in firsts) == 2
        assert re.search(r"#AI\b", text) and "#融資" in text  # hashtags
        # every message but the link-less reply and the pinned summary carries a link of its own
        linkless = [body for _, body in messages if not URL.search("\n".join(body))]
        assert len(linkless) == 2
        assert linkless[0][0] == "In reply to this message"
        pinned = linkless[1]
        assert pinned[0].startswith("📌") and pinned[-1] == f"{CHANNEL} pinned this message"
        assert messages[-1][1] is pinned

    def test_hong_kong_usage_in_the_channel(self, reports: dict[str, str]) -> None:
        text = reports["w1_telegram_hk.txt"]
        for word in ("港元", "億", "兆港元", "按年", "季度", "按季"):
            assert word in text, word
        assert "新臺幣" not in text and "人民币" not in text and "亿" not in text  # not Taiwan or mainland usage

    def test_the_reddit_post_shape(self, reports: dict[str, str]) -> None:
        post = reports["w2_reddit_dd.md"]
        lines = post.splitlines()
        assert lines[0].endswith("(self.HKstocks)")
        assert re.fullmatch(r"submitted \d+ hours ago \* \(last edited \d+ hours ago\) by u/\w+", lines[1])
        assert lines[2] == "DD"  # the post's flair
        assert len(re.findall(r"^## ", post, re.M)) == 4
        assert re.search(r"^> \S", post, re.M)  # a quoted passage
        assert re.search(r"^    \* \S", post, re.M)  # a nested bullet
        assert len(re.findall(r"\]\(https://", post)) >= 4  # markdown links
        assert len(re.findall(r"(?<!\()https://\S+$", post, re.M)) >= 4  # bare URLs
        body, comments = post.split("\nlevel 1\n", 1)
        # the EDIT paragraph closes the post, cites nothing, and revises one of the post's own figures
        edit = [p for p in body.split("\n\n") if p.startswith("EDIT:")]
        assert len(edit) == 1 and not URL.search(edit[0])
        assert "48MW, not 36MW" in edit[0] and "adds **36MW**" in body.split(edit[0])[0]
        # two top-level comments, each restating figures with a link of its own
        parts = post.split("\nlevel 1\n")[1:]
        assert len(parts) == 2 and "level 2" not in post
        for part in parts:
            assert re.match(r"\[–\]\w+ \d+ points \d+ hours ago\n", part)
            assert URL.search(part) and re.search(r"\d", part)

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "除另有註明外，金額以千港元列示" in joined  # the results table's unit is in its caption
        assert "每股基本盈利（港仙）" in joined  # and EPS's unit in its row header
        assert "分部收入（百萬港元）" in joined  # a second table, unit in the header cell
        assert "API pricing (US$ per million tokens)" in joined  # a table caption giving the unit
        assert "【更正】本文較早前版本" in joined  # a correction note (28 -> 26億美元)
        assert "An earlier version of this article said phase two would add 36MW" in joined  # and another
        assert "三家合作夥伴，即" in joined  # a complete list
        assert sum(bool(re.search(r"[\u4e00-\u9fff]{20}", t)) for t in texts.values()) >= 3  # Chinese pages
