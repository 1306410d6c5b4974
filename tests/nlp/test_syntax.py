"""Dependency-parse helpers (src/newsgraph/nlp/syntax.py) on sentences parsed by the English pipeline
(ClearNLP labels).  Each test names the parse it relies on; every sentence is made up for the test."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from newsgraph.nlp.syntax import (
    INHERITS_SUBJECT,
    LIST_INTRODUCERS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    argument_candidates,
    fan_out,
    governing_verb,
    is_passive,
    passive_agent,
    prep_objects,
    sentence_of,
    subject_of,
    without_determiners,
)


@pytest.fixture(scope="module")
def parse(nlp):
    """``parse(text) -> Doc`` with the English pipeline (conftest's ``nlp``)."""
    return nlp


def tok(doc: Doc, word: str, nth: int = 0) -> Token:
    """The ``nth`` token whose text is ``word``."""
    return [t for t in doc if t.text == word][nth]


def texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def test_label_sets():
    """The dependency labels the helpers (and the components) treat as subjects and relative pronouns."""
    assert SUBJECT_DEPS == ("nsubj", "nsubjpass", "csubj")
    assert {"xcomp", "conj", "advcl", "ccomp", "prep", "pobj"} <= set(INHERITS_SUBJECT)
    assert RELATIVE_PRONOUNS == {"who", "which", "that"}
    assert {"such as", "including"} <= LIST_INTRODUCERS


# --- subject_of -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, verb, subject",
    [
        ("Jane Doe met Peru.", "met", "Doe"),  # its own nsubj (the head of "Jane Doe")
        ("Jane Doe wants to meet Peru.", "meet", "Doe"),  # xcomp of a control verb
        ("Jane Doe arrived, met Peru and left.", "met", "Doe"),  # conjunct
        ("Jane Doe arrived, met Peru and left.", "left", "Doe"),  # conjunct of a conjunct
        ("Jane Doe said that Peru would meet Chile.", "meet", "Peru"),  # a ccomp with its own subject
        ("Jane Doe promised to visit Peru after meeting Chile.", "meeting", "Doe"),  # pcomp -> prep -> xcomp -> root
        ("France was criticised by Germany.", "criticised", "France"),  # the passive subject, not the agent
        ("Jane Doe is set to meet Peru.", "meet", "Doe"),  # passive subject of a control verb
    ],
)
def test_subject_of_climbs_to_the_clause_subject(parse, text, verb, subject):
    """The subject of a verb's clause, through control verbs, conjuncts, complement and prepositional clauses."""
    doc = parse(text)
    assert subject_of(tok(doc, verb)).text == subject


def test_subject_of_a_relative_clause_is_the_noun_it_modifies(parse):
    """ "Jane Doe, who met Peru, ...": the relative pronoun stands for "Doe"."""
    doc = parse("Jane Doe, who met Peru, left early.")
    assert subject_of(tok(doc, "met")).i == tok(doc, "Doe").i


def test_subject_of_a_relative_clause_with_its_own_subject(parse):
    """ "The deal that Peru signed": the relative clause's own (non-relative) subject is kept."""
    doc = parse("The deal that Peru signed collapsed.")
    assert subject_of(tok(doc, "signed")).text == "Peru"


def test_subject_of_a_nominal_owner(parse):
    """ "The group's success in reaching out to Peru": the owner of a noun on the way up acts."""
    doc = parse("The group's success in reaching out to Peru surprised analysts.")
    assert subject_of(tok(doc, "reaching")).text == "group"


def test_subject_of_a_verb_with_no_subject(parse):
    """An imperative root has no subject."""
    doc = parse("Please meet Peru.")
    assert subject_of(tok(doc, "meet")) is None


def test_subject_of_stops_after_max_hops(parse):
    """``max_hops`` bounds the climb: one hop from "meet" does not reach "wants"'s subject."""
    doc = parse("Jane Doe wants to meet Peru.")
    assert subject_of(tok(doc, "meet"), max_hops=2).text == "Doe"
    assert subject_of(tok(doc, "meet"), max_hops=1) is None


# --- passives -------------------------------------------------------------------------------------------
def test_passive_agent_and_is_passive(parse):
    """ "was criticised by Germany": a passive verb and its ``by`` object."""
    doc = parse("France was criticised by Germany.")
    verb = tok(doc, "criticised")
    assert is_passive(verb) is True
    assert passive_agent(verb).text == "Germany"


def test_active_verb_has_no_agent(parse):
    """An active verb is not passive and has no agent."""
    doc = parse("Germany criticised France.")
    verb = tok(doc, "criticised")
    assert is_passive(verb) is False and passive_agent(verb) is None


def test_passive_with_an_object(parse):
    """ "was given a medal by Peru": passive, agent Peru."""
    doc = parse("Jane Doe was given a medal by Peru.")
    verb = tok(doc, "given")
    assert is_passive(verb) and passive_agent(verb).text == "Peru"


# --- fan_out --------------------------------------------------------------------------------------------
def test_fan_out_conjuncts(parse):
    """A coordinated list fans out to every member, in text order."""
    doc = parse("Jane Doe met Peru, Chile and Bolivia.")
    assert texts(fan_out(tok(doc, "Peru"))) == ["Peru", "Chile", "Bolivia"]


def test_fan_out_of_a_lone_token(parse):
    """A token with no list is itself."""
    doc = parse("Jane Doe met Peru.")
    assert texts(fan_out(tok(doc, "Peru"))) == ["Peru"]


def test_fan_out_apposition(parse):
    """ "her rival, John Smith": an apposition is a member too."""
    doc = parse("Jane Doe met her rival, John Smith.")
    assert texts(fan_out(tok(doc, "rival"))) == ["rival", "Smith"]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe criticised countries such as Peru and Chile.",
        "Jane Doe criticised several countries, including Peru and Chile.",
    ],
)
def test_fan_out_list_introducers(parse, text):
    """ "such as" / "including" examples (and their conjuncts) are members."""
    doc = parse(text)
    assert texts(fan_out(tok(doc, "countries"))) == ["countries", "Peru", "Chile"]


def test_fan_out_mixes_conjuncts_and_examples(parse):
    """Conjuncts and an "including" example of the list are all members."""
    doc = parse("Jane Doe met John Smith and Peru, including Lima.")
    assert texts(fan_out(tok(doc, "Smith"))) == ["Smith", "Peru", "Lima"]


def test_fan_out_ignores_other_prepositions(parse):
    """An ordinary preposition ("with Peru") is not a list."""
    doc = parse("Jane Doe held talks with Peru.")
    assert texts(fan_out(tok(doc, "talks"))) == ["talks"]


# --- prep_objects ---------------------------------------------------------------------------------------
def test_prep_objects_of_the_named_prepositions(parse):
    """ "met with John Smith in Lima": objects of "with" on the verb; "in" hangs from Smith, not the verb."""
    doc = parse("Jane Doe met with John Smith in Lima.")
    met = tok(doc, "met")
    assert texts(prep_objects(met, ("with",))) == ["Smith"]
    assert texts(prep_objects(met, ("in",))) == []
    assert texts(prep_objects(tok(doc, "Smith"), ["in"])) == ["Lima"]


def test_prep_objects_of_a_noun(parse):
    """ "sanctions on Peru": a noun's preposition."""
    doc = parse("Jane Doe imposed sanctions on Peru.")
    assert texts(prep_objects(tok(doc, "sanctions"), ("on",))) == ["Peru"]


def test_prep_objects_dative_and_agent(parse):
    """ "sent aid to Peru" (``dative``) and "criticised by Germany" (``agent``) count as prepositions."""
    doc = parse("Jane Doe sent aid to Peru.")
    assert texts(prep_objects(tok(doc, "sent"), ("to",))) == ["Peru"]
    doc = parse("France was criticised by Germany.")
    assert texts(prep_objects(tok(doc, "criticised"), ("by",))) == ["Germany"]


def test_prep_objects_clause_object(parse):
    """ "talked about meeting Peru": a ``pcomp`` is an object too."""
    doc = parse("Jane Doe talked about meeting Peru.")
    assert texts(prep_objects(tok(doc, "talked"), ("about",))) == ["meeting"]


# --- governing_verb -------------------------------------------------------------------------------------
def test_governing_verb_of_an_object(parse):
    """ "held talks": the verb a noun hangs from."""
    doc = parse("Jane Doe held talks with Peru.")
    assert governing_verb(tok(doc, "talks")).text == "held"
    assert governing_verb(tok(doc, "Peru")).text == "held"  # Peru -> with -> talks -> held


def test_governing_verb_through_a_preposition(parse):
    """ "faced upheaval over a contract" -> faced."""
    doc = parse("Acme Corp faced upheaval over a contract.")
    assert governing_verb(tok(doc, "contract")).text == "faced"


def test_governing_verb_of_a_verbless_sentence(parse):
    """A nominal root has no governing verb, nor do the nouns under it."""
    doc = parse("Talks in Lima.")
    assert governing_verb(tok(doc, "Talks")) is None
    assert governing_verb(tok(doc, "Lima")) is None


def test_governing_verb_max_hops(parse):
    """ "Lima" is four hops from "met" (in -> Smith -> with -> met): three are not enough."""
    doc = parse("Jane Doe met with John Smith in Lima.")
    lima = tok(doc, "Lima")
    assert governing_verb(lima).text == "met"
    assert governing_verb(lima, max_hops=3) is None


# --- sentence_of ----------------------------------------------------------------------------------------
def test_sentence_of(parse):
    """Token bounds of the sentence holding a token."""
    doc = parse("Jane Doe met Peru. Chile criticised Bolivia.")
    assert sentence_of(tok(doc, "Peru")) == (0, 5)
    assert sentence_of(tok(doc, "Bolivia")) == (5, 9)


# --- argument_candidates --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, pred, expected",
    [
        # the nouns inside an xcomp
        ("Jane Doe threatened to ban voting in Peru.", "threatened", ["voting", "Peru"]),
        # a ccomp's subject first, then its nouns
        ("Jane Doe demanded that Peru cancel the vote.", "demanded", ["Peru", "vote"]),
        # the nouns of the object and its prepositional phrase (compounds skipped)
        ("The court dismissed an appeal from Acme Corp.", "dismissed", ["appeal", "Corp."]),
        # a relative clause inside the object is skipped
        ("Jane Doe criticised the deal that Peru signed.", "criticised", ["deal"]),
        # a passive subject is a candidate; the agent is not
        ("Jane Doe was given a medal by Peru.", "given", ["Doe", "medal"]),
        # the subject is never a candidate
        ("Jane Doe left.", "left", []),
    ],
)
def test_argument_candidates(parse, text, pred, expected):
    """Undergoer candidates of a predicate, nearest first, each once."""
    doc = parse(text)
    assert texts(argument_candidates(tok(doc, pred))) == expected


# --- without_determiners --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("The two British soldiers left.", 0, 4, "British soldiers"),  # determiner and number
        ("Her three aides stayed.", 0, 3, "aides"),  # possessive pronoun and number
        ("British soldiers left.", 0, 2, "British soldiers"),  # nothing to drop
        ("The two left.", 0, 2, "two"),  # the last token is always kept
        ("The army left.", 0, 1, "The"),
    ],
)
def test_without_determiners(parse, text, start, end, expected):
    """Leading determiners, numbers, possessive pronouns and punctuation are dropped, never the last token."""
    doc = parse(text)
    out = without_determiners(doc[start:end])
    assert out.text == expected and out.end == end
