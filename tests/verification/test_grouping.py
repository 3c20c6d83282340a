"""Grouping the same claim across reports and finding the disagreeing members."""

from __future__ import annotations

import datetime as dt

from claims.grouping import (
    GroupMember,
    blocking_keys,
    event_of,
    find_conflicts,
    group_claims,
    meeting_key,
    name_form,
    same_claim,
    values_agree,
)
from claims.model import Value


def member(cid: int, rep: int, x: float, ents=("OpenAI",), topics=("valuation",), day: int = 1) -> GroupMember:
    v = Value(raw=str(x), value=x, unit="USD", kind="money", precision=1e9)
    return GroupMember(cid, rep, "money", "", (v,), ents, topics, dt.date(2026, 4, day))


def test_same_claim_needs_entity_topic_kind_and_window() -> None:
    assert same_claim(member(1, 1, 8.52e11), member(2, 2, 8.52e11))
    assert not same_claim(member(1, 1, 8.52e11), member(2, 1, 8.52e11))  # same report
    assert not same_claim(member(1, 1, 8.52e11), member(2, 2, 8.52e11, ents=("Anthropic",)))
    assert not same_claim(member(1, 1, 8.52e11), member(2, 2, 8.52e11, topics=("revenue",)))
    far = GroupMember(2, 2, "money", "", member(2, 2, 8.52e11).values, ("OpenAI",), ("valuation",), dt.date(2026, 9, 1))
    assert not same_claim(member(1, 1, 8.52e11), far)


def test_conflicts_point_both_ways() -> None:
    ms = [member(1, 1, 8.52e11), member(2, 2, 8.52e11), member(3, 3, 5.82e11)]
    assert len(group_claims(ms)) == 1
    conflicts = find_conflicts(ms)
    assert conflicts[3] == {1, 2} and 3 in conflicts[1] and 3 in conflicts[2]


def test_values_agree_within_precision() -> None:
    a = Value(raw="", value=9e9, unit="USD", kind="money", qualifier="~", precision=1e8)
    b = Value(raw="", value=9.2e9, unit="USD", kind="money", precision=1e8)
    assert values_agree(a, b)


def test_garbled_unit_groups_with_the_count_it_stands_for() -> None:
    minutes = Value(raw="300 分钟", value=300.0, unit="min", kind="count", precision=1.0)
    users = Value(raw="300 万", value=3e6, unit=None, kind="count", precision=1e4, noun="weekly active users")
    a = GroupMember(1, 1, "count", "Codex 周活达到 300 分钟", (minutes,), ("Codex",), ("weekly active users",), key_offset=10)
    b = GroupMember(2, 2, "count", "Codex 周活达到 300 万", (users,), ("Codex",), ("weekly active users",), key_offset=10)
    assert find_conflicts([a, b]) == {1: {2}, 2: {1}}


# -- dates: the same event across reports ------------------------------------------------------------------


def _members(*reports: tuple[str, str]) -> list[GroupMember]:
    """The checkworthy claims of short reports (report date, body), as grouping members."""
    from claims.extract import iter_claims
    from claims.report import parse_report

    out: list[GroupMember] = []
    for rid, (day, body) in enumerate(reports, start=1):
        report = parse_report(f"# Daily | {day}\n\n## 要闻\n\n{body}\n", f"r{rid}.md")  # a heading without a name
        for c in iter_claims(report):
            if c.checkworthy:
                out.append(
                    GroupMember(len(out) + 1, rid, c.kind, c.sentence, c.values, c.entities, c.topics,
                                report.date, c.start - c.sentence_start)
                )
    return out


def _dates(members: list[GroupMember]) -> list[GroupMember]:
    return [m for m in members if m.kind == "date"]


def _date_conflicts(*reports: tuple[str, str]) -> list[tuple[str, str]]:
    """The disagreeing date pairs (raw values, each pair once) among the reports' claims."""
    members = _members(*reports)
    by_id = {m.claim_id: m for m in members}
    conflicts = find_conflicts(members)
    return sorted(
        (by_id[a].values[0].raw, by_id[b].values[0].raw)
        for a, others in conflicts.items()
        for b in others
        if by_id[a].kind == "date" and a < b
    )


def test_two_reports_dating_one_release_differently_conflict() -> None:
    got = _date_conflicts(
        ("2026-04-12", "Meta 于 2026-04-08 发布 Muse Spark，面向开发者开放。"),
        ("2026-04-13", "Meta released Muse Spark on April 9, 2026, to developers."),
    )
    assert got == [("2026-04-08", "April 9, 2026")]


def test_the_date_may_open_its_sentence() -> None:
    got = _date_conflicts(
        ("2026-04-12", "2026 年 4 月 8 日，Meta 发布 Muse Spark。"),
        ("2026-04-13", "On April 9, 2026, Meta launched Muse Spark for developers."),
    )
    assert got == [("2026 年 4 月 8 日", "April 9, 2026")]


def test_a_partial_date_agrees_with_a_full_one_in_it() -> None:
    members = _members(
        ("2026-04-12", "Meta 于 2026-04-08 发布 Muse Spark。"),
        ("2026-04-20", "Meta released Muse Spark in April 2026."),
        ("2026-04-21", "Meta released Muse Spark in March 2026."),
    )
    dates = _dates(members)
    assert len(dates) == 3 and len(group_claims(members)) == 1  # one event, three reports
    conflicts = find_conflicts(members)
    full, month, wrong = (m.claim_id for m in dates)
    assert month not in conflicts.get(full, set())  # 2026-04 holds 2026-04-08
    assert conflicts[wrong] == {full, month}  # 2026-03 holds neither


def test_different_events_of_one_product_are_not_grouped() -> None:
    members = _members(
        ("2026-04-03", "Meta announced Muse Spark on April 2, 2026."),
        ("2026-04-10", "Meta released Muse Spark on April 9, 2026."),
        ("2026-04-16", "Muse Spark became available to Meta developers on April 15, 2026."),
        ("2026-04-17", "Meta 于 2026 年 4 月 1 日开启 Muse Spark 预览。"),
        ("2026-04-18", "Meta open-sourced Muse Spark on April 17, 2026."),
    )
    kinds = [event_of(m).kind for m in _dates(members)]  # type: ignore[union-attr]
    assert kinds == ["announce", "release", "available", "preview", "open_source"]
    assert find_conflicts(members) == {}


def test_the_same_event_of_another_product_is_not_grouped() -> None:
    assert _date_conflicts(
        ("2026-04-03", "Meta released Llama 5 on April 2, 2026."),
        ("2026-04-10", "Meta released Muse Spark on April 9, 2026."),
    ) == []


def test_a_sentence_of_two_events_dates_each_by_its_own_segment() -> None:
    members = _members(("2026-04-10", "Meta announced Muse Spark on April 2, 2026 and released it on April 9, 2026."))
    first, second = _dates(members)
    assert event_of(first) is not None and event_of(first).kind == "announce"  # type: ignore[union-attr]
    assert event_of(second) is None  # "released it on …": the thing is not named in its segment
    # the announcement is not the release another report dates
    assert _date_conflicts(
        ("2026-04-10", "Meta announced Muse Spark on April 2, 2026 and released it on April 9, 2026."),
        ("2026-04-11", "Meta released Muse Spark on April 9, 2026."),
    ) == []


def test_unsure_dates_are_left_alone() -> None:
    for body in (
        "Meta announced it would release Muse Spark on April 9, 2026.",  # two events in one segment
        "Meta will release Muse Spark by April 9, 2026.",  # a bound
        "Meta 将于 2026 年 4 月底前发布 Muse Spark。",  # a bound
        "Meta 最早于 2026 年 4 月发布 Muse Spark。",  # a bound
        "Meta said on April 9, 2026 that sales of its glasses doubled.",  # no event word
        "Muse Spark was released on April 9, 2026.",  # one name: who released it?
    ):
        (date,) = _dates(_members(("2026-04-10", body)))
        assert event_of(date) is None, body


def test_dated_events_far_apart_are_not_grouped() -> None:
    assert _date_conflicts(
        ("2026-01-05", "Meta released Muse Spark on January 4, 2026."),
        ("2026-04-10", "Meta released Muse Spark on April 9, 2026."),
    ) == []


# -- names across scripts ------------------------------------------------------------------------------


def test_a_han_name_meets_its_romanisation_only_across_scripts() -> None:
    han = name_form("云迹智算公司")
    assert han.han and "py:yunjizhisuan" in han.sounds and "py:yunji" in han.sounds  # whole, and its short name
    for latin in ("Yunji", "Yunji Zhisuan", "Yunji Zhisuan Tech", "Yunji's valuation reached"):
        assert not name_form(latin).sounds.isdisjoint(han.sounds), latin
    assert name_form("云迹科技").sounds & han.sounds  # a sound in common, but both are written in Han:
    assert not GroupMember(1, 1, "money", "", entities=("云迹科技",))._latin_sounds  # they meet only by characters
    assert name_form("Muse Spark").sounds == frozenset()  # not every word is pinyin
    assert name_form("Meta").sounds == frozenset()  # a known name's Chinese form is already in English
    assert name_form("Kestrel").sounds == frozenset()


def test_blocking_keys_of_sounds_meet_the_other_script() -> None:
    zh, en = [m for m in _members(
        ("2026-04-12", "云迹智算公司估值达到 20 亿美元。"),
        ("2026-04-13", "Yunji's valuation reached $3 billion, the company said."),
    ) if m.kind == "money"]
    assert "money|money|pyh:yunji" in blocking_keys(zh) and "money|money|pyl:yunji" in blocking_keys(en)
    assert meeting_key("money|money|pyl:yunji") == "money|money|pyh:yunji"
    assert meeting_key("money|money|kestrel") == "money|money|kestrel"
    assert find_conflicts([zh, en]) == {zh.claim_id: {en.claim_id}, en.claim_id: {zh.claim_id}}


def test_a_clause_that_opens_with_a_han_name_meets_its_romanisation() -> None:
    members = [m for m in _members(
        ("2026-04-12", "云迹智算完成 2 亿美元融资。"),
        ("2026-04-13", "Yunji raised $300 million in new funding."),
    ) if m.kind == "money"]
    assert len(members) == 2
    assert len(find_conflicts(members)) == 2
    # and two Han clauses that open alike do not meet by sound
    han_only = [m for m in _members(
        ("2026-04-12", "云迹智算完成 2 亿美元融资。"),
        ("2026-04-13", "云迹科技完成 3 亿美元融资。"),
    ) if m.kind == "money"]
    assert find_conflicts(han_only) == {}
    # a sentence that names someone is about them: its opening Han run is not read as a name
    named = GroupMember(1, 1, "money", "云迹智算与 NVIDIA 合作，估值 20 亿美元", entities=("NVIDIA",), key_offset=19)
    unnamed = GroupMember(2, 1, "money", "云迹智算估值 20 亿美元", entities=("News",), key_offset=7)
    assert not named._han_sounds and "py:yunji" in unnamed._han_sounds


def test_background_dates_outside_the_report_window_are_not_aligned() -> None:
    # a founding year recalled in passing is not the report's news (and writers round it loosely)
    assert _date_conflicts(
        ("2026-04-10", "Meta 于 2019 年 5 月发布 Muse Spark 的前身。"),
        ("2026-04-11", "Meta released Muse Spark in 2020, its first assistant."),
    ) == []
    # a month or a year is recent when any of its days is
    assert _date_conflicts(
        ("2026-01-03", "Meta released Muse Spark in 2025."),
        ("2026-01-04", "Meta 于 2026 年 1 月 2 日发布 Muse Spark。"),
    ) == [("2025", "2026 年 1 月 2 日")]


def test_one_more_thing_named_may_be_another_event() -> None:
    assert _date_conflicts(
        ("2026-04-10", "Meta released Muse Spark on April 8, 2026."),
        ("2026-05-02", "Meta released Muse Spark on AWS on May 1, 2026."),  # another release: on AWS
    ) == []
    assert _date_conflicts(
        ("2026-04-10", "Meta announced Muse Spark on April 2, 2026."),
        ("2026-04-20", "Meta announced a Muse Spark partnership with Arm on April 19, 2026."),
    ) == []


def test_a_recurring_event_dates_many_days_of_one_thing() -> None:
    assert _date_conflicts(
        ("2026-06-03", "OpenEval updated the Arena leaderboard on June 2, 2026."),
        ("2026-06-10", "OpenEval updated the Arena leaderboard on June 9, 2026."),
    ) == []


def test_names_that_look_like_months_still_name_things() -> None:
    (date,) = _dates(_members(("2026-04-10", "Marvell released Decagon 3 on April 9, 2026.")))
    event = event_of(date)
    assert event is not None and {n.norm for n in event.names} == {"marvell", "decagon3"}  # not "April 9"


def test_distinct_life_events_are_apart_while_loose_words_bind_nothing() -> None:
    from claims.grouping_events import events_apart

    assert events_apart("公司计划于2027年启动科创板IPO", "深言科技成立于2023年")
    assert events_apart("Acme was founded in 2019", "Acme raised $40 million in 2021")
    assert not events_apart("发布 Vera Rubin 平台", "which Nvidia unveiled at GTC")  # an unveiling may be the release
    assert not events_apart("公司于2027年上市", "the company plans to list its shares, an IPO in 2027")
    assert not events_apart("公司于2027年上市", "in 2027")  # a bare date names no event
    # publishing a notice is an announcement, not a product's release
    assert not events_apart("证监会2月10日发布消息称，核准了12家企业的首发申请", "News published on February 10 stated that the IPO applications")
