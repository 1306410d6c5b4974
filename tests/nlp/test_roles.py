"""One test sentence per ROLE pattern (see newsgraph.nlp.roles)."""
import pytest

from conftest import names

CASES = [
    ("Tesla CEO Elon Musk visited Berlin.", "Elon Musk", "Tesla", "CEO"),
    ("Argentina's President Javier Milei visited Madrid.", "Javier Milei", "Argentina", "President"),
    ("Argentinian President, Javier Milei, visited Madrid.", "Javier Milei", "Argentina", "President"),
    ("OpenAI's Sam Altman spoke in London.", "Sam Altman", "OpenAI", None),
    ("Sundar Pichai of Google spoke in London.", "Sundar Pichai", "Google", None),
    ("Satya Nadella, chief executive of Microsoft, spoke in London.", "Satya Nadella", "Microsoft", "chief executive"),
    ("Satya Nadella, Microsoft's chief executive, spoke in London.", "Satya Nadella", "Microsoft", "chief executive"),
    ("The president of France, Emmanuel Macron, spoke in London.", "Emmanuel Macron", "France", "president"),
]


@pytest.mark.parametrize("sentence,person,org,title", CASES)
def test_role_pattern(read, sentence, person, org, title):
    doc = read(sentence)
    got = {(names(doc, [r["person"]])[0], names(doc, [r["org"]])[0], r["title"]) for r in doc["roles"]}
    assert (person, org, title) in got, got


def test_company_title_makes_the_org_a_company(read):
    doc = read("Tesla CEO Elon Musk visited Berlin.")
    assert {e["name"]: e["type"] for e in doc["entities"]}["Tesla"] == "Company"


def test_no_role_from_a_plain_list(read):
    doc = read("Executives from Google, Sam Altman and others attended.")
    assert not [r for r in doc["roles"] if names(doc, [r["person"]]) == ["Sam Altman"]]
