"""`repertoire schemas OUT_DIR [--snippets FILE]`: the editor's help with front matter.

The site publishes the JSON Schemas under /schemas/, but an editor checking a file while it is
typed needs them in the repository, next to the configuration that applies them (`.remarkrc.mjs`
for VS Code's remark extension). This command writes that copy from the same `schema_documents`
the plugin publishes, byte for byte, plus `FILES_MAP`: which Markdown files each schema applies
to, as globs relative to the project root. The globs follow the configured kinds and `docs_dir`,
so a kind added in mkdocs.yml reaches the editor with `make schemas` and no hand-edited list.
A test compares the committed folder with this command's output, so the copy cannot drift.

With `--snippets FILE` (`make schemas` writes `.vscode/repertoire.code-snippets`) it also writes
the VS Code snippets of `core.editor_snippets`, which complete front matter as it is typed in a
Markdown file, where no JSON Schema reaches; the same kind of test keeps them current.

Exit codes: 0 written, 2 usage (no mkdocs.yml, OUT_DIR or FILE is the wrong kind of path or
inside the docs folder).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path, PurePosixPath
from typing import Any

from ..core import (
    Project,
    Settings,
    json_text,
    load_project,
    record_schemas,
    schema_documents,
    schema_file_name,
    snippets_text,
)

EXIT_OK, EXIT_USAGE = 0, 2
# Read by `.remarkrc.mjs`: schema file name → globs of the Markdown files it validates.
FILES_MAP = "markdown-files.json"
# Where `make schemas` writes the snippets: VS Code reads `*.code-snippets` in `.vscode/`.
SNIPPETS_FILE = ".vscode/repertoire.code-snippets"


def add_schemas_command(commands: Any) -> None:
    """Register `schemas` on the CLI's subcommand parser."""
    schemas = commands.add_parser(
        "schemas",
        help="write the front-matter JSON Schemas for editors",
        description="Write one JSON Schema per kind of front matter (the documents the site "
        f"publishes under /schemas/) and {FILES_MAP}, which maps each schema to the Markdown "
        "files it applies to. Files already in OUT_DIR with other names are left alone. "
        "With --snippets, also write VS Code snippets that complete front matter in Markdown.",
        epilog="Exit codes: 0 written, 2 usage (no mkdocs.yml, OUT_DIR is a file or inside "
        "the docs folder, or FILE is a folder or inside the docs folder).",
    )
    schemas.add_argument("out_dir", type=Path, help="the folder to write, such as schemas")
    schemas.add_argument(
        "--snippets",
        type=Path,
        default=None,
        metavar="FILE",
        help="also write the VS Code front-matter snippets to FILE, such as "
        ".vscode/repertoire.code-snippets",
    )


def markdown_globs(settings: Settings, docs_folder: str) -> dict[str, list[str]]:
    """Schema file name → globs of the record files it validates, as the loader assigns them.

    `docs_folder` is the docs folder relative to the project root, in POSIX form. Records sit
    directly in their folder (the loader reports deeper files), hence one `*.md` per folder.
    """

    def globs(*folders: str) -> list[str]:
        return [str(PurePosixPath(docs_folder, folder, "*.md")) for folder in folders]

    return {
        schema_file_name(schema): globs(
            *((schema.name.folder,) if schema.name.folder else (k.folder for k in settings.kinds))
        )
        for schema in record_schemas(settings)
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


def _usage_problem(out_dir: Path, snippets: Path | None, project: Project) -> str | None:
    target = out_dir.resolve()
    docs = project.docs_dir.resolve()
    if target.exists() and not target.is_dir():
        return f"{out_dir} is a file, not a folder"
    if target.is_relative_to(docs):
        return (
            f"{out_dir} is inside the docs folder; the site already publishes the schemas "
            "under /schemas/"
        )
    if snippets is not None:
        if snippets.resolve().is_dir():
            return f"{snippets} is a folder; give the snippets file, such as {SNIPPETS_FILE}"
        if snippets.resolve().is_relative_to(docs):
            return f"{snippets} is inside the docs folder; the editor reads it from .vscode/"
    return None


def run_schemas(args: argparse.Namespace) -> int:
    """`repertoire schemas`: print what was written on stdout, usage problems on stderr."""
    project = load_project(args.config)
    problem = _usage_problem(args.out_dir, args.snippets, project)
    if problem is not None:
        print(f"repertoire schemas: {problem}", file=sys.stderr)
        return EXIT_USAGE
    args.out_dir.mkdir(parents=True, exist_ok=True)
    files = schema_files(project)
    for name, text in files.items():
        (args.out_dir / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"repertoire schemas: wrote {len(files)} files to {args.out_dir}")
    if args.snippets is not None:
        args.snippets.parent.mkdir(parents=True, exist_ok=True)
        args.snippets.write_text(snippets_text(project.settings), encoding="utf-8", newline="\n")
        print(f"repertoire schemas: wrote the editor snippets to {args.snippets}")
    return EXIT_OK
