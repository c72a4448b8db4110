"""The one page registry: every page of the app, in menu order, and what each one carries.

The router (``app.py``), scenario files and links (:mod:`~upskill_roi.inputs.scenario`), the
Compare page, the personas, the methodology's table of inputs and the tests all read this tuple;
a page is added here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from upskill_roi.inputs import activities, tei
from upskill_roi.inputs.declared import (
    ANSWER,
    CAREER_INPUTS,
    CASE_INPUTS,
    CERT_INPUTS,
    CHECKUP_INPUTS,
    FRAME_INPUTS,
    MOVE_TO,
    RISK_INPUTS,
    ROI_INPUTS,
    ROI_RANGE_INPUTS,
    STEP,
    UPSKILL_INPUTS,
)
from upskill_roi.inputs.param import LinkProblem, Param, TableLink, link_params, versioned

__all__ = ["Page", "REGISTRY", "page", "FRAME", "METHODOLOGY", "link"]


@dataclass(frozen=True)
class Page:
    """One page.

    Attributes
    ----------
    key : str
        The URL path (``"home"`` is served at ``/``).
    title, icon : str
        Menu title and Material icon.
    script : str
        The view that draws it (``views/<name>.py``).
    params : tuple of Param
        Every declared input the page reads from its link.
    tables : tuple of TableLink
        The page's tables in link form.
    link_keys : tuple of str
        Other parameters its link carries (the check-up's step, Compare's scenarios).
    own : tuple of Param or None
        The inputs the methodology lists under this page (default: ``params``; the check-up lists
        only the inputs no other page has).
    scenario, comparable, personas : bool
        Whether it saves and loads scenario files and share links, whether Compare compares its
        scenarios (it has an NPV and a payback), whether the personas load on it.
    """

    key: str
    title: str
    icon: str
    script: str
    params: tuple[Param, ...] = ()
    tables: tuple[TableLink, ...] = ()
    link_keys: tuple[str, ...] = ()
    own: tuple[Param, ...] | None = None
    scenario: bool = False
    comparable: bool = False
    personas: bool = False

    @property
    def url_path(self) -> str:
        """The path Streamlit serves it at (``""`` for the home page)."""
        return "" if self.key == "home" else self.key

    @property
    def table_keys(self) -> tuple[str, ...]:
        """Every link parameter of the page's tables."""
        return tuple(k for t in self.tables for k in t.keys)

    @property
    def methodology_inputs(self) -> tuple[Param, ...]:
        return self.params if self.own is None else self.own

    def param(self, key: str) -> Param:
        return {p.key: p for p in self.params}[key]

    def tables_from(self, query: Mapping[str, list[str]]) -> tuple[dict[str, list[str]], list[LinkProblem]]:
        """The page's tables from a link's ``key -> list of str`` (see :class:`TableLink`)."""
        accepted: dict[str, list[str]] = {}
        problems: list[LinkProblem] = []
        for t in self.tables:
            ok, bad = t.check({k: v for k, v in query.items() if k in t.keys})
            accepted |= ok
            problems += bad
        return accepted, problems


FRAME = FRAME_INPUTS
"""The inputs every page carries (the sidebar's currency)."""

MAX_URL = 65_536
"""The longest address (path and query, percent-encoded) the app may ever put in a link or the
address bar [characters]. A deployment must accept request lines at least this long: the proxy in
``deploy/nginx/`` takes 96 KB (``large_client_header_buffers``), the ingress the same; Streamlit's
own server resets connections from about 128 KB. tests/inputs/test_link_length.py builds the
longest link of every page from the declarations (every text at its length limit in 4-byte
characters, every table full) and checks it against this bound."""

COMPARE_SLOT_MAX = 7_000
"""The longest scenario link one Compare slot accepts [characters] (the app's own links are ASCII:
the longest business case is 3.8 KB with ASCII names, 7.4 KB with accented or Cyrillic ones, 11.7 KB
with every name in 4-byte characters -- those two cannot be compared; their scenario files say so)."""

COMPARE_SLOT_ENCODED = 21_000
"""The most one Compare slot may take in the Compare page's own address, percent-encoded
[characters]: a slot beyond it is not used and is taken out of the address (a pasted text of
non-ASCII characters can take 9 or 12 per character). 3 x 21,000 + three names of 40 4-byte
characters (3 x 480) + the rest < :data:`MAX_URL`."""


def encoded_length(text: str) -> int:
    """The length of ``text`` percent-encoded as a query value (an upper bound of what a browser
    writes) [characters].

    Examples
    --------
    >>> encoded_length("a&b"), encoded_length("€"), encoded_length("😀")
    (5, 9, 12)
    """
    from urllib.parse import quote

    return len(quote(text, safe=""))

REGISTRY: tuple[Page, ...] = (
    Page("home", "Start here", ":material/home:", "views/home.py"),
    Page("checkup", "Career check-up", ":material/route:", "views/checkup.py", CHECKUP_INPUTS + (STEP,),
         (activities.LINK,), own=CAREER_INPUTS + (MOVE_TO,) + CERT_INPUTS + (ANSWER, STEP), scenario=True,
         personas=True),
    Page("risk", "Am I at risk?", ":material/warning:", "views/risk.py", RISK_INPUTS, (activities.LINK,),
         scenario=True, personas=True),
    Page("roi", "Implementation value", ":material/savings:", "views/roi.py", ROI_INPUTS + ROI_RANGE_INPUTS,
         scenario=True, comparable=True, personas=True),
    Page("upskilling", "Upskilling plan", ":material/school:", "views/upskilling.py", UPSKILL_INPUTS, scenario=True,
         comparable=True, personas=True),
    Page("business_case", "Business case", ":material/business_center:", "views/business_case.py", CASE_INPUTS,
         (tei.LINK,), scenario=True, comparable=True, personas=True),
    Page("compare", "Compare scenarios", ":material/compare_arrows:", "views/compare.py",
         link_keys=("s1", "s2", "s3", "n1", "n2", "n3")),
    Page("methodology", "Methodology & sources", ":material/menu_book:", "views/methodology.py"),
)
"""Every page in menu order (reading order: start, the person's pages, the manager's, the reference)."""

_BY_KEY = {p.key: p for p in REGISTRY}


def page(key: str) -> Page:
    """The page with this key (URL path).

    Examples
    --------
    >>> page("roi").title, page("home").url_path, [p.key for p in REGISTRY if p.comparable]
    ('Implementation value', '', ['roi', 'upskilling', 'business_case'])
    """
    return _BY_KEY[key]


METHODOLOGY: tuple[tuple[str, tuple[Param, ...]], ...] = (("Every page", FRAME), *(
    (p.title + (" (its own inputs)" if p.own is not None else ""), p.methodology_inputs) for p in REGISTRY if p.params))
"""The methodology's table of inputs: each declared input once, under the page that declares it."""


def link(key: str, currency: str, values: Mapping[str, Any], tables: Mapping[str, Any] | None = None,
         **extra: str) -> dict[str, Any]:
    """The query of a link to page ``key``: the link format, the currency, every one of the page's
    declared inputs in ``values`` that differs from its default, the page's tables (link form;
    a list = a repeated parameter) and its other link keys (``extra``, e.g. the check-up's step).
    Every link the app makes between its pages is built here.

    Examples
    --------
    >>> link("upskilling", "EUR", {"premium": 35_000.0, "salary": 80_000.0, "savings": 1.0})
    {'v': '1', 'cur': 'EUR', 'premium': '35000', 'salary': '80000'}
    >>> link("risk", "USD", {"thr": 60.0}, {"a1": "Reports~8~R", "tei": "x"})
    {'v': '1', 'a1': 'Reports~8~R'}
    """
    spec = page(key)
    unknown = set(extra) - set(spec.link_keys)
    if unknown:
        raise ValueError(f"{sorted(unknown)} are not link keys of the page {spec.title}")
    out = versioned(link_params(FRAME, {"cur": currency}))
    out |= link_params(spec.params, values)
    out |= {k: v for k, v in (tables or {}).items() if k in spec.table_keys}
    return out | extra
