"""Downloads: the action plan as Markdown and as an iCalendar (.ics) file.

The calendar is written with the ``icalendar`` package (RFC 5545: line folding, escaping and
recurrence rules done by a maintained library, not by hand). Study sessions are weekly
recurring events on the plan's days, in floating local time (a 08:00 session imports at 08:00
wherever the user is), ending on the competency date; milestones are all-day events. Both
files list the sessions as the plan does, in date order.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from upskill_roi.core.plan import MAX_SESSION_MINUTES, ActionPlan, Session, Step
from upskill_roi.core.upskilling import UpskillingResult
from upskill_roi.present import fmt

__all__ = ["plan_markdown", "plan_ics", "step_text", "session_text"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def session_text(session: Session, locale: str | None = None) -> str:
    """One weekly session in words: day, start, length and first date (in the locale); a session
    that runs past midnight says when it ends.

    Examples
    --------
    >>> import datetime as dt
    >>> from upskill_roi.core.plan import Session
    >>> session_text(Session(2, dt.time(8), 120, dt.date(2027, 1, 6)), "en-GB")
    'Wednesday 08:00, 120 minutes (from 6 Jan 2027)'
    >>> session_text(Session(5, dt.time(22), 240, dt.date(2027, 1, 9)), "en-US")
    'Saturday 22:00, 240 minutes (from Jan 9, 2027), ending 02:00 the next day'
    """
    s = session
    text = f"{WEEKDAYS[s.weekday]} {s.start:%H:%M}, {s.minutes} minutes (from {fmt.date(s.first, locale)})"
    start = dt.datetime.combine(s.first, s.start)
    end = start + dt.timedelta(minutes=s.minutes)
    if end.date() > start.date():
        days = (end.date() - start.date()).days
        text += f", ending {end:%H:%M} " + ("the next day" if days == 1 else f"{days} days later")
    return text


def step_text(step: Step, locale: str | None = None) -> str:
    """One step of the first 30 days in words, dates in the locale.

    Examples
    --------
    >>> import datetime as dt
    >>> from upskill_roi.core.plan import Step
    >>> step_text(Step("Week 1", dt.date(2027, 1, 4), dt.date(2027, 1, 10), 10.0, "start."), "en-GB")
    'Week 1 (4 Jan 2027 – 10 Jan 2027, 10 h): start.'
    """
    if step.start is None or step.end is None:  # a step has both dates or neither
        return f"{step.label}: {step.text}"
    hours = ("" if step.hours is None
             else f", {fmt.number(step.hours, locale, 0 if float(step.hours).is_integer() else 1)} h")
    return f"{step.label} ({fmt.date(step.start, locale)} – {fmt.date(step.end, locale)}{hours}): {step.text}"


def plan_markdown(
    plan: ActionPlan, result: UpskillingResult, currency: str = "USD", locale: str | None = None,
    link: str | None = None,
) -> str:
    """The plan as a Markdown document (headings, lists, a milestone table).

    Examples
    --------
    >>> import datetime as dt
    >>> from upskill_roi.core.plan import build_plan
    >>> from upskill_roi.core.upskilling import UpskillingInputs, evaluate
    >>> r = evaluate(UpskillingInputs(weekly_hours=10, target_hours=240, start=dt.date(2027, 1, 4)))
    >>> md = plan_markdown(build_plan(r), r)
    >>> md.splitlines()[0]
    '# My upskilling plan'
    >>> "| Competent | Jun 21, 2027 |" in md
    True

    On the days and at the time chosen, in date order (4 Jan 2027 is a Monday):

    >>> md = plan_markdown(build_plan(r, [5, 1], dt.time(7)), r)
    >>> [line for line in md.splitlines() if line.startswith("- ") and "minutes" in line]
    ['- Tuesday 07:00, 300 minutes (from Jan 5, 2027)', '- Saturday 07:00, 300 minutes (from Jan 9, 2027)']
    >>> "more than 4 hours in one sitting" in md
    True
    """
    i = result.inputs
    lines = ["# My upskilling plan", ""]
    if result.weeks is None:
        lines += [f"At {result.effective_weekly_hours:g} effective hours a week the target of {i.target_hours:,.0f} "
                  "hours is never reached (or only after more than a century). Plan more hours a week.", ""]
    else:
        assert result.competency_date is not None  # set whenever the weeks are
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
        lines += [f"- {session_text(s, locale)}" for s in plan.sessions]
        if plan.too_long:
            lines += ["", f"Each session is more than {MAX_SESSION_MINUTES // 60} hours in one sitting: choose more "
                          "study days, or plan fewer hours a week."]
    else:
        lines.append("- none planned")
    lines += ["", "## The next 30 days", ""] + [f"- {step_text(step, locale)}" for step in plan.first_30_days]
    lines += ["", "## Milestones", ""]
    if plan.milestones:
        lines += ["| Milestone | Date | What |", "|---|---|---|"]
        lines += [f"| {m.name} | {fmt.date(m.date, locale)} | {m.what} |" for m in plan.milestones]
    else:
        lines.append("None: the target is never reached at this pace.")
    lines += ["", "## Portfolio entries to earn (fill in your numbers)", ""]
    lines += [f"- {p}" for p in plan.portfolio]
    lines += ["", "---", "Illustrative estimate made with Upskill ROI."]
    if link:
        lines.append(f"Scenario: {link}")
    return "\n".join(lines) + "\n"


def plan_ics(plan: ActionPlan, stamp: dt.datetime | None = None) -> bytes:
    """The weekly sessions and the milestones as an iCalendar file.

    Parameters
    ----------
    plan : ActionPlan
        Must hold at least one session or milestone (RFC 5545 requires a component).
    stamp : datetime, optional
        DTSTAMP (when the file was made, UTC); now when not given.

    UIDs carry a digest of the plan, so re-importing a changed plan adds its events instead of
    silently matching the old ones; the description says to remove the previous plan first.

    Examples
    --------
    >>> import datetime as dt
    >>> from upskill_roi.core.plan import build_plan
    >>> from upskill_roi.core.upskilling import UpskillingInputs, evaluate
    >>> r = evaluate(UpskillingInputs(weekly_hours=4, target_hours=20, start=dt.date(2027, 1, 4)))
    >>> cal = Calendar.from_ical(plan_ics(build_plan(r)))
    >>> [str(e.get("SUMMARY")) for e in cal.walk("VEVENT")][:3]   # 4 h/week: two 2-hour sessions
    ['Study session', 'Study session', 'Milestone: 25% of the target']
    >>> len(cal.walk("VEVENT"))   # + 25 %, 50 % (days 9, 18), the 30-day checkpoint, competent (day 35), role
    7

    The chosen days and time: Monday and Thursday at 06:00, two hours each.

    >>> cal = Calendar.from_ical(plan_ics(build_plan(r, [3, 0], dt.time(6))))
    >>> [(e.decoded("DTSTART").isoformat(), e["RRULE"]["BYDAY"]) for e in cal.walk("VEVENT")[:2]]
    [('2027-01-04T06:00:00', ['MO']), ('2027-01-07T06:00:00', ['TH'])]
    """
    if not plan.sessions and not plan.milestones:
        raise ValueError("the plan has no sessions and no milestones: nothing to put in a calendar")
    stamp = stamp or dt.datetime.now(dt.UTC)
    digest = hashlib.sha256(repr((plan.sessions, plan.milestones, plan.until)).encode()).hexdigest()[:12]
    note = " (Upskill ROI plan; remove the events of an earlier plan before importing a new one.)"
    cal = Calendar()
    cal.add("prodid", "-//Upskill ROI//Upskilling plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Upskilling plan")
    for n, s in enumerate(plan.sessions):
        ev = Event()
        start = dt.datetime.combine(s.first, s.start)  # floating local time
        ev.add("uid", f"session-{n}-{digest}@upskill-roi")
        ev.add("dtstamp", stamp)
        ev.add("summary", "Study session")
        ev.add("description", "Implementation-focused learning: work on the task you picked, measure, write it "
                              "down." + note)
        ev.add("dtstart", start)
        ev.add("dtend", start + dt.timedelta(minutes=s.minutes))
        rule: dict[str, str | dt.datetime] = {"freq": "weekly", "byday": RRULE_DAYS[s.weekday]}
        if plan.until is not None:
            rule["until"] = dt.datetime.combine(plan.until, dt.time(23, 59))
        ev.add("rrule", rule)
        cal.add_component(ev)
    for n, m in enumerate(plan.milestones):
        ev = Event()
        ev.add("uid", f"milestone-{n}-{digest}@upskill-roi")
        ev.add("dtstamp", stamp)
        ev.add("summary", f"Milestone: {m.name}")
        ev.add("description", m.what + note)
        ev.add("dtstart", m.date)
        ev.add("dtend", m.date + dt.timedelta(days=1))
        cal.add_component(ev)
    ical: bytes = cal.to_ical()  # icalendar leaves to_ical unannotated: it returns the file's bytes
    return ical
