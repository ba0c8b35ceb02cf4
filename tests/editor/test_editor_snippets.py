"""The VS Code snippets complete front matter the way `repertoire check` wants it.

`.vscode/repertoire.code-snippets` is generated from the field declarations (`make schemas`)
and committed; it must be a fresh generation, and `make schemas` must rewrite exactly it. Each
kind's snippet, expanded as a contributor who presses Tab through it would (first choice of
each drop-down, text as selected, the ids they know typed in, their own words over the body's
`TODO:` lines), passes the check in a tiny site, with the same body `repertoire new` writes;
left untouched, its id placeholders fail the check.
Every required field is a tab stop, and only the fields the contract declares appear. Every
drop-down offers exactly the values the validator accepts, no more, no fewer. Every field
snippet, added to a file of its kind, keeps the file valid. Roles and kinds configured in
mkdocs.yml reach the snippets, and the command refuses a snippets path it must not write.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from repertoire_kit.cli.main import main
from repertoire_kit.cli.schemas import SNIPPETS_FILE
from repertoire_kit.core.authoring.editor_snippets import field_lines, snippets_text
from repertoire_kit.core.authoring.skeletons import Target, body_blocks, body_text, targets
from repertoire_kit.core.contract.fields import Field, FieldType, RecordSchema
from repertoire_kit.core.contract.schemas import (
    THEME_FIELDS,
    entry_schema,
    member_schema,
    path_schema,
    problem_schema,
    use_schema,
)
from repertoire_kit.core.load.project import load_project
from tests.support.sites import MINIMAL, ROOT, Site
from tests.support.snippet_expander import (
    VARIABLES,
    SnippetSyntaxError,
    Stop,
    expand,
    read_snippets_file,
)

COMMITTED = ROOT / SNIPPETS_FILE
PROJECT = load_project(ROOT / "mkdocs.yml")
STALE = f"the committed {SNIPPETS_FILE} is stale: run `make schemas` and commit the result"
KINDS = list(targets(PROJECT.settings))
NEW_FILE = "from-snippet"  # VARIABLES names the file this way
SECOND_CASE = MINIMAL["repertoire/cases/first-case.md"].replace("First case", "Second case")
# What a contributor types over the id placeholders: ids that exist in the tiny site.
KNOWN_IDS = {
    "problem-id": ["sampling"],
    "member-id": ["ann-lee"],
    "cases/entry-id": ["cases/first-case", "cases/second-case"],
}
RECORDS: dict[str, Callable[..., RecordSchema]] = {
    "entries": entry_schema,
    "members": member_schema,
    "problems": problem_schema,
    "paths": path_schema,
    "uses": use_schema,
}
FIELD_OF = re.compile(r"^(?P<name>\w+): field of (?P<kinds>.+)$")
CHOICE_LINE = re.compile(r"^\s*(?:- )?(?P<name>\w+): \[?(?P<stop>\$\{\d+\|.*\|\})\]?$")


def committed() -> dict[str, Any]:
    return read_snippets_file(COMMITTED)


def typing_known_ids() -> Callable[[Stop], str | None]:
    """A contributor replacing each id placeholder with an id that exists, in turn, and
    typing their own words over each `TODO:` line of the body (a member, problem type or path
    is published at once, so the check refuses a placeholder left there)."""
    remaining = {placeholder: list(ids) for placeholder, ids in KNOWN_IDS.items()}

    def fill(stop: Stop) -> str | None:
        if stop.default.startswith("TODO:"):
            return "Written by the contributor."
        ids = remaining.get(stop.default)
        return ids.pop(0) if ids else None

    return fill


def front_matter(text: str) -> dict[str, Any]:
    """The YAML between the fences, read as the check reads it."""
    _, yaml_text, _ = text.split("---\n", 2)
    data: dict[str, Any] = yaml.safe_load(yaml_text)
    return data


def body(text: str) -> str:
    return text.split("---\n", 2)[2].removeprefix("\n")


def target_of(kind: str) -> Target:
    return targets(PROJECT.settings)[kind]


def tiny_site(make_site: Callable[..., Site], files: dict[str, str]) -> Site:
    return make_site({"repertoire/cases/second-case.md": SECOND_CASE, **files})


def run_schemas(config: Any, out_dir: Any, *extra: str) -> int:
    return main(["--config", str(config), "schemas", str(out_dir), *extra])


# ----- generated, committed, regenerated ------------------------------------------------------


def test_the_committed_snippets_are_a_fresh_generation():
    assert COMMITTED.read_text(encoding="utf-8") == snippets_text(PROJECT.settings), STALE


def test_make_schemas_rewrites_exactly_the_committed_schemas_and_snippets(tmp_path):
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    for name in ("Makefile", "mkdocs.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "repertoire", tmp_path / "repertoire")
    result = subprocess.run(
        # -o: the venv is this one; do not (re)install it.
        [make, "-o", ".venv/.installed", "schemas", f"BIN={sys.executable.rsplit('/', 1)[0]}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / SNIPPETS_FILE).read_text(encoding="utf-8") == COMMITTED.read_text(
        encoding="utf-8"
    ), STALE
    for schema in (ROOT / "schemas").iterdir():
        assert (tmp_path / "schemas" / schema.name).read_text(encoding="utf-8") == schema.read_text(
            encoding="utf-8"
        ), schema.name


def test_the_committed_file_is_json_vscode_reads_with_markdown_snippets_only():
    snippets = committed()
    assert {snippet["scope"] for snippet in snippets.values()} == {"markdown"}
    assert all(isinstance(snippet["body"], list) for snippet in snippets.values())
    files = [name for name, snippet in snippets.items() if snippet.get("isFileTemplate")]
    assert files == [f"New {kind}" for kind in KINDS]


def test_vscode_lists_snippets_first_on_ctrl_space_and_leaves_prose_typing_alone():
    lines = (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8").splitlines()
    settings = json.loads("\n".join(line for line in lines if not line.lstrip().startswith("//")))
    markdown = settings["[markdown]"]
    assert markdown["editor.snippetSuggestions"] == "top"
    assert "editor.quickSuggestions" not in markdown
    assert "editor.tabCompletion" not in markdown


# ----- a whole new file ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_file_tabbed_through_with_known_ids_passes_the_check(make_site, kind):
    target = target_of(kind)
    expansion = expand(committed()[f"New {kind}"]["body"], fill=typing_known_ids())
    site = tiny_site(make_site, {f"repertoire/{target.folder}/{NEW_FILE}.md": expansion.text})
    result = site.check()
    assert result.returncode == 0, expansion.text + result.stdout
    assert result.stdout.strip() == "repertoire check: no problems found"


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_file_has_the_body_repertoire_new_writes(kind):
    expansion = expand(committed()[f"New {kind}"]["body"])
    assert body(expansion.text) == body_text(body_blocks(target_of(kind)))


def test_id_placeholders_left_as_they_are_fail_the_check(make_site):
    expansion = expand(committed()["New case"]["body"])
    site = tiny_site(make_site, {f"repertoire/cases/{NEW_FILE}.md": expansion.text})
    result = site.check()
    assert result.returncode == 1
    assert "'problem-id'" in result.stdout and "'member-id'" in result.stdout


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_file_has_a_tab_stop_on_every_required_field_and_only_declared_fields(kind):
    schema = target_of(kind).schema
    marked = expand(
        committed()[f"New {kind}"]["body"],
        fill=lambda stop: f"typed-{stop.number}",
        pick=lambda stop: f"picked-{stop.number}",
    )
    data = front_matter(marked.text)
    own_choices = {f.name for f in schema.fields if f.choices and f not in THEME_FIELDS}
    required = {f.name for f in schema.fields if f.required}
    draft = {"draft"} if target_of(kind).is_entry else set()
    assert set(data) == required | own_choices | draft
    for name in required:
        assert re.search(r"(typed|picked)-\d+", json.dumps(data[name])), name
    numbers = [stop.number for stop in marked.stops]
    assert numbers == list(range(1, len(numbers) + 1)), "tab stops in order, none repeated"


# ----- choices -------------------------------------------------------------------------------


def declared_fields(record: RecordSchema) -> list[Field]:
    """Every field of a record, including the fields of its lists of records and mappings."""
    return [f for spec in record.fields for f in (spec, *declared_fields_in(spec))]


def declared_fields_in(spec: Field) -> list[Field]:
    return [f for item in spec.item_fields for f in (item, *declared_fields_in(item))]


def accepted_values(spec: Field) -> set[str]:
    """The closed set the validator accepts for a field (empty when it is open)."""
    if spec.type is FieldType.BOOL:
        return {"true", "false"}
    return set(spec.choices)


def offered_choices(snippets: dict[str, Any]) -> dict[str, list[tuple[str, ...]]]:
    """Field name → every drop-down offered for it, across all snippets."""
    offered: dict[str, list[tuple[str, ...]]] = {}
    for snippet in snippets.values():
        for line in snippet["body"]:
            match = CHOICE_LINE.match(line)
            if match:
                [stop] = expand(match.group("stop")).stops
                offered.setdefault(match.group("name"), []).append(stop.choices)
    return offered


def test_every_drop_down_offers_exactly_the_values_the_validator_accepts():
    offered = offered_choices(committed())
    declared: dict[str, set[frozenset[str]]] = {}
    for build in RECORDS.values():
        for spec in declared_fields(build(PROJECT.settings)):
            if accepted_values(spec):
                declared.setdefault(spec.name, set()).add(frozenset(accepted_values(spec)))
    assert set(offered) == set(declared), "a field with a closed set of values has no drop-down"
    for name, drop_downs in offered.items():
        for values in drop_downs:
            assert len(values) == len(set(values)), name
            assert frozenset(values) in declared[name], name


def test_the_starting_role_comes_first_and_the_others_follow_as_declared():
    [role] = offered_choices({"member": committed()["New member"]})["role"]
    assert role == ("member", "steward", "core", "alumni")


# ----- one field at a time -------------------------------------------------------------------


def field_snippets_for(record_kinds: str, snippets: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for name, snippet in snippets.items():
        match = FIELD_OF.match(name)
        if match and record_kinds in match.group("kinds").split(", "):
            found.append(snippet)
    return found


def with_every_field_snippet(text: str, field_snippets: list[dict[str, Any]]) -> str:
    """A file with each field snippet's expansion added, unless it already has that field."""
    present = set(front_matter(text))
    _, yaml_text, rest = text.split("---\n", 2)
    for snippet in field_snippets:
        if snippet["prefix"] not in present:
            yaml_text += expand(snippet["body"], fill=typing_known_ids()).text + "\n"
    return f"---\n{yaml_text}---\n{rest}"


def test_every_field_snippet_added_to_a_file_of_its_kind_keeps_it_valid(make_site):
    snippets = committed()
    example_of = {
        "entries": "case",
        "members": "member",
        "problems": "problem",
        "paths": "path",
        "uses": "use",
    }
    files = {f"repertoire/assets/avatars/{NEW_FILE}.jpg": "an image"}
    for record_kinds, kind in example_of.items():
        declared = {f.name for f in RECORDS[record_kinds](PROJECT.settings).fields}
        for_kind = field_snippets_for(record_kinds, snippets)
        assert {s["prefix"] for s in for_kind} == declared, record_kinds
        start = expand(snippets[f"New {kind}"]["body"], fill=typing_known_ids()).text
        files[f"repertoire/{target_of(kind).folder}/{NEW_FILE}.md"] = with_every_field_snippet(
            start, for_kind
        )
    site = tiny_site(make_site, files)
    result = site.check()
    assert result.returncode == 0, json.dumps(files, indent=1) + result.stdout


@pytest.mark.parametrize(
    "example",
    ["Yes", "a: b", "2024-03-09", "[not a list]", "# not a comment", "Costs $5 {a} \\"],
)
def test_a_placeholder_yaml_would_misread_is_quoted_and_reads_back_as_written(example):
    [line] = field_lines(Field("note", FieldType.TEXT, example), PROJECT.settings)
    assert yaml.safe_load(expand(line).text) == {"note": example}


def test_a_placeholder_yaml_reads_as_written_stays_bare():
    [line] = field_lines(Field("note", FieldType.TEXT, "Plain words."), PROJECT.settings)
    assert line == "note: ${1:Plain words.}"


# ----- following mkdocs.yml ------------------------------------------------------------------

CONFIGURED = """\
roles: [lead, member, guest]
kinds:
  - {folder: cases, singular: case, plural: cases}
  - {folder: guides, singular: guide, plural: guides}
"""


def test_roles_and_kinds_from_mkdocs_yml_reach_the_snippets(make_site, capsys):
    site = make_site(options=CONFIGURED)
    snippets_file = site.root / SNIPPETS_FILE
    assert (
        run_schemas(
            site.root / "mkdocs.yml", site.root / "schemas", "--snippets", str(snippets_file)
        )
        == 0
    )
    assert f"wrote the editor snippets to {snippets_file}" in capsys.readouterr().out
    snippets = read_snippets_file(snippets_file)
    assert [n for n, s in snippets.items() if s.get("isFileTemplate")] == [
        "New case",
        "New guide",
        "New member",
        "New problem",
        "New path",
        "New use",
    ]
    assert snippets["New guide"]["prefix"] == ["guide", "repertoire-guide"]
    [role] = offered_choices({"member": snippets["New member"]})["role"]
    assert role == ("member", "lead", "guest")
    guide = expand(snippets["New guide"]["body"], fill=typing_known_ids()).text
    member = expand(snippets["New member"]["body"], fill=typing_known_ids()).text
    site.write(
        {
            "repertoire/guides/reading-a-budget.md": guide,
            f"repertoire/members/{NEW_FILE}.md": member,
        }
    )
    result = site.check()
    assert result.returncode == 0, result.stdout
    assert "## Context" in guide  # a configured kind gets the neutral sections


@pytest.mark.parametrize(
    ("target", "why"),
    [(".vscode", "is a folder"), ("repertoire/x.code-snippets", "is inside the docs folder")],
)
def test_the_command_refuses_a_snippets_path_it_must_not_write(make_site, capsys, target, why):
    site = make_site()
    (site.root / ".vscode").mkdir()
    before = sorted(p.relative_to(site.root) for p in site.root.rglob("*"))
    assert (
        run_schemas(
            site.root / "mkdocs.yml", site.root / "schemas", "--snippets", str(site.root / target)
        )
        == 2
    )
    assert why in capsys.readouterr().err
    assert sorted(p.relative_to(site.root) for p in site.root.rglob("*")) == before


# ----- the expander used above reads VS Code's syntax ---------------------------------------


def test_the_expander_reads_stops_choices_variables_and_escapes():
    result = expand(r"a ${1:b ${2:c}} ${3|x\,y,z|} $4 \$5 \} $CURRENT_YEAR ${TM_FILENAME_BASE}")
    assert result.text == "a b c x,y  $5 } 2024 from-snippet"
    assert [(s.number, s.default, s.choices) for s in result.stops] == [
        (2, "c", ()),
        (1, "b c", ()),
        (3, "", ("x,y", "z")),
        (4, "", ()),
    ]
    assert expand("${1:a}", fill=lambda stop: "typed").text == "typed"
    assert expand("${1|a,b|}", pick=lambda stop: stop.choices[1]).text == "b"
    assert VARIABLES["CURRENT_MONTH"] == "03"


@pytest.mark.parametrize("broken", ["$UNKNOWN_VARIABLE", "${1|a,b", "${1:a"])
def test_the_expander_rejects_what_vscode_would_not_expand_as_meant(broken):
    with pytest.raises(SnippetSyntaxError):
        expand(broken)
