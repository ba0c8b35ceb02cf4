"""Deterministic synthetic repertoires for the benchmark (`scripts/bench`).

A repertoire of any size is generated from one seed: the same `Shape` always gives the same
files, byte for byte, so two runs of the benchmark (or two machines) measure the same content.
The content is shaped like the sample community's: entries of 300 to 800 words with the
suggested sections, lists, the odd table, code block and link to a related entry; a two-level
tree of problem types; members with affiliations, roles and links; curated paths. Some problem
types and members are left without entries on purpose, so the gaps pages have something to say.

Only the standard library is used, so the generator runs before anything is installed.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DOCS_DIR = "repertoire"
PLUGIN_CONFIG = "mkdocs.yml"
PLAIN_CONFIG = "mkdocs-plain.yml"
KIND_FOLDERS = ("cases", "stories", "tools")
# How entries spread over the kinds (cases are the most common, as in the sample).
KIND_WEIGHTS = (0.45, 0.35, 0.20)
MIN_WORDS, MAX_WORDS = 300, 800
# The largest block (sentence, list item, code block) is well under this many words, so a body
# aimed at most MAX_WORDS - _LARGEST_BLOCK words never passes MAX_WORDS.
_LARGEST_BLOCK = 50
FIRST_DAY, LAST_DAY = date(2015, 1, 5), date(2025, 6, 30)

# Problem types: (id, title) of each broad area, then (id, title) of its sub-types.
PROBLEM_CATALOGUE: tuple[tuple[tuple[str, str], tuple[tuple[str, str], ...]], ...] = (
    (
        ("planning", "Audit planning"),
        (
            ("risk-assessment", "Risk assessment"),
            ("audit-universe", "The audit universe"),
            ("annual-plan", "The annual plan"),
            ("resource-planning", "Audit days and resources"),
            ("plan-revisions", "Revising the plan"),
        ),
    ),
    (
        ("fieldwork", "Fieldwork"),
        (
            ("sampling", "Sampling and testing"),
            ("interviews", "Interviews"),
            ("data-analytics", "Data analytics"),
            ("walkthroughs", "Walkthroughs"),
            ("audit-evidence", "Audit evidence"),
        ),
    ),
    (
        ("reporting", "Reporting"),
        (
            ("writing-findings", "Writing findings"),
            ("recommendations", "Recommendations"),
            ("exit-meetings", "Exit meetings"),
            ("management-pushback", "Management pushback"),
            ("follow-up", "Follow-up"),
        ),
    ),
    (
        ("governance", "Governance"),
        (
            ("audit-committee", "The audit committee"),
            ("independence", "Independence"),
            ("audit-charter", "The audit charter"),
            ("reporting-lines", "Reporting lines"),
            ("professional-ethics", "Professional ethics"),
        ),
    ),
    (
        ("capacity", "Building capacity"),
        (
            ("new-auditors", "New auditors"),
            ("training", "Training"),
            ("staff-turnover", "Staff turnover"),
            ("small-units", "Very small units"),
            ("coaching", "Coaching and mentoring"),
        ),
    ),
    (
        ("quality", "Quality"),
        (
            ("quality-assurance", "Quality assurance"),
            ("peer-review", "Peer review"),
            ("working-papers", "Working papers"),
            ("supervision", "Supervision"),
            ("self-assessment", "Self-assessment"),
        ),
    ),
    (
        ("it-systems", "IT systems"),
        (
            ("it-general-controls", "IT general controls"),
            ("access-rights", "Access rights"),
            ("system-migrations", "System migrations"),
            ("spreadsheets", "Spreadsheets"),
            ("erp-systems", "ERP systems"),
        ),
    ),
    (
        ("fraud", "Fraud and integrity"),
        (
            ("fraud-indicators", "Fraud indicators"),
            ("procurement-fraud", "Procurement fraud"),
            ("whistleblowing", "Whistleblowing"),
            ("payroll-fraud", "Payroll fraud"),
            ("conflicts-of-interest", "Conflicts of interest"),
        ),
    ),
    # Beyond the default 8 areas: with all 10 areas of 5 sub-types, 60 problem types, the size
    # that issue 11 asks the who-knows-what page to stay usable at.
    (
        ("public-finance", "Public finance"),
        (
            ("budget-execution", "Budget execution"),
            ("grants-and-transfers", "Grants and transfers"),
            ("public-procurement", "Public procurement"),
            ("asset-management", "Asset management"),
            ("revenue-collection", "Revenue collection"),
        ),
    ),
    (
        ("stakeholders", "Working with stakeholders"),
        (
            ("auditee-relations", "Auditee relations"),
            ("external-auditors", "External auditors"),
            ("political-leaders", "Ministers and political leaders"),
            ("communicating-results", "Communicating results"),
            ("professional-networks", "Professional networks"),
        ),
    ),
)

SECTIONS = {
    "cases": ("Context", "The challenge", "What we did", "Outcome", "Lessons"),
    "stories": ("Setting", "What happened", "What it taught us"),
    "tools": ("Purpose", "When to use it", "How to use it", "Template"),
}
# Sections that are always a list (the rest get one sometimes).
LIST_SECTIONS = frozenset({"Lessons", "What it taught us", "How to use it"})

SUBJECTS = (
    "the audit team",
    "our unit",
    "the head of finance",
    "the regional office",
    "the ministry",
    "the audit committee",
    "the chief accountant",
    "a senior colleague",
    "management",
    "the procurement department",
    "the internal control unit",
    "the municipality",
    "the treasury",
    "the payroll section",
    "the programme manager",
    "the deputy minister",
    "two junior auditors",
    "the IT department",
    "the grants directorate",
    "the school directors",
    "the legal department",
    "our head of unit",
    "the secretary general",
    "the hospital board",
)
VERBS = (
    "reviewed",
    "questioned",
    "documented",
    "reconciled",
    "sampled",
    "mapped",
    "tested",
    "challenged",
    "rewrote",
    "compared",
    "tracked",
    "escalated",
    "postponed",
    "approved",
    "traced",
    "summarised",
    "measured",
    "checked",
    "discussed",
    "split",
    "merged",
    "published",
)
OBJECTS = (
    "the payment orders",
    "the annual plan",
    "the risk register",
    "every contract over the threshold",
    "the follow-up register",
    "the draft report",
    "the asset inventory",
    "the supplier master file",
    "the budget classification",
    "the grant agreements",
    "the overtime claims",
    "the approval workflow",
    "the training records",
    "the fixed-asset ledger",
    "the warranty claims",
    "the vehicle logs",
    "the fuel cards",
    "the quarterly returns",
    "the access rights",
    "the recommendations from last year",
    "the interview notes",
    "the sampling plan",
    "the exit meeting minutes",
    "the terms of reference",
    "the list of open findings",
)
QUALIFIERS = (
    "before the end of the quarter",
    "with a simple spreadsheet",
    "in three regional offices",
    "without any written procedure",
    "for the first time in a decade",
    "against the budget law",
    "despite the staff shortage",
    "over two audit seasons",
    "in the weeks before the election",
    "with help from the legal department",
    "line by line",
    "on a shared drive",
    "after the reorganisation",
    "during the annual closing",
    "at the request of the minister",
    "in less than a week",
    "across forty schools",
    "from the old system",
    "by telephone",
)
CONNECTORS = (
    "However,",
    "As a result,",
    "In practice,",
    "At first,",
    "Later,",
    "By the second week,",
    "Looking back,",
    "In the end,",
    "Surprisingly,",
    "Meanwhile,",
    "For a small unit,",
    "Within a month,",
    "On the second visit,",
)
ADJECTIVES = (
    "incomplete",
    "out of date",
    "reliable",
    "duplicated",
    "missing",
    "unclear",
    "well kept",
    "inconsistent",
    "signed but not dated",
    "approved after payment",
    "kept on paper",
    "larger than expected",
    "easier to read",
    "hard to defend",
    "never tested",
)
FINDINGS = (
    "had no approval on file",
    "were paid twice",
    "were approved by the same person who prepared them",
    "could not be traced to a contract",
    "were recorded after the deadline",
    "matched the ledger exactly",
    "had been closed without evidence",
    "sat outside the register",
    "showed the same bank account",
)
IMPERATIVES = (
    "reconcile",
    "read",
    "walk through",
    "ask for",
    "test",
    "write down",
    "agree on",
    "share",
    "question",
    "map",
)
PLACES = (
    "regional hospitals",
    "forty schools",
    "a small ministry",
    "the road agency",
    "a municipality",
    "the tax office",
    "the pension fund",
    "the customs service",
    "a grants programme",
    "the state treasury",
    "a water utility",
    "the health insurance fund",
    "a border agency",
)
GERUNDS = (
    "Sampling",
    "Mapping",
    "Testing",
    "Reconciling",
    "Auditing",
    "Following up",
    "Scoping",
    "Tracing",
    "Reporting",
    "Reviewing",
    "Planning",
    "Interviewing",
)
PEOPLE = (
    "director",
    "chair",
    "accountant",
    "minister",
    "auditee",
    "trainee",
    "inspector",
    "head of unit",
    "programme manager",
)
TOOL_NOUNS = (
    "checklist",
    "template",
    "matrix",
    "register",
    "canvas",
    "questionnaire",
    "query",
    "worksheet",
    "briefing pack",
    "plan",
    "table",
    "guide",
)
TAGS = (
    "payroll",
    "procurement",
    "grants",
    "roads",
    "schools",
    "hospitals",
    "treasury",
    "spreadsheets",
    "statistics",
    "one page",
    "first assignment",
    "small unit",
    "elections",
    "warranties",
    "fuel",
    "vehicles",
    "budget",
    "pensions",
    "customs",
    "training",
)
LEVELS = ("newcomer", "practitioner", "expert")
FIRST_NAMES = (
    "Mira",
    "Elena",
    "Giorgi",
    "Olena",
    "Tomasz",
    "Katrin",
    "Lejla",
    "Armen",
    "Aigerim",
    "Dauren",
    "Ivan",
    "Nilufar",
    "Ana",
    "Marko",
    "Irina",
    "Davit",
    "Zarina",
    "Petra",
    "Andrei",
    "Jelena",
    "Rustam",
    "Maja",
    "Bogdan",
    "Nino",
    "Sanjar",
    "Vesna",
    "Oksana",
    "Lukas",
    "Dilnoza",
    "Emil",
)
LAST_NAMES = (
    "Kovač",
    "Moraru",
    "Beridze",
    "Shevchenko",
    "Wróbel",
    "Tamm",
    "Hodžić",
    "Hakobyan",
    "Nurlanova",
    "Seitkali",
    "Dimitrov",
    "Rashidova",
    "Popescu",
    "Petrović",
    "Ivanova",
    "Kapanadze",
    "Yusupova",
    "Novak",
    "Rusu",
    "Marković",
    "Karimov",
    "Horvat",
    "Lysenko",
    "Gelashvili",
    "Abdullaev",
    "Kranjc",
    "Bondarenko",
    "Vaitkus",
    "Tashkentova",
    "Georgiev",
)
INSTITUTIONS = (
    "Ministry of Finance",
    "Ministry of Health",
    "State Treasury",
    "Road Agency",
    "Tax Service",
    "Pension Fund",
    "Customs Service",
    "Ministry of Education",
    "City of the capital",
    "Health Insurance Fund",
    "Ministry of Agriculture",
    "Employment Agency",
)
UNITS = (
    "Internal Audit Unit",
    "Central Harmonisation Unit",
    "Audit Directorate",
    "Internal Control Department",
    "Audit and Inspection Office",
)
COUNTRIES = (
    "Croatia",
    "Moldova",
    "Georgia",
    "Ukraine",
    "Poland",
    "Estonia",
    "Bosnia and Herzegovina",
    "Armenia",
    "Kazakhstan",
    "Bulgaria",
    "Uzbekistan",
    "Romania",
    "Serbia",
    "Lithuania",
)
ROLES = (("steward", 3), ("core", 15), ("member", 75), ("alumni", 7))


@dataclass(frozen=True)
class Shape:
    """What to generate: sizes of each part and the seed."""

    entries: int
    members: int = 200
    problem_areas: int = 8
    subtypes_per_area: int = 4
    seed: int = 20240601

    def __post_init__(self) -> None:
        if self.entries < 6:
            raise ValueError("at least 6 entries (a curated path needs several)")
        if not 1 <= self.problem_areas <= len(PROBLEM_CATALOGUE):
            raise ValueError(f"problem_areas must be 1..{len(PROBLEM_CATALOGUE)}")
        if not 1 <= self.subtypes_per_area <= min(len(c) for _, c in PROBLEM_CATALOGUE):
            raise ValueError("subtypes_per_area is larger than the catalogue")
        if not 3 <= self.members <= len(FIRST_NAMES) * len(LAST_NAMES):
            raise ValueError(f"members must be 3..{len(FIRST_NAMES) * len(LAST_NAMES)}")

    @property
    def problem_types(self) -> int:
        """Areas plus their sub-types (40 by default: 8 areas of 4)."""
        return self.problem_areas * (1 + self.subtypes_per_area)

    @property
    def paths(self) -> int:
        """One curated path per hundred entries, between 2 and 25."""
        return min(25, max(2, self.entries // 100))


@dataclass(frozen=True)
class _Entry:
    """An entry decided before its text is written, so `related` can name any other."""

    kind: str
    name: str
    title: str

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.name}"


def slugify(text: str) -> str:
    """A valid record id from a title or name (ASCII letters, digits, single hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (the vocabulary never contains quotes or backslashes)."""
    if '"' in text or "\\" in text:
        raise ValueError(f"unquotable text: {text!r}")
    return f'"{text}"'


def word_count(markdown: str) -> int:
    """Words as the generator counts them: whitespace-separated tokens of the body."""
    return len(markdown.split())


class _Prose:
    """Sentences, paragraphs and lists drawn from the vocabulary above."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, words: tuple[str, ...]) -> str:
        return self.rng.choice(words)

    def sentence(self) -> str:
        """One sentence in one of several shapes, so paragraphs do not read as a loop."""
        pick, rng = self.pick, self.rng
        shape = rng.randrange(6)
        if shape == 0:
            text = (
                f"{pick(CONNECTORS)} {pick(SUBJECTS)} {pick(VERBS)} {pick(OBJECTS)} "
                f"{pick(QUALIFIERS)}."
            )
        elif shape == 1:
            text = (
                f"{pick(SUBJECTS)} {pick(VERBS)} {pick(OBJECTS)}, and {pick(SUBJECTS)} "
                f"{pick(VERBS)} {pick(OBJECTS)}."
            )
        elif shape == 2:
            total = rng.randrange(40, 2000)
            text = (
                f"We found that {rng.randrange(2, total // 2)} of {total} items in "
                f"{pick(OBJECTS)} {pick(FINDINGS)}."
            )
        elif shape == 3:
            text = f"{pick(SUBJECTS)} told us that {pick(OBJECTS)} were {pick(ADJECTIVES)}."
        elif shape == 4:
            text = f"The lesson was simple: {pick(IMPERATIVES)} {pick(OBJECTS)} {pick(QUALIFIERS)}."
        else:
            text = (
                f"{pick(CONNECTORS)} {pick(OBJECTS)} turned out to be {pick(ADJECTIVES)}, "
                f"so {pick(SUBJECTS)} {pick(VERBS)} them {pick(QUALIFIERS)}."
            )
        return text[0].upper() + text[1:]

    def summary(self) -> str:
        """One or two sentences, within the contract's 280 characters."""
        text = self.sentence()
        if self.rng.random() < 0.5:
            text = f"{text} {self.sentence()}"
        return text if len(text) <= 280 else self.sentence()

    def list_item(self, numbered: bool, number: int) -> str:
        marker = f"{number}." if numbered else "-"
        if self.rng.random() < 0.5:
            lead = f"{self.pick(IMPERATIVES).capitalize()} {self.pick(OBJECTS)}"
            return f"{marker} **{lead}:** {self.sentence()}"
        return f"{marker} {self.sentence()}"

    def table(self) -> str:
        """A small Markdown table of made-up counts."""
        rows = [
            f"| {self.pick(OBJECTS).capitalize()} | {self.rng.randrange(5, 900)} | "
            f"{self.rng.randrange(0, 40)} |"
            for _ in range(self.rng.randrange(3, 6))
        ]
        return "\n".join(["| Population | Items tested | Exceptions |", "|---|---|---|", *rows])

    def code_block(self) -> str:
        """A fill-in form like the sample tools' templates."""
        lines = [
            f"{self.pick(OBJECTS).upper()}: ____________" for _ in range(self.rng.randrange(3, 6))
        ]
        return "\n".join(["```text", *lines, "Prepared: ______ date ______", "```"])


class _Writer:
    """Writes the text of every file of one repertoire from one random stream."""

    def __init__(self, shape: Shape) -> None:
        self.shape = shape
        self.rng = random.Random(shape.seed)
        self.prose = _Prose(self.rng)

    # Problem types -------------------------------------------------------------------------

    def problem_tree(self) -> list[tuple[str, str, str | None]]:
        """(id, title, parent id) of every problem type, areas first."""
        tree: list[tuple[str, str, str | None]] = []
        for (area_id, area_title), subtypes in PROBLEM_CATALOGUE[: self.shape.problem_areas]:
            tree.append((area_id, area_title, None))
            tree.extend(
                (sid, title, area_id) for sid, title in subtypes[: self.shape.subtypes_per_area]
            )
        return tree

    def problem_file(self, title: str, parent: str | None) -> str:
        fields = [f"title: {quoted(title)}", f"summary: {quoted(self.prose.sentence())}"]
        if parent is not None:
            fields.append(f"parent: {parent}")
        return _document(fields, self._paragraphs(self.rng.randrange(90, 200)))

    # Members -------------------------------------------------------------------------------

    def member_names(self) -> list[tuple[str, str]]:
        """(id, display name) of every member, unique and in a stable order."""
        pairs = [(first, last) for first in FIRST_NAMES for last in LAST_NAMES]
        chosen = self.rng.sample(pairs, self.shape.members)
        return [(slugify(f"{first} {last}"), f"{first} {last}") for first, last in chosen]

    def member_file(self, member_id: str, name: str) -> str:
        rng = self.rng
        role = rng.choices([r for r, _ in ROLES], weights=[w for _, w in ROLES])[0]
        fields = [
            f"name: {quoted(name)}",
            "affiliation: "
            + quoted(f"{rng.choice(UNITS)}, {rng.choice(INSTITUTIONS)} ({rng.choice(COUNTRIES)})"),
            f"role: {role}",
            f"joined: {rng.randrange(2010, 2025)}",
        ]
        if rng.random() < 0.3:
            fields += [
                "links:",
                "  - label: Profile on the Exchange forum",
                f"    url: https://example.org/forum/{member_id}",
            ]
        return _document(fields, self._paragraphs(rng.randrange(50, 150)))

    # Entries -------------------------------------------------------------------------------

    def plan_entries(self) -> list[_Entry]:
        """Kind, file name and title of every entry; names made unique with a number."""
        taken: set[str] = set()
        planned: list[_Entry] = []
        for _ in range(self.shape.entries):
            kind = self.rng.choices(KIND_FOLDERS, weights=KIND_WEIGHTS)[0]
            title = self._title(kind)
            base = slugify(title)
            name, number = base, 2
            while f"{kind}/{name}" in taken:
                name, number = f"{base}-{number}", number + 1
            taken.add(f"{kind}/{name}")
            planned.append(_Entry(kind, name, title))
        return planned

    def _title(self, kind: str) -> str:
        pick = self.prose.pick
        if kind == "cases":
            return f"{pick(GERUNDS)} {pick(OBJECTS).removeprefix('the ')} in {pick(PLACES)}"
        if kind == "stories":
            if self.rng.random() < 0.5:
                return f"The {pick(PEOPLE)} who {pick(VERBS)} {pick(OBJECTS)}"
            return f"When {pick(SUBJECTS)} {pick(VERBS)} {pick(OBJECTS)}"
        return f"{pick(OBJECTS).removeprefix('the ').capitalize()} {pick(TOOL_NOUNS)}"

    def entry_file(
        self,
        entry: _Entry,
        planned: list[_Entry],
        problem_ids: list[str],
        problem_weights: list[float],
        member_ids: list[str],
        member_weights: list[float],
    ) -> str:
        """Front matter and body of one entry; `related` names only other entries."""
        rng = self.rng
        problems = _distinct(rng, problem_ids, problem_weights, rng.randint(1, 3))
        contributors = _distinct(rng, member_ids, member_weights, rng.randint(1, 3))
        shared = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
        fields = [
            f"title: {quoted(entry.title)}",
            f"summary: {quoted(self.prose.summary())}",
            f"problem_types: [{', '.join(problems)}]",
            f"contributors: [{', '.join(contributors)}]",
            f"date: {shared.isoformat()}",
        ]
        if rng.random() < 0.3:
            later = shared + timedelta(days=rng.randrange(1, 700))
            fields.append(f"updated: {min(later, LAST_DAY).isoformat()}")
        related: list[_Entry] = []
        if rng.random() < 0.4:
            others = [other for other in rng.sample(planned, 4) if other is not entry]
            related = others[: rng.randint(1, 3)]
            fields.append(f"related: [{', '.join(r.id for r in related)}]")
        if rng.random() < 0.8:
            fields.append(f"level: {rng.choice(LEVELS)}")
        if rng.random() < 0.6:
            fields.append(f"tags: [{', '.join(rng.sample(TAGS, rng.randint(1, 4)))}]")
        return _document(fields, self._entry_body(entry, related))

    def _entry_body(self, entry: _Entry, related: list[_Entry]) -> str:
        """The kind's suggested sections filled to a word count between 300 and 800."""
        rng = self.rng
        target = rng.randrange(MIN_WORDS, MAX_WORDS - _LARGEST_BLOCK)
        sections = SECTIONS[entry.kind]
        blocks: list[str] = []
        used = 0
        for position, heading in enumerate(sections):
            blocks.append(f"## {heading}")
            used += word_count(blocks[-1])
            quota = used + (target - used) // (len(sections) - position)
            extras: list[str] = []
            if heading == "Template":
                extras.append(self.prose.code_block())
            elif heading == "What we did" and rng.random() < 0.3:
                extras.append(self.prose.table())
            if related and position == 1:
                other = related[0]
                extras.append(f"This builds on [{other.title}](../{other.kind}/{other.name}.md).")
            for extra in extras:
                blocks.append(extra)
                used += word_count(extra)
            as_list = heading in LIST_SECTIONS or rng.random() < 0.2
            while used < quota:
                block = self._list(quota - used) if as_list else self._paragraph(quota - used)
                blocks.append(block)
                used += word_count(block)
                as_list = False
        return "\n\n".join(blocks) + "\n"

    def _paragraph(self, words: int) -> str:
        """Sentences until at least `words` words (or a paragraph's natural length)."""
        limit = min(words, self.rng.randrange(45, 110))
        sentences: list[str] = []
        while sum(word_count(s) for s in sentences) < limit:
            sentences.append(self.prose.sentence())
        return " ".join(sentences)

    def _paragraphs(self, words: int) -> str:
        blocks: list[str] = []
        while sum(word_count(b) for b in blocks) < words:
            blocks.append(self._paragraph(words - sum(word_count(b) for b in blocks)))
        return "\n\n".join(blocks) + "\n"

    def _list(self, words: int) -> str:
        """A bulleted or numbered list of 2 to 6 items, shorter if fewer words are left."""
        numbered = self.rng.random() < 0.4
        items: list[str] = []
        while len(items) < 2 or (len(items) < 6 and sum(word_count(i) for i in items) < words):
            items.append(self.prose.list_item(numbered, len(items) + 1))
        return "\n".join(items)

    # Curated paths -------------------------------------------------------------------------

    def path_file(self, steps: list[_Entry]) -> str:
        gerund = self.prose.pick(GERUNDS)  # picked first: the same titles as before
        title = f"{gerund} {self.prose.pick(OBJECTS).removeprefix('the ')}: a path"
        fields = [
            f"title: {quoted(title)}",
            f"summary: {quoted(self.prose.sentence())}",
            f"audience: {quoted('Auditors new to ' + self.prose.pick(PLACES))}",
            "steps:",
        ]
        for step in steps:
            fields += [f"  - entry: {step.id}", f"    note: {quoted(self.prose.sentence())}"]
        return _document(fields, self._paragraphs(self.rng.randrange(60, 140)))


def _document(fields: list[str], body: str) -> str:
    return "---\n" + "\n".join(fields) + "\n---\n\n" + body


def _distinct(rng: random.Random, ids: list[str], weights: list[float], count: int) -> list[str]:
    """`count` different ids drawn by weight (ids with weight 0 are never drawn)."""
    chosen: list[str] = []
    while len(chosen) < count:
        candidate = rng.choices(ids, weights=weights)[0]
        if candidate not in chosen:
            chosen.append(candidate)
    return chosen


def _skewed_weights(count: int, idle: int) -> list[float]:
    """A few prolific, many occasional, and the last `idle` never chosen (gaps to report)."""
    return [1.0 / (rank + 1) ** 0.8 if rank < count - idle else 0.0 for rank in range(count)]


def repertoire_files(shape: Shape) -> dict[str, str]:
    """Every Markdown file of the repertoire, by path under the docs folder."""
    writer = _Writer(shape)
    files: dict[str, str] = {}
    tree = writer.problem_tree()
    for problem_id, title, parent in tree:
        files[f"problems/{problem_id}.md"] = writer.problem_file(title, parent)
    members = writer.member_names()
    for member_id, name in members:
        files[f"members/{member_id}.md"] = writer.member_file(member_id, name)

    # Mostly sub-types, sometimes a broad area; two sub-types and a tenth of members stay empty.
    problem_ids = [pid for pid, _, _ in tree]
    problem_weights = [0.15 if parent is None else 1.0 for _, _, parent in tree]
    for unused in range(min(2, len(problem_ids) - 3)):
        problem_weights[-1 - 2 * unused] = 0.0
    member_ids = [mid for mid, _ in members]
    member_weights = _skewed_weights(len(member_ids), idle=len(member_ids) // 10)

    planned = writer.plan_entries()
    for entry in planned:
        files[f"{entry.id}.md"] = writer.entry_file(
            entry, planned, problem_ids, problem_weights, member_ids, member_weights
        )
    for number in range(shape.paths):
        steps = writer.rng.sample(planned, writer.rng.randint(3, 6))
        files[f"paths/path-{number + 1:02d}.md"] = writer.path_file(steps)
    files["index.md"] = _document(
        [f"title: {quoted('Synthetic Exchange')}"],
        "# Synthetic Exchange\n\n" + writer._paragraphs(80),
    )
    return files


def project_files(shape: Shape) -> dict[str, str]:
    """The repertoire under `repertoire/` plus the two configurations the benchmark builds."""
    files = {f"{DOCS_DIR}/{path}": text for path, text in repertoire_files(shape).items()}
    files[PLUGIN_CONFIG] = mkdocs_config(shape, plugin=True)
    files[PLAIN_CONFIG] = mkdocs_config(shape, plugin=False)
    return files


def write_project(root: Path, shape: Shape) -> Path:
    """Write the project folder (created if needed) and return it."""
    for rel, text in project_files(shape).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


_THEME_AND_MARKDOWN = """\
theme:
  name: material
  features:
    - navigation.sections
    - navigation.top
    - search.suggest
    - search.highlight
    - content.action.edit
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: teal
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: teal
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode

markdown_extensions:
  - toc:
      permalink: true
  - tables
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.highlight
"""


def mkdocs_config(shape: Shape, plugin: bool) -> str:
    """The repository's mkdocs.yml settings, with or without the `repertoire` plugin.

    Without the plugin the config has a one-page `nav`: MkDocs would otherwise list every
    entry in the nav, which Material renders into every page (a quadratic build), while the
    plugin's own nav holds only sections and index pages. Both builds then pay for the same
    kind of nav.
    """
    head = (
        f"site_name: Synthetic Exchange ({shape.entries} entries)\n"
        "site_url: https://example.org/bench/\n"
        f"docs_dir: {DOCS_DIR}\n"
        "repo_url: https://github.com/example/repertoire\n"
        f"edit_uri: edit/main/{DOCS_DIR}/\n\n"
    )
    if plugin:
        extra = "plugins:\n  - search\n  - repertoire\n"
    else:
        extra = "plugins:\n  - search\n\nnav:\n  - Home: index.md\n"
    return head + _THEME_AND_MARKDOWN + "\n" + extra
