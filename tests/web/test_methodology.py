"""AppTest: the methodology page — a contents list, one plain-language section per question with the
code's own formulas, and developer material folded away."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from upskill_roi.core import business_case, career, displacement, finance, risk, roi, uncertainty, upskilling
from upskill_roi.inputs.pages import METHODOLOGY

APP = str(Path(__file__).resolve().parents[2] / "app.py")
SECTIONS = [
    ("am-i-at-risk", "Am I at risk?"),
    ("implementation-value", "What is my implementation worth?"),
    ("ranges", "Ranges and uncertainty"),
    ("upskilling", "How long will upskilling take, and does it pay?"),
    ("stay-or-move", "Stay or move?"),
    ("business-case", "The manager's business case"),
    ("conventions", "Conventions used everywhere"),
    ("inputs", "Inputs and their sources"),
    ("data-sources", "Data sources and licences"),
]
MODULES = [risk, roi, uncertainty, upskilling, career, displacement, business_case, finance]


@pytest.fixture(scope="module")
def at() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.switch_page("views/methodology.py").run()
    assert not at.exception
    return at


def nodes(node, *, in_expander: bool = False):
    """Every element under ``node`` with whether it sits inside an expander (in page order)."""
    for child in getattr(node, "children", {}).values():
        folded = in_expander or child.type == "expander"
        yield child, folded
        yield from nodes(child, in_expander=folded)


def texts(at: AppTest, *, folded: bool) -> str:
    return "\n".join(n.value for n, f in nodes(at.main) if n.type == "markdown" and f == folded)


def test_one_section_per_question_in_the_apps_order(at):
    assert [(h.proto.anchor, h.value) for h in at.header] == [("contents", "Contents"), *SECTIONS]
    assert at.title[0].value == "Methodology & sources"


def test_contents_links_every_section_and_each_link_has_a_target(at):
    anchors = {h.proto.anchor for h in [*at.header, *at.subheader]}
    contents = next(m.value for m in at.markdown if "](#am-i-at-risk)" in m.value)
    links = re.findall(r"\]\(#([\w-]+)\)", contents)
    assert [a for a, _ in SECTIONS] == [a for a in links if a in dict(SECTIONS)]
    every_link = re.findall(r"\]\(#([\w-]+)\)", texts(at, folded=False) + texts(at, folded=True))
    assert set(every_link) <= anchors, set(every_link) - anchors


@pytest.mark.parametrize("module", MODULES, ids=[m.__name__ for m in MODULES])
def test_each_models_formulas_are_shown_unfolded(at, module):
    """The formulas are the docstring's own text (pointers into the code left out)."""
    block = module.__doc__.split("Formulas::", 1)[1]
    lines = [re.sub(r" *\(upskill_roi\.[\w.]+\)", "", line).strip() for line in block.splitlines() if line.strip()]
    shown = texts(at, folded=False)
    for line in lines:
        assert line in shown, line


def test_developer_material_is_folded_and_still_there(at):
    shown, folded = texts(at, folded=False), texts(at, folded=True)
    for dev in ("1-D (one case) or N-D", '"format": 1', "B~name~v0_v1", "name~hours~code", "Vectorised",
                "numpy-financial", "scripts/derive_data.py", "gpt4_exposure_beta"):
        assert dev not in shown, dev
        assert dev in folded, dev
    assert "upskill_roi." not in shown and "upskill_roi/" not in shown and ":mod:" not in shown
    labels = [e.label for e in at.expander]
    assert len(labels) >= len(SECTIONS) and all(label.startswith("For developers: ") for label in labels)


def test_sections_carry_their_sources(at):
    shown = texts(at, folded=False)
    for source in (roi.SUCCESS_SOURCE, roi.RECAPTURE_SOURCE, roi.PREMIUM_CAP_SOURCE, finance.RISK_ADJUSTMENT_SOURCE,
                   upskilling.TAX_SOURCE, displacement.STUDIES, *risk.MEASURES.values(),
                   *(source for _, source in upskilling.TARGET_PRESETS.values())):
        assert source in shown, source


def test_inputs_table_lists_every_input_with_a_download_under_it(at):
    children = [n for n, folded in nodes(at.main) if not folded]
    i = next(i for i, n in enumerate(children) if n.type == "dataframe" and "URL key" in n.value.columns)
    table = children[i].value
    assert list(table["URL key"]) == [p.key for _, params in METHODOLOGY for p in params]
    assert children[i + 1].type == "download_button"
    assert children[i + 1].proto.label == "Download the inputs table (CSV)"
