"""The plugin's stylesheet and script, as a site serves them.

The scripts are kept as separate sources, one enhancement each, and served as one file: one
request per page instead of four, and one tag in every page instead of four. Each source is a
self-contained function expression, so joining them changes nothing of what they do.
"""

from __future__ import annotations

from pathlib import Path

from . import urls

ASSETS = Path(__file__).resolve().parents[2] / "assets"
SCRIPT_SOURCES = ("page-ready.js", "paths.js", "explore.js", "record-use.js", "a11y.js")
"""In the order they run: page-ready.js first, since the others call it."""


def served_assets() -> dict[str, bytes]:
    """The stylesheet and the joined script, by the docs path they are served at."""
    script = "\n".join((ASSETS / name).read_text(encoding="utf-8") for name in SCRIPT_SOURCES)
    return {
        urls.STYLESHEET: (ASSETS / "repertoire.css").read_bytes(),
        urls.SCRIPT: script.encode("utf-8"),
    }
