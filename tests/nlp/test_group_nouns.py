"""Which common nouns name an unnamed collective actor (src/newsgraph/nlp/group_nouns.py), and the
events they take part in."""

import pytest
from conftest import edges

from newsgraph.nlp.group_nouns import GroupNouns


@pytest.fixture(scope="module")
def groups():
    return GroupNouns("en")


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The creditors wrote to the bank.", "creditors", True),  # an agent suffix, plural
        ("The landlords wrote to the council.", "landlords", True),  # a Phoenix agent noun
        ("The unions wrote to the council.", "unions", True),  # a listed group noun
        ("The government wrote to the council.", "government", True),  # listed, singular
        ("The creditor wrote to the bank.", "creditor", False),  # a singular agent noun is one person, not a group
        ("The papers were sent to the bank.", "papers", True),  # the suffix test is blind to meaning ...
        ("The letters were sent to the bank.", "letters", True),
        ("The Stokers wrote to the bank.", "Stokers", False),  # ... but never a capitalised name
        ("The report was sent to the bank.", "report", False),
    ],
)
def test_names_group(nlp, groups, text, word, expected):
    assert groups.names_group(_token(nlp, text, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("One resident wrote to the council.", "resident", True),  # a Phoenix agent noun, singular agent ending
        ("The employee wrote to the bank.", "employee", True),
        ("The residents wrote to the council.", "residents", False),  # a group, not one person
        ("The agency wrote to the council.", "agency", False),  # an agent noun of Phoenix, but no person's ending
        ("The report was sent to the bank.", "report", False),
    ],
)
def test_names_person(nlp, groups, text, word, expected):
    assert groups.names_person(_token(nlp, text, word)) is expected


def test_agent_plural_is_an_actor(read):
    doc = read("The creditors have asked the government to mediate.")
    assert ("REQUEST", "creditors", "government", "occurred") in edges(doc)


def test_agent_plural_object_is_a_target(read):
    doc = read("Acme Bank accused the insurers of negligence on Monday.")
    assert any(t == "ACCUSE" and s == "Acme Bank" and o == "insurers" for t, s, o, _ in edges(doc))


def test_plural_office_is_its_holders_not_a_group(nlp, groups):
    assert not groups.names_group(_token(nlp, "The presidents of Ruritania and Freedonia spoke by phone.", "presidents"))


def test_plural_office_without_owner_is_a_group(nlp, groups):
    assert groups.names_group(_token(nlp, "The directors wrote to the shareholders.", "directors"))


def test_plural_in_ments_is_not_an_agent(nlp, groups):
    assert not groups.names_group(_token(nlp, "The payments were sent to the bank.", "payments"))


def test_listed_is_the_pack_list_only(nlp, groups):
    assert groups.listed(_token(nlp, "The unions wrote to the council.", "unions"))
    assert not groups.listed(_token(nlp, "The creditors wrote to the bank.", "creditors"))


def test_a_persons_campaign_is_an_organisation_of_its_own(read):
    doc = read("Jane Doe is running for mayor. The Doe campaign accused John Smith of lying.")
    assert ("ACCUSE", "Doe campaign", "John Smith", "occurred") in edges(doc)
    campaign = next(e for e in doc["entities"] if e["name"] == "Doe campaign")
    assert campaign["type"] == "Organization" and campaign["type_reason"] == "owned_collective"
    assert any(e["name"] == "Jane Doe" for e in doc["entities"])  # the person keeps her own node


def test_a_persons_supporters_are_a_group_not_the_person(read):
    doc = read("Jane Doe's supporters criticised John Smith on Monday.")
    assert ("ACCUSE", "Jane Doe's supporters", "John Smith", "occurred") in edges(doc)


def test_an_organisations_members_are_a_group_apart(read):
    doc = read("Acme Corp executives criticised John Smith on Monday.")
    assert ("ACCUSE", "Acme Corp executives", "John Smith", "occurred") in edges(doc)


def test_a_places_collective_acts_for_the_place(read):
    doc = read("French troops attacked the rebels on Monday.")
    assert any(s == "France" for t, s, _, _ in edges(doc) if t == "ASSAULT")


def test_one_collective_per_owner_in_a_document(read):
    doc = read("Jane Doe is running for mayor. The Doe campaign accused John Smith of lying. Later, her campaign criticised Tom Brown.")
    campaigns = [e for e in doc["entities"] if e["type_reason"] == "owned_collective"]
    assert len(campaigns) == 1 and "her campaign" in campaigns[0]["aliases"]
    assert ("ACCUSE", "Doe campaign", "Tom Brown", "occurred") in edges(doc)


def test_member_plurals_name_the_collective(groups):
    assert groups.collectives_of("tory") == ["torys", "tories", "tory party"] and "democrats" in groups.collectives_of("democratic")
    assert groups.collectives_of("ic") == []  # too short to be a member's word
