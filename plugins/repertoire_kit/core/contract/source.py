"""Reading a contributed file safely: size, encoding, line ends, and the front-matter block.

Everything a contributor can get wrong at the byte level is reported here, with the file named,
before any YAML is parsed: files over the size limit, NUL bytes, invalid UTF-8. A BOM, CRLF
line ends and tab indentation in the front matter are normalised so that they give the same
result as the clean file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import FILE_FIELD, Diagnostics, Position

MAX_FILE_BYTES = 1_000_000
_FENCE = re.compile(r"^(-{3}|\.{3})[ \t]*$")
_LEADING_TABS = re.compile(r"^[ \t]+")


@dataclass(frozen=True)
class SourceText:
    """A decoded, normalised file: `\\n` line ends, no BOM."""

    path: str
    text: str


@dataclass(frozen=True)
class FrontMatterBlock:
    """The YAML between the fences, the Markdown after them, and where each starts."""

    yaml_text: str
    yaml_first_line: int
    body: str
    body_first_line: int


def _byte_position(data: bytes, offset: int) -> Position:
    """The line and (byte) column of an offset into undecodable bytes."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return Position(data.count(b"\n", 0, offset) + 1, offset - line_start + 1)


def decode_source(data: bytes, path: str, diags: Diagnostics) -> SourceText | None:
    """Decode a file's bytes, or report why it cannot be read as a Markdown entry."""
    if len(data) > MAX_FILE_BYTES:
        diags.file_error(
            path,
            f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}",
            "split it, or move large material (data, images) out of the Markdown file",
        )
        return None
    if b"\x00" in data:
        diags.error(
            path,
            _byte_position(data, data.index(b"\x00")),
            FILE_FIELD,
            "file contains a NUL byte; it is not a text file",
            "save it again as plain UTF-8 text",
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        diags.error(
            path,
            _byte_position(data, error.start),
            FILE_FIELD,
            "file is not valid UTF-8",
            "save it again with UTF-8 encoding",
        )
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, text)


def _expand_indent_tabs(line: str) -> str:
    """YAML forbids tabs in indentation; treat each leading tab as two spaces."""
    match = _LEADING_TABS.match(line)
    if not match or "\t" not in match.group(0):
        return line
    return match.group(0).replace("\t", "  ") + line[match.end() :]


def split_front_matter(source: SourceText, diags: Diagnostics) -> FrontMatterBlock | None:
    """Find the `---` fenced block at the top of a file, or report what is wrong with it."""
    lines = source.text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        diags.error(
            source.path,
            Position(1),
            "front matter",
            "the file does not start with front matter",
            "put a line '---', the fields (title, summary, ...), and another '---' at the very top",
        )
        return None
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            yaml_lines = [_expand_indent_tabs(line) for line in lines[1:index]]
            yaml_text = "\n".join(yaml_lines)
            if not yaml_text.strip():
                diags.error(
                    source.path,
                    Position(1),
                    "front matter",
                    "the front matter is empty",
                    "add the required fields between the two '---' lines",
                )
                return None
            return FrontMatterBlock(
                yaml_text=yaml_text + "\n",
                yaml_first_line=2,
                body="\n".join(lines[index + 1 :]),
                body_first_line=index + 2,
            )
    diags.error(
        source.path,
        Position(1),
        "front matter",
        "the front matter starts on line 1 but is never closed",
        "add a line '---' after the last field",
    )
    return None
