"""CONTRIBUTING.md works for a new member, says what the check really says, and matches the site.

A new member follows only the guide's words, twice: in the web editor (its member and case
templates, values replaced, `TODO:` lines written) and on their own computer (its own
`repertoire new` commands, then its three instructions). Both times `repertoire check` passes
and the build publishes the case on the member's page. Every error line the guide quotes is
printed, character for character, by the check on the mistake it describes; its field tables
list exactly the declared fields; the site's version of the guide has the same sections,
examples and tables, and its links resolve in a strict build. Entry, member, problem and path
pages carry an "Edit this page" link to their own source file; generated pages carry none.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

from repertoire_kit.core.contract.schemas import THEME_FIELDS, entry_schema, member_schema
from repertoire_kit.core.load.loader import load_repertoire
from repertoire_kit.core.load.project import load_project
from repertoire_kit.core.report import format_text
from tests.support.contrib import REPERTOIRE, fill_placeholders
from tests.support.sites import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SITE_GUIDE = (ROOT / "repertoire" / "reference" / "contributing.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.MULTILINE | re.DOTALL)
SETTINGS = load_project(ROOT / "mkdocs.yml").settings


def code_blocks(text: str, language: str) -> list[str]:
    """The fenced blocks of one language, de-indented (list items indent them)."""
    blocks = []
    for indent, lang, body in FENCE.findall(text):
        if lang == language:
            blocks.append("\n".join(line[len(indent) :] for line in body.split("\n")))
    return blocks


def section(text: str, heading: str) -> str:
    """The text of a `##`/`###` section, up to the next heading of any level."""
    start = text.index(f"{heading}\n")
    following = re.compile(r"^#{2,3} ", re.MULTILINE).search(text, start + len(heading))
    return text[start : following.start() if following else len(text)]


# ----- following the guide as a new member --------------------------------------------------


def test_a_new_member_following_the_web_editor_steps_passes_the_check(project):
    step1 = section(GUIDE, "## Step 1: add yourself as a member")
    [member] = code_blocks(step1, "yaml")
    file_name = re.search(r"becomes `([a-z0-9-]+\.md)`", step1).group(1)
    step2 = section(GUIDE, "## Step 2: add an entry in the GitHub web editor")
    [case] = code_blocks(step2, "markdown")
    case_name = re.search(r"with hyphens: `([a-z0-9-]+\.md)`", step2).group(1)
    # "replace the values after each colon with your own"; "replace every ... line that
    # starts with TODO:". The new member is Jonas Berg, the guide's example is Ana Lukić.
    member_id = file_name.removesuffix(".md")
    member = member.replace("Ana Lukić", "Jonas Berg").replace("Ministry of Health", "Oslo")
    case = case.replace(member_id, "jonas-berg").replace("2024-05-14", "2024-06-03")
    project.write(
        {
            "repertoire/members/jonas-berg.md": member + "\n",
            f"repertoire/cases/{case_name}": fill_placeholders(case) + "\n",
        }
    )
    check = project.check()
    assert check.returncode == 0, check.stdout
    assert check.stdout.strip() == "repertoire check: no problems found"
    build = project.build("--strict")
    assert build.returncode == 0, build.stderr
    assert "Sampling payroll in small schools" in project.html("members/jonas-berg/")


def test_a_new_member_working_locally_follows_the_guides_own_commands(project):
    local = section(GUIDE, "## Or work on your own computer")
    lines = [line for block in code_blocks(local, "sh") for line in block.split("\n")]
    commands = [shlex.split(line) for line in lines if line.startswith(".venv/bin/repertoire new")]
    assert [c[2] for c in commands] == ["member", "case"]
    written = []
    for command in commands:
        result = subprocess.run(
            [*REPERTOIRE, *command[1:]],
            cwd=project.root,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        written.append(result.stdout.strip())
    assert written[1] in local, "the guide names the path the command prints"
    # Its three instructions: replace every TODO, delete the draft line, run the check.
    for rel in written:
        path = project.root / rel
        text = path.read_text(encoding="utf-8")
        assert "TODO:" in text
        path.write_text(fill_placeholders(text), encoding="utf-8")
    check = project.check()
    assert check.stdout.strip() == "repertoire check: no problems found"
    build = project.build("--strict")
    assert build.returncode == 0, build.stderr
    assert "Sampling payroll in small schools" in project.html("members/ana-lukic/")


# ----- the guide tells the truth ------------------------------------------------------------

# The mistake behind each error line the guide quotes, as the one field line that differs
# from a valid case (`None` removes the field; `body` replaces the body).
VALID_CASE = {
    "title": "title: Payroll audit",
    "summary": "summary: What we found.",
    "problem_types": "problem_types: [sampling]",
    "contributors": "contributors: [mira-kovac]",
    "date": "date: 2024-03-01",
}
MISTAKES: dict[str, dict[str, str | None]] = {
    "unknown member 'ana-lukik'": {
        "contributors": "contributors: [ana-lukik]",
        "problem_types": "problem_types: [sampling]",
    },
    "unknown problem type 'samplig'": {"problem_types": "problem_types: [samplig]"},
    "which YAML reads as the start of another field": {
        "summary": "summary: Payroll: what we found"
    },
    "title: 'NO' is read by YAML": {"title": "title: NO"},
    "expected a list, found the single value": {"problem_types": "problem_types: sampling"},
    "'01/03/2024' is not a date": {"date": "date: 01/03/2024"},
    "'2024-02-30' is not a real date": {"date": "date: 2024-02-30"},
    "required field 'summary' is missing": {"summary": None},
    "unknown field 'author'": {"extra": "author: Mira"},
    "'beginner' is not one of": {"extra": "level: beginner"},
    "does not start with front matter": {"whole": "title: Payroll audit\n\nText.\n"},
    "raw <script> is not allowed": {"body": "\n<script>alert(1)</script>\n"},
    "'../tools/finding-templat.md' points to": {
        "body": "See the [finding template](../tools/finding-templat.md).\n"
    },
    "'../sampling-payroll-across-forty-school/' leads to": {
        "body": "See [the payroll case](../sampling-payroll-across-forty-school/).\n"
    },
    "the image 'roster.png'": {"body": "![The payroll roster](roster.png)\n"},
    "has no anchor '#how-to-use-the-templat'": {
        "body": "See [how to use it](../tools/finding-template.md#how-to-use-the-templat).\n"
    },
    "is a placeholder, still to be replaced": {"summary": "summary: 'TODO: one or two sentences'"},
    "this heading repeats the title": {"body": "# Payroll audit\n\nText.\n"},
}


def broken_case(mistake: dict[str, str | None]) -> str:
    if "whole" in mistake:
        return str(mistake["whole"])
    fields = {**VALID_CASE, **{k: v for k, v in mistake.items() if k not in ("extra", "body")}}
    lines = [line for line in fields.values() if line is not None]
    if "extra" in mistake:
        lines.insert(
            len(lines) - 1 if "level" in str(mistake["extra"]) else len(lines),
            str(mistake["extra"]),
        )
    body = mistake.get("body") or "Text.\n"
    return "---\n" + "\n".join(lines) + "\n---\n" + str(body)


def quoted_error_lines(text: str) -> list[str]:
    table = section(text, "### Check the repertoire")
    return re.findall(r"^\| `(repertoire/cases/payroll\.md:[^`]+)` \|", table, re.MULTILINE)


def test_every_error_line_the_guide_quotes_is_what_the_check_prints(project):
    quoted = quoted_error_lines(GUIDE)
    assert len(quoted) == len(MISTAKES)
    config = load_project(project.root / "mkdocs.yml")
    # The guide's typo 'ana-lukik' is suggested as 'ana-lukic', so that member must exist.
    project.write({"repertoire/members/ana-lukic.md": "---\nname: Ana Lukić\n---\nBio.\n"})
    for needle, mistake in MISTAKES.items():
        [line] = [q for q in quoted if needle in q]
        project.write({"repertoire/cases/payroll.md": broken_case(mistake)})
        result = load_repertoire(config.root, config.docs_dir, config.settings)
        printed = [format_text(d) for d in result.diagnostics]
        assert line in printed, (needle, printed)


def field_table(text: str, heading: str) -> dict[str, str]:
    """Field name → the Required column of a guide's field table."""
    rows = re.findall(r"^\| `(\w+)` \| (yes|no) \|", section(text, heading), re.MULTILINE)
    return dict(rows)


@pytest.mark.parametrize(
    ("heading", "record"),
    [("### Entries (cases, stories and tools)", entry_schema), ("### Members", member_schema)],
)
def test_the_field_tables_list_the_declared_fields(heading, record):
    own = [f for f in record(SETTINGS).fields if f not in THEME_FIELDS]
    expected = {f.name: "yes" if f.required else "no" for f in own}
    assert field_table(GUIDE, heading) == expected


def test_the_site_guide_has_the_same_sections_examples_and_tables():
    def shape(text: str) -> tuple[list[str], list[tuple[str, str, str]], list[str]]:
        headings = re.findall(r"^#{2,3} .*$", text, re.MULTILINE)
        tables = [line for line in text.splitlines() if line.startswith("|")]
        return headings, FENCE.findall(text), tables

    assert shape(GUIDE) == shape(SITE_GUIDE)


def test_the_site_guide_is_built_and_its_links_resolve(sample_site):
    page = sample_site.html("reference/contributing/")
    assert 'href="../content-contract/"' in page
    assert 'href="../../problems/"' in page
    assert "WARNING" not in (sample_site.last.stderr if sample_site.last else "")


# ----- edit links ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, source",
    [
        (
            "cases/sampling-payroll-across-forty-schools/",
            "repertoire/cases/sampling-payroll-across-forty-schools.md",
        ),
        (
            "stories/when-the-sample-found-nothing/",
            "repertoire/stories/when-the-sample-found-nothing.md",
        ),
        ("members/mira-kovac/", "repertoire/members/mira-kovac.md"),
        ("problems/sampling/", "repertoire/problems/sampling.md"),
        ("paths/your-first-month/", "repertoire/paths/your-first-month.md"),
    ],
)
def test_record_pages_link_to_their_own_source_for_editing(sample_site, url, source):
    edit = re.search(r'<a href="([^"]+)" title="Edit this page"', sample_site.html(url))
    assert edit, f"no edit button on {url}"
    assert edit.group(1) == f"https://github.com/example/repertoire/edit/main/{source}"
    assert (ROOT / source).is_file()


@pytest.mark.parametrize("url", ["cases/", "problems/", "members/", "new/"])
def test_generated_pages_have_no_edit_link_to_a_file_that_does_not_exist(sample_site, url):
    assert 'title="Edit this page"' not in sample_site.html(url)


def test_the_guide_path_in_the_sample_points_at_the_site_guide():
    path = (ROOT / "repertoire/paths/share-your-first-case.md").read_text(encoding="utf-8")
    assert "../reference/contributing.md" in path
    assert Path(ROOT / "repertoire/reference/contributing.md").is_file()
