"""What the theme may see of a page's metadata: escaped values only.

Neither MkDocs nor Material escapes page metadata in templates (`page.meta.description` goes
into `<meta content="…">` raw), so the page's meta is replaced with HTML-escaped values of the
validated record, and nothing the contributor wrote reaches a template unescaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from ..core import (
    CuratedPath,
    Diagnostic,
    Entry,
    Member,
    ProblemType,
    Use,
    format_text,
    markdown_text,
)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, (list, tuple)):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def escaped_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Any other page's meta with every string escaped: MkDocs read it leniently and the theme
    prints it raw (title, description)."""
    return {str(key): _escaped(value) for key, value in meta.items()}


def rendered_title(title: str) -> str:
    """A title MkDocs took from the rendered first heading, safe for the theme.

    The heading is HTML, and Material prints it through `striptags`, which decodes character
    references: `&lt;script&gt;` would come out as a real tag. Reduce it to plain text and
    escape that once, to be stored as the page's meta title (printed as it is).
    """
    return html.escape(Markup(title).striptags(), quote=True)


def theme_meta(
    record: Entry | Member | ProblemType | CuratedPath | Use, heading: str | None
) -> dict[str, Any]:
    """The page meta for a record page: title (the page's `heading`), description and the
    allowed theme keys."""
    summary = getattr(record, "summary", None)
    meta: dict[str, Any] = {key: _escaped(value) for key, value in record.theme.items()}
    if heading is not None:
        meta["title"] = html.escape(heading, quote=True)
    if "description" not in meta and summary:
        meta["description"] = html.escape(summary, quote=True)
    if isinstance(record, Entry) and record.tags:
        meta["tags"] = [html.escape(tag, quote=True) for tag in record.tags]
    return meta


def broken_page_markdown(docs_path: str, diagnostics: list[Diagnostic]) -> str:
    """What `mkdocs serve` shows instead of a record that failed to load: its problems."""
    lines = [
        f"# {markdown_text(docs_path)}",
        "",
        '!!! failure "This file has problems and is not published"',
        "",
        "    Fix these, save, and the page comes back:",
        "",
    ]
    lines += [f"    - `{format_text(d).replace('`', chr(39))}`" for d in diagnostics]
    return "\n".join(lines) + "\n"
