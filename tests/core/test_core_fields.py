"""The strict YAML reader and the field contract, as plain functions.

Proves that a bare value YAML would silently convert (NO, on, yes, 1.10, 12:30, 2024-01-01)
where text is expected is an error at its exact line and column telling to quote it; that
impossible or malformed dates, duplicate keys, YAML syntax errors, unknown keys (with
did-you-mean), ids that are not slugs, disallowed link schemes and wrong shapes are all
reported at their place; and that anchors/aliases (alias bombs), foreign tags and deep nesting
are refused before anything is built from them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from repertoire_kit.core.contract.fields import RecordSchema, convert_fields
from repertoire_kit.core.contract.schemas import (
    SUMMARY_MAX,
    entry_schema,
    member_schema,
    path_schema,
    problem_schema,
)
from repertoire_kit.core.contract.yaml_reader import MAX_DEPTH, compose_front_matter
from repertoire_kit.core.diagnostics import Diagnostic, Diagnostics
from repertoire_kit.core.settings import Kind, Settings
from tests.support.core import ENTRY_FIELDS

PATH = "repertoire/cases/x.md"
FIRST_LINE = 2  # the YAML starts on the line after the opening '---'
ENTRY = entry_schema(Settings())
MEMBER = member_schema(Settings())
PROBLEM = problem_schema(Settings())


def convert(
    yaml_text: str, schema: RecordSchema = ENTRY
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """Read and convert front matter; the values (or None) and every diagnostic, sorted."""
    diags = Diagnostics()
    root = compose_front_matter(yaml_text, PATH, FIRST_LINE, diags)
    fields = None if root is None else convert_fields(root, schema, PATH, FIRST_LINE, diags)
    values = None if fields is None else {name: item.value for name, item in fields.items()}
    return values, diags.sorted()


def entry_yaml(**overrides: str | None) -> str:
    """A valid entry's YAML (title on file line 2 ... date on line 6) with fields replaced."""
    values = {**ENTRY_FIELDS, **overrides}
    return "".join(f"{key}: {value}\n" for key, value in values.items() if value is not None)


def where(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.field) for d in diagnostics]


def test_a_valid_entry_converts_to_typed_values() -> None:
    values, diagnostics = convert(entry_yaml() + "updated: 2024-04-02\ntags: [payroll, '1.10']\n")
    assert diagnostics == []
    assert values == {
        "title": "A test case",
        "summary": "A case written by a test.",
        "problem_types": ("sampling",),
        "contributors": ("ann-lee",),
        "date": dt.date(2024, 3, 1),
        "updated": dt.date(2024, 4, 2),
        "tags": ("payroll", "1.10"),
    }


# --- bare values that YAML would convert -------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reads_as"),
    [
        ("NO", "a yes/no value"),
        ("no", "a yes/no value"),
        ("on", "a yes/no value"),
        ("Off", "a yes/no value"),
        ("yes", "a yes/no value"),
        ("true", "a yes/no value"),
        ("1.10", "a number"),
        ("1", "a number"),
        ("0x1F", "a number"),
        ("6.02e+23", "a number"),
        (".inf", "a number"),
        ("12:30", "base-60 number"),
        ("2024-01-01", "a date"),
        ("~", None),
        ("null", None),
    ],
)
def test_a_bare_value_where_text_is_expected_says_to_quote_it(
    raw: str, reads_as: str | None
) -> None:
    values, diagnostics = convert(entry_yaml(title=raw))
    assert values is None
    assert where(diagnostics) == [(2, 8, "title")]
    if reads_as is None:  # YAML's null: the field is empty
        assert diagnostics[0].message == "is empty"
    else:
        assert diagnostics[0].message.startswith(f"'{raw}' is read by YAML as ")
        assert reads_as in diagnostics[0].message
        assert diagnostics[0].hint == f'put it in quotes: title: "{raw}"'


def test_the_quote_hint_points_at_the_exact_column_of_a_later_field() -> None:
    values, diagnostics = convert(entry_yaml(summary="1.10"))
    assert where(diagnostics) == [(3, 10, "summary")]
    assert diagnostics[0].hint == 'put it in quotes: summary: "1.10"'


def test_a_bare_value_inside_a_list_is_located_at_the_item() -> None:
    values, diagnostics = convert(entry_yaml() + "tags: [budget, on, 'yes']\n")
    assert where(diagnostics) == [(7, 16, "tags[1]")]
    assert diagnostics[0].hint == 'put it in quotes: "on"'


@pytest.mark.parametrize("raw", ['"NO"', "'on'", '"1.10"', "'12:30'", '"2024-01-01"', "!!str yes"])
def test_quoted_or_explicitly_tagged_values_stay_text(raw: str) -> None:
    values, diagnostics = convert(entry_yaml(title=raw))
    assert diagnostics == []
    assert values is not None
    assert values["title"] == raw.split(" ")[-1].strip("'\"")


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2024-02-30", "'2024-02-30' is not a real date"),
        ("2023-02-29", "'2023-02-29' is not a real date"),
        ("2024-13-01", "'2024-13-01' is not a real date"),
        ("2024-00-10", "'2024-00-10' is not a real date"),
        ("2024-3-1", "'2024-3-1' is not a date (YYYY-MM-DD)"),
        ("01/03/2024", "'01/03/2024' is not a date (YYYY-MM-DD)"),
        ("12:30", "'12:30' is not a date (YYYY-MM-DD)"),
        ("2024-03-01T10:00:00", "'2024-03-01T10:00:00' is not a date (YYYY-MM-DD)"),
        ("2024", "'2024' is not a date (YYYY-MM-DD)"),
    ],
)
def test_impossible_and_malformed_dates_are_errors(raw: str, message: str) -> None:
    values, diagnostics = convert(entry_yaml(date=raw))
    assert values is None
    assert where(diagnostics) == [(6, 7, "date")]
    assert diagnostics[0].message == message


@pytest.mark.parametrize("raw", ["2024-02-29", "'2024-02-29'", '"2024-02-29"'])
def test_a_real_date_is_accepted_bare_or_quoted(raw: str) -> None:
    values, diagnostics = convert(entry_yaml(date=raw))
    assert diagnostics == []
    assert values is not None and values["date"] == dt.date(2024, 2, 29)


@pytest.mark.parametrize(("raw", "expected"), [("2017", 2017), ("2017-09-04", dt.date(2017, 9, 4))])
def test_joined_takes_a_year_or_a_date(raw: str, expected: object) -> None:
    values, diagnostics = convert(f"name: Ann Lee\njoined: {raw}\n", MEMBER)
    assert diagnostics == []
    assert values is not None and values["joined"] == expected


def test_joined_rejects_an_impossible_date() -> None:
    values, diagnostics = convert("name: Ann Lee\njoined: 2019-02-30\n", MEMBER)
    assert where(diagnostics) == [(3, 9, "joined")]
    assert diagnostics[0].message == "'2019-02-30' is not a real date"


# --- keys -----------------------------------------------------------------------------------------


def test_a_duplicate_key_is_reported_where_it_repeats() -> None:
    values, diagnostics = convert(entry_yaml() + "title: The same title again\n")
    assert values is None
    assert where(diagnostics) == [(7, 1, "title")]
    assert diagnostics[0].message == "'title' is given twice (first on line 2)"


def test_a_duplicate_key_inside_a_link_is_reported_with_its_path() -> None:
    yaml_text = "name: Ann\nlinks:\n  - label: A\n    url: https://a.org\n    label: B\n"
    values, diagnostics = convert(yaml_text, MEMBER)
    assert where(diagnostics) == [(6, 5, "links[0].label")]


@pytest.mark.parametrize(
    ("wrong", "right", "schema"),
    [
        ("sumary", "summary", ENTRY),
        ("problem_type", "problem_types", ENTRY),
        ("contributor", "contributors", ENTRY),
        ("Title", "title", ENTRY),
        ("tag", "tags", ENTRY),
        ("releated", "related", ENTRY),
        ("afiliation", "affiliation", MEMBER),
        ("parnet", "parent", PROBLEM),
    ],
)
def test_an_unknown_key_suggests_the_closest_field(
    wrong: str, right: str, schema: RecordSchema
) -> None:
    required = {"entry": entry_yaml(), "member": "name: Ann\n", "problem": "title: Sampling\n"}
    values, diagnostics = convert(required[schema.name] + f"{wrong}: x\n", schema)
    unknown = [d for d in diagnostics if d.field == wrong]
    assert len(unknown) == 1
    line = 2 + required[schema.name].count("\n")
    assert (unknown[0].line, unknown[0].col) == (line, 1)
    assert unknown[0].message == f"unknown field '{wrong}'"
    assert unknown[0].hint == f"did you mean '{right}'?"


def test_an_unknown_key_with_nothing_close_lists_the_fields() -> None:
    values, diagnostics = convert("title: Sampling\nxyzzy: 1\n", PROBLEM)
    assert where(diagnostics) == [(3, 1, "xyzzy")]
    assert diagnostics[0].hint.startswith("the fields here are: ")
    assert "parent" in diagnostics[0].hint


def test_a_misspelt_required_key_reports_both_the_unknown_and_the_missing_field() -> None:
    values, diagnostics = convert(entry_yaml(summary=None) + "sumary: Misspelt.\n")
    assert where(diagnostics) == [(1, 1, "summary"), (6, 1, "sumary")]
    assert diagnostics[0].message == "required field 'summary' is missing"


def test_a_key_that_is_not_plain_text_is_refused() -> None:
    values, diagnostics = convert(entry_yaml() + "? [a, b]\n: c\n")
    assert where(diagnostics) == [(7, 3, "front matter")]


# --- YAML syntax ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_text", "line", "col", "problem"),
    [
        ("title: ok\n  summary: indented\n", 3, 10, "mapping values are not allowed"),
        ("title: ok\nproblem_types: [a, b\ndate: 2024-01-01\n", 4, 5, "did not find expected ','"),
        ("title: ok\ntags: [a, b\n", 3, 7, "did not find expected ','"),
        ('title: "never closed\nsummary: x\n', 2, 8, "unexpected end of stream"),
        ("title: ok\n- item\n", 3, 1, "did not find expected key"),
        ("title: @home\n", 2, 8, "cannot start any token"),
        ("title: `code`\n", 2, 8, "cannot start any token"),
    ],
)
def test_yaml_syntax_errors_have_line_and_column(
    yaml_text: str, line: int, col: int, problem: str
) -> None:
    values, diagnostics = convert(yaml_text)
    assert values is None
    assert where(diagnostics) == [(line, col, "front matter")]
    assert diagnostics[0].message.startswith("YAML syntax error: ")
    assert problem in diagnostics[0].message


# --- refused structure: aliases, tags, depth ------------------------------------------------------


def test_an_alias_bomb_is_refused_at_its_first_anchor() -> None:
    bomb = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
    values, diagnostics = convert("l0: &l0 [lol]\n" + bomb)
    assert values is None
    assert where(diagnostics) == [(2, 5, "front matter")]
    assert "anchors and aliases" in diagnostics[0].message


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['echo hi']",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!custom thing",
    ],
)
def test_foreign_tags_are_refused(value: str) -> None:
    values, diagnostics = convert(entry_yaml(title=value))
    assert values is None
    assert where(diagnostics) == [(2, 8, "front matter")]
    assert "YAML tag" in diagnostics[0].message and "is not allowed" in diagnostics[0].message


@pytest.mark.parametrize("style", ["flow", "block"])
def test_nesting_deeper_than_the_limit_is_refused(style: str) -> None:
    levels = MAX_DEPTH + 3
    if style == "flow":
        nested = "tags: " + "[" * levels + "x" + "]" * levels + "\n"
    else:
        nested = "".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + "leaf\n"
    values, diagnostics = convert(nested)
    assert values is None
    assert len(diagnostics) == 1
    assert diagnostics[0].field == "front matter"
    assert f"nested more than {MAX_DEPTH} levels" in diagnostics[0].message


def test_pathological_nesting_is_refused_without_crashing() -> None:
    values, diagnostics = convert("tags: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert values is None
    assert [d.field for d in diagnostics] == ["front matter"]


# --- shapes, lengths, ids, choices, links ---------------------------------------------------------


@pytest.mark.parametrize(
    ("override", "expected", "message"),
    [
        (
            {"problem_types": "sampling"},
            (4, 16, "problem_types"),
            "expected a list, found the single value 'sampling'",
        ),
        ({"contributors": "[]"}, (5, 15, "contributors"), "needs at least 1 item"),
        (
            {"contributors": "[ann-lee, ann-lee]"},
            (5, 25, "contributors[1]"),
            "'ann-lee' is listed twice",
        ),
        ({"title": "{a: b}"}, (2, 8, "title"), "expected text, found a set of 'key: value' fields"),
        ({"title": "''"}, (2, 8, "title"), "is empty"),
        ({"title": None}, (1, 1, "title"), "required field 'title' is missing"),
        (
            {"title": '"Budget\\a review"'},
            (2, 8, "title"),
            "contains the invisible control character U+0007",
        ),
    ],
)
def test_wrong_shapes_are_reported_at_the_value(
    override: dict[str, str | None], expected: tuple[int, int, str], message: str
) -> None:
    values, diagnostics = convert(entry_yaml(**override))
    assert values is None
    assert where(diagnostics) == [expected]
    assert diagnostics[0].message == message


def test_summary_may_have_280_characters_but_not_281() -> None:
    values, diagnostics = convert(entry_yaml(summary="s" * SUMMARY_MAX))
    assert diagnostics == []
    values, diagnostics = convert(entry_yaml(summary="s" * (SUMMARY_MAX + 1)))
    assert where(diagnostics) == [(3, 10, "summary")]
    assert diagnostics[0].message == (
        f"is {SUMMARY_MAX + 1} characters long; at most 280 are allowed"
    )


@pytest.mark.parametrize(
    "wrong", ["Ann_Lee", "Ann", "ann--lee", "-ann", "ann-", "ann lee", "ann.lee"]
)
def test_ids_that_are_not_slugs_are_errors(wrong: str) -> None:
    values, diagnostics = convert(entry_yaml(contributors=f"['{wrong}']"))
    assert where(diagnostics) == [(5, 16, "contributors[0]")]
    assert diagnostics[0].message == f"'{wrong}' is not a valid id"


def test_a_problem_parent_that_is_not_a_slug_is_an_error() -> None:
    values, diagnostics = convert("title: Sampling\nparent: Field_Work\n", PROBLEM)
    assert where(diagnostics) == [(3, 9, "parent")]


@pytest.mark.parametrize(
    ("field", "raw", "hint"),
    [
        ("level", "expret", "did you mean 'expert'?"),
        ("draft", "yes", "write true or false"),
        ("draft", "'true'", "write true or false"),
        ("hide", "[navigaton]", "did you mean 'navigation'?"),
    ],
)
def test_choices_and_booleans_are_strict(field: str, raw: str, hint: str) -> None:
    values, diagnostics = convert(entry_yaml() + f"{field}: {raw}\n")
    assert values is None
    assert len(diagnostics) == 1 and diagnostics[0].line == 7
    assert diagnostics[0].field.startswith(field)
    assert diagnostics[0].hint == hint


def test_a_role_outside_the_configured_list_suggests_the_closest() -> None:
    values, diagnostics = convert("name: Ann\nrole: stewart\n", MEMBER)
    assert where(diagnostics) == [(3, 7, "role")]
    assert diagnostics[0].hint == "did you mean 'steward'?"
    custom = member_schema(Settings(roles=("chair", "member")))
    values, diagnostics = convert("name: Ann\nrole: chair\n", custom)
    assert diagnostics == []


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "ftp://example.org/",
        "//example.org/",
        "example.org",
        "https://exa mple.org/",
    ],
)
def test_member_links_must_be_https_or_mailto(url: str) -> None:
    yaml_text = f"name: Ann\nlinks:\n  - label: Site\n    url: '{url}'\n"
    values, diagnostics = convert(yaml_text, MEMBER)
    assert values is None
    assert where(diagnostics) == [(5, 10, "links[0].url")]
    assert diagnostics[0].hint == "links must start with https: or mailto:"


def test_https_and_mailto_links_are_accepted() -> None:
    yaml_text = (
        "name: Ann\nlinks:\n  - label: Site\n    url: https://example.org/ann\n"
        "  - label: Mail\n    url: mailto:ann@example.org\n"
    )
    values, diagnostics = convert(yaml_text, MEMBER)
    assert diagnostics == []
    assert values is not None
    assert values["links"] == (
        {"label": "Site", "url": "https://example.org/ann"},
        {"label": "Mail", "url": "mailto:ann@example.org"},
    )


@pytest.mark.parametrize(
    ("avatar", "message"),
    [
        ("http://example.org/a.png", "is not an https URL or a path inside the docs folder"),
        ("../outside/a.png", "is not an https URL or a path inside the docs folder"),
        ("/etc/a.png", "is not an https URL or a path inside the docs folder"),
        ("assets/avatars/ann.pdf", "is not an image file"),
    ],
)
def test_avatar_must_be_https_or_an_image_path_inside_the_docs(avatar: str, message: str) -> None:
    values, diagnostics = convert(f"name: Ann\navatar: '{avatar}'\n", MEMBER)
    assert where(diagnostics) == [(3, 9, "avatar")]
    assert message in diagnostics[0].message


def test_every_problem_of_one_file_is_reported_in_one_run() -> None:
    yaml_text = entry_yaml(title="NO", date="2024-02-30") + "sumary: x\nlevel: guru\n"
    values, diagnostics = convert(yaml_text)
    assert where(diagnostics) == [
        (2, 8, "title"),
        (6, 7, "date"),
        (7, 1, "sumary"),
        (8, 8, "level"),
    ]


def test_a_value_with_a_colon_gets_the_quoted_line_to_write() -> None:
    values, diagnostics = convert("title: Budget: the sequel\n")
    assert values is None
    assert where(diagnostics) == [(2, 14, "title")]
    assert diagnostics[0].message == (
        "the value contains ': ', which YAML reads as the start of another field"
    )
    assert diagnostics[0].hint == 'put the value in quotes: title: "Budget: the sequel"'


def test_the_schemas_name_the_configured_kinds() -> None:
    settings = Settings(kinds=(Kind("guides", "guide", "guides"), Kind("notes", "note", "notes")))
    entry = entry_schema(settings)
    assert entry.title == "Entry (guide or note)"
    related = entry.field("related")
    assert related is not None and "(guides/…)" in related.description
    steps = path_schema(settings).field("steps")
    assert steps is not None and steps.item_fields[0].description == (
        "The entry id (guides/…, notes/…)."
    )
