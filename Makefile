# Two commands do the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench faults soak clean translations

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	# An editable install compiles nothing, and PYTHONDONTWRITEBYTECODE stops Python from
	# caching what it compiles: compile once here, as a wheel install would (.pyc files are
	# read either way; a changed module is recompiled in memory until the next set-up).
	$(BIN)/python -m compileall -q crm main.py
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check crm tests main.py .ci/mypy_pyside.py
	$(BIN)/ruff format --check crm tests main.py .ci/mypy_pyside.py
	$(BIN)/lint-imports
	$(BIN)/mypy

# The fault campaign (kill -9, full and read-only disk, held locks, fuzzed CSV), never part of
# `make test`; `make faults ARGS=--quick` is the CI size. Mounting the tiny tmpfs needs root,
# else a file size limit stands in.
faults: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/faults $(ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench $(ARGS)

# Many writers at once (processes through the services and the `crm` command), then a check
# that every committed change is there; never part of `make test`.
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.soak $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
