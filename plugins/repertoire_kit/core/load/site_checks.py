"""What `repertoire check` says about the site itself, besides its records.

A site without a home page (`index.md`, or `README.md`, at the top of the docs folder) is an
error at the missing file's path: its address would be a 404, and the strict build stops at the
navigation's link to it. The plugin options' mistakes are found while mkdocs.yml is read
(`project`, with `core.options`).

`repertoire init` leaves a placeholder `site_url` and examples marked with `EXAMPLE_MARK`
(`authoring.starter`); each is a warning here, at its line, until the steward has replaced it.
The build does not report them: a new site builds strictly as written, and these are a
steward's to-do list rather than reasons to refuse a page.
"""

from __future__ import annotations

from pathlib import Path

from ..authoring.starter import EXAMPLE_MARK, PLACEHOLDER_SITE_URL
from ..diagnostics import Diagnostics, Position
from .files import INDEX_PAGES, project_relative
from .project import Project

# An example's mark is at the top of its front matter; no need to read a whole file.
_HEAD = 4096


def _site_url_line(config_file: Path) -> int:
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.startswith("site_url:")), 1)


def _example_mark(path: Path) -> Position | None:
    """Where an example's mark is, if this file's front matter still has one."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(_HEAD)
    except OSError:
        return None
    if EXAMPLE_MARK not in head or not head.startswith("---"):
        return None
    for number, line in enumerate(head.splitlines()[1:], 2):
        if line.rstrip() == "---":
            return None
        if line.startswith(EXAMPLE_MARK):
            return Position(number, 1)
    return None


def check_site(project: Project, config_file: Path) -> Diagnostics:
    """Problems of the site as a whole: no home page, and what `repertoire init` left to
    replace."""
    diags = Diagnostics()
    if project.settings.site_url.rstrip("/") == PLACEHOLDER_SITE_URL.rstrip("/"):
        diags.warning(
            project_relative(config_file.resolve(), project.root),
            Position(_site_url_line(config_file), 1),
            "site_url",
            f"'{PLACEHOLDER_SITE_URL}' is a placeholder, to be set before publishing",
            "set it to the address where the site is published, such as "
            "https://OWNER.github.io/REPOSITORY/",
        )
    if not project.docs_dir.is_dir():
        return diags
    if not any((project.docs_dir / name).is_file() for name in INDEX_PAGES):
        diags.error(
            project_relative(project.docs_dir / INDEX_PAGES[0], project.root),
            Position(1, 1),
            "home page",
            "the site has no home page: its address would lead nowhere",
            f"add {INDEX_PAGES[0]} to the docs folder: a title and a few lines that say who the "
            "community is",
        )
    for path in sorted(project.docs_dir.rglob("*.md")):
        pos = _example_mark(path)
        if pos is not None:
            diags.warning(
                project_relative(path, project.root),
                pos,
                "example",
                "an example written by repertoire init, still to be replaced",
                "write your own and delete this line, or delete the file",
            )
    return diags
