"""The news NER's names and the time expressions combined (nlp/ner.py, nlp/dates.py)."""

from newsgraph.nlp.pipeline import load_pipeline


def test_news_ner_names_and_pattern_dates():
    nlp = load_pipeline()
    assert "ner" not in nlp.pipe_names and "news_ner" in nlp.pipe_names
    doc = nlp("Angela Merkel met Emmanuel Macron in Paris on Monday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Angela Merkel"] == "PER" and labels["Paris"] == "LOC"
    assert labels["Monday"] == "DATE"


def test_a_name_wins_over_a_time_expression():
    doc = load_pipeline()("Sunday Times editor John Witherow met Tony Blair.")
    assert {e.label_ for e in doc.ents if e.text == "Tony Blair"} == {"PER"}
