"""The theme's templates with their indentation folded, so that its pages ship without it.

Material's templates indent their output for readability, and that indentation is about a
tenth of every page the site ships (3 MB of a 1,000-entry repertoire). It is folded once, when
a template is loaded, instead of in every finished page:
- each run of white space that starts with a line break becomes one line break;
- a line that holds only conditions, loops or comments (`{% if … %}`, `{% endfor %}`,
  `{# … #}`) loses the line break after it, which would otherwise print an empty line; the
  one before it stays, in front of whatever the line leads to.

In HTML any run of white space renders as one space, so nothing a reader sees changes, and a
line break stays a line break (an inline script's statements keep their ends). What the
templates print from variables (the page's content, members' code blocks among it) is not
touched, and neither is a template whose source holds a `<pre>` or a `<textarea>`, where
white space is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jinja2

_INDENTATION = re.compile(r"\n\s+")
_CONTROL_TAG = r"\{%-?\s*(?:if|elif|else|endif|for|endfor)\b[^%\n]*%\}"
_COMMENT = r"\{#[^#\n]*#\}"
_TAGS_ALONE_ON_A_LINE = re.compile(rf"(?<=\n)((?:{_CONTROL_TAG}|{_COMMENT})+)\n")
"""A line of conditions, loops and comments alone. Not blocks, macros, includes or captured
`set`s: what they print starts or ends in another template or variable, so the line break
before the line might not be in front of what follows it."""
_KEEP_WHITE_SPACE = ("<pre", "<textarea")


def fold_template_source(source: str) -> str:
    """A template's source with every indented line break made a bare one and no line break
    after a line of tags alone, or the source as it is where white space shows."""
    if any(tag in source for tag in _KEEP_WHITE_SPACE):
        return source
    return _TAGS_ALONE_ON_A_LINE.sub(r"\1", _INDENTATION.sub("\n", source))


class FoldingLoader(jinja2.BaseLoader):
    """The theme's loader, handing Jinja each template's source folded."""

    def __init__(self, theme_loader: jinja2.BaseLoader) -> None:
        self.theme_loader = theme_loader

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.theme_loader.get_source(environment, template)
        return fold_template_source(source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.theme_loader.list_templates()


def fold_theme_templates(env: jinja2.Environment) -> None:
    """Make `env` load its templates folded (before it has compiled any of them)."""
    if env.loader is not None and not isinstance(env.loader, FoldingLoader):
        env.loader = FoldingLoader(env.loader)
