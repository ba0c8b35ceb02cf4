"""Cross-indexes derived from a loaded repertoire: by kind, member and problem type, related
entries, gaps and the community's figures.

Owns `cross_indexes` (built once per build, never stored back into the records), `gaps` and
`community_stats` (what the community page draws).
Imports the model only: an index is a pure function of the records.
"""
