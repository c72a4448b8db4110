"""Every session-state key the app keeps, in one place (no page builds one with an f-string).

A declared input's widget key is its URL key (``Param.key``); every other key starts with ``_`` so
that it is never taken for an input (share links and scenario files carry only declared keys).
Each function names what the key holds and who writes it; ``page`` is a key of the page registry
(:mod:`upskill_roi.inputs.pages`), ``name`` a table's or field's owner on that page.

Examples
--------
>>> amount("salary"), rows("risk"), link_problems("frame"), activity_fields("checkup", 2)
('_amount_salary', '_risk_rows', '_link_problems_frame', ('_checkup_a2_name', '_checkup_a2_time', '_checkup_a2_kind'))
"""

from __future__ import annotations

FIRST_RUN = "_first_run"
"""bool: this run is the session's first (``widgets.arrive``)."""
PAGE_NOW = "_page_now"
"""str: the page of the last run (``widgets.arrive``)."""
LINK_PROBLEMS_PREFIX, IMPORT_PREFIX = "_link_problems_", "_import_"
"""Prefixes of the keys a page forgets when the user moves to another page (``widgets.arrive``)."""
FROM_ACTIVITIES = "_from_activities"
"""Button: the check-up's "savings from my AI-able hours" (step 2)."""


# --- Arriving at a page, and its link --------------------------------------------------------------
def fresh(page: str) -> str:
    """bool: the page is being entered in this run (set by ``arrive``, taken by ``arrived_with_link``)."""
    return f"_fresh_{page}"


def arrived(page: str) -> str:
    """dict: the link query applied on arrival, kept over the rerun that rewrites the address bar."""
    return f"_arrived_{page}"


def link_arrival(name: str) -> str:
    """bool: the page was entered through a link (its tables are then read from the link)."""
    return f"_link_arrival_{name}"


def link_problems(page: str) -> str:
    """list of LinkProblem: values of the link that could not be used (``"frame"`` for the sidebar)."""
    return f"{LINK_PROBLEMS_PREFIX}{page}"


def table_problems(name: str) -> str:
    """list of LinkProblem: rows of a table's link that could not be used."""
    return f"{LINK_PROBLEMS_PREFIX}{name}_table"


def dismiss(page: str) -> str:
    """Button: dismiss the link's problems."""
    return f"_dismiss_{page}"


# --- Money fields ----------------------------------------------------------------------------------
def amount(key: str) -> str:
    """float: the last valid amount of a money field, kept across pages."""
    return f"_amount_{key}"


def typed(key: str) -> str:
    """str: what the user typed into a money field, when it differs from its normal form."""
    return f"_typed_{key}"


# --- Tables (the activities form, the TEI grid) -------------------------------------------------------
def rows(name: str) -> str:
    """list of dict: the table's rows as the page last used them."""
    return f"_{name}_rows"


def base(name: str) -> str:
    """list of dict: the rows a data grid was drawn from."""
    return f"_{name}_base"


def pending(name: str) -> str:
    """list of dict: rows to put into the form before it is drawn (tasks picked, a scenario loaded)."""
    return f"_{name}_pending"


def version(name: str) -> str:
    """int: bumped to draw a data grid afresh (its editor key changes)."""
    return f"_{name}_version"


def shape(name: str) -> str:
    """tuple: the grid's columns, part of the editor key (a longer horizon adds columns)."""
    return f"_{name}_shape"


def editor(name: str, version_: int | None = None, shape_: object = None) -> str:
    """The data grid widget's key (with its version and shape once drawn)."""
    return f"_{name}_editor" if version_ is None else f"_{name}_editor_{version_}_{shape_}"


def table_soc(name: str) -> str:
    """str: the occupation whose starting rows the table holds."""
    return f"_{name}_soc"


def written(name: str) -> str:
    """dict: the table's link parameters as last written to the address bar."""
    return f"_written_{name}"


def reload(name: str) -> str:
    """bool: read the table from the link again (a scenario file or persona was applied)."""
    return f"_reload_{name}"


def activity_fields(name: str, n: int) -> tuple[str, str, str]:
    """The name, time and kind fields of activity ``n`` (1-5) of the activities form."""
    return f"_{name}_a{n}_name", f"_{name}_a{n}_time", f"_{name}_a{n}_kind"


# --- Occupation, wage and moves ----------------------------------------------------------------------
def wage_soc(page: str) -> str:
    """str: the occupation whose BLS median the salary follows while untouched."""
    return f"_{page}_wage_soc"


def move_to(page: str) -> str:
    """str: the occupation to move to whose pay change was last applied."""
    return f"_{page}_move_to"


def move_used(page: str) -> str:
    """float: the pay change that choice set (to tell whether the user changed it since)."""
    return f"_{page}_move_used"


def occupation_search(page: str) -> str:
    """Text field: the occupation search."""
    return f"_occ_search_{page}"


def occupation_hit(page: str, soc: str) -> str:
    """Button: pick this search hit."""
    return f"_occ_hit_{page}_{soc}"


def move_button(page: str, soc: str) -> str:
    """Button: weigh moving to this occupation (where to go)."""
    return f"_move_{page}_{soc}"


# --- Files, personas, steps, compare ------------------------------------------------------------------
def imported(page: str) -> str:
    """The result of the last scenario file loaded on the page (shown once)."""
    return f"{IMPORT_PREFIX}{page}"


def upload(page: str) -> str:
    """File uploader: the scenario file."""
    return f"_upload_{page}"


def download_json(page: str) -> str:
    """Download button: the scenario file."""
    return f"_dl_json_{page}"


def persona(persona_id: str) -> str:
    """Button: load this persona."""
    return f"_persona_{persona_id}"


def next_step(step: str) -> str:
    """Button: the check-up's next step."""
    return f"_next_{step}"


def compare_error(slot: str) -> str:
    """list of str: why the Compare slot's link or file was not loaded."""
    return f"_cmp_err_{slot}"


def compare_refused(slot: str) -> str:
    """bool: the text typed into the Compare slot was too long for the page's address (and removed)."""
    return f"_cmp_long_{slot}"


def compare_upload(slot: str) -> str:
    """File uploader: a scenario file for the Compare slot."""
    return f"_cmp_up_{slot}"
