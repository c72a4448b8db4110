"""Where to go: occupations whose tasks resemble yours and whose exposure is lower.

Method in plain words
---------------------
* **"Similar tasks"** means the occupations' O*NET task statements (the shipped
  ``tasks.csv``) use the same distinctive words. Each occupation is one document: all its task
  statements together, **Core tasks counted twice** (``CORE_WEIGHT``; Supplemental and unlabelled
  tasks once), because O*NET marks Core tasks as the ones central to the occupation. Words are
  lower-cased, English stop words dropped (scikit-learn's list), no stemming. Each word's count
  is damped (sublinear tf, ``1 + ln count``) and weighted by how rare it is across occupations
  (idf), so "patient" or "ledger" count for more than "prepare". **Similarity** is the cosine of
  two such vectors: 1 = the same words in the same proportions, 0 = no word in common.
* **Lower exposure** means a strictly lower value of one exposure measure of the occupation
  table (default ``gpt4_exposure_beta``: Eloundou et al. 2024, GPT-4 rater, beta = E1 + 0.5 x
  E2, the share of the occupation's tasks an LLM could speed up, 0-1). Occupations without a
  value for the measure are never proposed.
* **Wages** are the BLS OEWS May 2024 national median annual wage of the occupation, as shipped
  in ``occupations.csv``; ``None`` when BLS publishes none (e.g. hourly-only occupations). Some
  are not the occupation's own figure: an OEWS aggregate shared by several occupations
  (``wage_level`` = ``oews_aggregate``), or top-coded (BLS prints ">= $239,200": the table holds
  $239,200, so a change to such a wage is a lower bound); ``wage_flag`` says so.
* **Ranking.** Candidates are every other occupation with tasks, a lower exposure and a
  similarity of at least ``min_similarity`` (and above 0); they are ranked by similarity,
  highest first; exact ties go to the larger exposure drop, then to the lower SOC code.
* **Why similar** (for display): the up to three pairs of task statements (yours, theirs) with
  the highest cosine, each statement used once, and the up to five words that add most to the
  cosine.

Caveats
-------
* Similar task *text* is not a guarantee that skills transfer: licences, degrees, physical
  demands and experience are not in the statements, and the same words can describe different
  work (a nurse and a paramedic both "assess patients").
* Exposure is not a probability of losing a job: Eloundou et al. measure *potential* task
  exposure; Microsoft (Tomlinson et al. 2025) and Anthropic (Economic Index 2026) measure
  *observed* use of one AI product each. A lower value says less of the work is exposed on that
  measure, nothing more.
* All data are US (SOC 2018 / O*NET / OEWS); wages are national medians, not offers.

Formulas::

    count(t, o) = sum over o's tasks of weight(task) x occurrences of word t   (Core 2, others 1)
    tf(t, o)    = 1 + ln count(t, o)          (0 when t does not occur)
    idf(t)      = ln((1 + N) / (1 + df(t))) + 1   N = occupations with tasks, df(t) = those using t
    v(o)        = (tf(t, o) x idf(t))_t / ||.||_2
    similarity  = v(a) . v(b)                 (cosine, in [0, 1]: all weights are >= 0)
    drop        = exposure(start) - exposure(neighbour)     (> 0, same 0-1 scale)
    wage_change = wage(neighbour) - wage(start)             [USD/yr]

Timings (development container, shipped data): the first call imports scikit-learn (about 1-1.5 s,
deferred from the module's import to that call) and builds the index (about 0.55 s, reading
``tasks.csv`` included); each later call takes about 4 ms (median over all 798 occupations with
tasks; at most about 14 ms).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from upskill_roi.core.risk import MEASURES, load_occupations, load_tasks

if TYPE_CHECKING:
    import scipy.sparse as sp

__all__ = [
    "CORE_WEIGHT",
    "EXPOSURE_COLUMNS",
    "MIN_SIMILARITY",
    "MIN_DROP",
    "pay_change",
    "Neighbour",
    "TaskIndex",
    "build_index",
    "similar_occupations",
]

CORE_WEIGHT = 2.0
"""How many times a Core task statement counts against a Supplemental (or unlabelled) one."""
MIN_SIMILARITY = 0.10
"""Default lowest similarity proposed. On the shipped data the median cosine between two
occupations is about 0.04 and the 90th percentile about 0.10, and every occupation's most similar
other occupation is above 0.10: so a neighbour is more alike than about nine pairs in ten."""
EXPOSURE_COLUMNS: tuple[str, ...] = (*MEASURES, "gpt4_exposure_alpha", "gpt4_exposure_gamma",
                                     "human_exposure_alpha", "human_exposure_gamma")
"""Columns of the occupation table accepted as ``measure`` (:data:`upskill_roi.core.risk.MEASURES` first)."""
_PAIRS = 3
_TERMS = 5


@dataclass(frozen=True)
class Neighbour:
    """One occupation to go to.

    Attributes
    ----------
    soc_code, title, major_group_title : str
        SOC 2018 code, title and major group of the occupation.
    similarity : float
        Cosine of the two occupations' task TF-IDF vectors [0-1].
    exposure : float
        Its value of the chosen measure [0-1].
    exposure_drop : float
        Start's exposure minus this one's [fraction on the same 0-1 scale, > 0; 0.15 = 15
        percentage points].
    median_annual_wage : float or None
        BLS OEWS May 2024 median [USD/yr]; ``None`` when not published.
    wage_change : float or None
        This wage minus the start's [USD/yr]; ``None`` when either is unknown.
    salary_change : float or None
        ``wage_change`` over the start's wage [fraction; the ``salary_change`` of
        :class:`upskill_roi.core.career.CareerInputs`]; ``None`` when either wage is unknown.
    wage_flag : str or None
        The table's note on the wage (``annual_only``, top-coded, ...); ``None`` when none.
    shared_tasks : tuple of (str, str)
        Up to three (start's task, this occupation's task) statement pairs that are most alike.
    shared_terms : tuple of str
        Up to five words that add most to the similarity.
    """

    soc_code: str
    title: str
    major_group_title: str
    similarity: float
    exposure: float
    exposure_drop: float
    median_annual_wage: float | None
    wage_change: float | None
    salary_change: float | None
    wage_flag: str | None
    shared_tasks: tuple[tuple[str, str], ...]
    shared_terms: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class TaskIndex:
    """TF-IDF vectors of occupations and of their task statements (built by :func:`build_index`).

    Attributes
    ----------
    codes : tuple of str
        SOC codes of the occupations with at least one task, sorted; row ``k`` of ``vectors``.
    position : mapping of str to int
        Row of each code.
    vectors : scipy.sparse.csr_matrix
        Occupations x words, unit-length rows (module formulas).
    task_vectors : scipy.sparse.csr_matrix
        Task statements x words, same words and idf, sublinear tf, unit-length rows; the tasks of
        occupation ``k`` are rows ``starts[k]`` to ``starts[k + 1]``.
    task_text : tuple of str
        The statements, in the rows' order.
    starts : numpy.ndarray
        Row offsets into ``task_vectors`` [len(codes) + 1].
    terms : numpy.ndarray
        The words, in the columns' order.
    """

    codes: tuple[str, ...]
    position: Mapping[str, int]
    vectors: sp.csr_matrix
    task_vectors: sp.csr_matrix
    task_text: tuple[str, ...]
    starts: np.ndarray
    terms: np.ndarray

    def similarity(self, a: str, b: str) -> float:
        """Cosine of two occupations' task vectors [0-1] (``KeyError`` for a code without tasks).

        Examples
        --------
        >>> idx = build_index(pd.DataFrame({"soc_code": ["A", "B"], "task": ["Repair engines.", "Repair boats."],
        ...                                 "task_type": ["Core", "Core"]}))
        >>> round(idx.similarity("A", "A"), 12), idx.similarity("A", "B") < 1
        (1.0, True)
        """
        i, j = self.position[a], self.position[b]
        return _clip(self.vectors[i].multiply(self.vectors[j]).sum())


def _clip(x: float) -> float:
    return float(min(1.0, max(0.0, x)))


def build_index(tasks: pd.DataFrame, core_weight: float = CORE_WEIGHT) -> TaskIndex:
    """The TF-IDF index of a task table (columns ``soc_code``, ``task``, ``task_type``).

    Raises
    ------
    ValueError
        When ``core_weight`` is not a positive number, or no statement has a word that is not a
        stop word (scikit-learn's "empty vocabulary").

    Examples
    --------
    >>> idx = build_index(pd.DataFrame({"soc_code": ["B", "A", "A"], "task_type": ["Core", "Core", ""],
    ...                                 "task": ["Repair boats.", "Repair engines.", "Order parts."]}))
    >>> idx.codes, idx.starts.tolist(), list(idx.terms)
    (('A', 'B'), [0, 2, 3], ['boats', 'engines', 'order', 'parts', 'repair'])
    """
    if not (isinstance(core_weight, (int, float)) and math.isfinite(core_weight) and core_weight > 0):
        raise ValueError(f"core_weight must be a positive number (got {core_weight!r})")
    # Imported here: scikit-learn takes about 1.5 s to import, paid only by the first call.
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    t = tasks.assign(soc_code=tasks["soc_code"].astype(str).str.strip(), task=tasks["task"].fillna("").astype(str))
    t = t[t["task"].str.strip() != ""].sort_values("soc_code", kind="stable")
    codes_by_row = t["soc_code"].to_numpy(str)
    codes, starts, group = np.unique(codes_by_row, return_index=True, return_inverse=True)
    starts = np.append(starts, len(t))
    counts = CountVectorizer(stop_words="english", dtype=np.float64).fit(t["task"])
    c = counts.transform(t["task"])
    types = t["task_type"].fillna("").astype(str).to_numpy() if "task_type" in t else np.full(len(t), "")
    w = np.where(types == "Core", float(core_weight), 1.0)
    weights = sp.csr_matrix((w, (group.ravel(), np.arange(len(t)))), shape=(len(codes), len(t)))
    tfidf = TfidfTransformer(sublinear_tf=True).fit(weights @ c)
    return TaskIndex(codes=tuple(codes.tolist()), position={code: k for k, code in enumerate(codes.tolist())},
                     vectors=sp.csr_matrix(tfidf.transform(weights @ c)),
                     task_vectors=sp.csr_matrix(tfidf.transform(c)), task_text=tuple(t["task"].tolist()),
                     starts=starts, terms=counts.get_feature_names_out())


@lru_cache(maxsize=1)
def _shipped_index() -> TaskIndex:
    return build_index(load_tasks())


@lru_cache(maxsize=len(EXPOSURE_COLUMNS))
def _shipped_exposure(measure: str) -> np.ndarray:
    return load_occupations()[measure].reindex(list(_shipped_index().codes)).to_numpy(float)


def _none(v: Any) -> float | None:  # a pandas cell: any scalar
    return None if v is None or pd.isna(v) else float(v)


def _shared_tasks(index: TaskIndex, i: int, j: int) -> tuple[tuple[str, str], ...]:
    a = index.task_vectors[index.starts[i]:index.starts[i + 1]]
    b = index.task_vectors[index.starts[j]:index.starts[j + 1]]
    s = (a @ b.T).toarray()
    pairs: list[tuple[str, str]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for flat in np.argsort(-s, axis=None, kind="stable"):
        r, c = divmod(int(flat), s.shape[1])
        if s[r, c] <= 0 or len(pairs) == _PAIRS:
            break
        if r in used_a or c in used_b:
            continue
        used_a.add(r)
        used_b.add(c)
        pairs.append((index.task_text[index.starts[i] + r], index.task_text[index.starts[j] + c]))
    return tuple(pairs)


def _shared_terms(index: TaskIndex, i: int, j: int) -> tuple[str, ...]:
    prod = index.vectors[i].multiply(index.vectors[j]).tocoo()
    order = np.lexsort((prod.col, -prod.data))[:_TERMS]
    return tuple(str(index.terms[prod.col[k]]) for k in order if prod.data[k] > 0)


def pay_change(target_wage: float | None, salary: float) -> float | None:
    """The pay change of a move to an occupation paid its median: ``target / salary - 1`` [fraction]
    (the person's own salary, not their occupation's median); None when either is unknown or 0.

    Examples
    --------
    >>> round(pay_change(80_450, 93_600), 4)   # Respiratory Therapists' median against $93,600
    -0.1405
    >>> pay_change(None, 93_600), pay_change(80_000, 0)
    (None, None)
    """
    if target_wage is None or not salary or salary <= 0:
        return None
    return target_wage / salary - 1.0


MIN_DROP = 0.05
"""The app's smallest exposure drop worth proposing: 5 percentage points on the 0-1 measure."""


def similar_occupations(soc_code: str, limit: int = 5, measure: str = "gpt4_exposure_beta",
                        min_similarity: float = MIN_SIMILARITY, *, min_drop: float = 0.0,
                        occupations: pd.DataFrame | None = None,
                        tasks: pd.DataFrame | None = None) -> list[Neighbour]:
    """Occupations with similar tasks and a lower exposure, most similar first (module docstring).

    Parameters
    ----------
    soc_code : str
        The starting occupation (SOC 2018 detailed code; surrounding spaces ignored).
    limit : int, default 5
        At most this many neighbours [count, >= 0].
    measure : str, default "gpt4_exposure_beta"
        One of :data:`EXPOSURE_COLUMNS` (:data:`upskill_roi.core.risk.MEASURES` describes the main four).
    min_similarity : float, default 0.10
        Lowest similarity proposed [0-1]; a similarity of 0 (no word in common) never is.
    min_drop : float, default 0
        Smallest exposure drop proposed [0-1, same scale as the measure]: the app asks for
        :data:`MIN_DROP` so that "lower exposure" means noticeably lower (0.002 is not a move).
    occupations, tasks : pandas.DataFrame, optional
        Other tables with the shipped columns (for tests and what-ifs); default the shipped
        ones, whose index is built once per process and cached.

    Returns
    -------
    list of Neighbour
        Ranked by similarity (highest first; exact ties: larger exposure drop, then SOC code).
        Empty when the occupation has no task statements, no value for the measure, or no
        occupation with tasks, a lower value and enough similarity.

    Raises
    ------
    KeyError
        An unknown SOC code (not in the occupation table): a typo is not "nowhere to go".
    ValueError
        An unknown measure, a negative or non-integer limit, or ``min_similarity`` outside 0-1.

    Examples
    --------
    >>> top = similar_occupations("29-1141", limit=3)                 # Registered Nurses, 0.33
    >>> [(n.soc_code, n.title, round(n.similarity, 2), n.exposure) for n in top]
    [('29-1151', 'Nurse Anesthetists', 0.29, 0.1667), ('29-1126', 'Respiratory Therapists', 0.27, 0.2024), \
('29-2043', 'Paramedics', 0.26, 0.1538)]
    >>> top[1].median_annual_wage, top[1].wage_change, round(top[1].salary_change, 3)
    (80450.0, -13150.0, -0.14)
    >>> similar_occupations("53-7073")                                # Wellhead Pumpers: exposure 0
    []
    """
    if measure not in EXPOSURE_COLUMNS:
        raise ValueError(f"unknown measure {measure!r}; one of {list(EXPOSURE_COLUMNS)}")
    if isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 0:
        raise ValueError(f"limit must be a whole number >= 0 (got {limit!r})")
    if not (isinstance(min_similarity, (int, float)) and 0 <= min_similarity <= 1):
        raise ValueError(f"min_similarity must lie between 0 and 1 (got {min_similarity!r})")
    shipped = occupations is None and tasks is None
    occ = load_occupations() if occupations is None else occupations.set_index(
        occupations["soc_code"].astype(str).str.strip(), drop=False)
    code = str(soc_code).strip()
    if code not in occ.index:
        raise KeyError(f"unknown SOC code {code!r}: not one of the {len(occ)} occupations in the table")
    start = _none(occ.at[code, measure])
    index = _shipped_index() if tasks is None else build_index(tasks)
    i = index.position.get(code)
    if start is None or i is None or limit == 0:
        return []
    exposure = _shipped_exposure(measure) if shipped else \
        occ[measure].reindex(list(index.codes)).to_numpy(float)
    sims = np.clip((index.vectors @ index.vectors[i].T).toarray().ravel(), 0.0, 1.0)
    keep = (sims >= min_similarity) & (sims > 0) & (exposure < start) & (start - exposure >= min_drop)  # NaN: never
    keep[i] = False
    cand = np.flatnonzero(keep)
    drop = start - exposure[cand]
    cand = cand[np.lexsort((cand, -drop, -sims[cand]))][:limit]          # codes sorted: row order = code order
    start_wage = _none(occ.at[code, "median_annual_wage"]) if "median_annual_wage" in occ else None
    out = []
    for j in cand:
        row = occ.loc[index.codes[j]]
        wage = _none(row.get("median_annual_wage"))
        change = None if wage is None or start_wage is None else wage - start_wage
        flag, group = row.get("wage_flag"), row.get("major_group_title")
        out.append(Neighbour(
            soc_code=index.codes[j], title=str(row.get("title", "")),
            major_group_title=str(group) if isinstance(group, str) else "",
            similarity=float(sims[j]), exposure=float(exposure[j]), exposure_drop=float(start - exposure[j]),
            median_annual_wage=wage, wage_change=change,
            salary_change=None if change is None or not start_wage else change / start_wage,
            wage_flag=str(flag) if isinstance(flag, str) and flag else None,
            shared_tasks=_shared_tasks(index, i, int(j)), shared_terms=_shared_terms(index, i, int(j))))
    return out
