"""The `repertoire` MkDocs plugin: MkDocs events in, core calls out.

Event by event (priorities are MkDocs' default unless noted):
- `on_startup`: remember whether this is `serve` (drafts shown, problems logged) or `build`
  (drafts left out, problems fail the build).
- `on_config`: read the options into core `Settings`; make sure `attr_list`, `md_in_html`,
  `tables` and `toc` are on (the layouts use them); add the plugin's stylesheet and scripts.
- `on_files`: load and validate every record (all problems reported at once), drop drafts,
  add the generated pages from the registry (their layouts composed here), `repertoire.json`,
  the explore data, the Atom feed and the schemas (written to a temporary folder, `spool`,
  so that MkDocs copies them instead of holding them in memory), and set the navigation.
  Runs at priority -50 so that other plugins' files (e.g. gen-files) exist before collisions
  are checked.
- `on_nav`: note which pages the navigation lists.
- `on_page_read_source`: hand MkDocs each record page's layout composed from validated data
  instead of the file (whose front matter MkDocs would parse again, leniently).
- `on_page_markdown`: give the theme only escaped metadata (an entry's "last update" is its
  last commit, `core.git_dates`, or its fields); compose the home page.
- `on_page_content`: pass the converted HTML of every page that holds contributed Markdown
  through the sanitiser; put a record page's title heading (with its anchor and table of
  contents item, `title_heading`) and summary on top; mark where the generated HTML
  fragments go (`core.slots`).
- `on_env` (after every page is converted): make the theme load its templates with their
  indentation folded (`page_chrome`) and render its page-independent partials (the
  navigation, for the pages it does not list) once per folder (`theme_cache`; option
  `cache_theme_partials`); drop the loaded repertoire, which no later event needs.
- `on_post_build`, `on_build_error`, `on_shutdown`: remove that temporary folder.
- `on_post_page`: put the fragments in place of their marks in the finished page. What the
  plugin generates is rendered once, as HTML: never parsed as Markdown, never sanitised (the
  templates escape every value), never read by the search indexer.
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Literal

import jinja2
from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core import (
    Composed,
    Diagnostic,
    Entry,
    LoadResult,
    Settings,
    Severity,
    SitePages,
    Templates,
    build_feed,
    build_nav,
    explore_json,
    export_json,
    format_text,
    json_text,
    last_commit_dates,
    load_repertoire,
    newest_commit_date,
    sanitize_html,
    schema_documents,
    served_assets,
    settings_from_options,
    urls,
)
from .config import RepertoireConfig
from .page_chrome import fold_theme_templates
from .page_meta import broken_page_markdown, escaped_meta, rendered_title, theme_meta
from .spool import Spool
from .theme_cache import cache_theme_partials
from .title_heading import Slugify, title_anchor, toc_with_title

log = get_plugin_logger(__name__)

_REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


class RepertoirePlugin(BasePlugin[RepertoireConfig]):
    """Derives every cross-index of the repertoire from its front matter."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str = "build"
        self.settings: Settings = Settings()
        self.pages: SitePages | None = None
        self.broken_docs_paths: dict[str, list[Diagnostic]] = {}
        self.composed: dict[str, Composed] = {}
        self.nav_urls: frozenset[str] = frozenset()
        self.spool = Spool()
        self.slugify: Slugify = toc_slugify

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Serving previews drafts and keeps going on errors; building does neither."""
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Translate the options and switch on what the generated Markdown needs."""
        try:
            self.settings = settings_from_options(
                dict(self.config),
                site_url=config.site_url or "",
                site_name=config.site_name,
                include_drafts=self.command == "serve",
                site_config=config,
            )
        except ValueError as error:
            raise PluginError(f"mkdocs.yml: repertoire plugin option: {error}") from error
        if not config.site_url:
            log.warning(
                "site_url is not set in mkdocs.yml: the Atom feed and repertoire.json need it "
                "for absolute links (Atom ids must be absolute); set it to the published address"
            )
        for extension in _REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        self.slugify = config.mdx_configs.get("toc", {}).get("slugify") or toc_slugify
        if urls.STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, urls.STYLESHEET)
        if urls.SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(urls.SCRIPT)
        if self.config.manage_nav and not config.nav:
            # Entries are deliberately left out of the nav; MkDocs need not list them.
            config.validation.nav.omitted_files = logging.DEBUG
        return config

    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Load, validate, add generated pages, drop drafts, and set the navigation."""
        project_dir = Path(config.config_file_path or ".").resolve().parent
        result = load_repertoire(project_dir, Path(config.docs_dir), self.settings)
        self._report(result)
        templates = Templates([jinja2.FileSystemLoader(config.theme.dirs)])
        commit_dates = last_commit_dates(Path(config.docs_dir))
        directory_urls = bool(config.use_directory_urls)
        pages = SitePages(
            result.repertoire,
            self.settings,
            templates,
            commit_dates=commit_dates,
            use_directory_urls=directory_urls,
            newest_commit=newest_commit_date(Path(config.docs_dir)),
        )
        self.pages = pages
        self.composed = {}
        self.broken_docs_paths = _broken_by_docs_path(result)

        publishable = {docs_file.docs_path for docs_file in result.files}
        for file in list(files):
            refused = _in_docs(file, config) and file.src_uri not in publishable
            if refused or (file.is_documentation_page() and pages.is_hidden(file.src_uri)):
                files.remove(file)
        generated = set()
        for page in pages.generated_pages():
            composed = self.composed[page.docs_path] = pages.compose_generated(page)
            files.append(File.generated(config, page.docs_path, content=composed.markdown))
            generated.add(page.docs_path)
        exports: dict[str, str | bytes] = {
            **served_assets(),
            urls.EXPORT_JSON: export_json(
                pages.indexes, self.settings, directory_urls, pages.review
            ),
            urls.EXPLORE_JSON: explore_json(pages.indexes, self.settings, directory_urls),
            urls.FEED: build_feed(pages.indexes, self.settings, directory_urls),
        }
        for name, document in schema_documents(self.settings).items():
            exports[f"{urls.SCHEMAS_DIR}/{name}"] = json_text(document) + "\n"
        self.spool.remove()
        for docs_path, content in exports.items():
            written = self.spool.write(docs_path, content)
            files.append(File.generated(config, docs_path, abs_src_path=written))
        if self.config.manage_nav and not config.nav:
            other = [
                f.src_uri
                for f in files.documentation_pages()
                if pages.record_at(f.src_uri) is None
                and f.src_uri not in self.broken_docs_paths
                and f.src_uri not in generated
            ]
            config.nav = build_nav(self.settings, other)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Remember the pages the navigation lists (the theme renders those as usual)."""
        self.nav_urls = frozenset(page.url for page in nav.pages)
        return nav

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Fold the theme's templates, render its page-independent partials once per folder,
        and let go of the repertoire: every page is composed by now, and what is left to put
        in (the fragments) holds only its views. Its memory then serves the theme and the search
        index, instead of adding to them (at 5,000 entries the peak is about 45 MB lower)."""
        fold_theme_templates(env)
        if self.config.cache_theme_partials:
            cache_theme_partials(env, self.nav_urls)
        self.pages = None
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Remove the exports' temporary folder: MkDocs has copied them into the site."""
        self.spool.remove()

    def on_build_error(self, *, error: Exception) -> None:
        self.spool.remove()

    def on_shutdown(self) -> None:
        self.spool.remove()

    def _report(self, result: LoadResult) -> None:
        """Log every diagnostic; in a build, any error stops it with the full list."""
        serving = self.command == "serve"
        for diagnostic in result.diagnostics:
            text = format_text(diagnostic)
            if diagnostic.severity is Severity.WARNING or serving:
                log.warning(text)
            else:
                log.error(text)
        if result.diagnostics.has_errors and not serving:
            count = sum(1 for d in result.diagnostics if d.severity is Severity.ERROR)
            raise PluginError(
                f"the repertoire has {count} problem{'s' if count != 1 else ''} (listed above); "
                "run `repertoire check` for the same list"
            )

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A record page's source is its layout composed from the validated fields: MkDocs
        neither reads the file again nor parses its front matter a second time (leniently,
        and in pure Python)."""
        assert self.pages is not None  # set in on_files, which MkDocs always runs first
        src = page.file.src_uri
        if src in self.broken_docs_paths:
            return None
        composed = self.pages.compose_record(src)
        if composed is None:
            return None
        self.composed[src] = composed
        return composed.markdown

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give record pages the theme's metadata from validated data (their Markdown is
        composed already); never show raw front matter."""
        assert self.pages is not None  # set in on_files, which MkDocs always runs first
        src = page.file.src_uri
        broken = self.broken_docs_paths.get(src)
        if broken is not None:
            page.meta = {"title": html.escape(src)}
            return broken_page_markdown(src, broken)
        record = self.pages.record_at(src)
        if record is not None:
            page.meta = theme_meta(record, self.composed[src].heading)
            if isinstance(record, Entry):
                # Git's date when the full history is there, else updated/date, for the
                # sitemap. Not as `revision_date`: Material would repeat the panel's "Last
                # updated" in a footer with an icon, 0.8 KB on every entry page.
                page.update_date = self.pages.last_updated(record)
            return None
        if src in self.composed:
            return None  # a generated page: its layout is already the file's content
        page.meta = escaped_meta(page.meta)
        if src != urls.HOME:
            return markdown
        composed = self.composed[src] = self.pages.compose_home(markdown)
        return composed.markdown

    def on_page_content(
        self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Sanitise what members wrote, put a record page's title heading on top (with its
        anchor and table of contents item), and mark the generated fragments' slots.

        A title taken from the rendered heading is stored escaped, so the theme never prints
        it decoded. Generated pages hold no contributed Markdown (their layouts print only
        escaped values), so only the other pages pass the sanitiser; the fragments never do:
        the templates escape every value they print.
        """
        if "title" not in page.meta and page.title and not page.is_homepage:
            page.meta["title"] = rendered_title(page.title)
        if not page.file.generated_by:
            html_text = sanitize_html(html_text)
        composed = self.composed.get(page.file.src_uri)
        if composed is None:
            return html_text
        if composed.heading is None:
            return composed.mark(html_text)
        separator = self.settings.toc_separator
        anchor = title_anchor(composed.heading, html_text, self.slugify, separator)
        page.toc = toc_with_title(page.toc, composed.heading, anchor)
        if page.present_anchor_ids is not None:  # what MkDocs checks links to this page with
            page.present_anchor_ids.add(anchor)
        return composed.mark(html_text, anchor)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Put the generated fragments in place of their markers in the finished page.

        Done after the theme and the search plugin have read the page's content: the search
        index then holds what members wrote and the pages' introductions, never a listing
        (parsing every listing only to leave it out cost a quarter of the whole build).
        """
        composed = self.composed.pop(page.file.src_uri, None)
        return composed.fill_marked(output) if composed is not None else output


def _in_docs(file: File, config: MkDocsConfig) -> bool:
    """Whether a file comes from the docs folder (not from the theme or another plugin)."""
    if not file.abs_src_path:
        return False
    docs_dir = os.path.abspath(config.docs_dir)
    return os.path.abspath(file.abs_src_path).startswith(docs_dir + os.sep)


def _broken_by_docs_path(result: LoadResult) -> dict[str, list[Diagnostic]]:
    """The record files that failed to load, with their diagnostics, by docs path."""
    by_project_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        by_project_path.setdefault(diagnostic.path, []).append(diagnostic)
    return {
        docs_path: by_project_path.get(project_path, [])
        for docs_path, project_path in result.failed_records.items()
    }
