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


@pytest.mark.parametrize("weekly, sessions, minutes", [(1, 1, 60), (3, 2, 90), (10, 5, 120), (12, 5, 144),
                                                       (40, 5, 480)])
def test_weekly_hours_become_sessions(weekly, sessions, minutes):
    plan, _ = plan_for(weekly_hours=weekly)
    assert len(plan.sessions) == sessions
    assert {s.minutes for s in plan.sessions} == {minutes}
    assert sum(s.minutes for s in plan.sessions) == pytest.approx(weekly * 60, abs=sessions)


def test_no_hours_no_sessions_no_milestones():
    plan, r = plan_for(weekly_hours=0)
    assert plan.sessions == () and plan.milestones == () and plan.until is None
    assert "never reached" in plan_markdown(plan, r)


def test_milestones_by_hand():
    plan, _ = plan_for(weekly_hours=12, target_hours=240, lag_months=3)
    # 240 h / 12 h = 20 weeks: 25 % at 5 weeks (35 days), 50 % at 70 days, competent at 140 days.
    got = {m.name: m.date for m in plan.milestones}
    assert got["25% of the hours"] == dt.date(2027, 2, 8)
    assert got["50% of the hours"] == dt.date(2027, 3, 15)
    assert got["Competent"] == dt.date(2027, 5, 24)
    # Role: (20 / 4.333 + 3) months = 7.615 months x 30.4375 = 231.8 -> 232 days after the start.
    assert got["Raise or new role"] == START + dt.timedelta(days=232)


def test_ics_parses_and_holds_the_expected_events():
    plan, _ = plan_for(weekly_hours=3, target_hours=240)  # 2 sessions of 90 min; 80 weeks
    cal = Calendar.from_ical(plan_ics(plan))
    events = list(cal.walk("VEVENT"))
    sessions = [e for e in events if str(e["SUMMARY"]) == "Study session"]
    milestones = [e for e in events if str(e["SUMMARY"]).startswith("Milestone:")]
    assert len(sessions) == 2 and len(milestones) == 4
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


def test_ics_is_reproducible():
    plan, _ = plan_for()
    assert plan_ics(plan) == plan_ics(plan_for()[0])


def test_markdown_has_the_plan():
    plan, r = plan_for(weekly_hours=12, target_hours=240)
    md = plan_markdown(plan, r, "EUR", "de-DE", link="http://x/upskilling?weekly=12")
    assert "# My upskilling plan" in md and "## The next 30 days" in md
    assert "| Competent | 24.05.2027 |" in md
    assert "- Tuesday 19:00, 144 minutes" in md
    assert "50.000\xa0€" in md
    assert md.rstrip().endswith("Scenario: http://x/upskilling?weekly=12")
