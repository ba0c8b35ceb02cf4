"""A strict YAML reader for front matter that keeps every value's position.

PyYAML's loaders silently turn `NO` into False and `1.10` into 1.1, accept duplicate keys, and
expand alias bombs. This reader parses to a node tree instead of Python values, so that the
field layer can see how each value was written and where. Anchors, aliases, custom tags and
deep nesting are refused while the tree is composed, in the same pass as parsing.
"""

from __future__ import annotations

import functools
from typing import Any, Iterator

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from .diagnostics import Diagnostics, Position

MAX_DEPTH = 12
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER: Any = Resolver()  # PyYAML's resolver is untyped
# The tags of YAML's core schema; `!!python/…`, `!!binary`, `!!set` and the like are refused.
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
) | {"!"}


def node_position(node: Node, first_line: int) -> Position:
    """The 1-based file position of a node whose YAML starts at `first_line`."""
    mark = node.start_mark
    return Position(first_line + mark.line, mark.column + 1)


class _Refused(Exception):
    """Front matter uses YAML this reader does not accept; the diagnostic is already added."""


def _refuse(event: yaml.Event, first_line: int, path: str, diags: Diagnostics,
            message: str, hint: str) -> _Refused:
    mark = event.start_mark
    where = Position(first_line + mark.line, mark.column + 1) if mark else Position(first_line)
    diags.error(path, where, "front matter", message, hint)
    return _Refused()


def _tag(event: Any, kind: type[Node]) -> str:
    """The tag of a node as PyYAML's composer gives it: explicit, or resolved from the text."""
    tag: str | None = event.tag
    if tag is not None and tag != "!":
        if tag not in _ALLOWED_TAGS:
            raise _ForeignTag(tag)
        return tag
    if kind is ScalarNode:
        return _scalar_tag(event.value, event.implicit)
    return str(_RESOLVER.resolve(kind, None, event.implicit))


class _ForeignTag(Exception):
    """A tag outside YAML's core schema was met."""


@functools.lru_cache(maxsize=8192)
def _scalar_tag(value: str, implicit: tuple[bool, bool]) -> str:
    """Resolution of a plain scalar, once per distinct text (field names recur in every file)."""
    return str(_RESOLVER.resolve(ScalarNode, value, implicit))


def _events(yaml_text: str) -> Iterator[Any]:
    """The parser's events, straight from the (C) parser."""
    parser = _Loader(yaml_text)
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def _compose_events(yaml_text: str, path: str, first_line: int, diags: Diagnostics) -> Node | None:
    """The node tree of one YAML document, built from the parser's events in one pass.

    Composing here rather than with `yaml.compose` lets anchors, aliases, foreign tags and
    deep nesting be refused as they are met, before anything is built from them, without
    parsing the text twice. Events are told apart by their exact class: this loop runs for
    every value of every file in every build.
    """
    stack: list[Node] = []
    pending_keys: list[Node | None] = []
    root: Node | None = None
    documents = 0
    for event in _events(yaml_text):
        kind = type(event)
        if kind is ScalarEvent or kind is SequenceStartEvent or kind is MappingStartEvent:
            if event.anchor is not None:
                raise _refuse(event, first_line, path, diags, *_ANCHOR)
            # The C parser's marks are typed apart from PyYAML's own, but nodes take either.
            start: Any = event.start_mark
            try:
                if kind is ScalarEvent:
                    node: Node = ScalarNode(_tag(event, ScalarNode), event.value, start,
                                            event.end_mark, style=event.style)
                elif kind is SequenceStartEvent:
                    node = SequenceNode(_tag(event, SequenceNode), [], start, None,
                                        flow_style=event.flow_style)
                else:
                    node = MappingNode(_tag(event, MappingNode), [], start, None,
                                       flow_style=event.flow_style)
            except _ForeignTag as foreign:
                shown = str(foreign).replace("tag:yaml.org,2002:", "!!", 1)
                raise _refuse(event, first_line, path, diags, f"YAML tag '{shown}' is not allowed",
                              "remove the tag; write plain values, quoting text") from None
            if kind is not ScalarEvent and len(stack) >= MAX_DEPTH:
                raise _refuse(event, first_line, path, diags,
                              f"front matter is nested more than {MAX_DEPTH} levels deep",
                              "flatten the structure; no field needs this depth")
            if stack:
                _attach(node, stack, pending_keys)
            elif root is None:
                root = node
            if kind is not ScalarEvent:
                stack.append(node)
                pending_keys.append(None)
        elif kind is SequenceEndEvent or kind is MappingEndEvent:
            closed: Any = event.end_mark
            stack.pop().end_mark = closed
            pending_keys.pop()
        elif kind is AliasEvent:
            raise _refuse(event, first_line, path, diags, *_ANCHOR)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                at: Any = event.start_mark
                raise yaml.composer.ComposerError(
                    "expected a single document in the stream", None,
                    "but found another document", at,
                )
    return root


_ANCHOR = (
    "YAML anchors and aliases ('&name', '*name') are not allowed",
    "write each value out in full",
)


def _attach(node: Node, stack: list[Node], pending_keys: list[Node | None]) -> None:
    """Put a finished or opening node in its parent: a list item, a key, or a key's value."""
    if not stack:
        return
    parent = stack[-1]
    if isinstance(parent, SequenceNode):
        parent.value.append(node)
    elif pending_keys[-1] is None:
        pending_keys[-1] = node
    else:
        parent.value.append((pending_keys[-1], node))
        pending_keys[-1] = None


def _yaml_error(
    error: yaml.YAMLError, yaml_text: str, path: str, first_line: int, diags: Diagnostics
) -> None:
    """Turn a PyYAML syntax error into a located diagnostic with a practical hint."""
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    mark = getattr(error, "problem_mark", None) or context_mark
    hint = "check the indentation and put text that contains ':' or '#' in quotes"
    if mark is not None and context_mark is not None and mark.line >= yaml_text.count("\n"):
        # Found only at the end of the block: where the unclosed quote or bracket opened says more.
        mark = context_mark
        hint = "a quote or bracket opened here is never closed"
    where = Position(first_line + mark.line, mark.column + 1) if mark else Position(first_line)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    field = "front matter"
    if mark is not None and "mapping values are not allowed" in problem:
        # The commonest slip: an unquoted value with ': ' in it, e.g. a title with a colon.
        key, _, value = yaml_text.split("\n")[mark.line].partition(":")
        if value.strip() and key.strip() and not key.startswith((" ", "-")):
            field = key.strip()
            message = "the value contains ': ', which YAML reads as the start of another field"
            quoted = value.strip().replace("\\", "\\\\").replace('"', '\\"')
            hint = f'put the value in quotes: {field}: "{quoted}"'
    diags.error(path, where, field, message, hint)


def compose_front_matter(
    yaml_text: str, path: str, first_line: int, diags: Diagnostics
) -> MappingNode | None:
    """Parse front matter into a mapping node, or report why it cannot be read."""
    try:
        root = _compose_events(yaml_text, path, first_line, diags)
    except _Refused:
        return None
    except yaml.YAMLError as error:
        _yaml_error(error, yaml_text, path, first_line, diags)
        return None
    except RecursionError:
        diags.error(path, Position(first_line), "front matter", "front matter is nested too deeply")
        return None
    if root is None:
        diags.error(
            path, Position(first_line), "front matter", "the front matter is empty",
            "add the required fields between the two '---' lines",
        )
        return None
    if not isinstance(root, MappingNode):
        diags.error(
            path, node_position(root, first_line), "front matter",
            "front matter must be a list of 'key: value' fields",
            "write one field per line, such as 'title: My case'",
        )
        return None
    return root


def mapping_items(
    node: MappingNode, path: str, first_line: int, diags: Diagnostics, where: str = ""
) -> list[tuple[str, Node, Position]]:
    """The key/value pairs of a mapping, with duplicate and non-text keys reported."""
    seen: dict[str, Position] = {}
    items: list[tuple[str, Node, Position]] = []
    for key_node, value_node in node.value:
        pos = node_position(key_node, first_line)
        if not isinstance(key_node, ScalarNode):
            diags.error(path, pos, where or "front matter", "a field name must be plain text",
                        "write the name as plain text before the ':'")
            continue
        key = str(key_node.value)
        label = f"{where}.{key}" if where else key
        if key in seen:
            diags.error(
                path, pos, label, f"'{key}' is given twice (first on line {seen[key].line})",
                "keep one of them",
            )
            continue
        seen[key] = pos
        items.append((key, value_node, pos))
    return items


def describe_node(node: Node) -> str:
    """How a value reads to a person: 'a list', 'a mapping', or 'text'."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a set of 'key: value' fields"
    return "a single value"
