"""An action plan from an upskilling plan: weekly sessions, milestones, the first 30 days.

Pure data (dates, hours, texts with placeholders); :mod:`ui.export` writes it as Markdown and
as an iCalendar file.

Conventions
-----------
* **Sessions.** The weekly hours are split into ``n = min(max(ceil(weekly / 2), 1), 5)``
  equal sessions (at most about 2 hours each, at most 5 a week), on Tuesday, Thursday,
  Saturday, Monday, Wednesday in that order; weekday sessions start at 19:00, Saturday ones at
  09:00 (floating local time). Sessions recur weekly from the start date until the competency
  date.
* **Milestones** fall when 25 %, 50 % and 100 % of the hours still to study are done (at the
  plan's effective pace, weekly hours x consistency), plus the expected raise or role at
  competency + lag (weeks x 7 days, months x 365.25 / 12 days).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from calc.upskilling import WEEKS_PER_MONTH, UpskillingResult

__all__ = ["Session", "Milestone", "ActionPlan", "build_plan", "SESSION_DAYS"]

SESSION_DAYS: tuple[int, ...] = (1, 3, 5, 0, 2)
"""Weekdays (Monday = 0) used in order: Tue, Thu, Sat, Mon, Wed."""


@dataclass(frozen=True)
class Session:
    """One weekly study block.

    Attributes
    ----------
    weekday : int
        Monday = 0 .. Sunday = 6.
    start : datetime.time
        Local start time.
    minutes : int
        Length [min].
    first : datetime.date
        Date of the first occurrence (on or after the plan's start).
    """

    weekday: int
    start: dt.time
    minutes: int
    first: dt.date


@dataclass(frozen=True)
class Milestone:
    """A dated milestone: ``hours`` of study done by ``date`` (0 for the role/raise)."""

    name: str
    date: dt.date
    hours: float
    what: str


@dataclass(frozen=True)
class ActionPlan:
    """Sessions, milestones and the texts of the plan.

    Attributes
    ----------
    sessions : tuple of Session
        Weekly blocks (empty when no hours are planned).
    until : datetime.date or None
        Last day of the weekly sessions (the competency date); ``None`` = no end (never).
    milestones : tuple of Milestone
    first_30_days : tuple of str
        Week-by-week steps for the first 30 days.
    portfolio : tuple of str
        Impact statements to fill in, phrased as measurable results.
    """

    sessions: tuple[Session, ...]
    until: dt.date | None
    milestones: tuple[Milestone, ...]
    first_30_days: tuple[str, ...]
    portfolio: tuple[str, ...]


def _first_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def build_plan(result: UpskillingResult) -> ActionPlan:
    """The action plan for an evaluated upskilling plan.

    Examples
    --------
    >>> import datetime as dt
    >>> from calc.upskilling import UpskillingInputs, evaluate
    >>> p = build_plan(evaluate(UpskillingInputs(weekly_hours=10, target_hours=240, start=dt.date(2027, 1, 4))))
    >>> [(s.weekday, s.minutes, s.first.isoformat()) for s in p.sessions]
    [(1, 120, '2027-01-05'), (3, 120, '2027-01-07'), (5, 120, '2027-01-09'), (0, 120, '2027-01-04'), (2, 120, '2027-01-06')]
    >>> [(m.name, m.date.isoformat()) for m in p.milestones][:3]   # 240 h at 10 h/week: 6, 12, 24 weeks
    [('25% of the hours', '2027-02-15'), ('50% of the hours', '2027-03-29'), ('Competent', '2027-06-21')]
    """
    i = result.inputs
    sessions: list[Session] = []
    if i.weekly_hours > 0:
        n = min(max(math.ceil(i.weekly_hours / 2), 1), 5)
        minutes = round(i.weekly_hours * 60 / n)
        for weekday in SESSION_DAYS[:n]:
            start = dt.time(9, 0) if weekday == 5 else dt.time(19, 0)
            sessions.append(Session(weekday, start, minutes, _first_on_or_after(i.start, weekday)))

    milestones: list[Milestone] = []
    if result.weeks is not None:
        for share, name in ((0.25, "25% of the hours"), (0.5, "50% of the hours"), (1.0, "Competent")):
            hours = result.hours_to_study * share
            date = i.start + dt.timedelta(days=round(result.weeks * share * 7))
            what = (f"{hours:,.0f} of {result.hours_to_study:,.0f} study hours done"
                    if share < 1 else "Target reached: competent at the goal (Dreyfus stage 3)")
            milestones.append(Milestone(name, date, hours, what))
        role = i.start + dt.timedelta(days=round((result.weeks / WEEKS_PER_MONTH + i.lag_months) * 365.25 / 12))
        milestones.append(Milestone("Raise or new role", role, 0.0,
                                    "Expected date of the premium, competency plus the lag you set"))

    first_30 = (
        "Week 1: block the weekly sessions in your calendar; list your top five work activities and the "
        "hours each takes.",
        "Week 2: pick ONE recurring task in your domain that takes hours every week; measure its baseline "
        "(time per case, error rate, cost).",
        "Week 3: build a first AI-assisted version of that task (prompting, a workflow tool, or a script) "
        "and try it on real cases.",
        "Week 4: measure again against the baseline and write the result down as your first impact statement.",
    )
    portfolio = (
        "Reduced [process] time by [N]% while keeping [quality measure] at [level].",
        "Cut [errors / rework] in [process] from [baseline] to [new level] a month, saving [amount] a year.",
        "Automated [task] for [team], freeing [hours] hours a week at [loaded cost] = [amount] a year.",
    )
    return ActionPlan(tuple(sessions), result.competency_date, tuple(milestones), first_30, portfolio)
