# Vouch: `make run` (demo on SQLite, tasks in-process) and `make test` (PostgreSQL + Redis).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/vouch
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: run test lint services bench clean lock

# Everything installed is pinned, with hashes, in requirements.lock; `make lock` refreshes it
# from pyproject.toml's ranges.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet pip-tools==7.6.2
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --upgrade --extra dev --generate-hashes --strip-extras \
		--allow-unsafe --no-emit-index-url --no-emit-find-links \
		-o requirements.lock pyproject.toml

run: $(STAMP)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py compilemessages --ignore '.venv' >/dev/null 2>&1 || true
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

services:
	scripts/ensure-services

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP) services lint
	DEBUG=False SECRET_KEY=collectstatic-only $(BIN)/python manage.py collectstatic --no-input -v0
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) DEBUG=False \
	SECRET_KEY=test-only-secret-key-not-for-production-0123456789 \
	SECURE_SSL_REDIRECT=False ALLOWED_HOSTS=127.0.0.1,localhost,testserver \
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) vouch.sqlite3 staticfiles
