"""The engine-independent core: model, loading, validation, cross-indexes, pages.

Nothing in this package may import mkdocs; `tests/core/test_core_independence.py` enforces it.
The MkDocs adapter and the CLI import only the names below; how the sub-packages depend on
each other is in ARCHITECTURE.md and in each sub-package's docstring.
"""

from __future__ import annotations

from . import clock
from .authoring.editor_snippets import snippets_text
from .authoring.json_schema import schema_documents, schema_file_name
from .authoring.skeletons import (
    AFFILIATION_PROMPT,
    DRAFT_LINE,
    NEW_MEMBER_ROLE,
    SUMMARY_PROMPT,
    Target,
    body_blocks,
    body_text,
    placeholder,
    targets,
)
from .contract.fields import ENTRY_NAME_PATTERN, ID_PATTERN, convert_fields
from .contract.placeholders import TODO
from .contract.schemas import entry_schema, member_schema, path_schema, problem_schema
from .contract.source import SourceText, split_front_matter
from .contract.yaml_reader import compose_front_matter
from .diagnostics import Diagnostic, Diagnostics, Severity
from .load.loader import LoadResult, load_repertoire, slugify
from .load.project import Project, ProjectError, load_project, settings_from_options
from .model import Entry, Member, Path, ProblemType
from .pages import urls
from .pages.export import explore_json, export_json
from .pages.feed import build_feed
from .pages.generate import write_project
from .pages.git_dates import last_commit_dates
from .pages.navigation import build_nav
from .pages.site import SitePages
from .pages.slots import Composed
from .pages.templating import Templates
from .report import FORMATS, format_text, render, render_markdown_summary
from .safety.escape import json_text, markdown_text
from .safety.sanitize import sanitize_html
from .settings import DEFAULT_PAGES, DEFAULTS, MEMBERS_DIR, PATHS_DIR, PROBLEMS_DIR, Settings
from .suggest import did_you_mean

__all__ = [
    "AFFILIATION_PROMPT", "DEFAULTS", "DEFAULT_PAGES", "DRAFT_LINE", "ENTRY_NAME_PATTERN",
    "FORMATS", "ID_PATTERN", "MEMBERS_DIR", "NEW_MEMBER_ROLE", "PATHS_DIR", "PROBLEMS_DIR",
    "SUMMARY_PROMPT", "TODO", "Composed", "Diagnostic", "Diagnostics", "Entry", "LoadResult",
    "Member", "Path", "ProblemType", "Project", "ProjectError", "Settings", "SitePages",
    "SourceText", "Target", "Templates", "Severity", "body_blocks", "body_text", "build_feed",
    "build_nav", "clock", "compose_front_matter", "convert_fields", "did_you_mean",
    "entry_schema", "explore_json", "export_json", "format_text", "json_text",
    "last_commit_dates", "load_project", "load_repertoire", "markdown_text", "member_schema",
    "path_schema", "placeholder", "problem_schema", "render", "render_markdown_summary",
    "sanitize_html", "schema_documents", "schema_file_name", "settings_from_options", "slugify",
    "snippets_text", "split_front_matter", "targets", "urls", "write_project",
]
