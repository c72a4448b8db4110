"""Real-browser tests (a package so that its conftest.py does not clash with tests/conftest.py
under --doctest-modules: two top-level modules named ``conftest`` cannot both be collected)."""
