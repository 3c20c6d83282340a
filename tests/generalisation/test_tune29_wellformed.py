"""Well-formedness of the tune29 development set (tests/fixtures/tune29/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an English Hacker News discussion copied from the browser as plain text, a Simplified-Chinese DingTalk 日志
work report copied as text), that each label rests on exactly the URLs its report's citation scope gives it,
that the weekdays the reports and pages write are right, and that the pages carry what the labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。、（）]+")

THREAD = "h1_hn_thread_en.txt"
LOG = "d1_dingtalk_log_sc.txt"
SUBMISSION = "https://quillon.ai/blog/introducing-larkspur-4"
SOFT_404 = "https://venturebeat.com/ai/tessel-labs-orrin-2-ultra-enterprise-customers-pricing/"
PAYWALL = "https://www.bloomberg.com/news/articles/2026-12-18/quillon-ai-is-said-to-be-in-talks-to-raise-funds-at-higher-valuation"
DEAD = "https://www.tessellabs.com/blog/orrin-2-ultra-pricing"
TW_PAGE = "https://money.udn.com/money/story/5612/8421937"
KR_PAGE = "https://36kr.com/p/3108842265519104"
DCF_PAGE = "https://www.datacenterfrontier.com/hyperscale/article/55307421/northgate-compute-breaks-ground-on-1-2-gw-ohio-ai-campus"

TUNE29 = LabelledSet(
    "tune29",
    by_report={
        THREAD: {"verified": 16, "contradicted": 12, "unverified": 9},
        LOG: {"verified": 17, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 23, "count": 14, "percent": 12, "fact": 12, "date": 10, "version": 4},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, we couldn't find the page you were looking for.",  # soft 404 answering 200
        PAYWALL: "Subscribe now to continue reading",  # paywall stub
    },
)

# --- the Hacker News thread -------------------------------------------------------------------------------

NAV = "Hacker News new | past | comments | ask | show | jobs | submit\tlogin"
POINTS = re.compile(r"\d+ points by \S+ \d+ hours ago \| hide \| past \| favorite \| \d+ comments")
HEADER = re.compile(
    r"(?P<indent> *)(?P<user>[A-Za-z0-9_-]+) (?P<age>\d+) (?:hours?|minutes?) ago(?P<flag> \[flagged\])?"
    r"(?P<links>(?: \| (?:parent|prev|next))*) \[–\]"
)
HN_FOOTER = "Guidelines | FAQ | Lists | API | Security | Legal | Apply to YC | Contact"
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Comment:
    """One comment of the thread: its depth, its header, its body lines (indent stripped)."""

    def __init__(self, depth: int, header: re.Match[str]) -> None:
        self.depth = depth
        self.header = header
        self.body: list[str] = []

    @property
    def own_lines(self) -> list[str]:
        """The body without the lines quoting another comment ("> ")."""
        return [line for line in self.body if not line.startswith(">")]

    @property
    def quoted(self) -> list[str]:
        return [line for line in self.body if line.startswith("> ")]

    @property
    def own_urls(self) -> set[str]:
        return {u for line in self.own_lines for u in URL.findall(line)}


def _comments(thread: str) -> list[Comment]:
    lines = thread.splitlines()
    start = lines.index("add comment") + 1
    end = lines.index(HN_FOOTER)
    comments: list[Comment] = []
    for line in lines[start:end]:
        header = HEADER.fullmatch(line)
        if header:
            indent = len(header.group("indent"))
            assert indent % 2 == 0, line
            comments.append(Comment(indent // 2, header))
        elif line:
            assert comments, line
            current = comments[-1]
            assert line.startswith(" " * (2 * current.depth)) and not line[2 * current.depth].isspace(), line
            current.body.append(line[2 * current.depth :])
    return comments


# --- the DingTalk log -------------------------------------------------------------------------------------

SECTIONS = ("【今日完成工作】", "【行业动态跟踪】", "【明日计划】", "【需协调事项】")
ITEM = re.compile(r"(\d+)、(.+)")
LINK = re.compile(r"链接：(https://\S+)")
COMMENT = re.compile(r"(\S+) 12-24 (\d\d:\d\d)：(.+)")
WEEKDAY_ZH = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日（周([一二三四五六日])）")
ZH_DAYS = "一二三四五六日"


def _sections(log: str) -> dict[str, list[str]]:
    lines = log.splitlines()
    starts = [lines.index(s) for s in SECTIONS]
    end = next(i for i, line in enumerate(lines) if line == "[图片]")
    bounds = [*starts, end]
    return {
        s: [x for x in lines[a + 1 : b] if x] for s, a, b in zip(SECTIONS, bounds, bounds[1:], strict=False)
    }


def _items(lines: list[str]) -> list[tuple[str, list[str]]]:
    """A section's numbered items: (the item's text, the URLs of the 链接： lines directly under it)."""
    items: list[tuple[str, list[str]]] = []
    for line in lines:
        item, link = ITEM.fullmatch(line), LINK.fullmatch(line)
        if item:
            assert int(item.group(1)) == len(items) + 1, line  # numbered 1、2、… within each section
            items.append((item.group(2), []))
        else:
            assert link and items, line  # nothing but items and their own link lines
            items[-1][1].append(link.group(1))
    return items


def _tail(log: str) -> list[str]:
    """The 审批意见 and 评论 lines at the end (the comments' own text), which cite nothing."""
    lines = log.splitlines()
    return lines[lines.index("审批意见") : lines.index("已读 12 人")]


class TestTune29WellFormed(WellFormed):
    SET = TUNE29

    def test_the_thread_is_a_hacker_news_page_copied_as_text(self, reports: dict[str, str]) -> None:
        thread = reports[THREAD]
        lines = thread.splitlines()
        assert "**" not in thread and "<" not in thread and "](" not in thread
        # the submission: nav bar, title with the domain in parentheses, the URL on a line of its own, points
        assert lines[0] == NAV and lines[1] == ""
        title = re.fullmatch(r"(.+) \((\S+)\)", lines[2])
        assert title and lines[3] == SUBMISSION and SUBMISSION.split("/")[2] == title.group(2)
        assert POINTS.fullmatch(lines[4]) and "add comment" in lines[5:8]
        comments = _comments(thread)
        assert len(comments) >= 20
        # nested replies: depth never jumps, top-level headers have no "parent", replies do
        assert comments[0].depth == 0 and {c.depth for c in comments} == {0, 1, 2}
        for a, b in zip(comments, comments[1:], strict=False):
            assert b.depth <= a.depth + 1
        for c in comments:
            links = c.header.group("links")
            assert ("parent" in links) == (c.depth > 0), c.header.group(0)
            # each comment ends with its own "reply" link
            assert c.body and c.body[-1] == "reply", c.header.group(0)
            assert "reply" not in c.body[:-1]
        # ages decrease down the page among top-level comments; one flagged comment
        ages = [int(c.header.group("age")) for c in comments if c.depth == 0]
        assert ages == sorted(ages, reverse=True)
        assert sum(bool(c.header.group("flag")) for c in comments) == 1
        # replies quote their parent with "> "; one quotes only its parent's link
        quoting = [c for c in comments if c.quoted]
        assert len(quoting) >= 4 and all(c.depth > 0 for c in quoting)
        assert any(URL.search(q) and not c.own_urls for c in quoting for q in c.quoted)
        # every URL of the thread is the submission's or sits in a comment's body
        in_comments = {u for c in comments for line in c.body for u in URL.findall(line)}
        assert set(URL.findall(thread)) == in_comments | {SUBMISSION}
        assert SUBMISSION not in in_comments  # comments never link the submission itself
        assert lines[-1] == "Search:" and HN_FOOTER in lines

    def test_thread_labels_rest_on_their_own_comment(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        comments = _comments(reports[THREAD])
        cited = set(URL.findall(reports[THREAD]))
        for item in labels:
            if item["report"] != THREAD:
                continue
            owners = [c for c in comments if any(item["quote"] in line for line in c.own_lines)]
            assert len(owners) == 1, item["quote"]
            c = owners[0]
            assert not c.header.group("flag"), item
            urls = set(item["source_urls"])
            if c.own_urls:  # a comment's own links, never its parent's nor a quoted comment's
                assert urls == c.own_urls, item
            elif c.depth == 0:  # a top-level comment without links discusses the submission
                assert urls == {SUBMISSION}, item
            else:  # a reply without links of its own: unsourced (devset rule 2)
                assert urls <= cited and item["verdict"] != "contradicted", item
                assert bool(urls) == (item["verdict"] == "verified"), item
                # a link it quotes is its parent's, not its own (and confirms nothing it says here)
                assert not urls & {u for q in c.quoted for u in URL.findall(q)}, item

    def test_the_log_is_a_dingtalk_report_copied_as_text(self, reports: dict[str, str]) -> None:
        log = reports[LOG]
        lines = log.splitlines()
        assert "**" not in log and "<" not in log and "](" not in log and not re.search(r"(?m)^#", log)
        # the header: 模板名称, 提交人, 提交时间, 接收人
        assert lines[0] == "模板名称：日报（行业研究）" and re.fullmatch(r"提交人：\S+", lines[1])
        assert lines[2] == "提交时间：2026-12-24 18:32" and lines[3].startswith("接收人：")
        # the four template fields in order, each with numbered items
        assert [line for line in lines if line.startswith("【")] == list(SECTIONS)
        sections = _sections(log)
        done, news = _items(sections[SECTIONS[0]]), _items(sections[SECTIONS[1]])
        plans, asks = _items(sections[SECTIONS[2]]), _items(sections[SECTIONS[3]])
        assert all(urls for _, urls in news)  # every industry item carries its own link line(s)
        assert any(urls for _, urls in done) and any(not urls for _, urls in done)  # internal work has none
        assert not any(urls for _, urls in plans + asks)
        assert all(text.startswith("@") for text, _ in asks[:2]) and log.count("@") >= 4
        # every URL sits on a 链接： line
        on_lines = [m.group(1) for line in lines if (m := LINK.fullmatch(line))]
        assert set(URL.findall(log)) == set(on_lines) and len(on_lines) == len(set(on_lines))
        # attachments, 审批意见 and 评论 at the end, the 已读 footer last
        assert sum(line.startswith("附件：") for line in lines) == 2
        tail = _tail(log)
        assert tail[0] == "审批意见" and "评论" in tail and not any(URL.search(x) for x in tail)
        assert sum(bool(COMMENT.fullmatch(x)) for x in tail) == 4
        assert lines[-1] == "已读 12 人"

    def test_log_labels_rest_on_the_link_lines_of_their_item(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        log = reports[LOG]
        cited = set(URL.findall(log))
        sections = _sections(log)
        items = [it for s in SECTIONS for it in _items(sections[s])]
        tail = _tail(log)
        for item in labels:
            if item["report"] != LOG:
                continue
            owners = [urls for text, urls in items if item["quote"] in text]
            in_tail = [x for x in tail if item["quote"] in x]
            assert len(owners) + len(in_tail) == 1, item["quote"]
            urls = set(item["source_urls"])
            if owners:  # an item rests on its own 链接： lines, never on another item's
                assert owners[0] and urls == set(owners[0]), item
            else:  # 审批意见 / 评论 cite nothing: the log's own pages or nothing
                assert urls <= cited and item["verdict"] != "contradicted", item
                assert bool(urls) == (item["verdict"] == "verified"), item

    def test_weekdays_written_are_right(self, reports: dict[str, str], manifest: dict[str, dict]) -> None:
        found = 0
        for m in WEEKDAY_ZH.finditer(reports[LOG]):
            year = int(m.group(1) or 2026)
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            assert ZH_DAYS[day.weekday()] == m.group(4), m.group(0)
            found += 1
        assert found == 5
        english = re.compile(
            rf"({'|'.join(WEEKDAYS_EN)}),? ({'|'.join(MONTHS_EN)}) (\d{{1,2}})(?:, (\d{{4}}))?"
        )
        thread_days = list(english.finditer(reports[THREAD]))
        assert len(thread_days) == 1
        for m in thread_days:  # the thread is from December 2026: January to March are 2027
            month = MONTHS_EN.index(m.group(2)) + 1
            year = int(m.group(4) or (2027 if month <= 3 else 2026))
            assert WEEKDAYS_EN[dt.date(year, month, int(m.group(3))).weekday()] == m.group(1), m.group(0)
        # weekdays on the pages: "Tuesday, December 22, 2026", "Friday 11 December 2026"
        texts = live_page_texts(manifest, self.SET.sources)
        day_first = re.compile(rf"({'|'.join(WEEKDAYS_EN)}) (\d{{1,2}}) ({'|'.join(MONTHS_EN)}) (\d{{4}})")
        pages = 0
        for text in texts.values():
            for m in english.finditer(text):
                day = dt.date(int(m.group(4)), MONTHS_EN.index(m.group(2)) + 1, int(m.group(3)))
                assert WEEKDAYS_EN[day.weekday()] == m.group(1), m.group(0)
                pages += 1
            for m in day_first.finditer(text):
                day = dt.date(int(m.group(4)), MONTHS_EN.index(m.group(3)) + 1, int(m.group(2)))
                assert WEEKDAYS_EN[day.weekday()] == m.group(1), m.group(0)
                pages += 1
        assert pages == 2
        # the log is submitted on a Thursday; pages are dated a few days to weeks before the reports
        assert dt.date(2026, 12, 24).weekday() == 3 and "日志日期：2026年12月24日（周四）" in reports[LOG]

    def test_pages_carry_the_formats_the_labels_rely_on(
        self, manifest: dict[str, dict], reports: dict[str, str]
    ) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables (one with its unit only in a header, one with it only in a caption)
        assert (
            "GPQA-X 74.6% 66.0% 76.1% 71.2%" in joined
            and "2 Larkspur 4 (preliminary) Quillon AI 1,409" in joined
        )
        assert (
            "拟支持金额（万元）" in joined
            and "1 北京衡湾智能科技有限公司 玄鲸大模型推理服务规模化应用 1,800" in joined
        )
        assert "緯騰近期月營收（單位：新台幣億元）" in joined and "2026年10月 564.8 -6.2% 41.5%" in joined
        assert (
            "(in thousands, except per share data)" in joined
            and "Revenue 1,842,516 985,303 1,616,242" in joined
        )
        assert "Veyra 620 1,100 1,600" in joined
        # a correction note, "X, not Y"; the stale figure is nowhere else on the page
        dcf = texts[DCF_PAGE]
        assert (
            "Correction, Dec. 10, 2026" in dcf
            and "puts the total at about $21 billion, not $12 billion" in dcf
        )
        assert dcf.count("$12 billion") == 2
        # a complete list with a name said not to be on it
        assert (
            "涉及企业4家，分别为：" in joined and "北京星衍科技有限公司申报材料不完整，未列入本批次" in joined
        )
        # figures of another period, model or direction next to the right ones
        assert "Revenue for the first nine months of 2026 was 2.86 billion yuan." in joined
        assert "up 87% year over year and up 14% sequentially" in joined
        assert "compared with 46% in the fiscal second quarter of 2026" in joined
        assert "up from 192GB of HBM3E on the current VX-800" in joined
        assert "5 Xuanjing-3-Flash Hengwan AI 1,318" in joined
        assert "為單月歷史次高，僅次於今年8月的638.5億元" in joined
        # pages that say they do not give what a label asks for
        assert "We are not disclosing the model's parameter count." in joined
        assert "顾临川未透露具体的加速卡数量" in joined and "公司未揭露AI伺服器出貨櫃數" in joined
        assert "Veyra declined to comment on pricing for the VX-900." in joined
        assert "declined to say when its next model, Orrin-3, will ship" in joined
        # languages: three Chinese pages, one of them Traditional; each report cites the other language
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 3
        assert list(langs.values()).count("zh-Hant-TW") == 1 and langs[TW_PAGE] == "zh-Hant-TW"
        assert "新台幣612.3億元" in texts[TW_PAGE] and langs[KR_PAGE] == "zh-CN"
        log_pages = [u for u in set(URL.findall(reports[LOG])) if u in langs]
        thread_pages = [u for u in set(URL.findall(reports[THREAD])) if u in langs]
        log_en = sum(not langs[u].startswith("zh") for u in log_pages)
        assert log_en > len(log_pages) - log_en  # the Chinese log cites mostly English pages
        assert any(langs[u].startswith("zh") for u in thread_pages)  # the English thread cites a Chinese page
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "Tessel" not in texts[SOFT_404] and "Fortune" not in texts[SOFT_404]
        assert "$4 billion" not in texts[PAYWALL] and "$45 billion" not in texts[PAYWALL]
        assert "Series D" not in texts[PAYWALL] and "2.5 billion" not in texts[PAYWALL]
        # all pages were captured on 24 December 2026, after the thread was copied
        captured = {e["captured_at"][:10] for e in manifest.values()}
        assert captured == {"2026-12-24"}
