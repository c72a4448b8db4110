"""An action plan from an upskilling plan: weekly sessions, milestones, the first 30 days.

Pure data (dates, hours, texts with placeholders); :mod:`ui.export` writes it as Markdown and
as an iCalendar file.

Conventions
-----------
* **Sessions.** The weekly hours are split into ``n = min(max(ceil(weekly / 2), 1), 7)``
  equal sessions (about 2 hours each while 7 days allow it), on Tuesday, Thursday, Saturday,
  Monday, Wednesday, Sunday, Friday in that order. Weekend sessions, and weekday sessions
  longer than 2.5 hours (a full-time learner), start at 09:00; other weekday sessions at 19:00
  (floating local time). Sessions recur weekly from the start date until the competency date;
  there are none when nothing is left to study or the target is never reached.
* **Milestones** fall when the practice hours (prior hours included) reach 25 %, 50 % and
  100 % of the target, at the plan's effective pace (weekly hours x consistency); a milestone
  the prior hours already cover is left out, except "Competent", which is then the start date.
  A 30-day checkpoint is added when it comes before competency, and the expected raise or role
  at competency + lag (a month is 52/12 weeks, as in :mod:`calc.upskilling`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from calc.upskilling import WEEKS_PER_MONTH, UpskillingResult

__all__ = ["Session", "Milestone", "Step", "ActionPlan", "build_plan", "SESSION_DAYS"]

SESSION_DAYS: tuple[int, ...] = (1, 3, 5, 0, 2, 6, 4)
"""Weekdays (Monday = 0) used in order: Tue, Thu, Sat, Mon, Wed, Sun, Fri."""


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
class Step:
    """One step of the first 30 days: a label ("Week 1"), its dates and hours (``None`` when not
    tied to a week), and what to do."""

    label: str
    start: dt.date | None
    end: dt.date | None
    hours: float | None
    text: str


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
    first_30_days : tuple of Step
        Week-by-week steps for the first 30 days.
    portfolio : tuple of str
        Impact statements to fill in, phrased as measurable results.
    """

    sessions: tuple[Session, ...]
    until: dt.date | None
    milestones: tuple[Milestone, ...]
    first_30_days: tuple[Step, ...]
    portfolio: tuple[str, ...]


def _first_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _sessions(start_day: dt.date, weekly_hours: float) -> list[Session]:
    n = min(max(math.ceil(weekly_hours / 2), 1), 7)
    minutes = round(weekly_hours * 60 / n)
    out = []
    for weekday in SESSION_DAYS[:n]:
        morning = weekday >= 5 or minutes > 150
        out.append(Session(weekday, dt.time(9, 0) if morning else dt.time(19, 0), minutes,
                           _first_on_or_after(start_day, weekday)))
    return out


def build_plan(result: UpskillingResult) -> ActionPlan:
    """The action plan for an evaluated upskilling plan.

    Examples
    --------
    >>> import datetime as dt
    >>> from calc.upskilling import UpskillingInputs, evaluate
    >>> p = build_plan(evaluate(UpskillingInputs(weekly_hours=10, target_hours=240, start=dt.date(2027, 1, 4))))
    >>> [(s.weekday, s.minutes, s.first.isoformat()) for s in p.sessions]
    [(1, 120, '2027-01-05'), (3, 120, '2027-01-07'), (5, 120, '2027-01-09'), (0, 120, '2027-01-04'), (2, 120, '2027-01-06')]

    240 h at 10 h/week: 25 % after 6 weeks, 50 % after 12, competent after 24 (day 168); the
    30-day checkpoint falls on day 30.

    >>> [(m.name, m.date.isoformat()) for m in p.milestones][:4]
    [('30-day checkpoint', '2027-02-03'), ('25% of the target', '2027-02-15'), ('50% of the target', '2027-03-29'), ('Competent', '2027-06-21')]
    """
    i = result.inputs
    pace = result.effective_weekly_hours
    studying = result.weeks is not None and result.weeks > 0
    sessions = _sessions(i.start, i.weekly_hours) if studying and i.weekly_hours > 0 else []

    milestones: list[Milestone] = []
    if result.weeks is not None:
        if studying and 30 / 7 < result.weeks:
            done = pace * 30 / 7
            milestones.append(Milestone(
                "30-day checkpoint", i.start + dt.timedelta(days=30), done,
                f"{done:,.0f} h studied, a measured baseline and a first AI-assisted version of one task"))
        for share in (0.25, 0.5, 1.0):
            total = share * i.target_hours
            name = "Competent" if share == 1 else f"{share:.0%} of the target"
            if total <= i.credit_hours and share < 1:
                continue  # already covered by prior hours
            weeks = max(total - i.credit_hours, 0.0) / pace if pace > 0 else 0.0
            what = (f"{total:,.0f} of {i.target_hours:,.0f} practice hours" if share < 1
                    else "Target reached: competent at the goal (Dreyfus stage 3)")
            milestones.append(Milestone(name, i.start + dt.timedelta(days=round(weeks * 7)), total, what))
        role_weeks = result.weeks + i.lag_months * WEEKS_PER_MONTH
        milestones.append(Milestone("Raise or new role", i.start + dt.timedelta(days=round(role_weeks * 7)), 0.0,
                                    "Expected start of the premium: competency plus the lag you set"))
        milestones.sort(key=lambda m: m.date)

    def week(n: int, text: str) -> Step:
        a = i.start + dt.timedelta(days=7 * (n - 1))
        return Step(f"Week {n}", a, a + dt.timedelta(days=6), pace, text)

    if studying:
        first_30 = (
            week(1, "put the sessions in your calendar; list your top five work activities and the hours each "
                    "takes."),
            week(2, "pick ONE recurring task in your domain that takes hours every week; measure its baseline "
                    "(time per case, error rate, cost)."),
            week(3, "build a first AI-assisted version of that task (prompting, a workflow tool or a script) and "
                    "try it on real cases."),
            week(4, "measure again against the baseline and write the result down as your first impact "
                    "statement."),
        )
    elif result.weeks == 0:
        first_30 = (Step("This month", None, None, None, "your prior hours already cover the target: spend the "
                         "month on one measurable implementation in your domain and write down its impact."),)
    else:
        first_30 = (Step("First", None, None, None, "plan some study hours each week: at this pace the target is "
                         "never reached."),)
    portfolio = (
        "Reduced [process] time by [N]% while keeping [quality measure] at [level].",
        "Cut [errors / rework] in [process] from [baseline] to [new level] a month, saving [amount] a year.",
        "Automated [task] for [team], freeing [hours] hours a week at [loaded cost] = [amount] a year.",
    )
    until = result.competency_date if sessions else None
    return ActionPlan(tuple(sessions), until, tuple(milestones), first_30, portfolio)
