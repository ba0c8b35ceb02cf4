"""Everything a build publishes: generated pages, record pages, JSON exports and the feed.

Owns the page registry, URLs, views (the community page's in `community`, the Due for review
page's and notices' in `review_views`), the geometry of charts, templating and slots,
navigation, the site map and the anchors each page has, the feed, the exports, the git dates
of pages (and the date of the commit built) and `generate` (the whole site as a plain MkDocs
project). Imports `indexes`, `authoring`, `contract`, `safety` and the
top-level modules; never `checks` or `load` (generate reads a load result as a type only).
"""
