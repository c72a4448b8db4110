"""Upskill ROI — entry point: page config, navigation, and the frame shared by every page."""

import logging
from pathlib import Path

import streamlit as st

from upskill_roi.inputs import personas
from upskill_roi.inputs.declared import FRAME_INPUTS
from upskill_roi.inputs.pages import REGISTRY
from upskill_roi.web import session, widgets

# A local icon file: a Material page icon would be fetched from a font CDN by every browser.
# Scenario files, personas and links arriving in a running session set inputs through session
# state before their widgets are drawn (on purpose, see upskill_roi/web/widgets.py); Streamlit logs a warning
# with a stack trace for each such widget. Keep the server log for real problems.
logging.getLogger("streamlit.elements.lib.policies").setLevel(logging.ERROR)

ICON = Path(__file__).parent / "assets" / "images" / "icon.png"
st.set_page_config(page_title="Upskill ROI", page_icon=str(ICON), layout="wide")

# One flat list, in reading order (start, the person's pages, the manager's, the reference), from the
# one page registry (upskill_roi/inputs/pages.py): with sections, Streamlit's sidebar menu puts
# section headers inside its <ul>, which screen readers and axe-core reject as a broken list (a
# "serious" violation); the top-bar variant hides the pages behind drop-downs.
# tests/browser/test_accessibility.py scans every page.
nav = st.navigation([st.Page(p.script, title=p.title, icon=p.icon, url_path=p.url_path or None, default=p.key == "home")
                     for p in REGISTRY])
PERSONA_PAGES = {p.key for p in REGISTRY if p.personas}

# The frame: a currency choice that every page shares (formatting only) and that travels in
# every link (`?cur=EUR`).
with st.sidebar:
    widgets.check_link(FRAME_INPUTS, "frame")
    frame_values = widgets.draw(FRAME_INPUTS)
    widgets.show_link_problems(FRAME_INPUTS, frame_values, "frame", frame_values["cur"])
    st.caption("Amounts are relabelled, not converted. Numbers follow your browser's language settings.")

    if nav.url_path in PERSONA_PAGES:
        with st.expander("Example personas", icon=":material/groups:"):
            st.caption("Illustrative scenarios from the guidance. One click loads a persona on every page.")
            for p in personas.load_personas():
                st.button(p.name, key=session.persona(p.id), on_click=widgets.apply_persona, args=(p,), type="tertiary",
                          help=f"{p.summary} Sources: " + " ".join(p.sources.values()))

# Our own stylesheet (no user text in it): formulas wrap instead of scrolling sideways, so no
# scroll region needs keyboard focus (axe-core scrollable-region-focusable).
st.html("<style>[data-testid='stMarkdownPre'] pre { white-space: pre-wrap !important; overflow: visible !important; }"
        "</style>")

widgets.arrive(nav.url_path)
nav.run()
