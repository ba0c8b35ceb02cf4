"""A field added to the contract is one declaration: checked, in the JSON Schema and offered.

These tests declare two extra optional entry fields through the same API the contract uses
(`Field` in `contract.schemas.ENTRY_FIELDS`) and touch no other code: a closed choice and a
reference to a member. The check reports a wrong value at the line it was written on (and an
unknown member id through the reference checks, from `refers_to` alone), the editors' JSON
Schema describes them, and the VS Code snippets offer them.
"""

from __future__ import annotations

import pytest

from repertoire_kit.core.authoring.editor_snippets import snippet_documents
from repertoire_kit.core.authoring.json_schema import schema_documents
from repertoire_kit.core.contract import schemas
from repertoire_kit.core.contract.fields import Field, FieldType
from repertoire_kit.core.model import RecordType
from repertoire_kit.core.settings import Settings
from tests.support.core import EXTRA_LINE, Tree, entry_text

REGION = Field("region", FieldType.CHOICE, "Where it happened.", choices=("europe", "asia"))
REVIEWER = Field(
    "reviewer", FieldType.ID, "The member who reviewed it.", refers_to=RecordType.MEMBER
)


@pytest.fixture(autouse=True)
def extra_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schemas, "ENTRY_FIELDS", (*schemas.ENTRY_FIELDS, REGION, REVIEWER))


def test_a_valid_value_loads(tree: Tree) -> None:
    tree.write("cases/extra.md", entry_text("region: asia\nreviewer: ann-lee\n"))
    assert tree.diagnostics() == []


def test_a_wrong_choice_is_reported_at_its_line(tree: Tree) -> None:
    tree.write("cases/extra.md", entry_text("reviewer: ann-lee\nregion: mars\n"))
    [problem] = tree.diagnostics()
    assert (problem.path, problem.line, problem.field) == (
        "repertoire/cases/extra.md",
        EXTRA_LINE + 1,
        "region",
    )
    assert problem.message == "'mars' is not one of: europe, asia"


def test_an_unknown_reference_is_reported_at_its_line(tree: Tree) -> None:
    tree.write("cases/extra.md", entry_text("reviewer: ann-le\n"))
    [problem] = tree.diagnostics()
    assert (problem.line, problem.field, problem.message) == (
        EXTRA_LINE,
        "reviewer",
        "unknown member 'ann-le'",
    )
    assert "ann-lee" in problem.hint


def test_the_json_schema_describes_them() -> None:
    properties = schema_documents(Settings())["entry.schema.json"]["properties"]
    assert properties["region"] == {
        "type": "string",
        "enum": ["europe", "asia"],
        "description": "Where it happened.",
    }
    assert properties["reviewer"]["description"] == "The member who reviewed it."
    assert properties["reviewer"]["type"] == "string"


def test_the_snippets_offer_them() -> None:
    snippets = snippet_documents(Settings())
    assert snippets["region: field of entries"]["body"] == ["region: ${1|europe,asia|}"]
    assert snippets["reviewer: field of entries"]["body"] == ["reviewer: ${1:member-id}"]
