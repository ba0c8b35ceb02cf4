"""What a site maintainer can configure, as a plain value the core understands.

The MkDocs adapter builds a `Settings` from the plugin options in mkdocs.yml; the CLI reads the
same options from mkdocs.yml without importing MkDocs (see `core.project`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Section:
    """A heading `repertoire new` writes in a new entry's body, and what to write under it."""

    heading: str
    prompt: str = ""


@dataclass(frozen=True)
class Kind:
    """A kind of entry: the folder it lives in, how to name one and many of them, and the
    sections a new one starts with (none configured: the built-in layout for its name)."""

    folder: str
    singular: str
    plural: str
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Choice:
    """One allowed value of a role, a level or a custom choice field: the id written in front
    matter, the label pages show, and a short description for editors and readers."""

    id: str
    label: str = ""
    description: str = ""

    @property
    def shown(self) -> str:
        """The label, or the id when none is configured."""
        return self.label or self.id


class CustomType(str, Enum):
    """What a community's own entry field holds (the `type` of an item of `fields`)."""

    TEXT = "text"
    CHOICE = "choice"
    CHOICES = "choices"
    DATE = "date"
    URL = "url"
    MEMBER = "member"
    PROBLEM = "problem"


class Display(str, Enum):
    """Where a custom field's value is shown besides repertoire.json (`shown_in`)."""

    PANEL = "panel"
    LISTINGS = "listings"
    EXPLORE = "explore"


@dataclass(frozen=True)
class CustomField:
    """A field of a community's own on every entry (`fields` in the plugin options)."""

    name: str
    type: CustomType
    label: str
    description: str = ""
    choices: tuple[Choice, ...] = ()
    required: bool = False
    shown_in: tuple[Display, ...] = (Display.PANEL,)

    def choice_label(self, value: str) -> str:
        """The label of one of its choices (the value itself for other types)."""
        return next((c.shown for c in self.choices if c.id == value), value)


DEFAULT_KINDS: tuple[Kind, ...] = (
    Kind("cases", "case", "cases"),
    Kind("stories", "story", "stories"),
    Kind("tools", "tool", "tools"),
)
DEFAULT_ROLES: tuple[str, ...] = ("steward", "core", "member", "alumni")
LEVELS: tuple[str, ...] = ("newcomer", "practitioner", "expert")
# Names a custom field may not take: every built-in entry field (a test keeps this list equal
# to the entry schema's) and the explore page's own filters and keys.
BUILT_IN_ENTRY_FIELDS: tuple[str, ...] = (
    "title",
    "summary",
    "problem_types",
    "contributors",
    "date",
    "updated",
    "reviewed",
    "reviewed_by",
    "related",
    "level",
    "tags",
    "draft",
    "description",
    "hide",
    "icon",
    "status",
    "search",
)
RESERVED_FIELD_NAMES: tuple[str, ...] = (
    *BUILT_IN_ENTRY_FIELDS,
    "id",
    "kind",
    "problem",
    "member",
    "url",
    "fields",
    "custom",
    "source",
    "theme",
)
# Folders a kind may not use: the other record types', the maintainers' reference pages, and
# the addresses of the generated pages and files (a test keeps these equal to the registry's),
# of the theme's search index and of the site's assets.
RESERVED_FOLDERS: tuple[str, ...] = (
    "members",
    "problems",
    "paths",
    "uses",
    "reference",
    "explore",
    "gaps",
    "new",
    "who-knows-what",
    "community",
    "due-for-review",
    "record-use",
    "schemas",
    "assets",
    "search",
)
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


def sentence_case(text: str) -> str:
    """A name as a heading or a label starts it: the first letter upper case, the rest as
    written ('R&D notes' and 'IT handovers' stay; `str.capitalize` would make them
    'R&d notes' and 'It handovers')."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Settings:
    """Options that shape the contract and the generated pages."""

    kinds: tuple[Kind, ...] = DEFAULT_KINDS
    roles: tuple[str, ...] = DEFAULT_ROLES
    levels: tuple[str, ...] = LEVELS
    # The labels and descriptions configured for roles and levels (those without are absent).
    role_labels: tuple[Choice, ...] = ()
    level_labels: tuple[Choice, ...] = ()
    # The community's own entry fields, in the order configured.
    custom_fields: tuple[CustomField, ...] = ()
    # What came of applying an entry, as a use may say (its `outcome`).
    outcomes: tuple[str, ...] = DEFAULT_OUTCOMES
    include_drafts: bool = False
    related_limit: int = 5
    new_limit: int = 20
    page_size: int = 50
    # A problem type's listing shows titles and dates only, one line each, so a page of it
    # holds twice a kind's page (whose items add a summary, problem types and contributors).
    # The Due for review list's rows are one line each too, and take the same size.
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
    # GitHub's web editor for a new file in the docs folder (`authoring.github_editor`), from
    # `repo_url` and `edit_uri`; empty when the repository is not on GitHub.
    github_new_file: str = ""

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

    def role(self, role_id: str) -> Choice:
        """A role with its configured label and description (just the id when none)."""
        return next((c for c in self.role_labels if c.id == role_id), Choice(role_id))

    def level(self, level_id: str) -> Choice:
        """A level with its configured label and description (just the id when none)."""
        return next((c for c in self.level_labels if c.id == level_id), Choice(level_id))

    def custom_shown_in(self, place: Display) -> tuple[CustomField, ...]:
        """The custom fields shown in one place, in the order configured."""
        return tuple(f for f in self.custom_fields if place in f.shown_in)

    @property
    def record_folders(self) -> tuple[str, ...]:
        """Every folder whose Markdown files are records of the contract."""
        return (*(k.folder for k in self.kinds), MEMBERS_DIR, PROBLEMS_DIR, PATHS_DIR, USES_DIR)


DEFAULTS = Settings()
"""Every option at its default: the one place the plugin's and the check's defaults come from."""
