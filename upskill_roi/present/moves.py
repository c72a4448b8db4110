"""Where to go: the table of similar, less exposed occupations, and what a chosen move sets."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from upskill_roi.core.similar import Neighbour

__all__ = ["neighbours_table", "move_caption"]


def neighbours_table(neighbours: Sequence[Neighbour], measure_name: str) -> pd.DataFrame:
    """One row per neighbour: title, similarity and exposure (0-1), its drop, median wage and its
    change [USD/yr], and the tasks that make them similar (plain text).

    Examples
    --------
    >>> from upskill_roi.core.similar import similar_occupations
    >>> t = neighbours_table(similar_occupations("29-1141", limit=2), "Exposure")
    >>> list(t.columns)[:4]
    ['Occupation', 'Similar tasks (0-1)', 'Exposure', 'Exposure drop (points)']
    """
    return pd.DataFrame([{
        "Occupation": f"{n.soc_code} {n.title}",
        "Similar tasks (0-1)": round(n.similarity, 2),
        measure_name: round(n.exposure, 2),
        "Exposure drop (points)": round(100 * n.exposure_drop),
        "Median wage (USD/yr)": n.median_annual_wage,
        "Wage change (USD/yr)": n.wage_change,
        "Why similar": "; ".join(theirs for _, theirs in n.shared_tasks[:2]) or ", ".join(n.shared_terms),
    } for n in neighbours])


def move_caption(title: str, wage: float | None, salary: float, change: float | None, used: float,
                 currency: str, locale: str | None) -> str:
    """What choosing the occupation did to the pay change on moving (Markdown, data text escaped):
    the pay change ``used`` (the input's whole percent) and, when the input's range cut it off
    (more than the half point of rounding), the change the wages give.

    Examples
    --------
    >>> move_caption("Industrial Engineers", 101_140, 52_000, 0.945, 0.94, "USD", "en-US")[-61:]
    '$101,140 against your $52,000 = 94%. You can still change it.'
    >>> move_caption("Surgeons", 300_000, 52_000, 4.77, 1.0, "USD", "en-US").split(" = ")[1]
    "477%, set to 100%, the end of the input's range. You can still change it."
    """
    from upskill_roi.present import fmt
    from upskill_roi.present.text import md_escape

    if wage is None or change is None:
        return (f"BLS publishes no median annual wage for {md_escape(title)}: the pay change on moving stays your "
                "own estimate.")
    text = (f"Pay change on moving from the BLS median of {md_escape(title)} (May 2024, US): "
            f"{fmt.money(wage, 'USD', locale)} against your {fmt.money(salary, currency, locale)} = ")
    if abs(used - change) > 0.005 + 1e-9:  # cut off by the range, not just rounded to a whole percent
        text += f"{fmt.percent(change, locale)}, set to {fmt.percent(used, locale)}, the end of the input's range"
    else:
        text += fmt.percent(used, locale)
    return text + ". You can still change it."
