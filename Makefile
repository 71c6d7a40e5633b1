# Two entry points for a fresh machine (see README.md):
#   make run   - set up .venv (and the npm packages the app serves) and build the demo on the embedded default (SQLite, real boundaries)
#   make test  - set up .venv and the Debian packages the tests need, then run the whole suite
# One kind of test at a time (see CONTRIBUTING.md): make test-unit, test-integration, test-browser
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-unit test-integration test-browser install system-deps lint bench clean

$(STAMP): pyproject.toml package-lock.json
	bash scripts/bootstrap.sh $(VENV)
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/peta-anak demo

system-deps:
	bash scripts/system-deps.sh

test: system-deps $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest

# pure functions, no database: seconds (one process: starting workers would cost more than they save)
test-unit: $(STAMP)
	$(BIN)/pytest -n0 tests/unit

# database and command line, each test on SQLite and on a throwaway PostgreSQL server
test-integration: system-deps $(STAMP)
	$(BIN)/pytest tests/integration

# Debian's Chromium driven by Playwright against a live planner app and a built public site
test-browser: system-deps $(STAMP)
	$(BIN)/pytest tests/browser

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_boundaries.py
	$(BIN)/python benchmarks/bench_dusun.py
	$(BIN)/python benchmarks/bench_demo.py --scales 0.1 1
	$(BIN)/python benchmarks/bench_imports.py
	$(BIN)/python benchmarks/bench_release.py
	$(BIN)/python benchmarks/bench_exports.py
	$(BIN)/python benchmarks/bench_api_import.py

clean:
	rm -rf $(VENV) data .pytest_cache
