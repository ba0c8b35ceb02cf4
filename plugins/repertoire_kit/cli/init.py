"""`repertoire init DIR`: a complete, working site for a new community.

Writes the files of `core.authoring.starter` into DIR (created if missing), which must be empty:
nothing is ever overwritten, and a refused init writes nothing. The new site builds with
`mkdocs build --strict` as written; `repertoire check` then lists, as warnings, what the steward
replaces before publishing (the site's address and the examples).

Exit codes: 0 written, 2 usage (DIR is a file, or a folder that is not empty).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core import clock, starter_files

EXIT_OK, EXIT_USAGE = 0, 2
DEFAULT_NAME = "Our community of practice"


def add_init_command(commands: Any) -> None:
    """Register `init` on the CLI's sub-command parser."""
    init = commands.add_parser(
        "init",
        help="start a new community's site in an empty folder",
        description="Write a complete site for a new community of practice into DIR (created if "
        "missing; refused if it is not empty): mkdocs.yml, a home page, one example of each "
        "kind of file, CONTRIBUTING.md for members, GitHub workflows that check pull requests "
        "and publish to GitHub Pages, a pinned requirements.txt, a README and a .gitignore. "
        "The site builds as written; `repertoire check` then lists what to replace before "
        "publishing.",
    )
    init.add_argument("directory", type=Path, metavar="DIR", help="the folder to create")
    init.add_argument(
        "--name",
        default=DEFAULT_NAME,
        help=f"the community's name, shown on every page (default: {DEFAULT_NAME!r})",
    )


def run_init(args: argparse.Namespace) -> int:
    """Write the starter site, or refuse without writing anything."""
    target: Path = args.directory
    name = " ".join(str(args.name).split())
    if not name:
        print("repertoire init: --name must not be empty", file=sys.stderr)
        return EXIT_USAGE
    if target.exists() and not target.is_dir():
        print(f"repertoire init: {target} exists and is not a folder", file=sys.stderr)
        return EXIT_USAGE
    if target.is_dir() and any(target.iterdir()):
        print(
            f"repertoire init: {target} is not empty; choose a new or empty folder "
            "(nothing was written)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    files = starter_files(name, clock.today())
    for rel, content in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    print(f"repertoire init: wrote {len(files)} files to {target}")
    print(
        "Next, in that folder:\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        "  .venv/bin/repertoire serve    # preview on http://127.0.0.1:8000\n"
        "  .venv/bin/repertoire check    # what to replace before publishing"
    )
    return EXIT_OK
