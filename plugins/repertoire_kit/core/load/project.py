"""Read the plugin options from mkdocs.yml without MkDocs, for the CLI.

mkdocs.yml may use tags such as `!!python/name:` or `!ENV`; they are read as plain strings
here (never executed), since the CLI only needs docs_dir, site_url and the plugin's options.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..pages.site_markdown import is_toc_slugify
from ..settings import (
    DEFAULT_KINDS,
    DEFAULT_OUTCOMES,
    DEFAULT_PAGES,
    DEFAULT_ROLES,
    DEFAULTS,
    LIMITS,
    Kind,
    Settings,
)


class _ConfigLoader(yaml.SafeLoader):
    """A safe loader that turns any unknown tag into its plain value."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    del suffix
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("", _any_tag)


class ProjectError(Exception):
    """mkdocs.yml is missing or unreadable: a usage problem, not a content problem."""


@dataclass(frozen=True)
class Project:
    """Where the content is and how the plugin is configured."""

    root: Path
    docs_dir: Path
    settings: Settings
    markdown_extensions: tuple[Any, ...] = ()
    """mkdocs.yml's `markdown_extensions`, as written (for `repertoire generate`'s config)."""


def settings_from_options(
    options: dict[str, Any],
    site_url: str = "",
    site_name: str = "",
    include_drafts: bool = False,
    site_config: Mapping[str, Any] | None = None,
) -> Settings:
    """Build core settings from the plugin's option mapping (already type-checked or raw).

    `site_config` is the rest of mkdocs.yml, as MkDocs validated it or as read here: the
    check needs its `nav`, `use_directory_urls` and `toc` options to know where pages are.
    """
    kinds_option = options.get("kinds")
    kinds = (
        tuple(Kind(str(k["folder"]), str(k["singular"]), str(k["plural"])) for k in kinds_option)
        if kinds_option
        else DEFAULT_KINDS
    )
    drafts = options.get("include_drafts")
    pages = options.get("pages")
    site = site_config or {}
    toc = _toc_options(site)
    directory_urls = site.get("use_directory_urls")
    return Settings(
        kinds=kinds,
        roles=tuple(str(r) for r in options.get("roles") or DEFAULT_ROLES),
        outcomes=tuple(str(o) for o in options.get("outcomes") or DEFAULT_OUTCOMES),
        include_drafts=include_drafts if drafts is None else bool(drafts),
        **{name: int(options.get(name, getattr(DEFAULTS, name))) for name in LIMITS},
        site_url=site_url or "",
        site_name=site_name or "Repertoire",
        drafts_published=bool(drafts),
        pages=DEFAULT_PAGES if pages is None else tuple(str(p) for p in pages),
        nav_pages=nav_pages(site.get("nav")),
        use_directory_urls=True if directory_urls is None else bool(directory_urls),
        toc_separator=str(toc.get("separator") or "-"),
        custom_slugify=_custom_slugify(toc),
    )


def nav_pages(nav: Any) -> tuple[str, ...]:
    """The docs paths of the Markdown pages a `nav` lists, at any depth (links left out)."""
    found: list[str] = []
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item.endswith(".md") and "://" not in item:
                found.append(posixpath.normpath(item).lstrip("/"))
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        else:  # MkDocs' own nav objects are not used here; anything else lists nothing
            continue
    return tuple(sorted(set(found)))


def _toc_options(site: Mapping[str, Any]) -> Mapping[str, Any]:
    """The `toc` extension's options: from MkDocs' `mdx_configs`, or from the list of
    `markdown_extensions` as mkdocs.yml writes it."""
    configs = site.get("mdx_configs")
    if isinstance(configs, Mapping):
        found = configs.get("toc")
        return found if isinstance(found, Mapping) else {}
    for item in site.get("markdown_extensions") or ():
        if isinstance(item, Mapping) and "toc" in item:
            options = item["toc"]
            return options if isinstance(options, Mapping) else {}
    return {}


def _custom_slugify(toc: Mapping[str, Any]) -> bool:
    """Whether `toc` makes ids with a function of the site's choosing (read, never run, here)."""
    chosen = toc.get("slugify")
    return chosen is not None and not is_toc_slugify(chosen)


def load_project(config_file: Path, include_drafts: bool = True) -> Project:
    """Read `mkdocs.yml`; drafts are included by default because checks cover them too."""
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except FileNotFoundError as error:
        raise ProjectError(
            f"no {config_file} here; run from the project folder or pass --config"
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise ProjectError(f"cannot read {config_file}: {error}") from error
    except yaml.YAMLError as error:
        raise ProjectError(f"{config_file} is not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise ProjectError(f"{config_file} is not a mapping of settings")
    root = config_file.resolve().parent
    options = _plugin_options(raw.get("plugins"))
    try:
        settings = settings_from_options(
            options,
            str(raw.get("site_url") or ""),
            str(raw.get("site_name") or ""),
            include_drafts,
            site_config=raw,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ProjectError(
            f"{config_file}: the repertoire plugin options are malformed ({error!r}); "
            "`mkdocs build` names the exact option"
        ) from error
    extensions = raw.get("markdown_extensions")
    return Project(
        root,
        root / str(raw.get("docs_dir") or "docs"),
        settings,
        tuple(extensions) if isinstance(extensions, list) else (),
    )


def _plugin_options(plugins: Any) -> dict[str, Any]:
    """The `repertoire` plugin's options, from the list or the mapping form of `plugins:`."""
    entries = (
        list(plugins.items())
        if isinstance(plugins, dict)
        else [
            next(iter(p.items())) if isinstance(p, dict) and p else (p, None)
            for p in (plugins or [])
        ]
    )
    for name, options in entries:
        if name == "repertoire":
            return options if isinstance(options, dict) else {}
    return {}
