"""Cross-indexes derived from a loaded repertoire: by kind, member and problem type, related
entries, gaps, the community's figures and entries due for review.

Owns `cross_indexes` (built once per build, never stored back into the records), `gaps`,
`community_stats` (what the community page draws) and `review` (which entries are due on a
given day, and whom to ask).
Imports the model only: an index is a pure function of the records.
"""
