"""Help for people writing records, derived from the contract.

Owns new-file skeletons (`skeletons`, used by `repertoire new`), the files of a new site
(`starter`, used by `repertoire init`, with the members' guide template), the editors' JSON
Schemas (`json_schema`) and VS Code snippets (`editor_snippets`). Imports `contract`, `safety`
and the top-level modules only, so that what editors offer is what the check enforces.
"""
