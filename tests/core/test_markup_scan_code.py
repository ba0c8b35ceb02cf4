"""The markup scan skips code only where the site's Markdown really makes code.

An indented block after a blank line below a paragraph is code: markup shown there is not
reported. Indented lines that Markdown reads as text (a lazy continuation, the inside of a list
item, admonition, details block, footnote or definition, anything after raw HTML, the first line
of a body, which the page strips) are still scanned. Fences and code spans follow superfences
and Python-Markdown: a fence that is never closed, closed by a different fence, indented, or
given options superfences refuses is text; so is a span opened by an escaped backtick, one that
an unpaired backtick on an earlier line pairs differently, or one inside raw HTML. Each case is
checked against the site's own Markdown pipeline, and random bodies built from the same pieces
prove that whenever that pipeline outputs a raw `<script>`, the scan reports it (a miss would be
a hole; a false alarm only costs a question). Real builds show that an indented `<script>` is
published as code text, and that one inside a list item fails the build and is removed by the
sanitiser when the page is written anyway.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from repertoire_kit.core.safety.markup_scan import (
    _CODE_SPAN,
    _FEW_BACKTICKS,
    _PAIRED_BACKSLASHES,
    _mask,
    _spans_by_runs,
    scan_markdown,
)
from tests.support.crossindex_html import parse_html
from tests.support.security import (
    MARKDOWN_EXTENSIONS,
    MARKDOWN_SETTINGS,
    html_problems,
    render_markdown,
)
from tests.support.sites import Site

SCRIPT = "<script>alert('PWN')</script>"
SCRIPT_FOUND = "raw <script> is not allowed"

# Bodies whose `<script>` the site's Markdown makes code: nothing is reported.
CODE: dict[str, str] = {
    "after a paragraph": f"Intro.\n\n    {SCRIPT}\n",
    "indented by a tab": f"Intro.\n\n\t{SCRIPT}\n",
    "a space and a tab": f"Intro.\n\n  \t{SCRIPT}\n",
    "second chunk of a code block": f"Intro.\n\n    code\n\n    {SCRIPT}\n",
    "after a heading": f"## Context\n\n    {SCRIPT}\n",
    "after a list ended by a paragraph": f"- item\n\nA paragraph.\n\n    {SCRIPT}\n",
    "after a fenced block": f"Intro.\n\n```\ncode\n```\n\n    {SCRIPT}\n",
    "after a table": f"| a |\n|---|\n| 1 |\n\n    {SCRIPT}\n",
    "after a block quote": f"> quoted\n\n    {SCRIPT}\n",
    "after an attr_list": f"Intro.\n{{: .note }}\n\n    {SCRIPT}\n",
    "after a paragraph indented 3": f"- item\n\n   para\n\n    {SCRIPT}\n",
    "after an admonition ended by a paragraph": f"!!! note\n    body\n\nText.\n\n    {SCRIPT}\n",
    "handler and javascript link": (
        'Intro.\n\n    <a href="javascript:alert(1)" onclick="x">y</a>\n    {: style="c" }\n'
    ),
    "fence with a language": f"Intro.\n```html\n{SCRIPT}\n```\n",
    "tilde fence": f"~~~\n{SCRIPT}\n~~~\n",
    "fence with a title": f'```html title="page.html"\n{SCRIPT}\n```\n',
    "fence with line numbers": f'```html linenums="1"\n{SCRIPT}\n```\n',
    "fence with highlighted lines": f'```html hl_lines="1 2-3"\n{SCRIPT}\n```\n',
    "fence after a fence": f"```\nx\n```\n````\n{SCRIPT}\n````\n",
    "code span": f"Use `{SCRIPT}` with care.\n",
    "double code span": f"Use ``{SCRIPT} ` `` with care.\n",
    "span after escaped backslashes": f"A \\\\`{SCRIPT}` span.\n",
    "span in a list item": f"- `{SCRIPT}`\n",
    "fence indented in a list item": f"1. Paste this:\n\n   ```html\n   {SCRIPT}\n\n   ```\n",
    "span after an autolink": f"<https://example.org/> shows\n`{SCRIPT}`\n",
    "code block after an autolink": f"<https://example.org/>\n\n    {SCRIPT}\n",
    "span in a line of many backticks": "`a` " * _FEW_BACKTICKS + f"`{SCRIPT}`\n",
    "after a fence ending a list": f"- item\n\n```\nx\n```\n\n    {SCRIPT}\n",
    "after a fence indented 3 below a list": f"- item\n\n   ```\n   x\n   ```\n\n    {SCRIPT}\n",
}

# Bodies whose `<script>` the site's Markdown leaves as raw HTML, with the line it is on.
TEXT: dict[str, tuple[str, int]] = {
    "lazy continuation": (f"Intro.\n    {SCRIPT}\n", 2),
    "inside a list item": (f"- item\n\n    {SCRIPT}\n", 3),
    "inside a numbered item": (f"1. item\n\n    {SCRIPT}\n", 3),
    "list item with a lazy line": (f"- item\nlazy\n\n    {SCRIPT}\n", 4),
    "list item after several blanks": (f"- item\n\n\n\n    {SCRIPT}\n", 5),
    "inside an admonition": (f"!!! note\n\n    {SCRIPT}\n", 3),
    "inside details": (f"??? note\n\n    {SCRIPT}\n", 3),
    "inside a footnote": (f"A claim.[^1]\n\n[^1]: The source.\n\n    {SCRIPT}\n", 5),
    "inside a definition": (f"Term\n: Meaning\n\n    {SCRIPT}\n", 4),
    "inside a raw HTML block": (f"<div>\n\n    {SCRIPT}\n\n</div>\n", 3),
    "after an unclosed HTML block": (f"<div>\n\nA paragraph.\n\n    {SCRIPT}\n", 5),
    "after the end of a code block": (f"Intro.\n\n    code\n{SCRIPT}\n", 4),
    "indented three spaces": (f"Intro.\n\n   {SCRIPT}\n", 3),
    "first line of the body": (f"    {SCRIPT}\n", 1),
    "a no-break space is not blank": (f"Intro.\n\u00a0\n    {SCRIPT}\n", 3),
    "fence never closed": (f"```\n{SCRIPT}\n", 2),
    "fence closed by a longer fence": (f"```\n{SCRIPT}\n````\n", 2),
    "fence closed by another opening": (f"```\n{SCRIPT}\n```python\n", 2),
    "fence closed by tildes": (f"```\n{SCRIPT}\n~~~\n", 2),
    "fence with an unknown option": (f'```html foo="1"\n{SCRIPT}\n```\n', 2),
    "indented fence closed at the margin": (f"Intro.\n  ```\n{SCRIPT}\n```\n", 3),
    "fence dropped at a line indented less": (f"1. Paste this:\n\n   ```\n{SCRIPT}\n   ```\n", 4),
    "after a fence inside a list item": (f"- item\n\n    ```\n    x\n    ```\n\n    {SCRIPT}\n", 7),
    "after a fence inside an admonition": (
        f"!!! note\n\n    ```\n    x\n    ```\n\n    {SCRIPT}\n",
        7,
    ),
    # Superfences turns these fences back into text; the backticks then pair as code spans,
    # which end at 'a```b' and leave the script outside.
    "fence after an indented line": (f"Intro.\n\n    code\n```\na```b\n{SCRIPT}\n```\n", 6),
    "fence after a heading and an indented line": (
        f"# Title\n    code\n```\na```b\n{SCRIPT}\n```\n",
        5,
    ),
    "fence in a quote with an indented line": (
        f"> x\n>\n>     code\n```\na```b\n{SCRIPT}\n```\n",
        6,
    ),
    "escaped backtick": (f"A \\`{SCRIPT}` span.\n", 1),
    "span paired from the line before": (f"A `tick\nand `{SCRIPT}` here.\n", 2),
    "span in a raw HTML block": (f"<div>\n`{SCRIPT}`\n</div>\n", 2),
    "unequal backtick runs": (f"``{SCRIPT}```\n", 1),
    "inline triple backticks then a line": (f"```{SCRIPT}```\n{SCRIPT}\n", 2),
    # Markdown deletes STX first, so the first line opens a fence and the fences pair up
    # differently from how they look.
    "fence behind a deleted control character": (f"\x02```\nx\n```\n{SCRIPT}\n```\ny\n```\n", 4),
    "outside the spans of a line of many backticks": ("`a` " * _FEW_BACKTICKS + f"{SCRIPT}\n", 1),
}


# Bodies the scan reports although the site's Markdown makes the script code: telling them
# apart would mean following more of Markdown than the scan does, and a false alarm is safe.
DOUBTFUL: dict[str, str] = {
    "admonition continued by a fence": f"!!! note\n    body\n```\nx\n```\n\n    {SCRIPT}\n",
    "heading directly above": f"## Context\n    {SCRIPT}\n",
    "after a closed HTML block": f"<div>x</div>\n\n    {SCRIPT}\n",
    "after an HTML comment": f"<!-- note -->\n\n    {SCRIPT}\n",
    "in a list item's own code block": f"- item\n\n        {SCRIPT}\n",
    "fence with attributes in braces": f"```{{ .html }}\n{SCRIPT}\n```\n",
    "fence in a quote": f"> ```\n> {SCRIPT}\n> ```\n",
    "carriage returns": f"Intro.\r\n\r\n    {SCRIPT}\r\n",
    "a control character Markdown deletes": f"Intro.\n\x03\n    {SCRIPT}\n",
}


def reported(body: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in scan_markdown(body)]


def renders_raw_script(body: str) -> bool:
    """Whether the site's Markdown pipeline outputs a script element for the body as a page
    places it (stripped, after a blank line)."""
    return "<script" in render_markdown(body.strip()).lower()


@pytest.mark.parametrize("name", sorted(CODE))
def test_markup_in_an_indented_code_block_is_not_reported(name: str) -> None:
    assert reported(CODE[name]) == []
    assert not renders_raw_script(CODE[name])


@pytest.mark.parametrize("name", sorted(TEXT))
def test_markup_that_markdown_reads_as_text_is_reported(name: str) -> None:
    body, line = TEXT[name]
    assert (line, SCRIPT_FOUND) in reported(body)


@pytest.mark.parametrize("name", sorted(TEXT))
def test_the_reported_cases_are_raw_html_in_the_sites_markdown(name: str) -> None:
    assert renders_raw_script(TEXT[name][0])


@pytest.mark.parametrize("name", sorted(DOUBTFUL))
def test_where_the_scan_cannot_be_sure_it_reports(name: str) -> None:
    assert SCRIPT_FOUND in [message for _, message in reported(DOUBTFUL[name])]
    assert not renders_raw_script(DOUBTFUL[name].replace("\r", ""))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="``\\a ", max_size=60))
def test_spans_found_from_backtick_runs_are_those_of_the_markdown_pattern(line: str) -> None:
    """Lines with many backticks are read from their runs (the pattern would take quadratic
    time on some); both must find the same spans."""
    probe = _PAIRED_BACKSLASHES.sub(_mask, line)
    expected = [(span.start(), span.end()) for span in _CODE_SPAN.finditer(probe)]
    assert _spans_by_runs(probe) == expected


def test_the_code_block_ends_where_the_indentation_does() -> None:
    body = f"Intro.\n\n    {SCRIPT}\n\n    code\nText <img src=x onerror=y>.\n\n    {SCRIPT}\n"
    assert reported(body) == [(6, "event handler attribute 'onerror' is not allowed")]


# Pieces of Markdown that decide how an indented line is read, for random bodies.
PIECES = (
    "",
    "Text.",
    "  Text.",
    "\u00a0",
    f"    {SCRIPT}",
    f"\t{SCRIPT}",
    f"        {SCRIPT}",
    f"   {SCRIPT}",
    "    code",
    "- item",
    "* item",
    "1. item",
    "-",
    "!!! note",
    "??? note",
    "[^1]: note",
    "Term",
    ": meaning",
    "<div>",
    "</div>",
    '<div markdown="1">',
    "<!-- note -->",
    "```",
    "    ```",
    "~~~",
    "> quote",
    "## Heading",
    "Title",
    "=====",
    "---",
    "| a |",
    "|---|",
    "{: .note }",
    "`code`",
    f"`{SCRIPT}`",
    "A `tick",
    f"\\`{SCRIPT}`",
    f"\\\\`{SCRIPT}`",
    f"```{SCRIPT}```",
    "````",
    "```html",
    '```html foo="1"',
    '```html title="x"',
    "  ```",
    "> ```",
    ">     code",
    f"<span>`{SCRIPT}`</span>",
    "\u3000",
    "   ```",
    "   ```html",
    "<https://example.org/>",
    "```\nx\n```",
    "    ```\n    x\n    ```",
    "   ```\n   x\n   ```",
    f"    ```\n    {SCRIPT}\n    ```",
    "\x02```",
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
def test_a_script_markdown_outputs_raw_is_always_reported(pieces: list[str]) -> None:
    body = "\n".join(pieces) + "\n"
    if renders_raw_script(body):
        assert SCRIPT_FOUND in [message for _, message in reported(body)], body


# ----- real builds --------------------------------------------------------------------------------

SITE_MARKDOWN = yaml.safe_dump(
    {
        "markdown_extensions": [
            {name: MARKDOWN_SETTINGS[name]} if name in MARKDOWN_SETTINGS else name
            for name in MARKDOWN_EXTENSIONS
        ]
    }
)


def case_file(body: str) -> str:
    return (
        "---\ntitle: A case\nsummary: A case.\nproblem_types: [sampling]\n"
        f"contributors: [ann-lee]\ndate: 2024-03-01\n---\n{body}"
    )


def test_an_indented_script_is_published_as_code_text(make_site: Callable[..., Site]) -> None:
    site = make_site(
        {
            "repertoire/cases/code.md": case_file(CODE["after a paragraph"]),
            "repertoire/members/bo-li.md": (
                f"---\nname: Bo Li\nrole: member\n---\nBo audits.\n\n    {SCRIPT}\n\nMore.\n"
            ),
        },
        config=SITE_MARKDOWN,
    )
    assert site.build("--strict").returncode == 0, site.last.stderr if site.last else ""
    for url in ("cases/code/", "members/bo-li/"):
        page = site.html(url)
        assert html_problems(page, url) == []
        code_text = [c.text() for c in parse_html(page).find_all("code")]
        assert any(SCRIPT in text for text in code_text), url


def test_an_indented_script_in_a_list_item_fails_and_is_sanitised(
    make_site: Callable[..., Site],
) -> None:
    site = make_site(
        {"repertoire/cases/listed.md": case_file(TEXT["inside a list item"][0])},
        config=SITE_MARKDOWN,
    )
    assert site.build("--strict").returncode != 0
    assert f"repertoire/cases/listed.md:10:5: body: {SCRIPT_FOUND}" in (
        site.last.stderr if site.last else ""
    )
    assert site.serve_build().returncode == 0, site.last.stderr if site.last else ""
    page = site.html("cases/listed/")
    assert html_problems(page, "cases/listed/") == []
    assert "alert('PWN')" not in page
