"""What a site maintainer can configure, as a plain value the core understands.

The MkDocs adapter builds a `Settings` from the plugin options in mkdocs.yml; the CLI reads the
same options from mkdocs.yml without importing MkDocs (see `core.project`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A kind of entry: the folder it lives in and how to name one and many of them."""

    folder: str
    singular: str
    plural: str


DEFAULT_KINDS: tuple[Kind, ...] = (
    Kind("cases", "case", "cases"),
    Kind("stories", "story", "stories"),
    Kind("tools", "tool", "tools"),
)
DEFAULT_ROLES: tuple[str, ...] = ("steward", "core", "member", "alumni")
LEVELS: tuple[str, ...] = ("newcomer", "practitioner", "expert")
DEFAULT_OUTCOMES: tuple[str, ...] = ("adopted", "adapted", "tried")
DEFAULT_PAGES: tuple[str, ...] = ("reference/",)
MEMBERS_DIR = "members"
PROBLEMS_DIR = "problems"
PATHS_DIR = "paths"
USES_DIR = "uses"
# The numeric options and the least value each may take.
LIMITS = {
    "related_limit": 0,
    "new_limit": 0,
    "page_size": 1,
    "problem_page_size": 1,
    "review_months": 1,
}
# The role of members who have moved on: never suggested as reviewers.
ALUMNI_ROLE = "alumni"


@dataclass(frozen=True)
class Settings:
    """Options that shape the contract and the generated pages."""

    kinds: tuple[Kind, ...] = DEFAULT_KINDS
    roles: tuple[str, ...] = DEFAULT_ROLES
    # What came of applying an entry, as a use may say (its `outcome`).
    outcomes: tuple[str, ...] = DEFAULT_OUTCOMES
    include_drafts: bool = False
    related_limit: int = 5
    new_limit: int = 20
    page_size: int = 50
    # A problem type's listing shows titles and dates only, one line each, so a page of it
    # holds twice a kind's page (whose items add a summary, problem types and contributors).
    problem_page_size: int = 100
    # How many months an entry stays current after the latest of its date, updated and
    # reviewed; then it is due for review.
    review_months: int = 24
    site_url: str = ""
    site_name: str = "Repertoire"
    # Whether `make build` publishes drafts (the `include_drafts` option set to true), whatever
    # this run shows: a link to a draft is broken on a site that leaves drafts out.
    drafts_published: bool = False
    # The maintainers' own pages besides the home page: docs paths, or folders ending in '/'.
    pages: tuple[str, ...] = DEFAULT_PAGES
    # From mkdocs.yml itself: the pages its `nav` lists, how page URLs are made, and how the
    # `toc` extension makes heading ids (anchors are not checked with a slugify of its own).
    nav_pages: tuple[str, ...] = ()
    use_directory_urls: bool = True
    toc_separator: str = "-"
    custom_slugify: bool = False

    def __post_init__(self) -> None:
        for name, least in LIMITS.items():
            if getattr(self, name) < least:
                raise ValueError(f"{name} must be {least} or more, not {getattr(self, name)}")

    def kind_for_folder(self, folder: str) -> Kind | None:
        """The kind whose entries live in `folder`, if any."""
        return next((k for k in self.kinds if k.folder == folder), None)

    def is_maintainers_page(self, docs_path: str) -> bool:
        """Whether a site maintainer placed this Markdown page: the `pages` option or the nav."""
        return docs_path in self.nav_pages or any(
            docs_path == place or (place.endswith("/") and docs_path.startswith(place))
            for place in self.pages
        )

    @property
    def record_folders(self) -> tuple[str, ...]:
        """Every folder whose Markdown files are records of the contract."""
        return tuple(k.folder for k in self.kinds) + (
            MEMBERS_DIR,
            PROBLEMS_DIR,
            PATHS_DIR,
            USES_DIR,
        )


DEFAULTS = Settings()
"""Every option at its default: the one place the plugin's and the check's defaults come from."""
