"""Where each record and generated page lives, and how pages link to each other.

Two kinds of links come out of the generated parts. A layout's Markdown links to `.md` source
paths relative to its page, so that the engine resolves and validates them. An HTML fragment
is put in after the engine has converted the page, so it links to the pages' final URLs,
relative to the page (MkDocs' `use_directory_urls` decides their shape). Both are written
root-anchored first (`root_link`, `root_url`), so that a view is the same text on every page
and is made once per build; `from_root` makes them relative when a page is done.
"""

from __future__ import annotations

import functools
import posixpath

from markupsafe import Markup

from ..safety.escape import markdown_url
from ..settings import MEMBERS_DIR, PATHS_DIR, PROBLEMS_DIR

HOME = "index.md"
PROBLEMS_INDEX = f"{PROBLEMS_DIR}/index.md"
MEMBERS_INDEX = f"{MEMBERS_DIR}/index.md"
PATHS_INDEX = f"{PATHS_DIR}/index.md"
WHO_KNOWS_WHAT = "who-knows-what.md"
GAPS = "gaps.md"
NEW = "new.md"
DUE_FOR_REVIEW = "due-for-review.md"
EXPLORE = "explore.md"
COMMUNITY = "community.md"
RECORD_USE = "record-use.md"
EXPORT_JSON = "repertoire.json"
EXPLORE_JSON = "explore.json"
FEED = "feed.xml"
SCHEMAS_DIR = "schemas"
STYLESHEET = "assets/repertoire/repertoire.css"
# Progressive enhancements only, every page works without them; joined from the sources
# listed in `assets.SCRIPT_SOURCES`.
SCRIPT = "assets/repertoire/repertoire.js"
LISTING_FOLDER = "page"
"""Later pages of a paginated listing live in a `page/` folder below it, as in Hugo."""


def kind_index(folder: str, number: int = 1) -> str:
    """The generated listing of one kind of entry (page `number` of it)."""
    return f"{folder}/index.md" if number == 1 else f"{folder}/{LISTING_FOLDER}/{number}.md"


def due_for_review(number: int = 1) -> str:
    """Page `number` of the entries due for review; later pages below the first."""
    return listing_page(DUE_FOR_REVIEW, number)


def listing_page(first_page: str, number: int) -> str:
    """Page `number` of a listing whose first page is a file page (`x.md`, as a problem
    type's page): later pages in `x/page/`, so that `x/` stays the first page's URL."""
    if number == 1:
        return first_page
    return f"{first_page[: -len('.md')]}/{LISTING_FOLDER}/{number}.md"


# Stands for "the way from this page to the docs root" in generated text. Escaped values can
# never contain it: `<` is always encoded in them.
ROOT = "<repertoire-root/>"


def root_link(to_docs_path: str) -> str:
    """A Markdown link to a docs path that holds for any page once `from_root` has run."""
    return ROOT + to_docs_path


def root_url(to_docs_path: str, use_directory_urls: bool = True) -> str:
    """An HTML link to a page's final URL that holds for any page once `from_root` has run."""
    return ROOT + markdown_url(page_url(to_docs_path, use_directory_urls) or "./")


def attribute_url(url: str) -> Markup:
    """A URL that cannot break out of an HTML attribute (or a Markdown link target)."""
    return Markup(markdown_url(url).replace("&", "&amp;"))


def from_root(text: str, way_to_root: str) -> str:
    """`text` with every root-anchored link starting from `way_to_root` instead."""
    return text.replace(ROOT, way_to_root) if ROOT in text else text


def markdown_root(page: str) -> str:
    """The way from a page's docs folder to the docs root, for `.md` links in Markdown."""
    return _folder_link(posixpath.dirname(page), "")


def html_root(page: str, use_directory_urls: bool = True) -> str:
    """The way from a page's final URL to the site root, for links in HTML."""
    url = page_url(page, use_directory_urls)
    return "../" * url[: url.rfind("/") + 1].count("/")


def relative(from_docs_path: str, to_docs_path: str) -> str:
    """A relative link from one docs page to another (or to a file)."""
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
    return f"{site_url.rstrip('/')}/{relative_url}" if site_url else relative_url
