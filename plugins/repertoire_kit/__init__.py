"""Repertoire: a static knowledge base for a community of practice.

`core` holds everything that knows the content contract and the cross-indexes; it imports
nothing from MkDocs so that the repertoire can outlive any one site engine. `mkdocs_adapter`
translates MkDocs events into calls on the core, and `cli` offers the same core on the
command line.
"""

from __future__ import annotations

__version__ = "0.1.0"
