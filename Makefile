# Two commands for a newcomer: `make run` (set up, then start the app) and
# `make test` (set up, then lint and run every test). The virtual environment
# is created on first use and refreshed when pyproject.toml changes.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint soak bench bench-voice clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[voice,test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/interview-coach

lint: $(STAMP)
	$(BIN)/ruff check interview_coach tests benchmarks
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

# Random keys and clicks over every screen: 10 seeds x 400 steps, seeds the suite
# does not use (a few minutes). A failure names its seed; MONKEY_SEED_BASE replays it.
SOAK_SEEDS ?= 10
SOAK_KEYS ?= 400
soak: $(STAMP)
	MONKEY_SEEDS=$(SOAK_SEEDS) MONKEY_KEYS=$(SOAK_KEYS) MONKEY_SEED_BASE=2000 \
		$(BIN)/pytest tests/test_tui_monkey.py -q

# Quick figures (about a minute): scoring speed, first paint, scorer agreement.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_scoring.py
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/eval_scorer.py --test

# Voice figures (about half an hour: answers are fed at real-time speed, and 72
# spoken corpus answers are transcribed live by the app's model and the stock one).
bench-voice: $(STAMP)
	$(BIN)/python benchmarks/bench_voice_latency.py
	$(BIN)/python benchmarks/eval_live_transcription.py
	$(BIN)/python benchmarks/bench_fillers.py
	$(BIN)/python benchmarks/bench_app_memory.py

# After editing rubrics/roles/, a specialty's tie-back examples, or the features:
# refit the role classifier (on the example bank) and the judgment model (on the
# corpus's development split; the test split is never read).
train: $(STAMP)
	$(BIN)/python benchmarks/train_roles.py --write
	$(BIN)/python benchmarks/build_subword_tables.py
	$(BIN)/python benchmarks/train_judgment.py --write

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
