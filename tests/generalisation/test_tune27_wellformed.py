"""Well-formedness of the tune27 development set (tests/fixtures/tune27/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese video news bulletin's SubRip subtitle file with the video's description block after
the last cue, an English analyst's Jupyter notebook exported with ``jupyter nbconvert --to markdown``), that
each label rests on exactly the URLs its report's citation scope gives it, that each report cites pages in
the other language, and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")

BULLETIN = "s1_bulletin_sc.txt"
NOTEBOOK = "j1_notebook_en.md"

QBITAI = "https://www.qbitai.com/2026/12/318642.html"
UDN = "https://money.udn.com/money/story/5612/8391462"
HKET = "https://inews.hket.com/article/4021587"
KR36 = "https://36kr.com/p/3591847260358912"
TECHCRUNCH = "https://techcrunch.com/2026/12/09/lumenfold-raises-640m-series-c-inference-chips/"
NIKKEI = "https://asia.nikkei.com/business/tech/semiconductors/taiwan-s-dingyao-to-double-ai-server-output-in-mexico"
SOFT_404 = "https://www.tomshardware.com/pc-components/gpus/torrent-micro-tx9-accelerator-specs"
PAYWALL = "https://www.latepost.com/news/dj_detail?id=3194"
DEAD = "https://www.meridalecloud.com/newsroom/ohio-campus-phase-two"

TUNE27 = LabelledSet(
    "tune27",
    by_report={
        BULLETIN: {"verified": 16, "contradicted": 12, "unverified": 8},
        NOTEBOOK: {"verified": 17, "contradicted": 13, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 25, "fact": 15, "count": 13, "percent": 11, "date": 9, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, the page you were looking for could not be found.",  # soft 404 answering 200
        PAYWALL: "订阅晚点会员，阅读全文",  # paywall stub
    },
)

# --- the bulletin: SubRip cues, then the description block as uploaded ---------------------------------

TIME = re.compile(r"(\d\d):(\d\d):(\d\d),(\d\d\d) --> (\d\d):(\d\d):(\d\d),(\d\d\d)")
MARK = re.compile(r"\[(\d+)\]")
REFERENCE = re.compile(r"\[(\d+)\] (\S.*\S) (https?://\S+)")
STORIES = ("【第一条】", "【第二条】", "【第三条】", "【第四条】", "【第五条】", "【第六条】")
SUMMARY = "【编者按】"

Cue = tuple[int, int, int, list[str]]  # number, start ms, end ms, text lines


def _srt(text: str) -> tuple[list[Cue], list[str]]:
    """The cues in order, and the lines after the last cue (the video's description block)."""
    blocks = text.rstrip("\n").split("\n\n")
    cues: list[Cue] = []
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        time = TIME.fullmatch(lines[1]) if len(lines) > 1 else None
        if not (lines[0].isdigit() and time):
            return cues, "\n\n".join(blocks[i:]).split("\n")
        g = [int(x) for x in time.groups()]
        start = ((g[0] * 60 + g[1]) * 60 + g[2]) * 1000 + g[3]
        end = ((g[4] * 60 + g[5]) * 60 + g[6]) * 1000 + g[7]
        cues.append((int(lines[0]), start, end, lines[2:]))
    return cues, []


def _sections(cues: list[Cue]) -> list[tuple[str, list[Cue]]]:
    """The cues grouped by the opener cue before them: '' (greeting), 【第一条】 … 【第六条】, 【编者按】."""
    sections: list[tuple[str, list[Cue]]] = [("", [])]
    for cue in cues:
        if cue[3] and cue[3][0] in (*STORIES, SUMMARY):
            sections.append((cue[3][0], [cue]))
        else:
            sections[-1][1].append(cue)
    return sections


def _references(description: list[str]) -> dict[str, str]:
    return {m.group(1): m.group(3) for line in description if (m := REFERENCE.fullmatch(line))}


# --- the notebook: nbconvert markdown (markdown cells, ```python cells, outputs) ------------------------

Block = tuple[str, str, str]  # kind (title, heading, md, item, code, out, html, prompt), text, section heading
MD_LINK = re.compile(r"\[([^\[\]]+)\]\((https?://[^\s()]+)\)")
PROMPT = re.compile(r"Out\[(\d+)\]:")


def _notebook(text: str) -> list[Block]:
    lines = text.split("\n")
    blocks: list[Block] = []
    section, i = "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            assert line == "```python", line
            end = lines.index("```", i + 1)
            blocks.append(("code", "\n".join(lines[i + 1 : end]), section))
            i = end + 1
        elif line == "<div>":
            end = lines.index("</div>", i)
            blocks.append(("html", "\n".join(lines[i : end + 1]), section))
            i = end + 1
        elif line.startswith("    "):
            end = i
            while end < len(lines) and lines[end].startswith("    "):
                end += 1
            blocks.append(("out", "\n".join(lines[i:end]), section))
            i = end
        elif line.startswith("## "):
            section = line
            blocks.append(("heading", line, section))
            i += 1
        elif line.startswith("# "):
            blocks.append(("title", line, section))
            i += 1
        elif PROMPT.fullmatch(line):
            blocks.append(("prompt", line, section))
            i += 1
        elif line.startswith("- "):
            blocks.append(("item", line, section))
            i += 1
        elif line.strip():
            end = i
            while end < len(lines) and lines[end].strip() and not lines[end].startswith(("```", "#", "- ", "    ")):
                end += 1
            blocks.append(("md", "\n".join(lines[i:end]), section))
            i = end
        else:
            i += 1
    return blocks


def _scope(blocks: list[Block], index: int) -> set[str]:
    """The URLs a claim in ``blocks[index]`` rests on: a markdown paragraph's own links; an output's, the
    links of the markdown paragraphs of its section above the code cell that produced it."""
    kind, text, section = blocks[index]
    if kind == "md":
        return {u for _, u in MD_LINK.findall(text)}
    assert kind in ("out", "html"), blocks[index]
    code = max(i for i in range(index) if blocks[i][0] == "code")
    return {
        u for k, t, s in blocks[:code] if k == "md" and s == section for _, u in MD_LINK.findall(t)
    }


class TestTune27WellFormed(WellFormed):
    SET = TUNE27

    def test_reports_are_3_5_to_5_kb(self, reports: dict[str, str]) -> None:
        for name, text in reports.items():
            assert 3.5 * 1024 <= len(text.encode("utf-8")) <= 5 * 1024, name

    def test_the_bulletin_is_a_subrip_file_with_the_video_description_after_the_last_cue(
        self, reports: dict[str, str]
    ) -> None:
        text = reports[BULLETIN]
        cues, description = _srt(text)
        # numbered cues 1..n, each "hh:mm:ss,mmm --> hh:mm:ss,mmm", one or two short lines, in time order
        assert [c[0] for c in cues] == list(range(1, len(cues) + 1)) and len(cues) >= 30
        for (_, start, end, lines), (_, nxt, _, _) in zip(cues, [*cues[1:], (0, 10**9, 0, [])], strict=True):
            assert start < end <= nxt and 1 <= len(lines) <= 2 and all(0 < len(x) <= 24 for x in lines), lines
        # speaker tags: the anchor opens and closes, a voice-over reads some stories
        assert cues[0][3][0].startswith("主播：") and cues[-1][3][0].startswith("主播：")
        assert sum(line.startswith("（画外音）") for c in cues for line in c[3]) >= 2
        # stories opened by 【第一条】 … 【第六条】 cues, in order, then one 【编者按】 cue; each opener alone in its cue
        openers = [c[3] for c in cues if c[3][0].startswith("【")]
        assert openers == [[s] for s in (*STORIES, SUMMARY)]
        # sentences run on across line breaks and across cues
        assert sum(c[3][0][-1] not in "，。；：！？" for c in cues if len(c[3]) == 2) >= 5
        assert sum(c[3][-1].endswith("，") for c in cues[:-1]) >= 8
        # the date said in the greeting is the upload's, and a Tuesday
        assert "今天是12月15日，星期二，" in cues[1][3] and dt.date(2026, 12, 15).weekday() == 1
        # after the last cue: the description block, with a numbered 参考链接 list "[n] title url"
        assert description[0].startswith("————") and "【视频简介】AI产业早班车｜2026年12月15日" in description
        start = description.index("参考链接：")
        refs = [REFERENCE.fullmatch(line) for line in description[start + 1 : start + 8]]
        assert all(refs) and [m.group(1) for m in refs if m] == [str(n) for n in range(1, 8)]
        assert not any(URL.search(line) for line in description[start + 8 :])
        # URLs only in the reference list; [n] marks only in cues; every reference cited by one story
        cue_text = "\n".join(line for c in cues for line in c[3])
        assert not URL.search(cue_text) and not URL.search("\n".join(description[:start]))
        marks = MARK.findall(cue_text)
        assert sorted(marks, key=int) == [str(n) for n in range(1, 8)]

    def test_bulletin_labels_rest_on_the_marks_of_their_story(self, labels: list[dict], reports: dict[str, str]) -> None:
        text = reports[BULLETIN]
        cues, description = _srt(text)
        refs = _references(description)
        cited = set(refs.values())
        sections = _sections(cues)
        for opener, section in sections:
            marks = {m for c in section for line in c[3] for m in MARK.findall(line)}
            if opener in STORIES:
                assert marks, opener  # every story cites
            else:
                assert not marks, opener  # the greeting and the 编者按 cite nothing
        for item in labels:
            if item["report"] != BULLETIN:
                continue
            owners = [
                (opener, section)
                for opener, section in sections
                for c in section
                for line in c[3]
                if item["quote"] in line
            ]
            assert len(owners) == 1, item["quote"]  # a quote lies within one subtitle line
            opener, section = owners[0]
            own = {refs[m] for c in section for line in c[3] for m in MARK.findall(line)}
            if opener == SUMMARY:  # an unsourced summary claim: the bulletin's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
            else:
                assert opener in STORIES, item
                assert set(item["source_urls"]) == own, item

    def test_the_notebook_is_an_nbconvert_markdown_export(self, reports: dict[str, str]) -> None:
        text = reports[NOTEBOOK]
        blocks = _notebook(text)
        kinds = [k for k, _, _ in blocks]
        assert blocks[0][0] == "title" and not URL.search(blocks[0][1])
        assert "run 2026-12-16" in text and dt.date(2026, 12, 16).weekday() == 2
        # fenced python cells; their literals (dates, constants, thresholds) are code, and no URL is in code
        code = [t for k, t, _ in blocks if k == "code"]
        assert len(code) >= 5 and not any(URL.search(t) for t in code)
        assert 'AS_OF = pd.Timestamp("2026-12-16")' in code[0] and "MIN_ROUND_M = 250" in code[0]
        # outputs: an HTML DataFrame as nbconvert writes it, plain-text DataFrame and scalar outputs, a
        # stderr warning, and Out[n]: prompt lines before two outputs
        html = [t for k, t, _ in blocks if k == "html"]
        assert len(html) == 1 and "<style scoped>" in html[0] and '<table border="1" class="dataframe">' in html[0]
        outs = [t for k, t, _ in blocks if k == "out"]
        assert any("rev_twd_bn" in t and "\n    month " in t for t in outs)
        assert any("Warning:" in t for t in outs)
        prompts = [i for i, k in enumerate(kinds) if k == "prompt"]
        assert [blocks[i][1] for i in prompts] == ["Out[7]:", "Out[8]:"]
        assert all(kinds[i - 1] == "code" and kinds[i + 1] == "out" for i in prompts)
        # every output follows a code cell (possibly after an Out[n]: line or another output)
        for i, k in enumerate(kinds):
            if k in ("out", "html"):
                assert kinds[i - 1] in ("code", "prompt", "out"), blocks[i]
        # every URL is an inline markdown link in a markdown paragraph
        linked = {u for k, t, _ in blocks if k == "md" for _, u in MD_LINK.findall(t)}
        assert set(URL.findall(text)) == linked
        # numbered sections, the last one Conclusions, whose items cite nothing
        heads = [t for k, t, _ in blocks if k == "heading"]
        assert heads[-1] == "## Conclusions" and all(re.match(r"## \d\. ", h) for h in heads[:-1])
        items = [t for k, t, s in blocks if k == "item"]
        assert items and all(s == "## Conclusions" for k, _, s in blocks if k == "item")
        assert not any(URL.search(t) for t in items)
        assert all(k == "item" for k, _, s in blocks if s == "## Conclusions" and k != "heading")
        # every markdown paragraph of a numbered section links its sources
        for k, t, s in blocks:
            if k == "md" and s.startswith("## ") and s != "## Conclusions":
                assert MD_LINK.search(t), t

    def test_notebook_labels_rest_on_their_paragraph_or_the_cell_above_their_output(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        text = reports[NOTEBOOK]
        blocks = _notebook(text)
        cited = set(URL.findall(text))
        for item in labels:
            if item["report"] != NOTEBOOK:
                continue
            owners = [i for i, (_, t, _) in enumerate(blocks) if item["quote"] in t]
            assert len(owners) == 1, item["quote"]
            kind, _, section = blocks[owners[0]]
            assert kind in ("md", "out", "html", "item"), item  # never code, a title, a heading or a prompt
            if kind == "item":  # Conclusions: an unsourced summary claim, the notebook's own pages or nothing
                assert section == "## Conclusions" and set(item["source_urls"]) <= cited, item
            else:
                assert section.startswith("## ") and set(item["source_urls"]) == _scope(blocks, owners[0]), item

    def test_each_report_cites_pages_in_the_other_language(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        langs = page_languages(manifest, self.SET.sources)
        bulletin = set(URL.findall(reports[BULLETIN]))
        notebook = set(URL.findall(reports[NOTEBOOK]))
        assert {u for u in bulletin if u in langs and langs[u].startswith("en")} >= {TECHCRUNCH, NIKKEI}
        assert {u for u in notebook if u in langs and langs[u].startswith("zh")} == {QBITAI, UDN, HKET, KR36}
        assert bulletin & notebook == {QBITAI, UDN, HKET, TECHCRUNCH}  # pages cited by both reports
        assert langs[UDN] == "zh-Hant-TW" and langs[HKET] == "zh-Hant-HK"

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # realistic article HTML, 4-9 KB, with chrome: an inline script and a cookie notice
        for url, entry in manifest.items():
            if "file" in entry:
                raw = (sources / entry["file"]).read_text(encoding="utf-8")
                assert 4 * 1024 <= len(raw.encode("utf-8")) <= 9 * 1024, url
                assert "<script>" in raw and "cookie" in raw.lower(), url
        # half the captured pages in Chinese (Simplified, Taiwan and Hong Kong Traditional), half in English
        langs = page_languages(manifest, sources)
        assert sum(v.startswith("zh") for v in langs.values()) == 6
        assert sum(v.startswith("en") for v in langs.values()) == 6
        assert sorted(v for v in langs.values() if v.startswith("zh-Hant")) == ["zh-Hant-HK", "zh-Hant-TW"]
        # tables whose unit is only in a caption or a header
        assert "鼎曜近三個月營收（單位：新台幣億元）" in texts[UDN] and "10月 756.3 -3.1% 52.6%" in texts[UDN]
        assert "算力规模（PFLOPS） 总投资（亿元）" in joined and "2 海淀中关村智算平台 海淀区 8,500 47" in joined
        assert "(in millions, except per share data)" in joined and "Revenue 3,420 3,138 2,426" in joined
        # a correction that revises a figure
        assert "It is $7.8 billion, not $8.7 billion, as an earlier version stated." in joined
        # a complete list, with the name left off it
        assert "确定第一批算力券支持平台共四家，分别为：" in joined and "门头沟京西智算基地申报材料尚需补充完善" in joined
        # two subjects' figures in one sentence; month-on-month next to year-on-year; a swapped pair
        assert "will invest about $1.2 billion in Mexico and $300 million in Vietnam" in joined
        assert "月增11.4%，年增67.9%" in texts[UDN] and "AI伺服器營收占比已由10月的68%提升至約72%" in texts[UDN]
        assert "Meridale shares rose 6.3% on Monday, while Halvorsen jumped 11.2%." in joined
        # a quarter's figure next to the fiscal year's; 萬 on a Traditional page
        assert "AI networking revenue of $1.87 billion" in joined and "AI networking revenue of $5.94 billion" in joined
        assert "雲棧運營約2.6萬張GPU卡" in texts[HKET] and "26,000" not in joined
        # figures the pages decline to give
        assert "She declined to disclose gross margins or the company's burn rate" in texts[TECHCRUNCH]
        assert "declined to comment on the timing of a possible IPO" in texts[TECHCRUNCH]
        assert "declined to say how many GPUs the campuses would house" in joined
        assert "深衡智能未披露训练所用加速卡数量和训练成本" in texts[QBITAI]
        assert "澄曜没有披露今年的营收和利润数据" in texts[KR36]
        assert "也未對明年營收提出具體財測" in texts[UDN] and "would not give a revenue forecast for 2027" in texts[NIKKEI]
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert not any(s in texts[SOFT_404] for s in ("Torrent", "TX-9", "TX-8", "288"))
        assert not any(s in texts[PAYWALL] for s in ("50亿", "恒岳", "保荐", "8,000", "客户"))
