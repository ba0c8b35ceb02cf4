"""Checks of a record's body: links, anchors, images and leftover markup.

Owns locating links in Markdown (`markdown_links`), checking them against the site map and
the anchors of the pages (`link_check`) and the other body checks (`body_checks`). Imports
`pages` (to know which pages and headings a build makes), `contract`, `safety` and the
top-level modules; never `load`.
"""
