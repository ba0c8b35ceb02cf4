"""The docs folder as a set of files: symlinks, file types and output collisions.

MkDocs would follow a symlink out of the docs folder, let `x.md` and `x/index.md` overwrite
each other, and publish `Case.md` beside `case.md` on a case-sensitive disk only. All of these
are refused here, before anything is parsed. Where each Markdown file belongs is
`core.placement`'s question.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..contract.file_types import refusal
from ..diagnostics import Diagnostics

# What MkDocs publishes as a folder's index page; at the top of the docs folder, the home page.
INDEX_PAGES = ("index.md", "README.md")


@dataclass(frozen=True)
class DocsFile:
    """A file of the docs folder: its absolute path and its docs-relative POSIX path."""

    abs_path: Path
    docs_path: str

    @property
    def is_markdown(self) -> bool:
        return self.docs_path.endswith(".md")


def output_path(docs_path: str) -> str:
    """Where MkDocs (with directory URLs) writes a file, folded for collision checks."""
    if not docs_path.endswith(".md"):
        return docs_path.casefold()
    folder, _, name = docs_path.rpartition("/")
    if name in INDEX_PAGES:
        return f"{folder}/index.html".lstrip("/").casefold()
    return f"{docs_path[: -len('.md')]}/index.html".casefold()


def discover(
    docs_dir: Path, project_dir: Path, diags: Diagnostics, generated: tuple[str, ...] = ()
) -> list[DocsFile]:
    """Every file that may be published from `docs_dir`, in a stable order.

    Symbolic links out of the folder and files of types or at places that must not be
    published are reported and left out (the MkDocs adapter drops them from the build too).

    `generated` names the docs paths the plugin writes itself, so that a contributed file that
    would overwrite one of them is reported instead.
    """
    root = docs_dir.resolve()
    files: list[DocsFile] = []
    # os.scandir rather than os.walk and Path objects: its entries know whether they are
    # links or folders without another system call, and this runs on every build.
    folders: list[tuple[str, str]] = [(str(docs_dir), "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        subfolders: list[tuple[str, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):  # a link to a folder is refused below
                subfolders.append((entry.path, f"{prefix}{entry.name}/"))
                continue
            docs_path = prefix + entry.name
            refused = _refusal(entry, docs_path, root)
            if refused is not None:
                diags.file_error(project_relative(Path(entry.path), project_dir), *refused)
                continue
            files.append(DocsFile(Path(entry.path), docs_path))
        folders.extend(reversed(subfolders))
    _check_collisions(files, project_dir, generated, diags)
    return files


def project_relative(abs_path: Path, project_dir: Path) -> str:
    """A path as a pull request shows it: relative to the project, with `/`."""
    try:
        return abs_path.relative_to(project_dir).as_posix()
    except ValueError:
        return abs_path.as_posix()


def _refusal(entry: os.DirEntry[str], docs_path: str, root: Path) -> tuple[str, str] | None:
    """Why a file may not be published (message, hint): a symlink may only point inside the
    docs folder and folders may not be links at all; then its type and place (`refusal`)."""
    if entry.is_symlink():
        if not Path(entry.path).resolve().is_relative_to(root):
            return (
                "this symbolic link points outside the docs folder",
                "copy the file into the docs folder instead of linking to it",
            )
        if entry.is_dir():
            return (
                "folders inside the docs folder may not be symbolic links",
                "move the files into a real folder",
            )
    return refusal(docs_path)


def _check_collisions(
    files: list[DocsFile], project_dir: Path, generated: tuple[str, ...], diags: Diagnostics
) -> None:
    """Two sources for one output page (or for a generated page) is an error."""
    claimed: dict[str, str] = {output_path(g): f"(generated page {g})" for g in generated}
    for docs_file in files:
        key = output_path(docs_file.docs_path)
        if key in claimed:
            diags.file_error(
                project_relative(docs_file.abs_path, project_dir),
                f"this file would be published at the same address as {claimed[key]}",
                "rename or remove one of them (names that differ only in upper/lower case "
                "collide on many systems)",
            )
        else:
            claimed[key] = docs_file.docs_path
