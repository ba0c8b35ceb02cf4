"""The plugin's options in mkdocs.yml, declared and type-checked by MkDocs."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core import DEFAULT_PAGES, DEFAULTS


class KindOption(base.Config):
    """One kind of entry: `{folder: cases, singular: case, plural: cases}`."""

    folder = c.Type(str)
    singular = c.Type(str)
    plural = c.Type(str)


class RepertoireConfig(base.Config):
    """Options of the `repertoire` plugin (documented in repertoire/reference/plugin.md)."""

    kinds = c.Optional(c.ListOfItems(c.SubConfig(KindOption)))
    """Entry kinds; default cases/stories/tools."""
    roles = c.Optional(c.ListOfItems(c.Type(str)))
    """Allowed member roles; default steward, core, member, alumni."""
    outcomes = c.Optional(c.ListOfItems(c.Type(str)))
    """Allowed outcomes of a use; default adopted, adapted, tried."""
    include_drafts = c.Optional(c.Type(bool))
    """Publish drafts; default: yes for `mkdocs serve`, no for `mkdocs build`."""
    related_limit = c.Type(int, default=DEFAULTS.related_limit)
    """How many computed related entries an entry page shows."""
    new_limit = c.Type(int, default=DEFAULTS.new_limit)
    """How many entries the What's new page and the feed list."""
    page_size = c.Type(int, default=DEFAULTS.page_size)
    """How many entries one page of a kind's or a problem type's listing shows."""
    pages = c.ListOfItems(c.Type(str), default=list(DEFAULT_PAGES))
    """The maintainers' own pages besides the home page: docs paths, or folders ending in '/'."""
    manage_nav = c.Type(bool, default=True)
    """Build the navigation (sections and index pages, never every entry) unless mkdocs.yml
    has a nav."""
    cache_theme_partials = c.Type(bool, default=True)
    """Render the theme's navigation (for pages it does not list), logo, palette, search,
    repository link and configuration blocks once per folder."""
