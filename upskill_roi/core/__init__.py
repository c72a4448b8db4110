"""The model of Upskill ROI (plain Python and numpy; pandas for tables).

Nothing in this package imports streamlit or plotly; every function takes numbers or numpy
arrays and returns numbers, numpy arrays or frozen dataclasses. The timing, sign and
discounting convention is stated once, in :mod:`upskill_roi.core.finance`.
"""
