"""Presentation: figures, number formatting, sentences and tables (pure: no Streamlit)."""
