"""Loading: from the project folder on disk to a checked `Repertoire` with its diagnostics.

Owns reading mkdocs.yml (`project`), discovering the docs folder (`files`), the placement
rules of files (`placement`) and the loader itself (`loader`), which runs the contract and the
checks over every file. The top layer of the core: it may import every other sub-package.
"""
