# Deep Learning for Medical Imaging: two commands, `make lab` and `make test`.
# Needs Python 3.10+ on the PATH (or PYTHON=/path/to/python3).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
JOBS   ?= 2
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# JupyterHub's proxy (course init-hub, tests/test_jupyterhub.py), from npm into hub-proxy/node_modules/,
# exactly as hub-proxy/package-lock.json pins it (configurable-http-proxy and everything it needs).
PROXY := hub-proxy/node_modules/.bin/configurable-http-proxy
PROXY_STAMP := hub-proxy/node_modules/.package-lock.json
.PHONY: lab test browser-test bench grade-bench release check-release lock install clean-venv hub-proxy

install: $(STAMP)

# (Re)install only when the pins or the package metadata changed.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; found " + sys.version.split()[0] + ". Run: make PYTHON=/path/to/python3.11 ...")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test,hub]"
	$(PY) -m course_utils.cli.kernel
	$(PY) -m course_utils.cli.labsetup
	@touch $(STAMP)

# Started inside notebooks/, so that JupyterLab's terminals open there too, with the course's
# `course` command on their PATH (README, "Getting feedback on your work").
lab: $(STAMP)
	@echo "Starting JupyterLab on notebooks/: open the URL printed below (stop with Ctrl-C twice)."
	cd notebooks && PATH="$(abspath $(VENV))/bin:$$PATH" "$(abspath $(VENV))/bin/jupyter" lab --ServerApp.root_dir="$(CURDIR)/notebooks" $(ROOT_FLAG)

test: $(STAMP) hub-proxy
	$(PY) -m pytest -n $(JOBS) --dist loadgroup

# configurable-http-proxy as hub-proxy/package-lock.json pins it (needs node and npm; without
# them the JupyterHub test is skipped and says so). npm ci runs again only when the lock changed.
hub-proxy:
	@if [ -x $(PROXY) ] && [ $(PROXY_STAMP) -nt hub-proxy/package-lock.json ]; then :; \
	elif command -v npm >/dev/null; then \
	  npm ci --prefix hub-proxy --no-audit --no-fund --loglevel=error; \
	else echo "warning: npm is missing, so JupyterHub's proxy is not installed (the JupyterHub test will be skipped)" >&2; fi

# Opens every release notebook (and a solved copy) in JupyterLab in headless Chromium, as a
# learner would; screenshots go to bench-results/browser/. Also part of `make test`.
browser-test: $(STAMP)
	$(PY) -m pytest -m browser tests/test_browser.py

bench: $(STAMP)
	$(PY) -m course_utils.cli.bench

# Seconds per submission when grading 30 copies of notebook 00 with 1 and 2 workers.
grade-bench: $(STAMP)
	$(PY) -m course_utils.cli.instructor.bench

release: $(STAMP)
	$(VENV)/bin/course release

check-release: $(STAMP)
	$(VENV)/bin/course release --check

# Regenerate constraints.txt from the current environment (maintainers only).
lock: $(STAMP)
	$(PY) -m course_utils.cli.lock

clean-venv:
	rm -rf $(VENV)
