"""The risk page's activities in links: round trip, named errors, and the role-type heuristic."""

from hypothesis import given
from hypothesis import strategies as st

from upskill_roi.core.risk import resembles, time_by_kind
from upskill_roi.inputs.activities import DEFAULT_ROWS, KIND_CODES, KIND_LABELS, decode, encode, kind_of

labels = st.sampled_from(list(KIND_LABELS.values()))
names = st.text(min_size=1, max_size=80).filter(lambda s: s.strip() != "")
row = st.fixed_dictionaries({"Activity": names, "Time": st.floats(0, 168).map(lambda h: round(h, 1)), "Kind": labels})


@given(st.lists(row, min_size=5, max_size=5))
def test_any_five_activities_survive_a_link(rows):
    decoded, problems = decode(encode(rows))
    assert not problems
    assert decoded == [dict(r) for r in rows]


def test_defaults_make_an_empty_link_and_an_empty_link_gives_defaults():
    assert encode([dict(r) for r in DEFAULT_ROWS]) == {}
    assert decode({}) == ([dict(r) for r in DEFAULT_ROWS], [])


def test_names_may_contain_the_separator():
    rows = [dict(r) for r in DEFAULT_ROWS]
    rows[0] = {"Activity": "A~B~C", "Time": 3.0, "Kind": KIND_LABELS["E0"]}
    assert decode(encode(rows))[0][0] == rows[0]


def test_bad_values_are_named():
    _, problems = decode({"a1": "x~-1~R", "a2": "x~5~Q", "a3": "~5~R", "a4": "x" * 81 + "~5~R", "a5": ["ok~1~R", "x"]})
    assert [p.key for p in problems] == ["a1", "a2", "a3", "a4", "a5"]  # repeated keys: the last one counts
    assert all("accepted: `name~hours~kind`" in p.message for p in problems)


def test_kind_codes_cover_every_kind():
    assert {kind_of(label) for label in KIND_LABELS.values()} == set(KIND_CODES.values())


def test_role_types_by_hand():
    assert resembles([("a", 7, "Repetitive process with minor variations"), ("b", 3, "Strategic judgment")]) \
        == 'Transitional "bridge" automation'
    # 70 % automatable: half rules-based, half repetitive -> decision-support (checked first).
    assert resembles([("a", 35, "Rules-based information processing"),
                      ("b", 35, "Repetitive process with minor variations"), ("c", 30, "Creative problem-solving")]) \
        == "Routine decision-support"
    # Mostly rubric-rated general tasks and under 20 % domain work -> generalist implementation.
    assert resembles([("a", 35, "E1"), ("b", 35, "E2"), ("c", 30, "Creative problem-solving")]) \
        == "Generalist AI implementation without domain depth"
    # The same with 30 % stakeholder work: domain depth, so none of the types.
    assert resembles([("a", 35, "E1"), ("b", 35, "E2"), ("c", 30, "Stakeholder relationships")]) is None
    assert time_by_kind([("a", 1, "E2"), ("b", 3, "Strategic judgment")]) == {"E2": 0.25, "Strategic judgment": 0.75}
