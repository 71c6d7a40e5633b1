# Two entry points for a fresh machine (see README.md):
#   make run   - set up .venv and build the demo on the embedded default (SQLite, real boundaries)
#   make test  - set up .venv and the Debian packages the tests need, then run the whole suite
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install system-deps lint bench clean

$(STAMP): pyproject.toml
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

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_boundaries.py
	$(BIN)/python benchmarks/bench_demo.py --scales 0.1 1
	$(BIN)/python benchmarks/bench_release.py
	$(BIN)/python benchmarks/bench_exports.py
	$(BIN)/python benchmarks/bench_api_import.py

clean:
	rm -rf $(VENV) data .pytest_cache
