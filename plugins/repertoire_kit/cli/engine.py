"""`repertoire build` and `repertoire serve`: MkDocs' own commands, without the banner.

mkdocs-material prints a multi-line notice (MkDocs 2.0, its own end of life) when the
`mkdocs` command imports the theme, unless NO_MKDOCS_2_WARNING is set. The theme is imported
while mkdocs.yml's `theme` is validated, before any plugin is loaded (`plugins` comes later
in MkDocs' configuration schema), so the plugin cannot set the variable in time, and
mkdocs-material offers no setting in mkdocs.yml for it (squidfunk/mkdocs-material#8581).
These two commands run MkDocs with the variable set (in this process's place on POSIX, in a
child process elsewhere); everything after the command word is MkDocs' own options
(`repertoire build --strict`, `repertoire serve --dev-addr 127.0.0.1:8001`). The variable is
only set when it is unset, so `NO_MKDOCS_2_WARNING=` (empty) brings the notice back.

Exit code: MkDocs' own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ENGINE_COMMANDS = ("build", "serve")
QUIET = {"NO_MKDOCS_2_WARNING": "1"}


def add_engine_commands(commands: Any) -> None:
    """Register `build` and `serve` on the CLI's sub-command parser."""
    commands.add_parser(
        "build",
        help="build the site with MkDocs (options as for `mkdocs build`, e.g. --strict)",
        description="Run `mkdocs build` with the options that follow, without mkdocs-material's "
        "MkDocs 2.0 notice. Nothing else differs from `mkdocs build`.",
    )
    commands.add_parser(
        "serve",
        help="preview the site with MkDocs (options as for `mkdocs serve`)",
        description="Run `mkdocs serve` with the options that follow, without mkdocs-material's "
        "MkDocs 2.0 notice. Drafts are shown and problems are logged, as with `mkdocs serve`.",
    )


def engine_environment(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment MkDocs runs in: this one, with the notice switched off unless set."""
    env = dict(os.environ if environ is None else environ)
    for name, value in QUIET.items():
        env.setdefault(name, value)
    return env


def run_engine(args: argparse.Namespace, extra: Sequence[str]) -> int:
    """Run `python -m mkdocs COMMAND [--config-file FILE] EXTRA...` and return its exit code."""
    command = [sys.executable, "-m", "mkdocs", args.command]
    config: Path = args.config
    if config != Path("mkdocs.yml") and "-f" not in extra and "--config-file" not in extra:
        command += ["--config-file", str(config)]
    if os.name == "posix":
        # MkDocs takes this process's place, so a signal meant for `repertoire serve` (a
        # terminal closed, a process manager's SIGTERM) reaches the server itself: a child
        # would be left running, holding its port, when only its parent was stopped.
        os.execve(sys.executable, [*command, *extra], engine_environment())
    try:
        return subprocess.call([*command, *extra], env=engine_environment())
    except KeyboardInterrupt:  # Ctrl-C on `serve`: MkDocs has stopped too
        return 0
