"""Automation risk: the share of your work an AI agent could take, and your occupation's
published exposure.

Conventions (stated once for this module)
-----------------------------------------
* **Activities.** Each has a time weight (hours a week or a percentage: only the ratios
  matter) and a kind: one of the guidance's categories (:data:`CATEGORIES`) or an exposure
  level of the published rubric (Eloundou et al. 2024): E0 = no exposure, E1 = an LLM alone
  cuts the time at least in half, E2 = an LLM plus software tools would.
* **The share of an activity's time AI could take**: all of it for the guidance's three
  automatable categories (rules-based processing, pattern-matching on historical data,
  repetitive processes with minor variations), none for its other categories and for E0; for E1
  and E2 the rubric's own measure -- "an LLM (plus tools) cuts the task's time by at least
  half" -- so ``e_share`` of the time (default 0.5, the rubric's "at least half"; movable). An
  *agent* is an LLM with tools, so E2 counts like E1.
* **Automation share** = sum of (time x the share AI could take) / all time, 0-1. No time at
  all is an error.
* **At risk** only when the share is *more than* the threshold (default 0.60, the guidance's
  heuristic; exactly 60 % is not at risk).
* **The OECD bands are not the user's band.** Nedelkoska & Quintini (OECD 2018) class *jobs*
  by their *probability of automation* (> 70 % "highly automatable", 50-70 % "significant
  change"); the share here is a share of time. They are shown as a comparison only.
* **Exposure is not a probability of losing a job.** Eloundou et al. measure *potential* task
  exposure; Microsoft (Tomlinson et al. 2025) and Anthropic (Economic Index 2026) measure
  *observed* use of one AI product each.
* **Percentiles** are the share of occupations (or of employment) with a lower value, ties
  counted half (the mid-rank), over the occupations that have the measure. Employment weights
  are OEWS May 2024 employment; an OEWS aggregate's employment is split equally between the
  occupations it stands for (it is shared by them in the table).

Formulas::

    ai_i       = 1 (automatable category), e_share (E1, E2), 0 (other categories, E0)
    share      = sum(hours_i x ai_i) / sum(hours_i)
    at risk    = share > threshold
    percentile = (sum(w_j for x_j < x) + 0.5 x sum(w_j for x_j == x)) / sum(w_j)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

__all__ = [
    "Assessment",
    "occupation",
    "assess",
    "PUBLISHED_GAP",
    "CATEGORIES",
    "EXPOSURE_LEVELS",
    "MEASURES",
    "MEASURE_NAMES",
    "Activity",
    "is_automatable",
    "ai_time_share",
    "automation_share",
    "ai_hours",
    "E_SHARE",
    "OECD_COMPARISON",
    "is_at_risk",
    "oecd_band",
    "load_occupations",
    "load_tasks",
    "lookup_occupation",
    "search_occupations",
    "exposure_percentile",
    "occupation_tasks",
    "ROLE_TYPES",
    "resembles",
    "high_risk",
    "time_by_kind",
    "most_automatable",
]

DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_THRESHOLD = 0.60
E_SHARE = 0.5
"""Share of an E1/E2 activity's time AI takes: the rubric's "cuts the time by at least half"."""
OECD_COMPARISON = ("For comparison, not your band: the OECD (Nedelkoska & Quintini 2018) classes jobs by their "
                   "probability of automation -- above 70% \"highly automatable\", 50-70% \"significant change\". "
                   "Your share is a share of your time, not a probability.")

CATEGORIES: dict[str, bool] = {
    "Rules-based information processing": True,
    "Pattern-matching on historical data": True,
    "Repetitive process with minor variations": True,
    "Strategic judgment": False,
    "Stakeholder relationships": False,
    "Creative problem-solving": False,
    "Regulatory or ethical decisions": False,
    "Hands-on, physical or care work": False,
}
"""The guidance's kinds of work and whether an AI agent could handle them; the last one is ours:
work done with the hands or in person (bedside care, repairs, cooking), which a software agent
cannot do (Eloundou et al. label such tasks E0)."""

EXPOSURE_LEVELS: dict[str, bool] = {"E0": False, "E1": True, "E2": True}
"""The published rubric (Eloundou et al. 2024) and whether an agent (LLM + tools) could do it."""

MEASURES: dict[str, str] = {
    "gpt4_exposure_beta": "Eloundou et al. (2024), GPT-4 rater, beta = E1 + 0.5 x E2: potential exposure of the "
                          "occupation's tasks to LLMs",
    "human_exposure_beta": "Eloundou et al. (2024), human annotators, beta: potential exposure",
    "ms_ai_applicability": "Tomlinson et al. (Microsoft, 2025): observed use of Bing Copilot for the occupation's "
                           "work activities (2024), x completion x scope",
    "aei_observed_exposure": "Anthropic Economic Index (2026): share of the occupation's time-weighted tasks seen in "
                             "work-related Claude use (2025), weighted toward automation; 0 = not observed",
}
"""Exposure measures in the occupation table (source column name -> what it measures)."""

MEASURE_NAMES: dict[str, str] = {
    "gpt4_exposure_beta": "Exposure to LLMs (GPT-4 rater)",
    "human_exposure_beta": "Exposure to LLMs (human raters)",
    "ms_ai_applicability": "AI applicability (Copilot use)",
    "aei_observed_exposure": "Observed exposure (Claude use)",
}
"""A short name for each of :data:`MEASURES`, for people (the column names are for the data)."""


@dataclass(frozen=True)
class Activity:
    """One work activity.

    Attributes
    ----------
    name : str
        What the activity is (free text; shown as text only).
    hours : float
        Time weight [h/week, or %: only ratios matter], >= 0.
    kind : str
        A key of :data:`CATEGORIES` or :data:`EXPOSURE_LEVELS`.
    """

    name: str
    hours: float
    kind: str

    def __post_init__(self) -> None:
        if not isinstance(self.hours, (int, float)) or not math.isfinite(self.hours) or self.hours < 0:
            raise ValueError(f"hours of {self.name!r} must be a finite number >= 0 (got {self.hours!r})")
        if self.kind not in CATEGORIES and self.kind not in EXPOSURE_LEVELS:
            raise ValueError(f"kind of {self.name!r} must be one of {[*CATEGORIES, *EXPOSURE_LEVELS]} "
                             f"(got {self.kind!r})")


def is_automatable(kind: str) -> bool:
    """Whether AI could take at least part of an activity of this kind.

    Examples
    --------
    >>> is_automatable("E2"), is_automatable("Strategic judgment")
    (True, False)
    """
    if kind in CATEGORIES:
        return CATEGORIES[kind]
    if kind in EXPOSURE_LEVELS:
        return EXPOSURE_LEVELS[kind]
    raise ValueError(f"unknown kind {kind!r}")


def ai_time_share(kind: str, e_share: float = E_SHARE) -> float:
    """The share of an activity's time AI could take (module conventions).

    Examples
    --------
    >>> ai_time_share("Rules-based information processing"), ai_time_share("E1"), ai_time_share("E0")
    (1.0, 0.5, 0.0)
    """
    if not 0 <= e_share <= 1:
        raise ValueError(f"e_share must lie between 0 and 1 (got {e_share!r})")
    if kind in EXPOSURE_LEVELS:
        return float(e_share) if EXPOSURE_LEVELS[kind] else 0.0
    return 1.0 if is_automatable(kind) else 0.0


def _as_activity(a: Activity | Mapping[str, Any] | tuple[Any, ...]) -> Activity:
    if isinstance(a, Activity):
        return a
    if isinstance(a, Mapping):
        return Activity(str(a["name"]), float(a["hours"]), str(a["kind"]))
    name, hours, kind = a
    return Activity(str(name), float(hours), str(kind))


def automation_share(activities: Iterable[Activity | Mapping[str, Any] | tuple[Any, ...]],
                     e_share: float = E_SHARE) -> float:
    """Share of the time AI could take, 0-1: each activity's time x the share of it AI could take.

    Parameters
    ----------
    activities : iterable
        :class:`Activity` objects, or ``(name, hours, kind)`` tuples, or mappings with those keys.
    e_share : float, default 0.5
        Share of an E1/E2 activity's time [fraction].

    Raises
    ------
    ValueError
        When the activities have no time at all (the share is undefined).

    Examples
    --------
    By hand: (12 x 0.5 + 12 x 1) / 40 = 0.45.

    >>> automation_share([("Reports", 12, "E1"), ("Reconcile", 12, "Repetitive process with minor variations"),
    ...                   ("Clients", 16, "Stakeholder relationships")])
    0.45
    """
    acts = [_as_activity(a) for a in activities]
    total = math.fsum(a.hours for a in acts)
    if total <= 0:
        raise ValueError("the activities have no time: give each one its hours a week or its percentage")
    return ai_hours(acts, e_share) / total


def ai_hours(activities: Iterable[Activity | Mapping[str, Any] | tuple[Any, ...]], e_share: float = E_SHARE) -> float:
    """The time AI could take, in the activities' own unit: each activity's time x the share of it
    AI could take.

    Examples
    --------
    >>> ai_hours([("Reports", 12, "E1"), ("Reconcile", 12, "Repetitive process with minor variations")])
    18.0
    """
    return math.fsum(a.hours * ai_time_share(a.kind, e_share) for a in (_as_activity(x) for x in activities))


def is_at_risk(share: float, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True only when the share is **more than** the threshold (the guidance's 60 % heuristic).

    Examples
    --------
    >>> is_at_risk(0.60), is_at_risk(0.6000001), is_at_risk(0.5, threshold=0.4)
    (False, True, True)
    """
    return share > threshold


def oecd_band(share: float) -> str:
    """The OECD (Nedelkoska & Quintini 2018) band a probability of automation falls in -- for a
    *job's probability*, not a share of time: the pages show it as a comparison only.

    Examples
    --------
    >>> oecd_band(0.75), oecd_band(0.7), oecd_band(0.5), oecd_band(0.49)
    ('highly automatable (> 70%)', 'significant change (50-70%)', 'significant change (50-70%)', 'below 50%')
    """
    if share > 0.70:
        return "highly automatable (> 70%)"
    if share >= 0.50:
        return "significant change (50-70%)"
    return "below 50%"


@lru_cache(maxsize=1)
def load_occupations(path: str | None = None) -> pd.DataFrame:
    """The shipped occupation table, indexed by SOC code (cached: read once per process)."""
    df = pd.read_csv(Path(path) if path else DATA / "occupations.csv", dtype={
        "soc_code": str, "major_group": str, "ms_source_code": str, "wage_source_code": str})
    return df.set_index("soc_code", drop=False)


@lru_cache(maxsize=1)
def load_tasks(path: str | None = None) -> pd.DataFrame:
    """The shipped task table (cached)."""
    return pd.read_csv(Path(path) if path else DATA / "tasks.csv", dtype=str, keep_default_na=False)


def lookup_occupation(soc_code: str) -> dict[str, Any] | None:
    """The occupation's row, or ``None`` for an unknown code.

    Returns
    -------
    dict or None
        Every column of the table under its source column name (title, each exposure measure,
        wages, flags); missing values are ``None``.

    Examples
    --------
    >>> row = lookup_occupation("15-1251")
    >>> row["title"], row["aei_observed_exposure"], row["median_annual_wage"]
    ('Computer Programmers', 0.7451, 98670.0)
    >>> lookup_occupation("99-9999") is None
    True
    """
    df = load_occupations()
    code = str(soc_code).strip()
    if code not in df.index:
        return None
    row = df.loc[code].to_dict()
    return {str(k): (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}


def search_occupations(query: str, limit: int = 20) -> list[tuple[str, str]]:
    """Occupations whose title or SOC code contains every word of ``query`` (case-insensitive).

    Examples
    --------
    >>> search_occupations("computer programmer")
    [('15-1251', 'Computer Programmers'), ('51-9162', 'Computer Numerically Controlled Tool Programmers')]
    >>> search_occupations("15-125")[:2]
    [('15-1251', 'Computer Programmers'), ('15-1252', 'Software Developers')]
    """
    df = load_occupations()
    words = [w for w in str(query).lower().split() if w]
    hay = (df["soc_code"] + " " + df["title"]).str.lower()
    mask = np.ones(len(df), dtype=bool)
    for w in words:
        mask &= hay.str.contains(w, regex=False).to_numpy()
    hits = df[mask]
    return list(zip(hits["soc_code"], hits["title"], strict=False))[:limit]


def _weights(df: pd.DataFrame) -> pd.Series:
    emp = df["oews_tot_emp"].astype(float)
    shared = df.groupby("wage_source_code")["soc_code"].transform("count").astype(float)
    return (emp / shared).fillna(0.0)


def exposure_percentile(soc_code: str, measure: str = "gpt4_exposure_beta", weighted: bool = False) -> float | None:
    """Where the occupation's exposure ranks among all occupations that have the measure, 0-1.

    ``weighted=True`` ranks among US jobs (OEWS employment) instead of occupations. ``None`` when
    the code is unknown or the occupation has no value for the measure.

    Examples
    --------
    The top value of 756 occupations: (755 + 0.5) / 756 = 0.9993.

    >>> round(exposure_percentile("15-1251", "aei_observed_exposure"), 4)
    0.9993
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; one of {list(MEASURES)}")
    df = load_occupations()
    code = str(soc_code).strip()
    # cast: the measure columns are floats (NaN when missing); pandas types a cell as any scalar
    if code not in df.index or pd.isna(cast(float, df.at[code, measure])):
        return None
    have = df[measure].notna().to_numpy()
    x = df[measure].to_numpy(float)[have]
    # Split shared employment over every occupation it stands for, then keep those with the measure.
    w = _weights(df).to_numpy(float)[have] if weighted else np.ones(int(have.sum()))
    v = float(cast(float, df.at[code, measure]))
    total = w.sum()
    if total <= 0:
        return None
    return float((w[x < v].sum() + 0.5 * w[x == v].sum()) / total)


def occupation_tasks(soc_code: str) -> pd.DataFrame:
    """The occupation's O*NET task statements with their exposure labels (Core tasks first).

    Examples
    --------
    >>> t = occupation_tasks("15-1251")
    >>> list(t.columns), len(t) > 5
    (['task', 'task_type', 'exposure'], True)
    """
    t = load_tasks()
    mine = t[t["soc_code"] == str(soc_code).strip()]
    order = mine["task_type"].map({"Core": 0, "Supplemental": 1}).fillna(2)
    return mine.assign(_o=order).sort_values(["_o", "task"], kind="stable")[["task", "task_type", "exposure"]] \
        .reset_index(drop=True)


ROLE_TYPES: dict[str, str] = {
    "Routine decision-support": "Most of the automatable time is processing information by rules or matching "
                                "patterns in past data: the work decision-support tools now do.",
    "Transitional \"bridge\" automation": "Most of the automatable time is repetitive process work with minor "
                                          "variations: roles that exist to bridge systems are automated next.",
    "Generalist AI implementation without domain depth": "Little of your time is domain judgment, relationships or "
                                                         "regulation: implementation skills without domain depth "
                                                         "are the easiest to replace.",
}
"""The guidance's highest-risk role types."""

_DECISION = {"Rules-based information processing", "Pattern-matching on historical data"}
_BRIDGE = {"Repetitive process with minor variations"}
_DOMAIN = {"Strategic judgment", "Stakeholder relationships", "Regulatory or ethical decisions",
           "Hands-on, physical or care work", "E0"}


def resembles(activities: Iterable[Activity | Mapping[str, Any] | tuple[Any, ...]],
              threshold: float = DEFAULT_THRESHOLD, e_share: float = E_SHARE) -> str | None:
    """Which of the guidance's high-risk role types the profile resembles, or ``None``.

    Rules (a documented heuristic, checked in this order). When the share is above the
    threshold: at least half of the time AI could take (activities weighted as in
    :func:`automation_share`) in rules-based processing or pattern-matching -> "Routine
    decision-support"; at least half in repetitive processes -> "Transitional bridge
    automation". Whatever the share: when less than 20 % of all time is domain work -- strategic
    judgment, stakeholder relationships, regulatory/ethical decisions, hands-on or care work, or
    E0 tasks (work an LLM cannot do at all is not generic AI work) -- and either the share is above the
    threshold or at least half of all time is in E1/E2 tasks (general tasks that AI speeds up)
    -> "Generalist AI implementation without domain depth": the guidance names this type for the
    lack of domain depth, not for the share of tasks AI could take.

    Examples
    --------
    >>> resembles([("Reports", 7, "Rules-based information processing"), ("Calls", 3, "Stakeholder relationships")])
    'Routine decision-support'
    >>> resembles([("Reports", 5, "E1"), ("Calls", 5, "Stakeholder relationships")]) is None   # domain work 50 %
    True
    >>> resembles([("Charting", 6, "E2"), ("Bedside care", 4, "Hands-on, physical or care work")]) is None
    True

    Prompt work for any team: 40 % by the share (E1/E2 at half), but 80 % of the time in E1/E2
    tasks and no domain work.

    >>> resembles([("Prompts", 8, "E1"), ("Pipelines", 8, "E2"), ("Ideas", 4, "Creative problem-solving")])
    'Generalist AI implementation without domain depth'
    """
    acts = [_as_activity(a) for a in activities]
    at_risk = is_at_risk(automation_share(acts, e_share), threshold)
    auto_time = ai_hours(acts, e_share)
    if at_risk and math.fsum(a.hours for a in acts if a.kind in _DECISION) >= auto_time / 2:
        return "Routine decision-support"
    if at_risk and math.fsum(a.hours for a in acts if a.kind in _BRIDGE) >= auto_time / 2:
        return "Transitional \"bridge\" automation"
    total = math.fsum(a.hours for a in acts)
    general = math.fsum(a.hours for a in acts if a.kind in EXPOSURE_LEVELS and EXPOSURE_LEVELS[a.kind])
    if (at_risk or general >= total / 2) and math.fsum(a.hours for a in acts if a.kind in _DOMAIN) < 0.2 * total:
        return "Generalist AI implementation without domain depth"
    return None


def high_risk(share: float, role: str | None, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """A high-risk role for the guidance's rule of thumb: more than the threshold of the time is
    work AI could take, or the profile resembles one of its highest-risk role types.

    Examples
    --------
    >>> high_risk(0.4, None), high_risk(0.4, "Generalist AI implementation without domain depth"), high_risk(0.7, None)
    (False, True, True)
    """
    return is_at_risk(share, threshold) or role is not None


def most_automatable(activities: Iterable[Activity | Mapping[str, Any] | tuple[Any, ...]],
                     e_share: float = E_SHARE) -> Activity | None:
    """The activity with the most time AI could take (hours x :func:`ai_time_share`; ties: the
    first listed), or ``None`` when AI could take none of them.

    Examples
    --------
    >>> most_automatable([("Care", 16, "Hands-on, physical or care work"), ("Charting", 6, "E2"),
    ...                   ("Handover", 4, "Rules-based information processing")]).name
    'Handover'
    >>> most_automatable([("Care", 16, "Hands-on, physical or care work")]) is None
    True
    """
    acts = [_as_activity(a) for a in activities]
    best = max(acts, key=lambda a: a.hours * ai_time_share(a.kind, e_share), default=None)
    return best if best is not None and best.hours * ai_time_share(best.kind, e_share) > 0 else None


def time_by_kind(activities: Iterable[Activity | Mapping[str, Any] | tuple[Any, ...]]) -> dict[str, float]:
    """Share of time (0-1) in each kind that occurs, automatable kinds first.

    Examples
    --------
    >>> time_by_kind([("a", 3, "E1"), ("b", 1, "Creative problem-solving"), ("c", 1, "E1")])
    {'E1': 0.8, 'Creative problem-solving': 0.2}
    """
    acts = [_as_activity(a) for a in activities]
    total = math.fsum(a.hours for a in acts)
    if total <= 0:
        raise ValueError("the activities have no time: give each one its hours a week or its percentage")
    out: dict[str, float] = {}
    for a in sorted(acts, key=lambda a: not is_automatable(a.kind)):
        out[a.kind] = out.get(a.kind, 0.0) + a.hours / total
    return out


PUBLISHED_GAP = 0.15
"""How far [fraction] the user's automatable share must lie from the occupation's published
exposure (Eloundou gamma) before the risk page remarks on it."""


@dataclass(frozen=True)
class Assessment:
    """The risk check of one person's activities (:func:`assess`).

    Attributes
    ----------
    activities : tuple of Activity
    total : float
        The time listed [h/week or %].
    share : float
        Automatable share of that time [fraction] (0 when no time is listed).
    threshold : float
        The threshold it is compared with [fraction].
    at_risk : bool
        ``share > threshold`` (strictly).
    role : str or None
        The guidance's high-risk role type the profile resembles (:func:`resembles`).
    high_risk : bool
        At risk by the share or by the role type (:func:`high_risk`).
    ai_hours : float
        The time AI could take [same unit as ``total``].
    top : Activity or None
        The activity with the most time AI could take (:func:`most_automatable`).
    by_kind : dict
        Share of the time in each kind [fraction] (empty when no time is listed).
    """

    activities: tuple[Activity, ...]
    total: float
    share: float
    threshold: float
    at_risk: bool
    role: str | None
    high_risk: bool
    ai_hours: float
    top: Activity | None
    by_kind: dict[str, float]

    def against_published(self, gamma: float | None) -> str | None:
        """``"above"`` or ``"below"`` when the share lies more than :data:`PUBLISHED_GAP` from the
        occupation's published exposure ``gamma``, else ``None``.

        Examples
        --------
        >>> a = assess([("Reports", 30, "E1"), ("Clients", 10, "Stakeholder relationships")], 0.6)
        >>> a.share, a.against_published(0.3), a.against_published(0.3 + 0.1), a.against_published(None)
        (0.375, None, None, None)
        >>> assess([("Reports", 40, "Rules-based information processing")], 0.6).against_published(0.5)
        'above'
        """
        if gamma is None or abs(self.share - gamma) <= PUBLISHED_GAP:
            return None
        return "above" if self.share > gamma else "below"


def assess(activities: Iterable[Activity | Mapping[str, Any] | tuple[Any, ...]], threshold: float = DEFAULT_THRESHOLD,
           e_share: float = E_SHARE) -> Assessment:
    """The whole risk check of a list of activities, computed once for every page that shows it.

    With no time listed the share is 0 (not at risk, no role, nothing to automate); the pages say
    that some time is needed.

    Examples
    --------
    16 of 40 hours are rules-based (whole) and 8 are E1 (half of them): (16 + 4) / 40 = 50 %.

    >>> a = assess([("Reports", 16, "Rules-based information processing"), ("Drafts", 8, "E1"),
    ...             ("Clients", 16, "Stakeholder relationships")], threshold=0.6)
    >>> a.share, a.at_risk, a.ai_hours, a.top.name
    (0.5, False, 20.0, 'Reports')
    >>> assess([("Idle", 0, "E1")]).share, assess([]).top
    (0.0, None)
    """
    acts = tuple(_as_activity(a) for a in activities)
    total = math.fsum(a.hours for a in acts)
    if total <= 0:
        return Assessment(acts, total, 0.0, threshold, False, None, high_risk(0.0, None, threshold), 0.0, None, {})
    share = automation_share(acts, e_share)
    role = resembles(acts, threshold, e_share)
    return Assessment(acts, total, share, threshold, is_at_risk(share, threshold), role,
                      high_risk(share, role, threshold), ai_hours(acts, e_share), most_automatable(acts, e_share),
                      time_by_kind(acts))


def occupation(soc_code: str) -> dict[str, Any]:
    """:func:`lookup_occupation` for a code that is in the data (one of the occupation input's
    options, checked against its declaration).

    Raises
    ------
    KeyError
        If the code is not in the shipped data.

    Examples
    --------
    >>> occupation("29-1141")["title"]
    'Registered Nurses'
    """
    found = lookup_occupation(soc_code)
    if found is None:
        raise KeyError(f"no occupation {soc_code!r} in the shipped data")
    return found
