"""Pure calculation core of Upskill ROI.

Nothing in this package imports streamlit or plotly; every function takes numbers or numpy
arrays and returns numbers, numpy arrays or frozen dataclasses.
"""
