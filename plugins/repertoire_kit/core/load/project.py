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

from ..authoring.github_editor import docs_folder, new_file_base
from ..contract.yaml_reader import node_position
from ..diagnostics import Diagnostic, Diagnostics, Position, Severity
from ..options import check_options, unknown_option_message
from ..pages.site_markdown import is_toc_slugify
from ..settings import (
    DEFAULT_KINDS,
    DEFAULT_OUTCOMES,
    DEFAULT_PAGES,
    DEFAULT_ROLES,
    DEFAULTS,
    LEVELS,
    LIMITS,
    Choice,
    CustomField,
    CustomType,
    Display,
    Kind,
    Section,
    Settings,
    sentence_case,
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
    option_problems: tuple[Diagnostic, ...] = ()
    """The plugin options' mistakes, at their lines of mkdocs.yml (`core.options`): errors
    where the build stops with the same message, warnings for options that do not exist."""


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
    kinds = tuple(_kind(k) for k in kinds_option) if kinds_option else DEFAULT_KINDS
    roles = _choices(options.get("roles")) or tuple(Choice(r) for r in DEFAULT_ROLES)
    levels = _choices(options.get("levels")) or tuple(Choice(level) for level in LEVELS)
    drafts = options.get("include_drafts")
    pages = options.get("pages")
    site = site_config or {}
    toc = _toc_options(site)
    directory_urls = site.get("use_directory_urls")
    return Settings(
        kinds=kinds,
        roles=tuple(role.id for role in roles),
        levels=tuple(level.id for level in levels),
        role_labels=tuple(role for role in roles if role.label or role.description),
        level_labels=tuple(level for level in levels if level.label or level.description),
        custom_fields=tuple(_custom_field(f) for f in options.get("fields") or ()),
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
        github_new_file=_github_new_file(site),
    )


def _github_new_file(site: Mapping[str, Any]) -> str:
    """Where "I used this" links open GitHub's editor (`authoring.github_editor`)."""
    repo_url, edit_uri = site.get("repo_url"), site.get("edit_uri")
    docs_dir = docs_folder(str(site.get("docs_dir") or "docs"), site.get("config_file_path"))
    return new_file_base(
        str(repo_url) if repo_url else None, None if edit_uri is None else str(edit_uri), docs_dir
    )


def _kind(option: Mapping[str, Any]) -> Kind:
    """A kind as `kinds` writes it (checked by `core.options`)."""
    sections = tuple(
        Section(str(s["heading"]), str(s.get("prompt") or ""))
        if isinstance(s, Mapping)
        else Section(str(s))
        for s in option.get("sections") or ()
    )
    return Kind(str(option["folder"]), str(option["singular"]), str(option["plural"]), sections)


def _choices(option: Any) -> tuple[Choice, ...]:
    """Roles, levels or a field's choices: bare ids, or mappings of id, label, description."""
    return tuple(
        Choice(str(c["id"]), str(c.get("label") or ""), str(c.get("description") or ""))
        if isinstance(c, Mapping)
        else Choice(str(c))
        for c in option or ()
    )


def _custom_field(option: Mapping[str, Any]) -> CustomField:
    """A custom field as `fields` writes it (checked by `core.options`); its label defaults
    to its name with spaces, capitalised."""
    name = str(option["name"])
    shown_in = option.get("shown_in")
    return CustomField(
        name=name,
        type=CustomType(option["type"]),
        label=str(option.get("label") or sentence_case(name.replace("_", " "))),
        description=str(option.get("description") or ""),
        choices=_choices(option.get("choices")),
        required=bool(option.get("required")),
        shown_in=(Display.PANEL,)
        if shown_in is None
        else tuple(Display(place) for place in shown_in),
    )


def nav_pages(nav: Any) -> tuple[str, ...]:
    """The docs paths of the Markdown pages a `nav` lists, at any depth (links left out)."""
    found: list[str] = []
    stack = [nav]
    while stack:
        item = stack.pop()
        # MkDocs' own nav objects are not used here: anything but these three lists nothing.
        if isinstance(item, str):
            if item.endswith(".md") and "://" not in item:
                found.append(posixpath.normpath(item).lstrip("/"))
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
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
    problems = _option_diagnostics(config_file, options)
    if any(p.severity is Severity.ERROR for p in problems):
        options = {}  # the check reports the options alone, as the build stops at them
    try:
        settings = settings_from_options(
            options,
            str(raw.get("site_url") or ""),
            str(raw.get("site_name") or ""),
            include_drafts,
            site_config=raw,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ProjectError(f"{config_file}: cannot read the site's settings ({error!r})") from error
    extensions = raw.get("markdown_extensions")
    return Project(
        root,
        root / str(raw.get("docs_dir") or "docs"),
        settings,
        tuple(extensions) if isinstance(extensions, list) else (),
        tuple(problems),
    )


def _option_diagnostics(config_file: Path, options: dict[str, Any]) -> list[Diagnostic]:
    """Each mistake in the plugin's options, at the line of the value (or of the list item)."""
    problems, unknown = check_options(options)
    if not problems and not unknown:
        return []
    places = _option_places(config_file.read_text(encoding="utf-8"))
    plugin = places.get(("", None)) or Position(1, 1)
    found = Diagnostics()
    for problem in problems:
        pos = (
            places.get((f"{problem.option}.{problem.key}", problem.item))
            or places.get((problem.option, problem.item))
            or places.get((problem.option, None))
            or plugin
        )
        found.error(config_file.name, pos, "repertoire", problem.message)
    for name in unknown:
        pos = places.get((f"key:{name}", None)) or plugin
        found.warning(config_file.name, pos, "repertoire", unknown_option_message(name))
    return found.items


def _option_places(text: str) -> dict[tuple[str, int | None], Position]:
    """Where each plugin option's value (and each item of a list value) is in mkdocs.yml;
    ("", None) is the plugin's own line, ("key:NAME", None) an option's name and
    ("NAME.KEY", n) the key KEY of item n of a list of mappings."""
    try:
        root = yaml.compose(text, Loader=_ConfigLoader)
    except yaml.YAMLError:
        return {}
    places: dict[tuple[str, int | None], Position] = {}
    if not isinstance(root, yaml.MappingNode):
        return places
    plugins = next((v for k, v in root.value if k.value == "plugins"), None)
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    if isinstance(plugins, yaml.MappingNode):
        pairs = list(plugins.value)
    elif isinstance(plugins, yaml.SequenceNode):
        pairs = [
            p for item in plugins.value if isinstance(item, yaml.MappingNode) for p in item.value
        ]
    for key, value in pairs:
        if key.value != "repertoire":
            continue
        places[("", None)] = node_position(key, 1)
        if not isinstance(value, yaml.MappingNode):
            break
        for name, option in value.value:
            places[(f"key:{name.value}", None)] = node_position(name, 1)
            places[(str(name.value), None)] = node_position(option, 1)
            if isinstance(option, yaml.SequenceNode):
                for index, item in enumerate(option.value):
                    places[(str(name.value), index)] = node_position(item, 1)
                    if isinstance(item, yaml.MappingNode):
                        for key, _value in item.value:
                            places[(f"{name.value}.{key.value}", index)] = node_position(key, 1)
    return places


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
