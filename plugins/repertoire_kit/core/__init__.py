"""The engine-independent core: model, loading, validation, cross-indexes.

Nothing in this package may import mkdocs; `tests/core/test_core_independence.py` enforces it.
"""
