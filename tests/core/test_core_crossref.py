"""Checks that need the whole repertoire, run through the loader on tiny projects on disk.

Proves that unknown problem types, members, related entries and parents are errors at the
exact list item with a did-you-mean; that `related` pointing at its own entry, a problem type
that is its own parent and parent cycles (2 and 3 long) are each reported once; that `updated`
before `date` and a missing avatar file are caught; that a reference to a record whose own file
is broken adds no second error; that files colliding after case-folding or taking a generated
page are refused; and that every problem of the repertoire comes out in one run, sorted by path,
then line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from repertoire_kit.core.diagnostics import Diagnostics, Position
from tests.support.core import EXTRA_LINE, Tree, entry_text, located
from tests.support.sites import MINIMAL

CASE = "cases/new-case.md"
CASE_PATH = f"repertoire/{CASE}"


def problem_text(title: str, parent: str | None = None) -> str:
    """A problem type; its parent (if any) is on line 3, value at column 9."""
    parent_line = f"parent: {parent}\n" if parent else ""
    return f"---\ntitle: {title}\n{parent_line}---\nWhat the problem is.\n"


def test_the_minimal_repertoire_has_no_problems(tree: Tree) -> None:
    result = tree.load()
    assert list(result.diagnostics) == []
    assert sorted(result.repertoire.entries) == ["cases/first-case"]


@pytest.mark.parametrize(
    ("override", "expected", "message", "hint"),
    [
        (
            {"problem_types": "[sampling, sampleing]"},
            (4, 27, "problem_types[1]"),
            "unknown problem type 'sampleing'",
            "did you mean 'sampling'?",
        ),
        (
            {"problem_types": "[Sampling]"},
            (4, 17, "problem_types[0]"),
            "'Sampling' is not a valid id",
            None,
        ),
        (
            {"problem_types": "[procurement]"},
            (4, 17, "problem_types[0]"),
            "unknown problem type 'procurement'",
            "add repertoire/problems/procurement.md, or use an existing id",
        ),
        (
            {"contributors": "[ann-le]"},
            (5, 16, "contributors[0]"),
            "unknown member 'ann-le'",
            "did you mean 'ann-lee'?",
        ),
        (
            {"contributors": "[bob-stone]"},
            (5, 16, "contributors[0]"),
            "unknown member 'bob-stone'",
            "add repertoire/members/bob-stone.md, or use an existing id",
        ),
    ],
)
def test_unknown_ids_are_errors_at_the_item_with_a_suggestion(
    tree: Tree,
    override: dict[str, str],
    expected: tuple[int, int, str],
    message: str,
    hint: str | None,
) -> None:
    diagnostics = tree.write(CASE, entry_text(**override)).only(CASE)
    assert [(d.line, d.col, d.field) for d in diagnostics] == [expected]
    assert diagnostics[0].message == message
    if hint is not None:
        assert diagnostics[0].hint == hint


@pytest.mark.parametrize(
    ("related", "col", "message", "hint"),
    [
        ("[cases/new-case]", 11, "an entry cannot be related to itself", "remove it from the list"),
        (
            "[cases/frist-case]",
            11,
            "unknown entry 'cases/frist-case'",
            "did you mean 'cases/first-case'?",
        ),
        (
            "[cases/first-case, cases/first-case.md]",
            29,
            "unknown entry 'cases/first-case.md'",
            "did you mean 'cases/first-case'?",
        ),
        (
            "[stories/first-case]",
            11,
            "unknown entry 'stories/first-case'",
            "did you mean 'cases/first-case'?",
        ),
    ],
)
def test_related_must_name_another_existing_entry(
    tree: Tree, related: str, col: int, message: str, hint: str
) -> None:
    diagnostics = tree.write(CASE, entry_text(extra=f"related: {related}\n")).only(CASE)
    index = related.count(",")
    assert located(diagnostics) == [(CASE_PATH, EXTRA_LINE, col, f"related[{index}]")]
    assert (diagnostics[0].message, diagnostics[0].hint) == (message, hint)


def test_related_to_a_draft_from_a_published_entry_is_only_a_warning(tree: Tree) -> None:
    tree.write("cases/unfinished.md", entry_text(extra="draft: true\n"))
    diagnostics = tree.write(CASE, entry_text(extra="related: [cases/unfinished]\n")).diagnostics()
    assert located(diagnostics) == [(CASE_PATH, EXTRA_LINE, 11, "related[0]")]
    assert diagnostics[0].severity.value == "warning"
    assert not tree.load().diagnostics.has_errors


def test_updated_before_date_is_an_error_and_the_same_day_is_not(tree: Tree) -> None:
    diagnostics = tree.write(CASE, entry_text(extra="updated: 2024-02-29\n")).only(CASE)
    assert located(diagnostics) == [(CASE_PATH, EXTRA_LINE, 10, "updated")]
    assert diagnostics[0].message == "updated (2024-02-29) is before date (2024-03-01)"
    assert tree.write(CASE, entry_text(extra="updated: 2024-03-01\n")).only(CASE) == []


def test_a_reference_to_a_broken_record_adds_no_second_error(tree: Tree) -> None:
    tree.write("members/bob-stone.md", "---\nname: NO\n---\nBob.\n")
    tree.write("problems/procurement.md", "---\ntitle: [not text]\n---\nProcurement.\n")
    tree.write(
        CASE,
        entry_text(
            problem_types="[procurement]",
            contributors="[bob-stone]",
            extra="related: [cases/broken]\n",
        ),
    )
    tree.write("cases/broken.md", entry_text(date="2024-02-30"))
    assert located(tree.diagnostics()) == [
        ("repertoire/cases/broken.md", 6, 7, "date"),
        ("repertoire/members/bob-stone.md", 2, 7, "name"),
        ("repertoire/problems/procurement.md", 2, 8, "title"),
    ]


# --- problem-type parents -------------------------------------------------------------------------


def test_a_problem_type_that_is_its_own_parent_is_an_error(tree: Tree) -> None:
    tree.write("problems/fieldwork.md", problem_text("Fieldwork", parent="fieldwork"))
    diagnostics = tree.diagnostics()
    assert located(diagnostics) == [("repertoire/problems/fieldwork.md", 3, 9, "parent")]
    assert diagnostics[0].message == "a problem type cannot be its own parent"


def test_an_unknown_parent_suggests_the_closest(tree: Tree) -> None:
    tree.write("problems/fieldwork.md", problem_text("Fieldwork", parent="samplin"))
    diagnostics = tree.diagnostics()
    assert located(diagnostics) == [("repertoire/problems/fieldwork.md", 3, 9, "parent")]
    assert diagnostics[0].hint == "did you mean 'sampling'?"


@pytest.mark.parametrize(
    ("parents", "reported_on", "cycle"),
    [
        ({"alpha": "beta", "beta": "alpha"}, "alpha", "alpha → beta → alpha"),
        (
            {"alpha": "beta", "beta": "gamma", "gamma": "alpha"},
            "alpha",
            "alpha → beta → gamma → alpha",
        ),
        (
            {
                "gamma": "alpha",
                "alpha": "beta",
                "beta": "gamma",
                "delta": "gamma",
                "sampling": "delta",
            },
            "alpha",
            "alpha → beta → gamma → alpha",
        ),
    ],
    ids=["2-cycle", "3-cycle", "3-cycle-with-a-tail"],
)
def test_a_parent_cycle_is_reported_once_on_its_first_member(
    tree: Tree, parents: dict[str, str], reported_on: str, cycle: str
) -> None:
    for child, parent in parents.items():
        tree.write(f"problems/{child}.md", problem_text(child.title(), parent=parent))
    diagnostics = tree.diagnostics()
    assert located(diagnostics) == [(f"repertoire/problems/{reported_on}.md", 3, 9, "parent")]
    assert diagnostics[0].message == f"problem types form a cycle: {cycle}"


def test_a_two_level_hierarchy_is_not_a_cycle(tree: Tree) -> None:
    tree.write("problems/fieldwork.md", problem_text("Fieldwork"))
    tree.write("problems/sampling.md", problem_text("Sampling", parent="fieldwork"))
    tree.write("problems/testing.md", problem_text("Testing", parent="sampling"))
    result = tree.load()
    assert list(result.diagnostics) == []
    assert result.repertoire.problems["testing"].parent == "sampling"


# --- avatars --------------------------------------------------------------------------------------


def test_an_avatar_path_must_exist_in_the_docs_folder(tree: Tree) -> None:
    member = "---\nname: Ann Lee\navatar: assets/avatars/ann.png\n---\nAnn.\n"
    diagnostics = tree.write("members/ann-lee.md", member).diagnostics()
    assert located(diagnostics) == [("repertoire/members/ann-lee.md", 3, 9, "avatar")]
    assert diagnostics[0].message == "no image at assets/avatars/ann.png in the docs folder"
    tree.write_bytes("assets/avatars/ann.png", b"\x89PNG\r\n\x1a\n")
    assert tree.diagnostics() == []


def test_an_https_avatar_is_not_looked_up_on_disk(tree: Tree) -> None:
    member = "---\nname: Ann Lee\navatar: https://example.org/ann.png\n---\nAnn.\n"
    assert tree.write("members/ann-lee.md", member).diagnostics() == []


# --- files: names, collisions, placement ----------------------------------------------------------


def test_a_file_name_that_is_not_an_id_is_an_error_with_a_rename_hint(tree: Tree) -> None:
    diagnostics = tree.write("cases/Budget Review_2024.md", entry_text()).diagnostics()
    assert located(diagnostics) == [("repertoire/cases/Budget Review_2024.md", 1, 1, "file")]
    assert "rename it to repertoire/cases/budget-review_2024.md" in diagnostics[0].hint


def test_ids_that_collide_after_case_folding_are_refused(tree: Tree) -> None:
    tree.write("members/Ann-Lee.md", "---\nname: Ann Lee\n---\nAnother Ann.\n")
    diagnostics = tree.diagnostics()
    assert ("repertoire/members/ann-lee.md", 1, 1, "file") in located(diagnostics)
    collision = next(d for d in diagnostics if d.path == "repertoire/members/ann-lee.md")
    assert "same address as members/Ann-Lee.md" in collision.message


@pytest.mark.parametrize(
    "rel", ["cases/index.md", "cases/README.md", "members/index.md", "problems/index.md", "new.md"]
)
def test_a_file_taking_a_generated_page_is_refused(tree: Tree, rel: str) -> None:
    diagnostics = tree.write(rel, entry_text()).diagnostics()
    assert located(diagnostics) == [(f"repertoire/{rel}", 1, 1, "file")]
    assert "same address as (generated page" in diagnostics[0].message


@pytest.mark.parametrize("rel", ["cases/Index.md", "members/INDEX.md"])
def test_an_index_lookalike_is_not_silently_skipped(tree: Tree, rel: str) -> None:
    diagnostics = tree.write(rel, entry_text()).diagnostics()
    assert located(diagnostics) == [(f"repertoire/{rel}", 1, 1, "file")]
    assert "is not a valid id" in diagnostics[0].message


def test_markdown_in_a_subfolder_of_a_record_folder_is_refused(tree: Tree) -> None:
    diagnostics = tree.write("cases/2024/new-case.md", entry_text()).diagnostics()
    assert located(diagnostics) == [("repertoire/cases/2024/new-case.md", 1, 1, "file")]
    assert diagnostics[0].hint == "move it to repertoire/cases/new-case.md"


def test_a_symlink_out_of_the_docs_folder_is_refused(tree: Tree) -> None:
    outside = tree.root / "outside.md"
    outside.write_text(entry_text(), encoding="utf-8")
    (tree.root / "repertoire" / "cases" / "linked.md").symlink_to(outside)
    diagnostics = tree.diagnostics()
    assert located(diagnostics) == [("repertoire/cases/linked.md", 1, 1, "file")]
    assert "points outside the docs folder" in diagnostics[0].message


def test_dangerous_markup_in_the_body_is_reported_at_its_line(tree: Tree) -> None:
    body = "Intro.\n\n```html\n<script>ok in code</script>\n```\n\n<iframe src=x></iframe>\n"
    diagnostics = tree.write(CASE, entry_text(body=body)).diagnostics()
    body_line = EXTRA_LINE + 1  # the line after the closing '---'
    assert located(diagnostics) == [(CASE_PATH, body_line + 6, 1, "body")]
    assert diagnostics[0].message == "raw <iframe> is not allowed"


# --- one run, everything, in order ----------------------------------------------------------------


def test_every_problem_is_found_in_one_run_sorted_by_path_then_line(tree: Tree) -> None:
    tree.write("problems/zeta.md", problem_text("Zeta", parent="zeta"))
    tree.write("members/bob-stone.md", "---\nname: Bob\nrole: stewart\njoined: 2019-02-30\n---\n")
    tree.write("cases/b-case.md", entry_text(title="on", extra="related: [cases/nope]\n"))
    tree.write("cases/a-case.md", entry_text(contributors="[bob-ston]", date="2024-13-01"))
    tree.write("stories/a-story.md", entry_text(summary="1.10"))
    diagnostics = tree.diagnostics()
    assert located(diagnostics) == [
        ("repertoire/cases/a-case.md", 5, 16, "contributors[0]"),
        ("repertoire/cases/a-case.md", 6, 7, "date"),
        ("repertoire/cases/b-case.md", 2, 8, "title"),
        ("repertoire/cases/b-case.md", EXTRA_LINE, 11, "related[0]"),
        ("repertoire/members/bob-stone.md", 3, 7, "role"),
        ("repertoire/members/bob-stone.md", 4, 9, "joined"),
        ("repertoire/problems/zeta.md", 3, 9, "parent"),
        ("repertoire/stories/a-story.md", 3, 10, "summary"),
    ]
    assert diagnostics == sorted(diagnostics, key=lambda d: (d.path, d.line, d.col))
    # bob-stone's own file is broken, yet a misspelling of the id still finds it.
    assert diagnostics[0].hint == "did you mean 'bob-stone'?"


def test_references_of_a_file_with_other_errors_are_checked_in_the_same_run(tree: Tree) -> None:
    text = entry_text(
        title="NO",
        problem_types="[sampeling]",
        contributors="[ann-le]",
        extra="updated: 2024-01-01\nrelated: [cases/new-case]\n",
    )
    diagnostics = tree.write(CASE, text).only(CASE)
    assert [(d.line, d.field) for d in diagnostics] == [
        (2, "title"),
        (4, "problem_types[0]"),
        (5, "contributors[0]"),
        (EXTRA_LINE, "updated"),
        (EXTRA_LINE + 1, "related[0]"),
    ]
    assert "new-case" not in tree.load().repertoire.entries


def test_a_broken_problem_type_that_is_its_own_parent_gets_both_errors(tree: Tree) -> None:
    tree.write("problems/fieldwork.md", problem_text("NO", parent="fieldwork"))
    assert located(tree.diagnostics()) == [
        ("repertoire/problems/fieldwork.md", 2, 8, "title"),
        ("repertoire/problems/fieldwork.md", 3, 9, "parent"),
    ]


def test_an_id_shared_by_a_broken_member_does_not_hide_an_unknown_problem_type(tree: Tree) -> None:
    tree.write("members/procurement.md", "---\nname: NO\n---\nNot a problem type.\n")
    diagnostics = tree.write(CASE, entry_text(problem_types="[procurement]")).only(CASE)
    assert [(d.line, d.field, d.message) for d in diagnostics] == [
        (4, "problem_types[0]", "unknown problem type 'procurement'"),
    ]


def test_an_unknown_entry_id_without_a_folder_suggests_the_first_configured_kind(
    make_site: Callable[..., Any],
) -> None:
    base = {key.replace("/cases/", "/guides/"): text for key, text in MINIMAL.items()}
    tree = Tree(
        make_site(
            base=base, options="kinds:\n  - {folder: guides, singular: guide, plural: guides}\n"
        )
    )
    tree.write("guides/second.md", entry_text(related="[nowhere]"))
    [problem] = tree.diagnostics()
    assert problem.message == "unknown entry 'nowhere'"
    assert problem.hint == "add repertoire/guides/nowhere.md, or use an existing id"


def test_diagnostics_count_what_they_yield() -> None:
    diagnostics = Diagnostics()
    for _ in range(2):
        diagnostics.error("a.md", Position(3), "title", "is empty")
    assert len(diagnostics) == len(list(diagnostics)) == 1
