"""Countries and nationality words, constituent countries included."""

import pytest

from newsgraph.nlp.countries import country_index


@pytest.mark.parametrize(
    ("word", "code"), [("Scottish", "GB-SCT"), ("Scot", "GB-SCT"), ("Welsh", "GB-WLS"), ("English", "GB-ENG"), ("Belgian", "BE")]
)
def test_nationality_words_of_constituent_countries_have_their_code(word, code):
    assert country_index().code_for_demonym(word) == code


def test_a_constituent_countrys_nationality_word_is_no_name_of_its_own(read):
    doc = read("Scottish ministers criticised the Northfield Widget Board on Monday.")
    assert not any(e["name"] == "Scottish" for e in doc["entities"])
    scotland = [e for e in doc["entities"] if e.get("country") == "GB-SCT"]
    assert scotland and any(r["kind"] == "demonym" for r in scotland[0]["references"])
