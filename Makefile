# The few verbs people need; each sets up what it uses and is safe to re-run.
PY := .venv/bin/python
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: run test lint eval bench index setup setup-dev

setup:
	@scripts/bootstrap.sh run

setup-dev:
	@scripts/bootstrap.sh test

run: setup
	$(PY) app.py $(ARGS)

test: setup-dev lint
	$(PY) -m pytest -m "" $(ARGS)

lint: setup-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy bot eval bench

eval: setup-dev
	$(PY) -m eval $(ARGS)

bench: setup-dev
	$(PY) -m bench $(ARGS)

index: setup
	$(PY) -m bot index
