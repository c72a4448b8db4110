"""upskill_roi.core.risk: the share, the strict threshold, the bands and the occupation lookups."""

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upskill_roi.core.risk import (
    CATEGORIES,
    EXPOSURE_LEVELS,
    Activity,
    automation_share,
    exposure_percentile,
    is_at_risk,
    lookup_occupation,
    occupation_tasks,
    oecd_band,
    search_occupations,
)

ROOT = Path(__file__).resolve().parents[2]
KINDS = [*CATEGORIES, *EXPOSURE_LEVELS]


def test_share_by_hand():
    acts = [Activity("Weekly reports", 10, "Rules-based information processing"),
            Activity("Forecasts", 5, "Pattern-matching on historical data"),
            Activity("Vendor calls", 10, "Stakeholder relationships"),
            Activity("Drafting emails", 5, "E2"),
            Activity("Site visits", 10, "E0")]
    # 10 + 5 hours of the guidance's automatable kinds count whole; the E2 task (an LLM plus tools
    # cuts its time by at least half: Eloundou et al. 2024) counts half its 5 hours: 17.5 of 40.
    assert automation_share(acts) == pytest.approx(17.5 / 40)
    # With E1/E2 counted whole (e_share = 1) it is the old 20 of 40.
    assert automation_share(acts, e_share=1.0) == pytest.approx(20 / 40)
    # Tuples and mappings work too; percentages give the same share as hours.
    assert automation_share([("a", 25, "E1"), {"name": "b", "hours": 75, "kind": "Strategic judgment"}]) == 0.125


def test_exactly_sixty_percent_is_not_at_risk():
    share = automation_share([("a", 3, "Rules-based information processing"), ("b", 2, "Creative problem-solving")])
    assert share == 0.6
    assert not is_at_risk(share)
    assert is_at_risk(automation_share([("a", 61, "Repetitive process with minor variations"), ("b", 39, "E0")]))
    # E1/E2 tasks alone can never pass 60 % at the default half: all of the time in E1 is 50 %.
    assert automation_share([("a", 40, "E1")]) == 0.5 and not is_at_risk(0.5)


@given(st.floats(0, 1), st.floats(0, 1))
def test_threshold_is_strict(share, threshold):
    assert is_at_risk(share, threshold) == (share > threshold)


activities = st.lists(st.tuples(st.text(max_size=10), st.floats(0, 60), st.sampled_from(KINDS)), min_size=1, max_size=8)


@given(activities, st.floats(0.01, 100))
def test_share_is_a_fraction_and_scale_free(acts, factor):
    if sum(h for _, h, _ in acts) <= 0:
        with pytest.raises(ValueError, match="no time"):
            automation_share(acts)
        return
    s = automation_share(acts)
    assert 0 <= s <= 1
    scaled = [(n, h * factor, k) for n, h, k in acts]
    if sum(h for _, h, _ in scaled) > 0:
        assert automation_share(scaled) == pytest.approx(s, abs=1e-9)


@given(activities, st.floats(0.1, 40))
def test_more_automatable_time_never_lowers_the_share(acts, extra):
    if sum(h for _, h, _ in acts) <= 0:
        return
    whole = "Rules-based information processing"
    assert automation_share([*acts, ("more", extra, whole)]) >= automation_share(acts) - 1e-12
    # More time in an activity AI takes half of pulls the share towards one half.
    with_e1 = automation_share([*acts, ("more", extra, "E1")])
    before = automation_share(acts)
    assert min(before, 0.5) - 1e-12 <= with_e1 <= max(before, 0.5) + 1e-12


def test_bad_activities_are_named():
    with pytest.raises(ValueError, match="'Filing'"):
        Activity("Filing", -1, "E1")
    with pytest.raises(ValueError, match="kind of 'Filing'"):
        Activity("Filing", 1, "E3")


def test_oecd_bands_are_a_comparison_of_probabilities_not_the_users_band():
    from upskill_roi.core.risk import OECD_COMPARISON

    assert "not your band" in OECD_COMPARISON and "probability of automation" in OECD_COMPARISON
    assert "share of your time" in OECD_COMPARISON


def test_oecd_bands():
    assert oecd_band(0.71).startswith("highly") and oecd_band(0.70).startswith("significant")
    assert oecd_band(0.50).startswith("significant") and oecd_band(0.4999) == "below 50%"


def test_lookup_computer_programmers_matches_the_shipped_table():
    with open(ROOT / "upskill_roi" / "data" / "occupations.csv", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["soc_code"] == "15-1251")
    got = lookup_occupation("15-1251")
    assert got["title"] == "Computer Programmers" == row["title"]
    for col in ("gpt4_exposure_beta", "human_exposure_beta", "ms_ai_applicability", "aei_observed_exposure",
                "median_annual_wage"):
        assert got[col] == pytest.approx(float(row[col])), col
    assert got["aei_observed_exposure"] == 0.7451 and got["median_annual_wage"] == 98_670
    assert lookup_occupation(" 15-1251 ")["title"] == "Computer Programmers"
    assert lookup_occupation("99-9999") is None and lookup_occupation("") is None


def test_lookup_returns_none_for_missing_values():
    row = lookup_occupation("45-3031")  # Fishing and Hunting Workers: no OEWS data (PROVENANCE.md)
    assert row is not None and row["median_annual_wage"] is None


def test_search():
    assert ("15-1252", "Software Developers") in search_occupations("SOFTWARE dev")
    assert search_occupations("15-1251") == [("15-1251", "Computer Programmers")]
    assert search_occupations("no such job xyz") == []
    assert len(search_occupations("", limit=5)) == 5


def test_percentiles():
    top = exposure_percentile("15-1251", "aei_observed_exposure")
    assert top == pytest.approx((755 + 0.5) / 756)
    # Chief Executives (beta 0.46 in the shipped table): 550 of the 798 occupations with a beta are lower
    # and one (itself) equal: (550 + 0.5) / 798 = 0.6898 -- counted from occupations.csv with the csv module.
    with open(ROOT / "upskill_roi" / "data" / "occupations.csv", newline="") as f:
        betas = [float(r["gpt4_exposure_beta"]) for r in csv.DictReader(f) if r["gpt4_exposure_beta"]]
    assert (len(betas), sum(b < 0.46 for b in betas), betas.count(0.46)) == (798, 550, 1)
    assert exposure_percentile("11-1011") == pytest.approx((550 + 0.5) / 798)
    for weighted in (False, True):
        p = exposure_percentile("11-1011", weighted=weighted)
        assert 0 <= p <= 1
    # A more exposed occupation never ranks lower.
    a, b = lookup_occupation("15-1251"), lookup_occupation("11-1011")
    assert a["gpt4_exposure_beta"] > b["gpt4_exposure_beta"]
    assert exposure_percentile("15-1251") > exposure_percentile("11-1011")
    assert exposure_percentile("99-9999") is None
    with pytest.raises(ValueError, match="unknown measure"):
        exposure_percentile("15-1251", "median_annual_wage")


def test_occupation_tasks_match_the_raw_task_statements():
    raw = ROOT / "data_sources" / "occupations" / "raw" / "eloundou_gpts_are_gpts" / "full_labelset.tsv"
    with open(raw, newline="", encoding="utf-8") as f:
        statements = {r["Task"].strip() for r in csv.DictReader(f, delimiter="\t")
                      if r["O*NET-SOC Code"].startswith("15-1251")}
    t = occupation_tasks("15-1251")
    assert set(t["task"]) == statements and len(t) == len(statements)
    assert set(t["exposure"]) <= {"E0", "E1", "E2"}
    types = t["task_type"].tolist()
    assert types == sorted(types, key=lambda x: {"Core": 0, "Supplemental": 1}.get(x, 2))
