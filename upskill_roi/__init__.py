"""Upskill ROI: numbers for AI career decisions.

The package has four layers, each importing only the ones above it:

``upskill_roi.core``
    The model: plain Python and numpy (pandas for tables). Frozen dataclasses with units in
    brackets, one timing and discounting convention (:mod:`upskill_roi.core.finance`).
``upskill_roi.inputs``
    What a user can set, declared once (:mod:`~upskill_roi.inputs.declared`), and the state it
    lives in: URL parsing, share links, scenario files, the page registry. No Streamlit.
``upskill_roi.present`` and ``upskill_roi.documents``
    Presentation (charts, formatting, sentences, tables) and documents (reports, summaries,
    plan files). Pure: testable without a running app.
``upskill_roi.web``
    The one thin Streamlit layer that draws widgets; the pages in ``views/`` use it.
"""
