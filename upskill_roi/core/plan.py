"""An action plan from an upskilling plan: weekly sessions, milestones, the first 30 days.

Pure data (dates, hours, texts with placeholders); :mod:`upskill_roi.documents.plan_files` writes it as Markdown and
as an iCalendar file.

Conventions
-----------
* **Session days.** Automatic (no days chosen): the weekly hours are split into
  ``n = min(max(ceil(weekly / 2), 1), 7)`` equal sessions (about 2 hours each while 7 days allow
  it), on the first ``n`` of Tuesday, Thursday, Saturday, Monday, Wednesday, Sunday, Friday.
  Chosen days (any 1-7 weekdays, Monday = 0): one session on each chosen day, the weekly hours
  split equally over them, however long that makes a session -- the weekly hours are what the
  competency date is built on, so they are never cut or moved to days not chosen; a session
  longer than :data:`MAX_SESSION_MINUTES` (4 hours) is flagged (:attr:`ActionPlan.too_long`)
  so that the page can suggest more days. Lengths are rounded to whole minutes.
* **Session times.** Automatic (no time chosen): weekend sessions, and weekday sessions longer
  than 2.5 hours (a full-time learner), start at 09:00; other weekday sessions at 19:00. A
  chosen time is the start of every session. Times are floating local time.
* **Session order and dates.** Sessions are listed in date order: by their first occurrence
  (the first chosen weekday on or after the start date), then time. They recur weekly until
  the competency date; there are none when nothing is left to study or the target is never
  reached.
* **Milestones** fall when the practice hours (prior hours included) reach 25 %, 50 % and
  100 % of the target, at the plan's effective pace (weekly hours x consistency); a milestone
  the prior hours already cover is left out, except "Competent", which is then the start date.
  A 30-day checkpoint is added when it comes before competency, and the expected raise or role
  at competency + lag (a month is 52/12 weeks, as in :mod:`upskill_roi.core.upskilling`).
* **Choices as text.** The page offers the days and the time as choices whose text is also
  what a share link carries: :data:`DAY_CHOICES` (automatic, or every set of weekdays written
  as "Mon, Wed, Fri") and :data:`TIME_CHOICES` (automatic, or a whole hour "05:00" to "22:00");
  :func:`schedule_from_choices` turns them into ``build_plan``'s ``days`` and ``start_time``.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from upskill_roi.core.upskilling import WEEKS_PER_MONTH, UpskillingResult

__all__ = ["Focus", "Session", "Milestone", "Step", "ActionPlan", "build_plan", "SESSION_DAYS", "DAY_ABBR",
           "MAX_SESSION_MINUTES", "AUTOMATIC_DAYS", "AUTOMATIC_TIME", "DAY_CHOICES", "TIME_CHOICES", "days_label",
           "schedule_from_choices"]

SESSION_DAYS: tuple[int, ...] = (1, 3, 5, 0, 2, 6, 4)
"""Weekdays (Monday = 0) the automatic rule uses, in order: Tue, Thu, Sat, Mon, Wed, Sun, Fri."""

DAY_ABBR: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""Short weekday names, Monday first (index = weekday)."""

MAX_SESSION_MINUTES = 240
"""Longest session [min] the plan accepts without a flag (4 hours in one sitting)."""

AUTOMATIC_DAYS = "Automatic (about 2-hour sessions spread over the week)"
"""The day choice that keeps the automatic rule."""

AUTOMATIC_TIME = "Automatic (19:00; 09:00 at weekends and for sessions over 2.5 h)"
"""The time choice that keeps the automatic rule."""

_NAMED_DAYS = {(0, 1, 2, 3, 4): "weekdays", (5, 6): "weekend", tuple(range(7)): "every day"}


def days_label(days: Sequence[int]) -> str:
    """A set of weekdays as the day choice writes it: short names in week order, Monday first,
    with a name for the weekdays, the weekend and every day.

    Examples
    --------
    >>> days_label([4, 0, 2]), days_label([5, 6]), days_label([3])
    ('Mon, Wed, Fri', 'Sat, Sun (weekend)', 'Thu')
    """
    key = tuple(sorted(set(days)))
    text = ", ".join(DAY_ABBR[d] for d in key)
    return f"{text} ({_NAMED_DAYS[key]})" if key in _NAMED_DAYS else text


DAY_CHOICES: tuple[str, ...] = (AUTOMATIC_DAYS, *(days_label(c) for k in range(1, 8)
                                                  for c in combinations(range(7), k)))
"""The day choices: automatic, then every one of the 127 sets of weekdays, by number of days
(one day first), each set in week order."""

TIME_CHOICES: tuple[str, ...] = (AUTOMATIC_TIME, *(f"{h:02d}:00" for h in range(5, 23)))
"""The time choices: automatic, or a whole hour from 05:00 to 22:00 (local time)."""

_DAYS_BY_LABEL = {days_label(c): c for k in range(1, 8) for c in combinations(range(7), k)}


def schedule_from_choices(days_choice: str, time_choice: str) -> tuple[tuple[int, ...] | None, dt.time | None]:
    """The day and time choices -> ``(days, start_time)`` for :func:`build_plan` (``None`` =
    automatic).

    Raises
    ------
    ValueError
        If a text is not one of :data:`DAY_CHOICES` / :data:`TIME_CHOICES`.

    Examples
    --------
    >>> schedule_from_choices("Mon, Wed, Fri", "08:00")
    ((0, 2, 4), datetime.time(8, 0))
    >>> schedule_from_choices(AUTOMATIC_DAYS, AUTOMATIC_TIME)
    (None, None)
    >>> schedule_from_choices("Thu, Fri, Sat, Sun", AUTOMATIC_TIME)[0]
    (3, 4, 5, 6)
    >>> schedule_from_choices("Funday", "08:00")
    Traceback (most recent call last):
    ...
    ValueError: study days: 'Funday' is not a choice; write the days as e.g. 'Mon, Wed, Fri'
    """
    if days_choice == AUTOMATIC_DAYS:
        days = None
    elif days_choice in _DAYS_BY_LABEL:
        days = _DAYS_BY_LABEL[days_choice]
    else:
        raise ValueError(f"study days: {days_choice!r} is not a choice; write the days as e.g. 'Mon, Wed, Fri'")
    if time_choice == AUTOMATIC_TIME:
        start = None
    elif time_choice in TIME_CHOICES:
        start = dt.time.fromisoformat(time_choice)
    else:
        raise ValueError(f"study time: {time_choice!r} is not a choice; a whole hour from 05:00 to 22:00")
    return days, start


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
        Weekly blocks in date order (first occurrence, then time); empty when no hours are
        planned.
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

    @property
    def too_long(self) -> bool:
        """Whether a session is longer than :data:`MAX_SESSION_MINUTES` (suggest more days)."""
        return any(s.minutes > MAX_SESSION_MINUTES for s in self.sessions)


def _first_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _chosen_days(days: Sequence[int]) -> tuple[int, ...]:
    """The chosen weekdays in week order, each once; ValueError unless 1-7 whole numbers 0-6."""
    problem = ValueError(f"days: {days!r} is not a set of 1-7 weekdays (Monday = 0 .. Sunday = 6)")
    try:
        items = [operator.index(d) for d in days]
    except TypeError:
        raise problem from None
    if not items or any(isinstance(d, bool) or not 0 <= d <= 6 for d in days):
        raise problem
    return tuple(sorted(set(items)))


def _sessions(start_day: dt.date, weekly_hours: float, days: Sequence[int] | None,
              start_time: dt.time | None) -> list[Session]:
    if days is None:
        chosen = SESSION_DAYS[:min(max(math.ceil(weekly_hours / 2), 1), 7)]
    else:
        chosen = tuple(days)
    minutes = round(weekly_hours * 60 / len(chosen))
    out = []
    for weekday in chosen:
        if start_time is None:
            morning = weekday >= 5 or minutes > 150
            start = dt.time(9, 0) if morning else dt.time(19, 0)
        else:
            start = start_time
        out.append(Session(weekday, start, minutes, _first_on_or_after(start_day, weekday)))
    return sorted(out, key=lambda s: (s.first, s.start))


@dataclass(frozen=True)
class Focus:
    """What the first 30 days build on, from the risk check.

    Attributes
    ----------
    high_risk : bool
        At risk by the share, or resembling one of the guidance's high-risk role types.
    task : str or None
        The user's most automatable activity (free text: the caller shows it as text only).
    task_hours : float
        Its time [h/week, or % of the working time: as the user gave it].
    unit : str
        "h/week" or "%".
    """

    high_risk: bool
    task: str | None = None
    task_hours: float = 0.0
    unit: str = "h/week"


def _first_30_texts(focus: Focus | None) -> tuple[str, str, str, str]:
    """The four weekly steps: the generic ones without a risk check, else built on its result --
    for a high-risk result the guidance's own first steps (document your domain expertise now,
    start a portfolio of proof points)."""
    if focus is None:
        return ("put the sessions in your calendar; list your top five work activities and the hours each takes.",
                "pick ONE recurring task in your domain that takes hours every week; measure its baseline (time "
                "per case, error rate, cost).",
                "build a first AI-assisted version of that task (prompting, a workflow tool or a script) and try it "
                "on real cases.",
                "measure again against the baseline and write the result down as your first impact statement.")
    amount = f"{focus.task_hours:g} h a week" if focus.unit == "h/week" else f"{focus.task_hours:g}% of your time"
    task = (f'"{focus.task}" ({amount}, the most automatable of your activities)' if focus.task
            else "one recurring task that takes hours every week")
    measure = f"measure the baseline of {task}: time per case, error rate, cost."
    build = ("build a first AI-assisted version of it (prompting, a workflow tool or a script) and try it on real "
             "cases.")
    if focus.high_risk:
        return ("document your domain expertise now: the decisions, exceptions and rules of your work that only "
                "experience teaches, and the people who rely on them; put the sessions in your calendar.",
                "start a portfolio of proof points: " + measure,
                build + " Log it as your first proof point: before and after, with numbers.",
                "measure again, write the first impact statement, and weigh a move to work with similar tasks and "
                "lower exposure (the check-up's step 4).")
    return ("put the sessions in your calendar; " + measure,
            build,
            "measure again against the baseline and show the result to your manager.",
            "write the result down as your first impact statement, and choose the next task to take on.")


def build_plan(result: UpskillingResult, days: Sequence[int] | None = None,
               start_time: dt.time | None = None, focus: Focus | None = None) -> ActionPlan:
    """The action plan for an evaluated upskilling plan.

    Parameters
    ----------
    result : UpskillingResult
        The evaluated plan (weekly hours, start date, competency date).
    days : sequence of int, optional
        The weekdays the person can study (Monday = 0 .. Sunday = 6; 1-7 of them, a repeated
        day counts once): one session on each. ``None`` = the automatic rule (module
        docstring, Conventions).
    start_time : datetime.time, optional
        Local start time of every session. ``None`` = the automatic rule (19:00; 09:00 at
        weekends and for sessions over 2.5 hours).
    focus : Focus, optional
        The risk check's result and the most automatable activity: the first 30 days build on
        them (for a high-risk result, the guidance's steps: document the domain expertise,
        start a portfolio of proof points). ``None``: generic steps.

    Returns
    -------
    ActionPlan
        Its sessions in date order.

    Raises
    ------
    ValueError
        If ``days`` is empty or holds something other than whole numbers 0-6, or
        ``start_time`` is not a time.

    Examples
    --------
    >>> import datetime as dt
    >>> from upskill_roi.core.upskilling import UpskillingInputs, evaluate
    >>> p = build_plan(evaluate(UpskillingInputs(weekly_hours=10, target_hours=240, start=dt.date(2027, 1, 4))))
    >>> [(s.weekday, s.minutes, s.first.isoformat())   # Tue, Thu, Sat, Mon, Wed: by date
    ...  for s in p.sessions]  # doctest: +NORMALIZE_WHITESPACE
    [(0, 120, '2027-01-04'), (1, 120, '2027-01-05'), (2, 120, '2027-01-06'), (3, 120, '2027-01-07'),
     (5, 120, '2027-01-09')]

    240 h at 10 h/week: 25 % after 6 weeks, 50 % after 12, competent after 24 (day 168); the
    30-day checkpoint falls on day 30.

    >>> [(m.name, m.date.isoformat()) for m in p.milestones][:4]  # doctest: +NORMALIZE_WHITESPACE
    [('30-day checkpoint', '2027-02-03'), ('25% of the target', '2027-02-15'), ('50% of the target', '2027-03-29'),
     ('Competent', '2027-06-21')]

    Days off after 12-hour shifts, Thursday to Sunday, at 08:00: 10 h over four days is
    150 minutes a day; from Tuesday 5 January the first Thursday is the 7th.

    >>> r = evaluate(UpskillingInputs(weekly_hours=10, target_hours=240, start=dt.date(2027, 1, 5)))
    >>> [(s.first.isoformat(), f"{s.start:%H:%M}", s.minutes)
    ...  for s in build_plan(r, [3, 4, 5, 6], dt.time(8)).sessions]  # doctest: +NORMALIZE_WHITESPACE
    [('2027-01-07', '08:00', 150), ('2027-01-08', '08:00', 150), ('2027-01-09', '08:00', 150),
     ('2027-01-10', '08:00', 150)]

    One chosen day takes the whole week's hours, flagged as too long for one sitting:

    >>> p = build_plan(r, [6])
    >>> [(s.weekday, f"{s.start:%H:%M}", s.minutes) for s in p.sessions], p.too_long
    ([(6, '09:00', 600)], True)
    """
    chosen = None if days is None else _chosen_days(days)
    if start_time is not None and not isinstance(start_time, dt.time):
        raise ValueError(f"start_time: {start_time!r} is not a time of day")
    i = result.inputs
    pace = result.effective_weekly_hours
    studying = result.weeks is not None and result.weeks > 0
    sessions = _sessions(i.start, i.weekly_hours, chosen, start_time) if studying and i.weekly_hours > 0 else []

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
        first_30 = tuple(week(n, text) for n, text in enumerate(_first_30_texts(focus), start=1))
    elif result.weeks == 0:
        first_30 = (Step("This month", None, None, None, "your prior hours already cover the target: spend the "
                         "month on one measurable implementation in your domain and write down its impact"
                         + (" -- and document your domain expertise now, the guidance's first step for a "
                            "high-risk role." if focus is not None and focus.high_risk else ".")),)
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
