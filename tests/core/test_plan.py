"""The action plan and its exports; the .ics is read back with a real parser (icalendar)."""

import datetime as dt
import math

import pytest
from icalendar import Calendar

from upskill_roi.core.plan import (
    AUTOMATIC_DAYS,
    AUTOMATIC_TIME,
    DAY_CHOICES,
    TIME_CHOICES,
    build_plan,
    days_label,
    schedule_from_choices,
)
from upskill_roi.core.upskilling import UpskillingInputs, evaluate
from upskill_roi.documents.plan_files import plan_ics, plan_markdown

START = dt.date(2027, 1, 4)  # a Monday


def plan_for(**kw):
    r = evaluate(UpskillingInputs(start=START, **kw))
    return build_plan(r), r


@pytest.mark.parametrize("weekly, sessions, minutes, evening", [
    (1, 1, 60, True), (3, 2, 90, True), (10, 5, 120, True), (12, 6, 120, True), (14, 7, 120, True),
    (20, 7, 171, False), (40, 7, 343, False)])
def test_weekly_hours_become_sessions(weekly, sessions, minutes, evening):
    plan, _ = plan_for(weekly_hours=weekly)
    assert len(plan.sessions) == sessions
    assert {s.minutes for s in plan.sessions} == {minutes}
    assert sum(s.minutes for s in plan.sessions) == pytest.approx(weekly * 60, abs=sessions)
    weekday_starts = {s.start for s in plan.sessions if s.weekday < 5}
    assert weekday_starts == ({dt.time(19, 0)} if evening else {dt.time(9, 0)})  # long days start in the morning
    assert all(s.start == dt.time(9, 0) for s in plan.sessions if s.weekday >= 5)
    assert len({s.weekday for s in plan.sessions}) == sessions


def test_no_hours_no_sessions_no_milestones():
    plan, r = plan_for(weekly_hours=0)
    assert plan.sessions == () and plan.milestones == () and plan.until is None
    assert "never reached" in plan_markdown(plan, r)
    with pytest.raises(ValueError, match="nothing to put in a calendar"):
        plan_ics(plan)


def test_a_pace_slower_than_a_century_gets_no_endless_sessions():
    plan, r = plan_for(weekly_hours=0.5, target_hours=600, consistency=0.1)  # 12,000 weeks
    assert r.weeks is None and plan.sessions == () and plan.milestones == ()
    assert "more than a century" in plan_markdown(plan, r)


def test_prior_hours_covering_the_target():
    plan, r = plan_for(prior_hours=300, target_hours=260, lag_months=3)
    assert r.weeks == 0.0 and plan.sessions == ()
    # Competent on the start date; the role 3 months (13 weeks = 91 days) later.
    assert [(m.name, m.date) for m in plan.milestones] == [
        ("Competent", START), ("Raise or new role", START + dt.timedelta(days=91))]
    cal = Calendar.from_ical(plan_ics(plan))
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Milestone: Competent", "Milestone: Raise or new role"]


def test_milestones_by_hand():
    plan, _ = plan_for(weekly_hours=12, target_hours=240, lag_months=3)
    # 240 h / 12 h = 20 weeks: 25 % at 5 weeks (35 days), 50 % at 70 days, competent at 140 days.
    got = {m.name: m.date for m in plan.milestones}
    assert got["30-day checkpoint"] == START + dt.timedelta(days=30)
    assert got["25% of the target"] == dt.date(2027, 2, 8)
    assert got["50% of the target"] == dt.date(2027, 3, 15)
    assert got["Competent"] == dt.date(2027, 5, 24)
    # Role: 20 weeks + 3 months x 52/12 = 33 weeks = 231 days after the start.
    assert got["Raise or new role"] == START + dt.timedelta(days=231)
    assert [m.date for m in plan.milestones] == sorted(m.date for m in plan.milestones)


def test_milestones_count_prior_hours():
    plan, _ = plan_for(weekly_hours=10, target_hours=240, prior_hours=100)
    names = [m.name for m in plan.milestones]
    assert "25% of the target" not in names  # 60 h: already covered by 100 prior hours
    # 50 % = 120 h total: 20 more hours at 10 h/week = 2 weeks.
    assert {m.name: m.date for m in plan.milestones}["50% of the target"] == START + dt.timedelta(weeks=2)


def test_first_30_days_carry_dates_and_hours():
    plan, _ = plan_for(weekly_hours=8, consistency=0.75)
    first = plan.first_30_days[0]
    assert (first.label, first.start, first.end, first.hours) == ("Week 1", START, START + dt.timedelta(days=6), 6.0)
    assert len(plan.first_30_days) == 4


def test_ics_parses_and_holds_the_expected_events():
    plan, _ = plan_for(weekly_hours=3, target_hours=240)  # 2 sessions of 90 min; 80 weeks
    cal = Calendar.from_ical(plan_ics(plan))
    events = list(cal.walk("VEVENT"))
    sessions = [e for e in events if str(e["SUMMARY"]) == "Study session"]
    milestones = [e for e in events if str(e["SUMMARY"]).startswith("Milestone:")]
    # 30-day checkpoint, 25 %, 50 %, competent, role
    assert len(sessions) == 2 and len(milestones) == 5
    tue = sessions[0]
    assert tue.decoded("DTSTART") == dt.datetime(2027, 1, 5, 19, 0)  # first Tuesday, floating 19:00
    assert tue.decoded("DTEND") - tue.decoded("DTSTART") == dt.timedelta(minutes=90)
    rule = tue["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"]
    assert rule["UNTIL"][0].date() == START + dt.timedelta(weeks=80)
    thu = sessions[1]  # the order of days is Tue, Thu, Sat, Mon, Wed
    assert thu.decoded("DTSTART") == dt.datetime(2027, 1, 7, 19, 0) and thu["RRULE"]["BYDAY"] == ["TH"]
    competent = next(e for e in milestones if "Competent" in str(e["SUMMARY"]))
    assert competent.decoded("DTSTART") == START + dt.timedelta(weeks=80)  # all-day date
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_ics_is_reproducible_for_a_given_stamp_and_uids_follow_the_plan():
    stamp = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    plan, _ = plan_for()
    assert plan_ics(plan, stamp) == plan_ics(plan_for()[0], stamp)
    other, _ = plan_for(weekly_hours=8)
    uids = {str(e["UID"]) for e in Calendar.from_ical(plan_ics(plan, stamp)).walk("VEVENT")}
    other_uids = {str(e["UID"]) for e in Calendar.from_ical(plan_ics(other, stamp)).walk("VEVENT")}
    assert not uids & other_uids  # a changed plan never silently overwrites the old events
    ev = Calendar.from_ical(plan_ics(plan, stamp)).walk("VEVENT")[0]
    assert ev.decoded("DTSTAMP") == stamp


def test_markdown_has_the_plan():
    plan, r = plan_for(weekly_hours=12, target_hours=240)
    md = plan_markdown(plan, r, "EUR", "de-DE", link="http://x/upskilling?weekly=12")
    assert "# My upskilling plan" in md and "## The next 30 days" in md
    assert "| Competent | 24.05.2027 |" in md
    assert "- Tuesday 19:00, 120 minutes" in md  # 12 h/week: six 2-hour sessions
    assert "50.000\xa0€" in md
    assert md.rstrip().endswith("Scenario: http://x/upskilling?weekly=12")


# --- Chosen days and start time (the issue: let people choose; list sessions in date order) ----
TUESDAY = dt.date(2027, 1, 5)


def sessions_of(plan):
    return [(s.weekday, s.first, s.start, s.minutes) for s in plan.sessions]


def test_mon_wed_fri_from_a_tuesday_are_listed_in_date_order():
    r = evaluate(UpskillingInputs(weekly_hours=6, target_hours=240, start=TUESDAY))
    plan = build_plan(r, days=[0, 2, 4], start_time=dt.time(7, 0))
    # 6 h over three days = 120 min each; from Tue 5 Jan: Wed 6, Fri 8, then Mon 11.
    assert sessions_of(plan) == [(2, dt.date(2027, 1, 6), dt.time(7), 120), (4, dt.date(2027, 1, 8), dt.time(7), 120),
                                 (0, dt.date(2027, 1, 11), dt.time(7), 120)]
    assert not plan.too_long
    # The order the days are given in does not matter, nor does a repeated day.
    assert build_plan(r, days=(4, 0, 2, 2), start_time=dt.time(7, 0)) == plan


def test_twelve_hour_shift_days_off_thu_to_sun_at_0800_in_the_calendar():
    _, r = plan_for(weekly_hours=10, target_hours=240)
    plan = build_plan(r, [3, 4, 5, 6], dt.time(8, 0))
    # 10 h over four days = 150 min; from Mon 4 Jan the first Thursday is the 7th.
    assert sessions_of(plan) == [(d, dt.date(2027, 1, 4 + d), dt.time(8), 150) for d in (3, 4, 5, 6)]
    events = [e for e in Calendar.from_ical(plan_ics(plan)).walk("VEVENT") if str(e["SUMMARY"]) == "Study session"]
    assert [e.decoded("DTSTART") for e in events] == [dt.datetime(2027, 1, 4 + d, 8, 0) for d in (3, 4, 5, 6)]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(minutes=150) for e in events)
    assert [e["RRULE"]["BYDAY"] for e in events] == [["TH"], ["FR"], ["SA"], ["SU"]]
    # 240 h at 10 h/week = 24 weeks: the sessions stop on the competency date.
    assert {e["RRULE"]["UNTIL"][0] for e in events} == {dt.datetime.combine(START + dt.timedelta(weeks=24),
                                                                            dt.time(23, 59))}


@pytest.mark.parametrize("weekly", [0.5, 1, 3, 6, 10, 12, 14, 20, 40])
@pytest.mark.parametrize("start", [START + dt.timedelta(days=n) for n in range(7)])
def test_automatic_rule_unchanged_and_in_date_order(weekly, start):
    r = evaluate(UpskillingInputs(weekly_hours=weekly, target_hours=240, start=start))
    plan = build_plan(r)
    assert build_plan(r, None, None) == plan
    # The old rule, by hand: the first n of Tue, Thu, Sat, Mon, Wed, Sun, Fri; 09:00 at weekends and
    # above 150 minutes, else 19:00; the first date on or after the start.
    n = min(max(math.ceil(weekly / 2), 1), 7)
    minutes = round(weekly * 60 / n)
    old = {(d, start + dt.timedelta(days=(d - start.weekday()) % 7),
            dt.time(9) if d >= 5 or minutes > 150 else dt.time(19), minutes) for d in (1, 3, 5, 0, 2, 6, 4)[:n]}
    assert set(sessions_of(plan)) == old
    assert [s.first for s in plan.sessions] == sorted(s.first for s in plan.sessions)


def test_automatic_days_from_a_thursday_in_date_order():
    r = evaluate(UpskillingInputs(weekly_hours=10, target_hours=240, start=dt.date(2027, 1, 7)))
    # Tue, Thu, Sat, Mon, Wed (five 2-hour sessions), listed from Thursday 7 January on.
    assert [(s.weekday, s.first.day) for s in build_plan(r).sessions] == [(3, 7), (5, 9), (0, 11), (1, 12), (2, 13)]


def test_a_chosen_time_alone_keeps_the_automatic_days():
    plan, r = plan_for(weekly_hours=10)
    early = build_plan(r, start_time=dt.time(6, 0))
    assert {s.weekday for s in early.sessions} == {s.weekday for s in plan.sessions} == {0, 1, 2, 3, 5}
    assert {s.start for s in early.sessions} == {dt.time(6)}  # the Saturday too


def test_chosen_days_alone_keep_the_automatic_times_and_long_sessions_are_flagged():
    _, r = plan_for(weekly_hours=8)
    plan = build_plan(r, [1, 5])  # 8 h over two days: 240 min, the most without a flag
    assert [(s.weekday, s.start, s.minutes) for s in plan.sessions] == [(1, dt.time(9), 240), (5, dt.time(9), 240)]
    assert not plan.too_long
    _, r = plan_for(weekly_hours=8.5)
    plan = build_plan(r, [1, 5])  # 255 min: more than 4 hours, kept but flagged
    assert [s.minutes for s in plan.sessions] == [255, 255] and plan.too_long
    _, r = plan_for(weekly_hours=4)
    assert {s.start for s in build_plan(r, [0, 2]).sessions} == {dt.time(19)}  # 120 min on weekdays: evening


def test_one_session_per_chosen_day_even_if_short():
    _, r = plan_for(weekly_hours=1)
    plan = build_plan(r, range(7))
    assert len(plan.sessions) == 7 and {s.minutes for s in plan.sessions} == {9}  # 60/7 rounded


@pytest.mark.parametrize("days", [[], [7], [-1], [True], [1.5], "Mon", [None]])
def test_bad_days_are_refused(days):
    _, r = plan_for()
    with pytest.raises(ValueError, match="weekdays"):
        build_plan(r, days)


def test_a_start_time_must_be_a_time():
    _, r = plan_for()
    with pytest.raises(ValueError, match="not a time of day"):
        build_plan(r, None, "08:00")


def test_no_sessions_whatever_the_days_when_nothing_is_left_to_study():
    _, r = plan_for(prior_hours=300, target_hours=260)
    assert build_plan(r, [0], dt.time(6)).sessions == ()


def test_every_day_choice_names_one_set_of_days():
    assert len(DAY_CHOICES) == len(set(DAY_CHOICES)) == 128 and DAY_CHOICES[0] == AUTOMATIC_DAYS
    sets = set()
    for label in DAY_CHOICES[1:]:
        days, start = schedule_from_choices(label, AUTOMATIC_TIME)
        assert start is None and days_label(days) == label and days == tuple(sorted(days))
        sets.add(days)
    assert len(sets) == 127  # every non-empty set of weekdays
    assert schedule_from_choices("Mon, Tue, Wed, Thu, Fri (weekdays)", "21:00") == ((0, 1, 2, 3, 4), dt.time(21))
    assert [schedule_from_choices(AUTOMATIC_DAYS, t)[1] for t in TIME_CHOICES[1:]] == [dt.time(h) for h in
                                                                                       range(5, 23)]
    with pytest.raises(ValueError, match="study time"):
        schedule_from_choices(AUTOMATIC_DAYS, "7pm")


def test_the_choices_travel_in_a_link():
    from urllib.parse import parse_qs

    from upskill_roi.inputs.declared import UPSKILL_INPUTS
    from upskill_roi.inputs.param import check_query, share_query

    by_key = {p.key: p for p in UPSKILL_INPUTS}
    days, time = by_key["study_days"], by_key["study_time"]
    assert share_query([days, time], {"study_days": days.default, "study_time": time.default}) == ""  # defaults
    q = share_query([days, time], {"study_days": "Thu, Fri, Sat, Sun", "study_time": "08:00"})
    assert q == "study_days=Thu%2C+Fri%2C+Sat%2C+Sun&study_time=08%3A00"
    values, problems = check_query([days, time], parse_qs(q))
    assert not problems and values == {"study_days": "Thu, Fri, Sat, Sun", "study_time": "08:00"}
    assert days.parse("Automatic") == days.default  # the first word of the automatic choice
    with pytest.raises(ValueError, match=r"^Study days: `Funday` is not an accepted value; accepted: one of the 128"):
        days.parse("Funday")
    with pytest.raises(ValueError, match=r"^Sessions start at \(local time\): `25:00` is not an accepted value"):
        time.parse("25:00")


def test_markdown_follows_the_chosen_days_and_time():
    _, r = plan_for(weekly_hours=6, target_hours=240)
    md = plan_markdown(build_plan(r, [6, 2], dt.time(22)), r, locale="en-GB")
    lines = [line for line in md.splitlines() if line.startswith("- ") and "minutes" in line]
    # 180 min from 22:00 ends at 01:00 the next day; Wednesday 6 Jan comes before Sunday 10 Jan.
    assert lines == ["- Wednesday 22:00, 180 minutes (from 6 Jan 2027), ending 01:00 the next day",
                     "- Sunday 22:00, 180 minutes (from 10 Jan 2027), ending 01:00 the next day"]
    assert "more than 4 hours" not in md


# --- The page ---------------------------------------------------------------------------
def _page(**query):
    from tests.web.test_app import run

    return run("views/upskilling.py", **query)


def test_page_takes_the_days_and_time_from_a_link_into_the_list_and_the_calendar(monkeypatch):
    from upskill_roi.documents import plan_files as export

    made = []
    real = export.plan_ics
    monkeypatch.setattr(export, "plan_ics", lambda plan, *a, **k: made.append(real(plan, *a, **k)) or made[-1])
    at = _page(weekly="10", goal="Certificate (240 h)", start="2027-01-04", study_days="Thu, Fri, Sat, Sun",
               study_time="08:00")
    assert not at.exception and not at.warning
    assert at.selectbox(key="study_days").value == "Thu, Fri, Sat, Sun"
    assert at.selectbox(key="study_time").value == "08:00"
    listed = next(m.value for m in at.markdown if m.value.startswith("- Thursday"))
    assert listed.splitlines() == [f"- {day} 08:00, 150 minutes (from Jan {n}, 2027)"
                                   for day, n in (("Thursday", 7), ("Friday", 8), ("Saturday", 9), ("Sunday", 10))]
    events = [e for e in Calendar.from_ical(made[-1]).walk("VEVENT") if str(e["SUMMARY"]) == "Study session"]
    assert [e.decoded("DTSTART") for e in events] == [dt.datetime(2027, 1, n, 8) for n in (7, 8, 9, 10)]
    share = at.code[-1].value
    assert "study_days=Thu%2C+Fri%2C+Sat%2C+Sun" in share and "study_time=08%3A00" in share


def test_page_choosing_days_reorders_and_flags_long_sessions():
    at = _page(weekly="10", start="2027-01-05")
    first = next(m.value for m in at.markdown if "minutes (from" in m.value)
    assert first.splitlines()[0] == "- Tuesday 19:00, 120 minutes (from Jan 5, 2027)"  # date order from Tuesday
    at.selectbox(key="study_days").set_value("Sat, Sun (weekend)").run()
    listed = next(m.value for m in at.markdown if "minutes (from" in m.value)
    assert listed.splitlines() == ["- Saturday 09:00, 300 minutes (from Jan 9, 2027)",
                                   "- Sunday 09:00, 300 minutes (from Jan 10, 2027)"]
    assert any("5.0 hours, more than 4 hours in one sitting" in w.value for w in at.warning)


@pytest.mark.parametrize("key, raw", [("study_days", "Funday"), ("study_time", "7pm")])
def test_page_names_a_bad_day_or_time_in_a_link(key, raw):
    at = _page(**{key: raw}, weekly="10")
    assert not at.exception
    text = " ".join(w.value for w in at.warning)
    assert f"`{key}`" in text and f"`{raw}`" in text and "is not an accepted value" in text
    assert at.selectbox(key=key).value.startswith("Automatic")  # the default is used instead
