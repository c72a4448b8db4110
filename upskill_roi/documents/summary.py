"""The check-up's personal summary: its lines, and its Markdown and one-page HTML exports (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from upskill_roi.core.career import PATHS
from upskill_roi.documents.report import Section, Table, html_report
from upskill_roi.inputs.param import Param
from upskill_roi.present import fmt
from upskill_roi.present.text import md_escape_line

__all__ = ["Summary", "summary_rows", "summary_markdown", "summary_html", "QUESTION", "Provenance", "provenance"]

QUESTION = "What specific problem in your industry can you solve better and faster using AI than anyone else?"


@dataclass(frozen=True)
class Summary:
    """Everything the summary shows, already computed by :mod:`upskill_roi.core` (amounts in ``currency``).

    Attributes
    ----------
    occupation : str
        "SOC title".
    share, threshold : float
        Automatable share of the listed time and the risk threshold [fraction].
    at_risk : bool
    role : str or None
        The high-risk role type the profile resembles.
    savings, npv, premium : float
        Annual savings [currency/yr], NPV of the implementation [currency], justified premium [currency/yr].
    payback_months : float or None
    weeks : float or None
        Weeks to competency (None = never).
    competency_date : date or None
    wait_months : int
    cost_of_waiting : float
        [currency].
    path_values : dict of str to float
        Stay-or-move present values [currency].
    path_p10, path_p90 : dict of str to float
    winner : str
    rule : str
        The guidance's rule of thumb for this risk result.
    disagreement : str or None
        Why the result and the rule of thumb differ (the inputs that decide it), or ``None``.
    provenance : Provenance or None
        What the user entered, what is assumed, and which results rest on assumed inputs.
    answer : str
        The user's answer to :data:`QUESTION` (free text).
    next_30_days : sequence of str
        The first steps of the plan, in words.
    certificates : dict of str to float
        Payoff (NPV) of each certificate of the certificate check [currency].
    """

    occupation: str
    share: float
    threshold: float
    at_risk: bool
    role: str | None
    savings: float
    npv: float
    premium: float
    payback_months: float | None
    weeks: float | None
    competency_date: dt.date | None
    wait_months: int
    cost_of_waiting: float
    path_values: dict[str, float]
    path_p10: dict[str, float]
    path_p90: dict[str, float]
    winner: str
    rule: str
    answer: str
    next_30_days: Sequence[str]
    certificates: dict[str, float] = field(default_factory=dict)
    disagreement: str | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Provenance:
    """What the person entered, what the check-up assumed, and which results rest on assumptions.

    Attributes
    ----------
    entered, assumed : tuple of str
        "Label: value" of the inputs the user changed, and of the key inputs still at their
        defaults (the ones a result rests on).
    notes : dict of str to str
        Summary row label -> why that result is an assumption, not yet the user's answer.
    """

    entered: tuple[str, ...]
    assumed: tuple[str, ...]
    notes: dict[str, str]


KEY_INPUTS = ("salary", "savings", "impl", "running", "weekly", "goal", "prior", "move_pay", "move_prob")
"""The inputs listed as assumed while they are at their defaults (the results rest on them)."""

_RESULTS = {  # summary row -> (inputs it rests on, what to say while they are all defaults)
    "Implementation: annual savings": (("savings",), "assumed: the guidance's example of $500K a year; enter your "
                                       "own system's savings in step 2"),
    "Implementation: NPV and payback": (("savings", "impl", "running"), "assumed: example savings and costs"),
    "Justified salary premium": (("savings",), "follows from the assumed savings"),
    "Time to competency": (("weekly", "goal", "prior"), "assumed: the example plan; set your own hours a week in "
                                                         "step 3"),
    "Stay or move (expected earnings, discounted)": (("move_pay", "move_prob"), "the pay change and the chance a "
                                                                               "move lands are examples"),
}


def provenance(params: Sequence[Param], values: Mapping[str, Any], display: Callable[[Param, Any], str],
               activities_changed: bool, drivers: bool,
               driver_keys: Sequence[str] = (), occupation_wage: float | None = None,
               today: dt.date | None = None) -> Provenance:
    """Split the check-up's inputs into entered and assumed, and say which results rest on
    assumptions. ``display(param, value)`` formats a value; in drivers mode the drivers stand for
    the savings (the total is then not in use), and the other way round. A salary equal to the
    occupation's published median (``occupation_wage``) is assumed, not entered, and so is a date
    that defaults to the day the page is opened (``today``). Free text (the answer) is shown on
    its own, not in these lists.

    Examples
    --------
    >>> from upskill_roi.inputs.param import Param
    >>> ps = [Param("savings", "Annual savings", "USD/yr", 5e5, "money", "number", "", "", "", min=0, max=1e9),
    ...       Param("weekly", "Study hours per week", "h/week", 10.0, "number", "slider", "", "", "", min=0, max=40)]
    >>> p = provenance(ps, {"savings": 5e5, "weekly": 6.0}, lambda p, v: f"{v:g}", activities_changed=False,
    ...                drivers=False)
    >>> p.entered, p.assumed
    (('Study hours per week: 6',), ('Annual savings: 500000',))
    >>> sorted(p.notes)[:2]
    ['Automatable share of your time', 'Implementation: NPV and payback']
    """
    unused = set(driver_keys) if not drivers else {"savings"}
    today = today or dt.date.today()
    params = [p for p in params if p.kind != "text"]
    changed = {p.key for p in params if p.key in values and p.key not in unused and values[p.key] != p.default
               and not (p.default == "today" and values[p.key] == today)}
    if occupation_wage is not None and values.get("salary") == occupation_wage:
        changed.discard("salary")
    if drivers and changed & set(driver_keys):
        changed.add("savings")  # own drivers: the savings are the user's
    entered = tuple(f"{p.label}: {display(p, values[p.key])}" for p in params if p.key in changed
                    and p.key in values and p.key not in unused)
    assumed = tuple(f"{p.label}: {display(p, values[p.key])}"
                    + (" (the occupation's BLS median)" if p.key == "salary" and occupation_wage is not None
                       and values[p.key] == occupation_wage else "")
                    for p in params if p.key in KEY_INPUTS and p.key not in changed and p.key in values
                    and p.key not in unused)
    if activities_changed:
        entered += ("your five activities (step 1)",)
    notes = {row: note for row, (keys, note) in _RESULTS.items() if not changed & set(keys)}
    if not activities_changed:
        notes["Automatable share of your time"] = ("from your occupation's typical tasks, not yet your own week: "
                                                   "enter your five activities in step 1")
    return Provenance(entered, assumed, notes)


def summary_rows(s: Summary, currency: str = "USD", locale: str | None = None) -> list[tuple[str, str]]:
    """The summary as (label, text) pairs, in reading order.

    Examples
    --------
    >>> rows = dict(summary_rows(_example()))
    >>> rows["Automatable share of your time"], rows["Time to competency"]
    ('45% — not at risk (threshold: more than 60%)', '24.0 weeks, by Jun 21, 2027')
    """
    def money(v: float | None) -> str:
        return fmt.money(v, currency, locale)
    risk = (f"{fmt.percent(s.share, locale)} — {'at risk' if s.at_risk else 'not at risk'} "
            f"(threshold: more than {fmt.percent(s.threshold, locale)})")
    when = ("never at this pace" if s.weeks is None or s.competency_date is None else  # both set, or neither
            f"{fmt.number(s.weeks, locale, 1)} weeks, by {fmt.date(s.competency_date, locale)}")
    paths = "; ".join(f"{p} {money(s.path_values[p])} (P10 {money(s.path_p10[p])}, P90 {money(s.path_p90[p])})"
                      for p in PATHS)
    rows = [
        ("Occupation", s.occupation),
        ("Automatable share of your time", risk),
        ("Profile resembles", s.role or "none of the guidance's highest-risk role types"),
        ("Implementation: annual savings", money(s.savings)),
        ("Implementation: NPV and payback", f"{money(s.npv)}; payback {fmt.months(s.payback_months, locale)}"),
        ("Justified salary premium", f"{money(s.premium)} a year"),
        ("Time to competency", when),
        (f"Cost of waiting {s.wait_months} months", f"{money(s.cost_of_waiting)} in today's money"),
        ("Stay or move (expected earnings, discounted)", f"{s.winner} wins: {paths}"),
        ("The guidance's rule of thumb", s.rule),
    ] + ([("Why your result differs", s.disagreement)] if s.disagreement else []) + (
        [("Certificate check (payoff, NPV)", "; ".join(f"{k} {money(v)}" for k, v in s.certificates.items()))]
        if s.certificates else [])
    if s.provenance is None:
        return rows
    notes = s.provenance.notes
    rows = [(label, f"{text} ({notes[label]})" if label in notes else text) for label, text in rows]
    return rows + [
        ("You entered", "; ".join(s.provenance.entered) or "nothing yet: every number above rests on assumed inputs"),
        ("Assumed (defaults you have not changed)", "; ".join(s.provenance.assumed) or "none of the key inputs"),
    ]


def summary_markdown(s: Summary, currency: str = "USD", locale: str | None = None, link: str = "") -> str:
    """The summary as a Markdown document.

    Examples
    --------
    >>> md = summary_markdown(_example(), link="http://x/checkup")
    >>> md.splitlines()[0], "## Your answer" in md, "http://x/checkup" in md
    ('# My AI career check-up', True, True)
    """
    lines = ["# My AI career check-up", "", "Illustrative estimate from Upskill ROI: the numbers follow from the "
             "inputs in the link below, most of them illustrative defaults or my own estimates.", ""]
    lines += [f"- **{label}:** {text}" for label, text in summary_rows(s, currency, locale)]
    # The answer may come from someone else's link: it is escaped so that it reads as text (no
    # headings, lists, links, images, HTML or maths), line by line.
    answer = [md_escape_line(line) + "  " for line in s.answer.strip().splitlines()] or ["(not answered yet)"]
    lines += ["", "## Your answer", "", f"*{QUESTION}*", "", *answer, ""]
    lines += ["## The next 30 days", ""] + [f"- {md_escape_line(step)}"  # may quote the user
                                            for step in s.next_30_days]
    if link:
        lines += ["", f"Reopen or change this check-up: <{link}>"]
    return "\n".join(lines) + "\n"


def summary_html(s: Summary, currency: str = "USD", locale: str | None = None, link: str = "",
                 today: dt.date | None = None) -> str:
    """The summary as a one-page, self-contained HTML document (no charts, no scripts: it
    prints to a single page).

    Examples
    --------
    >>> doc = summary_html(_example(), link="http://x/checkup", today=dt.date(2026, 11, 25))
    >>> "<script" in doc, "My AI career check-up" in doc, "Cut charting time" in doc
    (False, True, True)
    """
    table = Table("Your results", ["Question", "Your result"], summary_rows(s, currency, locale))
    return html_report(
        title="My AI career check-up", question=QUESTION, headline=s.answer.strip() or "(not answered yet)",
        link=link, generated=today or dt.date.today(),
        note="The numbers follow from the inputs in the link, most of them illustrative defaults or my own "
             "estimates; see the app's Methodology page for every formula and source.",
        sections=[Section("Results", tables=[table]),
                  Section("The next 30 days", paragraphs=list(s.next_30_days))],
        compact=True,
    )


def _example() -> Summary:
    """A summary for the examples (hand-made numbers)."""
    return Summary(
        occupation="29-1141 Registered Nurses", share=0.45, threshold=0.60, at_risk=False, role=None,
        savings=300_000, npv=500_000, premium=30_000, payback_months=4.2, weeks=24.0,
        competency_date=dt.date(2027, 6, 21), wait_months=6, cost_of_waiting=12_000,
        path_values={p: 400_000.0 for p in PATHS}, path_p10={p: 350_000.0 for p in PATHS},
        path_p90={p: 450_000.0 for p in PATHS}, winner=PATHS[0], rule="Secure role: upskill in place.",
        answer="Cut charting time.", next_30_days=["Week 1: start."],
    )
