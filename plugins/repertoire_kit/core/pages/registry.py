"""The one registry of the pages a repertoire adds to a site.

Each generated page has a docs path, a title, the layout template it is made from and its
place in the navigation. The MkDocs adapter, `repertoire generate`, the navigation and the
loader's collision check all read this list; nothing keeps a copy of it. Index pages are
known from the settings alone (before anything is loaded); the later pages of paginated
listings depend on how many entries there are (`listing_pages`), and those of the Due for
review list on how many are due on the build's day (`due_pages`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..indexes.cross_indexes import Indexes
from ..settings import Settings, sentence_case
from . import urls

DUE_FOR_REVIEW = "Due for review"
GENERATED_FILES = (urls.EXPORT_JSON, urls.FEED, urls.EXPLORE_JSON, urls.STYLESHEET, urls.SCRIPT)
"""The other files a build writes itself."""


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the indexes.

    `in_nav` says whether the navigation lists it; the others are reached by links (the kind
    listings, the later pages of a listing). `subject` is what a listing is about (a kind
    folder, a problem type id) and `number` its page number.
    """

    docs_path: str
    title: str
    layout: str
    in_nav: bool
    subject: str | None = None
    number: int = 1


def index_pages(settings: Settings) -> tuple[GeneratedPage, ...]:
    """The generated index pages, in navigation order.

    The navigation is one short level: Material renders all of it into every page, and each
    item costs about 100 bytes of every page (a section about 450), so it holds the pages a
    reader starts from. The kind listings are reached from the home page's overview and
    Explore; Who knows what, Gaps and Due for review from the home page and the community
    page.
    """
    return (
        GeneratedPage(urls.PATHS_INDEX, "Curated paths", "paths_index.md", True),
        GeneratedPage(urls.PROBLEMS_INDEX, "Problem types", "problems_index.md", True),
        *(
            GeneratedPage(
                urls.kind_index(kind.folder),
                sentence_case(kind.plural),
                "kind_index.md",
                False,
                kind.folder,
            )
            for kind in settings.kinds
        ),
        GeneratedPage(urls.MEMBERS_INDEX, "Members", "members_index.md", True),
        GeneratedPage(urls.EXPLORE, "Explore", "explore.md", True),
        GeneratedPage(urls.NEW, "What's new", "new.md", True),
        GeneratedPage(urls.COMMUNITY, "Community at a glance", "community.md", True),
        GeneratedPage(urls.WHO_KNOWS_WHAT, "Who knows what", "who_knows_what.md", False),
        GeneratedPage(urls.GAPS, "Gaps", "gaps.md", False),
        GeneratedPage(urls.DUE_FOR_REVIEW, DUE_FOR_REVIEW, "due_for_review.md", False),
        GeneratedPage(urls.RECORD_USE, "Record a use", "record_use.md", False),
    )


def generated_paths(settings: Settings) -> tuple[str, ...]:
    """Every docs path a build writes whatever the content, so that a contributed file taking
    one is reported instead of silently replaced (later listing pages live in `page/`
    folders, which no record can take)."""
    return (*(page.docs_path for page in index_pages(settings)), *GENERATED_FILES)


def page_count(items: int, page_size: int) -> int:
    """How many pages a listing of `items` takes (at least one)."""
    return max(1, math.ceil(items / page_size))


def listing_pages(settings: Settings, indexes: Indexes) -> tuple[GeneratedPage, ...]:
    """The later pages of the kind listings and of large problem types' listings."""
    pages: list[GeneratedPage] = []
    for kind in settings.kinds:
        count = page_count(len(indexes.by_kind.get(kind.folder, [])), settings.page_size)
        pages += [
            GeneratedPage(
                urls.kind_index(kind.folder, n),
                f"{sentence_case(kind.plural)} (page {n} of {count})",
                "kind_index.md",
                False,
                kind.folder,
                n,
            )
            for n in range(2, count + 1)
        ]
    for problem in sorted(indexes.repertoire.problems.values(), key=lambda p: p.id):
        count = page_count(len(indexes.entries_under(problem.id)), settings.problem_page_size)
        pages += [
            GeneratedPage(
                urls.listing_page(problem.source.docs_path, n),
                f"{problem.title} (page {n} of {count})",
                "problem_listing.md",
                False,
                problem.id,
                n,
            )
            for n in range(2, count + 1)
        ]
    return tuple(pages)


def due_pages(settings: Settings, due: int) -> tuple[GeneratedPage, ...]:
    """The later pages of the Due for review list, `due` entries long. Its rows are one line
    each, like a problem type's listing, so it takes `problem_page_size` at a time."""
    count = page_count(due, settings.problem_page_size)
    return tuple(
        GeneratedPage(
            urls.due_for_review(n),
            f"{DUE_FOR_REVIEW} (page {n} of {count})",
            "due_for_review.md",
            False,
            number=n,
        )
        for n in range(2, count + 1)
    )
