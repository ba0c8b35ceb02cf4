"""Template-ready views of records: plain dicts with display text and relative links.

Templates never see a model object, only these values, so an override cannot reach past what
a page is meant to show. Links are wrapped as `Markup` because they are built here from
validated ids; every other string is escaped when the template prints it.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .escape import markdown_url
from .indexes import Indexes
from .model import Entry, Member, ProblemType
from .urls import relative


def link(from_page: str, to_page: str) -> Markup:
    """A relative link target that is safe inside a Markdown link."""
    return Markup(markdown_url(relative(from_page, to_page)))


def member_name(indexes: Indexes, member_id: str) -> str:
    """A member's display name, or the id when the member file failed to load."""
    member = indexes.repertoire.members.get(member_id)
    return member.name if member else member_id


def problem_view(indexes: Indexes, problem_id: str, page: str) -> dict[str, Any]:
    """A problem type as a link with its title."""
    problem = indexes.repertoire.problems.get(problem_id)
    if problem is None:
        return {"id": problem_id, "title": problem_id, "url": None, "summary": None}
    return {
        "id": problem_id, "title": problem.title, "summary": problem.summary,
        "url": link(page, problem.source.docs_path),
    }


def member_view(indexes: Indexes, member_id: str, page: str) -> dict[str, Any]:
    """A member as a link with their name."""
    member = indexes.repertoire.members.get(member_id)
    if member is None:
        return {"id": member_id, "name": member_id, "url": None}
    return {"id": member_id, "name": member.name, "url": link(page, member.source.docs_path),
            "affiliation": member.affiliation, "role": member.role}


def entry_view(indexes: Indexes, entry: Entry, page: str) -> dict[str, Any]:
    """An entry as listings show it: title, link, summary, kind, people, problems, dates."""
    return {
        "id": entry.id,
        "title": entry.title,
        "url": link(page, entry.source.docs_path),
        "summary": entry.summary,
        "kind": entry.kind.singular,
        "kind_plural": entry.kind.plural,
        "date": entry.date.isoformat(),
        "updated": entry.updated.isoformat() if entry.updated else None,
        "level": entry.level,
        "tags": list(entry.tags),
        "draft": entry.draft,
        "problems": [problem_view(indexes, p, page) for p in entry.problem_types],
        "contributors": [member_view(indexes, m, page) for m in entry.contributors],
    }


def problem_record_view(problem: ProblemType) -> dict[str, Any]:
    """A problem type's own fields, for its page header."""
    return {"id": problem.id, "title": problem.title, "summary": problem.summary}


def member_record_view(member: Member, page: str) -> dict[str, Any]:
    """A member's own fields, for their profile header."""
    avatar = member.avatar
    if avatar and not avatar.lower().startswith("https://"):
        avatar = relative(page, avatar)
    return {
        "id": member.id, "name": member.name, "affiliation": member.affiliation,
        "role": member.role,
        "joined": str(member.joined) if member.joined is not None else None,
        "links": [{"label": l.label, "url": Markup(markdown_url(l.url))} for l in member.links],
        "avatar": Markup(markdown_url(avatar)) if avatar else None,
    }
