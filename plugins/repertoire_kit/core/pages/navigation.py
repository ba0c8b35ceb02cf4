"""The site navigation: the index pages a reader starts from, never one link per entry.

Material renders the whole navigation into every page, so listing every entry there would make
a build quadratic in the number of entries. Entries are reached from the index pages instead.
Which generated pages it lists comes from the registry.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from ..settings import Settings, sentence_case
from . import urls
from .registry import index_pages

NavItem = Any  # MkDocs' nav format: a str path, or {title: path-or-list}


def build_nav(settings: Settings, other_pages: list[str]) -> list[NavItem]:
    """A navigation of the home page, the generated indexes and the maintainers' own pages.

    `other_pages` are Markdown pages that are neither records nor generated (reference pages,
    an about page); they keep their folders as sections and take their titles from the page.
    """
    nav: list[NavItem] = [{"Home": urls.HOME}]
    nav += [{page.title: page.docs_path} for page in index_pages(settings) if page.in_nav]
    folders: dict[str, list[NavItem]] = {}
    for docs_path in sorted(other_pages):
        if docs_path == urls.HOME:
            continue
        parts = PurePosixPath(docs_path).parts
        folders.setdefault(parts[0] if len(parts) > 1 else "", []).append(docs_path)
    for folder, items in sorted(folders.items()):
        if folder:
            nav.append({sentence_case(folder.replace("-", " ")): items})
        else:
            nav.extend(items)
    return nav
