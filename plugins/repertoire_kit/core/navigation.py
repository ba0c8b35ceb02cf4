"""The site navigation: sections and index pages, never one link per entry.

Material renders the whole navigation into every page, so listing every entry there would make
a build quadratic in the number of entries. Entries are reached from the index pages instead.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from . import urls
from .settings import Settings

NavItem = Any  # MkDocs' nav format: a str path, or {title: path-or-list}


def build_nav(settings: Settings, other_pages: list[str]) -> list[NavItem]:
    """A navigation of the home page, the generated indexes and the maintainers' own pages.

    `other_pages` are Markdown pages that are neither records nor generated (reference pages,
    an about page); they keep their folders as sections and take their titles from the page.
    """
    nav: list[NavItem] = [{"Home": urls.HOME}]
    nav.append({"Curated paths": urls.PATHS_INDEX})
    browse: list[NavItem] = [{"Problem types": urls.PROBLEMS_INDEX}]
    browse += [{k.plural.capitalize(): urls.kind_index(k.folder)} for k in settings.kinds]
    browse.append({"Members": urls.MEMBERS_INDEX})
    browse.append({"Explore": urls.EXPLORE})
    nav.append({"Browse": browse})
    nav.append({"Community": [
        {"Who knows what": urls.WHO_KNOWS_WHAT},
        {"Gaps": urls.GAPS},
        {"What's new": urls.NEW},
    ]})
    sections: dict[str, list[NavItem]] = {}
    for docs_path in sorted(other_pages):
        if docs_path == urls.HOME:
            continue
        parts = PurePosixPath(docs_path).parts
        section = parts[0] if len(parts) > 1 else ""
        sections.setdefault(section, []).append(docs_path)
    for section, items in sorted(sections.items()):
        if section:
            nav.append({section.replace("-", " ").capitalize(): items})
        else:
            nav.extend(items)
    return nav
