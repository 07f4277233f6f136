# Two commands on a fresh clone: `make run` (install and launch) and `make test`.
# Each creates its own virtual environment in .venv the first time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint clean system-deps test-deps package translations

# Qt's runtime libraries (and PulseAudio's client for sounds), where missing.
system-deps:
	@bash packaging/system-deps.sh

# ...and a sound server, which a test starts to prove that every sound plays.
test-deps:
	@bash packaging/system-deps.sh --test

$(BIN)/.installed: pyproject.toml | system-deps
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' \
		|| { echo "Felt needs Python 3.11 to 3.13 (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

run: $(BIN)/.installed
	$(BIN)/felt

test: $(BIN)/.installed lint | test-deps
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/python -m mypy
	$(BIN)/lint-imports

# Felt's strings gathered into each language's .ts (for Qt Linguist, or by hand), and
# compiled to the .qm files the app loads (resources/translations).
# English, the source language, has only the plural forms of its counted strings.
TS := $(filter-out %/felt_en.ts,$(wildcard resources/translations/felt_*.ts))
TR := $(BIN)/pyside6-lupdate $$(find desktop -name '*.py' | sort) -no-obsolete -locations none
translations: $(BIN)/.installed
	$(TR) -ts $(TS)
	$(TR) -pluralonly -target-language en -ts resources/translations/felt_en.ts
	for ts in $(TS) resources/translations/felt_en.ts; do \
		$(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done

# The Linux bundle, .tar.gz and .deb in build/, each smoke-tested (packaging/README.md).
package: $(BIN)/.installed
	@bash packaging/system-deps.sh --package
	$(BIN)/python -m pip install --quiet -e '.[package]'
	bash packaging/build.sh

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
