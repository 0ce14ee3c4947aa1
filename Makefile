# OIDP website. `make help` lists the targets; `make run` and `make test` are the two that matter.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://oidp:oidp@127.0.0.1:5432/oidp
REDIS_LOCAL_URL ?= redis://127.0.0.1:6379/0
PYTEST_ARGS ?=

.PHONY: help
help: ## List the targets with what they do
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv if missing and install the pinned requirements

.PHONY: messages
messages: install ## Compile the interface translations (locale/*.po -> .mo)
	$(PY) manage.py compile_translations

.PHONY: makemessages
makemessages: install ## Extract interface strings into locale/ for fr, es, en, pt
	$(PY) manage.py makemessages --ignore='.venv/*' --ignore='var/*' -l fr -l es -l en -l pt
	$(PY) manage.py makemessages -d djangojs --ignore='.venv/*' --ignore='var/*' -l fr -l es -l en -l pt

.PHONY: migrate
migrate: install ## Apply database migrations
	$(PY) manage.py migrate --no-input

.PHONY: seed
seed: migrate ## Create the demo content in four languages (safe to run again)
	$(PY) manage.py seed_demo

var/.demo-seeded:
	$(PY) manage.py seed_demo
	@mkdir -p var && touch $@

.PHONY: run
run: messages migrate var/.demo-seeded ## Set up everything and serve the demo site at http://127.0.0.1:8000
	$(PY) manage.py runserver $(HOST):$(PORT)

.PHONY: test
test: messages ## Run the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)
	$(PY) -m pytest $(PYTEST_ARGS)

.PHONY: services
services: ## Install (if missing) and start PostgreSQL and Redis on 127.0.0.1 (needs root or sudo)
	bash scripts/services.sh

.PHONY: test-postgres
test-postgres: services messages ## Run the whole suite on PostgreSQL with Redis as the cache
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_LOCAL_URL) $(PY) -m pytest $(PYTEST_ARGS)

.PHONY: browser-deps
browser-deps: ## Install Debian's Chromium for the browser tests (needs root or sudo)
	bash scripts/browser-deps.sh

.PHONY: axe-deps
axe-deps: ## Install axe-core (pinned in package-lock.json) for the accessibility tests; npm from Debian if missing
	@command -v npm >/dev/null 2>&1 || { SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error

.PHONY: search-node
search-node: ## Start a real OpenSearch node on 127.0.0.1:9200 (Java 17 + Maven; first run downloads it)
	bash scripts/search-node.sh start

.PHONY: search-node-stop
search-node-stop: ## Stop the OpenSearch node
	bash scripts/search-node.sh stop

.PHONY: lint
lint: install ## Check style and formatting with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: format
format: install ## Fix style and formatting with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: check-migrations
check-migrations: install ## Fail when a model change has no migration
	$(PY) manage.py makemigrations --check --dry-run

.PHONY: check-deploy
check-deploy: install ## Django's deployment checklist on the production settings
	DJANGO_SETTINGS_MODULE=oidp.settings.production \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	ALLOWED_HOSTS=oidp.example.org \
	$(PY) manage.py check --deploy --fail-level WARNING

.PHONY: clean
clean: ## Remove the local database, media and compiled files (keeps .venv)
	rm -rf var
	find . -path ./.venv -prune -o -name '*.mo' -print -delete
