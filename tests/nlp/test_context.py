"""The context of an interaction: issue topic, sum of money, place (nlp/context.py).  Sentences written for
these tests."""

from __future__ import annotations

import pytest

from newsgraph.nlp import context


@pytest.mark.parametrize(
    ("text", "lang", "value", "currency"),
    [
        ("The firm agreed to buy its rival for about $16bn.", "en", 16e9, "USD"),
        ("The ministry gave a £2.5m grant to the charity.", "en", 2.5e6, "GBP"),
        ("The club was fined 1,200 pounds.", "en", 1200.0, "GBP"),
        ("They signed a €5 billion deal.", "en", 5e9, "EUR"),
        ("The bank lent 3.5 million dollars.", "en", 3.5e6, "USD"),
        ("El gobierno entregó 500 millones de pesos al estado.", "es", 5e8, "MXN"),
    ],
)
def test_a_sum_of_money_is_read_with_its_currency(text, lang, value, currency):
    found = context.amount_in(text, lang)
    assert found is not None and (found["value"], found["currency"]) == (value, currency)


def test_no_currency_no_amount():
    assert context.amount_in("He scored 3 goals in 2 games.", "en") is None
    assert context.amount_in("A sum of $16bn.", "xx-none") is None  # no such pack: no context


def test_issue_topics_place_and_money_reach_the_document_json(read):
    doc = read("Britain agreed to give Kenya a £2.5m grant for malaria programmes at talks in Nairobi on Monday.", "2005-02-01")
    names = {e["id"]: e["name"] for e in doc["entities"]}
    aid = next(v for v in doc["events"] if v["type"] in ("AID", "AGREE"))
    assert aid["context"] == "health" and aid["topic"] == {"code": "disease", "text": "malaria"}
    assert aid["amount"]["value"] == 2.5e6 and aid["amount"]["currency"] == "GBP"
    assert names[aid["location"]] == "Nairobi"


def test_an_exclusion_takes_a_topic_back(read):
    doc = read("The minister praised the exchange student from Peru.", "2005-02-01")
    assert all(v.get("topic", {}).get("code") != "exchange_rate" for v in doc["events"])


def test_a_party_is_not_the_place(read):
    doc = read("Tony Blair met Jacques Chirac in France on Monday.", "2005-02-01")
    names = {e["id"]: e["name"] for e in doc["entities"]}
    meeting = next(v for v in doc["events"] if v["type"] == "CONSULT")
    assert names.get(meeting.get("location")) == "France"
    doc = read("Tony Blair visited France on Monday.", "2005-02-01")
    assert all("location" not in v for v in doc["events"])
