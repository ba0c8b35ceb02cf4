"""`repertoire init`: the files of a new community's site, ready to build and to publish.

The site is the sample's setup without the sample's content: mkdocs.yml (the plugin, Material
with `custom_dir: overrides` and no third-party fonts, the Markdown extensions the plugin's
pages use), the `overrides/partials/source.html` that stops Material from calling GitHub's
API, the two GitHub workflows, a pinned requirements file, CONTRIBUTING.md, a README and a
.gitignore. The static files are templates in `templates/starter/`, filled with the
community's name (Jinja with `[[ ]]` and `[% %]`, so the workflows' `${{ }}` stay as they are).

The content is one example of each record the site lists (a problem type, a member, an entry
of each configured kind, a curated path) and a home page. Each is valid, so that
`mkdocs build --strict` passes as written, and carries an `EXAMPLE_MARK` line at the top of
its front matter (a YAML comment: the contract never sees it). `repertoire check` reports each
mark as a warning until the steward replaces the example or deletes it
(`load.site_checks`), and reports `PLACEHOLDER_SITE_URL` the same way. The build stays quiet
about both: they are for the steward, not reasons to refuse a page.

CONTRIBUTING.md comes from the same template as this repository's own (`kit=True` there: the
Makefile, the tests and the editor tooling), so the two never drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path

import jinja2

from ... import __version__
from ..settings import Settings
from .skeletons import NEW_MEMBER_ROLE, body_blocks, body_text, file_text, targets

STARTER_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "starter"
# The first line of every example's front matter; `repertoire check` warns while one is left.
EXAMPLE_MARK = "# EXAMPLE:"
# A reserved name (RFC 2606) that cannot be anyone's published address.
PLACEHOLDER_SITE_URL = "https://example.invalid/"
# A template folder's `dot-x` is the site's `.x`: package data leaves hidden files out.
_DOT = "dot-"
# The files of the template folder that are copied as they are (not Jinja templates).
_VERBATIM = frozenset({"overrides/partials/source.html"})
# Example ids, neutral in every practice.
EXAMPLE_PROBLEM = "example-problem"
EXAMPLE_MEMBER = "example-member"
EXAMPLE_PATH = "a-first-tour"


def _environment() -> jinja2.Environment:
    """Jinja over the starter templates, with delimiters no workflow or Markdown uses."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(STARTER_TEMPLATES)),
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


# The guide's examples that belong to a community's practice, neutral here; a community gives
# its own (this repository's sample: contributing-examples.yml at its root).
GUIDE_EXAMPLES: dict[str, str] = {
    "case_is": "a piece of work you did",
    "confidential": "the names of the people your work concerned, unpublished results",
    "affiliation": "Team, Organisation (Country)",
    "affiliation_short": "Organisation (Country)",
    "bio": "Ana Lukić leads a small team in her organisation. Before that she spent six years\n"
    "in a larger one. She is happy to be asked about starting out in a small team.",
    "summary": '"What we tried, what happened, and what we would do again."',
    # The starter's own tool (the guide computes the one column its length moves).
    "tool": "example-tool",
    "context_prompt": "Where and when did this happen? The organisation, the piece of work, the "
    "team and the time you had.",
    "use_entry_name": "example-tool",
    "use_summary": "Ran our quarterly review with the template; the meeting kept to its hour "
    "and every action left with an owner.",
    "use_story": "We dropped the section on last quarter's actions and read them out at the "
    "start instead.\nTwo newcomers said it was the first review they could follow.",
    # The ids the guide's examples name: the starter site's own, so that its links and ids
    # exist in the site `repertoire init` writes (EXAMPLE_PROBLEM, EXAMPLE_MEMBER, the example
    # case), and the words around them.
    "problem": EXAMPLE_PROBLEM,
    "problem_typo": "example-problm",
    "problem_second": "another-problem",
    "problem_third": "a-third-problem",
    "member_other": EXAMPLE_MEMBER,
    "member_other_first": "Example",
    "entry_title": "Running a review in a small team",
    "entry_file": "running-a-review-in-a-small-team",
    "entry_topic": "running a review",
    "linked_case": "example-case",
    "image": "team-roster.png",
    "image_alt": "The team roster",
    "tags": "reviews, small-teams",
    # Seven letters, as the sample's "Payroll", so that the quoted columns stay right.
    "colon_word": "Reviews",
    "error_file": "review",
}


def contributing_guide(
    site_name: str, kit: bool = False, examples: Mapping[str, str] | None = None
) -> str:
    """CONTRIBUTING.md for members: a new site's (`kit=False`), or this repository's own
    (`kit=True`: the Makefile, the tests and the editor tooling), with a community's own
    examples where it has them."""
    template = _environment().get_template("CONTRIBUTING.md")
    chosen = {**GUIDE_EXAMPLES, **(examples or {})}
    unknown = set(chosen) - set(GUIDE_EXAMPLES)
    if unknown:
        raise ValueError(f"unknown guide examples: {', '.join(sorted(unknown))}")
    return template.render(site_name=site_name, kit=kit, ex=chosen)


def _template_names() -> list[str]:
    return sorted(
        path.relative_to(STARTER_TEMPLATES).as_posix()
        for path in STARTER_TEMPLATES.rglob("*")
        if path.is_file()
    )


def _site_path(name: str) -> str:
    """Where a template goes in the new site (`dot-github/…` → `.github/…`)."""
    return "/".join(
        "." + part.removeprefix(_DOT) if part.startswith(_DOT) else part for part in name.split("/")
    )


def _front_matter(what: str, lines: list[str], body: str) -> str:
    """An example record, its front matter opening with the mark `repertoire check` warns of."""
    mark = f"{EXAMPLE_MARK} {what}; write your own and delete this line, or delete the file."
    return file_text([mark, *lines], body)


def example_records(settings: Settings, today: dt.date) -> dict[str, str]:
    """One problem type, one member, one entry of each configured kind and one curated path."""
    docs = "repertoire"
    files: dict[str, str] = {}
    found = targets(settings)
    files[f"{docs}/{found['problem'].folder}/{EXAMPLE_PROBLEM}.md"] = _front_matter(
        "an example problem type",
        [
            "title: An example problem type",
            'summary: "A problem members meet again and again, named once so that every entry '
            'about it is found together."',
        ],
        "A problem type is a question of the practice that keeps coming back. Describe it as "
        "members meet it: where it shows up, the questions it raises, and what to watch for. "
        "Each entry lists the ids of its problem types, and this page lists the entries.\n",
    )
    role = f"role: {NEW_MEMBER_ROLE}" if NEW_MEMBER_ROLE in settings.roles else ""
    files[f"{docs}/{found['member'].folder}/{EXAMPLE_MEMBER}.md"] = _front_matter(
        "an example member",
        [line for line in ("name: Example Member", role, f"joined: {today.year}") if line],
        "A member's page says, in the third person, what they do and where, what they have "
        "worked on, and what colleagues may ask them about. The site adds what they wrote and "
        "the problem types they know.\n",
    )
    steps = []
    for target in found.values():
        if not target.is_entry:
            continue
        name = f"example-{target.name}"
        kind = settings.kind_for_folder(target.folder)
        plural = kind.plural if kind else target.folder
        files[f"{docs}/{target.folder}/{name}.md"] = _front_matter(
            f"an example {target.name}",
            [
                f"title: An example {target.name}",
                f'summary: "What a {target.name} looks like: the sections the {plural} of this '
                'site share, each saying what goes in it."',
                f"problem_types: [{EXAMPLE_PROBLEM}]",
                f"contributors: [{EXAMPLE_MEMBER}]",
                f"date: {today.isoformat()}",
            ],
            body_text(body_blocks(target), as_todo=False),
        )
        steps.append(
            f"  - entry: {target.folder}/{name}\n"
            f'    note: "Why a newcomer should read this {target.name}, and what to notice."'
        )
    files[f"{docs}/{found['path'].folder}/{EXAMPLE_PATH}.md"] = _front_matter(
        "an example curated path",
        [
            "title: A first tour",
            'summary: "The entries a newcomer reads first, in order, each with a note on what '
            'to take from it."',
            "audience: Newcomers to the community",
            "steps:",
            *steps,
        ],
        "A curated path leads a newcomer through a few entries in order. Say who it is for, "
        "what they will be able to do at the end, and how long it takes.\n",
    )
    return files


def starter_files(site_name: str, today: dt.date) -> dict[str, str | bytes]:
    """Every file of a new site, by its path relative to the site's folder."""
    env = _environment()
    files: dict[str, str | bytes] = {}
    for name in _template_names():
        if name in _VERBATIM:
            files[_site_path(name)] = (STARTER_TEMPLATES / name).read_bytes()
        else:
            files[_site_path(name)] = env.get_template(name).render(
                site_name=site_name,
                site_url=PLACEHOLDER_SITE_URL,
                version=__version__,
                kit=False,
                ex=GUIDE_EXAMPLES,
            )
    files.update(example_records(Settings(site_name=site_name), today))
    return dict(sorted(files.items()))
