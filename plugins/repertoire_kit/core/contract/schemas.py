"""The record schemas of the contract: entries, members, problem types, paths and uses.

A field is one `Field` declaration here: the loader, the reference checks, the editors' JSON
Schemas and the snippets all read these. Choices that a maintainer can configure (roles,
outcomes) come
from `Settings`, so the schemas are built by functions.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import RecordType
from ..settings import Choice, CustomField, CustomType, Settings
from .fields import Field, FieldType, RecordSchema

SUMMARY_MAX = 280
HIDE_CHOICES = ("navigation", "toc", "footer", "feedback", "path", "tags")

# Theme keys that pass through to mkdocs-material unchanged, each still type-checked.
THEME_FIELDS: tuple[Field, ...] = (
    Field(
        "description",
        FieldType.TEXT,
        "Text for the page's meta description (search engines).",
        max_length=300,
    ),
    Field("hide", FieldType.TEXT_LIST, "Parts of the page layout to hide.", choices=HIDE_CHOICES),
    Field(
        "icon",
        FieldType.ICON,
        "A Material icon shown beside the page in navigation.",
        example="material/lightbulb",
    ),
    Field("status", FieldType.ID, "A page status defined in mkdocs.yml extra.status (e.g. new)."),
    Field(
        "search",
        FieldType.MAPPING,
        "Search settings for this page.",
        item_fields=(
            Field("exclude", FieldType.BOOL, "Leave this page out of the search index."),
            Field("boost", FieldType.NUMBER, "Rank this page higher or lower in search."),
        ),
    ),
)


# Entries and uses may be drafts.
_DRAFT = Field(
    "draft",
    FieldType.BOOL,
    "true while unfinished: checked and shown by make serve, never published.",
)

ENTRY_FIELDS: tuple[Field, ...] = (
    Field("title", FieldType.TEXT, "The entry's title.", required=True, max_length=200),
    Field(
        "summary",
        FieldType.TEXT,
        "One or two sentences shown in listings.",
        required=True,
        max_length=SUMMARY_MAX,
    ),
    Field(
        "problem_types",
        FieldType.ID_LIST,
        "Ids of the problem types this entry is about (files in problems/).",
        required=True,
        min_items=1,
        refers_to=RecordType.PROBLEM,
    ),
    Field(
        "contributors",
        FieldType.ID_LIST,
        "Ids of the members who contributed it (files in members/).",
        required=True,
        min_items=1,
        refers_to=RecordType.MEMBER,
    ),
    Field("date", FieldType.DATE, "When it was first shared (YYYY-MM-DD).", required=True),
    Field("updated", FieldType.DATE, "When it was last revised; not before date."),
    Field(
        "reviewed",
        FieldType.DATE,
        "When members last confirmed that it still holds (YYYY-MM-DD); not before date.",
        requires=("reviewed_by",),
    ),
    Field(
        "reviewed_by",
        FieldType.ID_LIST,
        "Ids of the members who confirmed it on the reviewed date (files in members/).",
        min_items=1,
        refers_to=RecordType.MEMBER,
        requires=("reviewed",),
    ),
    Field(
        "related",
        FieldType.ID_LIST,
        "Ids of related entries, written kind-folder/file-name ({first_kind}/…).",
        refers_to=RecordType.ENTRY,
    ),
    Field("level", FieldType.CHOICE, "Who it is pitched at."),
    Field(
        "tags",
        FieldType.TEXT_LIST,
        "Free keywords (Material's tags plugin reads them).",
        max_length=60,
    ),
    _DRAFT,
)


def entry_schema(settings: Settings) -> RecordSchema:
    """An entry of any configured kind (case, story, tool): the same fields for every kind."""
    *others, last = (kind.singular for kind in settings.kinds)
    kinds = f"{', '.join(others)} or {last}" if others else last
    levels = tuple(settings.level(level) for level in settings.levels)
    built_in = tuple(
        replace(spec, choices=settings.levels, description=described(spec.description, levels))
        if spec.name == "level"
        else spec
        for spec in ENTRY_FIELDS
    )
    custom = tuple(custom_field_declaration(f) for f in settings.custom_fields)
    return _schema(RecordType.ENTRY, f"Entry ({kinds})", built_in + custom, settings)


# A custom field's type → the built-in field type whose handler reads, describes and offers it.
_CUSTOM_TYPES = {
    CustomType.TEXT: FieldType.TEXT,
    CustomType.CHOICE: FieldType.CHOICE,
    CustomType.CHOICES: FieldType.TEXT_LIST,
    CustomType.DATE: FieldType.DATE,
    CustomType.URL: FieldType.URL,
    CustomType.MEMBER: FieldType.ID,
    CustomType.PROBLEM: FieldType.ID,
}
_CUSTOM_REFERS_TO = {CustomType.MEMBER: RecordType.MEMBER, CustomType.PROBLEM: RecordType.PROBLEM}
CUSTOM_TEXT_MAX = 200


def described(description: str, choices: tuple[Choice, ...]) -> str:
    """A field's description followed by what its configured choices mean, for editors'
    tooltips: `Who it is pitched at. (senior: Senior nurse, five years on nights)`."""
    meanings = "; ".join(
        f"{choice.id}: {', '.join(part for part in (choice.label, choice.description) if part)}"
        for choice in choices
        if choice.label or choice.description
    )
    return f"{description} ({meanings})" if meanings else description


def custom_field_declaration(custom: CustomField) -> Field:
    """A community's own field as the contract declares it: checked by the handler of the
    built-in type it is written like, so it gets the same messages, schema and snippets."""
    return Field(
        custom.name,
        _CUSTOM_TYPES[custom.type],
        described(custom.description or custom.label, custom.choices),
        required=custom.required,
        max_length=CUSTOM_TEXT_MAX if custom.type is CustomType.TEXT else None,
        choices=tuple(choice.id for choice in custom.choices),
        refers_to=_CUSTOM_REFERS_TO.get(custom.type),
        url_schemes=("https", "mailto") if custom.type is CustomType.URL else (),
    )


def _schema(
    name: RecordType, title: str, fields: tuple[Field, ...], settings: Settings
) -> RecordSchema:
    """A record type's fields followed by the theme's, naming the configured kinds."""
    return RecordSchema(name, title, _naming_kinds(fields + THEME_FIELDS, settings))


def _naming_kinds(fields: tuple[Field, ...], settings: Settings) -> tuple[Field, ...]:
    """The declarations with `{first_kind}` and `{kinds}` in a description replaced by the
    configured kinds' folders, so that an example id names a folder the site has."""
    kinds = ", ".join(f"{kind.folder}/…" for kind in settings.kinds)
    return tuple(
        replace(
            spec,
            item_fields=_naming_kinds(spec.item_fields, settings),
            description=spec.description.replace("{first_kind}", settings.kinds[0].folder).replace(
                "{kinds}", kinds
            ),
        )
        for spec in fields
    )


def member_schema(settings: Settings) -> RecordSchema:
    """A member profile; the file name is the member id."""
    return RecordSchema(
        RecordType.MEMBER,
        "Member",
        (
            Field(
                "name",
                FieldType.TEXT,
                "The member's name as they want it shown.",
                required=True,
                max_length=120,
            ),
            Field("affiliation", FieldType.TEXT, "Where they work or practise.", max_length=200),
            Field(
                "role",
                FieldType.CHOICE,
                described(
                    "Their role in the community.",
                    tuple(settings.role(role) for role in settings.roles),
                ),
                choices=settings.roles,
            ),
            Field("joined", FieldType.YEAR_OR_DATE, "When they joined (YYYY or YYYY-MM-DD)."),
            Field(
                "links",
                FieldType.RECORDS,
                "Links to elsewhere (https or mailto only).",
                item_fields=(
                    Field("label", FieldType.TEXT, "The link text.", required=True, max_length=80),
                    Field(
                        "url",
                        FieldType.URL,
                        "An https:// or mailto: address.",
                        required=True,
                        url_schemes=("https", "mailto"),
                    ),
                ),
            ),
            Field(
                "avatar",
                FieldType.IMAGE,
                "An image inside the docs folder (assets/avatars/x.jpg) or an https URL.",
            ),
        )
        + THEME_FIELDS,
    )


def problem_schema(settings: Settings) -> RecordSchema:
    """A problem type; the file name is its id and the body describes the problem."""
    return _schema(
        RecordType.PROBLEM,
        "Problem type",
        (
            Field(
                "title", FieldType.TEXT, "The problem type's name.", required=True, max_length=120
            ),
            Field(
                "summary",
                FieldType.TEXT,
                "One sentence shown in the problem tree.",
                max_length=SUMMARY_MAX,
            ),
            Field(
                "parent",
                FieldType.ID,
                "The id of a broader problem type.",
                refers_to=RecordType.PROBLEM,
            ),
        ),
        settings,
    )


def path_schema(settings: Settings) -> RecordSchema:
    """A curated onboarding path; the file name is its id and the body introduces it."""
    return _schema(
        RecordType.PATH,
        "Curated path",
        (
            Field("title", FieldType.TEXT, "The path's title.", required=True, max_length=120),
            Field(
                "summary",
                FieldType.TEXT,
                "One sentence shown on the paths page.",
                required=True,
                max_length=SUMMARY_MAX,
            ),
            Field("audience", FieldType.TEXT, "Who it is for.", required=True, max_length=200),
            Field(
                "steps",
                FieldType.RECORDS,
                "The entries to read, in order, each with a note.",
                required=True,
                min_items=2,
                item_fields=(
                    Field(
                        "entry",
                        FieldType.ID,
                        "The entry id ({kinds}).",
                        required=True,
                        refers_to=RecordType.ENTRY,
                    ),
                    Field(
                        "note",
                        FieldType.TEXT,
                        "Why this step and what to look for.",
                        required=True,
                        max_length=600,
                    ),
                ),
            ),
        ),
        settings,
    )


def use_schema(settings: Settings) -> RecordSchema:
    """One time a member applied an entry in their work; the file name is its id and the
    body, if any, tells the story."""
    return _schema(
        RecordType.USE,
        "Use",
        (
            Field(
                "entry",
                FieldType.ID,
                "The id of the entry they applied ({kinds}).",
                required=True,
                refers_to=RecordType.ENTRY,
            ),
            Field(
                "member",
                FieldType.ID,
                "The id of the member who applied it (a file in members/).",
                required=True,
                refers_to=RecordType.MEMBER,
            ),
            Field("date", FieldType.DATE, "When they applied it (YYYY-MM-DD).", required=True),
            Field(
                "summary",
                FieldType.TEXT,
                "What they did with it and what came of it, in one or two sentences.",
                required=True,
                max_length=SUMMARY_MAX,
            ),
            Field(
                "context", FieldType.TEXT, "Where: the organisation, the country.", max_length=200
            ),
            Field(
                "outcome",
                FieldType.CHOICE,
                "What came of it.",
                choices=settings.outcomes,
            ),
            _DRAFT,
        ),
        settings,
    )


def record_schemas(settings: Settings) -> list[RecordSchema]:
    """The contract of every record type: entries, members, problem types, paths, uses."""
    return [
        entry_schema(settings),
        member_schema(settings),
        problem_schema(settings),
        path_schema(settings),
        use_schema(settings),
    ]
