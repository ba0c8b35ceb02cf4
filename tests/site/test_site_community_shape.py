"""A community's own shape in mkdocs.yml: its kinds and their sections, labelled roles and
levels, and fields of its own.

A site of night-shift nurses (protocols and stories, charge nurses, a `shift` choice field
shown in the panel, the listings and the explore filters) is built with the plugin and read
back; every expected value is taken from the fixture below. `repertoire new protocol` writes
the protocol's configured sections, a wrong shift is reported at its line with a
did-you-mean, and the field reaches repertoire.json, the editors' JSON Schema and snippets.
A mistake in these options gets the same words from `repertoire check` and from the build.
"""

from __future__ import annotations

import re

import pytest

from repertoire_kit.core import load_project, schema_documents, snippets_text
from tests.support.community_shape import CONFIG, FILES, PROTOCOL, SHIFT, build_nurses
from tests.support.contrib import fill_placeholders, run_cli


def _label(choice: object) -> str:
    """A choice's label as configured, else its id."""
    return choice.get("label", choice["id"]) if isinstance(choice, dict) else str(choice)


def _id(choice: object) -> str:
    return choice["id"] if isinstance(choice, dict) else str(choice)


def _front_matter_value(text: str, key: str) -> str:
    return re.search(rf"^{key}: (.+)$", text, re.MULTILINE).group(1)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def nurses(tmp_path_factory):
    """The nurses' site, built once (strict)."""
    return build_nurses(tmp_path_factory.mktemp("nurses") / "project")


def test_the_custom_field_shows_in_the_panel_with_its_label_and_the_choices_label(nurses):
    page = nurses.html("protocols/bed-rails/")
    value = _front_matter_value(FILES["repertoire/protocols/bed-rails.md"], "shift")
    label = next(_label(c) for c in SHIFT["choices"] if _id(c) == value)
    panel = page.split('class="rep-panel"', 1)[1].split("</div>", 1)[0]
    assert f'<li class="rep-custom"><strong>{SHIFT["label"]}:</strong> {label}</li>' in panel
    level = next(_label(c) for c in CONFIG["levels"] if _id(c) == "senior")
    assert f"<strong>Level:</strong> {level}" in panel
    # a field not asked for in the panel stays out of it
    assert "Ward 7" not in panel


def test_listings_show_the_fields_asked_for_there(nurses):
    listing = nurses.html("protocols/")
    assert f'<span class="rep-custom">{SHIFT["label"]}: Evening shift</span>' in listing
    assert '<span class="rep-custom">Ward: Ward 7</span>' in listing


def test_roles_are_headed_by_their_labels_and_described(nurses):
    members = nurses.html("members/")
    charge = CONFIG["roles"][0]
    assert f"{charge['label']} (1)" in members
    assert charge["description"] in members
    assert "Charge-nurse" not in members
    panel = nurses.html("members/ann-lee/")
    assert f"<strong>Role:</strong> {charge['label']}" in panel


def test_repertoire_json_has_the_fields_their_values_and_the_labels(nurses):
    export = nurses.json()
    declared = {f["name"]: f for f in export["fields"]}
    assert list(declared) == [f["name"] for f in CONFIG["fields"]]
    assert [c["id"] for c in declared["shift"]["choices"]] == [_id(c) for c in SHIFT["choices"]]
    assert [c["label"] for c in declared["shift"]["choices"]] == [
        _label(c) for c in SHIFT["choices"]
    ]
    assert declared["shift"]["shown_in"] == SHIFT["shown_in"]
    assert [r["id"] for r in export["roles"]] == [_id(r) for r in CONFIG["roles"]]
    assert [level["label"] for level in export["levels"]] == [_label(c) for c in CONFIG["levels"]]
    for entry in export["entries"]:
        text = FILES[f"repertoire/{entry['id']}.md"]
        assert entry["fields"]["shift"] == _front_matter_value(text, "shift")
    story = next(e for e in export["entries"] if e["id"] == "stories/the-long-night")
    assert story["fields"]["ward"] is None


def test_explore_data_offers_the_field_as_a_filter(nurses):
    data = nurses.json("explore.json")
    [shift] = data["filters"]
    assert shift["name"] == "shift"
    assert shift["label"] == SHIFT["label"]
    assert [c["id"] for c in shift["choices"]] == [_id(c) for c in SHIFT["choices"]]
    for entry in data["entries"]:
        text = FILES[f"repertoire/{entry['url'].rstrip('/')}.md"]  # explore.json has no ids
        assert entry["fields"] == {"shift": _front_matter_value(text, "shift")}
    assert [level["id"] for level in data["levels"]] == [_id(c) for c in CONFIG["levels"]]
    assert f"member, {SHIFT['label'].lower()} and\nlevel" in nurses.html("explore/")


def test_a_wrong_choice_is_reported_at_its_line_with_the_nearest_choice(nurses):
    path = "repertoire/protocols/bed-rails.md"
    text = FILES[path]
    nurses.write({path: text.replace("shift: evening", "shift: evenin")})
    try:
        check = nurses.check()
    finally:
        nurses.write({path: text})
    line = text.splitlines().index("shift: evening") + 1
    choices = ", ".join(_id(c) for c in SHIFT["choices"])
    assert (
        f"{path}:{line}:8: shift: 'evenin' is not one of: {choices} (did you mean 'evening'?)"
    ) in check.stdout
    assert check.returncode == 1


def test_new_protocol_writes_the_protocols_own_sections_and_the_fields(nurses, tmp_path):
    result = run_cli(
        nurses.root, "new", "protocol", "Night checks", "--problem", "falls", "--by", "ann-lee"
    )
    written = nurses.root / "repertoire/protocols/night-checks.md"
    try:
        assert result.returncode == 0, result.stderr
        text = written.read_text(encoding="utf-8")
        headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
        assert headings == [
            s["heading"] if isinstance(s, dict) else s for s in PROTOCOL["sections"]
        ]
        assert "TODO: the steps in order, each one a line." in text
        assert f"# shift: {_id(SHIFT['choices'][0])}" in text
        written.write_text(fill_placeholders(text).replace("# shift:", "shift:"), "utf-8")
        check = nurses.check("repertoire/protocols/night-checks.md")
        assert check.returncode == 0, check.stdout
    finally:
        written.unlink(missing_ok=True)


def test_editors_schema_and_snippets_offer_the_field(nurses):
    settings = load_project(nurses.root / "mkdocs.yml").settings
    documents = schema_documents(settings)
    entry = next(doc for name, doc in documents.items() if name.startswith("entry"))
    assert entry["properties"]["shift"]["enum"] == [_id(c) for c in SHIFT["choices"]]
    assert SHIFT["description"] in entry["properties"]["shift"]["description"]
    senior = CONFIG["levels"][1]
    assert (
        f"{senior['id']}: {senior['label']}, {senior['description']}"
        in (entry["properties"]["level"]["description"])
    )
    snippets = snippets_text(settings)
    assert "shift: ${1|night,evening|}" in snippets, snippets


# ----- option mistakes: tests/site/test_site_checks_site.py runs BAD_SHAPES with the other
# option mistakes (the same words from check and build, at the key's line and column) -------


def test_the_sample_keeps_building_without_any_of_these_options(sample_site):
    export = sample_site.json()
    assert export["fields"] == []
    assert all(entry["fields"] == {} for entry in export["entries"])


def test_the_names_a_custom_field_may_not_take_include_every_built_in_field():
    from repertoire_kit.core.contract.schemas import entry_schema
    from repertoire_kit.core.settings import BUILT_IN_ENTRY_FIELDS, Settings

    assert sorted(BUILT_IN_ENTRY_FIELDS) == sorted(f.name for f in entry_schema(Settings()).fields)


def test_a_kind_cannot_take_the_address_of_a_generated_page_or_file():
    from repertoire_kit.core.pages.registry import generated_paths
    from repertoire_kit.core.settings import DEFAULTS, RESERVED_FOLDERS

    kinds = {kind.folder for kind in DEFAULTS.kinds}
    taken = {
        path.split("/", 1)[0].removesuffix(".md")
        for path in generated_paths(DEFAULTS)
        if "/" in path or path.endswith(".md")
    }
    assert taken - {"index"} - kinds <= set(RESERVED_FOLDERS)


EVERY_TYPE = """\
fields:
  - {name: ward, type: text, required: true, description: 'The ward: as on the door #'}
  - {name: shift, type: choice, choices: [night, evening], required: true}
  - {name: wards, type: choices, choices: [a, b], required: true}
  - {name: seen, type: date, required: true}
  - {name: link, type: url, required: true}
  - {name: reviewer, type: member, required: true}
  - {name: topic, type: problem, required: true}
"""


def test_new_starts_every_required_custom_field_with_a_value_the_check_accepts(make_site):
    site = make_site(options=EVERY_TYPE)
    result = run_cli(site.root, "new", "case", "A case", "--problem", "sampling", "--by", "ann-lee")
    assert result.returncode == 0, result.stderr
    written = site.root / "repertoire/cases/a-case.md"
    text = written.read_text(encoding="utf-8")
    names = re.findall(r"name: (\w+)", EVERY_TYPE)
    assert [n for n in names if re.search(rf"^{n}: ", text, re.MULTILINE)] == names
    written.write_text(fill_placeholders(text), encoding="utf-8")
    check = site.check("repertoire/cases/a-case.md")
    assert check.returncode == 0, check.stdout


HOSTILE = "<b>x</b> & <script>"


def test_labels_from_the_options_are_escaped_wherever_they_land(make_site):
    site = make_site(
        options=f"""\
roles:
  - {{id: member, label: '{HOSTILE}', description: '{HOSTILE}'}}
levels:
  - {{id: newcomer, label: '{HOSTILE}'}}
fields:
  - name: shift
    type: choice
    label: '{HOSTILE}'
    choices: [{{id: night, label: '{HOSTILE}'}}]
    shown_in: [panel, listings, explore]
""",
        files={
            "repertoire/cases/first-case.md": (
                "---\ntitle: First case\nsummary: A first case.\nproblem_types: [sampling]\n"
                "contributors: [ann-lee]\ndate: 2024-03-01\nlevel: newcomer\nshift: night\n"
                "---\n## Context\n\nSome context.\n"
            )
        },
    )
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    for page in ("cases/first-case/", "cases/", "members/", "members/ann-lee/", "explore/"):
        html = site.html(page)
        assert HOSTILE not in html, page
        assert "<b>x</b>" not in html, page
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;" in site.html("cases/first-case/")
    assert "\\u003cscript\\u003e" in (site.site_dir / "explore.json").read_text(encoding="utf-8")
