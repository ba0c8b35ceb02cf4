"""The content contract: what a record's file may say, and how it is read and checked.

Owns the field declarations and their types (`fields`), the record schemas (`schemas`), the
strict YAML reader (`yaml_reader`), splitting a file into front matter and body (`source`),
the accepted file types (`file_types`), cross-reference checks (`crossref`) and the check for
placeholders left in (`placeholders`). Imports the top-level modules (model, settings,
diagnostics, clock, suggest) and `safety`; never the pages, the indexes or the loader.
"""
