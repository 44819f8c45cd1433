# Two-command set-up: `make play` and `make test` each build .venv on their own.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install play test lint bench-validate bench-generate bench-play bench-classroom bench-authoring schema questions clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)
	@# pip compiles installed packages; do the same for ours, whatever PYTHONDONTWRITEBYTECODE says.
	@$(BIN)/python -m compileall -q quiz

play: install
	$(BIN)/quiz play

lint: install
	$(BIN)/ruff check quiz tests bench scripts

# Tests run on every core (pytest-xdist); the slowest ten are listed so a slow one shows.
# HYPOTHESIS_PROFILE=thorough (as .ci/run sets) runs every property-test example.
test: lint
	@$(BIN)/python -c 'from tests.browser.chromium import missing; m = missing(); print("Browser tests: skipped, because " + m if m else "Browser tests: run in headless Chromium")'
	$(BIN)/python -m pytest -n auto --dist worksteal --durations=10

schema: install
	$(BIN)/quiz schema > docs/bank.schema.json
	$(BIN)/quiz schema --kind timeline > docs/timeline.schema.json

questions: install
	$(BIN)/quiz generate --seed 2013 -o questions/generated.yaml --force
	$(BIN)/quiz generate --seed 2013 --types predict -o questions/predictions.yaml --force

bench-play: install
	$(BIN)/python bench/play.py

bench-authoring: install
	$(BIN)/python bench/authoring.py

bench-classroom: install
	$(BIN)/python bench/classroom.py

bench-generate: install
	$(BIN)/python bench/generate.py

bench-validate: install
	$(BIN)/python bench/validate.py

clean:
	rm -rf $(VENV) build *.egg-info
