"""Byte-level reading and the front-matter block: what is refused, and what is normalised away.

Proves that files which are not UTF-8 text (NUL bytes, invalid UTF-8, over the size limit) get
one error naming the file and the place; that a BOM, CRLF line ends and tab indentation give
exactly the diagnostics of the clean file; and that front matter that is missing, empty,
unclosed or not a mapping is reported at its line, never read as body text.
"""

from __future__ import annotations

import pytest

from repertoire_kit.core.contract.source import (
    MAX_FILE_BYTES,
    FrontMatterBlock,
    SourceText,
    decode_source,
    split_front_matter,
)
from repertoire_kit.core.contract.yaml_reader import compose_front_matter
from repertoire_kit.core.diagnostics import FILE_FIELD, Diagnostic, Diagnostics
from tests.support.core import Tree, entry_text, located

PATH = "repertoire/cases/x.md"


def decode(data: bytes) -> tuple[SourceText | None, list[Diagnostic]]:
    diags = Diagnostics()
    return decode_source(data, PATH, diags), diags.sorted()


def split(text: str) -> tuple[FrontMatterBlock | None, list[Diagnostic]]:
    diags = Diagnostics()
    return split_front_matter(SourceText(PATH, text), diags), diags.sorted()


@pytest.mark.parametrize(
    ("data", "line", "col", "message"),
    [
        (b"---\ntitle: a\x00b\n---\n", 2, 9, "NUL byte"),
        (b"---\ntitle: Caf\xe9\n---\n", 2, 11, "not valid UTF-8"),
        (b"---\ntitle: \xc3\n---\n", 2, 8, "not valid UTF-8"),
    ],
)
def test_undecodable_bytes_are_reported_at_their_place(
    data: bytes, line: int, col: int, message: str
) -> None:
    text, diagnostics = decode(data)
    assert text is None
    assert located(diagnostics) == [(PATH, line, col, FILE_FIELD)]
    assert message in diagnostics[0].message
    assert diagnostics[0].hint


def test_a_file_over_the_size_limit_is_refused_and_one_at_the_limit_is_read() -> None:
    at_limit = b"---\ntitle: a\n---\n".ljust(MAX_FILE_BYTES, b"x")
    text, diagnostics = decode(at_limit)
    assert text is not None and diagnostics == []
    text, diagnostics = decode(at_limit + b"x")
    assert text is None
    assert located(diagnostics) == [(PATH, 1, 1, FILE_FIELD)]
    assert f"{MAX_FILE_BYTES + 1:,} bytes" in diagnostics[0].message


def test_bom_and_every_line_end_style_decode_to_the_same_text() -> None:
    clean = "---\ntitle: a\n---\nbody\n"
    for data in (
        clean.encode(),
        b"\xef\xbb\xbf" + clean.encode(),
        clean.replace("\n", "\r\n").encode(),
        clean.replace("\n", "\r").encode(),
    ):
        text, diagnostics = decode(data)
        assert diagnostics == []
        assert text == SourceText(PATH, clean)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# A heading\n\n---\ntitle: late\n---\n", "does not start with front matter"),
        ("", "does not start with front matter"),
        ("---\n---\nbody\n", "is empty"),
        ("---\n   \n\n---\nbody\n", "is empty"),
        ("---\ntitle: a\nsummary: b\n\nbody without a closing fence\n", "never closed"),
    ],
    ids=["missing", "empty-file", "empty", "blank", "unclosed"],
)
def test_front_matter_problems_are_reported_on_line_1(text: str, message: str) -> None:
    block, diagnostics = split(text)
    assert block is None
    assert located(diagnostics) == [(PATH, 1, 1, "front matter")]
    assert message in diagnostics[0].message


def test_front_matter_block_records_where_yaml_and_body_start() -> None:
    block, diagnostics = split("---\ntitle: a\nsummary: b\n...\n# Body\n")
    assert diagnostics == []
    assert block == FrontMatterBlock("title: a\nsummary: b\n", 2, "# Body\n", 5)


@pytest.mark.parametrize("yaml_text", ["- title\n- summary\n", "just some text\n", "'quoted'\n"])
def test_front_matter_that_is_not_a_mapping_is_refused_at_its_first_line(yaml_text: str) -> None:
    diags = Diagnostics()
    assert compose_front_matter(yaml_text, PATH, 2, diags) is None
    assert located(diags.sorted()) == [(PATH, 2, 1, "front matter")]
    assert "key: value" in diags.sorted()[0].message


def test_front_matter_of_only_a_comment_is_empty() -> None:
    diags = Diagnostics()
    assert compose_front_matter("# nothing yet\n", PATH, 2, diags) is None
    assert [d.message for d in diags.sorted()] == ["the front matter is empty"]


# --- through the loader: the same file, written three ways, reports the same -------------------

MEMBER_WITH_BAD_LINK = (
    "---\nname: NO\nlinks:\n  - label: Website\n    url: http://example.org/\n"
    "  - label: Mail\n    url: mailto:ann@example.org\n---\nA bio.\n"
)


def _with_tabs(text: str) -> str:
    """Each two leading spaces of a front-matter line become one tab."""
    head, _, body = text.partition("\n---\n")
    lines = [
        "\t" * ((len(line) - len(line.lstrip(" "))) // 2) + line.lstrip(" ")
        for line in head.split("\n")
    ]
    return "\n".join(lines) + "\n---\n" + body


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: b"\xef\xbb\xbf" + text.encode(),
        lambda text: text.replace("\n", "\r\n").encode(),
        lambda text: _with_tabs(text).encode(),
        lambda text: b"\xef\xbb\xbf" + _with_tabs(text).replace("\n", "\r\n").encode(),
    ],
    ids=["bom", "crlf", "tabs", "all-three"],
)
def test_bom_crlf_and_tab_indentation_give_the_clean_files_result(tree: Tree, encode) -> None:
    rel = "members/ann-lee.md"
    clean = located(tree.write(rel, MEMBER_WITH_BAD_LINK).only(rel))
    assert clean == [
        ("repertoire/members/ann-lee.md", 2, 7, "name"),
        ("repertoire/members/ann-lee.md", 5, 10, "links[0].url"),
    ]
    assert located(tree.write_bytes(rel, encode(MEMBER_WITH_BAD_LINK)).only(rel)) == clean


def test_a_clean_file_written_with_bom_crlf_and_tabs_loads_like_the_clean_file(tree: Tree) -> None:
    rel = "members/ann-lee.md"
    clean_text = MEMBER_WITH_BAD_LINK.replace("NO", "Ann Lee").replace("http:", "https:")
    tree.write_bytes(rel, b"\xef\xbb\xbf" + _with_tabs(clean_text).replace("\n", "\r\n").encode())
    result = tree.load()
    assert list(result.diagnostics) == []
    member = result.repertoire.members["ann-lee"]
    assert member.name == "Ann Lee"
    assert [link.url for link in member.links] == ["https://example.org/", "mailto:ann@example.org"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (entry_text(body="A NUL \x00 in the body.\n").encode(), "NUL byte"),
        (entry_text().encode() + b"\xff\xfe", "not valid UTF-8"),
        (entry_text().encode() + b"x" * MAX_FILE_BYTES, "the limit is"),
    ],
    ids=["nul", "invalid-utf8", "too-large"],
)
def test_unreadable_files_are_named_and_not_loaded(tree: Tree, data: bytes, message: str) -> None:
    result = tree.write_bytes("cases/unreadable.md", data).load()
    diagnostics = list(result.diagnostics)
    assert [d.path for d in diagnostics] == ["repertoire/cases/unreadable.md"]
    assert message in diagnostics[0].message
    assert "cases/unreadable" not in result.repertoire.entries
    assert "cases/unreadable" in result.broken
