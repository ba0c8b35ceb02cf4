"""Escaping contributed values for every place they land: Markdown, URLs, JSON, XML.

Front-matter values are data, never markup: a title such as `*Hi* <b>{{ 7*7 }}</b>` must show
exactly those characters. `markdown_text` makes a value inert for Python-Markdown and for HTML
(character references survive both); `json_text` makes JSON safe to embed anywhere.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any
from urllib.parse import quote

# Characters that can start or end Markdown, attr_list or HTML syntax inline. They become
# numeric character references, which Markdown passes through and browsers show as text.
_INLINE_SPECIALS = re.compile(r"[\\`*_{}\[\]<>&|~^#\"']")
# Block syntax that only counts at the start of a line: list and quote markers, setext
# underlines (`=`), definition lists (`:`), admonitions (`!!!`), details (`???`) and
# pymdownx blocks (`///`). Templates put values at line starts, so the first one is encoded.
_LINE_START_MARKER = re.compile(r"^(\s*)([-+>:=!?/]|\d+[.)])")


def markdown_text(value: object) -> str:
    """A value as inert inline Markdown text: one line, every special character encoded."""
    return _markdown_text(str(value))


@functools.lru_cache(maxsize=65536)
def _markdown_text(value: str) -> str:
    """The escaping itself, once per distinct string (names and titles recur on every page)."""
    text = re.sub(r"\s+", " ", value)
    text = _INLINE_SPECIALS.sub(lambda m: f"&#{ord(m.group(0))};", text)
    return _LINE_START_MARKER.sub(
        lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text
    )


_URL_SAFE = "/:?#@!$&*+,;=%~-._"


def markdown_url(url: str) -> str:
    """A URL that cannot break out of a Markdown link target or an HTML attribute."""
    return quote(url, safe=_URL_SAFE)


# Each character with its JSON escape, `\uXXXX`.
_JSON_EMBED_ESCAPES = tuple(
    (character, f"\\u{ord(character):04x}") for character in "<>&\u2028\u2029"
)


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON with `<`, `>` and `&` escaped, so it stays inert even if pasted into HTML.

    U+2028 and U+2029 are escaped too: JSON allows them raw, but older JavaScript engines end a
    string literal at them, so JSON pasted into a script would break.
    """
    separators = (",", ":") if indent is None else None  # compact means compact
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    for character, escaped in _JSON_EMBED_ESCAPES:
        text = text.replace(character, escaped)
    return text
