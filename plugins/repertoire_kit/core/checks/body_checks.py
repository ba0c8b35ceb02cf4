"""What a contributed body may not do, reported at its line: the checks every body gets.

- dangerous markup (`core.markup_scan`), an error;
- a placeholder of `repertoire new` left in a published record (`core.placeholders`), an error;
- a first `#` heading that repeats the record's title (the page shows the title already), a
  warning;
- a raw HTML block that is never closed, a warning: the site's Markdown would take the rest of
  the page, the generated sections included, into it, as raw HTML.
"""

from __future__ import annotations

import re

from ..contract.placeholders import Placeholder
from ..diagnostics import Diagnostics, Position
from ..pages.site_markdown import slug, unclosed_html_block
from ..safety.markup_scan import scan_markdown, text_without_code

# The first level-1 heading: ATX ('# Title', '#Title', closing hashes optional) or setext (a
# line underlined with '===').
_TITLE = re.compile(r"^#(?!#)[ \t]*(.*?)[ \t]*#*[ \t]*$|^(\S[^\n]*)\n=+[ \t]*$", re.MULTILINE)


def check_markup(path: str, body: str, first_line: int, diags: Diagnostics) -> None:
    """Report each dangerous construct of a Markdown body at its line."""
    for issue in scan_markdown(body, first_line):
        diags.error(path, Position(issue.line, issue.col), "body", issue.message, issue.hint)


def report_placeholders(
    path: str,
    found: list[Placeholder],
    published_at_once: str,
    diags: Diagnostics,
    draft_noun: str = "entry",
) -> None:
    """Each placeholder left in a record that will be published, at its line.

    `published_at_once` names the kind of record when it has no draft state (a member, a
    problem type, a path); "" for a record that could be kept a draft instead (an entry, a
    use: `draft_noun`).
    """
    hint = (
        f"write your own text here: a {published_at_once} is published as soon as it is merged"
        if published_at_once
        else f"write your own text here, or keep the {draft_noun} a draft (draft: true) until then"
    )
    for placeholder in found:
        diags.error(
            path,
            placeholder.pos,
            placeholder.field,
            f"'{placeholder.shown}' is a placeholder, still to be replaced",
            hint,
        )


def _may_have_title(body: str) -> bool:
    """Whether a line of the body as written starts with a lone '#' or with '=' (blanking
    code only removes lines). Counted with substring searches: a MULTILINE pattern would try
    every position of every body."""
    if body.startswith(("=", "#")) and not body.startswith("##"):
        return True
    return "\n=" in body or body.count("\n#") != body.count("\n##")


def check_title_heading(
    path: str, body: str, first_line: int, title: str, diags: Diagnostics
) -> None:
    """Warn about a first `#` heading that repeats the title the page already shows."""
    if not _may_have_title(body):
        return  # most bodies start their sections at '##': nothing to blank and compare
    text = text_without_code(body)
    heading = _TITLE.search(text)
    if heading is None:
        return
    written = heading.group(1) if heading.group(1) is not None else heading.group(2)
    if slug(written) and slug(written) == slug(title):
        diags.warning(
            path,
            Position(first_line + text.count("\n", 0, heading.start())),
            "body",
            "this heading repeats the title, which the page already shows above it",
            "delete this line: the page adds the title itself",
        )


def check_html_blocks(path: str, body: str, first_line: int, diags: Diagnostics) -> None:
    """Warn about a raw HTML block that the site's Markdown would never close."""
    if "<" not in body:
        return
    unclosed = unclosed_html_block(text_without_code(body))
    if unclosed is None:
        return
    diags.warning(
        path,
        Position(first_line + unclosed.line - 1, unclosed.col),
        "body",
        f"<{unclosed.tag}> is never closed: the site's Markdown would take everything after "
        "it, to the end of the page (generated sections included), into this block",
        f"close it with </{unclosed.tag}> where the block ends",
    )
