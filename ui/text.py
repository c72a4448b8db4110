"""Sentences that read a result back in words (pure; locale-aware through :mod:`ui.fmt`)."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from calc.roi import ImplementationResult
from calc.upskilling import UpskillingResult
from ui import fmt
from ui.params import Param


def roi_readback(r: ImplementationResult, currency: str = "USD", locale: str | None = None) -> str:
    """One or two sentences that say what the ROI numbers mean.

    Examples
    --------
    >>> from calc.roi import ImplementationInputs, evaluate
    >>> print(roi_readback(evaluate(ImplementationInputs())))
    At these numbers the implementation pays back in 3.8 months and is worth $981,205 today over 3 years (NPV, ROI 437%); a 10% share of its savings supports a $50,000 premium.
    """
    i = r.inputs
    years = "1 year" if i.horizon_years == 1 else f"{i.horizon_years} years"
    if r.payback_months is None:
        pays = f"does not pay back within {years}"
    else:
        pays = f"pays back in {fmt.months(r.payback_months, locale)}"
        if r.payback_date is not None:
            pays += f" (around {fmt.date(r.payback_date, locale)}, going live on {fmt.date(i.go_live, locale)})"
    worth = "is worth" if r.npv >= 0 else "loses"
    roi_text = f", ROI {fmt.percent(r.roi, locale)}" if r.roi is not None else ""
    return (
        f"At these numbers the implementation {pays} and {worth} {fmt.money(abs(r.npv), currency, locale)} "
        f"today over {years} (NPV{roi_text}); a {fmt.percent(i.capture_share, locale)} share of its savings "
        f"supports a {fmt.money(r.premium, currency, locale)} premium."
    )


def roi_inverse(r: ImplementationResult, currency: str = "USD", locale: str | None = None) -> str:
    """The inverse solver in words: savings needed for the target premium, and break-even.

    Examples
    --------
    Break-even by hand: PV(costs) = 100,000 + 50,000 x (1/1.1 + 1/1.21 + 1/1.331) = 224,342.6;
    PV of 1/yr of savings = (11/12)/1.1 + 1/1.21 + 1/1.331 = 2.411094; 224,342.6 / 2.411094 = 93,046.

    >>> from calc.roi import ImplementationInputs, evaluate
    >>> print(roi_inverse(evaluate(ImplementationInputs(target_premium=60_000))))
    To justify a $60,000 premium at a 10% share, the system must save $600,000 a year. The case breaks even (NPV = 0) at savings of $93,046 a year.
    """
    i = r.inputs
    if r.savings_for_target_premium is None:
        first = "With a 0% value-capture share no amount of savings justifies a premium."
    else:
        first = (
            f"To justify a {fmt.money(i.target_premium, currency, locale)} premium at a "
            f"{fmt.percent(i.capture_share, locale)} share, the system must save "
            f"{fmt.money(r.savings_for_target_premium, currency, locale)} a year."
        )
    if r.break_even_savings is None:
        second = "With a 100% benefit haircut no savings can break even."
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
    >>> _inline("see :mod:`calc.finance` and ``npv``")
    'see `calc.finance` and `npv`'
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
    >>> print(docstring_markdown("Intro.\\n\\nRules (:mod:`m`)\\n-----\\n* ``x`` is :func:`f`.\\n\\nFormulas::\\n\\n    a = b\\n"))
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


def roi_premium_line(r: ImplementationResult, currency: str = "USD", locale: str | None = None) -> str:
    """The premium against the salary, and what the employer keeps (or lacks) after paying it.

    Examples
    --------
    >>> from calc.roi import ImplementationInputs, evaluate
    >>> print(roi_premium_line(evaluate(ImplementationInputs())))
    The premium is 49% of your current salary. At full adoption the employer keeps $400,000 a year after running costs and the premium.

    Savings 10,000 - running 50,000 - premium 1,000 = -41,000:

    >>> print(roi_premium_line(evaluate(ImplementationInputs(annual_savings=10_000, current_salary=0))))
    No salary entered to compare the premium with. At full adoption the savings fall $41,000 a year short of running costs plus the premium.
    """
    if r.premium_share_of_salary is None:
        first = "No salary entered to compare the premium with."
    else:
        first = f"The premium is {fmt.percent(r.premium_share_of_salary, locale)} of your current salary."
    net = r.employer_net_after_premium
    if net >= 0:
        second = (f"At full adoption the employer keeps {fmt.money(net, currency, locale)} a year after running "
                  "costs and the premium.")
    else:
        second = (f"At full adoption the savings fall {fmt.money(-net, currency, locale)} a year short of running "
                  "costs plus the premium.")
    return f"{first} {second}"


def upskilling_readback(r: "UpskillingResult", currency: str = "USD", locale: str | None = None) -> str:
    """The upskilling plan in words.

    By hand: 260 h / 10 h = 26 weeks = 6 months; premium 50,000 x 50 % / 12 = 2,083.33 a month in
    months 10-60; NPV = -500 + 2,083.33 x (v^10 - v^61) / (1 - v), v = 1.1^(-1/12) -> 80,515;
    cumulative -500 + 2,083.33 turns positive in month 10.

    >>> import datetime as dt
    >>> from calc.upskilling import UpskillingInputs, evaluate
    >>> print(upskilling_readback(evaluate(UpskillingInputs(start=dt.date(2027, 1, 4)))))
    At 10 hours a week you reach the target of 260 hours in 26.0 weeks (Jul 5, 2027). With a $50,000 premium at a 50% chance, starting 3 months after that, starting now is worth $80,515 over 5 years against not upskilling, and it breaks even in month 10.
    >>> print(upskilling_readback(evaluate(UpskillingInputs(weekly_hours=0.5, target_hours=600, consistency=0.1))))
    At 0.05 effective hours a week (0.5 planned x 10% consistency) the target of 600 hours takes more than a century: in practice, never. Plan more hours a week or a smaller target.
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


def waiting_text(r: "UpskillingResult", currency: str = "USD", locale: str | None = None) -> str:
    """The cost of waiting in words.

    Examples
    --------
    >>> from calc.upskilling import UpskillingInputs, evaluate
    >>> print(waiting_text(evaluate(UpskillingInputs(displacement_probability=0.2))))
    Waiting 6 months costs about $16,587 in expected terms, undiscounted (8.5 weeks of your pay): 6.0 months of expected premium ($12,500) and a layoff risk of $4,087 (20% x 10.5 weeks of pay). Someone who started 6 months ago is $12,500 ahead at the horizon.
    """
    i = r.inputs
    weeks = (f" ({fmt.number(r.cost_of_waiting_weeks, locale, 1)} weeks of your pay)"
             if r.cost_of_waiting_weeks is not None else "")
    premium_part = r.cost_of_waiting - r.layoff_cost
    text = (f"Waiting {i.wait_months:g} months costs about {fmt.money(r.cost_of_waiting, currency, locale)} in "
            f"expected terms, undiscounted{weeks}: {fmt.number(r.premium_months_lost, locale, 1)} months of expected "
            f"premium ({fmt.money(premium_part, currency, locale)})")
    if r.layoff_cost > 0:
        text += (f" and a layoff risk of {fmt.money(r.layoff_cost, currency, locale)} "
                 f"({fmt.percent(i.displacement_probability, locale)} x {fmt.number(i.weeks_out_of_work, locale, 1)}"
                 " weeks of pay)")
    text += "."
    if r.head_start > 0:
        text += (f" Someone who started 6 months ago is {fmt.money(r.head_start, currency, locale)} ahead at the "
                 "horizon.")
    return text


def break_even_label(r: "UpskillingResult", locale: str | None = None) -> str:
    """'month 10' (the month in which the cumulative payoff turns positive), 'beyond year N', or
    'no costs' when there is nothing to recover.

    Examples
    --------
    >>> from calc.upskilling import UpskillingInputs, evaluate
    >>> break_even_label(evaluate(UpskillingInputs())), break_even_label(evaluate(UpskillingInputs(premium=0)))
    ('month 10', 'beyond year 5')
    >>> break_even_label(evaluate(UpskillingInputs(course_fees=0)))
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
_MD_SPECIAL = re.compile(r"([\\`*_\[\]!~<>$])")


def md_escape(text: str) -> str:
    r"""Escape text from a link, a file or a text box so that Markdown shows it literally:
    no links, images, emphasis, strikethrough, HTML or maths can come out of it.

    Examples
    --------
    >>> print(md_escape("[x](http://e.x) ~a~ <b>"))
    \[x\](http://e.x) \~a\~ \<b\>
    """
    return _MD_SPECIAL.sub(r"\\\1", str(text))


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
        return {None: "no date", "today": "today"}.get(value) if not isinstance(value, dt.date) else fmt.date(value, locale)
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
    "search_weeks": ("the job search", "weeks"),
    "premium": ("the premium", "money"),
    "move_risk": ("the new role's displacement probability", "percent"),
    "months_to_competency": ("the time to competency", "months"),
}


def flip_text(flip: Any, current: float, currency: str = "USD", locale: str | None = None) -> str:
    """One input that would change the stay-or-move winner, in words.

    Examples
    --------
    >>> from calc.career import Flip
    >>> flip_text(Flip("salary_change", 0.265, "Move now"), 0.10, locale="en-US")
    'Move now wins if the pay change on moving rose to 26.5%'
    >>> flip_text(Flip("search_weeks", 2.0, "Move now"), 10.5, locale="en-US")
    'Move now wins if the job search fell to 2 weeks'
    """
    label, kind = _FLIP_LABELS.get(flip.field, (flip.field, "number"))
    value = {"percent": lambda v: fmt.percent(v, locale, 1 if round(v * 100, 1) % 1 else 0),
             "money": lambda v: fmt.money(v, currency, locale),
             "weeks": lambda v: f"{fmt.number(v, locale, 0 if float(v).is_integer() else 1)} weeks",
             "months": lambda v: fmt.months(v, locale)}.get(kind, lambda v: fmt.number(v, locale, 2))(flip.value)
    return f"{flip.winner} wins if {label} {'rose' if flip.value > current else 'fell'} to {value}"
