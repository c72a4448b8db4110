"""Example personas from the guidance: one data file, one coherent scenario per page.

``upskill_roi/data/personas.json`` holds each persona's inputs (the keys and units of the pages'
declared inputs) with the sources of its numbers. A persona opens a page as a link would:
:func:`query` gives the link parameters of a page, so a persona is validated and applied by the
same mechanism as any share link.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from upskill_roi.inputs.scenario import PAGES

__all__ = ["FILE", "Persona", "load_personas", "query"]

FILE = Path(__file__).resolve().parents[1] / "data" / "personas.json"


@dataclass(frozen=True)
class Persona:
    """One example persona (illustrative)."""

    id: str
    name: str
    summary: str
    answer: str
    sources: dict[str, str]
    inputs: dict[str, Any]


@lru_cache(maxsize=1)
def load_personas() -> tuple[Persona, ...]:
    """The personas of the data file, in file order.

    Examples
    --------
    >>> [p.id for p in load_personas()][:2]
    ['icu-nurse', 'compliance-analyst']
    """
    doc = json.loads(FILE.read_text(encoding="utf-8"))
    return tuple(Persona(p["id"], p["name"], p["summary"], p["answer"], dict(p["sources"]), dict(p["inputs"]))
                 for p in doc["personas"])


def _text(v: Any) -> str:
    return str(int(v)) if isinstance(v, (int, float)) and float(v).is_integer() else str(v)


def query(persona: Persona, page: str) -> dict[str, str]:
    """The link parameters that open ``page`` as this persona (its inputs that the page has;
    on the check-up also the persona's answer to the guidance's question).

    Examples
    --------
    >>> q = query(load_personas()[0], "roi")
    >>> q["salary"], q["mode"], "occ" in q
    ('93600', 'Drivers', False)
    """
    spec = PAGES[page]
    keys = {p.key for p in spec.params} | set(spec.table_keys)
    out = {k: _text(v) for k, v in persona.inputs.items() if k in keys}
    if "answer" in keys:
        out["answer"] = persona.answer
    return out
