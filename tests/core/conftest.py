"""Fixtures of the core tests (the helpers themselves live in core_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.core import Tree


@pytest.fixture
def tree(make_site: Callable[..., Any]) -> Tree:
    """A fresh MINIMAL project in a temporary folder."""
    return Tree(make_site())
