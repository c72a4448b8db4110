"""Each input declared once: its default is the model's, builders are generic, nothing is mapped by hand.

Expected values are hand values (percent 12.5 -> 0.125, 260 h presets) or the core dataclasses' own
defaults, which are the single place a default is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from upskill_roi.core.business_case import TeamInputs
from upskill_roi.core.career import CareerInputs
from upskill_roi.core.checkup import CheckupInputs
from upskill_roi.core.roi import ImplementationInputs, SavingsDrivers
from upskill_roi.core.uncertainty import NOT_SIMULATED, Range, simulate, simulation_inputs
from upskill_roi.core.upskilling import CERTIFICATES, Certificates, UpskillingInputs
from upskill_roi.inputs import declared as d
from upskill_roi.inputs.param import MODEL_DEFAULT, Fields, Param, build

TODAY = dt.date(2027, 1, 4)

# Fields a builder sets by a named rule (beyond one field per input), per model: the only fields
# no declaration feeds. A new model field must be fed by a declaration or named here.
RULES = {
    ImplementationInputs: set(),
    SavingsDrivers: set(),
    UpskillingInputs: set(),
    TeamInputs: set(),
    # carried from earlier steps of the check-up, or a constant of the model
    CareerInputs: {"displacement_probability", "premium", "months_to_domain", "months_to_competency", "study_cost",
                   "generic_probability"},
    Certificates: set(),
    # the steps' own inputs and the activities, built by their builders; the own estimate only with "My own estimate"
    CheckupInputs: {"activities", "own_displacement", "implementation", "upskilling", "career", "certificates"},
}
PAGE_INPUTS = {ImplementationInputs: d.ROI_INPUTS, SavingsDrivers: d.ROI_INPUTS, UpskillingInputs: d.UPSKILL_INPUTS,
               TeamInputs: d.CASE_INPUTS, CareerInputs: d.CAREER_INPUTS + d.UPSKILL_INPUTS, Certificates: d.CERT_INPUTS,
               CheckupInputs: d.CHECKUP_INPUTS}


@pytest.mark.parametrize("model", list(RULES), ids=lambda m: m.__name__)
def test_every_model_field_is_fed_by_one_declaration_or_named_as_a_rule(model):
    fed = [f.name for p in PAGE_INPUTS[model] for f in p.feeds if f.model is model]
    assert len(fed) == len(set(fed)), "one declaration per field"
    assert set(fed) | RULES[model] == {f.name for f in dataclasses.fields(model)}
    assert not set(fed) & RULES[model]


def test_builders_with_no_values_give_the_models_defaults():
    # An input a page does not draw takes its declaration's default, which is the model's.
    assert d.build_roi_inputs({}) == (ImplementationInputs(), None)
    assert d.build_upskilling_inputs({}, TODAY) == UpskillingInputs(start=TODAY)
    assert d.build_team_inputs({})[0] == TeamInputs()


def test_percent_inputs_reach_the_model_as_exact_fractions():
    i, _ = d.build_roi_inputs({"rate": 12.5, "success": 70.0, "brisk": 15})
    assert (i.discount_rate, i.success_probability, i.benefit_risk) == (0.125, 0.7, 0.15)
    # Drivers mode: 5 h x 10 people x 60/h x 48 weeks x 50 % recaptured = 72,000 a year.
    i, drivers = d.build_roi_inputs({"mode": "Drivers", "hours": 5.0, "people": 10.0})
    assert drivers == SavingsDrivers(hours_saved_per_week=5.0, people=10.0) and i.annual_savings == 72_000


def test_upskilling_presets_and_custom_target():
    assert d.build_upskilling_inputs({"goal": "Certificate (240 h)"}, TODAY).target_hours == 240
    assert d.build_upskilling_inputs({"goal": "Custom", "target_h": 123.0}, TODAY).target_hours == 123
    # Custom hours typed but a preset chosen: the preset counts.
    assert d.build_upskilling_inputs({"goal": "Narrow skill (20 h)", "target_h": 123.0}, TODAY).target_hours == 20


def test_team_caps_people_at_the_team_size():
    i, _ = d.build_team_inputs({"team": 3.0, "k": 50.0, "r": 2.0})
    assert (i.upskill_people, i.reduce_people) == (3.0, 2.0)


def test_checkup_inputs_are_built_from_the_same_declarations():
    acts = [("Reports", 4.0, "E1"), ("Care", 16.0, "E0")]
    i = d.build_checkup_inputs({"move_pay": 25.0, "years": 4, "thr": 55.0, "disp_src": "My own estimate",
                                "disp": 3.0}, acts, TODAY)
    assert (i.career.salary_change, i.career.horizon_years, i.threshold, i.own_displacement) == (0.25, 4, 0.55, 0.03)
    assert i.upskilling.start == TODAY and i.implementation == ImplementationInputs()
    assert d.build_checkup_inputs({}, acts, TODAY).own_displacement is None  # from the risk check


def test_certificates_are_built_like_every_other_input():
    assert d.build_certificates({}) == CERTIFICATES
    # 25 % typed: 0.25 in the model; 1,500 of fees.
    got = d.build_certificates({"sc_prob": 25.0, "gc_fees": 1_500.0})
    assert got["Domain-specific implementation certificate"]["probability"] == 0.25
    assert got["Generic AI certificate"]["course_fees"] == 1_500.0


def test_the_rate_at_full_exposure_sets_the_carried_displacement():
    # The input added end to end (issue 15's example): 30 % of the time automatable x 20 %/yr = 6 %/yr.
    from upskill_roi.core import career, checkup

    acts = [("Reports", 12.0, "Rules-based information processing"), ("Clients", 28.0, "Stakeholder relationships")]
    i = d.build_checkup_inputs({"exp_rate": 20.0}, acts, TODAY)
    assert i.full_exposure_rate == 0.2
    r = checkup.evaluate(i, move=lambda c, target: career.evaluate(c, n=200, target=target))
    assert r.risk.share == pytest.approx(0.3) and r.yearly_displacement == pytest.approx(0.06)
    # Left at its default: 30 % x 10 %/yr = 3 %/yr, as before the input existed.
    r = checkup.evaluate(d.build_checkup_inputs({}, acts, TODAY),
                         move=lambda c, target: career.evaluate(c, n=200, target=target))
    assert r.yearly_displacement == pytest.approx(0.03)


def test_a_default_that_disagrees_with_the_model_is_refused_when_declared():
    @dataclasses.dataclass(frozen=True)
    class Loan:
        rate: float = 0.05

    rate = Fields(Loan).rate
    with pytest.raises(ValueError, match="declare the default once"):
        Param("rate", "Rate", "%", 6.0, "percent", "slider", "", "", "", min=0, max=30, scale=0.01, feeds=(rate,))
    p = Param("rate", "Rate", "%", MODEL_DEFAULT, "percent", "slider", "", "", "", min=0, max=30, scale=0.01,
              feeds=(rate,))
    assert p.default == 5.0 and build(Loan, [p], {"rate": 7.0}) == Loan(rate=0.07)
    with pytest.raises(AttributeError, match="Loan has no field 'rat'"):
        Fields(Loan).rat  # noqa: B018


def test_adding_an_input_is_one_declaration():
    # The path of one input, end to end, on a model of its own: the declaration names the field,
    # the default comes from the model, the generic builder sets it, the link parses it.
    @dataclasses.dataclass(frozen=True)
    class Case:
        savings: float = 500_000.0
        tax: float = 0.25

    F = Fields(Case)
    params = (Param("savings", "Savings", "{cur}/yr", MODEL_DEFAULT, "money", "number", "", "", "", min=0, max=1e9,
                    feeds=(F.savings,)),
              Param("tax", "Tax", "%", MODEL_DEFAULT, "percent", "slider", "", "", "", min=0, max=90, scale=0.01,
                    feeds=(F.tax,)))
    assert [p.default for p in params] == [500_000.0, 25.0]
    values = {p.key: p.parse(raw) for p, raw in zip(params, ("$1.2M", "30"), strict=True)}
    assert build(Case, params, values) == Case(savings=1_200_000.0, tax=0.3)


@pytest.mark.parametrize("field", NOT_SIMULATED)
def test_fields_left_out_of_the_simulation_key_do_not_change_a_simulation(field):
    base = ImplementationInputs()
    changed = dataclasses.replace(base, **{field: dt.date(2030, 1, 1) if field == "go_live" else 0.33})
    ranges = {"annual_savings": Range(3e5, 5e5, 7e5)}
    assert simulate(base, ranges, n=500, seed=3).npv.tolist() == simulate(changed, ranges, n=500, seed=3).npv.tolist()
    assert simulation_inputs(base) == simulation_inputs(changed)


def test_a_field_the_simulation_reads_stays_in_its_key():
    # The cache key keeps every field but the premium's and the calendar's (a new field included).
    assert simulation_inputs(ImplementationInputs(running_cost=1.0)) != simulation_inputs(ImplementationInputs())
