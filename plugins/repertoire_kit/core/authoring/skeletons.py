"""The kinds of file a contributor starts, and the shape each one starts with.

`repertoire new` (which writes a file) and the editor's snippets (which a contributor expands
while typing) both begin a file of a given kind: the configured entry kinds, then members,
problem types, paths and uses. Both lay out the same body, a heading per section with a `TODO:`
line saying what to write there, so the two ways in cannot drift apart. The wording lives here
once.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass

import yaml

from ..contract.fields import RecordSchema
from ..contract.placeholders import TODO
from ..contract.schemas import SUMMARY_MAX, record_schemas
from ..settings import CustomField, CustomType, Kind, Settings

# Entries start unpublished: the check accepts a draft and `make serve` shows it, `make build`
# never publishes it. Deleting this line is the contributor's "ready" signal.
DRAFT_LINE = "draft: true  # delete this line when the entry is ready to publish"
# The role a new member starts with, when the site's roles include it.
NEW_MEMBER_ROLE = "member"
# Field → the value a new file starts with, where one is the obvious start (offered first).
STARTING_CHOICES: dict[str, str] = {"role": NEW_MEMBER_ROLE}

# One block of a body: a section heading (or None for text without one) and what to write.
Block = tuple[str | None, str]

# The body of each kind of entry. Headings follow the sample.
ENTRY_SECTIONS: dict[str, tuple[Block, ...]] = {
    "case": (
        (
            "Context",
            "Where and when did this happen? The organisation, the piece of work, the team "
            "and the time you had, in a few sentences.",
        ),
        ("The challenge", "What made it hard? What would have gone wrong with the usual approach?"),
        ("What we did", "The steps you took, in order, with the numbers left in."),
        ("Outcome", "What changed as a result, and what did not."),
        ("Lessons", "What a colleague in another country could reuse. A short list works well."),
    ),
    "story": (
        ("Setting", "Where you were, what your role was, and what was at stake."),
        ("What happened", "The moment itself, told in the first person, as plainly as you can."),
        ("What it taught us", "What you do differently since, and what you would tell a newcomer."),
    ),
    "tool": (
        ("Purpose", "What this tool is for, in one or two sentences."),
        ("When to use it", "The situations it fits, and the ones it does not."),
        ("How to use it", "The steps, in order, with a short worked example."),
        (
            "Template",
            "The template itself, ready to copy: a table, a checklist or a list of questions.",
        ),
    ),
}
# A kind a maintainer added in mkdocs.yml gets a neutral layout.
GENERIC_SECTIONS: tuple[Block, ...] = (
    ("Context", "Where and when, and who was involved."),
    ("What happened", "The substance of the entry."),
    ("Lessons", "What a colleague could reuse."),
)
# The body of every other kind of file: one paragraph, without a heading.
BODY_PROMPT = {
    "member": "a short bio in the third person, in two or three paragraphs: what you do and "
    "where, what you have worked on, and what colleagues may ask you about.",
    "problem": "describe the problem as practitioners meet it: where it shows up, the questions "
    "it raises, and what to watch for.",
    "path": "introduce the path: who it is for, what they will be able to do at the end, and "
    "how long it takes.",
    # Short, like the use prompts below: every entry page carries a use's skeleton in its link.
    "use": "your story, or delete this line",
}
AFFILIATION_PROMPT = "where you work or practise, such as Team, Organisation (Country)"
SUMMARY_PROMPT = {
    "entry": f"one or two sentences (at most {SUMMARY_MAX} characters) that make a colleague "
    "want to read it",
    "problem": "one sentence that says what the problem is",
    "path": "one sentence that says what the reader gets from this path",
    "use": "what you did with it and what came of it",
}
# What the Record a use page's file cannot know (it is the same page for every reader). The
# check explains a wrong member id or date, and the summary's limit, where the file breaks one.
USE_MEMBER_PROMPT = "your member id"
USE_DATE_PROMPT = "YYYY-MM-DD"
# What the Record a use page cannot know without its script (the entry comes in its address).
USE_ENTRY_PROMPT = "the id of the entry, as in its address (kind/name)"


@dataclass(frozen=True)
class Target:
    """A kind of file to start: the folder it goes in and the contract it must meet."""

    name: str
    folder: str
    schema: RecordSchema
    is_entry: bool = False
    kind: Kind | None = None


def targets(settings: Settings) -> dict[str, Target]:
    """Kind name → target: the configured entry kinds, then member, problem and path."""
    entries, *others = record_schemas(settings)
    found = {
        kind.singular: Target(kind.singular, kind.folder, entries, True, kind)
        for kind in settings.kinds
    }
    for schema in others:
        name = schema.name.value
        found.setdefault(name, Target(name, str(schema.name.folder), schema))
    return found


def placeholder(what: str) -> str:
    """A marked gap: `TODO: what`, easy to spot in the file and in review."""
    return f"{TODO} {what}"


def body_blocks(target: Target) -> tuple[Block, ...]:
    """The body a new file of this kind starts with."""
    if target.kind is not None and target.kind.sections:
        return tuple(
            (section.heading, section.prompt or f"write the {section.heading.lower()} here.")
            for section in target.kind.sections
        )
    if target.is_entry:
        return ENTRY_SECTIONS.get(target.name, GENERIC_SECTIONS)
    return ((None, BODY_PROMPT.get(target.name, BODY_PROMPT["path"])),)


def body_text(blocks: tuple[Block, ...], as_todo: bool = True) -> str:
    """The body as written to a file: each heading, a blank line, then its `TODO:` line (or,
    not `as_todo`, its prompt as plain text: the starter site's examples, which pass the check)."""
    return "\n".join(
        (f"## {heading}\n\n" if heading else "") + f"{placeholder(prompt) if as_todo else prompt}\n"
        for heading, prompt in blocks
    )


_PLAIN_PATH = re.compile(r"[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)+")
"""An id with a folder (`cases/some-case`): YAML reads it as text whatever its words."""


@functools.lru_cache(maxsize=64)
def yaml_scalar(value: str | int | bool) -> str:
    """One YAML value, quoted exactly when YAML would otherwise misread it.

    `yaml.safe_dump` quotes text that would read as a number, a date, a yes/no or a mapping
    (a title with ': ' in it, or a `TODO:` placeholder), and escapes quotes, so any value
    round-trips as the same text. Every entry page's "I used this" link writes a use's file,
    so the ids that need no quoting skip the dumper, and the prompts are dumped once.
    """
    if isinstance(value, str) and _PLAIN_PATH.fullmatch(value):
        return value
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n").removesuffix("\n...").rstrip("\n")


def file_text(front_matter: list[str], body: str) -> str:
    """Front-matter lines between the fences, a blank line, then the body."""
    return "---\n" + "\n".join(front_matter) + "\n---\n\n" + body


def example_entry_id(settings: Settings) -> str:
    """An entry id for examples, of the site's first kind (`cases/some-case`)."""
    kind = settings.kinds[0]
    name = re.sub(r"[^a-z0-9]+", "-", kind.singular.lower()).strip("-") or "entry"
    return f"{kind.folder}/some-{name}"


def use_entry_line(entry_id: str | None) -> str:
    """A use's first line: the entry applied, or a placeholder for it (the line the Record a
    use page's script replaces)."""
    return f"entry: {yaml_scalar(entry_id or placeholder(USE_ENTRY_PROMPT))}"


def use_text(
    settings: Settings,
    entry_id: str | None,
    member: str | None = None,
    day: dt.date | None = None,
    summary: str = "",
) -> str:
    """A use: which entry, who, when; what came of it is theirs to write. The optional
    fields are commented out (the members' guide says to delete the `# ` to give one).

    `repertoire new use` knows the entry, the member and the day; the Record a use page
    (`authoring.github_editor`) knows none of them (its script fills in the entry it was
    opened for), and leaves a placeholder for each, so that the file fails the check until
    the member has filled it in. One function writes both, so the two ways of recording a use
    start from the same file.
    """
    outcomes = ", ".join(settings.outcomes)
    lines = [
        use_entry_line(entry_id),
        f"member: {yaml_scalar(member or placeholder(USE_MEMBER_PROMPT))}",
        f"date: {day.isoformat() if day else yaml_scalar(placeholder(USE_DATE_PROMPT))}",
        f"summary: {yaml_scalar(summary or placeholder(SUMMARY_PROMPT['use']))}",
        "# context: Organisation (Country)",
    ]
    if settings.outcomes:
        lines.append(f"# outcome: {settings.outcomes[0]}  # {outcomes}")
    return file_text(lines, body_text(((None, BODY_PROMPT["use"]),)))


def custom_field_lines(
    settings: Settings,
    contributors: list[str],
    problems: list[str],
    today: dt.date,
    required: bool,
) -> list[str]:
    """The community's own fields in a new entry: the required ones (`required`) with a valid
    first value to change (a choice, today, the first contributor or problem type named, or a
    `TODO:` text), or the optional ones as commented lines to uncomment."""
    lines = []
    for custom in settings.custom_fields:
        if custom.required != required:
            continue
        value, note = _starting_value(custom, contributors, problems, today)
        about = f"  # {custom.label}: {note}" if note else f"  # {custom.label}"
        lines.append(f"{'' if required else '# '}{custom.name}: {value}{about}")
    return lines


def _starting_value(
    custom: CustomField, contributors: list[str], problems: list[str], today: dt.date
) -> tuple[str, str]:
    """A value that passes the check, and what else the field may hold."""
    choices = ", ".join(choice.id for choice in custom.choices)
    if custom.type is CustomType.CHOICE:
        return custom.choices[0].id, f"one of {choices}"
    if custom.type is CustomType.CHOICES:
        return f"[{custom.choices[0].id}]", f"any of {choices}"
    if custom.type is CustomType.DATE:
        return today.isoformat(), "a date, YYYY-MM-DD"
    if custom.type is CustomType.URL:
        return "https://example.org", "an https:// or mailto: address"
    if custom.type is CustomType.MEMBER:
        return (contributors or ["member-id"])[0], "a member's id"
    if custom.type is CustomType.PROBLEM:
        return (problems or ["problem-id"])[0], "a problem type's id"
    # A JSON string is a YAML double-quoted scalar: any description stays one value.
    return json.dumps(placeholder(custom.description or custom.label), ensure_ascii=False), ""
