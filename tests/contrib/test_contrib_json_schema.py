"""The editor schemas follow the contract: derived from it, published, accepting, rejecting.

Each JSON Schema (draft 2020-12) is valid, lists exactly the declared fields with their required
flags, accepts the front matter of every file of the sample repertoire, and rejects the front
matter of the broken-input suite wherever the defect is visible to a schema (what only the
check can see, such as unknown ids or YAML 1.1's `NO`, is listed and stays the check's job).
The built site serves the same documents under /schemas/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from repertoire_kit.core.authoring.json_schema import schema_documents
from repertoire_kit.core.contract.schemas import (
    entry_schema,
    member_schema,
    path_schema,
    problem_schema,
)
from repertoire_kit.core.load.project import load_project
from repertoire_kit.core.settings import Settings
from tests.support.contrib import front_matter_text, load_yaml12
from tests.support.sites import ROOT

SETTINGS = load_project(ROOT / "mkdocs.yml").settings
DOCUMENTS = schema_documents(SETTINGS)
FOLDER_SCHEMA = {
    "members": "member.schema.json",
    "problems": "problem.schema.json",
    "paths": "path.schema.json",
    "uses": "use.schema.json",
}
BROKEN = ROOT / "tests" / "fixtures" / "broken"
# Fixtures of the broken-input suite whose defect a schema can see, read as YAML 1.2.
SCHEMA_VISIBLE = (
    "cases/bare-number-as-text.md",
    "cases/control-character.md",
    "cases/date-not-iso.md",
    "cases/draft-not-boolean.md",
    "cases/empty-list.md",
    "cases/front-matter-not-a-mapping.md",
    "cases/id-not-a-slug.md",
    "cases/impossible-date.md",
    "cases/missing-required-field.md",
    "cases/single-value-for-list.md",
    "cases/summary-too-long.md",
    "cases/unknown-field-plural.md",
    "cases/unknown-field.md",
    "cases/unknown-level.md",
    "cases/yaml-alias-bomb.md",
    "members/link-javascript.md",
    "members/link-not-https.md",
    "members/missing-name.md",
    "members/unknown-role.md",
)
# Defects only `repertoire check` finds: references, YAML 1.1 readings, the body, the file.
CHECK_ONLY = (
    "cases/bare-boolean-as-text.md",
    "cases/bare-boolean-in-list.md",
    "cases/bare-date-as-text.md",
    "cases/bare-time-as-text.md",
    "cases/dangerous-link.md",
    "cases/dangerous-markup.md",
    "cases/related-to-itself.md",
    "cases/related-to-nothing.md",
    "cases/unknown-contributor.md",
    "cases/unknown-problem-type.md",
    "cases/updated-before-date.md",
    "members/avatar-missing.md",
    "problems/parent-self.md",
    "problems/parent-unknown.md",
)


def validator(name: str) -> Draft202012Validator:
    """A validator that also checks `format: date`, as editors do."""
    return Draft202012Validator(DOCUMENTS[name], format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_for(docs_path: str) -> str:
    folder = docs_path.split("/", 1)[0]
    return FOLDER_SCHEMA.get(folder, "entry.schema.json")


def errors(name: str, data: Any) -> list[str]:
    return [error.message for error in validator(name).iter_errors(data)]


def test_one_valid_draft_2020_12_schema_per_kind_of_front_matter():
    assert sorted(DOCUMENTS) == [
        "entry.schema.json",
        "member.schema.json",
        "path.schema.json",
        "problem.schema.json",
        "use.schema.json",
    ]
    for document in DOCUMENTS.values():
        Draft202012Validator.check_schema(document)
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert document["additionalProperties"] is False


@pytest.mark.parametrize(
    ("name", "record"),
    [
        ("entry.schema.json", entry_schema),
        ("member.schema.json", member_schema),
        ("problem.schema.json", problem_schema),
        ("path.schema.json", path_schema),
    ],
)
def test_properties_and_required_fields_are_the_declared_ones(name, record):
    declared = record(SETTINGS)
    document = DOCUMENTS[name]
    assert list(document["properties"]) == [f.name for f in declared.fields]
    assert document["required"] == [f.name for f in declared.fields if f.required]
    for spec in declared.fields:
        assert document["properties"][spec.name]["description"] == spec.description


def test_configured_choices_reach_the_schema():
    documents = schema_documents(Settings(roles=("chair", "member")))
    assert documents["member.schema.json"]["properties"]["role"]["enum"] == ["chair", "member"]
    assert errors("member.schema.json", {"name": "A", "role": "chair"})  # not in the sample's list
    chair = Draft202012Validator(documents["member.schema.json"])
    assert chair.is_valid({"name": "A", "role": "chair"})


SAMPLE_FILES = sorted(
    p.relative_to(ROOT / "repertoire").as_posix()
    for p in (ROOT / "repertoire").glob("*/*.md")
    if p.parent.name in {*FOLDER_SCHEMA, *(k.folder for k in SETTINGS.kinds)}
)


@pytest.mark.parametrize("docs_path", SAMPLE_FILES)
def test_every_sample_file_is_accepted(docs_path):
    data = load_yaml12(front_matter_text(ROOT / "repertoire" / docs_path))
    assert errors(schema_for(docs_path), data) == []


def test_the_sample_covers_every_kind_of_front_matter():
    assert {schema_for(p) for p in SAMPLE_FILES} == set(DOCUMENTS)


@pytest.mark.parametrize("fixture", SCHEMA_VISIBLE)
def test_broken_inputs_a_schema_can_see_are_rejected(fixture):
    data = load_yaml12(front_matter_text(BROKEN / fixture))
    assert errors(schema_for(fixture), data), f"{fixture} was accepted"


@pytest.mark.parametrize("fixture", CHECK_ONLY)
def test_defects_beyond_a_schema_are_left_to_the_check(fixture):
    data = load_yaml12(front_matter_text(BROKEN / fixture))
    assert errors(schema_for(fixture), data) == []


VALID_ENTRY: dict[str, Any] = {
    "title": "Payroll",
    "summary": "What we found.",
    "problem_types": ["sampling"],
    "contributors": ["ann-lee"],
    "date": "2024-03-01",
}


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"title": None}, "missing title"),
        ({"authors": ["ann-lee"]}, "unknown key"),
        ({"contributors": "ann-lee"}, "a single value for a list"),
        ({"title": 12}, "a number for text"),
        ({"draft": "true"}, "text for a boolean"),
        ({"date": "2024-3-1"}, "a date not written YYYY-MM-DD"),
        ({"date": "2024-02-30"}, "an impossible date"),
        ({"updated": "01/03/2024"}, "a date in another format"),
        ({"related": ["payroll"]}, "an entry id without its folder"),
        ({"problem_types": ["Sampling"]}, "an id with capitals"),
        ({"problem_types": ["sampling", "sampling"]}, "a repeated id"),
        ({"title": "   "}, "blank text"),
        ({"level": "beginner"}, "a level that is not a choice"),
        ({"hide": ["sidebar"]}, "a hide value that is not a choice"),
        ({"search": {"exclude": True, "rank": 2}}, "an unknown key in a mapping"),
    ],
)
def test_the_entry_schema_rejects_broken_front_matter(change, why):
    data = {key: value for key, value in {**VALID_ENTRY, **change}.items() if value is not None}
    assert errors("entry.schema.json", VALID_ENTRY) == []
    assert errors("entry.schema.json", data), why


@pytest.mark.parametrize(
    ("member", "valid"),
    [
        ({"name": "A", "joined": 2019}, True),
        ({"name": "A", "joined": "2019-05-14"}, True),
        ({"name": "A", "joined": "May 2019"}, False),
        ({"name": "A", "avatar": "assets/avatars/a.JPG"}, True),
        ({"name": "A", "avatar": "https://example.org/a.png"}, True),
        ({"name": "A", "avatar": "../outside.png"}, False),
        ({"name": "A", "avatar": "/etc/a.png"}, False),
        ({"name": "A", "avatar": "assets/a.pdf"}, False),
        ({"name": "A", "links": [{"label": "Mail", "url": "MAILTO:a@example.org"}]}, True),
        ({"name": "A", "links": [{"label": "Site", "url": "http://example.org"}]}, False),
        ({"name": "A", "links": [{"label": "Site"}]}, False),
    ],
)
def test_the_member_schema_follows_the_validator_on_dates_images_and_links(member, valid):
    assert (errors("member.schema.json", member) == []) is valid


def test_a_path_needs_two_steps_with_entry_ids():
    path = {
        "title": "P",
        "summary": "S",
        "audience": "A",
        "steps": [{"entry": "cases/a", "note": "n"}, {"entry": "tools/b", "note": "n"}],
    }
    assert errors("path.schema.json", path) == []
    assert errors("path.schema.json", {**path, "steps": path["steps"][:1]})
    assert errors("path.schema.json", {**path, "steps": [{"entry": "a", "note": "n"}] * 2})


def test_the_built_site_publishes_the_schemas(sample_site):
    for name, document in DOCUMENTS.items():
        published = json.loads((Path(sample_site.site_dir) / "schemas" / name).read_text("utf-8"))
        assert published == document
        assert published["$id"] == f"https://example.org/repertoire/schemas/{name}"
