"""`repertoire generate`: the whole site as plain Markdown, for any static-site engine.

Writes a complete docs folder: the maintainers' pages and assets copied as they are, every
published record composed (title, panel, body, derived sections; no front matter, so no
engine can misread it), every generated index page, `repertoire.json` and the feed. The
Markdown uses only core syntax plus tables, so a plain MkDocs (or ProperDocs) configuration
builds it; drafts are left out, as in a published build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import frontmatter
import yaml

from . import urls
from .export import export_json
from .feed import build_feed
from .loader import LoadResult
from .settings import Settings
from .site import SitePages
from .templating import Renderer


def _home_body(docs_dir: Path) -> str:
    """The maintainer's home page text, without its front matter.

    A maintainer's page needs no positions or strictness, so python-frontmatter splits it.
    """
    home = docs_dir / urls.HOME
    if not home.is_file():
        return ""
    text = home.read_text(encoding="utf-8-sig")
    try:
        return str(frontmatter.loads(text).content)
    except yaml.YAMLError:
        return text


def write_docs_tree(result: LoadResult, settings: Settings, docs_dir: Path, out_dir: Path) -> list[str]:
    """Write the composed docs folder; returns the docs paths written, sorted."""
    pages = SitePages(result, settings, Renderer(), rich=False)
    written: dict[str, bytes] = {}
    for docs_file in result.files:
        path = docs_file.docs_path
        if path == urls.HOME or pages.is_hidden(path) or path in result.failed_records:
            continue
        composed = pages.compose_record(path)
        written[path] = composed.encode("utf-8") if composed is not None else docs_file.abs_path.read_bytes()
    written[urls.HOME] = pages.compose_home(_home_body(docs_dir)).encode("utf-8")
    for page in pages.generated_pages():
        written[page.docs_path] = pages.render_generated(page).encode("utf-8")
    written[urls.EXPORT_JSON] = export_json(pages.indexes, settings).encode("utf-8")
    written[urls.FEED] = build_feed(pages.indexes, settings)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for path, data in sorted(written.items()):
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return sorted(written)
