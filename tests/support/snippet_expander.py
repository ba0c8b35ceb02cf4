"""Expand a VS Code snippet the way the editor inserts it, to test what a contributor ends up with.

VS Code's snippet syntax: `$1` and `${1}` are tab stops, `${1:text}` a tab stop whose text is
selected (and may hold further snippet syntax), `${1|a,b|}` a drop-down whose first value is
inserted, `$NAME`, `${NAME}` and `${NAME:default}` variables; `\\$`, `\\}` and `\\\\` are literal
(and `\\,` and `\\|` inside a choice). A contributor who presses Tab through a snippet keeps
each selected text and each first choice; `fill` and `pick` stand for typing over a tab stop or
choosing another value. An unknown variable is an error here (VS Code would insert its name),
so a misspelt variable in the generated snippets fails the tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# What VS Code substitutes, for a file named `from-snippet.md` on 2024-03-09.
VARIABLES = {
    "CURRENT_YEAR": "2024",
    "CURRENT_MONTH": "03",
    "CURRENT_DATE": "09",
    "TM_FILENAME_BASE": "from-snippet",
}
_DIGITS = "0123456789"
_NAME_START = "_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NAME_CHARS = _NAME_START + _DIGITS


@dataclass(frozen=True)
class Stop:
    """One tab stop: its number, the text it inserts by default, and its choices if any."""

    number: int
    default: str
    choices: tuple[str, ...] = ()


Fill = Callable[[Stop], str | None]
Pick = Callable[[Stop], str]


@dataclass
class Expansion:
    """The inserted text and every tab stop met, in the order written."""

    text: str
    stops: list[Stop] = field(default_factory=list)


def _keep(stop: Stop) -> str | None:
    return None


def _first(stop: Stop) -> str:
    return stop.choices[0]


class SnippetSyntaxError(ValueError):
    """The body is not valid snippet syntax."""


class _Expander:
    def __init__(self, source: str, variables: dict[str, str], fill: Fill, pick: Pick) -> None:
        self.source, self.at = source, 0
        self.variables, self.fill, self.pick = variables, fill, pick
        self.stops: list[Stop] = []

    def peek(self, offset: int = 0) -> str:
        index = self.at + offset
        return self.source[index] if index < len(self.source) else ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise SnippetSyntaxError(f"expected {char!r} at {self.at} in {self.source!r}")
        self.at += 1

    def read_while(self, allowed: str) -> str:
        start = self.at
        while self.peek() and self.peek() in allowed:
            self.at += 1
        return self.source[start : self.at]

    def any(self, nested: bool) -> str:
        """Text and constructs up to the end, or up to the `}` closing a placeholder."""
        out: list[str] = []
        while self.peek():
            char = self.peek()
            if char == "\\" and self.peek(1) in ("$", "}", "\\"):
                out.append(self.peek(1))
                self.at += 2
            elif char == "}" and nested:
                break
            elif char == "$":
                out.append(self.dollar())
            else:
                out.append(char)
                self.at += 1
        return "".join(out)

    def variable(self, name: str, default: str | None) -> str:
        if name in self.variables:
            return self.variables[name]
        if default is not None:
            return default
        raise SnippetSyntaxError(f"unknown variable ${name} in {self.source!r}")

    def stop(self, stop: Stop) -> str:
        self.stops.append(stop)
        if stop.choices:
            return self.pick(stop)
        typed = self.fill(stop)
        return stop.default if typed is None else typed

    def dollar(self) -> str:
        self.expect("$")
        if self.peek() and self.peek() in _DIGITS:
            return self.stop(Stop(int(self.read_while(_DIGITS)), ""))
        if self.peek() and self.peek() in _NAME_START:
            return self.variable(self.read_while(_NAME_CHARS), None)
        if self.peek() != "{":
            return "$"
        self.expect("{")
        if self.peek() and self.peek() in _DIGITS:
            return self.braced_stop(int(self.read_while(_DIGITS)))
        name = self.read_while(_NAME_CHARS)
        if not name:
            raise SnippetSyntaxError(f"'${{' without a number or a name in {self.source!r}")
        default = None
        if self.peek() == ":":
            self.at += 1
            default = self.any(nested=True)
        self.expect("}")
        return self.variable(name, default)

    def braced_stop(self, number: int) -> str:
        if self.peek() == "}":
            self.at += 1
            return self.stop(Stop(number, ""))
        if self.peek() == ":":
            self.at += 1
            default = self.any(nested=True)
            self.expect("}")
            return self.stop(Stop(number, default))
        self.expect("|")
        return self.stop(Stop(number, "", self.choices()))

    def choices(self) -> tuple[str, ...]:
        values: list[str] = []
        current: list[str] = []
        while True:
            char = self.peek()
            if not char:
                raise SnippetSyntaxError(f"unclosed choice in {self.source!r}")
            if char == "\\" and self.peek(1) in (",", "|", "\\"):
                current.append(self.peek(1))
                self.at += 2
            elif char == ",":
                values.append("".join(current))
                current = []
                self.at += 1
            elif char == "|" and self.peek(1) == "}":
                values.append("".join(current))
                self.at += 2
                return tuple(values)
            else:
                current.append(char)
                self.at += 1


def expand(
    body: list[str] | str,
    fill: Fill = _keep,
    pick: Pick = _first,
    variables: dict[str, str] | None = None,
) -> Expansion:
    """The text VS Code inserts for a snippet body (a list of lines or one string)."""
    source = "\n".join(body) if isinstance(body, list) else body
    expander = _Expander(source, VARIABLES if variables is None else variables, fill, pick)
    text = expander.any(nested=False)
    return Expansion(text, expander.stops)


def read_snippets_file(path: Path) -> dict[str, Any]:
    """A `.code-snippets` file: JSON, with `//` comment lines as VS Code allows."""
    lines = path.read_text(encoding="utf-8").splitlines()
    data: dict[str, Any] = json.loads(
        "\n".join(line for line in lines if not line.lstrip().startswith("//"))
    )
    return data
