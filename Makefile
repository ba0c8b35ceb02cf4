# Two commands do all set-up on a fresh machine with python3, make and git:
#   make serve   build the sample community and serve it on http://127.0.0.1:8000
#   make test    run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build test lint check bench schemas lock clean

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/repertoire serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/repertoire build --strict --site-dir site

check: $(STAMP)
	$(BIN)/repertoire check

# The suite starts with ruff (lint rules and formatting, configured in pyproject.toml); mypy
# strict runs inside it (tests/test_typing.py).
test: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

# Static checks alone: ruff's lint rules and formatting, and mypy strict.
lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python scripts/bench $(BENCH_ARGS)

# Rewrite schemas/ (the editor's front-matter schemas) and the VS Code snippets that complete
# front matter, both committed, after a change to the fields or to the kinds or roles in
# mkdocs.yml; tests/editor fails until the committed copies match.
schemas: $(STAMP)
	$(BIN)/repertoire schemas schemas --snippets .vscode/repertoire.code-snippets

# Re-resolve the pinned sets from pyproject.toml (needs the package index); the requirements.txt
# that `repertoire init` writes follows requirements.lock.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check . setuptools
	{ echo "# Pinned runtime set for reproducible builds (make build / serve, CI). Regenerate with: make lock"; \
	  .lock-venv/bin/pip freeze --all --exclude-editable | grep -v -e '^pip==' -e '^repertoire-kit' ; } > requirements.lock
	{ sed -n '1,3p' plugins/repertoire_kit/templates/starter/requirements.txt; grep -v '^#' requirements.lock; } > .lock-starter
	mv .lock-starter plugins/repertoire_kit/templates/starter/requirements.txt
	.lock-venv/bin/pip install --quiet --disable-pip-version-check '.[test]'
	{ echo "# Runtime lock plus the test tools. Regenerate with: make lock"; echo "-r requirements.lock"; \
	  .lock-venv/bin/pip freeze --all | grep -v -e '^pip==' -e '^repertoire-kit' | grep -v -x -F -f requirements.lock ; } > requirements-dev.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) site .pytest_cache
