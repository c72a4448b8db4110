"""Downloads: the action plan as Markdown and as an iCalendar (.ics) file.

The calendar is written with the ``icalendar`` package (RFC 5545: line folding, escaping and
recurrence rules done by a maintained library, not by hand). Study sessions are weekly
recurring events in floating local time (they import at 19:00 wherever the user is);
milestones are all-day events. UIDs and DTSTAMP are derived from the plan, so the same
scenario always produces the same file.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from calc.plan import ActionPlan
from calc.upskilling import UpskillingResult
from ui import fmt

__all__ = ["plan_markdown", "plan_ics"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def plan_markdown(
    plan: ActionPlan, result: UpskillingResult, currency: str = "USD", locale: str | None = None,
    link: str | None = None,
) -> str:
    """The plan as a Markdown document (headings, lists, a milestone table).

    Examples
    --------
    >>> import datetime as dt
    >>> from calc.plan import build_plan
    >>> from calc.upskilling import UpskillingInputs, evaluate
    >>> r = evaluate(UpskillingInputs(weekly_hours=10, target_hours=240, start=dt.date(2027, 1, 4)))
    >>> md = plan_markdown(build_plan(r), r)
    >>> md.splitlines()[0]
    '# My upskilling plan'
    >>> "| Competent | Jun 21, 2027 |" in md
    True
    """
    i = result.inputs
    lines = ["# My upskilling plan", ""]
    if result.weeks is None:
        lines += ["No study hours are planned, so the target is never reached. Plan at least a few hours a week.", ""]
    else:
        lines += [
            f"- Target: {i.target_hours:,.0f} practice hours ({result.hours_to_study:,.0f} still to do)",
            f"- Pace: {i.weekly_hours:g} hours a week, {fmt.percent(i.consistency, locale)} of weeks",
            f"- Competent in {fmt.number(result.weeks, locale, 1)} weeks: "
            f"{fmt.date(result.competency_date, locale)}",
            f"- Expected premium: {fmt.money(i.premium, currency, locale)} a year, "
            f"{fmt.percent(i.probability, locale)} likely",
            "",
        ]
    lines += ["## Weekly sessions", ""]
    if plan.sessions:
        for s in plan.sessions:
            lines.append(f"- {WEEKDAYS[s.weekday]} {s.start:%H:%M}, {s.minutes} minutes (from "
                         f"{fmt.date(s.first, locale)})")
    else:
        lines.append("- none planned")
    lines += ["", "## The next 30 days", ""] + [f"- {step}" for step in plan.first_30_days]
    if plan.milestones:
        first = plan.milestones[0]
        lines += ["", f"First milestone: {first.name} ({first.what}) by {fmt.date(first.date, locale)}."]
    lines += ["", "## The next 6 months: milestones", "", "| Milestone | Date | What |", "|---|---|---|"]
    lines += [f"| {m.name} | {fmt.date(m.date, locale)} | {m.what} |" for m in plan.milestones]
    lines += ["", "## Portfolio entries to earn (fill in your numbers)", ""]
    lines += [f"- {p}" for p in plan.portfolio]
    lines += ["", "---", "Illustrative estimate made with Upskill ROI."]
    if link:
        lines.append(f"Scenario: {link}")
    return "\n".join(lines) + "\n"


def plan_ics(plan: ActionPlan) -> bytes:
    """The weekly sessions and the milestones as an iCalendar file.

    Examples
    --------
    >>> import datetime as dt
    >>> from calc.plan import build_plan
    >>> from calc.upskilling import UpskillingInputs, evaluate
    >>> r = evaluate(UpskillingInputs(weekly_hours=4, target_hours=20, start=dt.date(2027, 1, 4)))
    >>> cal = Calendar.from_ical(plan_ics(build_plan(r)))
    >>> [str(e.get("SUMMARY")) for e in cal.walk("VEVENT")]
    ['Study session', 'Study session', 'Milestone: 25% of the hours', 'Milestone: 50% of the hours', 'Milestone: Competent', 'Milestone: Raise or new role']
    """
    cal = Calendar()
    cal.add("prodid", "-//Upskill ROI//Upskilling plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Upskilling plan")
    stamp = dt.datetime.combine(plan.sessions[0].first if plan.sessions else dt.date(2000, 1, 1),
                                dt.time(0, 0), tzinfo=dt.timezone.utc)
    for n, s in enumerate(plan.sessions):
        ev = Event()
        start = dt.datetime.combine(s.first, s.start)  # floating local time
        ev.add("uid", f"session-{n}-{s.first.isoformat()}@upskill-roi")
        ev.add("dtstamp", stamp)
        ev.add("summary", "Study session")
        ev.add("description", "Implementation-focused learning: work on the task you picked, measure, write it down.")
        ev.add("dtstart", start)
        ev.add("dtend", start + dt.timedelta(minutes=s.minutes))
        rule = {"freq": "weekly", "byday": RRULE_DAYS[s.weekday]}
        if plan.until is not None:
            rule["until"] = dt.datetime.combine(plan.until, dt.time(23, 59))
        ev.add("rrule", rule)
        cal.add_component(ev)
    for n, m in enumerate(plan.milestones):
        ev = Event()
        ev.add("uid", f"milestone-{n}-{m.date.isoformat()}@upskill-roi")
        ev.add("dtstamp", stamp)
        ev.add("summary", f"Milestone: {m.name}")
        ev.add("description", m.what)
        ev.add("dtstart", m.date)
        ev.add("dtend", m.date + dt.timedelta(days=1))
        cal.add_component(ev)
    return cal.to_ical()
