"""The new body checks take linear time whatever a contributor writes.

A body can hold a megabyte. The link scan pairs brackets with a stack, looks paragraph breaks
up by bisection, reads a target once and for at most 2,048 characters, and spends its
did-you-means on a file's first broken links only. The unclosed-HTML warning leaves bodies
with thousands of '<' to a linear rule, as Python-Markdown's own reader is quadratic on them.
So no arrangement of brackets, parentheses, tags or broken links can stall `repertoire check`.
Each pathological body below, about 1 MB, is read (and checked in a real load) in well under
the time a quadratic scan would need (minutes).
"""

from __future__ import annotations

import time

import pytest

from repertoire_kit.core.checks.markdown_links import find_links
from repertoire_kit.core.pages.site_markdown import unclosed_html_block
from tests.support.core import Tree, entry_text

MEGABYTE = 1_000_000
# Generous for a shared 2-core machine: the linear scan takes well under a second.
SECONDS = 10.0

PATHOLOGICAL = {
    "opening parentheses after every link text": "[](" * (MEGABYTE // 3),
    "angle-bracket targets never closed": "[](<" * (MEGABYTE // 4),
    "nested brackets": "[" * (MEGABYTE // 2) + "](x.md)" + "]" * (MEGABYTE // 2),
    "references never defined": "[a][" * (MEGABYTE // 4),
    "links across paragraph breaks": "[a\n\n" * (MEGABYTE // 4) + "](x.md)",
    "escaped brackets": "\\[" * (MEGABYTE // 2) + "](x.md)",
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_the_link_scan_is_linear(name: str) -> None:
    started = time.process_time()
    find_links(PATHOLOGICAL[name])
    assert time.process_time() - started < SECONDS


HTML_BLOCKS = {
    "a block of unfinished tags": ("<div>\n" + "<a " * (MEGABYTE // 3), ("div", 1, 1)),
    "a block per line": ("<div>\n" * (MEGABYTE // 6), ("div", 1, 1)),
    "closed blocks": ("<div>\n<b>x</b>\n</div>\n\n" * (MEGABYTE // 25), None),
}


@pytest.mark.parametrize("name", HTML_BLOCKS)
def test_the_unclosed_block_rule_is_linear_and_still_finds_the_block(name: str) -> None:
    text, expected = HTML_BLOCKS[name]
    started = time.process_time()
    found = unclosed_html_block(text)
    assert time.process_time() - started < SECONDS
    assert (None if found is None else (found.tag, found.line, found.col)) == expected


def test_a_body_of_thousands_of_broken_links_is_checked_quickly(make_site) -> None:
    tree = Tree(make_site())
    links = " ".join(f"[x](missing-{n}.md) [y](#nowhere-{n})" for n in range(20_000))
    tree.write("cases/pasted.md", entry_text(body=links + "\n"))
    started = time.process_time()
    diagnostics = tree.only("cases/pasted.md")
    assert time.process_time() - started < SECONDS
    assert len(diagnostics) == 40_000
    assert sum(1 for d in diagnostics if "did you mean" in d.hint) <= 25
