"""Presentation helpers: figure builders, formatting, input declarations and URL state.

Everything here except :mod:`ui.widgets` is pure (no running Streamlit app needed).
"""
