"""Re-derive the shipped data files from the raw sources.

Usage::

    python scripts/derive_data.py [RAW_DIR [OUT_DIR]]

``RAW_DIR`` is the ``raw/`` folder of the occupation data (copies of the published sources,
default ``data_sources/occupations/raw``, see its ``PROVENANCE.md``); ``OUT_DIR`` defaults to
``upskill_roi/data``. Writes
``occupations.csv`` (one row per 2018 SOC detailed code, the steps of PROVENANCE.md) and
``tasks.csv`` (a compact task table: SOC code, task, task type, exposure label). Needs pandas
and openpyxl (for the BLS workbook); the app itself never runs this.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

AGGREGATES = ("13-1020", "13-2020", "21-1018", "25-2052", "25-9045", "29-2010", "31-1120", "39-7010", "47-4090",
              "51-2028", "51-2090", "53-1047")
"""OEWS-only aggregate codes (PROVENANCE.md step 3): their values pass to their member codes."""

COLUMNS = ["soc_code", "title", "major_group", "major_group_title", "gpt4_exposure_beta", "human_exposure_beta",
           "gpt4_exposure_alpha", "gpt4_exposure_gamma", "human_exposure_alpha", "human_exposure_gamma",
           "eloundou_n_onet_codes", "eloundou_agg", "ms_ai_applicability", "ms_source_code", "aei_observed_exposure",
           "median_annual_wage", "median_hourly_wage", "oews_tot_emp", "wage_source_code", "wage_level", "wage_flag",
           "wage_year"]


def _soc_2018(raw: Path) -> pd.DataFrame:
    cw = pd.read_csv(raw / "bls" / "soc_2010_to_2018_crosswalk.csv", dtype=str)
    t = cw[["2018 SOC Code", "2018 SOC Title"]].dropna().drop_duplicates("2018 SOC Code")
    t.columns = ["soc_code", "title"]
    t["title"] = t["title"].map(lambda s: re.sub(r"\s*\(#+\)\s*$", "", s).strip())
    return t.sort_values("soc_code").reset_index(drop=True)


def _members(codes: pd.Series, aggregate: str, published: set[str]) -> list[str]:
    """Codes an OEWS aggregate stands for: same 6-character stem, no OEWS row of their own."""
    stem = aggregate[:6]
    return [c for c in codes if c.startswith(stem) and c != aggregate and c not in published]


def _eloundou(raw: Path) -> pd.DataFrame:
    e = pd.read_csv(raw / "eloundou_gpts_are_gpts" / "occ_level.csv")
    e["soc_code"] = e["O*NET-SOC Code"].str[:7]
    cols = {"dv_rating_beta": "gpt4_exposure_beta", "human_rating_beta": "human_exposure_beta",
            "dv_rating_alpha": "gpt4_exposure_alpha", "dv_rating_gamma": "gpt4_exposure_gamma",
            "human_rating_alpha": "human_exposure_alpha", "human_rating_gamma": "human_exposure_gamma"}
    rows = []
    for soc, g in e.groupby("soc_code"):
        base = g[g["O*NET-SOC Code"].str.endswith(".00")]
        if len(base):
            values, agg = base.iloc[0], "onet_.00"
        else:
            values, agg = g[list(cols)].mean(), f"mean_of_{len(g)}_onet_subcodes"
        rows.append({"soc_code": soc, **{new: values[old] for old, new in cols.items()},
                     "eloundou_n_onet_codes": len(g), "eloundou_agg": agg})
    return pd.DataFrame(rows)


def _true(v: object) -> bool:
    """OEWS marks hourly-only / annual-only occupations with TRUE in the HOURLY / ANNUAL column."""
    return isinstance(v, str) and v.strip().upper() == "TRUE"


def derive_occupations(raw: Path) -> pd.DataFrame:
    """The merged occupation table (PROVENANCE.md steps 1-6)."""
    soc = _soc_2018(raw)
    x = pd.read_excel(raw / "bls" / "national_M2024_dl.xlsx", dtype=str)
    major = x[x["O_GROUP"] == "major"].set_index("OCC_CODE")["OCC_TITLE"]
    detailed = x[x["O_GROUP"] == "detailed"].set_index("OCC_CODE")
    published = set(detailed.index)

    member_of: dict[str, str] = {}
    for a in AGGREGATES:
        for m in _members(soc["soc_code"], a, published):
            member_of[m] = a

    df = soc.copy()
    df["major_group"] = df["soc_code"].str[:2] + "-0000"
    df["major_group_title"] = df["major_group"].map(major)
    df = df.merge(_eloundou(raw), on="soc_code", how="left")

    ms = pd.read_csv(raw / "microsoft_working_with_ai" / "soc_ai_applicability_scores.csv", dtype={"SOC Code": str})
    ms = ms.set_index("SOC Code")["ai_applicability_score"]
    df["ms_source_code"] = [c if c in ms.index else (member_of.get(c) if member_of.get(c) in ms.index else None)
                            for c in df["soc_code"]]
    df["ms_ai_applicability"] = df["ms_source_code"].map(ms)

    aei = pd.read_csv(raw / "anthropic_economic_index" / "job_exposure.csv", dtype={"occ_code": str})
    df["aei_observed_exposure"] = df["soc_code"].map(aei.set_index("occ_code")["observed_exposure"])

    wage_code = [c if c in published else member_of.get(c) for c in df["soc_code"]]
    df["wage_source_code"] = wage_code
    df["wage_level"] = [None if w is None else ("detailed" if w == c else "oews_aggregate")
                        for c, w in zip(df["soc_code"], wage_code, strict=False)]
    by_code = {w: detailed.loc[w] for w in set(wage_code) if w is not None}

    def num(v: object) -> float | None:
        try:
            return float(v)
        except (TypeError, ValueError):
            return None

    annual, hourly, emp, flags = [], [], [], []
    for w in wage_code:
        if w is None:
            annual.append(None), hourly.append(None), emp.append(None), flags.append(None)
            continue
        r = by_code[w]
        a, h = r["A_MEDIAN"], r["H_MEDIAN"]
        f = []
        if _true(r["HOURLY"]):
            f.append("hourly_only")
        if a == "#":
            f.append("annual_median_topcoded_>=239200")
        if h == "#":
            f.append("hourly_median_topcoded_>=115")
        if a == "*" and "hourly_only" in f:
            f.append("annual_not_available")
        if _true(r["ANNUAL"]):
            f.append("annual_only")
        annual.append(num(a)), hourly.append(num(h)), emp.append(num(r["TOT_EMP"]))
        flags.append(";".join(f) or None)
    df["median_annual_wage"] = annual
    df["median_hourly_wage"] = hourly
    df["oews_tot_emp"] = emp
    df["wage_flag"] = flags
    df["wage_year"] = ["May 2024" if w is not None else None for w in wage_code]

    has_any = df[["gpt4_exposure_beta", "ms_ai_applicability", "aei_observed_exposure", "median_annual_wage",
                  "median_hourly_wage"]].notna().any(axis=1)
    df = df[has_any].reset_index(drop=True)
    for c in ["gpt4_exposure_beta", "human_exposure_beta", "gpt4_exposure_alpha", "gpt4_exposure_gamma",
              "human_exposure_alpha", "human_exposure_gamma", "ms_ai_applicability"]:
        df[c] = df[c].round(4)
    for c in ["eloundou_n_onet_codes", "median_annual_wage", "oews_tot_emp"]:
        df[c] = pd.array(df[c].round(), dtype="Int64")
    return df[COLUMNS]


def derive_tasks(raw: Path) -> pd.DataFrame:
    """The compact task table: SOC code, task statement, task type (Core / Supplemental), and the
    GPT-4 rater's exposure label (E0 none, E1 an LLM alone halves the time, E2 an LLM plus tools
    would). O*NET sub-occupations collapse onto their SOC code; identical statements appear once."""
    t = pd.read_csv(raw / "eloundou_gpts_are_gpts" / "full_labelset.tsv", sep="\t", dtype=str)
    out = pd.DataFrame({
        "soc_code": t["O*NET-SOC Code"].str[:7],
        "task": t["Task"].str.strip(),
        "task_type": t["Task Type"].fillna(""),
        "exposure": t["gpt4_exposure"],
    })
    out = out.drop_duplicates(["soc_code", "task"])
    return out.sort_values(["soc_code", "task"], kind="stable").reset_index(drop=True)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1]
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    raw = Path(argv[0]) if argv else root / "data_sources" / "occupations" / "raw"
    out = Path(argv[1]) if len(argv) > 1 else root / "upskill_roi" / "data"
    out.mkdir(parents=True, exist_ok=True)
    derive_occupations(raw).to_csv(out / "occupations.csv", index=False)
    derive_tasks(raw).to_csv(out / "tasks.csv", index=False)
    print(f"wrote {out / 'occupations.csv'} and {out / 'tasks.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
