"""Loading: from the project folder on disk to a checked `Repertoire` with its diagnostics.

Owns reading mkdocs.yml (`project`), discovering the docs folder (`files`), the placement
rules of files (`placement`), the loader itself (`loader`), which runs the contract and the
checks over every file, and what `repertoire check` says about the site itself
(`site_checks`). The top layer of the core: it may import every other sub-package.
"""
