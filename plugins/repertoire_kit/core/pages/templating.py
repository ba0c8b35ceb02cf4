"""The two kinds of templates a generated page is made from, both overridable by a site.

A page's *layout* (`templates/repertoire/<page>.md`) is a short Markdown text: the title, the
introduction and the headings, which the engine turns into the table of contents and the
permalinks. Every value it prints is escaped as inert Markdown text by `finalize`. Where the
layout calls `slot("<fragment>.html", view=...)`, a slot token stands in the Markdown for an
HTML *fragment* (rendered with HTML autoescaping when the page is finished), which is put in
its place after the engine has converted the page (see `slots`). So no generated listing is
ever parsed as Markdown. The MkDocs adapter puts the theme's folders (with `custom_dir`) in
front, so `overrides/repertoire/<name>` replaces a template. Contributed values are data, never
compiled as templates: `{{ 7*7 }}` in a title stays literal.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..safety.escape import markdown_text, markdown_url
from ..settings import sentence_case
from . import html_helpers
from .slots import Composed, Fragment, SlotTokens

PACKAGE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _markdown_finalize(value: Any) -> Any:
    """Escape every printed value of a layout that is not a trusted fragment."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return Markup(markdown_text(value))


def _environment(loaders: Sequence[jinja2.BaseLoader], **options: Any) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([*loaders, jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))]),
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # Templates do not change during a build (`serve` makes new environments each rebuild).
        auto_reload=False,
        **options,
    )


class Templates:
    """Renders layouts into `Composed` pages, and the fragments their slots call for."""

    def __init__(self, extra_loaders: Sequence[jinja2.BaseLoader] = ()) -> None:
        self.tokens = SlotTokens.fresh()
        self.layouts = _environment(extra_loaders, finalize=_markdown_finalize)
        self.layouts.filters["url"] = lambda value: Markup(markdown_url(str(value)))
        self.fragments = _environment(extra_loaders)
        self.fragments.globals["h"] = html_helpers
        self._loaded: dict[str, jinja2.Template] = {}
        for environment in (self.layouts, self.fragments):
            environment.filters["sentence_case"] = sentence_case

    def fragment(self, name: str, **context: Any) -> str:
        """The HTML of fragment `repertoire/<name>`, without blank lines, so that it is one
        raw HTML block for any Markdown engine that reads it inline (`repertoire generate`)."""
        template = self._loaded.get(name)
        if template is None:
            # Jinja's own cache takes a lock and reorders an LRU list on every lookup: a build
            # asks for a fragment some 4,000 times per 1,000 entries.
            template = self._loaded[name] = self.fragments.get_template(f"repertoire/{name}")
        html = template.render(**context)
        return "\n".join(filter(str.strip, html.splitlines()))

    def page(self, layout: str, **context: Any) -> Composed:
        """Layout `repertoire/<layout>` rendered, with the fragments its slots called for."""
        fragments: list[Fragment] = []

        def slot(name: str, **fragment_context: Any) -> Markup:
            fragments.append(Fragment(name, fragment_context))
            return Markup(f"\n{self.tokens.token(len(fragments) - 1)}\n")

        markdown = self.layouts.get_template(f"repertoire/{layout}").render(slot=slot, **context)
        return Composed(markdown, tuple(fragments), self.tokens, self._render)

    def _render(self, fragment: Fragment) -> str:
        return self.fragment(fragment.name, **fragment.context)
