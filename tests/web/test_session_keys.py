"""Session-state keys come from one registry (upskill_roi/web/session.py), never from an f-string in a page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from upskill_roi.inputs.pages import REGISTRY
from upskill_roi.web import session

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "upskill_roi" / "web" / "widgets.py", ROOT / "app.py", *(ROOT / p.script for p in REGISTRY)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_session_key_is_built_by_hand(path):
    # A private key ("_...") written as a string literal or an f-string outside the registry.
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"""(?<![\w.])f?["']_(?=[a-z{])(?:[a-z][a-z_0-9]*)?(?:\{[^}]*\}[a-z_0-9]*)*["']""", text)
    assert [k for k in found if k != '"_index"'] == []  # "_index": st.column_config's name of a table's index


def test_the_registry_keeps_private_keys_apart_from_inputs():
    from upskill_roi.inputs.pages import METHODOLOGY

    declared = {p.key for _, params in METHODOLOGY for p in params}
    made = [session.amount("salary"), session.rows("risk"), session.link_problems("roi"), session.fresh("roi"),
            *session.activity_fields("checkup", 1), session.editor("business_case", 2, (3,)), session.FIRST_RUN]
    assert all(k.startswith("_") for k in made) and not set(made) & declared
    assert len(set(made)) == len(made)
