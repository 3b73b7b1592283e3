# make run  : serve the app with its bundled content on http://127.0.0.1:5000 (sets everything up)
# make test : install what the tests need, then lint and run every test (SQLite, PostgreSQL)
# make serve: gunicorn with several workers;  make bench: print the benchmark figures

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app app
HOST   ?= 127.0.0.1
PORT   ?= 5000
WORKERS ?= 4
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: install setup run serve test lint format bench compare fit load wrk clean docker-help

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

setup: install
	$(FLASK) db upgrade
	$(FLASK) import
	$(FLASK) reindex

# The development server on a laptop: a local tool (an eval script) is not held to learners'
# limits there. `make serve` and deployments keep loopback limited unless told otherwise.
run: setup
	SHIPSHAPE_LOOPBACK_UNLIMITED=$${SHIPSHAPE_LOOPBACK_UNLIMITED:-true} $(FLASK) run --host $(HOST) --port $(PORT)

serve: setup
	$(VENV)/bin/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - app:app

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# The suite runs on SQLite, then again on PostgreSQL when TEST_DATABASE_URL names a server
# (bash .ci/run starts the machine's PostgreSQL with scripts/postgres-for-tests.sh and sets it).
# Both runs spread the tests over the machine's cores (pytest-xdist); the PostgreSQL run leaves out
# the tests marked database_independent (content checks, pure functions, the browser).
test: install lint
	env -u TEST_DATABASE_URL $(PY) -m pytest -n $(TEST_WORKERS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the suite on PostgreSQL"; \
		$(PY) -m pytest -n $(TEST_WORKERS) -m "not database_independent"; \
	else \
		echo "PostgreSQL run skipped: TEST_DATABASE_URL is not set (bash .ci/run sets it)"; \
	fi

bench: setup
	$(PY) bench/quality.py
	$(PY) bench/follow_ups.py
	$(PY) bench/short_questions.py
	$(PY) bench/ask.py
	$(PY) bench/quiz.py
	$(PY) bench/authoring.py
	$(PY) bench/review.py

# The working tree's chat timed against another revision's in the same minutes, their fresh
# processes taking turns (bench/revisions.py): the ratio holds while the machine's speed moves.
# The default is the code before the throughput work (asks measured then at p50 12.4 ms).
REV ?= db6060e
compare: install
	$(PY) bench/revisions.py $(REV)

# Refit the chat's ranking model (weights, calibration, threshold) on every dev question set
fit: install
	$(PY) bench/quality.py --fit

# Load (not part of make test). First the server's throughput under wrk (bench/throughput.py,
# wrk and bench/wrk/ask.lua; installs Debian's wrk when missing): ask/s, livez/s, their ratio,
# p50/p99 and errors, the real-question cycle and a cold-only cycle, with 2 and 4 workers
# (THROUGHPUT_ARGS="--seconds 10 --workers 2"). Then the fault and lost-submit checks with
# bench/load.py's Python clients (LOAD_ARGS="--seconds 20"); their request rate is the
# generator's, not the server's. DATABASE_URL=postgresql://... loads PostgreSQL (and
# bench/load.py stops/starts its local cluster).
load: install wrk
	$(PY) bench/throughput.py $(THROUGHPUT_ARGS)
	$(PY) bench/load.py $(LOAD_ARGS)

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
wrk:
	@command -v wrk >/dev/null || $(SUDO) env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q wrk || { $(SUDO) apt-get update -q && $(SUDO) env \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }

# The docker CLI's own --help for every command, the truth the content's commands are checked
# against (tests/knowledge/test_docker_cli_truth.py), and the flag list the chat reads command
# lines with (shipshape/knowledge/docker_flags.json); run again after installing another CLI.
docker-help:
	$(PYTHON) scripts/capture_docker_help.py
	$(PYTHON) scripts/docker_flags.py

clean:
	rm -rf instance .pytest_cache .ruff_cache
