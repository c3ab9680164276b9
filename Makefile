# The two commands of the README: `make run` (bundled examples -> SQLite, prints what it found)
# and `make test` (the whole suite). Both set up everything from a fresh machine first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= var/examples.sqlite

.PHONY: setup system run test docs eval lint clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate requirements.lock pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

setup: $(VENV)/.installed

# System services the tests use (PostgreSQL, Chromium): installed and started if missing.
system:
	bash scripts/system-setup.sh

run: setup
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/pactwatch --db $(DB) ingest examples/text examples/html examples/jsonl examples/warc
	$(BIN)/pactwatch --db $(DB) articles --limit 10
	$(BIN)/pactwatch --db $(DB) quotes --limit 8
	$(BIN)/pactwatch --db $(DB) events --limit 8
	$(BIN)/pactwatch --db $(DB) pacts --source article
	$(BIN)/pactwatch --db $(DB) allies PRK --on 2025-01-01

test: setup system docs lint
	. scripts/test-env.sh && $(BIN)/python -m pytest

# ruff (pyproject's [tool.ruff]) over the code, tests, benchmarks and scripts, and mypy over src/:
# a finding fails `make test`.
lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src

# The user guide (docs/, mkdocs.yml) rendered into site/; --strict fails on a broken link or page.
docs: setup
	$(BIN)/mkdocs build --strict --quiet

# Every gold set against every figure, one table (formats/GOLD.md scoring; precision from reviews/).
eval: setup
	$(BIN)/pactwatch eval --suite

clean:
	rm -rf $(VENV) var test-artifacts site
