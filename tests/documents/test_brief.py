"""The implementation brief: two pages of executive summary, then the appendix; the PDF's text
(read back by poppler's pdftotext, an independent reader) carries the hand values; user text stays
text; the HTML is small and self-contained."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.hand import roi_npv_by_hand
from upskill_roi.core import uncertainty
from upskill_roi.core.roi import ImplementationInputs, evaluate
from upskill_roi.documents.brief import implementation_brief, pdf
from upskill_roi.documents.workbook import implementation_rows
from upskill_roi.inputs.declared import ROI_INPUTS, build_roi_ranges
from upskill_roi.present import text

TODAY = dt.date(2026, 12, 2)


def _brief(inputs: ImplementationInputs, values: dict | None = None, link: str = "https://x.example/roi?v=1") -> str:
    ranges = build_roi_ranges({}, inputs)
    sim = uncertainty.simulate(uncertainty.simulation_inputs(inputs), ranges, n=2_000, seed=1)
    drivers = text.drivers_sentence(uncertainty.tornado(inputs, ranges), "USD", "en-US")
    return implementation_brief(evaluate(inputs), implementation_rows(inputs, ROI_INPUTS, values or {}, "USD"),
                                "USD", "en-US", link, TODAY, sim, ranges, drivers)


def _pages_text(data: bytes, tmp_path: Path) -> list[str]:
    """The PDF's text, page by page (poppler's pdftotext: .ci/run installs poppler-utils)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise RuntimeError("poppler-utils is required: apt-get install poppler-utils (.ci/run does this)")
    path = tmp_path / "brief.pdf"
    path.write_bytes(data)
    out = subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def test_two_pages_of_summary_then_the_appendix(tmp_path) -> None:
    pages = _pages_text(pdf(_brief(ImplementationInputs())), tmp_path)
    assert len(pages) == 3
    first, second, appendix = pages
    # Page 1: the question, the answer with the hand NPV (tests/hand.py: 582,614.32), the headline,
    # the assumptions marked, the scenarios; page 2: drivers, the premium (39,500: 10 % of 395,000),
    # the yearly flows; page 3: the appendix.
    assert "What is this AI implementation worth?" in first and "Prepared by" in first
    assert round(roi_npv_by_hand()) == 582_614
    assert "$582,614" in first and "5.9 months" in first and "assumed" in first
    assert "Conservative (P10)" in first and "Optimistic (P90)" in first
    assert "What drives this result" in second and "$39,500" in second and "Cash flows by year" in second
    assert appendix.lstrip().startswith("Appendix: every input and its source") and "Gartner" in appendix
    for page in pages:  # no code documentation in a document for people
        assert "Formulas::" not in page and "`" not in page and "``" not in page


def test_the_user_s_own_inputs_are_marked_as_theirs(tmp_path) -> None:
    first = _pages_text(pdf(_brief(ImplementationInputs(discount_rate=0.12), {"rate": 12.0})), tmp_path)[0]
    line = next(x for x in first.splitlines() if "Discount rate" in x)
    assert "12.0%/yr" in line and "your input" in line
    assert f"${roi_npv_by_hand(rate=0.12):,.0f}" in first  # 563,963


def test_link_text_stays_text_and_the_file_is_small() -> None:
    page = _brief(ImplementationInputs(), link='https://x.example/roi?v=1&x=<script>alert(1)</script>')
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http" not in page.replace("https://x.example", "").replace("http://www.w3.org/2000/svg", "")
    assert len(page.encode()) < 40_000  # the business case's HTML report was 4.8 MB (plotly.js inside)


@pytest.mark.parametrize("savings", [60_000.0, 5_000_000.0])
def test_a_case_that_never_pays_back_and_a_large_one_still_fit(savings, tmp_path) -> None:
    pages = _pages_text(pdf(_brief(ImplementationInputs(annual_savings=savings))), tmp_path)
    assert len(pages) == 3
    if savings < 100_000:
        assert "never" in pages[0]


def test_the_business_case_brief_by_hand(tmp_path) -> None:
    """The hand case of tests/core/test_business_case.py (one year, undiscounted, no spread, production
    certain): upskill 54,000 - 106,666.67 = -52,667; hire 54,000 - 182,666.67 = -128,667; reduce -90,000;
    redeploy 8,667. Two pages of summary, then the appendix; every input marked."""
    from upskill_roi.core import business_case
    from upskill_roi.documents.brief import case_brief
    from upskill_roi.inputs import scenario
    from upskill_roi.inputs.declared import CASE_INPUTS, build_team_inputs

    hand = dict(case_years=1, case_rate=0.0, success=100.0, brisk=0.0, crisk=0.0, case_ramp=0.0, sys_cost=40_000.0,
                sys_run=12_000.0, build=2.0, ai_lo=0.0, ai_hi=0.0, cap_pm=0.0, train_lo=0.0, train_hi=0.0,
                hire_lo=0.0, hire_hi=0.0, lost_lo=0.0, lost_hi=0.0)
    values = {**scenario.defaults("business_case"), **hand}
    inputs, ranges = build_team_inputs(values)
    likely = business_case.evaluate_options(inputs)
    sim = business_case.simulate_options(inputs, ranges, n=500, seed=1)
    page = case_brief(values, CASE_INPUTS, likely, sim, inputs, "USD", "en-US", "https://x/b", TODAY)
    pages = _pages_text(pdf(page), tmp_path)
    first = pages[0]
    for option, npv in (("Upskill", "-$52,667"), ("Hire", "-$128,667"), ("Reduce roles", "-$90,000"),
                        ("Redeploy", "$8,667")):
        line = next(x for x in first.splitlines() if x.strip().startswith(option + " "))
        assert npv in line, (option, line)
    assert "Conservative (P10)" in first and "Key assumptions" in first and "your input" in first
    assert "What makes up each NPV" in pages[1] and "What makes up each NPV" not in first
    assert pages[2].lstrip().startswith("Appendix: every input and its source")
    assert 4 <= len(pages) <= 5
    assert all("Formulas::" not in p and "`" not in p for p in pages)
