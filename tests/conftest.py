"""Shared test settings."""

import os

from hypothesis import settings

# CI runs on a 2-core machine: no per-example deadline, a fixed number of examples.
settings.register_profile("ci", deadline=None, max_examples=100, derandomize=True)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
