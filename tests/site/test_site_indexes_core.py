"""`core.indexes` as plain functions: the problem tree, sub-type roll-ups and per-person views.

A problem page lists the entries of its type and of every sub-type, each once; the tree shows
every problem type once, even when a parent cycle (an error that `mkdocs serve` keeps going
past) leaves some without a root, and walking below or above a type in a cycle ends.
"""

from __future__ import annotations

from tests.support.crossindex_sites import model_entry, model_indexes, model_problem

TREE = [
    model_problem("planning"),
    model_problem("risk", "planning"),
    model_problem("scoping", "planning"),
    model_problem("matrix", "risk"),
    model_problem("ethics"),
]


def ids(entries) -> list[str]:
    return [e.id for e in entries]


def test_tree_lists_roots_by_title_with_children_below_at_their_depth() -> None:
    indexes = model_indexes([], TREE)
    assert indexes.tree() == [
        ("ethics", 0),
        ("planning", 0),
        ("risk", 1),
        ("matrix", 2),
        ("scoping", 1),
    ]
    assert indexes.descendants("planning") == ["risk", "matrix", "scoping"]
    assert indexes.ancestors("matrix") == ["risk", "planning"]


def test_entries_under_a_type_include_every_sub_type_once_newest_first() -> None:
    entries = [
        model_entry("deep", ("matrix",), ("ann",), "2024-03-01"),
        model_entry("both-levels", ("risk", "matrix"), ("bob",), "2024-02-01"),
        model_entry("top", ("planning",), ("ann",), "2024-01-01"),
        model_entry("aside", ("ethics",), ("ann",), "2024-04-01"),
        model_entry("hidden", ("matrix",), ("ann",), "2024-05-01", draft=True),
    ]
    indexes = model_indexes(entries, TREE)
    assert ids(indexes.entries_under("planning")) == [
        "cases/deep",
        "cases/both-levels",
        "cases/top",
    ]
    assert ids(indexes.entries_under("risk")) == ["cases/deep", "cases/both-levels"]
    assert ids(indexes.entries_under("scoping")) == []
    assert indexes.contributions_matrix()["bob"] == {"planning": 1, "risk": 1, "matrix": 1}
    assert indexes.member_problems("bob") == [("matrix", 1), ("risk", 1)]


def test_a_parent_cycle_drops_no_problem_type_and_every_walk_ends() -> None:
    problems = [
        model_problem("alpha", "beta"),
        model_problem("beta", "alpha"),
        model_problem("calm"),
    ]
    indexes = model_indexes([model_entry("looped", ("alpha",), ("ann",), "2024-01-01")], problems)
    assert indexes.tree() == [("calm", 0), ("alpha", 0), ("beta", 1)]
    assert indexes.descendants("alpha") == ["beta"]
    assert indexes.ancestors("alpha") == ["beta"]
    assert ids(indexes.entries_under("beta")) == ["cases/looped"]
