#!/usr/bin/env python3
"""Set up and run: ``python3 dev.py run`` (the app), ``python3 dev.py test`` (every test) or
``python3 dev.py bench`` (every benchmark, printed as one Markdown report); ``python3 dev.py audit``
checks the pinned runtime dependencies for known vulnerabilities (pip-audit; needs pypi.org's JSON API).

Creates ``.venv`` beside this file on first use and (re)installs the project whenever
``pyproject.toml`` or its lock changes, pinned by the lock (``requirements.txt`` for the app,
``requirements-test.txt``, made from the same lock, for the tests); extra arguments go to
streamlit / pytest. The tests include lint and types (``tests/test_lint.py``: ruff and mypy).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


LOCKS = {None: "requirements.txt", "test,browser,data": "requirements-test.txt"}


def ensure_env(extra: str | None) -> Path:
    """Create the virtual environment and install the project (with ``extra``) if needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs on any python3 to say so)
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PY.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.create(VENV, with_pip=True)
    lock = LOCKS[extra]
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (ROOT / lock).read_bytes()).hexdigest()
    stamp = VENV / f".installed-{(extra or 'app').replace(',', '-')}"
    if not stamp.exists() or stamp.read_text() != digest:
        target = f".[{extra}]" if extra else "."
        print(f"Installing {target} into {VENV} ...", flush=True)
        subprocess.run([str(PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-c", lock, "-e", target],
                       cwd=ROOT, check=True)
        stamp.write_text(digest)
    return PY


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "bench", "audit"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    os.chdir(ROOT)
    if command == "run":
        py = ensure_env(None)
        return subprocess.call([str(py), "-m", "streamlit", "run", "app.py", *rest])
    py = ensure_env("test,browser,data")
    if command == "audit":
        # Known vulnerabilities of the pinned runtime dependencies (PyPI's advisory data, OSV).
        # Needs pypi.org's JSON API; not part of `test`: see README, Security.
        subprocess.check_call([str(py), "-m", "pip", "install", "-q", "pip-audit"])
        return subprocess.call([str(py), "-m", "pip_audit", "-r", "requirements.txt", "--no-deps", "--strict",
                                "--progress-spinner", "off", *rest])
    if command == "bench":
        return subprocess.call([str(py), str(ROOT / "benchmarks" / "run_all.py"), *rest])
    return subprocess.call([str(py), "-m", "pytest", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
