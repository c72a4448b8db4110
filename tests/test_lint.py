"""Lint, types and layers run with the tests, so that CI fails on a finding.

ruff (pyflakes, pycodestyle, bugbear, isort, pyupgrade; line length 120) and mypy (strict, on
the package, the views and the entry points) use the settings in pyproject.toml. The layers of the
package (README, "How the code is organised") import only the layers above them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("core", "inputs", "present", "documents", "web")
"""The package's layers, top first: each may import itself and the ones before it."""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--output-format", "concise", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing():
    done = _run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def _imported_layers(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
            [a.name for a in node.names] if isinstance(node, ast.Import) else [])
        for name in names:
            parts = name.split(".")
            if parts[0] == "upskill_roi" and len(parts) > 1 and parts[1] in LAYERS:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_imports_only_the_layers_above_it(layer):
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    wrong = {str(f.relative_to(ROOT)): sorted(_imported_layers(f) - allowed)
             for f in (ROOT / "upskill_roi" / layer).glob("*.py") if _imported_layers(f) - allowed}
    assert not wrong


def test_only_the_web_layer_imports_streamlit():
    for f in (ROOT / "upskill_roi").rglob("*.py"):
        if "web" in f.parts:
            continue
        tree = ast.parse(f.read_text(encoding="utf-8"))
        mods = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        mods |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "streamlit" not in mods, f
