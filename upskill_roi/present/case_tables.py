"""The business case's tables, shared by the page and its report (pure: no Streamlit).

Each option's headline cells follow one rule: an option for which ROI and payback do not apply
(Do nothing, the baseline) shows a dash, with the reason given once beside the table.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from upskill_roi.core.business_case import AI_OPTIONS, OptionResult
from upskill_roi.present import fmt

__all__ = ["DASH", "components_table", "option_texts"]

DASH = "—"


def components_table(likely: Mapping[str, OptionResult], currency: str) -> pd.DataFrame:
    """What makes up each NPV: one row per item (present values, benefits positive, costs
    negative; empty where an option has no such item), one column per option that relies on AI,
    and the NPV as the last row.

    Examples
    --------
    >>> from upskill_roi.core.business_case import TeamInputs, evaluate_options
    >>> t = components_table(evaluate_options(TeamInputs()), "USD")
    >>> list(t.columns)[:2], t["Item"].iloc[-1], bool(t["Hire (USD)"].isna().any())
    (['Item', 'Upskill (USD)'], 'NPV', True)
    """
    items = list(dict.fromkeys(k for o in AI_OPTIONS for k in likely[o].components))
    rows = [{"Item": k, **{f"{o} ({currency})": likely[o].components.get(k, math.nan) for o in AI_OPTIONS}}
            for k in items]
    rows.append({"Item": "NPV", **{f"{o} ({currency})": likely[o].npv for o in AI_OPTIONS}})
    return pd.DataFrame(rows)


def option_texts(r: OptionResult, locale: str | None = None) -> dict[str, str]:
    """An option's ROI, payback and production month in words ("—" where they do not apply).

    Examples
    --------
    >>> from upskill_roi.core.business_case import TeamInputs, evaluate_options
    >>> r = evaluate_options(TeamInputs())
    >>> option_texts(r["Do nothing"]), option_texts(r["Upskill"])["In production"]
    ({'ROI': '—', 'Payback': '—', 'In production': '—'}, 'month 6')
    """
    if r.not_applicable:
        return {"ROI": DASH, "Payback": DASH, "In production": DASH}
    when = r.production_month
    return {
        "ROI": fmt.percent(r.roi, locale) if r.roi is not None else "n/a (no costs)",
        "Payback": fmt.months(r.payback_months, locale),
        "In production": "never" if not math.isfinite(when)
        else f"month {fmt.number(when, locale, 0 if float(when).is_integer() else 1)}",
    }
