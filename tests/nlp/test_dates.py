"""Every time pattern (data/time_patterns.json) has an example sentence, and it matches."""

import pytest

from newsgraph.lang import load
from newsgraph.nlp.dates import DATES_KEY
from newsgraph.nlp.pipeline import load_pipeline

DATA = load("time_patterns.json")
CASES = [(f"pattern {i}", e["example"], e["label"]) for i, e in enumerate(DATA["patterns"])]
CASES += [(f"regex {i}", e["example"], e["label"]) for i, e in enumerate(DATA["regexes"])]


@pytest.mark.parametrize("name, sentence, label", CASES, ids=[c[0] for c in CASES])
def test_time_pattern_matches_its_example(name, sentence, label):
    doc = load_pipeline()(sentence)
    assert any(s.label_ == label for s in doc.spans[DATES_KEY]), (sentence, [(s.text, s.label_) for s in doc.spans[DATES_KEY]])


def test_may_the_modal_is_not_a_month():
    doc = load_pipeline()("Germany may meet France.")
    assert not list(doc.spans[DATES_KEY])


def test_years_need_a_preposition():
    doc = load_pipeline()("Some 2000 people protested.")
    assert not list(doc.spans[DATES_KEY])
