"""Occupation search that understands everyday job titles.

People type "data analyst", "ICU nurse" or "registerd nurse", not "Statistical Assistants"
or "Registered Nurses". :func:`search` maps such text onto the 847 SOC 2018 detailed
occupations in ``upskill_roi/data/occupations.csv``.

Method
------
Text is normalised first: accents dropped, lower case, ``&`` inside a word removed ("A&E" ->
"ae") and ``&`` between words read as "and", punctuation split, a few UK spellings mapped to US
("centre" -> "center", "labour" -> "labor", "paediatrician" -> "pediatrician"), compounds and
short forms split or expanded ("frontend" -> "front end", "healthcare" -> "health care", "dev" ->
"developer", "professor" or "lecturer" -> "postsecondary teacher"), a light plural stem ("nurses" -> "nurse"),
and stop words dropped ("and", "of",
"such", "job", "my", ...).
Seniority words ("senior", "junior", "trainee", ...) count a fifth of a normal word. Then,
highest first:

1. **SOC code.** A query that is a code ("29-1141", "291141", "29-1141.03") returns that
   occupation (score 100); a code prefix ("15-125", "29") returns the occupations under it
   (score 90), in code order.
2. **Names**: the occupation titles and the everyday titles of ``upskill_roi/data/aliases.csv``.
   Each query word is matched to the words of a name: exactly, or -- for words of four letters
   or more -- by ``rapidfuzz.fuzz.ratio`` (at least 90 when the shorter word has at most five
   letters, else at least 80; the quality is the ratio / 100), or, for the last word typed (at
   least four letters, unstemmed), as the start of a longer word (quality 0.85, for
   search-as-you-type). Words of three letters or fewer ("icu", "rn", "hr", "ux") must match
   exactly (a plural such as "RNs" also finds "rn"), so "icu" cannot hit "agricultural". The
   score is ``100 x (0.75 x query coverage + 0.25 x name coverage)``: query coverage is the
   weighted share of query words found (each counted by its match quality), name coverage the
   share of the name's words that were hit. A name equal to the query scores 100.
3. **Task statements** (``upskill_roi/data/tasks.csv``, O*NET): a statement that contains every
   query word (same word matching, no prefixes) scores ``70 x coverage``, plus 8 when the words
   stand together in order; an occupation takes its best statement plus 2 for each further
   such statement (at most 6 more). Task matches therefore rank below good name matches.

An occupation's score is its best score from 1-3; results below :data:`SCORE_CUTOFF` are
dropped. Ties go to the occupation with more jobs (OEWS May 2024 employment), then the code.

The everyday-title table
------------------------
``upskill_roi/data/aliases.csv`` (``alias, soc_code, source``) is this project's own compilation.
Each row names where its mapping comes from: a SOC 2018 title or definition (BLS, US public
domain); the BLS SOC 2010-to-2018 crosswalk; an O*NET-SOC 2019 sub-occupation title (e.g.
29-1141.03 Critical Care Nurses, in the project's raw Eloundou et al. copy); an O*NET OnLine
"sample of reported job titles" or O*NET alternate title (O*NET content, CC BY 4.0, attributed
in ``upskill_roi/data/ATTRIBUTION.md``; a few were read from third-party copies, and the row says
so); a BLS Occupational Outlook Handbook or California EDD occupational-guide statement -- or,
where no published mapping was at hand, "editorial mapping:" with a one-line reason.
``upskill_roi/data/PROVENANCE.md`` describes how it was built.

Examples
--------
>>> [m.soc_code for m in search("data analyst", limit=1)]
['15-2051']
>>> search("icu nurse")[0].reason
'everyday title "ICU nurse"'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

__all__ = ["ALIASES_PATH", "SCORE_CUTOFF", "Match", "load_aliases", "search"]

DATA = Path(__file__).resolve().parents[1] / "data"
ALIASES_PATH = DATA / "aliases.csv"
SCORE_CUTOFF = 60.0
"""Results scoring below this (0-100) are not returned."""

_MAX_QUERY_CHARS = 200
_QUERY_WEIGHT, _NAME_WEIGHT = 0.75, 0.25
_TASK_SCALE, _TASK_PHRASE_BONUS, _TASK_EXTRA, _TASK_EXTRA_MAX = 70.0, 8.0, 2.0, 6.0
_TASK_MIN_COVERAGE = 0.85
_PREFIX_QUALITY = 0.85
_CODE_PREFIX_SCORE = 90.0
_TASK_REASON_CHARS = 80

_STOP = frozenset({
    "a", "an", "and", "the", "of", "in", "on", "at", "for", "to", "or", "with", "by",
    "from", "as", "such", "except", "all", "other", "e", "g", "eg", "etc", "including",
    "include", "includes", "may", "no", "not", "is", "are", "be", "am", "i", "im", "me",
    "my", "our", "we", "job", "jobs", "work", "working",
})
_OPTIONAL = frozenset({
    "senior", "sr", "junior", "jr", "trainee", "apprentice", "entry", "level", "graduate",
    "intern", "freelance", "remote", "contract", "locum", "temp", "temporary", "part",
    "time", "full",
})
_OPTIONAL_WEIGHT = 0.2
_UK_US = {
    "centre": "center", "centres": "centers", "labour": "labor", "labourer": "laborer",
    "labourers": "laborers", "paediatrician": "pediatrician", "paediatric": "pediatric",
    "anaesthetist": "anesthetist", "anaesthesiologist": "anesthesiologist",
    "orthopaedic": "orthopedic", "organisation": "organization", "programme": "program",
    "counsellor": "counselor", "counselling": "counseling", "colour": "color",
    "behaviour": "behavior", "behavioural": "behavioral", "analyse": "analyze",
    "licence": "license", "defence": "defense", "jewellery": "jewelry", "theatre": "theater",
    "maths": "math", "modelling": "modeling", "travelling": "traveling", "tyre": "tire",
    "aeroplane": "airplane", "practise": "practice", "catalogue": "catalog",
}
# Compounds and short forms people type, read as the words of the SOC and O*NET texts.
_SPLIT = {
    "frontend": "front end", "backend": "back end", "fullstack": "full stack",
    "helpdesk": "help desk", "healthcare": "health care", "childcare": "child care",
    "daycare": "day care", "dev": "developer", "devs": "developers", "mgr": "manager",
    "asst": "assistant", "eng": "engineer",
    # SOC titles say "Economics Teachers, Postsecondary"; people say "economics professor"
    "professor": "postsecondary teacher", "professors": "postsecondary teachers",
    "prof": "postsecondary teacher", "lecturer": "postsecondary teacher",
    "lecturers": "postsecondary teachers",
}
_CODE = re.compile(r"^(\d{2})-?(\d{0,4})(?:\.\d{0,2})?$")


@dataclass(frozen=True)
class Match:
    """One search result.

    Attributes
    ----------
    soc_code : str
        SOC 2018 detailed code, e.g. ``"29-1141"``.
    title : str
        SOC 2018 title of the occupation.
    score : float
        0-100, higher is better (see the module docstring).
    reason : str
        Why it matched: ``'SOC code'``, ``'SOC code prefix'``, ``'title'``,
        ``'everyday title "..."'`` or ``'task: "..."'``.
    """

    soc_code: str
    title: str
    score: float
    reason: str


# --- text normalisation -----------------------------------------------------------------------

def _stem(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def _words(text: str) -> list[str]:
    """Normalised content words of ``text``, in order, before stemming (stop words dropped)."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"(?<=[a-z0-9])&(?=[a-z0-9])", "", text).replace("&", " and ")
    words = (_UK_US.get(w, w) for w in re.findall(r"[a-z0-9]+", text))
    return [part for w in words for part in _SPLIT.get(w, w).split() if part not in _STOP]


def _tokens(text: str) -> list[str]:
    """Normalised, stemmed content words of ``text``, in order."""
    return [_stem(w) for w in _words(text)]


def _dedup(tokens: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tokens))


def _weight(token: str) -> float:
    return _OPTIONAL_WEIGHT if token in _OPTIONAL else 1.0


# --- data and indexes (built once) ---------------------------------------------------------

@lru_cache(maxsize=1)
def _occupations() -> pd.DataFrame:
    df = pd.read_csv(DATA / "occupations.csv", dtype={"soc_code": str, "title": str},
                     usecols=["soc_code", "title", "oews_tot_emp"])
    df["oews_tot_emp"] = pd.to_numeric(df["oews_tot_emp"], errors="coerce").fillna(0.0)
    return df


@lru_cache(maxsize=1)
def load_aliases() -> pd.DataFrame:
    """The everyday-title table ``upskill_roi/data/aliases.csv`` (columns ``alias, soc_code, source``).

    Examples
    --------
    >>> list(load_aliases().columns)
    ['alias', 'soc_code', 'source']
    """
    return pd.read_csv(ALIASES_PATH, dtype=str, keep_default_na=False)


@dataclass(frozen=True)
class _Corpus:
    """Token index over a list of texts: vocabulary, postings and per-text token tuples."""

    tokens: tuple[tuple[str, ...], ...]
    vocab: tuple[str, ...]
    postings: dict[str, np.ndarray]


def _corpus(texts: list[str]) -> _Corpus:
    toks = tuple(_dedup(_tokens(t)) for t in texts)
    post: dict[str, list[int]] = {}
    for i, ts in enumerate(toks):
        for t in ts:
            post.setdefault(t, []).append(i)
    return _Corpus(toks, tuple(post), {t: np.asarray(ix, dtype=np.int64) for t, ix in post.items()})


@dataclass(frozen=True)
class _Index:
    codes: tuple[str, ...]
    titles: dict[str, str]
    employment: dict[str, float]
    name_soc: tuple[str, ...]
    name_label: tuple[str | None, ...]      # None for an occupation title, else the alias text
    names: _Corpus
    task_soc: np.ndarray                    # SOC index of each task
    task_text: tuple[str, ...]
    task_seq: tuple[tuple[str, ...], ...]   # task tokens in order (for the phrase bonus)
    tasks: _Corpus


@lru_cache(maxsize=1)
def _index() -> _Index:
    occ = _occupations()
    codes = tuple(occ["soc_code"])
    titles = dict(zip(occ["soc_code"], occ["title"], strict=False))
    aliases = load_aliases()
    aliases = aliases[aliases["soc_code"].isin(titles)]
    name_soc = codes + tuple(aliases["soc_code"])
    name_label = (None,) * len(codes) + tuple(aliases["alias"])
    names = _corpus(list(occ["title"]) + list(aliases["alias"]))
    tasks = pd.read_csv(DATA / "tasks.csv", dtype=str, keep_default_na=False, usecols=["soc_code", "task"])
    tasks = tasks[tasks["soc_code"].isin(titles)]
    pos = {c: i for i, c in enumerate(codes)}
    return _Index(
        codes=codes,
        titles=titles,
        employment=dict(zip(occ["soc_code"], occ["oews_tot_emp"], strict=False)),
        name_soc=name_soc,
        name_label=name_label,
        names=names,
        task_soc=np.asarray([pos[c] for c in tasks["soc_code"]], dtype=np.int64),
        task_text=tuple(tasks["task"]),
        task_seq=tuple(tuple(_tokens(t)) for t in tasks["task"]),
        tasks=_corpus(list(tasks["task"])),
    )


# --- word matching ---------------------------------------------------------------------------

def _word_matches(token: str, corpus: _Corpus, prefix: str = "") -> dict[str, float]:
    """Vocabulary words that ``token`` matches, with a quality in (0, 1].

    ``prefix`` (the unstemmed word, for the last word typed) also matches longer words that
    start with it.
    """
    out: dict[str, float] = {}
    if token in corpus.postings:
        out[token] = 1.0
    if len(token) == 3 and token.endswith("s") and token[:2] in corpus.postings:
        out[token[:2]] = 0.95          # plural of a two-letter abbreviation: "RNs", "GPs"
    if len(token) >= 4:
        for cand, score, _ in process.extract(token, corpus.vocab, scorer=fuzz.ratio,
                                              score_cutoff=80, limit=None):
            shorter = min(len(token), len(cand))
            if shorter >= 4 and score >= (90 if shorter <= 5 else 80):
                out[cand] = max(out.get(cand, 0.0), score / 100.0)
    if len(prefix) >= 4:
        for cand in corpus.vocab:
            if len(cand) > len(prefix) and cand.startswith(prefix):
                out[cand] = max(out.get(cand, 0.0), _PREFIX_QUALITY)
    return out


@lru_cache(maxsize=4096)
def _name_matches(token: str, prefix: str) -> dict[str, float]:
    return _word_matches(token, _index().names, prefix)


@lru_cache(maxsize=4096)
def _task_matches(token: str) -> dict[str, float]:
    return _word_matches(token, _index().tasks)


# --- scoring ----------------------------------------------------------------------------------

def _code_matches(query: str) -> list[Match] | None:
    """Results for a query that looks like a SOC code, else ``None``."""
    m = _CODE.match(query.strip())
    if not m:
        return None
    major, detail = m.groups()
    idx = _index()
    if len(detail) == 4:
        code = f"{major}-{detail}"
        return [Match(code, idx.titles[code], 100.0, "SOC code")] if code in idx.titles else []
    prefix = f"{major}-{detail}"
    return [Match(c, idx.titles[c], _CODE_PREFIX_SCORE, "SOC code prefix")
            for c in idx.codes if c.startswith(prefix)]


def _score_names(qtoks: tuple[str, ...], weights: list[float], last: str) -> dict[str, tuple[float, str]]:
    """Best name score per SOC code; ``last`` is the unstemmed last word typed (prefix match)."""
    idx = _index()
    # name id -> per query word: (best quality, the name word it matched)
    best: dict[int, list[tuple[float, str]]] = {}
    for qi, qt in enumerate(qtoks):
        for word, quality in _name_matches(qt, last if qi == len(qtoks) - 1 else "").items():
            for nid in idx.names.postings[word].tolist():
                row = best.setdefault(nid, [(0.0, "")] * len(qtoks))
                if quality > row[qi][0]:
                    row[qi] = (quality, word)
    total_w = sum(weights)
    out: dict[str, tuple[float, str]] = {}
    for nid, row in best.items():
        ntoks = idx.names.tokens[nid]
        if ntoks == qtoks:
            score = 100.0
        else:
            qcov = sum(w * q for w, (q, _) in zip(weights, row, strict=False)) / total_w
            ncov = len({word for q, word in row if q > 0}) / len(ntoks)
            score = 100.0 * (_QUERY_WEIGHT * qcov + _NAME_WEIGHT * ncov)
        soc, label = idx.name_soc[nid], idx.name_label[nid]
        reason = "title" if label is None else f'everyday title "{label}"'
        prev = out.get(soc)
        # keep the best; on a tie the occupation's own title wins over an alias
        if prev is None or score > prev[0] or (score == prev[0] and label is None):
            out[soc] = (score, reason)
    return out


def _in_order(seq: tuple[str, ...], sets: list[set[str]]) -> bool:
    n = len(sets)
    return any(all(seq[i + k] in sets[k] for k in range(n)) for i in range(len(seq) - n + 1))


def _score_tasks(qtoks: tuple[str, ...], weights: list[float]) -> dict[str, tuple[float, str]]:
    idx = _index()
    n_tasks = len(idx.task_text)
    cover = np.zeros(n_tasks, dtype=np.float64)
    sets: list[set[str]] = []
    for qt, w in zip(qtoks, weights, strict=False):
        matches = _task_matches(qt)
        sets.append(set(matches))
        q = np.zeros(n_tasks, dtype=np.float64)
        for word, quality in matches.items():
            ix = idx.tasks.postings[word]
            q[ix] = np.maximum(q[ix], quality)
        cover += w * q
    cover /= sum(weights)
    cand = np.flatnonzero(cover >= _TASK_MIN_COVERAGE)
    out: dict[str, tuple[float, str]] = {}
    count: dict[str, int] = {}
    for t in cand.tolist():
        score = _TASK_SCALE * float(cover[t])
        if len(qtoks) > 1 and _in_order(idx.task_seq[t], sets):
            score += _TASK_PHRASE_BONUS
        soc = idx.codes[idx.task_soc[t]]
        count[soc] = count.get(soc, 0) + 1
        if soc not in out or score > out[soc][0]:
            text = idx.task_text[t]
            if len(text) > _TASK_REASON_CHARS:
                text = text[: _TASK_REASON_CHARS - 3].rstrip() + "..."
            out[soc] = (score, f'task: "{text}"')
    return {soc: (s + min(_TASK_EXTRA_MAX, _TASK_EXTRA * (count[soc] - 1)), r)
            for soc, (s, r) in out.items()}


def search(query: str, limit: int = 10) -> list[Match]:
    """Occupations matching everyday text: a job title, an abbreviation, a duty or a SOC code.

    Parameters
    ----------
    query : str
        What the user typed, e.g. ``"ICU nurse"``, ``"registerd nurse"``, ``"29-1141"``.
    limit : int, default 10
        Most results to return.

    Returns
    -------
    list of Match
        Best first; only scores of at least :data:`SCORE_CUTOFF`. Empty for an empty query.

    Examples
    --------
    >>> search("29-1141")
    [Match(soc_code='29-1141', title='Registered Nurses', score=100.0, reason='SOC code')]
    >>> search("registerd nurse", limit=1)[0].soc_code
    '29-1141'
    >>> [m.soc_code for m in search("critical care", limit=1)]
    ['29-1141']
    >>> search("15-125", limit=2)[1].title
    'Software Developers'
    >>> search("")
    []
    >>> search("no such job xyzzy")
    []
    """
    query = str(query or "")[:_MAX_QUERY_CHARS]
    if limit <= 0 or not query.strip():
        return []
    coded = _code_matches(query)
    if coded is not None:
        return coded[:limit]
    words = _words(query)
    qtoks = _dedup([_stem(w) for w in words])
    if not qtoks:
        return []
    last = words[-1] if _stem(words[-1]) == qtoks[-1] else ""
    weights = [_weight(t) for t in qtoks]
    idx = _index()
    scored = _score_names(qtoks, weights, last)
    for soc, (score, reason) in _score_tasks(qtoks, weights).items():
        if soc not in scored or score > scored[soc][0]:
            scored[soc] = (score, reason)
    ranked = sorted(
        ((min(100.0, max(0.0, s)), soc, r) for soc, (s, r) in scored.items() if s >= SCORE_CUTOFF),
        key=lambda x: (-x[0], -idx.employment.get(x[1], 0.0), x[1]),
    )
    return [Match(soc, idx.titles[soc], round(s, 1), r) for s, soc, r in ranked[:limit]]
