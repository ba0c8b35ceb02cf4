"""Purpose-built tiny repertoires: record files for real builds, records for the core.

Front matter is dumped with PyYAML so a test states data, not YAML syntax; `build_ok` builds
through the real `mkdocs build` and returns a reader for its pages. `model_entry`,
`model_problem` and `model_indexes` make the same kind of records as plain values, for testing
`core.indexes` as functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import yaml

from repertoire_kit.core.indexes.cross_indexes import Indexes, build_indexes
from repertoire_kit.core.model import Entry, ProblemType, Repertoire, Source
from repertoire_kit.core.settings import DEFAULT_KINDS
from tests.support.crossindex_html import Page, load_page
from tests.support.sites import Site

HOME = {"repertoire/index.md": "# Home\n\nWelcome.\n"}

PageReader = Callable[[str], Page]
"""A built page by its site-relative URL ('' for home, 'cases/x/')."""
SiteFactory = Callable[..., Site]
"""The `make_site` fixture: files, plugin options and extra config in, an unbuilt `Site` out."""


def record(front_matter: dict[str, Any], body: str = "Some text.\n") -> str:
    """A Markdown record file: the front matter as YAML, then the body."""
    text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True)
    return f"---\n{text}---\n{body}"


def problem(problem_id: str, title: str | None = None, parent: str | None = None) -> dict[str, str]:
    fields: dict[str, Any] = {
        "title": title or problem_id.replace("-", " ").capitalize(),
        "summary": f"About {problem_id}.",
    }
    if parent:
        fields["parent"] = parent
    return {f"repertoire/problems/{problem_id}.md": record(fields, f"What {problem_id} is.\n")}


def member(
    member_id: str, name: str | None = None, role: str = "member", **extra: Any
) -> dict[str, str]:
    fields = {"name": name or member_id.replace("-", " ").title(), "role": role, **extra}
    return {f"repertoire/members/{member_id}.md": record(fields, f"{member_id} audits.\n")}


def entry(
    entry_id: str,
    problems: list[str],
    people: list[str],
    date: str,
    title: str | None = None,
    **extra: Any,
) -> dict[str, str]:
    """An entry file at `<folder>/<slug>.md` (`entry_id` is 'folder/slug')."""
    fields: dict[str, Any] = {
        "title": title or entry_id.split("/")[1].replace("-", " ").capitalize(),
        "summary": f"Summary of {entry_id}.",
        "problem_types": problems,
        "contributors": people,
        "date": dt.date.fromisoformat(date),
    }
    for key, value in extra.items():
        fields[key] = dt.date.fromisoformat(value) if key == "updated" else value
    return {f"repertoire/{entry_id}.md": record(fields, "## Context\n\nWhat happened.\n")}


def path(path_id: str, steps: list[str]) -> dict[str, str]:
    """A curated path through the given entry ids."""
    fields = {
        "title": path_id.replace("-", " ").capitalize(),
        "summary": f"The {path_id} path.",
        "audience": "Newcomers",
        "steps": [{"entry": s, "note": f"Read {s}."} for s in steps],
    }
    return {f"repertoire/paths/{path_id}.md": record(fields, "Follow these steps.\n")}


def use(use_id: str, entry_id: str, member_id: str, date: str, **extra: Any) -> dict[str, str]:
    """A use file: `member_id` applied `entry_id` on `date`."""
    fields: dict[str, Any] = {
        "entry": entry_id,
        "member": member_id,
        "date": dt.date.fromisoformat(date),
        "summary": f"{member_id} applied {entry_id}.",
        **extra,
    }
    return {f"repertoire/uses/{use_id}.md": record(fields, "")}


def merge(*parts: dict[str, str]) -> dict[str, str]:
    """One files mapping from many record mappings (a repeated path is a test bug)."""
    files: dict[str, str] = dict(HOME)
    for part in parts:
        clash = files.keys() & part.keys()
        assert not clash, f"the same file twice: {clash}"
        files.update(part)
    return files


def build_ok(site: Site, *args: str) -> PageReader:
    """Build the site (it must succeed) and return a reader of its pages by URL."""
    result = site.build(*args)
    assert result.returncode == 0, result.stderr
    return lambda url: load_page(site.site_dir, url)


# ----- records as plain values, for the core -------------------------------------------------


def _source(docs_path: str) -> Source:
    return Source(path=f"repertoire/{docs_path}", docs_path=docs_path, body="", body_first_line=1)


def model_entry(
    slug: str,
    problems: tuple[str, ...],
    people: tuple[str, ...],
    day: str,
    related: tuple[str, ...] = (),
    draft: bool = False,
) -> Entry:
    """A case as the loader would make it (the body does not matter to the indexes)."""
    entry_id = f"cases/{slug}"
    return Entry(
        id=entry_id,
        kind=DEFAULT_KINDS[0],
        title=slug,
        summary=slug,
        problem_types=problems,
        contributors=people,
        date=dt.date.fromisoformat(day),
        source=_source(f"{entry_id}.md"),
        related=related,
        draft=draft,
    )


def model_problem(problem_id: str, parent: str | None = None) -> ProblemType:
    return ProblemType(
        id=problem_id,
        title=problem_id.capitalize(),
        parent=parent,
        source=_source(f"problems/{problem_id}.md"),
    )


def model_indexes(entries: Sequence[Entry], problems: Sequence[ProblemType] = ()) -> Indexes:
    """The indexes of a repertoire made of these records (drafts left out, as in a build)."""
    repertoire = Repertoire(
        entries={e.id: e for e in entries}, problems={p.id: p for p in problems}
    )
    return build_indexes(repertoire, ("cases",))
