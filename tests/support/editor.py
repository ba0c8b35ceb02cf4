"""Helpers of the editor tests: what remark reports, and the schemas command."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from repertoire_kit.cli.main import main

_FIRST_NAME = re.compile(r"`([^`]+)`")

# A configuration that adds a kind of its own (guides) to the default cases.
GUIDES_KIND = (
    "  - repertoire:\n      kinds:\n"
    "        - {folder: cases, singular: case, plural: cases}\n"
    "        - {folder: guides, singular: guide, plural: guides}\n"
)


def run_schemas(config: Path, out_dir: Path) -> int:
    return main(["--config", str(config), "schemas", str(out_dir)])


@dataclass(frozen=True)
class EditorMessage:
    """One problem as the editor shows it: where, how bad, and the text."""

    path: str
    line: int
    column: int
    reason: str
    is_error: bool

    @property
    def field(self) -> str:
        """The field the message names first (written in backticks, as the check writes it)."""
        found = _FIRST_NAME.search(self.reason)
        return found.group(1) if found else ""
