# 运营知识库 — see README.md. Every target sets up .venv first if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: serve site test lint ingest bench eval search-eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

ingest: $(STAMP)
	$(BIN)/opskb ingest

serve: ingest
	$(BIN)/opskb serve -a 127.0.0.1:8000

site: ingest
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

# the synthetic corpus, and the real collection of ../shared (plus the seeds) when it is there
COLLECTION ?= ../shared/devcollection/articles
bench: $(STAMP)
	$(BIN)/opskb bench --json bench/results.json --site bench/site \
		$(if $(wildcard $(COLLECTION)),--collection $(COLLECTION) --collection seeds --collection-json bench/collection.json)

# ingest scored on the labelled dev corpus and the forum/Q&A pages, beside trafilatura alone (see README)
DEVCORPUS ?= ../shared/devcorpus
DEVFORUMS ?= ../shared/devforums
eval: $(STAMP)
	$(BIN)/opskb eval $(DEVCORPUS)
	$(BIN)/opskb eval $(DEVFORUMS)
	$(BIN)/opskb eval --as-text $(DEVCORPUS)
	$(BIN)/opskb eval --as-text $(DEVFORUMS)
	$(BIN)/opskb eval --as-excerpt $(DEVCORPUS)
	$(BIN)/opskb eval --as-excerpt $(DEVFORUMS)

# the site's search with the dev collection's own tags as queries, beside BM25 (see README)
DEVCOLLECTION ?= ../shared/devcollection/articles
search-eval: $(STAMP)
	$(BIN)/opskb search-eval $(DEVCOLLECTION) --json search-eval.json

clean:
	rm -rf site bench tests/output
