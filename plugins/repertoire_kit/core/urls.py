"""Where each record and generated page lives, and how pages link to each other.

Generated Markdown links to `.md` source paths, relative to the page that links, so MkDocs
(or any engine reading the `repertoire generate` output) resolves and validates every link.
"""

from __future__ import annotations

import functools
import posixpath

from .model import Entry, Member, Path, ProblemType
from .settings import MEMBERS_DIR, PATHS_DIR, PROBLEMS_DIR, Settings

HOME = "index.md"
PROBLEMS_INDEX = f"{PROBLEMS_DIR}/index.md"
MEMBERS_INDEX = f"{MEMBERS_DIR}/index.md"
PATHS_INDEX = f"{PATHS_DIR}/index.md"
WHO_KNOWS_WHAT = "who-knows-what.md"
GAPS = "gaps.md"
NEW = "new.md"
EXPLORE = "explore.md"
EXPORT_JSON = "repertoire.json"
FEED = "feed.xml"
SCHEMAS_DIR = "schemas"
STYLESHEET = "assets/repertoire/repertoire.css"
# Progressive enhancements only: every page works without them.
SCRIPTS = (
    "assets/repertoire/page-ready.js",  # first: the others call it
    "assets/repertoire/paths.js", "assets/repertoire/explore.js", "assets/repertoire/a11y.js",
)


def kind_index(folder: str) -> str:
    """The generated listing of one kind of entry."""
    return f"{folder}/index.md"


def generated_paths(settings: Settings) -> tuple[str, ...]:
    """Every docs path a build writes itself, known before anything is loaded, so that a
    contributed file taking one is reported instead of silently replaced."""
    kinds = tuple(kind_index(k.folder) for k in settings.kinds)
    return (PATHS_INDEX, PROBLEMS_INDEX, *kinds, MEMBERS_INDEX, WHO_KNOWS_WHAT, GAPS, NEW,
            EXPLORE, EXPORT_JSON, FEED, STYLESHEET, *SCRIPTS)


def docs_path(record: Entry | Member | ProblemType | Path) -> str:
    """The docs-relative Markdown path of a record."""
    return record.source.docs_path


# Stands for "the way from this page to the docs root" in composed Markdown, so a fragment that
# links to records (a listing item, a view) is the same text on every page and is made once per
# build. `from_root` replaces it when a page's Markdown is complete. Escaped values can never
# contain it: `<` is always encoded in them.
ROOT = "<repertoire-root/>"


def root_link(to_docs_path: str) -> str:
    """A link to a docs path that holds for any page once `from_root` has run."""
    return ROOT + to_docs_path


def from_root(markdown: str, page: str) -> str:
    """`markdown` of `page` with every root-anchored link made relative to the page."""
    if ROOT not in markdown:
        return markdown
    return markdown.replace(ROOT, _folder_link(posixpath.dirname(page), ""))


def relative(from_docs_path: str, to_docs_path: str) -> str:
    """A relative link from one docs page to another (or to a file).

    Listings make tens of thousands of links between a handful of folders, so the folder part
    is computed once per pair of folders.
    """
    to_folder, name = posixpath.split(to_docs_path)
    return _folder_link(posixpath.dirname(from_docs_path), to_folder) + name


@functools.lru_cache(maxsize=4096)
def _folder_link(from_folder: str, to_folder: str) -> str:
    """The way from one docs folder to another: '' for the same folder, else ending in '/'."""
    way = posixpath.relpath(to_folder or ".", from_folder or ".")
    return "" if way == "." else f"{way}/"


def page_url(docs_path_value: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a Markdown page (or a plain file)."""
    if not docs_path_value.endswith(".md"):
        return docs_path_value
    stem = docs_path_value[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem if use_directory_urls else f"{stem}index.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def absolute_url(site_url: str, docs_path_value: str, use_directory_urls: bool = True) -> str:
    """A full URL from `site_url` (or the site-relative one when no site_url is set)."""
    relative_url = page_url(docs_path_value, use_directory_urls)
    if not site_url:
        return relative_url
    return site_url.rstrip("/") + "/" + relative_url
