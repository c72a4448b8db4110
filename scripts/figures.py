"""Print the headline figures of every page for the defaults and for each example persona.

Used to report what a model change did (the before/after tables of a closing note): it opens
each page through AppTest exactly as a link would and reads what the page shows (metrics, the
check-up's summary), so it works on any version of the model.

    python3 scripts/figures.py > figures.json
    python3 scripts/figures.py --markdown before.json after.json   # a before/after table
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = {"roi": "views/roi.py", "upskilling": "views/upskilling.py", "business_case": "views/business_case.py",
         "risk": "views/risk.py", "checkup": "views/checkup.py"}


def _page(page: str, query: dict[str, str]) -> dict[str, str]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(PAGES[page]).run()
    if at.exception:
        return {"exception": str(at.exception[0].value)[:200]}
    out = {m.label: m.value + (f" ({m.delta})" if m.delta else "") for m in at.metric}
    if page in ("checkup", "business_case"):
        out |= {f"info {k + 1}": box.value.replace("\n", " ") for k, box in enumerate(at.info)}
    if page == "checkup" and at.table:
        t = at.table[-1].value
        out |= {f"summary: {k}": str(v) for k, v in zip(t.index, t.iloc[:, 0], strict=False)}
    return out


def collect() -> dict[str, dict[str, dict[str, str]]]:
    from upskill_roi.inputs import personas

    out: dict[str, dict[str, dict[str, str]]] = {}
    fixed = {"start": "2027-01-04"}  # the same dates on any day
    for page in PAGES:
        out.setdefault("defaults", {})[page] = _page(page, fixed if page in ("upskilling", "checkup") else {})
    for p in personas.load_personas():
        for page in PAGES:
            q = personas.query(p, page)
            if page in ("upskilling", "checkup"):
                q = {**fixed, **q}
            out.setdefault(p.id, {})[page] = _page(page, q)
    return out


def markdown(before: dict, after: dict) -> str:
    lines = []
    for who in after:
        lines.append(f"\n### {who}\n")
        lines.append("| page | figure | before | after |")
        lines.append("|---|---|---|---|")
        for page, figs in after[who].items():
            old = before.get(who, {}).get(page, {})
            for k in list(dict.fromkeys([*old, *figs])):
                a, b = old.get(k, "—"), figs.get(k, "—")
                lines.append(f"| {page} | {k} | {a} | {b} |")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--markdown":
        print(markdown(json.loads(Path(sys.argv[2]).read_text()), json.loads(Path(sys.argv[3]).read_text())))
    else:
        print(json.dumps(collect(), indent=1))
