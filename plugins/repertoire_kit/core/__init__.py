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
    custom_field_lines,
    example_entry_id,
    file_text,
    placeholder,
    targets,
    use_text,
    yaml_scalar,
)
from .authoring.starter import contributing_guide, starter_files
from .contract.fields import ENTRY_NAME_PATTERN, ID_PATTERN, convert_fields
from .contract.placeholders import TODO
from .contract.schemas import record_schemas
from .contract.source import SourceText, split_front_matter
from .contract.yaml_reader import compose_front_matter
from .diagnostics import Diagnostic, Diagnostics, Severity
from .load.loader import LoadResult, load_repertoire, slugify
from .load.project import Project, ProjectError, load_project, settings_from_options
from .load.site_checks import check_site
from .model import CuratedPath, Entry, Member, ProblemType, Use
from .options import OPTIONS, Option, option_problems
from .pages import urls
from .pages.assets import served_assets
from .pages.export import explore_json, export_json
from .pages.feed import build_feed
from .pages.generate import write_project
from .pages.git_dates import last_commit_dates, newest_commit_date
from .pages.navigation import build_nav
from .pages.site import SitePages
from .pages.slots import Composed
from .pages.templating import Templates
from .report import FORMATS, format_text, render, render_markdown_summary
from .safety.escape import json_text, markdown_text
from .safety.sanitize import sanitize_html
from .settings import DEFAULTS, MEMBERS_DIR, PROBLEMS_DIR, Settings
from .suggest import did_you_mean

__all__ = [
    "AFFILIATION_PROMPT",
    "body_blocks",
    "custom_field_lines",
    "example_entry_id",
    "body_text",
    "build_feed",
    "build_nav",
    "check_site",
    "clock",
    "compose_front_matter",
    "Composed",
    "contributing_guide",
    "CuratedPath",
    "convert_fields",
    "DEFAULTS",
    "Diagnostic",
    "Diagnostics",
    "did_you_mean",
    "DRAFT_LINE",
    "Entry",
    "ENTRY_NAME_PATTERN",
    "explore_json",
    "export_json",
    "file_text",
    "format_text",
    "FORMATS",
    "ID_PATTERN",
    "json_text",
    "last_commit_dates",
    "newest_commit_date",
    "load_project",
    "load_repertoire",
    "LoadResult",
    "markdown_text",
    "Member",
    "MEMBERS_DIR",
    "NEW_MEMBER_ROLE",
    "Option",
    "option_problems",
    "OPTIONS",
    "placeholder",
    "PROBLEMS_DIR",
    "ProblemType",
    "Use",
    "Project",
    "ProjectError",
    "record_schemas",
    "render",
    "render_markdown_summary",
    "sanitize_html",
    "schema_documents",
    "schema_file_name",
    "served_assets",
    "Settings",
    "settings_from_options",
    "Severity",
    "SitePages",
    "slugify",
    "snippets_text",
    "SourceText",
    "split_front_matter",
    "starter_files",
    "SUMMARY_PROMPT",
    "Target",
    "targets",
    "Templates",
    "TODO",
    "urls",
    "use_text",
    "write_project",
    "yaml_scalar",
]
