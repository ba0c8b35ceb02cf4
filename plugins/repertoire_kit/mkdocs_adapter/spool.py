"""Files the plugin hands MkDocs to copy, kept on disk instead of in memory until then.

MkDocs keeps the content of a generated file in memory from `on_files` to the end of the
build. The exports (`repertoire.json`, `explore.json`, the feed) are megabytes at a few
thousand entries, held through the whole build and its memory peak. Written to a temporary
folder instead, as mkdocs-gen-files does, they are copied from there; the folder goes when the
build ends (or fails, or the server stops). Nothing is written into the docs folder.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


class Spool:
    """One build's temporary folder of generated files."""

    def __init__(self) -> None:
        self.folder: Path | None = None

    def write(self, docs_path: str, content: str | bytes) -> str:
        """Write a file at its docs path below the folder; returns its absolute path."""
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="repertoire-build-"))
        target = self.folder / docs_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(target)

    def remove(self) -> None:
        """Remove the folder and what is in it (nothing happens when there is none)."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
