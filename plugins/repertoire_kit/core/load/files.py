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
from ..settings import Settings

_INDEX_NAMES = ("index.md", "README.md")


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
    if name in _INDEX_NAMES:
        return f"{folder}/index.html".lstrip("/").casefold()
    return f"{docs_path[: -len('.md')]}/index.html".casefold()


def _within(target: Path, root: Path) -> bool:
    try:
        target.relative_to(root)
    except ValueError:
        return False
    return True


def discover(
    docs_dir: Path,
    project_dir: Path,
    settings: Settings,
    diags: Diagnostics,
    generated: tuple[str, ...] = (),
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
            if entry.is_symlink():
                is_dir = entry.is_dir(follow_symlinks=True)
                if (
                    not _check_symlink(
                        Path(entry.path), root, docs_dir, project_dir, diags, is_dir=is_dir
                    )
                    or is_dir
                ):
                    continue
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append((entry.path, f"{prefix}{entry.name}/"))
                continue
            docs_path = prefix + entry.name
            refused = refusal(docs_path)
            if refused is not None:
                diags.file_error(
                    project_relative(Path(entry.path), project_dir),
                    *refused,
                )
                continue
            files.append(DocsFile(Path(entry.path), docs_path))
        folders.extend(reversed(subfolders))
    _check_collisions(files, docs_dir, project_dir, generated, diags)
    return files


def project_relative(abs_path: Path, project_dir: Path) -> str:
    """A path as a pull request shows it: relative to the project, with `/`."""
    try:
        return abs_path.relative_to(project_dir).as_posix()
    except ValueError:
        return abs_path.as_posix()


def _check_symlink(
    link: Path, root: Path, docs_dir: Path, project_dir: Path, diags: Diagnostics, is_dir: bool
) -> bool:
    """A symlink may only point inside the docs folder; folders may not be links at all."""
    target = link.resolve()
    where = project_relative(docs_dir / link.relative_to(docs_dir), project_dir)
    if not _within(target, root):
        diags.file_error(
            where,
            "this symbolic link points outside the docs folder",
            "copy the file into the docs folder instead of linking to it",
        )
        return False
    if is_dir:
        diags.file_error(
            where,
            "folders inside the docs folder may not be symbolic links",
            "move the files into a real folder",
        )
        return False
    return True


def _check_collisions(
    files: list[DocsFile],
    docs_dir: Path,
    project_dir: Path,
    generated: tuple[str, ...],
    diags: Diagnostics,
) -> None:
    """Two sources for one output page (or for a generated page) is an error."""
    claimed: dict[str, str] = {output_path(g): f"(generated page {g})" for g in generated}
    for docs_file in files:
        key = output_path(docs_file.docs_path)
        if key in claimed:
            other = claimed[key]
            diags.file_error(
                project_relative(docs_file.abs_path, project_dir),
                f"this file would be published at the same address as {other}",
                "rename or remove one of them (names that differ only in upper/lower case "
                "collide on many systems)",
            )
        else:
            claimed[key] = docs_file.docs_path
