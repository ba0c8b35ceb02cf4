"""`repertoire new KIND "Title"`: a new file whose front matter is valid from the first keystroke.

`repertoire new use ENTRY --by MEMBER` records one time a member applied an entry: the
smallest contribution there is.

A contributor who has never seen the contract gets a file with every required field filled in
(today's date, an id made from the title, the problem types and members they named, checked
against the files that exist) and a body laid out in the sections their kind of file needs.
What only they can write is marked `TODO:`. The front matter is validated with the same core
functions as `repertoire check` before anything is written, so a scaffold never starts broken.

Entries are written with `draft: true`: the check accepts a draft and `make serve` shows it,
but `make build` never publishes it, so a half-written entry merged by mistake stays private.
Deleting that line is the contributor's "ready" signal.

Exit codes (as for `check`): 0 written, 1 refused (the file exists, an id is unknown, a value
breaks the contract), 2 usage (unknown type of file, something required missing and no terminal to
ask on).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import (
    AFFILIATION_PROMPT,
    DRAFT_LINE,
    ENTRY_NAME_PATTERN,
    ID_PATTERN,
    MEMBERS_DIR,
    NEW_MEMBER_ROLE,
    PROBLEMS_DIR,
    SUMMARY_PROMPT,
    TODO,
    Diagnostics,
    Project,
    Settings,
    SourceText,
    Target,
    body_blocks,
    body_text,
    clock,
    compose_front_matter,
    convert_fields,
    custom_field_lines,
    did_you_mean,
    example_entry_id,
    file_text,
    format_text,
    load_project,
    load_repertoire,
    placeholder,
    slugify,
    split_front_matter,
    targets,
    use_text,
    yaml_scalar,
)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
RESERVED_IDS = ("index", "readme")
MIN_PATH_STEPS = 2


@dataclass
class Request:
    """Everything the new file needs, gathered from the options or asked for."""

    title: str
    problems: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    summary: str = ""
    parent: str = ""
    entries: list[str] = field(default_factory=list)
    file_id: str = ""


class Refusal(Exception):
    """The file cannot be written as asked; `code` is the exit code to return."""

    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.code = code


def add_new_command(commands: Any) -> None:
    """Register `new` on the CLI's subcommand parser."""
    new = commands.add_parser(
        "new",
        help="start a new case, story, tool, member, problem type, path or use",
        description="Write a new file with valid front matter and a body laid out for its type; "
        "fill in every 'TODO:' and run `repertoire check`. Entries start as drafts: delete the "
        "'draft: true' line when yours is ready. Missing values are asked for when run in a "
        "terminal.",
        epilog="Exit codes: 0 written, 1 refused (file exists, unknown id, invalid value), "
        "2 usage (unknown type of file, a required value missing and no terminal to ask on).",
    )
    new.add_argument(
        "what",
        metavar="TYPE",
        help="the type of file: case, story, tool (or another configured kind of entry), "
        "member, problem, path or use",
    )
    new.add_argument(
        "title",
        nargs="?",
        default="",
        help="the title (for a member: their name; for a use: the id of the entry applied, "
        "such as cases/some-case); the file name is made from it",
    )
    new.add_argument(
        "--problem",
        action="append",
        default=[],
        dest="problems",
        metavar="ID",
        help="a problem type the entry is about (repeat for more)",
    )
    new.add_argument(
        "--by",
        action="append",
        default=[],
        dest="contributors",
        metavar="MEMBER",
        help="a contributing member's id (repeat for co-authors); for a use: who applied it",
    )
    new.add_argument("--summary", default="", help="the summary shown in listings")
    new.add_argument(
        "--parent",
        default="",
        metavar="ID",
        help="for a problem type: the broader problem type it sits under",
    )
    new.add_argument(
        "--entry",
        action="append",
        default=[],
        dest="entries",
        metavar="ID",
        help="for a path: an entry to read, such as cases/some-case (repeat, in order)",
    )
    new.add_argument(
        "--id",
        default="",
        dest="file_id",
        help="the file name without .md, when the one made from the title does not suit",
    )


# ----- YAML text ---------------------------------------------------------------------------


def yaml_list(values: Sequence[str]) -> str:
    """A one-line list: `[a, b]`."""
    return "[" + ", ".join(yaml_scalar(v) for v in values) + "]"


def one_line(text: str) -> str:
    """Collapse any run of whitespace (including newlines) to one space."""
    return " ".join(text.split())


def plural(noun: str) -> str:
    """'entry' → 'entries', 'member' → 'members'."""
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


# ----- composing the file ------------------------------------------------------------------


def entry_text(target: Target, settings: Settings, request: Request, today: dt.date) -> str:
    """A case, story, tool or other entry."""
    summary = request.summary or placeholder(SUMMARY_PROMPT["entry"])
    lines = [
        f"title: {yaml_scalar(request.title)}",
        f"summary: {yaml_scalar(summary)}",
        f"problem_types: {yaml_list(request.problems)}",
        f"contributors: {yaml_list(request.contributors)}",
        f"date: {today.isoformat()}",
        *custom_field_lines(settings, request.contributors, request.problems, today, True),
        DRAFT_LINE,
        "# Optional fields: remove the '# ' in front of a line to use it.",
        f"# related: [{target.folder}/another-entry]",
        _level_line(settings),
        "# tags: [keyword, another-keyword]",
        *custom_field_lines(settings, request.contributors, request.problems, today, False),
    ]
    return file_text(lines, body_text(body_blocks(target)))


def _level_line(settings: Settings) -> str:
    """The commented `level` line: the middle level as the example, every level named."""
    levels = settings.levels
    *others, last = levels
    named = f"{', '.join(others)} or {last}" if others else last
    return f"# level: {levels[len(levels) // 2]}  # {named}"


def member_text(target: Target, settings: Settings, request: Request, today: dt.date) -> str:
    """A member profile; the body is the bio."""
    lines = [
        f"name: {yaml_scalar(request.title)}",
        f"affiliation: {yaml_scalar(placeholder(AFFILIATION_PROMPT))}",
    ]
    if NEW_MEMBER_ROLE in settings.roles:
        lines.append(f"role: {NEW_MEMBER_ROLE}")
    lines += [
        f"joined: {today.year}",
        "# Optional: links to elsewhere (https:// or mailto: only). Remove the '# ' to use them.",
        "# links:",
        "#   - label: My profile",
        "#     url: https://example.org/my-profile",
    ]
    return file_text(lines, body_text(body_blocks(target)))


def problem_text(target: Target, request: Request) -> str:
    """A problem type; the body describes the problem."""
    lines = [
        f"title: {yaml_scalar(request.title)}",
        f"summary: {yaml_scalar(request.summary or placeholder(SUMMARY_PROMPT['problem']))}",
    ]
    if request.parent:
        lines.append(f"parent: {yaml_scalar(request.parent)}")
    return file_text(lines, body_text(body_blocks(target)))


def path_text(target: Target, request: Request) -> str:
    """A curated path: its steps in order, each with a note to write."""
    lines = [
        f"title: {yaml_scalar(request.title)}",
        f"summary: {yaml_scalar(request.summary or placeholder(SUMMARY_PROMPT['path']))}",
        f"audience: {yaml_scalar(placeholder('who this path is for'))}",
        "steps:",
    ]
    for entry in request.entries:
        lines += [
            f"  - entry: {yaml_scalar(entry)}",
            f"    note: {yaml_scalar(placeholder('why this step, and what to look for in it'))}",
        ]
    return file_text(lines, body_text(body_blocks(target)))


def compose(target: Target, settings: Settings, request: Request, today: dt.date) -> str:
    """The whole text of the new file."""
    if target.is_entry:
        return entry_text(target, settings, request, today)
    if target.name == "member":
        return member_text(target, settings, request, today)
    if target.name == "problem":
        return problem_text(target, request)
    if target.name == "use":
        return use_text(
            settings, request.entries[0], request.contributors[0], today, request.summary
        )
    return path_text(target, request)


def front_matter_problems(text: str, target: Target, shown_path: str) -> list[str]:
    """The contract's verdict on the composed front matter, as `check` would print it."""
    diags = Diagnostics()
    block = split_front_matter(SourceText(shown_path, text), diags)
    if block is not None:
        root = compose_front_matter(block.yaml_text, shown_path, block.yaml_first_line, diags)
        if root is not None:
            convert_fields(root, target.schema, shown_path, block.yaml_first_line, diags)
    return [format_text(d) for d in diags]


# ----- what exists -------------------------------------------------------------------------


def existing_ids(folder: Path) -> list[str]:
    """The record ids in a folder: its Markdown file names (broken files still count)."""
    if not folder.is_dir():
        return []
    return sorted(
        p.stem for p in folder.glob("*.md") if p.is_file() and p.stem.lower() not in RESERVED_IDS
    )


@dataclass(frozen=True)
class Known:
    """The ids a new file may refer to."""

    problems: list[str]
    members: list[str]
    entries: list[str]
    drafts: frozenset[str]
    # An entry id for examples in prompts and messages: the site's first, or one of its first kind.
    example_entry: str

    @classmethod
    def read(cls, project: Project) -> Known:
        docs = project.docs_dir
        entries = [
            f"{kind.folder}/{name}"
            for kind in project.settings.kinds
            for name in existing_ids(docs / kind.folder)
        ]
        loaded = load_repertoire(project.root, docs, project.settings).repertoire
        drafts = frozenset(e.id for e in loaded.entries.values() if e.draft)
        return cls(
            existing_ids(docs / PROBLEMS_DIR),
            existing_ids(docs / MEMBERS_DIR),
            entries,
            drafts,
            entries[0] if entries else example_entry_id(project.settings),
        )


def unknown_id_message(what: str, value: str, known: list[str], where: str) -> str:
    """'unknown problem type 'x' (did you mean 'y'?)' with where to look otherwise."""
    suggestion = did_you_mean(value, known)
    otherwise = f"the {plural(what)} are the files in {where}"
    return f"unknown {what} '{value}' ({suggestion or otherwise})"


def check_ids(values: list[str], known: list[str], what: str, where: str) -> list[str]:
    """Deduplicated values, or a refusal naming the first unknown one."""
    unique = list(dict.fromkeys(values))
    for value in unique:
        if value not in known:
            raise Refusal(unknown_id_message(what, value, known, where))
    return unique


# ----- asking ------------------------------------------------------------------------------

Ask = Callable[[str], str]


def terminal_ask(question: str) -> str:
    """Ask on the terminal; the question goes to stderr so stdout stays the written path."""
    sys.stderr.write(f"{question}: ")
    sys.stderr.flush()
    try:
        return input().strip()
    except EOFError as error:
        raise Refusal("stopped: no answer", EXIT_USAGE) from error


def _split_ids(answer: str) -> list[str]:
    """Ids typed on one line, separated by spaces or commas."""
    return [part for part in answer.replace(",", " ").split() if part]


def ask_ids(
    ask: Ask | None,
    values: list[str],
    question: str,
    known: list[str],
    what: str,
    where: str,
    option: str,
    at_least: int = 1,
) -> list[str]:
    """Values given as options, or asked for until they are all known ids."""
    if values:
        checked = check_ids(values, known, what, where)
        if len(checked) >= at_least:
            return checked
    if ask is None:
        needed = f"a {what}" if at_least == 1 else f"at least {at_least} {plural(what)}"
        options = " ".join([f"{option} ID"] * at_least)
        raise Refusal(
            f"needs {needed}: add {options} (the ids are the file names in {where})", EXIT_USAGE
        )
    while True:
        answer = _split_ids(ask(f"{question} (ids from {where}, separated by spaces)"))
        try:
            checked = check_ids(answer, known, what, where)
        except Refusal as refusal:
            sys.stderr.write(f"  {refusal}\n")
            continue
        if len(checked) >= at_least:
            return checked
        sys.stderr.write(f"  give at least {at_least} {plural(what)}\n")


def ask_parent(ask: Ask | None, given: str, known: list[str], where: str) -> str:
    """A problem type's optional parent: the option, or asked for until known or left empty."""
    if given or ask is None:
        return check_ids([given], known, "problem type", where)[0] if given else ""
    while True:
        answer = ask(f"Broader problem type it sits under (an id from {where}; Enter for none)")
        try:
            return check_ids([answer], known, "problem type", where)[0] if answer else ""
        except Refusal as refusal:
            sys.stderr.write(f"  {refusal}\n")


def gather(
    target: Target, args: argparse.Namespace, known: Known, docs_label: str, ask: Ask | None
) -> Request:
    """Fill the request from the options, asking for what is missing when there is a terminal."""
    _refuse_options_for_other_kinds(target, args)
    if target.name == "use":
        return _gather_use(args, known, docs_label, ask)
    title = one_line(args.title)
    if not title and ask is not None:
        title = one_line(ask("Name" if target.name == "member" else "Title"))
    if not title:
        raise Refusal(
            f'give a title, such as: repertoire new {target.name} "A short, specific title"',
            EXIT_USAGE,
        )
    request = Request(title=title, summary=one_line(args.summary), file_id=args.file_id.strip())
    problems_dir, members_dir = f"{docs_label}/{PROBLEMS_DIR}/", f"{docs_label}/{MEMBERS_DIR}/"
    if target.is_entry:
        request.problems = ask_ids(
            ask,
            args.problems,
            "Problem types it is about",
            known.problems,
            "problem type",
            problems_dir,
            "--problem",
        )
        request.contributors = ask_ids(
            ask,
            args.contributors,
            "Contributors (your member id)",
            known.members,
            "member",
            members_dir,
            "--by",
        )
    elif target.name == "problem":
        request.parent = ask_parent(ask, args.parent.strip(), known.problems, problems_dir)
    elif target.name == "path":
        entries = ask_ids(
            ask,
            args.entries,
            "Entries to read, in order",
            known.entries,
            "entry",
            f"{docs_label}/<kind>/",
            "--entry",
            at_least=MIN_PATH_STEPS,
        )
        drafts = [e for e in entries if e in known.drafts]
        if drafts:
            raise Refusal(f"'{drafts[0]}' is a draft; a path can only lead to published entries")
        request.entries = entries
    if not request.summary and ask is not None and target.name != "member":
        request.summary = one_line(ask("Summary (Enter to leave a TODO for later)"))
    return request


def _gather_use(
    args: argparse.Namespace, known: Known, docs_label: str, ask: Ask | None
) -> Request:
    """A use: the entry applied (the positional argument) and the one member who applied it;
    the file name is made from both and the year, unless `--id` gives one."""
    entry = one_line(args.title)
    if not entry and ask is not None:
        entry = one_line(ask(f"Entry you applied (an id such as {known.example_entry})"))
    if not entry:
        raise Refusal(
            f"give the entry, such as: repertoire new use {known.example_entry}"
            " --by your-member-id",
            EXIT_USAGE,
        )
    [entry] = check_ids([entry], known.entries, "entry", f"{docs_label}/<kind>/")
    members_dir = f"{docs_label}/{MEMBERS_DIR}/"
    members = ask_ids(
        ask,
        args.contributors,
        "Who applied it (your member id)",
        known.members,
        "member",
        members_dir,
        "--by",
    )
    if len(members) > 1:
        raise Refusal("a use is one member's: give --by once (each member records their own)")
    summary = one_line(args.summary)
    if not summary and ask is not None:
        summary = one_line(ask("What you did with it and what came of it (Enter for a TODO)"))
    name = f"{members[0]}-{entry.rsplit('/', 1)[-1]}-{clock.today().year}"
    return Request(
        title=name,
        summary=summary,
        file_id=args.file_id.strip(),
        contributors=members,
        entries=[entry],
    )


def _refuse_options_for_other_kinds(target: Target, args: argparse.Namespace) -> None:
    """An option that does not apply is a mistake worth saying, not something to drop."""
    applies = {
        "--problem": (args.problems, target.is_entry),
        "--by": (args.contributors, target.is_entry or target.name == "use"),
        "--parent": (args.parent, target.name == "problem"),
        "--entry": (args.entries, target.name == "path"),
        "--summary": (args.summary, target.name != "member"),
    }
    for option, (given, ok) in applies.items():
        if given and not ok:
            raise Refusal(f"{option} does not apply to a {target.name}", EXIT_USAGE)


# ----- writing -----------------------------------------------------------------------------


def file_id_for(request: Request, folder: Path, is_entry: bool = False) -> str:
    """The new file's id: `--id`, or the title made into one; refused if taken or invalid.

    An entry's `--id` may have underscores, as its file name may; a title is still made into
    hyphens."""
    file_id = request.file_id or slugify(request.title)
    if not file_id:
        raise Refusal(
            f"cannot make a file name from '{request.title}'; give one with --id", EXIT_USAGE
        )
    if is_entry and not ENTRY_NAME_PATTERN.match(file_id):
        raise Refusal(
            f"'{file_id}' is not a valid file name for an entry (lower-case letters, "
            "digits, hyphens and underscores, like 'first_steps')",
            EXIT_USAGE,
        )
    if not is_entry and not ID_PATTERN.match(file_id):
        raise Refusal(
            f"'{file_id}' is not a valid id (lower-case letters, digits and single "
            "hyphens, like 'first-steps')",
            EXIT_USAGE,
        )
    if file_id in RESERVED_IDS:
        raise Refusal(
            f"'{file_id}' is reserved for the index page; give another name with --id", EXIT_USAGE
        )
    taken = {name.casefold(): name for name in existing_ids(folder)}
    if file_id.casefold() in taken:
        raise Refusal(
            f"{folder.name}/{taken[file_id.casefold()]}.md already exists; "
            "choose another title or give a name with --id"
        )
    return file_id


def display_path(path: Path, root: Path) -> str:
    """The path as a contributor sees it in the repository."""
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(path)


def create(
    project: Project, what: str, args: argparse.Namespace, ask: Ask | None, today: dt.date
) -> Path:
    """Write the new file of type `what` (a kind of entry or another record type) and return
    its path; raises `Refusal` without writing anything."""
    known_targets = targets(project.settings)
    target = known_targets.get(what.strip().lower())
    if target is None:
        suggestion = did_you_mean(what, known_targets)
        choices = "use one of: " + ", ".join(known_targets)
        raise Refusal(f"unknown type of file '{what}' ({suggestion or choices})", EXIT_USAGE)
    docs_label = display_path(project.docs_dir, project.root)
    request = gather(target, args, Known.read(project), docs_label, ask)
    folder = project.docs_dir / target.folder
    path = folder / f"{file_id_for(request, folder, target.is_entry)}.md"
    shown = display_path(path, project.root)
    text = compose(target, project.settings, request, today)
    problems = front_matter_problems(text, target, shown)
    if problems:
        raise Refusal("the new file would not pass the check:\n  " + "\n  ".join(problems))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError as error:
        raise Refusal(f"{shown} already exists") from error
    return path


def run_new(args: argparse.Namespace) -> int:
    """`repertoire new`: print the written path on stdout, next steps and refusals on stderr."""
    project = load_project(args.config)
    ask = terminal_ask if sys.stdin.isatty() else None
    try:
        path = create(project, args.what, args, ask, clock.today())
    except Refusal as refusal:
        print(f"repertoire new: {refusal}", file=sys.stderr)
        return refusal.code
    shown = display_path(path, project.root)
    print(shown)
    print(
        f"Next: replace every '{TODO}' in {shown}, then run: repertoire check {shown}",
        file=sys.stderr,
    )
    return EXIT_OK
