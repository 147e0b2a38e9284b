# Talent Drive: `make demo` serves the demo drive; `make test` runs the whole suite, `make test-fast` all
# but the slow and browser tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: venv letter-font demo serve test test-fast test-postgres lint types bench browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: venv letter-font
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py serve --host $(HOST) --port $(PORT)

serve: venv
	$(PY) manage.py serve --host $(HOST) --port $(PORT)

# The CJK font offer letters embed (Debian's fonts-wqy-zenhei), installed when missing.
letter-font:
	@bash scripts/ensure-letter-font

# Debian's chromium drives the browser tests; Playwright never downloads a browser of its own.
browser:
	@bash scripts/ensure-chromium

test: venv browser
	$(VENV)/bin/pytest -n 2 --dist loadgroup

# The suite a developer runs between edits: no browser, nothing marked slow (see DEVELOPERS.md).
test-fast: venv letter-font
	$(VENV)/bin/pytest -n 2 --dist loadgroup -m "not slow and not browser"

test-postgres: venv browser
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/talentdrive} $(VENV)/bin/pytest -n 2 --dist loadgroup

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

types: venv
	$(VENV)/bin/mypy talentdrive

bench: venv
	$(PY) -m bench --full

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
