"""Sentences that read a result back in words (pure; locale-aware through :mod:`upskill_roi.present.fmt`)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from upskill_roi.core.business_case import OptionResult
from upskill_roi.core.career import Flip
from upskill_roi.core.roi import ImplementationResult
from upskill_roi.core.upskilling import UpskillingResult
from upskill_roi.inputs.param import Param
from upskill_roi.present import fmt


def roi_readback(r: ImplementationResult, currency: str = "USD", locale: str | None = None) -> str:
    """One or two sentences that say what the ROI numbers mean.

    Examples
    --------
    >>> from upskill_roi.core.roi import ImplementationInputs, evaluate
    >>> print(roi_readback(evaluate(ImplementationInputs(benefit_risk=0, cost_risk=0,
    ...                                                  success_probability=1))))  # doctest: +NORMALIZE_WHITESPACE
    At these numbers the implementation pays back in 3.8 months and is worth $1,028,264 today over 3 years (NPV,
    ROI 447%).
    >>> print(roi_readback(evaluate(ImplementationInputs())))  # doctest: +NORMALIZE_WHITESPACE
    At these numbers the implementation pays back in 5.9 months and is worth $582,614 today over 3 years (NPV,
    ROI 277%), counting a 70% chance that it reaches production: $879,449 if it does, -$110,000 (the
    implementation cost) if it does not.
    """
    i = r.inputs
    years = "1 year" if i.horizon_years == 1 else f"{i.horizon_years} years"
    if r.payback_months is None:
        pays = f"does not pay back within {years}"
    else:
        pays = f"pays back in {fmt.months(r.payback_months, locale)}"
        if r.payback_date is not None and i.go_live is not None:  # a payback date needs a go-live date
            pays += f" (around {fmt.date(r.payback_date, locale)}, going live on {fmt.date(i.go_live, locale)})"
    worth = "is worth" if r.npv >= 0 else "loses"
    roi_text = f", ROI {fmt.percent(r.roi, locale)}" if r.roi is not None else ""
    text = (f"At these numbers the implementation {pays} and {worth} {fmt.money(abs(r.npv), currency, locale)} "
            f"today over {years} (NPV{roi_text})")
    if i.success_probability < 1:
        text += (f", counting a {fmt.percent(i.success_probability, locale)} chance that it reaches production: "
                 f"{fmt.money(r.npv_if_success, currency, locale)} if it does, "
                 f"{fmt.money(r.npv_if_failure, currency, locale)} (the implementation cost) if it does not")
    return text + "."


def roi_inverse(r: ImplementationResult, currency: str = "USD", locale: str | None = None) -> str:
    """The inverse solver in words: savings needed for the target premium, and break-even.

    Examples
    --------
    >>> from upskill_roi.core.roi import ImplementationInputs, evaluate
    >>> print(roi_inverse(evaluate(ImplementationInputs(benefit_risk=0, cost_risk=0, success_probability=1,
    ...                                                 target_premium=50_000))))  # doctest: +NORMALIZE_WHITESPACE
    To justify a $50,000 premium at a 10% share of net savings, the system must save $550,000 a year (before
    running costs of $50,000). The case breaks even (NPV = 0) at savings of $91,377 a year.
    """
    i = r.inputs
    if i.target_premium > r.premium_cap_amount:
        first = (f"A {fmt.money(i.target_premium, currency, locale)} premium is above the cap of "
                 f"{fmt.money(r.premium_cap_amount, currency, locale)} ({fmt.percent(i.premium_cap, locale)} of your "
                 "salary): no savings justify it.")
    elif r.savings_for_target_premium is None:
        first = ("With a 0% value-capture share, a 100% benefit haircut or no chance of production, no amount of "
                 "savings justifies a premium.")
    else:
        first = (
            f"To justify a {fmt.money(i.target_premium, currency, locale)} premium at a "
            f"{fmt.percent(i.capture_share, locale)} share of net savings, the system must save "
            f"{fmt.money(r.savings_for_target_premium, currency, locale)} a year (before running costs of "
            f"{fmt.money(i.running_cost, currency, locale)})."
        )
    if r.break_even_savings is None:
        second = "With a 100% benefit haircut or no chance of production no savings can break even."
    else:
        second = (
            f"The case breaks even (NPV = 0) at savings of "
            f"{fmt.money(r.break_even_savings, currency, locale)} a year."
        )
    return f"{first} {second}"


def _inline(line: str) -> str:
    """reST inline markup -> Markdown: :role:`x` and ``x`` -> `x`.

    Examples
    --------
    >>> _inline("see :mod:`upskill_roi.core.finance` and ``npv``")
    'see `upskill_roi.core.finance` and `npv`'
    """
    line = re.sub(r":\w+:`([^`]+)`", r"`\1`", line)
    return line.replace("``", "`")


def docstring_markdown(doc: str) -> str:
    """A module docstring (numpydoc / reStructuredText subset) as Markdown for the methodology page.

    Handles what this project's module docstrings use: ``literal`` -> `literal`,
    :role:`name` -> `name`, underlined section titles -> bold, and ``Title::`` followed by an
    indented block -> the title and a fenced code block.

    Examples
    --------
    >>> print(docstring_markdown("Intro.\\n\\nRules (:mod:`m`)\\n-----\\n* ``x`` is :func:`f`.\\n\\n"
    ...                          "Formulas::\\n\\n    a = b\\n"))
    Intro.
    <BLANKLINE>
    **Rules (`m`)**
    * `x` is `f`.
    <BLANKLINE>
    Formulas:
    <BLANKLINE>
    ```
    a = b
    ```
    """
    import textwrap

    lines = textwrap.dedent(doc).strip("\n").splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt and set(nxt.strip()) <= {"-", "="} and len(nxt.strip()) >= 3 and line.strip():
            out.append(f"**{_inline(line.strip())}**")
            i += 2
            continue
        if line.rstrip().endswith("::"):
            out.append(line.rstrip()[:-1])
            block: list[str] = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            code = textwrap.dedent("\n".join(block)).strip("\n")
            out += ["", "```", code, "```"]
            continue
        out.append(_inline(line))
        i += 1
    return "\n".join(out)


PREMIUM_LIMITS = {"rule": "share of net savings", "cap": "at the cap", "employer NPV": "all the employer can pay",
                  "does not pay back": "does not pay back"}
"""What sets the premium (``ImplementationResult.premium_limit``), in a few words."""


def roi_premium_line(r: ImplementationResult, currency: str = "USD", locale: str | None = None) -> str:
    """The premium: what sets it, against the salary and the guidance's headline, and what the
    employer keeps after paying it.

    Examples
    --------
    >>> from upskill_roi.core.roi import ImplementationInputs, evaluate
    >>> print(roi_premium_line(evaluate(ImplementationInputs(benefit_risk=0, cost_risk=0,
    ...                                                      success_probability=1))))  # doctest: +NORMALIZE_WHITESPACE
    The premium is 10% of the $450,000 the system saves a year net of its running cost: $45,000, 44% of your
    current salary. The guidance's $50,000 assumes $500,000 a year net; yours differs because of your savings
    and running cost. After paying it the employer's NPV is $911,315 (the project's: $1,028,264).

    A project that does not pay back supports no premium:

    >>> print(roi_premium_line(evaluate(ImplementationInputs(annual_savings=500_000, running_cost=480_000,
    ...                                                       implementation_cost=300_000))))
    No premium: the project does not pay back (NPV -$497,872), so there is nothing to share.
    """
    def money(v: float | None) -> str:
        return fmt.money(v, currency, locale)
    i = r.inputs
    share = (f", {fmt.percent(r.premium_share_of_salary, locale)} of your current salary"
             if r.premium_share_of_salary is not None else "")
    if r.premium_limit == "does not pay back":
        first = (f"No premium: the project does not pay back (NPV {money(r.npv)}), so there is nothing to share.")
    elif r.premium <= 0:
        first = f"No premium: the system saves nothing a year net of its running cost ({money(r.net_annual_savings)})."
    elif r.premium_limit == "cap":
        first = (f"The rule gives {money(r.premium_rule)} ({fmt.percent(i.capture_share, locale)} of "
                 f"{money(r.net_annual_savings)} a year net), capped at {money(r.premium)}: "
                 f"{fmt.percent(i.premium_cap, locale)} of your salary, the largest published AI-skill premium.")
    elif r.premium_limit == "employer NPV":
        first = (f"The rule gives {money(r.premium_rule)}, but the employer can pay only {money(r.premium)} a year "
                 "and still have an NPV of at least 0.")
    else:
        first = (f"The premium is {fmt.percent(i.capture_share, locale)} of the {money(r.net_annual_savings)} the "
                 f"system saves a year net of its running cost: {money(r.premium)}{share}.")
    if abs(r.premium - 50_000) > 0.5 and r.premium_limit in ("rule", "cap", "employer NPV") and r.premium > 0:
        why = []
        if i.benefit_risk > 0 or i.cost_risk > 0:
            why.append("the risk adjustments")
        if i.capture_share != 0.10:
            why.append(f"your {fmt.percent(i.capture_share, locale)} share")
        if r.premium_limit != "rule":
            why.append("the " + ("cap" if r.premium_limit == "cap" else "employer's NPV"))
        why.insert(0, "your savings and running cost")
        first += (f" The guidance's {money(50_000)} assumes {money(500_000)} a year net; yours differs because of "
                  + ", ".join(why[:-1]) + (" and " if len(why) > 1 else "") + why[-1] + ".")
    second = (f"After paying it the employer's NPV is {money(r.employer_npv)} (the project's: {money(r.npv)})."
              if r.premium > 0 else "")
    return f"{first} {second}".strip()


def upskilling_readback(r: UpskillingResult, currency: str = "USD", locale: str | None = None) -> str:
    """The upskilling plan in words.

    By hand, with no displacement risk, no tax and study time not counted: 260 h / 10 h = 26 weeks
    = 6 months; premium 50,000 x 50 % / 12 = 2,083.33 a month in months 10-60; NPV = -500 +
    2,083.33 x (v^10 - v^61) / (1 - v), v = 1.1^(-1/12) -> 80,515; cumulative -500 + 2,083.33
    turns positive in month 10.

    >>> import datetime as dt
    >>> from upskill_roi.core.upskilling import UpskillingInputs, evaluate
    >>> plain = dict(displacement_probability=0, marginal_tax_rate=0, time_value_share=0)
    >>> print(upskilling_readback(evaluate(UpskillingInputs(start=dt.date(2027, 1, 4),
    ...                                                     **plain))))  # doctest: +NORMALIZE_WHITESPACE
    At 10 hours a week you reach the target of 260 hours in 26.0 weeks (Jul 5, 2027). With a $50,000 premium at
    a 50% chance, starting 3 months after that, starting now is worth $80,515 over 5 years against not
    upskilling, and it breaks even in month 10.
    >>> print(upskilling_readback(evaluate(UpskillingInputs(weekly_hours=0.5, target_hours=600,
    ...                                                     consistency=0.1))))  # doctest: +NORMALIZE_WHITESPACE
    At 0.05 effective hours a week (0.5 planned x 10% consistency) the target of 600 hours takes more than a
    century: in practice, never. Plan more hours a week or a smaller target.
    """
    i = r.inputs
    if r.weeks is None:
        if r.effective_weekly_hours == 0:
            return (f"At 0 effective hours a week the target of {i.target_hours:,.0f} hours is never reached: "
                    "plan some weekly hours to see when you get there.")
        return (f"At {r.effective_weekly_hours:g} effective hours a week ({i.weekly_hours:g} planned x "
                f"{fmt.percent(i.consistency, locale)} consistency) the target of {i.target_hours:,.0f} hours takes "
                "more than a century: in practice, never. Plan more hours a week or a smaller target.")
    years = "1 year" if i.horizon_years == 1 else f"{i.horizon_years} years"
    if r.weeks == 0:
        first = (f"Your {i.prior_hours:,.0f} hours of prior practice already cover the target of "
                 f"{i.target_hours:,.0f} hours: you are competent from the start date.")
    else:
        assert r.competency_date is not None  # set whenever the weeks are
        first = (f"At {fmt.number(i.weekly_hours, locale, 0 if float(i.weekly_hours).is_integer() else 1)} hours a "
                 f"week you reach the target of {i.target_hours:,.0f} hours in {fmt.number(r.weeks, locale, 1)} weeks "
                 f"({fmt.date(r.competency_date, locale)}).")
    lag = fmt.number(i.lag_months, locale, 0 if float(i.lag_months).is_integer() else 1)
    worth = "worth" if r.npv >= 0 else "a loss of"
    if r.break_even_month is None:
        pays = f"it does not break even within {years}"
    elif r.break_even_month == 0:
        pays = "there are no costs to recover"
    else:
        pays = f"it breaks even in month {fmt.number(math.ceil(r.break_even_month), locale)}"
    second = (f"With a {fmt.money(i.premium, currency, locale)} premium at a {fmt.percent(i.probability, locale)} "
              f"chance, starting {lag} months after that, starting now is {worth} "
              f"{fmt.money(abs(r.npv), currency, locale)} over {years} against not upskilling, and {pays}.")
    return f"{first} {second}"


def waiting_text(r: UpskillingResult, currency: str = "USD", locale: str | None = None) -> str:
    """The cost of waiting in words (present values, like the NPV beside it).

    Examples
    --------
    >>> from upskill_roi.core.upskilling import UpskillingInputs, evaluate
    >>> plain = dict(displacement_probability=0, marginal_tax_rate=0, time_value_share=0)
    >>> print(waiting_text(evaluate(UpskillingInputs(**plain))))  # doctest: +NORMALIZE_WHITESPACE
    Waiting 6 months costs $11,296 in today's money (5.8 weeks of your pay): the premium comes 6.0 months later
    ($11,320), less the fees you pay later ($23). Someone who started 6 months ago is $11,848 ahead, valued
    today.
    """
    i = r.inputs
    def money(v: float | None) -> str:
        return fmt.money(v, currency, locale)
    weeks = (f" ({fmt.number(r.cost_of_waiting_weeks, locale, 1)} weeks of your pay)"
             if r.cost_of_waiting_weeks is not None else "")
    parts = r.waiting_parts
    if r.cost_of_waiting <= 0 and r.weeks is None:
        return (f"Waiting {i.wait_months:g} months changes nothing but when the fees are paid: at this pace the "
                "target is never reached, so there is no premium to delay and no displacement risk to avert.")
    text = (f"Waiting {i.wait_months:g} months costs {money(r.cost_of_waiting)} in today's money{weeks}: the "
            f"premium comes {fmt.number(r.premium_months_lost, locale, 1)} months later "
            f"({money(parts['Premium later'])})")
    if parts["Displacement risk not averted"] > 0.5:
        text += (f", and {money(parts['Displacement risk not averted'])} of expected pay lost to the displacement "
                 f"risk ({fmt.percent(i.displacement_probability, locale, 1)} a year) that being competent "
                 f"{i.wait_months:g} months sooner would have cut by {fmt.percent(i.risk_reduction, locale)}")
    text += f", less the {'fees and study time' if i.hourly_value > 0 else 'fees'} you pay later " \
            f"({money(-parts['Costs paid later'])})."
    if r.head_start > 0:
        text += f" Someone who started 6 months ago is {money(r.head_start)} ahead, valued today."
    return text


def break_even_label(r: UpskillingResult, locale: str | None = None) -> str:
    """'month 10' (the month in which the cumulative payoff turns positive), 'beyond year N', or
    'no costs' when there is nothing to recover.

    Examples
    --------
    >>> from upskill_roi.core.upskilling import UpskillingInputs, evaluate
    >>> plain = dict(displacement_probability=0, marginal_tax_rate=0, time_value_share=0)
    >>> break_even_label(evaluate(UpskillingInputs(**plain)))
    'month 10'
    >>> break_even_label(evaluate(UpskillingInputs(premium=0, **plain)))
    'beyond year 5'
    >>> break_even_label(evaluate(UpskillingInputs(course_fees=0, **plain)))
    'no costs'
    """
    if r.break_even_month is None:
        return f"beyond year {r.inputs.horizon_years}"
    if r.break_even_month == 0:
        return "no costs"
    return f"month {fmt.number(math.ceil(r.break_even_month), locale)}"


# The characters that can start Markdown markup inside a line: links/images ([ ] !), emphasis
# (* _), strikethrough (~), code (`), HTML (< >), maths ($) and the escape itself. Escaping more
# (e.g. "." or ")") shows the backslashes in Streamlit's renderer.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]!~<>$&:])")


def md_escape(text: str) -> str:
    r"""Escape text from a link, a file or a text box so that Markdown shows it literally:
    no links, images, emphasis, strikethrough, HTML or maths can come out of it.

    A word GFM would link by itself -- a bare URL, a ``www.`` address, an e-mail address -- is
    linked even with its punctuation escaped (seen in Streamlit 1.67: ``https\://e.x`` is still a
    live link), so such a word becomes a code span (:func:`upskill_roi.inputs.param.md_code`).

    Examples
    --------
    >>> print(md_escape("[x](http://e.x) ~a~ <b> **b** :red[c] $x$"))
    `[x](http://e.x)` \~a\~ \<b\> \*\*b\*\* \:red\[c\] \$x\$
    >>> print(md_escape("mail a@e.x or WWW.e.x, x.www.e.x, colour:red"))
    mail `a@e.x` or `WWW.e.x,` `x.www.e.x,` colour\:red

    Character references would become the characters they name (``https&#58;//e.x`` a link,
    ``&#42;`` a star): "&" is escaped, so they show as typed.

    >>> print(md_escape("https&#58;//e.x &#42;"))
    https\&#58;//e.x \&#42;
    """
    from upskill_roi.inputs.param import md_code

    return "".join(md_code(w) if _LINKY.search(w) else _MD_SPECIAL.sub(r"\\\1", w)
                   for w in re.split(r"(\s+)", str(text)))


# What GFM's autolink extension links without any markup: a scheme's "://", an "@" (e-mail), "www."
# anywhere in a word (after any punctuation: "x.www.e" is linked), and the mailto:/xmpp: schemes.
_LINKY = re.compile(r"(?i)://|@|www\.|(mailto|xmpp):")


_BLOCK_START = re.compile(r"^(\s*)([#>+=|-]|\d+[.)])")


def md_escape_line(line: str) -> str:
    r"""One line of user text for a Markdown document: inline markup escaped (:func:`md_escape`)
    and no block either (a heading, list, quote, table row or setext underline at its start).

    Examples
    --------
    >>> print(md_escape_line("# Head"), md_escape_line("- item"), md_escape_line("1. first"), md_escape_line("a-b"))
    \# Head \- item 1\. first a-b
    """
    escaped = md_escape(line).replace("|", "\\|")
    m = _BLOCK_START.match(escaped)
    if not m:
        return escaped
    lead, marker = m.group(1), m.group(2)
    if marker[0].isdigit():
        return lead + marker[:-1] + "\\" + marker[-1] + escaped[m.end():]
    return lead + ("" if marker == "|" else "\\") + escaped[len(lead):]


def display_value(p: Param, value: Any, currency: str, locale: str | None) -> str:
    """A value written the way a person reads it, with its unit.

    Examples
    --------
    >>> p = Param("rate", "Discount rate", "%/yr", 10, "percent", "slider", "", "", "", min=0, max=30)
    >>> display_value(p, 12.5, "USD", "en-US")
    '12.5%'
    """
    if p.kind in ("choice", "text"):
        return str(value) if p.kind == "choice" or value else "(empty)"
    if p.kind == "date":
        return ({None: "no date", "today": "today"}.get(value, str(value)) if not isinstance(value, dt.date)
                else fmt.date(value, locale))
    if p.kind == "money":
        return fmt.money(value, currency, locale, digits=0 if float(value).is_integer() else 2)
    if p.kind == "percent":
        return fmt.number(value, locale, 0 if float(value).is_integer() else 1) + "%"
    text = fmt.number(value, locale, 0 if float(value).is_integer() else 1)
    return f"{text} {p.unit_text(currency)}".strip()


_FLIP_LABELS = {
    "displacement_probability": ("your yearly displacement probability", "percent"),
    "premium_probability": ("the chance of getting the premium", "percent"),
    "salary_change": ("the pay change on moving", "percent"),
    "move_probability": ("the chance the move lands", "percent"),
    "search_weeks": ("the job search", "weeks"),
    "premium": ("the premium", "money"),
    "move_risk": ("the new role's displacement probability", "percent"),
    "months_to_competency": ("the time to competency", "months"),
    "weeks_out_of_work": ("the weeks out of work after a job loss", "weeks"),
    "earnings_loss": ("the lasting pay loss after a job loss", "percent"),
}


def flip_text(flip: Any, current: float, currency: str = "USD", locale: str | None = None) -> str:
    """One input that would change the stay-or-move winner, in words.

    Examples
    --------
    >>> from upskill_roi.core.career import Flip
    >>> flip_text(Flip("salary_change", 0.265, "Move now"), 0.10, locale="en-US")
    'Move now wins if the pay change on moving rose to 26.5%'
    >>> flip_text(Flip("search_weeks", 2.0, "Move now"), 10.5, locale="en-US")
    'Move now wins if the job search fell to 2 weeks'
    """
    label, value = _flip_value(flip.field, flip.value, currency, locale)
    return f"{flip.winner} wins if {label} {'rose' if flip.value > current else 'fell'} to {value}"


def _flip_value(field: str, value: float, currency: str, locale: str | None) -> tuple[str, str]:
    label, kind = _FLIP_LABELS.get(field, (field, "number"))
    text = {"percent": lambda v: fmt.percent(v, locale, 1 if round(v * 100, 1) % 1 else 0),
            "money": lambda v: fmt.money(v, currency, locale),
            "weeks": lambda v: f"{fmt.number(v, locale, 0 if float(v).is_integer() else 1)} weeks",
            "months": lambda v: fmt.months(v, locale)}.get(kind, lambda v: fmt.number(v, locale, 2))(value)
    return label, text


def disagreement(winner: str, rule_path: str, at_risk: bool, flips: Sequence[Flip], inputs: Any, currency: str = "USD",
                 locale: str | None = None) -> str | None:
    """One sentence when the user's result and the guidance's rule of thumb disagree, naming the
    inputs that decide it (``flips``: :func:`upskill_roi.core.career.flip_points` towards the rule's path);
    ``None`` when they agree.

    Examples
    --------
    >>> from upskill_roi.core.career import CareerInputs, Flip
    >>> print(disagreement("Stay and upskill", "Move now", True, [Flip("salary_change", 0.35, "Move now"),
    ...                    Flip("premium", 11_000.0, "Move now")], CareerInputs(),
    ...                    locale="en-US"))  # doctest: +NORMALIZE_WHITESPACE
    Your numbers favour Stay and upskill, not the guidance's Move now for a high-risk role: it is decided by the
    pay change on moving (10% today; Move now wins from 35%) and the premium ($50,000 today; Move now wins from
    $11,000).
    """
    if winner == rule_path:
        return None
    role = "a high-risk role" if at_risk else "a secure role"
    named = []
    for f in flips[:2]:
        label, then = _flip_value(f.field, f.value, currency, locale)
        _, now = _flip_value(f.field, getattr(inputs, f.field), currency, locale)
        named.append(f"{label} ({now} today; {rule_path} wins from {then})")
    if not named:
        return (f"Your numbers favour {winner}, not the guidance's {rule_path} for {role}: no single input within "
                f"its range makes {rule_path} win, so the difference rests on several of them together.")
    return (f"Your numbers favour {winner}, not the guidance's {rule_path} for {role}: it is decided by "
            + " and ".join(named) + ".")


def profile_text(r: UpskillingResult, locale: str | None = None) -> str:
    """The guidance's profile (3+ years in the domain, 6 months of focused implementation) in words.

    Examples
    --------
    >>> import datetime as dt
    >>> from upskill_roi.core.upskilling import UpskillingInputs, evaluate
    >>> print(profile_text(evaluate(UpskillingInputs(domain_years=2,
    ...                                              start=dt.date(2027, 1, 4)))))  # doctest: +NORMALIZE_WHITESPACE
    The guidance's profile (3+ years in your domain, 6 months of focused AI implementation): missing today 1
    more year in the domain and 6 months of focused AI implementation. With this plan you have it in 12.0
    months; until you have 3 years in your domain, the premium's chance is the generic 5%.
    >>> print(profile_text(evaluate(UpskillingInputs(domain_years=4, implementation_months=6))))
    You have the guidance's profile: 4 years in your domain and 6 months of focused AI implementation.
    """
    p = r.profile
    if p.met_now:
        return (
            "You have the guidance's profile: "
            f"{fmt.number(p.domain_years, locale, 0 if float(p.domain_years).is_integer() else 1)} "
            "years in your domain and "
            f"{fmt.number(p.implementation_months, locale, 0 if float(p.implementation_months).is_integer() else 1)} "
            "months of focused AI implementation."
        )
    head = ("The guidance's profile (3+ years in your domain, 6 months of focused AI implementation): missing today "
            + " and ".join(p.missing) + ".")
    if p.met_month is None:
        tail = (" This plan does not complete it: its target gives less than 6 months of focused implementation "
                "(260 h).")
    else:
        tail = f" With this plan you have it in {fmt.number(p.met_month, locale, 1)} months"
        tail += ("; until you have 3 years in your domain, the premium's chance is the generic 5%."
                 if p.domain_month > 0 else ".")
    return head + tail


def case_headline(likely: Mapping[str, OptionResult], sim: Any, inputs: Any, currency: str = "USD",
                  locale: str | None = None) -> str:
    """The business case's answer in words: the best option at the likely values, how often it
    wins, and -- when it is not an upskilling option (the guidance's route) -- why upskilling
    falls short, from its largest costs.

    Examples
    --------
    >>> from upskill_roi.core.business_case import TeamInputs, evaluate_options, simulate_options
    >>> i = TeamInputs()
    >>> r = evaluate_options(i)
    >>> print(case_headline(r, simulate_options(i, {}, n=200), i).split(" and wins")[0])
    At the likely values Upskill + attrition has the highest risk-adjusted NPV ($25,634 over 3 years)
    """
    def money(v: float | None) -> str:
        return fmt.money(v, currency, locale)
    names = list(likely)
    best = max(names, key=lambda o: likely[o].npv)
    years = "1 year" if inputs.horizon_years == 1 else f"{inputs.horizon_years} years"
    text = (f"At the likely values {best} has the highest risk-adjusted NPV ({money(likely[best].npv)} over {years}) "
            f"and wins in {fmt.percent(sim.win_share[best], locale)} of the simulated cases.")
    if best == "Do nothing":
        text += " No option that relies on AI pays for itself at these inputs."
    if not best.startswith("Upskill"):
        u = likely["Upskill"]
        costs = sorted(((k, -v) for k, v in u.components.items() if v < 0), key=lambda kv: -kv[1])[:3]
        start = ("never" if not math.isfinite(u.production_month) else
                 f"month {fmt.number(u.production_month, locale, 0 if float(u.production_month).is_integer() else 1)}")
        text += (f" Upskilling (the guidance's route) comes to {money(u.npv)}: its benefit starts only when the "
                 f"training is done and the system is in production ({start}), only "
                 f"{fmt.percent(inputs.recapture, locale)} of the freed time becomes productive work, the system "
                 f"reaches production with a {fmt.percent(inputs.success_probability, locale)} chance, and its largest "
                 "costs are " + ", ".join(f"{k.lower()} ({money(v)})" for k, v in costs) + ".")
    return text


def activities_caption(soc: str) -> str:
    """What the starting activities are (see :func:`upskill_roi.inputs.activities.default_rows`)."""
    from upskill_roi.inputs.activities import DEFAULT_ROWS, DEFAULT_SOC, default_rows

    if soc == DEFAULT_SOC or default_rows(soc) == DEFAULT_ROWS:
        return ("They start as an illustrative management analyst's week: replace them with what you really do "
                "and how long it takes.")
    return ("They start as five of your occupation's own O*NET tasks with their published exposure labels, 8 hours "
            "a week each: replace them with what you really do and how long it takes.")


def salary_caption(salary: float, wage: float | None, title: str, currency: str, locale: str | None) -> str:
    """Says whether the salary is the occupation's published median or the user's own (always a
    line, so that the fields below do not move when the salary is typed)."""
    from upskill_roi.present import fmt

    if wage is None and currency != "USD":
        return (f"The occupation's BLS median is a US-dollar figure: it is not used while amounts are in "
                f"{currency}, so the salary is your own.")
    if wage is None:
        return "BLS publishes no annual median wage for this occupation: the salary is your own."
    median = fmt.money(wage, "USD", locale)
    if salary != wage:
        return f"Your own salary (the BLS median for {md_escape(title)}, May 2024, US: {median} a year)."
    return (f"The BLS median for {md_escape(title)} (May 2024, US): {median} a year. Type your own salary for your own "
            "answer.")


def horizon_note(system_years: int, career_years: int, step: str) -> str:
    """Why the check-up's steps count different horizons (or that they agree)."""
    if system_years == career_years:
        return f"Every step counts {system_years} years."
    if step == "implementation":
        return (f"Counted over {system_years} years, the AI system's useful life (Forrester TEI studies use 3); "
                f"steps 3 and 4 count {career_years} years of your earnings, the time a premium or a move plays "
                "out over. Both horizons are inputs.")
    return (f"Counted over {career_years} years of your earnings; step 2 counts the AI system over its "
            f"{system_years}-year useful life. Both horizons are inputs.")


EXAMPLE_INPUTS: dict[str, tuple[tuple[str, ...], str]] = {
    "roi": (("savings", "hours", "people", "hourly", "errors", "revenue", "impl", "running"),
            "the savings and costs are the page's example (the guidance's $500K a year); enter your own system's "
            "figures under Inputs"),
    "upskilling": (("weekly", "goal", "target_h", "prior", "premium", "salary"),
                   "the study hours, target, premium and salary are the page's example; enter your own under Inputs"),
    "business_case": (("team", "ai_share", "loaded", "sys_cost", "sys_run"),
                      "the team, its AI share, its cost and the AI system's cost are the page's example; enter your "
                      "team's figures under Inputs"),
}
"""Per page: the inputs its headline results rest on, and what to say while all are at their defaults."""


def example_note(page: str, params: Iterable[Param], values: Mapping[str, Any]) -> str | None:
    """Says when a page's results rest on its untouched example inputs (None once any is the user's).

    Examples
    --------
    >>> from upskill_roi.inputs.param import Param
    >>> ps = [Param("savings", "Annual savings", "USD/yr", 5e5, "money", "number", "", "", "", min=0, max=1e9)]
    >>> example_note("roi", ps, {"savings": 5e5}).startswith("**Not yet your own numbers")
    True
    >>> example_note("roi", ps, {"savings": 6e5}) is None
    True
    """
    keys, note = EXAMPLE_INPUTS[page]
    by_key = {p.key: p for p in params}
    if any(k in by_key and k in values and values[k] != by_key[k].default for k in keys):
        return None
    return f"**Not yet your own numbers:** {note}."


TORNADO_LABELS = {"annual_savings": "Annual savings", "implementation_cost": "Implementation cost",
                  "running_cost": "Running cost", "ramp_months": "Adoption ramp",
                  "success_probability": "Reaches production (no / yes)"}
"""The sensitivity's inputs as the page names them (the tornado chart, the drivers sentence)."""


def drivers_sentence(bars: Sequence[Any], currency: str = "USD", locale: str | None = None, top: int = 3) -> str:
    """What drives this result: the ``top`` inputs with the largest NPV swing over their ranges
    (:func:`upskill_roi.core.uncertainty.tornado`, sorted largest first), each with the NPV at its
    low and at its high value, the others at their likely values.

    Examples
    --------
    >>> from upskill_roi.core.uncertainty import TornadoBar
    >>> bars = [TornadoBar("annual_savings", 100.0, 900.0), TornadoBar("running_cost", 600.0, 400.0)]
    >>> s = drivers_sentence(bars, "USD", "en-US")
    >>> print(s[:99])
    What drives this result: annual savings (NPV $100 at its low value, $900 at its high; a swing of $8
    >>> print(s[99:])
    00) and running cost (NPV $600 at its low value, $400 at its high; a swing of $200).
    >>> drivers_sentence([])
    ''
    """
    if not bars:
        return ""
    parts = []
    for b in list(bars)[:top]:
        if b.field == "success_probability":
            name, low, high = "whether the system reaches production", "if it does not", "if it does"
        else:
            name = TORNADO_LABELS.get(b.field, b.field.replace("_", " ")).lower()
            low, high = "at its low value", "at its high"
        parts.append(f"{name} (NPV {fmt.money(b.npv_low, currency, locale)} {low}, "
                     f"{fmt.money(b.npv_high, currency, locale)} {high}; a swing of "
                     f"{fmt.money(abs(b.npv_high - b.npv_low), currency, locale)})")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    rest = " The other ranges move it less." if len(bars) > top else ""
    return f"What drives this result: {listed}.{rest}"


def case_question(inputs: Any, locale: str | None = None) -> str:
    """The question the business case answers, for its report and its brief.

    Examples
    --------
    >>> from upskill_roi.core.business_case import TeamInputs
    >>> case_question(TeamInputs(), "en-US")[:44]
    'Which option pays best for a team of 10 over'
    """
    return (f"Which option pays best for a team of {fmt.number(inputs.team_size, locale)} over "
            f"{inputs.horizon_years} years: upskilling {fmt.number(inputs.upskill_people, locale)} people to "
            f"implement AI (with or without replacing leavers), hiring a specialist, cutting or redeploying "
            f"{fmt.number(inputs.reduce_people, locale)} roles, or doing nothing?")
