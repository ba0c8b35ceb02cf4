"""What VS Code shows while a contributor types: remark with the project's `.remarkrc.mjs`.

remark-cli runs the same engine and configuration as the editor's remark extension, so its
messages are the ones in the Problems panel. The sample repertoire gets none. A broken entry gets
one error per field, naming the field, at the line and column where `repertoire check` reports
the same field; every kind of file is validated against its own schema, including a kind added
in mkdocs.yml (its schemas written by `repertoire schemas`); front matter that is not YAML gets
one message saying so; pages outside the record folders are not held to a record's schema.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.support.editor import GUIDES_KIND, EditorMessage, run_schemas
from tests.support.sites import MINIMAL, ROOT, Site

BROKEN_ENTRY = """\
---
summary: What we found.
problem_types: [sampling]
contributors: [ann-lee]
date: 2024-02-30
authors: [ann-lee]
level: beginner
---
## Context

Some context.
"""


def places(messages: list[EditorMessage]) -> set[tuple[int, int, str]]:
    return {(m.line, m.column, m.field) for m in messages}


def check_places(site: Site, rel: str) -> set[tuple[int, int, str]]:
    """(line, column, field) of every problem `repertoire check` reports in one file."""
    result = site.check("--format", "json", rel)
    problems = json.loads(result.stdout)
    return {(d["line"], d["col"], d["field"]) for d in problems if d["path"] == rel}


def test_the_sample_repertoire_gets_no_message(remark_project):
    project = remark_project()
    shutil.copytree(ROOT / "repertoire", project.root / "repertoire")
    code, messages = project.remark("repertoire")
    assert messages == []
    assert code == 0


def test_a_broken_entry_gets_one_error_per_field_where_the_check_puts_it(make_site, remark_project):
    site = make_site({"repertoire/cases/broken.md": BROKEN_ENTRY})
    project = remark_project(site.root)
    code, messages = project.remark("repertoire/cases/broken.md")
    assert sorted((m.line, m.column, m.reason) for m in messages) == [
        (1, 1, "Missing required field `title`"),
        (5, 7, '`date` must match format "date"'),
        (6, 1, "Unknown field `authors`"),
        (7, 8, "`level` must be one of: `newcomer`, `practitioner`, `expert`"),
    ]
    assert all(m.is_error for m in messages)
    assert code == 1
    assert places(messages) == check_places(site, "repertoire/cases/broken.md")


@pytest.mark.parametrize(
    ("rel", "text", "reason"),
    [
        (
            "repertoire/stories/s.md",
            MINIMAL["repertoire/cases/first-case.md"].replace(
                "\ndate:", "\ndate: 2024-03-01\ndated:"
            ),
            "Unknown field `dated`",
        ),
        (
            "repertoire/tools/t.md",
            MINIMAL["repertoire/cases/first-case.md"].replace("[ann-lee]", "ann-lee"),
            "`contributors` must be a list",
        ),
        (
            "repertoire/members/m.md",
            "---\nname: M\nrole: boss\n---\n",
            "`role` must be one of: `steward`, `core`, `member`, `alumni`",
        ),
        (
            "repertoire/members/j.md",
            "---\nname: J\njoined: May 2019\n---\n",
            "`joined` is not written in an accepted form",
        ),
        ("repertoire/problems/p.md", "---\nsummary: S\n---\n", "Missing required field `title`"),
        (
            "repertoire/paths/p.md",
            "---\ntitle: P\nsummary: S\naudience: A\nsteps:\n"
            "  - {entry: cases/first-case, note: n}\n---\n",
            "`steps` must NOT have fewer than 2 items",
        ),
    ],
)
def test_every_kind_of_file_is_held_to_its_own_schema(make_site, remark_project, rel, text, reason):
    site = make_site({rel: text})
    _, messages = remark_project(site.root).remark(rel)
    assert [m.reason for m in messages] == [reason]
    assert places(messages) <= check_places(site, rel)


def test_a_kind_added_in_mkdocs_yml_is_checked_once_its_schemas_are_written(
    make_site, remark_project
):
    guide = MINIMAL["repertoire/cases/first-case.md"].replace("title:", "name:")
    site = make_site({"repertoire/guides/g.md": guide})
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - repertoire\n", GUIDES_KIND),
        encoding="utf-8",
    )
    assert run_schemas(config, site.root / "schemas") == 0
    _, messages = remark_project(site.root, schemas=False).remark("repertoire/guides/g.md")
    assert sorted(m.reason for m in messages) == [
        "Missing required field `title`",
        "Unknown field `name`",
    ]


def test_front_matter_that_is_not_yaml_gets_one_message_at_the_mistake(remark_project):
    project = remark_project().write(
        {
            "repertoire/cases/c.md": (
                "---\ntitle: A case\nsummary: [unclosed\ndate: 2024-03-01\n---\n"
            ),
        }
    )
    _, messages = project.remark("repertoire/cases/c.md")
    assert len(messages) == 1
    assert messages[0].reason.startswith("The front matter is not valid YAML: ")
    assert messages[0].line >= 3


def test_pages_outside_the_record_folders_are_not_held_to_a_record_schema(remark_project):
    project = remark_project().write(
        {
            "repertoire/reference/guide.md": (
                "---\ntitle: Guide\ndescription: About.\n---\n# Guide\n"
            ),
            "notes.md": "---\nanything: goes\n---\n",
        }
    )
    assert project.remark("repertoire/reference/guide.md", "notes.md") == (0, [])
