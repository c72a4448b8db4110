"""The framework's floor for benchmarks/bench_pages.py: one slider and one metric."""

import streamlit as st

x = st.slider("x", 0, 100, 50, key="x")
st.metric("x", x)
