# `make train LANG=en` rebuilds the in-domain news NER shipped in src/newsgraph/lang/$(LANG)/news_ner from the
# CoNLL corpus its pack names (English: CoNLL-2003, 6,500 steps, about 25 minutes on two cores; Spanish:
# CoNLL-2002, 4,000 steps), with the spaCy config src/newsgraph/lang/$(LANG)/news_ner.cfg; CPU only, the
# best checkpoint on the corpus's dev part is kept.
# `make screenshots` re-takes docs/screenshots/ in headless Chromium (the browser tests).
# `make eval` runs every annotated set and writes the accuracy table to docs/accuracy.md (about 5 minutes).
# `make check` runs ruff and mypy as CI does.
SHARED ?= ../shared
LANG ?= en
PACK := src/newsgraph/lang/$(LANG)
CORPUS = $(SHARED)/data/$(shell python -c "from newsgraph.lang import pack; print(pack('$(LANG)').ner_corpus)")
OUTPUT := training/output-$(LANG)

.PHONY: train train-es train-events crossfit lexicons eval eval-identity screenshots check fuzz
train:
	python training/conll_to_spacy.py $(CORPUS)/train.txt training/corpus/$(LANG)-train.spacy $(LANG)
	python training/conll_to_spacy.py $(CORPUS)/dev.txt training/corpus/$(LANG)-dev.spacy $(LANG)
	python -m spacy train $(PACK)/news_ner.cfg --output $(OUTPUT)
	rm -rf $(PACK)/news_ner && mkdir -p $(PACK)/news_ner
	cp -r $(OUTPUT)/model-best/config.cfg $(OUTPUT)/model-best/meta.json \
	      $(OUTPUT)/model-best/ner $(OUTPUT)/model-best/tokenizer $(OUTPUT)/model-best/vocab $(PACK)/news_ner/

# kept for habit: the same as `make train LANG=es`
train-es:
	$(MAKE) train LANG=es

# The pair classifiers (newsgraph.nlp.events.pairs, newsgraph.nlp.role_pairs) from the tune part of
# training/corpus and of the shared PLOVER records, M2E2 and CrossRE's training files (pip install -e '.[train]';
# fixed seed, about seven minutes on two cores; the shipped files come out byte for byte), then the check-part
# scores they are judged by. The ROLE classifier reads the corpus's batches b0-b15 only: trained on all 660,
# then all 1,140 articles it scored lower on the corpus's check part (docs/accuracy.md).
train-events:
	python training/train_events.py --data $(SHARED)/data --scorer $(SHARED)/tools/score.py --role-batches 16
	newsgraph eval --data $(SHARED)/data --scorer $(SHARED)/tools/score.py --sets corpus,gsr,m2e2

# The corpus's tune part read by classifiers that never saw the document (five folds), beside the rules alone
# and the shipped weights, on the tune and the check parts (docs/accuracy.md).
crossfit:
	python training/crossfit.py --data $(SHARED)/data --scorer $(SHARED)/tools/score.py

# The English pack's files converted from the PETRARCH2 dictionaries.
lexicons:
	python scripts/petrarch_lexicon.py $(SHARED)/data/petrarch2 src/newsgraph/lang/en/event_dictionary.json
	python scripts/phoenix_agents.py $(SHARED)/data/petrarch2 src/newsgraph/lang/en/agents.json
	python scripts/phoenix_issues.py $(SHARED)/data/petrarch2 src/newsgraph/lang/en/issues.json
	python scripts/phoenix_people.py $(SHARED)/data/petrarch2 src/newsgraph/resolve/known_people.json
	python scripts/phoenix_offices.py $(SHARED)/data/petrarch2 src/newsgraph/nlp/known_offices.json

eval:
	newsgraph eval --data $(SHARED)/data --scorer $(SHARED)/tools/score.py --output docs/accuracy.md

eval-identity:
	newsgraph eval --data $(SHARED)/data --scorer $(SHARED)/tools/score.py --sets events,actors --output docs/events.md

screenshots:
	NEWSGRAPH_SCREENSHOTS=1 python -m pytest tests/web/test_browser.py -k actor_network

check:
	ruff check src tests benchmarks training scripts
	ruff format --check src tests benchmarks training scripts
	mypy

# `make fuzz` runs the property-based suite of tests/fuzz with 10,000 examples per target and prints hypothesis's
# counts (CI runs the same tests with 20 examples each).
fuzz:
	NEWSGRAPH_FUZZ_EXAMPLES=10000 python -m pytest tests/fuzz -q -p no:warnings --hypothesis-show-statistics
