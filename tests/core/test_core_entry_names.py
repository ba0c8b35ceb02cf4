"""Entry file names may have underscores; member and problem-type ids keep their rule.

An existing collection brought in with names such as `assisted_compliance.md` builds as it is:
the id keeps the file name, other records refer to it by that id, and it is listed and linked
like any other entry. Capitals, spaces and other characters are still refused, with a rename
hint that writes the path as the check prints it.
"""

from __future__ import annotations

import pytest

from repertoire_kit.core.contract.fields import ENTRY_NAME_PATTERN, ID_PATTERN
from tests.support.core import Tree, entry_text, located


@pytest.mark.parametrize("name", ["some_case", "assisted_compliance", "a_b-c_2024", "x"])
def test_entry_names_take_lower_case_letters_digits_hyphens_and_underscores(name: str) -> None:
    assert ENTRY_NAME_PATTERN.match(name)
    assert not ID_PATTERN.match(name) or "_" not in name


@pytest.mark.parametrize("name", ["Some_case", "some case", "_case", "case_", "café", "a.b"])
def test_other_entry_names_are_refused(name: str) -> None:
    assert not ENTRY_NAME_PATTERN.match(name)


def test_an_entry_named_with_underscores_loads_and_is_referred_to_by_that_id(tree: Tree) -> None:
    tree.write("cases/some_case.md", entry_text())
    tree.write("cases/another.md", entry_text(extra="related: [cases/some_case]\n"))
    tree.write(
        "paths/start.md",
        (
            "---\ntitle: Start\nsummary: Where to start.\naudience: Newcomers.\nsteps:\n"
            "  - entry: cases/some_case\n    note: Read it first.\n"
            "  - entry: cases/first-case\n    note: Then this.\n---\nA path.\n"
        ),
    )
    result = tree.load()
    assert list(result.diagnostics) == []
    assert result.repertoire.entries["cases/some_case"].source.docs_path == "cases/some_case.md"


@pytest.mark.parametrize(
    ("rel", "hint"),
    [
        (
            "cases/Some_Case.md",
            "rename it to repertoire/cases/some_case.md (lower-case letters, "
            "digits, hyphens and underscores)",
        ),
        (
            "members/ann_lee.md",
            "rename it to repertoire/members/ann-lee.md (lower-case letters, "
            "digits and single hyphens)",
        ),
        (
            "problems/Data_Analytics.md",
            "rename it to repertoire/problems/data-analytics.md "
            "(lower-case letters, digits and single hyphens)",
        ),
    ],
)
def test_names_breaking_the_rule_get_a_rename_hint_with_the_printed_path(
    tree: Tree, rel: str, hint: str
) -> None:
    text = entry_text() if rel.startswith("cases/") else "---\nname: X\ntitle: X\n---\n"
    diagnostics = tree.write(rel, text).only(rel)
    assert located(diagnostics) == [(f"repertoire/{rel}", 1, 1, "file")]
    assert diagnostics[0].hint == hint


def test_an_entry_named_with_underscores_builds_and_is_indexed_like_any_other(tree: Tree) -> None:
    tree.write("cases/some_case.md", entry_text(title="Some case"))
    tree.write(
        "cases/first-case.md",
        entry_text(title="First case", extra=("related: [cases/some_case]\n"), date="2024-02-01"),
    )
    build = tree.site.build("--strict")
    assert build.returncode == 0, build.stderr
    page = tree.site.html("cases/some_case/")
    assert "Some case" in page and "Ann Lee" in page
    for listing in ("cases/", "problems/sampling/", "members/ann-lee/", "new/"):
        assert "some_case/" in tree.site.html(listing), listing
    explored = {entry["url"] for entry in tree.site.json("explore.json")["entries"]}
    assert "cases/some_case/" in explored
    assert "Some case" in tree.site.html("cases/first-case/")  # its related entries
    exported = {entry["id"] for entry in tree.site.json()["entries"]}
    assert "cases/some_case" in exported
