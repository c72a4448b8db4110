"""Documents a user downloads: HTML reports, the check-up summary, plan files (pure: no Streamlit)."""
