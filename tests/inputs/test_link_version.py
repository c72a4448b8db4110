"""Links carry their format (v): a default changed later never changes what an old link shows."""

from __future__ import annotations

import pytest

from upskill_roi.inputs import pages, param, scenario
from upskill_roi.inputs.declared import ROI_INPUTS
from upskill_roi.inputs.param import check_query, link_version, versioned


@pytest.fixture
def rate_default_changed(monkeypatch):
    """As if version 2 had changed the discount rate's default from 8 % (version 1) to today's 10 %."""
    monkeypatch.setattr(param, "LINK_VERSION", 2)
    monkeypatch.setattr(param, "DEFAULT_CHANGES", {2: {"rate": 8.0}})


def test_links_carry_the_format():
    # Every link between pages and every share link is built by pages.link: the format first.
    assert pages.link("roi", "USD", {"rate": 12.0}) == {"v": "1", "rate": "12"}
    assert versioned({"cur": "EUR"}) == {"v": "1", "cur": "EUR"}
    assert scenario.to_query(scenario.Scenario("roi", "USD", scenario.defaults("roi"))) == {"v": "1"}


def test_a_link_without_a_version_is_a_link_of_version_1():
    assert link_version({"rate": "12"}) == (1, None)
    assert link_version({"v": ["1"]}) == (1, None)


@pytest.mark.parametrize("raw", ["0", "2", "x", "1.0", ""])
def test_an_unknown_version_is_named_and_read_as_the_current_one(raw):
    version, problem = link_version({"v": raw})
    assert version == 1 and problem is not None and "accepted: 1 to 1" in problem.message


def test_an_old_link_keeps_the_default_it_left_out(rate_default_changed):
    # A version-1 link left the rate out because it was 8 % then: it still means 8 %.
    assert check_query(ROI_INPUTS, {"savings": "600000"})[0] == {"savings": 600_000.0, "rate": 8.0}
    assert check_query(ROI_INPUTS, {"v": "1", "horizon": "5"})[0] == {"horizon": 5, "rate": 8.0}
    # A version-2 link means today's default (left out); a value the link carries always counts.
    assert check_query(ROI_INPUTS, {"v": "2", "savings": "600000"})[0] == {"savings": 600_000.0}
    assert check_query(ROI_INPUTS, {"rate": "12"})[0] == {"rate": 12.0}
    # Opening no link (no parameters at all) is not an old link.
    assert check_query(ROI_INPUTS, {})[0] == {}


def test_an_old_link_read_as_a_scenario_keeps_its_default(rate_default_changed):
    s, problems = scenario.from_link("/roi?savings=600000")
    assert not problems and s.values["rate"] == 8.0
    s, problems = scenario.from_link("/roi?v=2&savings=600000")
    assert not problems and s.values["rate"] == 10.0
    _, problems = scenario.from_link("/roi?v=7&savings=600000")
    assert problems == ["Link format (v): `7` is not a version this app reads; accepted: 1 to 2. The link is read "
                        "as the current version."]
