"""Cross-indexes derived from a loaded repertoire: by kind, member and problem type, related
entries and gaps.

Owns `cross_indexes` (built once per build, never stored back into the records) and `gaps`.
Imports the model only: an index is a pure function of the records.
"""
