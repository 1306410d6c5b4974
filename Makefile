# Rebuild the in-domain news NER shipped in src/newsgraph/models/en_news_ner from CoNLL-2003 train.
# CPU only: 6,500 steps, about 25 minutes on two cores; the best checkpoint on CoNLL dev is kept.
# `make screenshots` re-takes docs/screenshots/ in headless Chromium (the browser tests).
# `make eval` runs every annotated set and writes the accuracy table to docs/accuracy.md (about 5 minutes).
SHARED ?= ../shared
CONLL := $(SHARED)/data/conll2003
MODEL := src/newsgraph/models/en_news_ner
CONLL_ES := $(SHARED)/data/conll2002-es
MODEL_ES := src/newsgraph/models/es_news_ner

.PHONY: train train-es eval screenshots
train:
	python training/conll_to_spacy.py $(CONLL)/train.txt training/corpus/train.spacy
	python training/conll_to_spacy.py $(CONLL)/dev.txt training/corpus/dev.spacy
	python -m spacy train training/ner.cfg --output training/output
	rm -rf $(MODEL) && mkdir -p $(MODEL)
	cp -r training/output/model-best/config.cfg training/output/model-best/meta.json \
	      training/output/model-best/ner training/output/model-best/tokenizer training/output/model-best/vocab $(MODEL)/

# The Spanish news NER in src/newsgraph/models/es_news_ner, from CoNLL-2002 Spanish train (4,000 steps).
train-es:
	python training/conll_to_spacy.py $(CONLL_ES)/train.txt training/corpus/es-train.spacy es
	python training/conll_to_spacy.py $(CONLL_ES)/dev.txt training/corpus/es-dev.spacy es
	python -m spacy train training/ner-es.cfg --output training/output-es
	rm -rf $(MODEL_ES) && mkdir -p $(MODEL_ES)
	cp -r training/output-es/model-best/config.cfg training/output-es/model-best/meta.json \
	      training/output-es/model-best/ner training/output-es/model-best/tokenizer training/output-es/model-best/vocab $(MODEL_ES)/

eval:
	newsgraph eval --data $(SHARED)/data --scorer $(SHARED)/tools/score.py --output docs/accuracy.md

screenshots:
	NEWSGRAPH_SCREENSHOTS=1 python -m pytest tests/web/test_browser.py -k actor_network
