# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CL     := $(VENV)/bin/claimledger
DEMO_DB ?= sqlite:///claimledger-demo.db

.PHONY: run test install browser wrk lint bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed

# The main job on the bundled examples, offline, with SQLite.
run: install
	rm -f claimledger-demo.db claimledger-demo.db-wal claimledger-demo.db-shm
	$(CL) --db $(DEMO_DB) ingest examples/reports
	$(CL) --db $(DEMO_DB) sources import examples/sources
	$(CL) --db $(DEMO_DB) verify --offline
	$(CL) --db $(DEMO_DB) summary

# Debian's chromium (and a CJK font for readable screenshots) for the browser tests, where we can
# install them (root with apt-get); the browser tests skip with a message otherwise.
browser:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk"; then echo "chromium: present"; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
	  || echo "chromium: could not be installed; browser tests will skip"; \
	else echo "chromium: not installed and not root; browser tests will skip"; fi

lint: install
	$(VENV)/bin/ruff check claims verifier storage tests bench
	$(VENV)/bin/mypy claims storage verifier

# every core, at most four workers; a test file stays on one worker (its module fixtures are built once);
# files are taken in the order tests/conftest.py gives (long ones first), not by their number of tests
test: install browser lint
	$(VENV)/bin/pytest -q -p no:cacheprovider -n auto --maxprocesses 4 --dist loadfile --no-loadscope-reorder

# Debian's wrk, the load generator of bench/api.py, where we can install it (root with apt-get);
# bench/api.py falls back to async httpx clients otherwise and says so.
wrk:
	@if command -v wrk >/dev/null; then echo "wrk: present"; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
	  || echo "wrk: could not be installed; bench/api.py will use httpx clients"; \
	else echo "wrk: not installed and not root; bench/api.py will use httpx clients"; fi

# PAGES=DIR adds bench/pages.py on a folder shaped like trafilatura's evaluation set (not in the repo)
PAGES ?=

bench: install wrk
	$(PY) bench/extract.py
	$(PY) bench/ingest.py
	$(PY) bench/fetch.py
	$(PY) bench/verify.py
	$(PY) bench/api.py
	$(PY) bench/recheck.py
	@if [ -n "$(PAGES)" ]; then $(PY) bench/pages.py "$(PAGES)"; else echo "bench/pages.py: skipped (make bench PAGES=DIR)"; fi

clean:
	rm -rf $(VENV) claimledger-demo.db* .pytest_cache test-artifacts
