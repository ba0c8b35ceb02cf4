"""The broken-input suite: one fixture file per defect class, each reported at its place.

`tests/fixtures/broken/` mirrors a docs folder: every file is named after its defect and is
dropped at the same relative path into a copy of the MINIMAL repertoire (which it refers to:
problem type `sampling`, member `ann-lee`, case `cases/first-case`). For each defect the loader
must report exactly the diagnostics in the table below (path, line, column, field, a piece of
the message, and of the hint where the hint is the point). All fixtures together must then give
the union of those diagnostics from `repertoire check` (exit 1), one GitHub annotation each with
`--format github`, and `mkdocs build` must fail listing every one of them with the same text.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from repertoire_kit.core.report import format_github, format_text
from tests.support.core import BROKEN_FIXTURES, Tree, load_project_dir, located


@dataclass(frozen=True)
class Defect:
    """A fixture file, the diagnostics it must produce, and any companion files it needs.

    `hint` is a part of the first diagnostic's hint, where the hint is the point (a did-you-mean,
    a path written as the check prints paths); `warning` says the class is a warning.
    """

    fixture: str
    expected: tuple[tuple[int, int, str, str], ...]  # line, col, field, part of the message
    companions: tuple[str, ...] = ()
    hint: str = ""
    warning: bool = False

    @property
    def files(self) -> tuple[str, ...]:
        return (self.fixture, *self.companions)


def defect(
    fixture: str,
    *expected: tuple[int, int, str, str],
    companions: tuple[str, ...] = (),
    hint: str = "",
    warning: bool = False,
) -> Defect:
    return Defect(fixture, expected, companions, hint, warning)


# Lines count from 1 at the opening '---'; see each fixture for the text.
DEFECTS: tuple[Defect, ...] = (
    # The front-matter block
    defect(
        "cases/front-matter-missing.md", (1, 1, "front matter", "does not start with front matter")
    ),
    defect("cases/front-matter-empty.md", (1, 1, "front matter", "the front matter is empty")),
    defect("cases/front-matter-unclosed.md", (1, 1, "front matter", "never closed")),
    defect("cases/front-matter-not-a-mapping.md", (2, 1, "front matter", "list of 'key: value'")),
    # YAML itself
    defect("cases/yaml-syntax-error.md", (2, 14, "title", "contains ': ', which YAML reads")),
    defect("cases/duplicate-key.md", (7, 1, "title", "given twice (first on line 2)")),
    defect("cases/yaml-alias-bomb.md", (7, 7, "front matter", "anchors and aliases")),
    defect("cases/yaml-deep-nesting.md", (7, 18, "front matter", "nested more than 12 levels")),
    defect("cases/yaml-python-tag.md", (2, 8, "front matter", "YAML tag '!!python/object/apply")),
    # Values YAML would silently convert, where text is expected
    defect("cases/bare-boolean-as-text.md", (2, 8, "title", "'NO' is read by YAML as a yes/no")),
    defect(
        "cases/bare-number-as-text.md", (3, 10, "summary", "'1.10' is read by YAML as a number")
    ),
    defect("cases/bare-time-as-text.md", (2, 8, "title", "'12:30' is read by YAML as a base-60")),
    defect("cases/bare-date-as-text.md", (2, 8, "title", "'2024-01-01' is read by YAML as a date")),
    defect("cases/bare-boolean-in-list.md", (7, 16, "tags[1]", "'on' is read by YAML as a yes/no")),
    # Other values of the wrong type or out of range
    defect("cases/impossible-date.md", (6, 7, "date", "'2024-02-30' is not a real date")),
    defect("cases/date-not-iso.md", (6, 7, "date", "is not a date (YYYY-MM-DD)")),
    defect("cases/updated-before-date.md", (7, 10, "updated", "is before date (2024-03-01)")),
    defect("cases/summary-too-long.md", (3, 10, "summary", "at most 280 are allowed")),
    defect("cases/single-value-for-list.md", (4, 16, "problem_types", "expected a list")),
    defect("cases/empty-list.md", (5, 15, "contributors", "needs at least 1 item")),
    defect("cases/draft-not-boolean.md", (7, 8, "draft", "expected true or false, found 'yes'")),
    defect("cases/unknown-level.md", (7, 8, "level", "'expret' is not one of")),
    defect("cases/control-character.md", (2, 8, "title", "invisible control character U+0007")),
    # Keys
    defect(
        "cases/unknown-field.md",
        (1, 1, "summary", "required field 'summary' is missing"),
        (6, 1, "sumary", "unknown field 'sumary'"),
    ),
    defect(
        "cases/unknown-field-plural.md",
        (1, 1, "problem_types", "required field 'problem_types' is missing"),
        (6, 1, "problem_type", "unknown field 'problem_type'"),
    ),
    defect(
        "cases/missing-required-field.md",
        (1, 1, "contributors", "required field 'contributors' is missing"),
    ),
    # Ids and references
    defect("cases/id-not-a-slug.md", (5, 16, "contributors[0]", "'Ann_Lee' is not a valid id")),
    defect(
        "cases/unknown-problem-type.md",
        (4, 17, "problem_types[0]", "unknown problem type 'sampeling'"),
    ),
    defect("cases/unknown-contributor.md", (5, 16, "contributors[0]", "unknown member 'ann-le'")),
    defect("cases/related-to-itself.md", (7, 11, "related[0]", "cannot be related to itself")),
    defect(
        "cases/related-to-nothing.md", (7, 11, "related[0]", "unknown entry 'cases/frist-case'")
    ),
    defect("problems/parent-self.md", (3, 9, "parent", "cannot be its own parent")),
    defect("problems/parent-unknown.md", (3, 9, "parent", "unknown problem type 'samplin'")),
    defect(
        "problems/parent-cycle-a.md",
        (3, 9, "parent", "cycle: parent-cycle-a → parent-cycle-b → parent-cycle-a"),
        companions=("problems/parent-cycle-b.md",),
    ),
    defect(
        "problems/parent-cycle3-a.md",
        (3, 9, "parent", "cycle: parent-cycle3-a → parent-cycle3-b → parent-cycle3-c → "),
        companions=("problems/parent-cycle3-b.md", "problems/parent-cycle3-c.md"),
    ),
    # Members
    defect("members/missing-name.md", (1, 1, "name", "required field 'name' is missing")),
    defect("members/link-not-https.md", (5, 10, "links[0].url", "is not an allowed link")),
    defect("members/link-javascript.md", (5, 10, "links[0].url", "is not an allowed link")),
    defect("members/avatar-missing.md", (3, 9, "avatar", "no image at assets/avatars/nobody.png")),
    defect("members/unknown-role.md", (3, 7, "role", "'stewart' is not one of")),
    # The body
    defect("cases/dangerous-markup.md", (9, 1, "body", "raw <script> is not allowed")),
    defect("cases/dangerous-link.md", (10, 18, "body", "'javascript:' links are not allowed")),
    # Links, images and anchors in the body
    defect(
        "cases/link-to-missing-page.md",
        (10, 22, "body", "points to repertoire/cases/frist-case.md, which does not exist"),
        hint="did you mean 'first-case.md'?",
    ),
    defect(
        "cases/link-address-of-no-page.md",
        (10, 22, "body", "leads to cases/frist-case/, which is not on the site"),
        hint="did you mean '../first-case/'?",
    ),
    defect(
        "cases/image-missing.md",
        (10, 23, "body", "the image 'roster.png' points to repertoire/cases/roster.png"),
    ),
    defect(
        "cases/raw-image-missing.md",
        (10, 11, "body", "the raw HTML image '../roster.png' leads to cases/roster.png"),
    ),
    defect(
        "cases/raw-link-to-markdown-file.md",
        (10, 15, "body", "names a Markdown file, but raw HTML is not rewritten"),
        hint="use the page's address: '../first-case/'",
    ),
    defect(
        "cases/link-absolute.md",
        (10, 22, "body", "starts with '/'"),
        hint="write it relative to this file: 'first-case.md'",
    ),
    defect(
        "cases/anchor-missing.md",
        (10, 19, "body", "repertoire/cases/first-case.md has no anchor '#contxt'"),
        hint="did you mean 'first-case.md#context'?",
    ),
    defect(
        "cases/reference-undefined.md",
        (10, 5, "body", "[frist] uses a label that no"),
        hint="did you mean '[first]'?",
    ),
    defect(
        "cases/link-to-a-draft.md",
        (10, 17, "body", "points to the draft repertoire/cases/draft-target.md"),
        companions=("cases/draft-target.md",),
    ),
    # Placeholders of repertoire new in a published record
    defect(
        "cases/placeholder-left.md",
        (
            3,
            10,
            "summary",
            "'TODO: one or two sentences that make a colleague want to re…' is a placeholder",
        ),
        (10, 1, "body", "'TODO: Where and when did this happen?' is a placeholder"),
    ),
    defect(
        "members/placeholder-affiliation.md",
        (3, 14, "affiliation", "'TODO: where you work, such as"),
        (6, 1, "body", "'TODO: a short bio in the third person.' is a placeholder"),
        hint="a member file is published as soon as it is merged",
    ),
    # Dates in the future
    defect("cases/date-in-the-future.md", (6, 7, "date", "'2999-03-01' is in the future")),
    defect("members/joined-in-the-future.md", (3, 9, "joined", "'2999' is in the future")),
    # How the body fits its page (warnings)
    defect(
        "cases/title-repeated-as-heading.md",
        (8, 1, "body", "this heading repeats the title"),
        warning=True,
    ),
    defect(
        "cases/unclosed-html-block.md",
        (10, 1, "body", "<div> is never closed"),
        hint="close it with </div>",
        warning=True,
    ),
    # The file itself
    defect(
        "cases/Not_A_Slug_File.md",
        (1, 1, "file", "'Not_A_Slug_File.md' is not a valid id"),
        hint="rename it to repertoire/cases/not_a_slug_file.md (lower-case letters, digits, "
        "hyphens and underscores)",
    ),
    defect(
        "members/under_score_id.md",
        (1, 1, "file", "'under_score_id.md' is not a valid id"),
        hint="rename it to repertoire/members/under-score-id.md",
    ),
    defect(
        "cases/misplaced-in-subfolder/entry.md",
        (1, 1, "file", "must sit directly in that folder"),
        hint="move it to repertoire/cases/entry.md",
    ),
    defect(
        "case/misplaced-folder.md",
        (1, 1, "file", "'case/' is not a folder of the repertoire"),
        hint="did you mean 'cases/'? move it to repertoire/cases/misplaced-folder.md",
    ),
    defect(
        "about/unplaced-page.md",
        (1, 1, "file", "this page has no place on the site"),
        hint="`pages` option or in the nav of mkdocs.yml",
    ),
    defect("cases/nul-byte.md", (9, 7, "file", "NUL byte")),
    defect("cases/invalid-utf8.md", (9, 4, "file", "not valid UTF-8")),
)


def expected_diagnostics(d: Defect) -> list[tuple[str, int, int, str]]:
    return [(f"repertoire/{d.fixture}", line, col, field) for line, col, field, _ in d.expected]


def drop_in(tree: Tree, files: tuple[str, ...]) -> None:
    """Copy fixture files to the same docs-relative paths in the project."""
    for rel in files:
        tree.write_bytes(rel, (BROKEN_FIXTURES / rel).read_bytes())


def test_every_fixture_file_is_in_the_table_once() -> None:
    on_disk = sorted(
        p.relative_to(BROKEN_FIXTURES).as_posix() for p in BROKEN_FIXTURES.rglob("*") if p.is_file()
    )
    in_table = sorted(rel for d in DEFECTS for rel in d.files)
    assert in_table == on_disk


@pytest.mark.parametrize("d", DEFECTS, ids=[Path(d.fixture).stem for d in DEFECTS])
def test_each_defect_is_reported_at_its_path_line_and_field(tree: Tree, d: Defect) -> None:
    drop_in(tree, d.files)
    diagnostics = tree.diagnostics()
    assert located(diagnostics) == expected_diagnostics(d)
    for diagnostic, (_, _, _, says) in zip(diagnostics, d.expected, strict=True):
        assert says in diagnostic.message
        assert diagnostic.severity.value == ("warning" if d.warning else "error")
    assert d.hint in diagnostics[0].hint


def test_all_defects_at_once_fail_check_and_build_listing_each(make_site) -> None:
    site = make_site()
    shutil.copytree(BROKEN_FIXTURES, site.root / "repertoire", dirs_exist_ok=True)

    check = site.check("--format", "json")
    assert check.returncode == 1, check.stderr
    reported = [(d["path"], d["line"], d["col"], d["field"]) for d in json.loads(check.stdout)]
    assert reported == sorted(item for d in DEFECTS for item in expected_diagnostics(d))

    github = site.check("--format", "github")
    diagnostics = list(load_project_dir(site.root).diagnostics)
    for diagnostic in diagnostics:
        assert format_github(diagnostic) in github.stdout

    build = site.build()
    assert build.returncode != 0
    for diagnostic in diagnostics:
        assert format_text(diagnostic) in build.stderr
    errors = sum(1 for d in DEFECTS if not d.warning for _ in d.expected)
    assert f"the repertoire has {errors} problems" in build.stderr
