"""`repertoire generate`: the whole site as a plain MkDocs project, for any engine.

Writes a project folder: `mkdocs.yml` (the navigation of the index pages, never of every
entry; the Markdown extensions; the plugin's stylesheet and scripts) and `docs/`, which holds
the maintainers' pages and assets as they are, every published record composed (no front
matter, so no engine can misread it), every generated page, `repertoire.json`, the explore
data and the feed. The generated parts are the same HTML fragments the plugin puts into its
pages, here as raw HTML blocks inside the Markdown, which every Markdown engine passes
through. MkDocs, ProperDocs and Zensical (which runs no plugin) build it as it is; drafts are
left out, as in a published build.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import frontmatter
import yaml

from ..settings import Settings
from . import urls
from .assets import served_assets
from .export import explore_json, export_json
from .feed import build_feed
from .git_dates import newest_commit_date
from .navigation import build_nav
from .site import SitePages
from .templating import Templates

if TYPE_CHECKING:  # loading sits above the pages; generate only reads its result
    from ..load.loader import LoadResult
DOCS = "docs"
# What the layouts need, added to the project's own extensions when it lacks them.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", {"toc": {"permalink": True}})


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


def _extension_name(extension: Any) -> str:
    return str(next(iter(extension))) if isinstance(extension, dict) else str(extension)


def generated_config(
    settings: Settings, nav: list[Any], extensions: tuple[Any, ...]
) -> dict[str, Any]:
    """The mkdocs.yml of the generated project."""
    listed = {_extension_name(e) for e in extensions}
    return {
        "site_name": settings.site_name,
        **({"site_url": settings.site_url} if settings.site_url else {}),
        "docs_dir": DOCS,
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False},
        "nav": nav,
        "extra_css": [urls.STYLESHEET],
        "extra_javascript": [urls.SCRIPT],
        "markdown_extensions": [
            *extensions,
            *(e for e in REQUIRED_EXTENSIONS if _extension_name(e) not in listed),
        ],
    }


def write_project(
    result: LoadResult,
    settings: Settings,
    docs_dir: Path,
    out_dir: Path,
    extensions: tuple[Any, ...] = (),
) -> list[str]:
    """Write the generated project; returns the paths written, relative to `out_dir`, sorted."""
    pages = SitePages(
        result.repertoire, settings, Templates(), newest_commit=newest_commit_date(docs_dir)
    )
    written: dict[str, bytes] = {}
    other: list[str] = []
    for docs_file in result.files:
        path = docs_file.docs_path
        if path == urls.HOME or pages.is_hidden(path) or path in result.failed_records:
            continue
        composed = pages.compose_record(path)
        if composed is None:
            written[path] = docs_file.abs_path.read_bytes()
            if path.endswith(".md"):
                other.append(path)
        else:
            written[path] = composed.inline().encode("utf-8")
    written[urls.HOME] = pages.compose_home(_home_body(docs_dir)).inline().encode("utf-8")
    for page in pages.generated_pages():
        written[page.docs_path] = pages.compose_generated(page).inline().encode("utf-8")
    export = export_json(pages.indexes, settings, review=pages.review)
    written[urls.EXPORT_JSON] = export.encode("utf-8")
    written[urls.EXPLORE_JSON] = explore_json(pages.indexes, settings).encode("utf-8")
    written[urls.FEED] = build_feed(pages.indexes, settings)
    written.update(served_assets())
    config = generated_config(settings, build_nav(settings, other), extensions)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    files = {f"{DOCS}/{path}": data for path, data in written.items()}
    config_text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    files["mkdocs.yml"] = config_text.encode("utf-8")
    for path, data in sorted(files.items()):
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return sorted(files)
