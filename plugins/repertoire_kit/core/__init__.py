"""The engine-independent core: model, loading, validation, cross-indexes.

Nothing in this package may import mkdocs; `tests/test_core_independence.py` enforces it.
"""
