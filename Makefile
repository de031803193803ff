# Fresh machine: `make run` (records for the corpus) and `make test`. POSIX make, no jq.

PYTHON = python3
VENV = .venv
BIN = $(VENV)/bin
CORPUS = corpus
OUT = out/corpus.jsonl
FUZZ_SECONDS = 600
BENCH_ARGS = --scaling

.PHONY: run test browser screenshot fuzz bench schema clean

# Keeps the CLI's exit code (1 when an article could not be read, 2 when nothing ran) and
# still prints the summary of the records that were written.
run: $(VENV)/.installed
	@mkdir -p out
	@status=0; $(BIN)/extractor extract $(CORPUS) -o $(OUT) || status=$$?; \
	[ $$status -eq 2 ] || $(BIN)/python -c 'import json, sys; records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]; people = sum(len(r["people"]) for r in records); print(f"{len(records)} records written to {sys.argv[1]}, {people} people found")' $(OUT); \
	exit $$status

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest

# The review page's browser test drives Debian's chromium: Playwright's own browser download is out
# of reach. Installed when missing and this is root with apt-get; otherwise that test is skipped,
# saying what to install, and the other tests still run.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium </dev/null \
	      || echo "note: could not install chromium; the browser test will be skipped"; \
	  else \
	    echo "note: no chromium (install Debian's chromium package as root); the browser test will be skipped"; \
	  fi; }

# The README's screenshot of a review page, taken by the browser test.
screenshot: $(VENV)/.installed-test browser
	EXTRACTOR_SCREENSHOT=docs/review.png $(BIN)/python -m pytest tests/test_review_browser.py

# The long fuzz run (issue 10): tests/test_fuzz.py with larger inputs and fresh random seeds for
# about FUZZ_SECONDS (`make fuzz FUZZ_SECONDS=3600` for longer); `make test` runs a short fixed one.
fuzz: $(VENV)/.installed-test
	EXTRACTOR_FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/python -m pytest tests/test_fuzz.py -s

# The README's benchmark figures (issue 19): extractor against bare spaCy on the corpus's unique
# articles, a few minutes; not part of `make test`. More articles: `make bench BENCH_ARGS="--scaling
# --input ../shared/devset"`.
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# The committed contract; tests/test_schema.py fails when it drifts from the models.
schema: $(VENV)/.installed
	$(BIN)/extractor schema > schemas/record.schema.json

clean:
	rm -rf out .pytest_cache

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps: a changed pyproject.toml re-installs.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@
