"""The plugin's options in mkdocs.yml: one declaration, checked the same way by both front ends.

The MkDocs adapter wraps each `Option` in a MkDocs config option whose validation calls
`option_problems` (MkDocs then prints "Plugin 'repertoire' option 'NAME': MESSAGE"), and
`repertoire check` calls `check_options` on the options it reads from mkdocs.yml and reports
each problem at its line (`load.project`). So a mistake gets the same message from the build
and from the check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .option_items import choice_problems, field_problems, kind_problems
from .settings import DEFAULT_PAGES, DEFAULTS, LIMITS, RESERVED_FIELD_NAMES
from .suggest import did_you_mean


class OptionType(str, Enum):
    """What an option's value is."""

    COUNT = "count"
    BOOL = "bool"
    TEXTS = "texts"
    KINDS = "kinds"
    CHOICES = "choices"
    FIELDS = "fields"


# What a list option holds, as its "must be a list of …" message says.
_LIST_OF = {
    OptionType.TEXTS: "text",
    OptionType.KINDS: "kinds (folder, singular, plural, sections)",
    OptionType.CHOICES: "ids (or mappings of id, label, description)",
    OptionType.FIELDS: "fields (name, type, label, choices, required, shown_in)",
}


@dataclass(frozen=True)
class Option:
    """One option of the `repertoire` plugin."""

    name: str
    type: OptionType
    description: str
    default: Any = None


OPTIONS: tuple[Option, ...] = (
    Option(
        "kinds",
        OptionType.KINDS,
        "Entry kinds (folder, singular, plural, sections); default cases, stories, tools.",
    ),
    Option(
        "roles",
        OptionType.CHOICES,
        "Allowed member roles (ids, or id, label, description); default steward, core, "
        "member, alumni.",
    ),
    Option(
        "outcomes",
        OptionType.TEXTS,
        "Allowed outcomes of a use; default adopted, adapted, tried.",
    ),
    Option(
        "include_drafts",
        OptionType.BOOL,
        "Publish drafts; default: yes for `mkdocs serve`, no for `mkdocs build`.",
    ),
    Option(
        "related_limit",
        OptionType.COUNT,
        "How many computed related entries an entry page shows.",
        DEFAULTS.related_limit,
    ),
    Option(
        "new_limit",
        OptionType.COUNT,
        "How many entries the What's new page and the feed list.",
        DEFAULTS.new_limit,
    ),
    Option(
        "page_size",
        OptionType.COUNT,
        "How many entries one page of a kind's listing shows.",
        DEFAULTS.page_size,
    ),
    Option(
        "problem_page_size",
        OptionType.COUNT,
        "How many entries one page of a problem type's listing, or of the Due for review "
        "list, shows (one line each).",
        DEFAULTS.problem_page_size,
    ),
    Option(
        "review_months",
        OptionType.COUNT,
        "How many months an entry stays current after the latest of its date, updated and "
        "reviewed; then it is listed as due for review.",
        DEFAULTS.review_months,
    ),
    Option(
        "pages",
        OptionType.TEXTS,
        "The maintainers' own pages besides the home page: docs paths, or folders ending in '/'.",
        list(DEFAULT_PAGES),
    ),
    Option(
        "manage_nav",
        OptionType.BOOL,
        "Build the navigation (sections and index pages, never every entry) unless mkdocs.yml "
        "has a nav.",
        True,
    ),
    Option(
        "cache_theme_partials",
        OptionType.BOOL,
        "Render the theme's page-independent partials once per folder.",
        True,
    ),
    Option(
        "levels",
        OptionType.CHOICES,
        "Allowed levels of an entry (ids, or id, label, description); default newcomer, "
        "practitioner, expert.",
    ),
    Option(
        "fields",
        OptionType.FIELDS,
        "The community's own entry fields (name, type, label, description, choices, required, "
        "shown_in).",
    ),
)
OPTION_NAMES = tuple(option.name for option in OPTIONS)


@dataclass(frozen=True)
class OptionProblem:
    """A mistake in one option: which option, the item of a list (0-based) if it is in one,
    the key of that item at fault if known, and what is wrong."""

    option: str
    message: str
    item: int | None = None
    key: str | None = None


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def option_problems(option: Option, value: object) -> list[OptionProblem]:
    """What is wrong with one option's value (nothing when it is absent or empty: the
    default applies)."""
    if value is None:
        return []
    name = option.name
    if option.type is OptionType.COUNT:
        if isinstance(value, bool) or not isinstance(value, int):
            return [OptionProblem(name, f"{name} must be a whole number, not {_shown(value)}")]
        least = LIMITS[name]
        if value < least:
            return [OptionProblem(name, f"{name} must be {least} or more, not {value}")]
        return []
    if option.type is OptionType.BOOL:
        if not isinstance(value, bool):
            return [OptionProblem(name, f"{name} must be true or false, not {_shown(value)}")]
        return []
    if not isinstance(value, list):
        what = _LIST_OF[option.type]
        return [OptionProblem(name, f"{name} must be a list of {what}, not {_shown(value)}")]
    if option.type is OptionType.TEXTS:
        return [
            OptionProblem(name, f"{name}: item {index + 1} is not text: {_shown(item)}", index)
            for index, item in enumerate(value)
            if not isinstance(item, str)
        ]
    if option.type is OptionType.KINDS:
        found = kind_problems(value)
    elif option.type is OptionType.CHOICES:
        found = choice_problems(value)
    else:
        found = field_problems(value, RESERVED_FIELD_NAMES)
    return [OptionProblem(name, f"{name}: {message}", item, key) for item, key, message in found]


def check_options(raw: Mapping[str, Any]) -> tuple[list[OptionProblem], list[str]]:
    """Every problem of the options as written, and the names of options that do not exist."""
    problems = [
        problem for option in OPTIONS for problem in option_problems(option, raw.get(option.name))
    ]
    unknown = [str(name) for name in raw if name not in OPTION_NAMES and name != "enabled"]
    return problems, unknown


def unknown_option_message(name: str) -> str:
    """What the check says about an option the plugin does not have."""
    hint = did_you_mean(name, OPTION_NAMES) or "the options are " + ", ".join(OPTION_NAMES)
    return f"unknown option '{name}' ({hint})"
