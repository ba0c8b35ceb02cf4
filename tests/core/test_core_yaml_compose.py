"""The front-matter reader gives exactly the node tree PyYAML's composer builds.

`yaml_reader` composes with PyYAML and walks the tree once to refuse anchors, foreign tags and
depth; what it accepts must be PyYAML's tree untouched. The field layer relies on every node's
tag, value, style and position, so this compares them with `yaml.compose` on every front matter
of the sample community and on YAML chosen for its corners (implicit types, flow and block
styles, quoting, explicit `!` and `!!str` tags, empty and nested collections, complex keys).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from repertoire_kit.core.contract.yaml_reader import compose_front_matter
from repertoire_kit.core.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)

CORNERS = [
    "a: ! 12\nb: !!str 3\nc: [1, {x: y}]\nd: {}\ne: []\nf: null\ng: ~\nh: 2024-01-01\n",
    "i: 1.5\nj: yes\nk: NO\nl: 0x1f\nm: .inf\nn: '1.10'\no: \"t\\u00e9\"\n",
    "p: |\n  a block\n  of text\nq: >\n  folded\n  text\n",
    "? [a, b]\n: complex key\n? plain\n: value\n",
    "r:\n  - - - deep\n      - x\n  - {s: [t, {u: v}]}\n",
    "title: 'It''s: quoted'\nsummary: \"with # hash\"\n",
]


def shape(node: yaml.Node) -> Any:
    """Everything the field layer reads from a node, recursively."""
    where = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, where)
    if isinstance(node, yaml.SequenceNode):
        return ("sequence", node.tag, node.flow_style, where, [shape(item) for item in node.value])
    return (
        "mapping",
        node.tag,
        node.flow_style,
        where,
        [(shape(key), shape(value)) for key, value in node.value],
    )


def sample_front_matter() -> list[str]:
    texts = []
    for path in sorted((REPO / "repertoire").rglob("*.md")):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        if match:
            texts.append(match.group(1))
    return texts


@pytest.mark.parametrize("yaml_text", sample_front_matter() + CORNERS)
def test_same_tree_as_pyyaml(yaml_text: str) -> None:
    expected = yaml.compose(yaml_text, Loader=_Loader)
    diags = Diagnostics()
    composed = compose_front_matter(yaml_text, "x.md", 2, diags)
    assert not list(diags)
    assert composed is not None
    assert shape(composed) == shape(expected)


def test_the_sample_has_front_matter_to_compare() -> None:
    assert len(sample_front_matter()) >= 40
