"""`repertoire.json`: a stable, documented export of every published record.

The shape is versioned (`format`) and documented in the reference; keys and list orders are
fixed (records by id), so two builds of the same content give the same bytes. Strings are
escaped for embedding (see `escape.json_text`).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ..indexes.cross_indexes import Indexes
from ..indexes.review import ReviewSchedule
from ..model import Entry
from ..safety.escape import json_text
from ..settings import Choice, CustomField, Display, Settings
from . import urls
from .review_views import schedule_for

EXPORT_FORMAT = 1


def _json_value(value: Any) -> Any:
    """A value as JSON holds it: a date as ISO text, a tuple (of choices) as a list."""
    if isinstance(value, tuple):
        return list(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _custom_values(entry: Entry, fields: tuple[CustomField, ...]) -> dict[str, Any]:
    """The entry's value of each of `fields` (None where it leaves one out), as JSON."""
    return {custom.name: _json_value(entry.custom_value(custom.name)) for custom in fields}


def _choices(choices: tuple[Choice, ...]) -> list[dict[str, str]]:
    return [{"id": c.id, "label": c.shown, "description": c.description} for c in choices]


def _shape(settings: Settings) -> dict[str, Any]:
    """The community's roles, levels and own fields, as configured, for programs to read."""
    return {
        "roles": _choices(tuple(settings.role(r) for r in settings.roles)),
        "levels": _choices(tuple(settings.level(level) for level in settings.levels)),
        "fields": [
            {
                "name": f.name,
                "type": f.type.value,
                "label": f.label,
                "description": f.description,
                "choices": _choices(f.choices),
                "required": f.required,
                "shown_in": [place.value for place in f.shown_in],
            }
            for f in settings.custom_fields
        ],
    }


def build_export(
    indexes: Indexes,
    settings: Settings,
    use_directory_urls: bool = True,
    review: ReviewSchedule | None = None,
) -> dict[str, Any]:
    """The export as plain data (see `escape.json_text` for the bytes); `review` says which
    entries are due (by default judged as a build without git would judge them)."""
    repertoire = indexes.repertoire
    if review is None:
        review = schedule_for(indexes, settings, None)
    url = partial(urls.absolute_url, settings.site_url, use_directory_urls=use_directory_urls)
    entries = [
        {
            "id": entry.id,
            "kind": entry.kind.singular,
            "url": url(entry.source.docs_path),
            "title": entry.title,
            "summary": entry.summary,
            "problem_types": list(entry.problem_types),
            "contributors": list(entry.contributors),
            "date": entry.date.isoformat(),
            "updated": _json_value(entry.updated),
            "reviewed": _json_value(entry.reviewed),
            "reviewed_by": list(entry.reviewed_by),
            "due_for_review": review.of(entry.id) is not None,
            "related": [r for r in entry.related if repertoire.is_visible(r)],
            "level": entry.level,
            "tags": list(entry.tags),
            "words": len(entry.source.body.split()),
            "uses": len(indexes.uses_by_entry.get(entry.id, [])),
            "fields": _custom_values(entry, settings.custom_fields),
        }
        for entry in sorted(indexes.entries, key=lambda e: e.id)
    ]
    members = [
        {
            "id": member.id,
            "url": url(member.source.docs_path),
            "name": member.name,
            "affiliation": member.affiliation,
            "role": member.role,
            "joined": _json_value(member.joined),
            "links": [{"label": link.label, "url": link.url} for link in member.links],
            "avatar": member.avatar,
            "contributions": len(indexes.by_member.get(member.id, [])),
        }
        for member in sorted(repertoire.members.values(), key=lambda m: m.id)
    ]
    problems = [
        {
            "id": problem.id,
            "url": url(problem.source.docs_path),
            "title": problem.title,
            "summary": problem.summary,
            "parent": problem.parent if problem.parent in repertoire.problems else None,
            "children": indexes.children.get(problem.id, []),
            "entries": len(indexes.by_problem.get(problem.id, [])),
            "entries_with_subtypes": len(indexes.entries_under(problem.id)),
        }
        for problem in sorted(repertoire.problems.values(), key=lambda p: p.id)
    ]
    paths = [
        {
            "id": path.id,
            "url": url(path.source.docs_path),
            "title": path.title,
            "summary": path.summary,
            "audience": path.audience,
            "steps": [{"entry": step.entry, "note": step.note} for step in path.steps],
        }
        for path in sorted(repertoire.paths.values(), key=lambda p: p.id)
    ]
    uses = [
        {
            "id": use.id,
            "url": url(use.source.docs_path),
            "entry": use.entry,
            "member": use.member,
            "date": use.date.isoformat(),
            "summary": use.summary,
            "context": use.context,
            "outcome": use.outcome,
        }
        for use in sorted(indexes.uses, key=lambda u: u.id)
    ]
    return {
        "format": EXPORT_FORMAT,
        "site": {"name": settings.site_name, "url": settings.site_url or None},
        "kinds": [
            {
                "folder": k.folder,
                "singular": k.singular,
                "plural": k.plural,
                "url": url(urls.kind_index(k.folder)),
            }
            for k in settings.kinds
        ],
        **_shape(settings),
        "entries": entries,
        "members": members,
        "problem_types": problems,
        "paths": paths,
        "uses": uses,
    }


def explore_json(indexes: Indexes, settings: Settings, use_directory_urls: bool = True) -> str:
    """The text of the explore page's data file (compact, safe to embed in HTML): what its
    filters need, and no more: URLs relative to the site root, no bodies, no fields the
    filters or results do not show (an entry's id among them: its URL says where it is, and
    the id would add a tenth to the file)."""
    repertoire = indexes.repertoire
    filters = settings.custom_shown_in(Display.EXPLORE)
    url = partial(urls.page_url, use_directory_urls=use_directory_urls)
    data = {
        "kinds": [{"singular": k.singular, "plural": k.plural} for k in settings.kinds],
        "levels": [
            {"id": level, "label": settings.level(level).label} for level in settings.levels
        ],
        "filters": [
            {
                "name": f.name,
                "type": f.type.value,
                "label": f.label,
                "choices": [{"id": c.id, "label": c.shown} for c in f.choices],
            }
            for f in filters
        ],
        "problem_types": [
            {
                "id": p.id,
                "title": p.title,
                "url": url(p.source.docs_path),
                "parent": p.parent if p.parent in repertoire.problems else None,
                "children": indexes.children.get(p.id, []),
            }
            for p in sorted(repertoire.problems.values(), key=lambda p: p.id)
        ],
        "members": [
            {"id": m.id, "name": m.name, "url": url(m.source.docs_path)}
            for m in sorted(repertoire.members.values(), key=lambda m: m.id)
        ],
        "entries": [
            {
                "kind": e.kind.singular,
                "title": e.title,
                "url": url(e.source.docs_path),
                "summary": e.summary,
                "problem_types": list(e.problem_types),
                "contributors": list(e.contributors),
                "date": e.date.isoformat(),
                "updated": _json_value(e.updated),
                "level": e.level,
                "uses": len(indexes.uses_by_entry.get(e.id, ())),
                # Only when the site has such fields: the file stays as small as the filters allow.
                **({"fields": _custom_values(e, filters)} if filters else {}),
            }
            for e in indexes.entries
        ],
    }
    return json_text(data, indent=None) + "\n"


def export_json(
    indexes: Indexes,
    settings: Settings,
    use_directory_urls: bool = True,
    review: ReviewSchedule | None = None,
) -> str:
    """The text of `repertoire.json`: compact (it is read by programs, and indenting would
    take Python's slower JSON encoder and about a third more bytes), safe to embed in HTML."""
    export = build_export(indexes, settings, use_directory_urls, review)
    return json_text(export, indent=None) + "\n"
