"""Links, images and anchors in bodies: found as the site's Markdown reads them, checked
against the site they will be in, reported at path:line:col with the nearest existing target.

On the core as plain functions: `find_links` finds inline and reference-style links and images,
raw `<a href>` and `<img src>`, never code, at their line and column. On tiny sites: each broken
kind of target is one error at its place (field `body`) with a did-you-mean written the way the
link was written; working links to entries, members, problem types, paths and generated pages,
by docs path or by address, pass; `repertoire check --format github` annotates the line and
`mkdocs build` fails with the same text. A site whose links all pass the check builds with
MkDocs' own link and anchor validation turned up to warnings, in strict mode: MkDocs finds
nothing the check has not.
"""

from __future__ import annotations

import json

import pytest

from repertoire_kit.core.checks.markdown_links import LinkTarget, find_links
from repertoire_kit.core.report import format_github, format_text
from tests.support.core import Tree, entry_text, located

CASE = "cases/new-case.md"
CASE_PATH = f"repertoire/{CASE}"
BODY_LINE = 8  # entry_text's body starts on line 8


def targets(body: str) -> list[tuple[str, int, int, bool, bool]]:
    return [(t.target, t.line, t.col, t.image, t.raw_html) for t in find_links(body).targets]


# ----- finding them ---------------------------------------------------------------------------


def test_inline_links_and_images_are_found_at_their_target() -> None:
    body = (
        'See [a](x.md), ![pic](img/p.png "title") and [b](<with space.md>).\n'
        "A [nested [x] text](../y/#part) and [p](paren(1).md).\n"
    )
    assert targets(body) == [
        ("x.md", 1, 9, False, False),
        ("img/p.png", 1, 23, True, False),
        ("with space.md", 1, 51, False, False),
        ("../y/#part", 2, 21, False, False),
        ("paren(1).md", 2, 41, False, False),
    ]


def test_reference_style_links_use_their_definitions() -> None:
    body = 'Read [the guide][g] and [Other][].\n\n[g]: guide.md "Guide"\n[other]: <o.md>\n'
    found = find_links(body)
    assert [(t.target, t.line, t.col) for t in found.targets] == [
        ("guide.md", 3, 6),
        ("o.md", 4, 11),
    ]
    assert found.missing == ()
    missing = find_links("A [link][nowhere] and [^1] and [shortcut].\n\n[^1]: A note.\n").missing
    assert [(m.label, m.line, m.col) for m in missing] == [("nowhere", 1, 3)]


def test_raw_html_targets_are_found_with_references_decoded() -> None:
    body = '<a href="../x/">x</a> and <img alt="" src=\'a&amp;b.png\'>\n'
    assert targets(body) == [("../x/", 1, 10, False, True), ("a&b.png", 1, 44, True, True)]


def test_code_escapes_and_paragraph_breaks_make_no_link() -> None:
    body = (
        "`[span](a.md)` and \\[escaped](b.md)\n\n    [indented](c.md)\n\n"
        '```\n[fenced](d.md) <a href="e.md">\n```\n[open\n\nthen](f.md)\n'
    )
    assert targets(body) == []


def test_a_commented_out_link_is_no_link_and_an_unclosed_comment_is_text() -> None:
    assert targets("<!-- [old](gone.md)\nstill hidden -->\n[new](here.md)\n") == [
        ("here.md", 3, 7, False, False)
    ]
    assert targets("<!-- never closed [a](b.md)\n") == [("b.md", 1, 23, False, False)]


def test_a_target_knows_how_messages_name_it() -> None:
    assert LinkTarget("x", 1, 1, image=True, raw_html=True).what == "the raw HTML image"
    assert LinkTarget("x", 1, 1).what == "the link"


# ----- checking them on a site ----------------------------------------------------------------


def body_errors(tree: Tree, body: str, rel: str = CASE) -> list[tuple[int, int, str, str]]:
    """(line, col, message, hint) of each diagnostic of a case with this body."""
    tree.write(rel, entry_text(body=body))
    return [(d.line, d.col, d.message, d.hint) for d in tree.only(rel)]


WORKING = [
    "[a case](first-case.md)",
    "[a case](first-case.md#context)",
    "[a case](../cases/first-case.md)",
    "[by address](../first-case/)",
    "[by address](../first-case/#context)",
    "[by address](../first-case)",
    "[member](../../members/ann-lee/)",
    "[member](../members/ann-lee.md#contributions-2)",
    "[problem](../problems/sampling.md)",
    "[problem's list](../problems/sampling.md#cases-2)",
    "[problem](../../problems/sampling/)",
    "[listing](index.md)",
    "[listing](../)",
    "[all](../../explore/#rep-explore-data)",
    "[gaps](../gaps.md#members-who-have-not-contributed-yet)",
    "[home](../index.md)",
    "[home](../../)",
    "[feed](../feed.xml)",
    "[data](../repertoire.json)",
    "[schema](../schemas/entry.schema.json)",
    "[page 2](../cases/page/2.md)",
    "[page 2](../../problems/sampling/page/2/)",
    "[own](#lessons)",
    "[own](#a-test-case)",
    "[web](https://example.org/nowhere)",
    "[mail](mailto:a@example.org)",
    "[top](#)",
    '<a href="../first-case/">raw</a>',
    '<a href="#lessons">raw</a>',
]


@pytest.mark.parametrize("link", WORKING)
def test_working_links_pass(tree: Tree, link: str) -> None:
    assert body_errors(tree, f"## Lessons\n\nSee {link} for more.\n") == []


BROKEN = {
    "missing page": (
        "[x](frist-case.md)",
        5,
        "the link 'frist-case.md' points to repertoire/cases/frist-case.md, which does not exist",
        "did you mean 'first-case.md'?",
    ),
    "missing image": (
        "![roster](roster.png)",
        11,
        "the image 'roster.png' points to repertoire/cases/roster.png, which does not exist",
        "add the image to the docs folder, or correct the path",
    ),
    "address of no page": (
        "[x](../frist-case/)",
        5,
        "the link '../frist-case/' leads to cases/frist-case/, which is not on the site",
        "did you mean '../first-case/'?",
    ),
    "address from the docs path": (
        "[x](../cases/first-case)",
        5,
        "the link '../cases/first-case' leads to cases/cases/first-case, which is not on the site",
        "did you mean '../first-case/'?",
    ),
    "raw image": (
        '<img src="../roster.png">',
        11,
        "the raw HTML image '../roster.png' leads to cases/roster.png, which is not on the site",
        "add the image to the docs folder, or correct the path",
    ),
    "raw link to a Markdown file": (
        '<a href="first-case.md">x</a>',
        10,
        "the raw HTML link 'first-case.md' names a Markdown file, but raw HTML is not rewritten: "
        "on the site it leads to cases/new-case/first-case.md, which is not on the site",
        "use the page's address: '../first-case/', or a Markdown link [text](first-case.md)",
    ),
    "anchor": (
        "[x](first-case.md#contxt)",
        5,
        "the link 'first-case.md#contxt': repertoire/cases/first-case.md has no anchor '#contxt'",
        "did you mean 'first-case.md#context'?",
    ),
    "own anchor": (
        "[x](#lesson)",
        5,
        "the link '#lesson': this page has no anchor '#lesson'",
        "did you mean '#lessons'?",
    ),
    "generated anchor": (
        "[x](../members/ann-lee.md#contributions-3)",
        5,
        "the link '../members/ann-lee.md#contributions-3': repertoire/members/ann-lee.md has "
        "no anchor '#contributions-3'",
        "did you mean '../members/ann-lee.md#contributions-2'?",
    ),
    "generated page anchor": (
        "[x](../gaps.md#nothing-here)",
        5,
        "the link '../gaps.md#nothing-here': the generated page gaps.md has no anchor "
        "'#nothing-here'",
        "its anchors are: #entries-no-one-has-used-yet, #gaps, "
        "#members-who-have-not-contributed-yet, #problem-types-missing-a-kind, "
        "#problem-types-no-curated-path-touches, #problem-types-resting-on-one-contributor, …",
    ),
    "absolute": (
        "[x](/cases/first-case/)",
        5,
        "the link '/cases/first-case/' starts with '/': it is not checked or rewritten, and it "
        "leads off the site when the site is published under a folder",
        "write it relative to this file: 'first-case.md'",
    ),
    "above the docs folder": (
        "[x](../../mkdocs.yml)",
        5,
        "the link '../../mkdocs.yml' leads above the docs folder",
        "link to a page or file inside the docs folder",
    ),
    "undefined reference": (
        "[x][lesons]\n\n[lessons]: first-case.md",
        1,
        "the reference-style link [lesons] uses a label that no '[lesons]: …' line defines",
        "did you mean '[lessons]'?",
    ),
    "e-mail address": (
        "[write](ann@example.org)",
        9,
        "the link 'ann@example.org' points to repertoire/cases/ann@example.org, which does not "
        "exist",
        "did you mean 'mailto:ann@example.org'?",
    ),
}


@pytest.mark.parametrize("name", BROKEN)
def test_each_broken_target_is_an_error_at_its_place_with_the_nearest_target(
    tree: Tree, name: str
) -> None:
    link, col, message, hint = BROKEN[name]
    assert body_errors(tree, f"## Lessons\n\n{link}\n") == [(BODY_LINE + 2, col, message, hint)]


def test_a_link_to_a_draft_is_an_error_unless_it_comes_from_a_draft(tree: Tree) -> None:
    tree.write("cases/unfinished.md", entry_text(extra="draft: true\n"))
    assert body_errors(tree, "[x](unfinished.md)") == [
        (
            BODY_LINE,
            5,
            "the link 'unfinished.md' points to the draft repertoire/cases/unfinished.md, which is "
            "left out of the site",
            "link to it once it is published (its 'draft: true' line deleted)",
        )
    ]
    tree.write(CASE, entry_text(extra="draft: true\n", body="[x](unfinished.md)\n"))
    assert tree.only(CASE) == []


def test_a_site_that_publishes_drafts_may_link_to_them(make_site) -> None:
    site = make_site(
        {
            "repertoire/cases/unfinished.md": entry_text(extra="draft: true\n"),
            CASE_PATH: entry_text(body="[x](unfinished.md)\n"),
        },
        options="include_drafts: true",
    )
    assert site.check().returncode == 0


def test_addresses_follow_use_directory_urls(make_site) -> None:
    body = (
        '<a href="first-case.html">works</a> <a href="../first-case/">does not</a>\n\n'
        "[by file](first-case.md)\n"
    )
    site = make_site({CASE_PATH: entry_text(body=body)}, config="use_directory_urls: false\n")
    check = site.check("--format", "json")
    assert [(d["line"], d["col"], d["message"]) for d in json.loads(check.stdout)] == [
        (
            8,
            46,
            "the raw HTML link '../first-case/' leads to first-case/, which is not on the site",
        )
    ]


def test_links_in_maintainers_pages_and_bios_are_checked_too(tree: Tree) -> None:
    tree.write("reference/guide.md", "# Guide\n\nSee [the case](../cases/frist-case.md).\n")
    tree.write("members/ann-lee.md", "---\nname: Ann Lee\n---\nAnn wrote [this](../tools/x.md).\n")
    assert located(tree.diagnostics()) == [
        ("repertoire/members/ann-lee.md", 4, 18, "body"),
        ("repertoire/reference/guide.md", 3, 16, "body"),
    ]


def test_every_broken_link_of_a_run_is_reported_by_check_github_and_build(tree: Tree) -> None:
    tree.write(CASE, entry_text(body="[a](frist-case.md) and ![b](b.png)\n\n[c](../frist-case/)\n"))
    diagnostics = tree.only(CASE)
    assert located(diagnostics) == [
        (CASE_PATH, 8, 5, "body"),
        (CASE_PATH, 8, 29, "body"),
        (CASE_PATH, 10, 5, "body"),
    ]
    check = tree.site.check("--format", "github")
    assert check.returncode == 1
    for diagnostic in diagnostics:
        assert format_github(diagnostic) in check.stdout
    build = tree.site.build()
    assert build.returncode != 0
    for diagnostic in diagnostics:
        assert format_text(diagnostic) in build.stderr


MKDOCS_VALIDATION = """\
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - md_in_html
  - footnotes
validation:
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
"""


def test_mkdocs_own_validation_finds_nothing_the_check_passed(make_site) -> None:
    # Pages of a paginated listing come with the new page layer: not built here yet.
    links = [link for link in WORKING if "/page/" not in link]
    body = (
        "## Lessons\n\n## Lessons\n\nSee " + ", ".join(links) + ".\n\n"
        "Also [twice](#lessons_1), [a note][^n] and [the home page](../index.md#home).\n\n"
        "[^n]: A footnote.\n"
    )
    site = make_site(
        {
            CASE_PATH: entry_text(body=body, extra="related: [cases/first-case]\n"),
            "repertoire/cases/first-case.md": entry_text(
                title="First case",
                date="2024-02-01",
                # A heading that repeats the title keeps the plain id; the title takes the next.
                body="## First case\n\n## Context\n\nSee "
                "[its connected entries](new-case.md#connected-entries), "
                "[its own](#connected-entries), [more](#first-case) and "
                "[the title](#first-case_1).\n",
            ),
        },
        config=MKDOCS_VALIDATION,
    )
    check = site.check()
    assert check.returncode == 0, check.stdout
    build = site.build("--strict")
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    first = (site.site_dir / "cases/first-case/index.html").read_text(encoding="utf-8")
    assert '<h1 id="first-case_1">First case</h1>' in first
    assert 'href="#first-case_1" class="md-skip"' in first  # "Skip to content" leads there
