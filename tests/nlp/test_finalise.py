"""The last step before the document JSON: what is kept and what is merged (nlp/finalise.py)."""

from newsgraph import ontology as ont
from newsgraph.nlp import finalise
from newsgraph.nlp.extraction import ExtractedEntity, ExtractedMention, ExtractedRole


def _entity(n_mentions: int) -> ExtractedEntity:
    mentions = [ExtractedMention(i, i + 1, i, i + 1, "X", "name", "exact", "PER") for i in range(n_mentions)]
    return ExtractedEntity(key="x", name="X", type=ont.PERSON, mentions=mentions)


def test_an_entity_without_mentions_is_dropped():
    assert finalise.kept_entities([_entity(1), _entity(0), _entity(2)]) == [0, 2]


def test_a_name_without_a_letter_is_no_actor():
    sign, number = _entity(1), _entity(1)
    sign.name, number.name = "£", "1,200"
    assert finalise.kept_entities([sign, _entity(1), number]) == [1]


def test_a_role_needs_both_ends():
    roles = [ExtractedRole(0, 1, "chair", 0, 3, "org_title_name"), ExtractedRole(0, 2, None, 0, 3, "name_of_org")]
    assert finalise.kept_roles(roles, {0: "e1", 1: "e2"}) == roles[:1]


def test_an_interaction_needs_a_source():
    assert finalise.has_source(["e1"]) and not finalise.has_source([])


def test_a_symmetric_interaction_is_one_whichever_side_each_party_is_on():
    assert finalise.interaction_key("CONSULT", ["e1"], ["e2"], ont.OCCURRED) == finalise.interaction_key("CONSULT", ["e2"], ["e1"], ont.OCCURRED)
    assert finalise.interaction_key("ACCUSE", ["e1"], ["e2"], ont.OCCURRED) != finalise.interaction_key("ACCUSE", ["e2"], ["e1"], ont.OCCURRED)
    assert finalise.interaction_key("CONSULT", ["e1"], ["e2"], ont.OCCURRED) != finalise.interaction_key("CONSULT", ["e1"], ["e2"], ont.PLANNED)


def test_merging_adds_a_sentence_once_and_keeps_the_higher_confidence():
    known = {"evidence": [{"start": 0}], "confidence": 0.6}
    finalise.merge_into(known, {"start": 0}, 0.5)
    finalise.merge_into(known, {"start": 40}, 0.8)
    assert known == {"evidence": [{"start": 0}, {"start": 40}], "confidence": 0.8}


def test_a_stated_time_after_publication_makes_an_occurred_interaction_planned():
    friday = {"text": "on Friday", "start": "2024-05-31", "end": "2024-05-31"}
    assert finalise.planned_if_future(ont.OCCURRED, friday, "2024-05-27") == ont.PLANNED
    assert finalise.planned_if_future(ont.OCCURRED, friday, "2024-06-03") == ont.OCCURRED
    assert finalise.planned_if_future(ont.NEGATED, friday, "2024-05-27") == ont.NEGATED
    assert finalise.planned_if_future(ont.OCCURRED, friday, None) == ont.OCCURRED
    assert finalise.planned_if_future(ont.OCCURRED, None, "2024-05-27") == ont.OCCURRED
