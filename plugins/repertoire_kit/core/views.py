"""Template-ready views of records: plain dicts with display text and relative links.

Templates never see a model object, only these values, so an override cannot reach past what
a page is meant to show. Links are wrapped as `Markup` because they are built here from
validated ids; every other string is escaped when the template prints it. Links to records are
anchored at the docs root (`urls.root_link`), so a view is the same for every page that shows
it and is made once per build.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .escape import markdown_text, markdown_url
from .indexes import Indexes
from .model import Entry, Member, ProblemType
from .urls import relative, root_link


def link(from_page: str, to_page: str) -> Markup:
    """A relative link target that is safe inside a Markdown link."""
    return Markup(markdown_url(relative(from_page, to_page)))


def record_link(to_page: str) -> Markup:
    """A root-anchored link target to a record's page, safe inside a Markdown link."""
    return Markup(root_link(markdown_url(to_page)))


def member_name(indexes: Indexes, member_id: str) -> str:
    """A member's display name, or the id when the member file failed to load."""
    member = indexes.repertoire.members.get(member_id)
    return member.name if member else member_id


def linked_names(views: list[dict[str, Any]], label: str) -> Markup:
    """`[label](url), ...` for a list of views, each label escaped (plain text without a url).

    Made once per entry view, so a panel or listing item prints one ready fragment instead of
    looping over people and problem types on every page that shows the entry.
    """
    parts = [
        f"[{markdown_text(view[label])}]({view['url']})" if view["url"] else markdown_text(view[label])
        for view in views
    ]
    return Markup(", ".join(parts))


def problem_view(indexes: Indexes, problem_id: str) -> dict[str, Any]:
    """A problem type as a link with its title."""
    problem = indexes.repertoire.problems.get(problem_id)
    if problem is None:
        return {"id": problem_id, "title": problem_id, "url": None, "summary": None}
    return {
        "id": problem_id, "title": problem.title, "summary": problem.summary,
        "url": record_link(problem.source.docs_path),
    }


def member_view(indexes: Indexes, member_id: str) -> dict[str, Any]:
    """A member as a link with their name."""
    member = indexes.repertoire.members.get(member_id)
    if member is None:
        return {"id": member_id, "name": member_id, "url": None}
    return {"id": member_id, "name": member.name, "url": record_link(member.source.docs_path),
            "affiliation": member.affiliation, "role": member.role}


def entry_view(indexes: Indexes, entry: Entry) -> dict[str, Any]:
    """An entry as listings show it: title, link, summary, kind, people, problems, dates."""
    problems = [problem_view(indexes, p) for p in entry.problem_types]
    contributors = [member_view(indexes, m) for m in entry.contributors]
    return {
        "id": entry.id,
        "title": entry.title,
        "url": record_link(entry.source.docs_path),
        "summary": entry.summary,
        "kind": entry.kind.singular,
        "kind_plural": entry.kind.plural,
        "date": entry.date.isoformat(),
        "updated": entry.updated.isoformat() if entry.updated else None,
        "level": entry.level,
        "tags": list(entry.tags),
        "draft": entry.draft,
        "problems": problems,
        "contributors": contributors,
        "problem_links": linked_names(problems, "title"),
        "contributor_links": linked_names(contributors, "name"),
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
