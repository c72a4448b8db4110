"""The one thin Streamlit layer: draws declared inputs, binds them to the URL, reports bad links."""
