# Two commands do all set-up on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock

.PHONY: install run test lint format lock bench demo clean

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The project's own packages. xenon checks each of them that exists (tests are left out: a
# test's asserts count as branches, and a long test still reads as one specification).
PACKAGES := accounts activities articles benchmarks catalogue conversations core forum moderation mybcteam newsletter notifications search treatments

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/xenon --max-absolute C $(wildcard $(PACKAGES))
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the lock file after editing pyproject.toml's dependencies.
lock:
	$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --allow-unsafe \
		--extra=dev --generate-hashes --strip-extras --output-file=requirements.lock pyproject.toml

bench: install
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles .mypy_cache .ruff_cache .pytest_cache
