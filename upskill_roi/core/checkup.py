"""The career check-up: risk -> implementation -> upskilling -> stay or move, each step's results
carried into the next.

Conventions (stated once for this module; each step's own conventions are its module's)
-------------------------------------------------------------------------------------------
* **Step 1, risk** (:func:`upskill_roi.core.risk.assess`): the automatable share of the listed
  time, the threshold, the role type.
* **The yearly displacement probability** carried forward is the person's own estimate when they
  give one, else the share times the yearly probability at full exposure
  (:func:`upskill_roi.core.career.displacement_from_share`; 10 % a year unless the person sets it:
  an illustrative mapping, exposure is not a probability of losing a job).
* **Step 2, implementation** (:func:`upskill_roi.core.roi.evaluate`): its justified premium is the
  premium of steps 3 and 4.
* **Step 3, upskilling** (:func:`upskill_roi.core.upskilling.evaluate`) with that premium and
  that displacement probability; the action plan follows the risk result
  (:class:`upskill_roi.core.plan.Focus`); the certificate check uses the same inputs.
* **Step 4, stay or move** (:func:`upskill_roi.core.career.evaluate`) with the premium, the
  displacement probability, the plan's time to competency (after the horizon when never reached),
  its months until 3 years in the domain and the present value of its costs; the guidance's rule of
  thumb is evaluated as the target path.

Formulas::

    q_year          = own estimate, or share x full_exposure_rate (10 %/yr)  (career.displacement_from_share)
    premium         = justified premium of the implementation               (roi.evaluate)
    T_competency    = the plan's months, or 12 H + 1 when never reached     (H = the career horizon [years])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from upskill_roi.core import career, plan, risk, roi, upskilling
from upskill_roi.core.career import FULL_EXPOSURE_RATE
from upskill_roi.core.plan import ActionPlan

__all__ = ["CheckupInputs", "CheckupResult", "evaluate"]


@dataclass(frozen=True)
class CheckupInputs:
    """Everything the check-up's steps need.

    Attributes
    ----------
    activities : tuple of risk.Activity
        The person's top activities (step 1).
    threshold, e_share : float
        Risk threshold and the share of an E1/E2 task's time AI takes [fraction].
    own_displacement : float or None
        The person's own yearly displacement probability [fraction/yr]; ``None`` = from step 1.
    full_exposure_rate : float
        The yearly displacement probability of fully automatable work [fraction/yr]: step 1's
        share maps to ``share x full_exposure_rate`` (an illustrative mapping).
    implementation : roi.ImplementationInputs
        Step 2.
    upskilling : upskilling.UpskillingInputs
        Step 3; its ``premium`` and ``displacement_probability`` are replaced by the carried ones.
    career : career.CareerInputs
        Step 4; its carried fields (premium, displacement probability, months to competency and
        to the domain profile, study cost) are replaced.
    certificates : mapping
        The two certificate presets (:data:`upskill_roi.core.upskilling.CERTIFICATES`' shape).
    study_days, study_time : str
        The plan's schedule choices (:func:`upskill_roi.core.plan.schedule_from_choices`).
    unit : str
        The unit of the activities' time ("h/week" or "%").
    """

    activities: tuple[risk.Activity, ...]
    own_displacement: float | None
    implementation: roi.ImplementationInputs
    upskilling: upskilling.UpskillingInputs
    career: career.CareerInputs
    certificates: Mapping[str, Mapping[str, float]]
    threshold: float = risk.DEFAULT_THRESHOLD
    e_share: float = risk.E_SHARE
    full_exposure_rate: float = FULL_EXPOSURE_RATE
    study_days: str = plan.AUTOMATIC_DAYS
    study_time: str = plan.AUTOMATIC_TIME
    unit: str = "h/week"


@dataclass(frozen=True)
class CheckupResult:
    """Each step's result, with the inputs as carried (``upskilling_inputs``, ``career_inputs``)."""

    risk: risk.Assessment
    yearly_displacement: float
    implementation: roi.ImplementationResult
    upskilling_inputs: upskilling.UpskillingInputs
    plan: upskilling.UpskillingResult
    action_plan: ActionPlan  # not plan.ActionPlan: in this class, ``plan`` is the field above
    certificates: dict[str, upskilling.UpskillingResult]
    career_inputs: career.CareerInputs
    rule_path: str
    move: career.CareerResult


def evaluate(i: CheckupInputs, move: Callable[..., career.CareerResult] = career.evaluate) -> CheckupResult:
    """Run the four steps, carrying each result forward (see the module's conventions).

    ``move`` evaluates step 4 (``career.evaluate`` or a cached copy of it).

    Examples
    --------
    A secure profile (10 % automatable): 1 %/yr displacement carried; the default implementation's
    premium, 39,500 (10 % of 450,000 - 55,000), is the premium of steps 3 and 4.

    >>> import datetime as dt
    >>> i = CheckupInputs(activities=(risk.Activity("Reports", 4, "E1"), risk.Activity("Care", 16, "E0")),
    ...                   threshold=0.6, e_share=0.5, own_displacement=None,
    ...                   implementation=roi.ImplementationInputs(),
    ...                   upskilling=upskilling.UpskillingInputs(start=dt.date(2027, 1, 4)),
    ...                   career=career.CareerInputs(), certificates=upskilling.CERTIFICATES)
    >>> r = evaluate(i, move=lambda c, target: career.evaluate(c, n=500, target=target))
    >>> r.risk.share, r.yearly_displacement, r.implementation.premium, r.career_inputs.premium
    (0.1, 0.01, 39500.0, 39500.0)
    >>> r.upskilling_inputs.displacement_probability, r.rule_path
    (0.01, 'Stay and upskill')
    """
    assessment = risk.assess(i.activities, i.threshold, i.e_share)
    yearly = (career.displacement_from_share(assessment.share, i.full_exposure_rate) if i.own_displacement is None
              else i.own_displacement)
    implementation = roi.evaluate(i.implementation)
    up_inputs = replace(i.upskilling, premium=implementation.premium, displacement_probability=yearly)
    result = upskilling.evaluate(up_inputs)
    top = assessment.top
    action_plan = plan.build_plan(
        result, *plan.schedule_from_choices(i.study_days, i.study_time),
        focus=plan.Focus(assessment.high_risk, top.name if top else None, top.hours if top else 0.0, i.unit))
    certificates = upskilling.certificate_check(up_inputs, {k: dict(v) for k, v in i.certificates.items()})
    never = 12.0 * i.career.horizon_years + 1
    career_inputs = replace(
        i.career, displacement_probability=yearly, premium=implementation.premium,
        months_to_domain=up_inputs.months_to_domain_profile, study_cost=result.cost_pv,
        months_to_competency=never if result.months is None else min(result.months, never))
    rule_path = career.rule_path(assessment.high_risk)
    return CheckupResult(assessment, yearly, implementation, up_inputs, result, action_plan, certificates,
                         career_inputs, rule_path, move(career_inputs, target=rule_path))


def activities(rows: Iterable[tuple[str, float, str]] | Iterable[Mapping[str, Any]]) -> tuple[risk.Activity, ...]:
    """Rows ``(name, time, kind)`` as the check-up's activities."""
    return tuple(risk.Activity(*r) if isinstance(r, tuple) else risk.Activity(**r) for r in rows)
