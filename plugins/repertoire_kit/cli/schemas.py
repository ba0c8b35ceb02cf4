"""`repertoire schemas OUT_DIR`: the editor's copy of the front-matter schemas.

The site publishes the JSON Schemas under /schemas/, but an editor checking a file while it is
typed needs them in the repository, next to the configuration that applies them (`.remarkrc.mjs`
for VS Code's remark extension). This command writes that copy from the same `schema_documents`
the plugin publishes, byte for byte, plus `FILES_MAP`: which Markdown files each schema applies
to, as globs relative to the project root. The globs follow the configured kinds and `docs_dir`,
so a kind added in mkdocs.yml reaches the editor with `make schemas` and no hand-edited list.
A test compares the committed folder with this command's output, so the copy cannot drift.

Exit codes: 0 written, 2 usage (no mkdocs.yml, OUT_DIR is a file or inside the docs folder).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path, PurePosixPath
from typing import Any

from ..core.escape import json_text
from ..core.json_schema import schema_documents, schema_file_name
from ..core.project import Project, load_project
from ..core.schemas import entry_schema, member_schema, path_schema, problem_schema
from ..core.settings import MEMBERS_DIR, PATHS_DIR, PROBLEMS_DIR, Settings

EXIT_OK, EXIT_USAGE = 0, 2
# Read by `.remarkrc.mjs`: schema file name → globs of the Markdown files it validates.
FILES_MAP = "markdown-files.json"


def add_schemas_command(commands: Any) -> None:
    """Register `schemas` on the CLI's subcommand parser."""
    schemas = commands.add_parser(
        "schemas", help="write the front-matter JSON Schemas for editors",
        description="Write one JSON Schema per kind of front matter (the documents the site "
        f"publishes under /schemas/) and {FILES_MAP}, which maps each schema to the Markdown "
        "files it applies to. Files already in OUT_DIR with other names are left alone.",
        epilog="Exit codes: 0 written, 2 usage (no mkdocs.yml, OUT_DIR is a file or inside "
        "the docs folder).",
    )
    schemas.add_argument("out_dir", type=Path, help="the folder to write, such as schemas")


def markdown_globs(settings: Settings, docs_folder: str) -> dict[str, list[str]]:
    """Schema file name → globs of the record files it validates, as the loader assigns them.

    `docs_folder` is the docs folder relative to the project root, in POSIX form. Records sit
    directly in their folder (the loader reports deeper files), hence one `*.md` per folder.
    """
    def globs(*folders: str) -> list[str]:
        return [str(PurePosixPath(docs_folder, folder, "*.md")) for folder in folders]

    return {
        schema_file_name(entry_schema(settings)): globs(*(kind.folder for kind in settings.kinds)),
        schema_file_name(member_schema(settings)): globs(MEMBERS_DIR),
        schema_file_name(problem_schema(settings)): globs(PROBLEMS_DIR),
        schema_file_name(path_schema(settings)): globs(PATHS_DIR),
    }


def _docs_folder(project: Project) -> str:
    """The docs folder as globs are written: relative to the project root, `/`-separated."""
    relative = os.path.relpath(project.docs_dir.resolve(), project.root.resolve())
    return PurePosixPath(*Path(relative).parts).as_posix()


def schema_files(project: Project) -> dict[str, str]:
    """File name → text, exactly as `repertoire schemas` writes them."""
    files = {
        name: json_text(document) + "\n"
        for name, document in schema_documents(project.settings).items()
    }
    files[FILES_MAP] = json_text(markdown_globs(project.settings, _docs_folder(project))) + "\n"
    return files


def _usage_problem(out_dir: Path, project: Project) -> str | None:
    target = out_dir.resolve()
    if target.exists() and not target.is_dir():
        return f"{out_dir} is a file, not a folder"
    if target.is_relative_to(project.docs_dir.resolve()):
        return (f"{out_dir} is inside the docs folder; the site already publishes the schemas "
                "under /schemas/")
    return None


def run_schemas(args: argparse.Namespace) -> int:
    """`repertoire schemas`: print what was written on stdout, usage problems on stderr."""
    project = load_project(args.config)
    problem = _usage_problem(args.out_dir, project)
    if problem is not None:
        print(f"repertoire schemas: {problem}", file=sys.stderr)
        return EXIT_USAGE
    args.out_dir.mkdir(parents=True, exist_ok=True)
    files = schema_files(project)
    for name, text in files.items():
        (args.out_dir / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"repertoire schemas: wrote {len(files)} files to {args.out_dir}")
    return EXIT_OK
