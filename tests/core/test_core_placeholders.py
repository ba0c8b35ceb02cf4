"""The placeholders `repertoire new` writes are never published.

A `TODO:` value in the front matter (a field, an item of a list, a field of a path's step) or a
`TODO:` line in the body, outside code, is an error at its line in a record that will be
published; a draft keeps its placeholders quietly. Members, problem types and paths are never
drafts. Proved on the finder as a plain function and on tiny sites, with `repertoire check`
(also as GitHub annotations) and `mkdocs build` reporting the same lines.
"""

from __future__ import annotations

from repertoire_kit.core.authoring.skeletons import placeholder
from repertoire_kit.core.contract.fields import Located
from repertoire_kit.core.contract.placeholders import body_placeholders, field_placeholders
from repertoire_kit.core.diagnostics import Position
from repertoire_kit.core.report import format_github, format_text
from tests.support.core import EXTRA_LINE, Tree, entry_text, located

CASE = "cases/new-case.md"
CASE_PATH = f"repertoire/{CASE}"


def test_placeholders_are_found_in_values_lists_records_and_body_lines() -> None:
    fields = {
        "summary": Located("TODO: one sentence", Position(3, 10)),
        "title": Located("A title", Position(2, 8)),
        "tags": Located(("x", "TODO: a tag"), Position(4, 7), (Position(4, 8), Position(4, 11))),
        "steps": Located(
            (), Position(5, 1), records=({"note": Located("TODO: why", Position(7, 11))},)
        ),
    }
    assert [(p.field, p.pos) for p in field_placeholders(fields)] == [
        ("summary", Position(3, 10)),
        ("tags[1]", Position(4, 11)),
        ("steps[0].note", Position(7, 11)),
    ]
    body = "## Context\n\nTODO: write it.\n\n- TODO: a list item\n\n```\nTODO: in code\n```\n"
    assert [(p.pos, p.text) for p in body_placeholders(body, 10)] == [
        (Position(12, 1), "TODO: write it."),
        (Position(14, 3), "TODO: a list item"),
    ]


def test_a_published_entry_may_not_keep_a_placeholder_and_a_draft_may(tree: Tree) -> None:
    todo = placeholder("one or two sentences")
    published = entry_text(summary=f'"{todo}"', body="## Context\n\nTODO: where and when.\n")
    diagnostics = tree.write(CASE, published).only(CASE)
    assert located(diagnostics) == [(CASE_PATH, 3, 10, "summary"), (CASE_PATH, 10, 1, "body")]
    assert diagnostics[0].message == f"'{todo}' is a placeholder, still to be replaced"
    assert "keep the entry a draft (draft: true)" in diagnostics[0].hint
    draft = entry_text(
        summary=f'"{todo}"', extra="draft: true\n", body="## Context\n\nTODO: where and when.\n"
    )
    assert tree.write(CASE, draft).only(CASE) == []


def test_a_member_problem_type_or_path_is_published_at_once(tree: Tree) -> None:
    tree.write(
        "members/bob-stone.md",
        "---\nname: Bob Stone\naffiliation: 'TODO: where you work'\n---\nTODO: a bio.\n",
    )
    tree.write("problems/fieldwork.md", "---\ntitle: Fieldwork\n---\nTODO: describe it.\n")
    tree.write(
        "paths/start.md",
        (
            "---\ntitle: Start\nsummary: Where to start.\naudience: 'TODO: who'\nsteps:\n"
            "  - entry: cases/first-case\n    note: 'TODO: why this step'\n"
            "  - entry: cases/new-case\n    note: Then this.\n---\nA path.\n"
        ),
    )
    tree.write(CASE, entry_text())
    diagnostics = tree.diagnostics()
    assert located(diagnostics) == [
        ("repertoire/members/bob-stone.md", 3, 14, "affiliation"),
        ("repertoire/members/bob-stone.md", 5, 1, "body"),
        ("repertoire/paths/start.md", 4, 11, "audience"),
        ("repertoire/paths/start.md", 7, 11, "steps[0].note"),
        ("repertoire/problems/fieldwork.md", 4, 1, "body"),
    ]
    assert "a member file is published as soon as it is merged" in diagnostics[0].hint


def test_placeholders_fail_check_github_and_build_with_the_same_text(tree: Tree) -> None:
    tree.write(CASE, entry_text(extra="tags: ['TODO: a keyword']\n"))
    diagnostics = tree.only(CASE)
    assert located(diagnostics) == [(CASE_PATH, EXTRA_LINE, 8, "tags[0]")]
    check = tree.site.check("--format", "github")
    assert check.returncode == 1
    assert format_github(diagnostics[0]) in check.stdout
    build = tree.site.build()
    assert build.returncode != 0
    assert format_text(diagnostics[0]) in build.stderr


def test_a_placeholder_in_an_id_or_a_date_is_said_to_be_one(tree: Tree) -> None:
    """The Record a use page's file leaves the entry, the member and the day to fill in: a
    member who has not yet is told so, not that 'TODO: your member id' is a malformed id."""
    use = (
        "---\nentry: 'TODO: the entry id'\nmember: 'TODO: your member id'\n"
        "date: 'TODO: YYYY-MM-DD'\nsummary: Tried it.\n---\n"
    )
    diagnostics = tree.write("uses/a-use.md", use).only("uses/a-use.md")
    assert located(diagnostics) == [
        ("repertoire/uses/a-use.md", 2, 8, "entry"),
        ("repertoire/uses/a-use.md", 3, 9, "member"),
        ("repertoire/uses/a-use.md", 4, 7, "date"),
    ]
    assert [d.message for d in diagnostics] == [
        "'TODO: the entry id' is a placeholder, still to be replaced",
        "'TODO: your member id' is a placeholder, still to be replaced",
        "'TODO: YYYY-MM-DD' is a placeholder, still to be replaced",
    ]
