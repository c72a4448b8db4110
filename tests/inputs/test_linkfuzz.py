"""Hostile links to every page (hypothesis): never an exception, every rejected value named.

The cases and the check are in tests/linkfuzz.py; benchmarks/fuzz_links.py runs 10,000+ of them.
FUZZ_EXAMPLES sets the number of cases per page (CI: the default, 200 per page).
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.linkfuzz import PAGE_FILES, cases, check


@pytest.mark.parametrize("page", sorted(PAGE_FILES))
@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_hostile_links_never_raise_and_are_named(page, data):
    _, pairs = data.draw(cases(page))
    check(page, pairs)
