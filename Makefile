# Rebuild the in-domain news NER shipped in src/newsgraph/models/en_news_ner from CoNLL-2003 train.
# CPU only: 6,500 steps, about 25 minutes on two cores; the best checkpoint on CoNLL dev is kept.
# `make screenshots` re-takes docs/screenshots/ in headless Chromium (the browser tests).
# `make eval` runs every annotated set and writes the accuracy table to docs/accuracy.md (about 5 minutes).
SHARED ?= ../shared
CONLL := $(SHARED)/data/conll2003
MODEL := src/newsgraph/models/en_news_ner

.PHONY: train eval screenshots
train:
	python training/conll_to_spacy.py $(CONLL)/train.txt training/corpus/train.spacy
	python training/conll_to_spacy.py $(CONLL)/dev.txt training/corpus/dev.spacy
	python -m spacy train training/ner.cfg --output training/output
	rm -rf $(MODEL) && mkdir -p $(MODEL)
	cp -r training/output/model-best/config.cfg training/output/model-best/meta.json \
	      training/output/model-best/ner training/output/model-best/tokenizer training/output/model-best/vocab $(MODEL)/

eval:
	newsgraph eval --data $(SHARED)/data --scorer $(SHARED)/tools/score.py --output docs/accuracy.md

screenshots:
	NEWSGRAPH_SCREENSHOTS=1 python -m pytest tests/web/test_browser.py -k actor_network
