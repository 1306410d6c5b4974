"""The news NER and the general model combined (nlp/ner.py)."""
from newsgraph.nlp.ner import GENERAL_KEY
from newsgraph.nlp.pipeline import load_pipeline


def test_news_ner_names_and_general_dates():
    doc = load_pipeline()("Angela Merkel met Emmanuel Macron in Paris on Monday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Angela Merkel"] == "PER" and labels["Paris"] == "LOC"
    assert labels["Monday"] == "DATE"  # from the general model
    assert GENERAL_KEY in doc.spans


def test_general_model_names_do_not_fill_gaps():
    doc = load_pipeline()("Angela Merkel met Emmanuel Macron in Paris on Monday.")
    assert all(e.label_ not in ("PERSON", "GPE", "ORG", "NORP", "FAC") for e in doc.ents)
