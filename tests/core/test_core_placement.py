"""Every Markdown file under the docs folder has a place, or is an error.

A Markdown file is a record in a folder of the repertoire, the home page, or a page the site
maintainer placed: under the plugin's `pages` option (`reference/` by default) or in the `nav`
of mkdocs.yml. A file in a folder close to a known one (`case/`, `Cases/`, `tool/`) is an error
naming the folder it was meant for; any other unplaced page is an error saying how to place
it. `repertoire check` and `mkdocs build` report the same line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from repertoire_kit.core.diagnostics import Diagnostics
from repertoire_kit.core.load.files import DocsFile
from repertoire_kit.core.load.placement import check_placement
from repertoire_kit.core.load.project import nav_pages
from repertoire_kit.core.report import format_text
from repertoire_kit.core.settings import Settings
from tests.support.core import Tree, entry_text, located


def placed(docs_paths: list[str], settings: Settings | None = None) -> list[tuple[str, str]]:
    """(path, hint) of each file `check_placement` reports, on its own."""
    diags = Diagnostics()
    files = [DocsFile(Path(docs_path), docs_path) for docs_path in docs_paths]
    check_placement(files, "docs/", settings or Settings(), diags)
    return [(d.path, d.hint) for d in diags]


def test_records_the_home_page_and_reference_pages_have_a_place() -> None:
    assert (
        placed(
            [
                "index.md",
                "README.md",
                "cases/a.md",
                "members/b.md",
                "reference/x.md",
                "reference/deep/y.md",
                "assets/notes.pdf",
                "photo.png",
            ]
        )
        == []
    )


@pytest.mark.parametrize(
    ("folder", "meant"),
    [
        ("case", "cases"),
        ("Cases", "cases"),
        ("tool", "tools"),
        ("storys", "stories"),
        ("member", "members"),
        ("problem", "problems"),
        ("path", "paths"),
    ],
)
def test_a_folder_close_to_a_known_one_is_an_error_naming_it(folder: str, meant: str) -> None:
    assert placed([f"{folder}/overtime.md"]) == [
        (
            f"docs/{folder}/overtime.md",
            f"did you mean '{meant}/'? move it to docs/{meant}/overtime.md",
        )
    ]


def test_any_other_unplaced_page_is_an_error_saying_how_to_place_it() -> None:
    [(path, hint)] = placed(["about/team.md"])
    assert path == "docs/about/team.md"
    assert "docs/cases/, docs/stories/, docs/tools/" in hint
    assert "`pages` option" in hint and "nav" in hint
    assert [p for p, _ in placed(["overtime.md"])] == ["docs/overtime.md"]


def test_the_pages_option_and_the_nav_place_a_maintainers_page() -> None:
    settings = Settings(pages=("about/", "faq.md"), nav_pages=("guide/start.md",))
    assert placed(["about/team.md", "faq.md", "guide/start.md"], settings) == []
    assert [p for p, _ in placed(["reference/x.md", "guide/other.md"], settings)] == [
        "docs/guide/other.md",
        "docs/reference/x.md",
    ]


def test_the_nav_of_mkdocs_yml_lists_its_pages_at_any_depth() -> None:
    nav = [
        {"Home": "index.md"},
        "faq.md",
        {"Guides": ["guide/a.md", {"B": "./guide/b.md"}]},
        {"Elsewhere": "https://example.org/x.md"},
        {"Section": {"C": "c.md"}},
    ]
    assert nav_pages(nav) == ("c.md", "faq.md", "guide/a.md", "guide/b.md", "index.md")
    assert nav_pages(None) == ()


def test_markdown_below_a_record_folder_is_still_an_error() -> None:
    assert placed(["cases/2024/a.md"]) == [("docs/cases/2024/a.md", "move it to docs/cases/a.md")]


def test_a_misspelt_folder_fails_check_and_build_with_the_same_line(tree: Tree) -> None:
    tree.write("case/overtime.md", entry_text())
    diagnostics = tree.diagnostics()
    assert located(diagnostics) == [("repertoire/case/overtime.md", 1, 1, "file")]
    assert diagnostics[0].hint == ("did you mean 'cases/'? move it to repertoire/cases/overtime.md")
    check = tree.site.check("--format", "github")
    assert check.returncode == 1
    assert "::error file=repertoire/case/overtime.md,line=1,col=1,title=file::" in check.stdout
    build = tree.site.build()
    assert build.returncode != 0
    assert format_text(diagnostics[0]) in build.stderr


def test_options_and_nav_in_mkdocs_yml_place_pages_for_check_and_build(make_site) -> None:
    site = make_site(
        {"repertoire/about/team.md": "# Team\n", "repertoire/faq.md": "# FAQ\n"},
        options="pages: [about/]",
        config="nav:\n  - Home: index.md\n  - faq.md\n",
    )
    check = site.check()
    assert check.returncode == 0, check.stdout
    build = site.build("--strict")
    assert build.returncode == 0, build.stderr
