"""Sentences of the presentation layer, with hand values."""

from __future__ import annotations

from tests.hand import roi_npv_by_hand
from upskill_roi.core.roi import ImplementationInputs
from upskill_roi.core.uncertainty import Range, tornado
from upskill_roi.present import fmt
from upskill_roi.present.text import drivers_sentence


def test_what_drives_the_result_names_the_largest_swings_with_their_npvs() -> None:
    """In production for sure and no cost risk, the implementation cost moves the NPV one for one
    (paid at month 0): 50,000 to 150,000 is a swing of exactly 100,000; savings of 400K-600K swing
    it by 200,000 x 0.9 (benefit risk) x the discounted months of the ramped benefit."""
    base = ImplementationInputs(cost_risk=0, success_probability=1)
    bars = tornado(base, {"implementation_cost": Range(50_000, 100_000, 150_000),
                          "annual_savings": Range(400_000, 500_000, 600_000),
                          "running_cost": Range(49_000, 50_000, 51_000),
                          "ramp_months": Range(3, 3, 4)})
    text = drivers_sentence(bars, "USD", "en-US")
    m = lambda v: fmt.money(v, "USD", "en-US")  # noqa: E731
    savings = (m(roi_npv_by_hand(savings=400_000, c=0, p=1)), m(roi_npv_by_hand(savings=600_000, c=0, p=1)))
    cost = (m(roi_npv_by_hand(impl=50_000, c=0, p=1)), m(roi_npv_by_hand(impl=150_000, c=0, p=1)))
    assert text.startswith(f"What drives this result: annual savings (NPV {savings[0]} at its low value, "
                           f"{savings[1]} at its high;")
    assert f"implementation cost (NPV {cost[0]} at its low value, {cost[1]} at its high; a swing of $100,000)" in text
    assert text.endswith("The other ranges move it less.")  # four ranges, three named
    # The running cost's swing by hand: 2,000 a year x 2.5989 (PV of 1 a year paid monthly, 3 years at
    # 10 %) = 5,198, less than one more month of ramp costs (18,406): it is the one left out.
    running = 2_000 * sum(1.1 ** (-k / 12) for k in range(1, 37)) / 12
    assert round(running) == 5_198
    assert "adoption ramp" in text and "running cost" not in text


def test_reaching_production_reads_as_an_outcome() -> None:
    bars = tornado(ImplementationInputs(), {"implementation_cost": Range(90_000, 100_000, 110_000)})
    text = drivers_sentence(bars, "USD", "en-US")
    # By hand: -110,000 if it does not (the implementation cost with its 10 % risk), the rest if it does.
    assert text.startswith("What drives this result: whether the system reaches production (NPV -$110,000 if it "
                           "does not,")
