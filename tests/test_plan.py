"""The action plan and its exports; the .ics is read back with a real parser (icalendar)."""

import datetime as dt

import pytest
from icalendar import Calendar

from calc.plan import build_plan
from calc.upskilling import UpskillingInputs, evaluate
from ui.export import plan_ics, plan_markdown

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
    stamp = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
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
