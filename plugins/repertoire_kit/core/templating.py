"""Rendering generated Markdown through Jinja templates that a site can override.

The templates live in the package (`templates/repertoire/`); the MkDocs adapter puts the
theme's folders (with `custom_dir`) in front, so `overrides/repertoire/<name>.md` replaces
one. Every `{{ value }}` is escaped as inert Markdown text by `finalize`, unless it is a
`Markup` fragment built by this package. Contributed values are passed as data, never
compiled as templates, so `{{ 7*7 }}` in a title stays literal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import jinja2
from markupsafe import Markup

from .escape import markdown_text, markdown_url

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _finalize(value: Any) -> Any:
    """Escape every printed value that is not a trusted fragment."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return Markup(markdown_text(value))


def make_environment(extra_loaders: Sequence[jinja2.BaseLoader] = ()) -> jinja2.Environment:
    """A Jinja environment for Markdown templates; earlier loaders win."""
    loaders = [*extra_loaders, jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))]
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        # On, so that macro output is Markup; `_finalize` does the real (Markdown) escaping.
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # Templates do not change during a build (`serve` makes a new environment each
        # rebuild): checking their files on every render is wasted work.
        auto_reload=False,
    )
    environment.filters["url"] = lambda value: Markup(markdown_url(str(value)))
    return environment


class Renderer:
    """Renders the named Markdown templates with escaped values."""

    def __init__(self, environment: jinja2.Environment | None = None) -> None:
        self.environment = environment or make_environment()
        self._templates: dict[str, jinja2.Template] = {}

    def render(self, name: str, **context: Any) -> str:
        """The Markdown of template `repertoire/<name>` for this context."""
        template = self._templates.get(name)
        if template is None:
            template = self.environment.get_template(f"repertoire/{name}")
            # A template's globals are a view over the environment's; each render copies them
            # into its context. A plain dict copies at C speed, and nothing adds globals once
            # rendering starts.
            template.globals = dict(template.globals)
            self._templates[name] = template
        return template.render(**context)
