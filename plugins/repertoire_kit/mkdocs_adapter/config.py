"""The plugin's options in mkdocs.yml, as MkDocs declares them.

Each option is the core's declaration (`core.options`): MkDocs validates it with the core's
check, so the build and `repertoire check` say the same thing about a mistake (MkDocs prints
"Plugin 'repertoire' option 'NAME': MESSAGE", the check "mkdocs.yml:LINE:COL: repertoire:
MESSAGE").
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base

from ..core import OPTIONS, Option, option_problems

_DECLARED = {option.name: option for option in OPTIONS}


class CoreOption(base.BaseConfigOption[Any]):
    """One option, checked by the core's declaration; absent or empty means its default."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.option: Option = _DECLARED[name]
        self.default = self.option.default

    def run_validation(self, value: object) -> Any:
        problems = option_problems(self.option, value)
        if problems:
            raise base.ValidationError("; ".join(problem.message for problem in problems))
        return self.default if value is None else value


class RepertoireConfig(base.Config):
    """Options of the `repertoire` plugin (documented in repertoire/reference/plugin.md)."""

    kinds = CoreOption("kinds")
    """Entry kinds; default cases/stories/tools."""
    roles = CoreOption("roles")
    """Allowed member roles; default steward, core, member, alumni."""
    outcomes = CoreOption("outcomes")
    """Allowed outcomes of a use; default adopted, adapted, tried."""
    include_drafts = CoreOption("include_drafts")
    """Publish drafts; default: yes for `mkdocs serve`, no for `mkdocs build`."""
    related_limit = CoreOption("related_limit")
    """How many computed related entries an entry page shows."""
    new_limit = CoreOption("new_limit")
    """How many entries the What's new page and the feed list."""
    page_size = CoreOption("page_size")
    """How many entries one page of a kind's listing shows."""
    problem_page_size = CoreOption("problem_page_size")
    """How many entries one page of a problem type's listing, or of Due for review, shows
    (one line each)."""
    review_months = CoreOption("review_months")
    """How many months an entry stays current before it is due for review."""
    pages = CoreOption("pages")
    """The maintainers' own pages besides the home page: docs paths, or folders ending in '/'."""
    manage_nav = CoreOption("manage_nav")
    """Build the navigation (sections and index pages, never every entry) unless mkdocs.yml
    has a nav."""
    cache_theme_partials = CoreOption("cache_theme_partials")
    """Render the theme's navigation (for pages it does not list), logo, palette, search,
    repository link and configuration blocks once per folder."""
    levels = CoreOption("levels")
    """Allowed levels of an entry; default newcomer, practitioner, expert."""
    fields = CoreOption("fields")
    """The community's own entry fields."""
