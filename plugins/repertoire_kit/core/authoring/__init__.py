"""Help for people writing records, derived from the contract.

Owns new-file skeletons (`skeletons`, used by `repertoire new`), the files of a new site
(`starter`, used by `repertoire init`, with the members' guide template), the editors' JSON
Schemas (`json_schema`), VS Code snippets (`editor_snippets`) and the links that open GitHub's
web editor on a new use file (`github_editor`, the entry pages' "I used this"). Imports
`contract`, `safety` and the top-level modules only, so that what editors offer is what the
check enforces.
"""
