"""Load the whole repertoire from the docs folder, reporting every problem in one run.

A record whose front matter is invalid is not added to the model, but its id is remembered
(`LoadResult.broken`) so that references to it do not add a second, misleading "unknown id"
error: the file's own diagnostics say what to fix.

`repertoire check` and the MkDocs plugin (`on_files`) both call `load_repertoire`, so every
check here reaches both with the same text: the files' places, the fields, the references,
and each body (markup, placeholders, page structure, then links, images and anchors against
the whole site, once everything is loaded).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from .. import clock
from ..checks.body_checks import (
    check_html_blocks,
    check_markup,
    check_title_heading,
    report_placeholders,
)
from ..checks.link_check import Body, LinkChecker
from ..clock import latest_date
from ..contract.crossref import Written, check_references
from ..contract.fields import (
    ENTRY_NAME_PATTERN,
    ID_PATTERN,
    Located,
    RecordSchema,
    convert_fields_partial,
)
from ..contract.placeholders import TODO, body_placeholders, field_placeholders
from ..contract.schemas import THEME_FIELDS, record_schemas
from ..contract.source import FrontMatterBlock, decode_source, split_front_matter
from ..contract.yaml_reader import compose_front_matter
from ..diagnostics import Diagnostics
from ..model import (
    CuratedPath,
    Entry,
    Link,
    Member,
    ProblemType,
    RecordType,
    Repertoire,
    Source,
    Step,
    Use,
)
from ..option_items import ID_RULE
from ..pages.anchors import GeneratedContext, PageAnchors
from ..pages.registry import generated_paths
from ..pages.site_map import SiteMap
from ..settings import Settings
from .files import INDEX_PAGES, DocsFile, discover, project_relative
from .placement import check_placement

_THEME_KEYS = tuple(f.name for f in THEME_FIELDS)
# What a record without a draft state is called in a hint.
_RECORD_NAMES = {
    RecordType.MEMBER: "member file",
    RecordType.PROBLEM: "problem type",
    RecordType.PATH: "path",
}


@dataclass(frozen=True)
class FailedRecord:
    """A record file that did not load: its id, type and path as reported."""

    record_id: str
    record_type: RecordType
    path: str


@dataclass
class LoadResult:
    """The loaded model, every diagnostic, and the record files that failed to load (by docs
    path): nothing refers to them twice, and no build publishes them."""

    repertoire: Repertoire
    diagnostics: Diagnostics
    files: list[DocsFile] = field(default_factory=list)
    failed: dict[str, FailedRecord] = field(default_factory=dict)

    @property
    def broken(self) -> set[str]:
        """The ids of the records that failed to load."""
        return {record.record_id for record in self.failed.values()}

    @property
    def failed_records(self) -> dict[str, str]:
        """Docs path → path as reported, of each record file that failed to load."""
        return {docs_path: record.path for docs_path, record in self.failed.items()}


def slugify(text: str, entry: bool = False) -> str:
    """A file-name id from any text: lower case, ASCII letters and digits, single hyphens;
    with `entry`, underscores are kept (an entry's file name may have them)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    if entry:
        return re.sub(r"[^a-z0-9_-]+", "-", ascii_text.lower()).strip("-_")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


_MODELS: dict[RecordType, type[Entry | Member | ProblemType | CuratedPath | Use]] = {
    RecordType.ENTRY: Entry,
    RecordType.MEMBER: Member,
    RecordType.PROBLEM: ProblemType,
    RecordType.PATH: CuratedPath,
    RecordType.USE: Use,
}

# The attributes a record's fields fill: a field the model has no place for (one declared only
# to be checked) is validated and left out.
_ATTRIBUTES = {
    record_type: frozenset(f.name for f in dataclasses.fields(model))
    for record_type, model in _MODELS.items()
}


class _RecordLoader:
    """Reads one docs folder's record files into a `Repertoire`."""

    def __init__(
        self, project_dir: Path, docs_dir: Path, settings: Settings, today: dt.date
    ) -> None:
        self.project_dir = project_dir
        self.latest = latest_date(today)
        self.docs_dir = docs_dir
        # Files are reported relative to the project; one prefix serves every file.
        shown_dir = project_relative(docs_dir, project_dir)
        self.shown_prefix = "" if shown_dir == "." else shown_dir.rstrip("/") + "/"
        self.settings = settings
        self.diags = Diagnostics()
        self.repertoire = Repertoire(include_drafts=settings.include_drafts)
        self.failed: dict[str, FailedRecord] = {}
        self.generated: tuple[str, ...] = ()
        self.written: list[Written] = []
        self.bodies: list[Body] = []
        self.schemas = {schema.name: schema for schema in record_schemas(settings)}

    def load(self, generated: tuple[str, ...]) -> LoadResult:
        self.generated = generated
        files = discover(self.docs_dir, self.project_dir, self.diags, generated)
        check_placement(files, self.shown_prefix, self.settings, self.diags, generated)
        folders = self.settings.record_folders
        for docs_file in files:
            parts = docs_file.docs_path.split("/")
            if len(parts) == 2 and docs_file.is_markdown and parts[0] in folders:
                self._load_record(docs_file, parts[0], parts[1][: -len(".md")])
            elif docs_file.is_markdown:
                self._check_page(docs_file)
        broken: dict[RecordType, set[str]] = {}
        for failed in self.failed.values():
            broken.setdefault(failed.record_type, set()).add(failed.record_id)
        check_references(
            self.repertoire,
            self.written,
            self.schemas,
            broken,
            self.docs_dir,
            self.diags,
            self.settings,
            self.shown_prefix,
        )
        self._check_links(files)
        return LoadResult(self.repertoire, self.diags, files, self.failed)

    def _check_links(self, files: list[DocsFile]) -> None:
        """Every body's links, images and anchors, against the site these files make."""
        records: list[Entry | Use] = [*self.repertoire.entries.values()]
        records += self.repertoire.uses.values()
        site = SiteMap(
            self.settings,
            (f.docs_path for f in files),
            problems=self.repertoire.problems,
            drafts=(r.source.docs_path for r in records if r.draft),
        )
        anchors = PageAnchors(
            {body.docs_path: body.text for body in self.bodies},
            GeneratedContext(self.repertoire, self.settings),
            unknown=frozenset(self.failed),
        )
        LinkChecker(site, anchors, self.shown_prefix, self.diags).check(self.bodies)

    def _load_record(self, docs_file: DocsFile, folder: str, name: str) -> None:
        path = self.shown_prefix + docs_file.docs_path
        if f"{name}.md" in INDEX_PAGES:
            if f"{folder}/index.md" not in self.generated:
                self.diags.file_error(
                    path,
                    f"{folder}/ cannot have its own index page",
                    "the site makes this folder's listing itself; remove this file",
                )
            return  # otherwise `discover` reports it as a collision with the generated page
        kind = self.settings.kind_for_folder(folder)
        record_id = f"{folder}/{name}" if kind else name
        record_type = (
            RecordType.ENTRY if kind else next(t for t in RecordType if t.folder == folder)
        )
        if not (ENTRY_NAME_PATTERN if kind else ID_PATTERN).match(name):
            rule = "lower-case letters, digits, hyphens and underscores" if kind else ID_RULE
            self.diags.file_error(
                path,
                f"the file name '{name}.md' is not a valid id",
                f"rename it to {self.shown_prefix}{folder}/"
                f"{slugify(name, entry=kind is not None) or 'some-name'}.md ({rule})",
            )
            self.failed[docs_file.docs_path] = FailedRecord(record_id, record_type, path)
            return
        read = self._read_fields(docs_file, path, self.schemas[record_type], record_id)
        if read is None:
            self.failed[docs_file.docs_path] = FailedRecord(record_id, record_type, path)
            return
        fields, block = read
        values = {key: located.value for key, located in fields.items()}
        source = Source(
            path=path,
            docs_path=docs_file.docs_path,
            body=block.body,
            body_first_line=block.body_first_line,
            positions={key: located.pos for key, located in fields.items()},
        )
        own = {key: value for key, value in values.items() if key in _ATTRIBUTES[record_type]}
        if record_type is RecordType.ENTRY:
            own["kind"] = kind
            own["custom"] = tuple(
                (custom.name, values[custom.name])
                for custom in self.settings.custom_fields
                if custom.name in values
            )
        elif record_type is RecordType.MEMBER:
            own["links"] = tuple(Link(v["label"], v["url"]) for v in values.get("links", ()))
        elif record_type is RecordType.PATH:
            own["steps"] = tuple(Step(s["entry"], s["note"]) for s in values["steps"])
        theme = {key: values[key] for key in _THEME_KEYS if key in values}
        self.repertoire.records(record_type)[record_id] = _MODELS[record_type](
            id=record_id, source=source, theme=theme, **own
        )

    def _check_page(self, docs_file: DocsFile) -> None:
        """A page outside the record folders (home, reference pages): no contract for its
        fields, but the same byte checks, a YAML syntax check of any front matter (MkDocs
        would drop a broken block silently), the same scan of its markup and of its links."""
        path = self.shown_prefix + docs_file.docs_path
        source_text = decode_source(docs_file.abs_path.read_bytes(), path, self.diags)
        if source_text is None:
            return
        body, body_first_line = source_text.text, 1
        if source_text.text.startswith("---"):
            block = split_front_matter(source_text, self.diags)
            if block is None:
                return
            compose_front_matter(block.yaml_text, path, block.yaml_first_line, self.diags)
            body, body_first_line = block.body, block.body_first_line
        self._check_body(Body(path, docs_file.docs_path, body, body_first_line))

    def _check_body(self, body: Body) -> None:
        """The checks every body gets, and a place in the link check."""
        check_markup(body.path, body.text, body.first_line, self.diags)
        check_html_blocks(body.path, body.text, body.first_line, self.diags)
        self.bodies.append(body)

    def _read_fields(
        self, docs_file: DocsFile, path: str, schema: RecordSchema, record_id: str
    ) -> tuple[dict[str, Located], FrontMatterBlock] | None:
        """Bytes → text → front matter → typed fields (and the block, body included), plus
        the checks of the body; None when the record does not load.

        The fields that converted are kept for the reference checks even when others did not.
        A record that is not a draft is checked for placeholders, in its fields and its body.
        """
        source_text = decode_source(docs_file.abs_path.read_bytes(), path, self.diags)
        if source_text is None:
            return None
        block = split_front_matter(source_text, self.diags)
        if block is None:
            return None
        root = compose_front_matter(block.yaml_text, path, block.yaml_first_line, self.diags)
        fields: dict[str, Located] = {}
        complete = False
        if root is not None:
            fields, complete = convert_fields_partial(
                root, schema, path, block.yaml_first_line, self.diags, self.latest
            )
            self.written.append(Written(record_id, schema.name, path, fields))
        has_draft = schema.name in (RecordType.ENTRY, RecordType.USE)
        draft = has_draft and (root is None or _draft_written(root, fields))
        body = Body(path, docs_file.docs_path, block.body, block.body_first_line, draft)
        self._check_body(body)
        if not draft:
            found = [
                *(field_placeholders(fields) if TODO in block.yaml_text else ()),
                *body_placeholders(body.text, body.first_line),
            ]
            report_placeholders(
                path,
                found,
                "" if has_draft else _RECORD_NAMES[schema.name],
                self.diags,
                schema.name.value,
            )
        title = fields.get("name" if schema.name is RecordType.MEMBER else "title")
        if title is not None:
            check_title_heading(path, body.text, body.first_line, title.value, self.diags)
        return (fields, block) if complete else None


def _draft_written(root: MappingNode, fields: dict[str, Located]) -> bool:
    """Whether an entry or a use is a draft: `draft: true`, or a `draft` key that did not
    convert (its own error says why; its placeholders wait until it is fixed)."""
    if "draft" in fields:
        return bool(fields["draft"].value)
    return any(isinstance(key, ScalarNode) and key.value == "draft" for key, _ in root.value)


def load_repertoire(
    project_dir: Path,
    docs_dir: Path,
    settings: Settings,
    generated: tuple[str, ...] | None = None,
    today: dt.date | None = None,
) -> LoadResult:
    """Load and validate everything under `docs_dir`; never raises on bad content.

    `generated` defaults to every path a build of these settings writes itself; `today`
    (for dates in the future) to `clock.today()`.
    """
    if generated is None:
        generated = generated_paths(settings)
    return _RecordLoader(project_dir, docs_dir, settings, today or clock.today()).load(generated)
