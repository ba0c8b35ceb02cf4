"""Two warnings about how a body fits the page around it.

- A first `#` heading that repeats the title: the page shows the title above the panel already
  (compared as the site's ids compare them: case, accents and punctuation aside).
- A raw HTML block the site's Markdown never closes: everything after it, the generated
  sections included, would be read into that block. Found with Python-Markdown's own raw-HTML
  reader, so what it closes (a `</div>` later, a one-line block) is not reported.

Both are warnings: `repertoire check` exits 0 and the build goes on, and both print them.
"""

from __future__ import annotations

import pytest

from repertoire_kit.core.pages.site_markdown import unclosed_html_block
from repertoire_kit.core.report import format_text
from tests.support.core import Tree, entry_text

CASE = "cases/new-case.md"
CASE_PATH = f"repertoire/{CASE}"


@pytest.mark.parametrize(
    "heading", ["# A test case", "# A Test Case!", "#A test case #", "A test case\n==========="]
)
def test_a_first_heading_repeating_the_title_is_a_warning(tree: Tree, heading: str) -> None:
    [warning] = tree.write(CASE, entry_text(body=f"{heading}\n\n## Context\n\nText.\n")).only(CASE)
    assert (warning.line, warning.col, warning.field, warning.severity.value) == (
        8,
        1,
        "body",
        "warning",
    )
    assert warning.message == (
        "this heading repeats the title, which the page already shows above it"
    )
    assert warning.hint == "delete this line: the page adds the title itself"


@pytest.mark.parametrize(
    "body",
    [
        "# Another title\n\nText.\n",
        "## A test case\n\nText.\n",
        "```\n# A test case\n```\n",
        "Text.\n\n## Context\n",
    ],
)
def test_other_headings_are_fine(tree: Tree, body: str) -> None:
    assert tree.write(CASE, entry_text(body=body)).only(CASE) == []


def test_a_member_page_compares_with_the_name(tree: Tree) -> None:
    member = "---\nname: Ann Lee\n---\n# Ann Lee\n\nAnn audits schools.\n"
    [warning] = tree.write("members/ann-lee.md", member).only("members/ann-lee.md")
    assert (warning.line, warning.severity.value) == (4, "warning")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Text.\n\n<div>\nRest.\n\n## Heading\n", ("div", 3, 1)),
        ("<div markdown>\n\n## Heading\n", ("div", 1, 1)),
        ("Text.\n\n   <p>open paragraph\n\nmore\n", ("p", 3, 4)),
        ("<div>\nclosed\n</div>\n\n## Heading\n", None),
        ("A <div> in a sentence.\n", None),
        ("<details markdown>\n<summary>More</summary>\n\nBody.\n</details>\n", None),
    ],
)
def test_python_markdowns_own_reader_says_which_blocks_stay_open(
    text: str, found: tuple[str, int, int] | None
) -> None:
    block = unclosed_html_block(text)
    assert (None if block is None else (block.tag, block.line, block.col)) == found


def test_an_unclosed_block_is_a_warning_at_its_tag_in_check_and_build(tree: Tree) -> None:
    tree.write(CASE, entry_text(body='## Context\n\n<div class="note">\nA note.\n\n## Lessons\n'))
    [warning] = tree.only(CASE)
    assert (warning.line, warning.col, warning.field, warning.severity.value) == (
        10,
        1,
        "body",
        "warning",
    )
    assert warning.message.startswith("<div> is never closed")
    assert warning.hint == "close it with </div> where the block ends"
    check = tree.site.check()
    assert check.returncode == 0
    assert format_text(warning) in check.stdout
    build = tree.site.build("--strict")
    assert format_text(warning) in build.stderr
