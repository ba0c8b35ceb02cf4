"""`repertoire check`, `repertoire generate`, `repertoire init`, `repertoire new`,
`repertoire schemas`, and MkDocs' `build` and `serve` without the banner (`engine`).

Exit codes: 0 clean, 1 content problems, 2 usage problems (bad options, no mkdocs.yml).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core import (
    FORMATS,
    ProjectError,
    check_site,
    load_project,
    load_repertoire,
    render,
    render_markdown_summary,
    write_project,
)
from .engine import ENGINE_COMMANDS, add_engine_commands, run_engine
from .init import add_init_command, run_init
from .new import add_new_command, run_new
from .schemas import add_schemas_command, run_schemas

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="repertoire",
        description="Start, check, scaffold and export a community-of-practice repertoire.",
        epilog="A new community starts with `repertoire init DIR --name NAME`; the other "
        "commands run in the site's folder (the one with mkdocs.yml).",
    )
    parser.add_argument(
        "--config",
        "-f",
        default="mkdocs.yml",
        type=Path,
        help="the site's mkdocs.yml (default: ./mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate every file of the repertoire",
        description="Validate the whole repertoire and print every problem with its place. "
        "With files as arguments, the whole repertoire is still loaded (references need it) but "
        "only those files' problems are shown.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="the docs folder, or files to report on (default: docs_dir of mkdocs.yml)",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), github (workflow annotations), or json",
    )
    check.add_argument(
        "--summary",
        type=Path,
        default=None,
        help="also append a Markdown table of every problem to this file "
        "(defaults to $GITHUB_STEP_SUMMARY with --format github)",
    )
    generate = commands.add_parser(
        "generate",
        help="write the whole site as a plain MkDocs project for another engine",
        description="Write a project folder: mkdocs.yml (navigation of the index pages, Markdown "
        "extensions, the plugin's stylesheet and scripts) and docs/ (records composed, generated "
        "pages, repertoire.json, feed.xml) that MkDocs, ProperDocs or Zensical builds without the "
        "plugin. Nothing is written when the repertoire has errors.",
    )
    generate.add_argument("out_dir", type=Path, help="the folder to write (replaced if it exists)")
    add_init_command(commands)
    add_engine_commands(commands)
    add_new_command(commands)
    add_schemas_command(commands)
    return parser


def _generate(args: argparse.Namespace) -> int:
    project = load_project(args.config, include_drafts=False)
    if any(d.severity.value == "error" for d in project.option_problems):
        sys.stdout.write(render(list(project.option_problems), "text"))
        return EXIT_PROBLEMS
    result = load_repertoire(project.root, project.docs_dir, project.settings)
    if result.diagnostics.has_errors:
        sys.stdout.write(render(list(result.diagnostics), "text"))
        return EXIT_PROBLEMS
    out_dir = args.out_dir.resolve()
    if (
        out_dir == project.root
        or project.docs_dir.resolve().is_relative_to(out_dir)
        or project.root.is_relative_to(out_dir)
    ):
        print(
            "repertoire generate: refusing to overwrite the project or its docs folder",
            file=sys.stderr,
        )
        return EXIT_USAGE
    written = write_project(
        result, project.settings, project.docs_dir, out_dir, project.markdown_extensions
    )
    print(f"repertoire generate: wrote {len(written)} files to {args.out_dir}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    project = load_project(args.config)
    docs_dir = project.docs_dir
    only: set[str] | None = None
    if len(args.paths) == 1 and args.paths[0].is_dir():
        docs_dir = args.paths[0].resolve()
    elif args.paths:
        missing = [p for p in args.paths if not p.exists()]
        if missing:
            print(f"repertoire check: no such file: {missing[0]}", file=sys.stderr)
            return EXIT_USAGE
        only = {
            p.resolve().relative_to(project.root).as_posix()
            if p.resolve().is_relative_to(project.root)
            else p.as_posix()
            for p in args.paths
        }
    if not docs_dir.is_dir():
        print(f"repertoire check: no docs folder at {docs_dir}", file=sys.stderr)
        return EXIT_USAGE
    if any(d.severity.value == "error" for d in project.option_problems):
        # The build stops at the options before it reads a file; so does the check.
        found = list(project.option_problems)
    else:
        result = load_repertoire(project.root, docs_dir, project.settings)
        found = [*project.option_problems, *result.diagnostics, *check_site(project, args.config)]
    diagnostics = sorted(d for d in found if only is None or d.path in only)
    sys.stdout.write(render(diagnostics, args.format))
    summary_file = args.summary
    if summary_file is None and args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        summary_file = Path(os.environ["GITHUB_STEP_SUMMARY"])
    if summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as handle:
            handle.write(render_markdown_summary(diagnostics))
    has_errors = any(d.severity.value == "error" for d in diagnostics)
    return EXIT_PROBLEMS if has_errors else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `repertoire` console script."""
    parser = _parser()
    try:
        # `build` and `serve` hand every option they do not know to MkDocs.
        args, extra = parser.parse_known_args(argv)
        if extra and args.command not in ENGINE_COMMANDS:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as stop:
        return int(stop.code or 0) and EXIT_USAGE
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "generate":
            return _generate(args)
        if args.command in ENGINE_COMMANDS:
            return run_engine(args, extra)
        if args.command == "init":
            return run_init(args)
        if args.command == "new":
            return run_new(args)
        if args.command == "schemas":
            return run_schemas(args)
    except ProjectError as error:
        print(f"repertoire: {error}", file=sys.stderr)
        return EXIT_USAGE
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
