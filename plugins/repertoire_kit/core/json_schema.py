"""JSON Schemas for editors, derived from the same field declarations as the validator."""

from __future__ import annotations

from typing import Any

from .settings import Settings


def schema_documents(settings: Settings) -> dict[str, dict[str, Any]]:
    """File name → JSON Schema document, for every kind of front matter. (To be written.)"""
    del settings
    return {}
