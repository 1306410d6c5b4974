"""The pair classifier: candidate pairs from the parse, a model stored as JSON, and the edges it adds
(sentences written for these tests)."""

import json

import pytest
from conftest import edges

from newsgraph.lang import load
from newsgraph.nlp.events.pairs import CueTypes, PairClassifier, act_of, candidates, features
from newsgraph.nlp.events.status import clause_chain
from newsgraph.nlp.extraction import extraction
from newsgraph.nlp.pair_model import NONE, PairModel


@pytest.fixture(scope="module")
def types():
    return CueTypes("en")


def _parsed(nlp, text):
    with nlp.select_pipes(disable=["newsgraph_event_pairs"]):
        return nlp(text)


def test_candidates_join_actors_by_their_path(nlp, types):
    doc = _parsed(nlp, "Greenpeace needled Exxon over the spill.")
    ext = extraction(doc)
    names = {i: e.name for i, e in enumerate(ext.entities)}
    pairs = {(names.get(c.source), names.get(c.target)): c for c in candidates(doc, ext, types)}
    c = pairs[("Greenpeace", "Exxon")]
    assert doc[c.trigger].lemma_ == "needle"
    assert "path=nsubj|dobj" in c.features and "lemma=needle" in c.features
    assert ("Exxon", "Greenpeace") in pairs  # both orders are read; the model decides


def test_agent_nouns_are_candidate_actors(nlp, types):
    doc = _parsed(nlp, "Critics needled Exxon over the spill.")
    ext = extraction(doc)
    agents = [c for c in candidates(doc, ext, types) if c.source < 0]
    assert agents and doc[-1 - agents[0].source].text == "Critics"
    assert any(f.startswith("types=agent:") for f in agents[0].features)


@pytest.mark.parametrize(
    "text, noun", [("The government needled Exxon over the spill.", "government"), ("Exxon said the police had needled it.", "police")]
)
def test_a_singular_group_noun_after_the_is_a_candidate_actor(nlp, types, text, noun):
    """ "the government", "the police": a listed group noun in the singular after "the" is a candidate actor."""
    doc = _parsed(nlp, text)
    ext = extraction(doc)
    assert noun in {doc[-1 - k].lower_ for c in candidates(doc, ext, types) for k in (c.source, c.target) if k < 0}


def test_a_singular_noun_without_the_is_no_candidate_actor(nlp, types):
    """ "government spending", "a government": no definite singular collective, no candidate actor."""
    doc = _parsed(nlp, "Exxon needled a government over spending.")
    ext = extraction(doc)
    assert not [c for c in candidates(doc, ext, types) if c.source < 0 or c.target < 0]


def test_a_place_is_a_candidate_with_its_type(nlp, types):
    """A name typed Location is read as a candidate too (the tagger makes places of many organisations), and
    the model sees its type."""
    doc = _parsed(nlp, "Greenpeace needled Brussels over the spill.")
    ext = extraction(doc)
    pairs = [c for c in candidates(doc, ext, types) if c.target >= 0 and ext.entities[c.target].name == "Brussels"]
    assert pairs and any(f.startswith("types=") and f.endswith(">Location") for f in pairs[0].features)


def test_dictionary_types_reach_words_no_training_sentence_had(nlp, types):
    doc = _parsed(nlp, "Greenpeace pilloried Exxon.")
    ext = extraction(doc)
    c = next(c for c in candidates(doc, ext, types) if c.source >= 0 and ext.entities[c.source].name == "Greenpeace")
    assert "cameo=ACCUSE" in c.features and "on_path_cameo=ACCUSE" in c.features  # no hand cue, no training sentence: the dictionary's type


def test_model_probabilities():
    model = PairModel({"classes": ["ACCUSE", NONE], "bias": [0.0, 0.0], "weights": {"lemma=needle": [2.0, -2.0]}, "threshold": 0.5})
    etype, p = model.predict(["bias", "lemma=needle"])
    assert etype == "ACCUSE" and p > 0.9
    assert model.predict(["lemma=other"]) == ("ACCUSE", 0.5)


def test_classifier_adds_an_edge_and_makes_the_group(nlp, tmp_path, monkeypatch):
    model = {"classes": ["ACCUSE", NONE], "bias": [-3.0, 3.0], "weights": {"lemma=needle": [6.0, -6.0]}, "threshold": 0.6}
    clf = PairClassifier("en")
    clf.model = PairModel(model)
    doc = clf(_parsed(nlp, "Critics needled Exxon over the spill."))
    ext = extraction(doc)
    added = [v for v in ext.events if v.cue == "model:needle"]
    assert added, ext.events
    v = added[0]
    assert (ext.entities[v.source[0]].name, ext.entities[v.target[0]].name) == ("Critics", "Exxon")
    assert ext.entities[v.source[0]].type == "Group" and v.confidence >= 0.6 and v.status == "occurred"


def test_a_pack_without_weights_does_nothing():
    assert PairClassifier("es").model is None


def test_the_shipped_weights():
    data = load("event_pairs.json", "en")
    assert NONE in data["classes"] and len(data["bias"]) == len(data["classes"])
    assert 0 < data["threshold"] < 1
    assert all(len(w) == len(data["classes"]) for w in list(data["weights"].values())[:100])
    json.dumps(data)  # plain JSON


# -- ROLE ties -------------------------------------------------------------------------------------------
def test_role_candidates_read_the_words_between(nlp):
    from newsgraph.nlp.role_pairs import TitleWords, role_candidates

    doc = _parsed(nlp, "Acme Corp treasurer Jane Roe resigned on Monday.")
    ext = extraction(doc)
    titles = TitleWords("en")
    cands = {(ext.entities[c.person].name, ext.entities[c.org].name): c for c in role_candidates(doc, ext, titles)}
    c = cands[("Jane Roe", "Acme Corp")]
    assert "between=treasurer" in c.features and "title_between=True" in c.features


def test_role_classifier_adds_a_tie_the_rules_missed(nlp):
    from newsgraph.nlp.role_pairs import RolePairClassifier

    clf = RolePairClassifier("en")
    clf.model = PairModel({"classes": [NONE, "ROLE"], "bias": [0.0, -4.0], "weights": {"between=, who runs": [0.0, 8.0]}, "threshold": 0.5})
    doc = clf(_parsed(nlp, "Jane Roe, who runs Acme Corp, resigned."))
    ext = extraction(doc)
    ties = {(ext.entities[r.person].name, ext.entities[r.org].name, r.pattern[:6]) for r in ext.roles}
    assert ("Jane Roe", "Acme Corp", "model:") in ties


def test_role_classifier_leaves_an_organisation_a_title_binds_to_another_name(nlp):
    from newsgraph.nlp.role_pairs import RolePairClassifier

    clf = RolePairClassifier("en")
    clf.model = PairModel({"classes": [NONE, "ROLE"], "bias": [0.0, 8.0], "weights": {}, "threshold": 0.5})  # says ROLE to everything
    doc = clf(_parsed(nlp, "Acme Corp chairman John Doe praised Jane Roe."))
    ext = extraction(doc)
    ties = {(ext.entities[r.person].name, ext.entities[r.org].name) for r in ext.roles}
    assert ("John Doe", "Acme Corp") in ties and ("Jane Roe", "Acme Corp") not in ties


def test_a_reported_act_takes_its_status_from_the_reported_clause(nlp, types):
    clf = PairClassifier("en")
    reporting = clf.status_cues.reporting

    def status_of(text, source, target, etype):
        doc = _parsed(nlp, text)
        ext = extraction(doc)
        a, b = (next(i for i, e in enumerate(ext.entities) if e.name == n) for n in (source, target))
        ta, tb = (doc[ext.entities[k].mentions[0].start] for k in (a, b))
        trigger, _, _, side = features(ext, types, a, ta, b, tb)
        return trigger.lemma_, clf.status_cues.status(clause_chain(act_of(trigger, side, etype, reporting)), None)

    assert status_of("Greenpeace said it will not support Northwind Energy.", "Greenpeace", "Northwind Energy", "SUPPORT") == ("say", "negated")
    # a speech act is the saying itself: it occurred, whatever the mood of what was said
    assert status_of("Greenpeace said Northwind Energy would wreck the coast.", "Greenpeace", "Northwind Energy", "ACCUSE") == ("say", "occurred")


def test_reported_obligation_read_by_the_model_is_a_request(read):
    """The model reads "said Y must ..." as the saying's ACCUSE; the reported obligation makes it a REQUEST."""
    got = {(t, s, o) for t, s, o, _ in edges(read("John Smith said the Conservatives must explain how they would pay for their plans."))}
    assert ("REQUEST", "John Smith", "Conservatives") in got
    assert ("ACCUSE", "John Smith", "Conservatives") not in got
