"""Dangerous files are refused with an error naming the file; harmless byte-level variants
(BOM, CRLF, tab indentation) give exactly the site the clean file gives.

Each hostile tree is the shared MINIMAL repertoire plus one planted file, loaded exactly as
`repertoire check` loads it; the test compares the printed diagnostics line for line. The
equivalence test builds two real sites and compares every byte of their `site/` folders.
The last tests close what a contributor could once publish unchecked: active file types,
files at the theme's paths, and pages outside the record folders.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import material
import pytest

from tests.support.security import check_lines, html_problems
from tests.support.sites import MINIMAL, Site

CASE = (
    "---\ntitle: T\nsummary: S.\nproblem_types: [sampling]\ncontributors: [ann-lee]\n"
    "date: 2024-03-01\n"
)


def write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def symlink(root: Path, rel: str, target: Path | str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, root / rel)


def billion_laughs() -> str:
    """Nine levels of aliases, each nine times the last: 387 million items if expanded."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        name, previous = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "---\n" + "\n".join(lines) + "\n---\nBody.\n"


# What to plant: ("file", path, content), ("dir", path) or ("link", path, target); a relative
# link target is taken from the project root.
Step = tuple[str, ...]
REFUSED: dict[str, tuple[list[Step], str]] = {
    "symlink to a file outside the docs folder": (
        [("file", "secret.md", "secret"), ("link", "repertoire/cases/leak.md", "secret.md")],
        (
            "repertoire/cases/leak.md:1:1: file: this symbolic link points outside the docs folder "
            "(copy the file into the docs folder instead of linking to it)"
        ),
    ),
    "symlink to /etc/passwd": (
        [("link", "repertoire/passwd.txt", "/etc/passwd")],
        (
            "repertoire/passwd.txt:1:1: file: this symbolic link points outside the docs folder "
            "(copy the file into the docs folder instead of linking to it)"
        ),
    ),
    "symlinked folder leaving the docs folder": (
        [("dir", "outside"), ("link", "repertoire/cases/sub", "outside")],
        (
            "repertoire/cases/sub:1:1: file: this symbolic link points outside the docs folder "
            "(copy the file into the docs folder instead of linking to it)"
        ),
    ),
    "x.md beside x/index.md": (
        [
            ("file", "repertoire/reference/guide.md", "# G\n"),
            ("file", "repertoire/reference/guide/index.md", "# G\n"),
        ],
        (
            "repertoire/reference/guide/index.md:1:1: file: this file would be published at the "
            "same address as reference/guide.md (rename or remove one of them (names that differ "
            "only in upper/lower case collide on many systems))"
        ),
    ),
    "names differing only by case": (
        [
            ("file", "repertoire/reference/Guide.md", "# G\n"),
            ("file", "repertoire/reference/guide.md", "# G\n"),
        ],
        (
            "repertoire/reference/guide.md:1:1: file: this file would be published at the same "
            "address as reference/Guide.md (rename or remove one of them (names that differ "
            "only in upper/lower case collide on many systems))"
        ),
    ),
    "a file over 1 MB": (
        [("file", "repertoire/cases/big.md", CASE + "---\n" + "x" * 1_000_001)],
        (
            "repertoire/cases/big.md:1:1: file: file is 1,000,097 bytes; the limit is 1,000,000 "
            "(split it, or move large material (data, images) out of the Markdown file)"
        ),
    ),
    "YAML alias bomb": (
        [("file", "repertoire/cases/laughs.md", billion_laughs())],
        (
            "repertoire/cases/laughs.md:2:4: front matter: YAML anchors and aliases "
            "('&name', '*name') are not allowed (write each value out in full)"
        ),
    ),
    "deep nesting": (
        [
            (
                "file",
                "repertoire/cases/deep.md",
                CASE + "tags: " + "[" * 50 + "]" * 50 + "\n---\nB.\n",
            )
        ],
        (
            "repertoire/cases/deep.md:7:18: front matter: front matter is nested more than "
            "12 levels deep (flatten the structure; no field needs this depth)"
        ),
    ),
    "a python tag": (
        [
            (
                "file",
                "repertoire/cases/tagged.md",
                CASE.replace("title: T", "title: !!python/object/apply:os.system ['echo PWN']")
                + "---\nB.\n",
            )
        ],
        (
            "repertoire/cases/tagged.md:2:8: front matter: YAML tag "
            "'!!python/object/apply:os.system' is not allowed "
            "(remove the tag; write plain values, quoting text)"
        ),
    ),
    "a NUL byte": (
        [("file", "repertoire/cases/nul.md", CASE + "---\nA\x00B\n")],
        (
            "repertoire/cases/nul.md:8:2: file: file contains a NUL byte; it is not a text file "
            "(save it again as plain UTF-8 text)"
        ),
    ),
    "invalid UTF-8": (
        [("file", "repertoire/cases/latin.md", CASE + "---\ncaf\udce9\n")],
        (
            "repertoire/cases/latin.md:8:4: file: file is not valid UTF-8 "
            "(save it again with UTF-8 encoding)"
        ),
    ),
}


def plant(root: Path, steps: list[Step]) -> None:
    """Create the planted files, folders and links under a project root."""
    for kind, rel, *rest in steps:
        if kind == "file":
            write(root, rel, rest[0].encode("utf-8", "surrogateescape"))
        elif kind == "dir":
            (root / rel).mkdir(parents=True)
        else:
            symlink(root, rel, rest[0] if rest[0].startswith("/") else root / rest[0])


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_dangerous_file_is_refused_naming_the_file(
    make_site: Callable[..., Site], name: str
) -> None:
    steps, expected = REFUSED[name]
    site = make_site()
    plant(site.root, steps)
    assert check_lines(site.root) == [expected]


def test_a_refused_file_stops_the_build(make_site: Callable[..., Site]) -> None:
    site = make_site()
    write(site.root, "repertoire/cases/nul.md", CASE + "---\nA\x00B\n")
    result = site.build()
    assert result.returncode != 0
    assert "repertoire/cases/nul.md:8:2: file: file contains a NUL byte" in result.stderr


def test_a_symlink_inside_the_docs_folder_is_allowed(make_site: Callable[..., Site]) -> None:
    site = make_site()
    symlink(site.root, "repertoire/cases/alias.md", site.root / "repertoire/cases/first-case.md")
    assert check_lines(site.root) == []


CLEAN_CASE = (
    "---\ntitle: Spacing\nsummary: The same case.\nproblem_types:\n  - sampling\n"
    "contributors:\n  - ann-lee\ndate: 2024-03-01\ntags:\n  - a tag\n---\n"
    "## Context\n\nLine one.\nLine two.\n\n- a list\n- of items\n"
)


def untidy(clean: str) -> bytes:
    """The same file as a Windows editor with tab indentation would save it."""
    tabbed = clean.replace("\n  - ", "\n\t- ")
    return "\ufeff".encode("utf-8") + tabbed.replace("\n", "\r\n").encode("utf-8")


def site_bytes(site_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes()
        for p in sorted(site_dir.rglob("*"))
        if p.is_file()
    }


def test_bom_crlf_and_tabs_build_the_same_site_as_the_clean_file(
    make_site: Callable[..., Site], tmp_path_factory: pytest.TempPathFactory
) -> None:
    clean = make_site({"repertoire/cases/spacing.md": CLEAN_CASE})
    other_root = tmp_path_factory.mktemp("untidy") / "project"
    other_root.mkdir()
    (other_root / "mkdocs.yml").write_bytes((clean.root / "mkdocs.yml").read_bytes())
    messy = Site(other_root).write(MINIMAL)
    write(messy.root, "repertoire/cases/spacing.md", untidy(CLEAN_CASE))
    assert b"\t- sampling\r\n" in (messy.root / "repertoire/cases/spacing.md").read_bytes()
    assert clean.build("--strict").returncode == 0
    assert messy.build("--strict").returncode == 0, messy.last.stderr if messy.last else ""
    clean_files, messy_files = site_bytes(clean.site_dir), site_bytes(messy.site_dir)
    assert sorted(clean_files) == sorted(messy_files)
    assert [name for name in clean_files if clean_files[name] != messy_files[name]] == []
    assert "Line one.\nLine two." in clean.html("cases/spacing/")


# ----- what a contributor can still publish unchecked (not owned here) --------------------------


@pytest.mark.parametrize(
    "rel, text",
    [
        ("repertoire/assets/evil.html", "<script>alert('PWN')</script>"),
        (
            "repertoire/assets/evil.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("PWN")</script></svg>',
        ),
    ],
)
def test_active_static_files_are_refused(
    make_site: Callable[..., Site], rel: str, text: str
) -> None:
    site = make_site()
    write(site.root, rel, text)
    assert [line for line in check_lines(site.root) if line.startswith(rel)] != []


def test_a_file_shadowing_the_theme_script_is_refused(make_site: Callable[..., Site]) -> None:
    site = make_site()
    bundle = next(
        (Path(material.__file__ or "").parent / "templates/assets/javascripts").glob(
            "bundle.*.min.js"
        )
    )
    rel = f"repertoire/assets/javascripts/{bundle.name}"
    write(site.root, rel, "alert('PWN')")
    result = site.build()
    assert result.returncode != 0 and rel in result.stderr


def test_a_page_outside_the_record_folders_is_checked_and_sanitised(
    make_site: Callable[..., Site],
) -> None:
    site = make_site(
        {
            "repertoire/reference/guide.md": (
                "---\ntitle: \"</title><script>alert('PWN')</script>\"\n---\n"
                "# Guide\n\n<script>alert('PWN')</script>\n\n<img src=x onerror=\"alert('PWN')\">\n"
            )
        }
    )
    assert any(
        line.startswith("repertoire/reference/guide.md:6:1:") for line in check_lines(site.root)
    )
    assert site.build().returncode != 0
    # Served anyway (problems only logged), the page is still sanitised and its title escaped.
    assert site.serve_build().returncode == 0, site.last.stderr if site.last else ""
    assert html_problems(site.html("reference/guide/"), "reference/guide/") == []


def test_a_title_taken_from_a_heading_reaches_the_theme_escaped(
    make_site: Callable[..., Site],
) -> None:
    """Material prints a title taken from the page's heading through `striptags`, which decodes
    character references; the adapter stores it escaped so `&lt;script&gt;` stays text."""
    site = make_site(
        {
            "repertoire/reference/guide.md": (
                "# Guide &lt;/title&gt;&lt;script&gt;alert('PWN')&lt;/script&gt;\n"
            )
        }
    )
    assert site.build("--strict").returncode == 0, site.last.stderr if site.last else ""
    page = site.html("reference/guide/")
    assert html_problems(page, "reference/guide/") == []
    assert (
        "<title>Guide &lt;/title&gt;&lt;script&gt;alert(&#x27;PWN&#x27;)&lt;/script&gt; - "
    ) in page
