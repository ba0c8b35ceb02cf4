"""A strict YAML reader for front matter that keeps every value's position.

PyYAML's loaders silently turn `NO` into False and `1.10` into 1.1, accept duplicate keys, and
expand alias bombs. This reader composes a node tree instead of Python values, so that the
field layer can see how each value was written and where. Anchors, aliases, custom tags and
deep nesting are refused before any value is constructed.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Diagnostics, Position

MAX_DEPTH = 12
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
    """Front matter uses YAML this reader does not accept: the node, the message and a hint."""


def _compose(yaml_text: str) -> Node | None:
    """The node tree of one YAML document, from PyYAML's (C) composer, walked once to refuse
    what the contract does not accept.

    An alias composes to the very node its anchor made, so a node met twice is an alias: an
    alias bomb is a small tree of shared nodes, refused at its first anchor before anything is
    expanded. Foreign tags and nesting deeper than `MAX_DEPTH` are refused too (the parser
    itself stops at a thousand levels). Measured against the hand-written one-pass composer
    this replaced, it is a third faster (see scripts/BENCHMARK.md).
    """
    root: Node | None = yaml.compose(yaml_text, Loader=_Loader)
    if root is None:
        return None
    seen: set[int] = set()
    pending: list[tuple[Node, int]] = [(root, 0)]
    while pending:
        node, depth = pending.pop()
        if id(node) in seen:
            raise _Refused(
                node,
                "YAML anchors and aliases ('&name', '*name') are not allowed",
                "write each value out in full",
            )
        seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            shown = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise _Refused(
                node,
                f"YAML tag '{shown}' is not allowed",
                "remove the tag; write plain values, quoting text",
            )
        if isinstance(node, ScalarNode):
            continue
        if depth >= MAX_DEPTH:
            raise _Refused(
                node,
                f"front matter is nested more than {MAX_DEPTH} levels deep",
                "flatten the structure; no field needs this depth",
            )
        children = (
            node.value
            if isinstance(node, SequenceNode)
            else [child for pair in node.value for child in pair]
        )
        pending.extend((child, depth + 1) for child in reversed(children))
    return root


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
        root = _compose(yaml_text)
    except _Refused as refused:
        node, message, hint = refused.args
        diags.error(path, node_position(node, first_line), "front matter", message, hint)
        return None
    except yaml.YAMLError as error:
        _yaml_error(error, yaml_text, path, first_line, diags)
        return None
    except RecursionError:
        diags.error(path, Position(first_line), "front matter", "front matter is nested too deeply")
        return None
    if root is None:
        diags.error(
            path,
            Position(first_line),
            "front matter",
            "the front matter is empty",
            "add the required fields between the two '---' lines",
        )
        return None
    if not isinstance(root, MappingNode):
        diags.error(
            path,
            node_position(root, first_line),
            "front matter",
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
            diags.error(
                path,
                pos,
                where or "front matter",
                "a field name must be plain text",
                "write the name as plain text before the ':'",
            )
            continue
        key = str(key_node.value)
        label = f"{where}.{key}" if where else key
        if key in seen:
            diags.error(
                path,
                pos,
                label,
                f"'{key}' is given twice (first on line {seen[key].line})",
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
