"""The committed editor schemas are exactly what the validator's declarations generate.

`schemas/` holds the JSON Schemas the editor applies while a contributor types, plus the map of
which Markdown files each one validates. Both are generated (`make schemas`, which runs
`repertoire schemas schemas`); these tests fail as soon as the committed copy differs from a
fresh generation for the sample's settings, so it cannot drift from `repertoire check`. The map
sends every record file of the sample to the schema of its kind and leaves other pages alone,
a kind added in mkdocs.yml reaches it, and the command refuses targets it must not write.
The documents use only keywords that mean the same in draft-07, which the editor's validator
(Ajv in remark-lint-frontmatter-schema) speaks, as in draft 2020-12, which they declare.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest

from repertoire_kit.cli.schemas import FILES_MAP, schema_files
from repertoire_kit.core.authoring.json_schema import schema_documents
from repertoire_kit.core.load.project import load_project
from repertoire_kit.core.settings import MEMBERS_DIR, PATHS_DIR, PROBLEMS_DIR, USES_DIR
from tests.support.editor import GUIDES_KIND, run_schemas
from tests.support.sites import ROOT

COMMITTED = ROOT / "schemas"
PROJECT = load_project(ROOT / "mkdocs.yml")
REGENERATE = "the committed schemas/ is stale: run `make schemas` and commit the result"
# Keywords with one meaning in draft-07 and draft 2020-12. A keyword outside this list (such as
# `prefixItems`, `$defs` or `dependentRequired`) would be silently ignored in the editor.
SHARED_KEYWORDS = frozenset(
    {
        "$schema",
        "$id",
        "title",
        "description",
        "examples",
        "type",
        "enum",
        "format",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "items",
        "minItems",
        "uniqueItems",
        "properties",
        "additionalProperties",
        "required",
        "anyOf",
        "not",
    }
)


def committed_files() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(COMMITTED.iterdir())}


def globs_by_schema(folder: Path) -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads((folder / FILES_MAP).read_text(encoding="utf-8"))
    return data


def schemas_for(rel: str, globs: dict[str, list[str]]) -> list[str]:
    """Every schema whose globs match a project-relative path (the editor needs exactly one)."""
    return [
        name
        for name, patterns in globs.items()
        if any(PurePosixPath(rel).match(pattern) for pattern in patterns)
    ]


def test_the_committed_files_are_a_fresh_generation():
    assert committed_files() == schema_files(PROJECT), REGENERATE


def test_the_committed_schemas_are_the_documents_the_site_publishes():
    documents = schema_documents(PROJECT.settings)
    committed = {
        name: json.loads(text) for name, text in committed_files().items() if name != FILES_MAP
    }
    assert committed == documents, REGENERATE


def keywords(schema: object) -> set[str]:
    """Every keyword used in a schema and its subschemas (property names are not keywords)."""
    if isinstance(schema, list):
        return set().union(*(keywords(item) for item in schema))
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for keyword, value in schema.items():
        if keyword == "properties":
            found |= set().union(*(keywords(sub) for sub in value.values()))
        elif keyword in ("items", "anyOf", "not", "additionalProperties"):
            found |= keywords(value)
    return found


def test_the_schemas_use_only_keywords_the_editor_reads_alike():
    for name, document in schema_documents(PROJECT.settings).items():
        assert keywords(document) <= SHARED_KEYWORDS, name


def test_the_command_writes_what_is_committed(tmp_path, capsys):
    assert run_schemas(ROOT / "mkdocs.yml", tmp_path / "out") == 0
    written = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "out").iterdir()}
    assert written == committed_files()
    wrote = f"repertoire schemas: wrote {len(written)} files to {tmp_path / 'out'}\n"
    assert capsys.readouterr().out == wrote


def expected_schema(rel: str) -> str:
    folder = PurePosixPath(rel).parts[1]
    by_folder = {
        MEMBERS_DIR: "member.schema.json",
        PROBLEMS_DIR: "problem.schema.json",
        PATHS_DIR: "path.schema.json",
        USES_DIR: "use.schema.json",
    }
    return by_folder.get(folder, "entry.schema.json")


SAMPLE_RECORDS = sorted(
    path.relative_to(ROOT).as_posix()
    for folder in PROJECT.settings.record_folders
    for path in (PROJECT.docs_dir / folder).glob("*.md")
)
SAMPLE_OTHER_PAGES = sorted(
    path.relative_to(ROOT).as_posix()
    for path in PROJECT.docs_dir.rglob("*.md")
    if path.relative_to(ROOT).as_posix() not in SAMPLE_RECORDS
)


@pytest.mark.parametrize("rel", SAMPLE_RECORDS)
def test_each_record_file_gets_the_schema_of_its_kind(rel):
    assert schemas_for(rel, globs_by_schema(COMMITTED)) == [expected_schema(rel)]


def test_the_sample_has_records_of_every_kind_and_other_pages():
    kinds_of_schema = {expected_schema(rel) for rel in SAMPLE_RECORDS}
    assert kinds_of_schema == set(schema_documents(PROJECT.settings))
    assert {PurePosixPath(rel).parts[1] for rel in SAMPLE_RECORDS} >= {
        kind.folder for kind in PROJECT.settings.kinds
    }
    assert SAMPLE_OTHER_PAGES, "the sample should have pages outside the record folders"


@pytest.mark.parametrize("rel", SAMPLE_OTHER_PAGES)
def test_pages_outside_the_record_folders_get_no_schema(rel):
    assert schemas_for(rel, globs_by_schema(COMMITTED)) == []


def test_a_kind_added_in_mkdocs_yml_reaches_the_editor(make_site, tmp_path):
    site = make_site()
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - repertoire\n", GUIDES_KIND),
        encoding="utf-8",
    )
    assert run_schemas(config, site.root / "schemas") == 0
    globs = globs_by_schema(site.root / "schemas")
    assert schemas_for("repertoire/guides/reading-a-budget.md", globs) == ["entry.schema.json"]
    assert schemas_for("repertoire/stories/a-story.md", globs) == []
    entry = json.loads((site.root / "schemas" / "entry.schema.json").read_text(encoding="utf-8"))
    assert "guides" in entry["properties"]["related"]["items"]["pattern"]


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("repertoire/schemas", "is inside the docs folder"),
        ("mkdocs.yml", "is a file, not a folder"),
    ],
)
def test_the_command_refuses_targets_it_must_not_write(make_site, capsys, target, why):
    site = make_site()
    before = sorted(p.relative_to(site.root) for p in site.root.rglob("*"))
    assert run_schemas(site.root / "mkdocs.yml", site.root / target) == 2
    assert why in capsys.readouterr().err
    assert sorted(p.relative_to(site.root) for p in site.root.rglob("*")) == before
