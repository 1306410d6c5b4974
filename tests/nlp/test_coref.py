"""The English reference resolver ``newsgraph_coref`` (src/newsgraph/nlp/coref.py): pronouns, descriptors
("the president", "the company") and owned descriptors ("Chile's president") joined to the entity they
refer to, by salience (subjects of the current and two previous sentences first, then the latest mention),
and the events that then get the resolved actor.  Every sentence here is made up for the test."""

from __future__ import annotations

import pytest
from conftest import edges

from newsgraph import extract
from newsgraph import ontology as ont
from newsgraph.nlp.coref import WINDOW, ReferenceResolver, Seen, is_subject
from newsgraph.nlp.extraction import ExtractedEntity, Extraction, extraction

PUBLISHED = "2024-05-27"


def entity(doc: dict, name: str) -> dict:
    found = [e for e in doc["entities"] if e["name"] == name]
    assert len(found) == 1, (name, [e["name"] for e in doc["entities"]])
    return found[0]


def refs(doc: dict, name: str) -> list[tuple[str, str, str]]:
    """(text, kind, merged_by) of the references of the entity called ``name``."""
    return [(r["text"], r["kind"], r["merged_by"]) for r in entity(doc, name)["references"]]


def all_refs(doc: dict) -> list[tuple[str, str, str]]:
    return [(r["text"], r["kind"], r["merged_by"]) for e in doc["entities"] for r in e["references"]]


# --- person pronouns ------------------------------------------------------------------------------------
def test_pronoun_joins_the_person_subject_of_the_previous_sentence(read):
    """ "She" joins the person subject before it, as a ``pronoun`` reference with its own character span."""
    text = "Jane Doe visited Lima. She met Peru."
    doc = read(text, published=PUBLISHED)
    jane = entity(doc, "Jane Doe")
    assert [(r["text"], r["kind"], r["merged_by"]) for r in jane["references"]] == [("She", "pronoun", "pronoun")]
    r = jane["references"][0]
    assert text[r["start"] : r["end"]] == "She"
    assert jane["aliases"] == []  # a pronoun is not an alias


def test_event_of_a_pronoun_gets_the_resolved_person(read):
    """The event whose subject is a resolved pronoun has the person as its source."""
    assert ("CONSULT", "Jane Doe", "Peru", "occurred") in edges(read("Jane Doe visited Lima. She met Peru."))


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Jane Doe arrived in Lima. She said she would meet Peru. Her aides praised herself.", "Jane Doe", ["She", "she", "Her", "herself"]),
        ("John Smith arrived in Lima. His aides praised him. He thanked himself.", "John Smith", ["His", "him", "He", "himself"]),
    ],
)
def test_every_person_pronoun_form(read, text, name, expected):
    """he/him/his/himself and she/her/herself (subject, object, possessive, reflexive) all resolve."""
    assert refs(read(text), name) == [(t, "pronoun", "pronoun") for t in expected]


def test_subject_is_preferred_over_a_later_object(read):
    """The subject of the previous sentence wins over a person mentioned after it."""
    doc = read("Jane Doe met John Smith. She criticised Chile.")
    assert refs(doc, "Jane Doe") == [("She", "pronoun", "pronoun")]
    assert refs(doc, "John Smith") == []
    assert ("ACCUSE", "Jane Doe", "Chile", "occurred") in edges(doc)


def test_pronoun_gender_is_unknown_without_honorifics(read):
    """No honorific says who is a "he": "He" goes to the salient person (the subject "Jane Doe")."""
    doc = read("Jane Doe met John Smith. He criticised Chile.")
    assert refs(doc, "Jane Doe") == [("He", "pronoun", "pronoun")]
    assert refs(doc, "John Smith") == []


@pytest.mark.parametrize(
    "text, name, pronoun",
    [
        ("Ms Jane Doe met John Smith. He criticised Chile.", "John Smith", "He"),
        ("Jane Doe met Mr Smith. Ms Doe left. He criticised Chile.", "Smith", "He"),
        ("Mr. John Smith met Jane Doe. She criticised Chile.", "Jane Doe", "She"),
    ],
)
def test_a_pronoun_skips_a_person_whose_honorific_says_otherwise(read, text, name, pronoun):
    """ "He" never goes to a person the text calls Ms, nor "she" to a Mr: the next salient person takes it."""
    doc = read(text)
    assert [t for t, _, _ in refs(doc, name)][-1:] == [pronoun]
    assert ("ACCUSE", name, "Chile", "occurred") in edges(doc)


def test_honorifics_of_both_sets_say_nothing(read):
    """A person the text calls both Mr and Ms keeps any pronoun: the honorifics disagree."""
    doc = read("Mr Lee spoke first. Ms Lee spoke last. Lee met John Smith. She criticised Chile.")
    assert ("ACCUSE", "Lee", "Chile", "occurred") in edges(doc)


def test_latest_mention_when_no_person_is_a_subject(read):
    """With no person subject in the window, the most recent person mention is taken."""
    doc = read("Chile praised Jane Doe on Monday. She thanked Peru.")
    assert refs(doc, "Jane Doe") == [("She", "pronoun", "pronoun")]
    assert ("SUPPORT", "Jane Doe", "Peru", "occurred") in edges(doc)


def test_window_reaches_two_sentences_back():
    """The salience window is the current sentence and the two before it."""
    assert WINDOW == 2


def test_antecedent_two_sentences_back_is_found(read):
    """A person two sentences back is still within the window."""
    doc = read("Jane Doe arrived in Lima. The wind blew. She met Peru.")
    assert refs(doc, "Jane Doe") == [("She", "pronoun", "pronoun")]


def test_antecedent_three_sentences_back_is_too_far(read):
    """Three sentences back is outside the window: the pronoun stays unresolved and its event has no source."""
    doc = read("Jane Doe arrived in Lima. The wind blew. The rain fell. She met Peru.")
    assert all_refs(doc) == []
    assert not [v for v in doc["events"] if v["type"] == "CONSULT"]


def test_a_resolved_reference_carries_the_entity_forward(read):
    """A resolved pronoun is itself a mention: a later pronoun within two sentences of it resolves."""
    doc = read("Jane Doe arrived in Lima. She slept. The wind blew. The rain fell. She met Peru.")
    assert [t for t, _, _ in refs(doc, "Jane Doe")] == ["She"]  # the last "She" is 3 sentences after "She slept"
    doc = read("Jane Doe arrived in Lima. She slept. The wind blew. She met Peru.")
    assert [t for t, _, _ in refs(doc, "Jane Doe")] == ["She", "She"]


def test_pronoun_without_any_person_is_left_alone(read):
    """No person before it and no cataphora: no reference, and no event without a source."""
    doc = read("She met Peru on Monday.")
    assert all_refs(doc) == [] and doc["events"] == []


def test_cataphora_of_a_fronted_clause(read):
    """ "As she entered ..., Jane Doe ...": the pronoun before any person is the main clause's person subject."""
    doc = read("As she entered the hall, Jane Doe criticised France.")
    assert refs(doc, "Jane Doe") == [("she", "pronoun", "cataphora")]
    assert ("ACCUSE", "Jane Doe", "France", "occurred") in edges(doc)


# --- its / it / they ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, name",
    [
        ("Acme Corp announced profits. Its shares rose.", "Acme Corp"),
        ("Chile raised taxes. Its economy grew.", "Chile"),
    ],
)
def test_its_refers_to_an_organisation_or_country(read, text, name):
    """ "Its" joins the salient company, organisation, public body or country."""
    assert refs(read(text), name) == [("Its", "pronoun", "pronoun")]


def test_its_never_refers_to_a_person(read):
    """ "Its" is not a person pronoun."""
    assert all_refs(read("Jane Doe spoke. Its economy grew.")) == []


def test_itself_refers_to_the_company(read):
    """ "itself" is a thing pronoun too (here after "the company", itself resolved)."""
    doc = read("Acme Corp sued Chile. The company itself denied it.")
    assert refs(doc, "Acme Corp") == [("company", "descriptor", "descriptor"), ("itself", "pronoun", "pronoun")]


def test_expletive_it_is_not_resolved(read):
    """Bare "it" outside a reported clause ("It is clear that ...") is left alone."""
    assert all_refs(read("Acme Corp grew fast. It is clear that growth slowed.")) == []


def test_it_subject_of_a_reported_clause_is_the_reporter(read):
    """ "Germany says it will ...": "it" is the (non-person) subject of the reporting verb, and acts."""
    doc = read("Germany says it will meet France.")
    assert refs(doc, "Germany") == [("it", "pronoun", "reporting_subject")]
    assert ("CONSULT", "Germany", "France", "planned") in edges(doc)


def test_it_after_a_person_reporter_is_not_resolved(read):
    """A person reporter is not taken for "it"."""
    assert all_refs(read("Jane Doe says it will rain.")) == []


def test_it_as_an_object_is_not_resolved(read):
    """Within its sentence only a subject "it" of the reported clause is resolved; an object "it" is not."""
    doc = read("Germany said France criticised it.")
    assert all_refs(doc) == []
    assert ("ACCUSE", "France", "", "occurred") in edges(doc)


def test_they_after_a_group_noun_creates_the_group(read):
    """ "The rebels said they would ...": the plural group noun becomes a Group entity that "they" joins."""
    doc = read("The rebels said they would attack Chad.")
    rebels = entity(doc, "rebels")
    assert rebels["type"] == ont.GROUP and rebels["type_reason"] == "group_noun"
    assert refs(doc, "rebels") == [("they", "pronoun", "reporting_subject")]
    assert ("ASSAULT", "rebels", "Chad", "planned") in edges(doc)


def test_no_group_without_the_pronoun(read):
    """The group is made for the pronoun: the same reporter without "they" makes none."""
    assert [e["name"] for e in read("The rebels said Chad would fall.")["entities"]] == ["Chad"]


# --- person descriptors ---------------------------------------------------------------------------------
def test_the_president_refers_to_the_person_subject(read):
    """ "The president" joins the salient person subject; the descriptor also becomes an alias; events follow."""
    doc = read("John Smith landed in Rome. The president then met Italy's prime minister.")
    assert refs(doc, "John Smith") == [("president", "descriptor", "descriptor")]
    assert entity(doc, "John Smith")["aliases"] == ["president"]
    assert ("CONSULT", "John Smith", "Italy", "occurred") in edges(doc)


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("The former president met Peru.", "former president"),
        ("The prime minister met Peru.", "prime minister"),
        ("This president met Peru.", "president"),
        ("That minister met Peru.", "minister"),
    ],
)
def test_descriptor_span_drops_the_determiner_and_keeps_modifiers(read, sentence, text):
    """The reference text is the noun and its left modifiers without the/this/that."""
    doc = read("John Smith arrived in Lima. " + sentence)
    assert refs(doc, "John Smith") == [(text, "descriptor", "descriptor")]
    assert ("CONSULT", "John Smith", "Peru", "occurred") in edges(doc)


def test_person_descriptor_needs_a_subject_antecedent(read):
    """Unlike a pronoun, a person descriptor takes only a subject: an object person is not enough."""
    doc = read("Paris welcomed John Smith. The president met Peru.")
    assert all_refs(doc) == []


@pytest.mark.parametrize("sentence", ["A president met Peru.", "The presidents met Peru."])
def test_indefinite_or_plural_descriptor_is_not_resolved(read, sentence):
    """Only a singular noun (NN) with the/this/that refers back."""
    assert all_refs(read("John Smith arrived in Lima. " + sentence)) == []


@pytest.mark.parametrize("sentence", ["The president Jane Doe met Peru.", "The president, Jane Doe, met Peru."])
def test_title_before_a_name_is_not_a_reference(read, sentence):
    """A title right before a name is left to the role component; before ", Name" it is that name's
    apposition: never the person before."""
    doc = read("John Smith arrived in Lima. " + sentence)
    assert refs(doc, "John Smith") == []
    assert refs(doc, "Jane Doe") == ([("president", "descriptor", "apposition")] if "," in sentence else [])
    assert ("CONSULT", "Jane Doe", "Peru", "occurred") in edges(doc)


def test_descriptor_used_as_a_compound_is_skipped(read):
    """ "the company spokesman": "company" is a compound, not a reference; "spokesman" has no person subject."""
    assert all_refs(read("Acme Corp cut jobs. The company spokesman met Peru.")) == []


# --- descriptors with an owner: through ROLE ties -------------------------------------------------------
ROLE_TEXT = "Chile's President Juan Perez flew to Madrid. "


def test_owned_descriptor_goes_to_the_role_holder(read):
    """ "Chile's president" joins the person holding a matching ROLE in Chile (``role_descriptor``)."""
    doc = read(ROLE_TEXT + "Chile's president later met Spain.")
    assert refs(doc, "Juan Perez") == [("Chile's president", "descriptor", "role_descriptor")]
    assert ("CONSULT", "Juan Perez", "Spain", "occurred") in edges(doc)


def test_leader_matches_any_title(read):
    """ "leader" matches a role of any title."""
    doc = read(ROLE_TEXT + "Chile's leader later met Spain.")
    assert refs(doc, "Juan Perez") == [("Chile's leader", "descriptor", "role_descriptor")]


def test_owner_after_of(read):
    """ "the leader of Chile": the owner follows; the reference text is the noun alone."""
    doc = read(ROLE_TEXT + "The leader of Chile later met Spain.")
    assert refs(doc, "Juan Perez") == [("leader", "descriptor", "role_descriptor")]
    assert ("CONSULT", "Juan Perez", "Spain", "occurred") in edges(doc)


@pytest.mark.parametrize("sentence", ["Chile's ambassador later met Spain.", "The minister of Chile later met Spain."])
def test_owned_descriptor_with_another_title_is_not_the_role_holder(read, sentence):
    """A descriptor that is not in the role's title (nor "leader") is not resolved by coref (the owner then acts)."""
    doc = read(ROLE_TEXT + sentence)
    assert refs(doc, "Juan Perez") == []
    assert ("CONSULT", "Chile", "Spain", "occurred") in edges(doc)


def test_owned_descriptor_without_a_role_is_not_resolved(read):
    """With no ROLE in the owner, coref leaves the descriptor (the event component reads it as the owner's)."""
    doc = read("Chile's president met Spain.")
    assert [m for _, _, m in refs(doc, "Chile")] == ["actor_phrase"]


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Acme Corp's spokesman later criticised Chile.", "Acme Corp's spokesman"),
        ("The Acme Corp spokesman later criticised Chile.", "Acme Corp spokesman"),
    ],
)
def test_untitled_role_matches_any_person_descriptor(read, sentence, text):
    """A role with no title ("Juan Perez of Acme Corp") matches any person descriptor, by possessive or compound."""
    doc = read("Juan Perez of Acme Corp met Peru. " + sentence)
    assert refs(doc, "Juan Perez") == [(text, "descriptor", "role_descriptor")]
    assert ("ACCUSE", "Juan Perez", "Chile", "occurred") in edges(doc)


# --- company and organisation descriptors ---------------------------------------------------------------
def test_the_company_refers_to_the_company(read):
    """ "The company" joins the salient company and becomes an alias."""
    doc = read("Acme Corp cut 300 jobs. The company said profits fell.")
    acme = entity(doc, "Acme Corp")
    assert refs(doc, "Acme Corp") == [("company", "descriptor", "descriptor")]
    assert acme["type"] == ont.COMPANY and acme["aliases"] == ["company"]


def test_event_of_a_company_descriptor_gets_the_company(read):
    """Another company noun ("the firm") resolves too, and its event has the company as source."""
    doc = read("Acme Corp cut jobs. The firm also criticised Chile.")
    assert refs(doc, "Acme Corp") == [("firm", "descriptor", "descriptor")]
    assert ("ACCUSE", "Acme Corp", "Chile", "occurred") in edges(doc)


def test_company_descriptor_prefers_the_subject(read):
    """Between two companies, the subject one is taken; a subject "it" of a reported clause then follows it."""
    doc = read("Acme Corp sued Widget Inc. The company said it would appeal.")
    assert refs(doc, "Acme Corp") == [("company", "descriptor", "descriptor"), ("it", "pronoun", "reporting_subject")]
    assert refs(doc, "Widget Inc.") == []


def test_org_descriptor_takes_a_recent_object(read):
    """Unlike a person descriptor, an organisation descriptor takes the latest non-subject mention too."""
    doc = read("Chile criticised the Acme Foundation. The organisation said it was surprised.")
    foundation = entity(doc, "Acme Foundation")
    assert refs(doc, "Acme Foundation") == [("organisation", "descriptor", "descriptor"), ("it", "pronoun", "reporting_subject")]
    assert foundation["type"] == ont.ORGANIZATION


def test_the_company_retypes_an_organisation(read):
    """An Organization referred to as "the company" becomes a Company (``type_reason`` descriptor)."""
    doc = read("Chile criticised the Acme Foundation. The company said it was surprised.")
    foundation = entity(doc, "Acme Foundation")
    assert (foundation["type"], foundation["type_reason"]) == (ont.COMPANY, "descriptor")


@pytest.mark.parametrize("noun, etype", [("company", ont.COMPANY), ("organisation", ont.ORGANIZATION)])
def test_a_place_subject_is_retyped_by_the_descriptor(read, noun, etype):
    """With no organisation in the window, a Location subject ("Lima cut jobs") is the organisation."""
    doc = read(f"Lima cut 500 jobs. The {noun} said sales fell.")
    lima = entity(doc, "Lima")
    assert (lima["type"], lima["type_reason"]) == (etype, "descriptor")
    assert refs(doc, "Lima") == [(noun, "descriptor", "descriptor")]


def test_a_place_object_is_not_retyped(read):
    """The place fallback takes subjects only: a visited place stays a Location."""
    doc = read("Jane Doe visited Lima. The company said sales fell.")
    assert entity(doc, "Lima")["type"] == ont.LOCATION
    assert all_refs(doc) == []


def test_a_country_is_not_the_company(read):
    """Countries are not antecedents of an organisation descriptor."""
    doc = read("Chile raised taxes. The company criticised Chile.")
    assert entity(doc, "Chile")["type"] == ont.COUNTRY and all_refs(doc) == []


def test_indefinite_company_is_not_resolved(read):
    """ "A company" introduces a new actor: no reference."""
    assert all_refs(read("Acme Corp sued Chile. A company criticised Peru.")) == []


# --- the component's record -----------------------------------------------------------------------------
def test_reference_maps_its_head_token_to_the_entity(nlp):
    """A descriptor's mention spans its head token only (its characters cover the phrase), and the head
    token now maps to the entity, which is how the event component finds the actor."""
    doc = nlp("John Smith arrived in Lima. The former president met Peru.")
    ext = extraction(doc)
    head = next(t.i for t in doc if t.text == "president")
    idx = ext.entity_at(head)
    assert idx is not None and ext.entities[idx].name == "John Smith"
    ref = [m for m in ext.entities[idx].mentions if m.kind == "descriptor"]
    assert len(ref) == 1
    m = ref[0]
    assert (m.start, m.end, m.text, m.merged_by, m.label) == (head, head + 1, "former president", "descriptor", "descriptor")
    assert doc.text[m.start_char : m.end_char] == "former president"


def test_coref_runs_between_roles_and_events(nlp):
    """Roles are read before descriptors are resolved, and events after."""
    names = nlp.pipe_names
    assert names.index("newsgraph_roles") < names.index("newsgraph_coref") < names.index("newsgraph_events")


def test_resolver_reads_the_english_lexicons():
    """The resolver's word lists come from the English pack."""
    r = ReferenceResolver("en")
    assert {"president", "leader"} <= r.person_nouns
    assert "company" in r.company_nouns and "organisation" in r.org_nouns
    assert "say" in r.reporting and "rebels" in r.group_nouns


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Jane Doe met Peru.", "Jane", True),  # a compound of the subject
        ("Jane Doe met Peru.", "Doe", True),
        ("Jane Doe met Peru.", "Peru", False),  # an object
        ("France was criticised by Germany.", "France", True),  # a passive subject
        ("Chile's president met Spain.", "Chile", False),  # an owner is not the subject
        ("Jane Doe met her rival, John Smith.", "Smith", False),  # apposition to an object
    ],
)
def test_is_subject(nlp, text, word, expected):
    """``is_subject`` climbs compounds and appositions to a subject dependency, and stops at a possessive."""
    doc = nlp(text)
    assert is_subject(next(t for t in doc if t.text == word)) is expected


# --- salience on a hand-made history --------------------------------------------------------------------
@pytest.fixture
def ext():
    """Two people and a company."""
    return Extraction(entities=[ExtractedEntity("a", "A", ont.PERSON), ExtractedEntity("b", "B", ont.PERSON), ExtractedEntity("c", "C", ont.COMPANY)])


def test_salient_prefers_the_latest_subject(ext):
    """The latest subject in the window wins over a later non-subject mention."""
    history = [Seen(0, 0, True, 0), Seen(3, 1, False, 1)]
    assert ReferenceResolver._salient(ext, history, 1, {ont.PERSON}) == 0


def test_salient_falls_back_to_the_latest_mention(ext):
    """With no subject of the type, the latest mention; none at all with ``subjects_only``."""
    history = [Seen(0, 0, False, 0), Seen(3, 1, False, 1)]
    assert ReferenceResolver._salient(ext, history, 1, {ont.PERSON}) == 1
    assert ReferenceResolver._salient(ext, history, 1, {ont.PERSON}, subjects_only=True) is None


def test_salient_filters_by_type(ext):
    """Only entities of the asked types count."""
    history = [Seen(0, 0, True, 0), Seen(3, 2, True, 1)]
    assert ReferenceResolver._salient(ext, history, 1, {ont.COMPANY}) == 2
    assert ReferenceResolver._salient(ext, history, 1, {ont.COUNTRY}) is None


def test_salient_stops_at_the_window(ext):
    """A mention more than ``WINDOW`` sentences back is not seen."""
    history = [Seen(0, 0, True, 0)]
    assert ReferenceResolver._salient(ext, history, WINDOW, {ont.PERSON}) == 0
    assert ReferenceResolver._salient(ext, history, WINDOW + 1, {ont.PERSON}) is None


def test_an_office_left_unresolved_is_kept_for_the_store():
    doc = extract("Crowds gathered outside the hall. Police closed the roads. The prime minister said the law would stay.")
    assert [(d["text"], d["title"]) for d in doc["descriptors"]] == [("prime minister", "prime minister")]


def test_object_descriptor_is_not_its_own_clause_subject(read):
    doc = read("Acme Corp reported losses on Monday. Northwind Ltd sued the company.")
    assert ("ACCUSE", "Northwind Ltd", "Acme Corp", "occurred") in edges(doc)


def test_object_pronoun_is_not_its_own_clause_subject(read):
    doc = read("John Smith met Jane Doe on Monday. Later, Tom Brown praised him.")
    assert ("SUPPORT", "Tom Brown", "John Smith", "occurred") in edges(doc)


@pytest.mark.parametrize(
    "text, description, name",
    [
        ("The home secretary, John Roe, said the plan would work.", "home secretary", "John Roe"),
        ("The Lord Chancellor, Lord Krastov, agreed the change.", "Lord Chancellor", "Krastov"),
    ],
)
def test_a_description_set_off_before_a_name_is_that_person(text, description, name):
    """ "The home secretary, John Roe, said": the description is a mention of the named person
    (``apposition``), and an office so set is a title the document gives him."""
    doc = extract(text)
    (person,) = [e for e in doc["entities"] if e["name"] == name]
    assert [(r["text"], r["merged_by"]) for r in person["references"]] == [(description, "apposition")]
    assert person["titles"] == [description.lower()]


def test_an_owned_or_indefinite_description_before_a_name_is_not_an_apposition():
    """ "Acmex's chairman, John Roe," is the role component's; "a spokesman, John Roe," no reference."""
    for text in ("Acmex's chairman, John Roe, said sales rose.", "A spokesman, John Roe, said sales rose."):
        doc = extract(text)
        assert not [r for e in doc["entities"] for r in e["references"] if r["merged_by"] == "apposition"]


def test_an_owned_office_nobody_in_the_text_holds_is_kept_for_the_store():
    doc = extract("Rain fell all day. The Scotland coach said his side were robbed.")
    (owner,) = [e["id"] for e in doc["entities"] if e["name"] == "Scotland"]
    assert [(d["text"], d["title"], d["owner"]) for d in doc["descriptors"]] == [("Scotland coach", "coach", owner)]


def test_a_description_after_a_name_is_that_name():
    """ "Jane Doe, the former Northfield coach, said": the description is Jane Doe's (``apposition``)."""
    doc = extract("Jane Doe, the former Northfield coach, said the side would win.")
    (doe,) = [e for e in doc["entities"] if e["name"] == "Jane Doe"]
    assert ("former Northfield coach", "apposition") in [(r["text"], r["merged_by"]) for r in doe["references"]]


def test_a_former_holder_is_not_the_holder_the_text_names():
    """ "The former Northfield coach" is not the person the article calls Northfield's coach."""
    doc = extract("Northfield coach John Roe praised his side on Monday. The former Northfield coach said the team was weak.")
    (roe,) = [e for e in doc["entities"] if e["name"] == "John Roe"]
    assert not [r for r in roe["references"] if "former" in r["text"]]


@pytest.mark.parametrize(
    "text",
    ["After meeting the president, John Roe said the talks went well.", "Despite criticism from the company, Acmex Bank said profits rose."],
)
def test_a_fronted_clause_before_a_name_is_no_apposition(text):
    doc = extract(text)
    assert not [r for e in doc["entities"] for r in e["references"] if r["merged_by"] == "apposition"]


def test_a_former_holder_is_the_one_the_text_calls_former():
    doc = extract("Former Northfield coach John Roe praised his old side on Monday. The former Northfield coach said the team was weak.")
    (roe,) = [e for e in doc["entities"] if e["name"] == "John Roe"]
    assert ("former Northfield coach", "role_descriptor") in [(r["text"], r["merged_by"]) for r in roe["references"]]
    assert [r["title"] for r in doc["roles"]] == ["former coach"]


# --- "it", "they", "them" across sentences -------------------------------------------------------------
def test_it_is_the_organisation_subject_of_the_previous_sentence(read):
    """ "Acme Corp sued Chile. It also criticised Peru.": "it" is the previous main clause's subject, and acts."""
    doc = read("Acme Corp sued Chile on Monday. It also criticised Peru.")
    assert refs(doc, "Acme Corp") == [("It", "pronoun", "previous_subject")]
    assert ("ACCUSE", "Acme Corp", "Peru", "occurred") in edges(doc)


def test_it_object_is_the_previous_subject_unless_bound(read):
    """ "Acme Corp cut 500 jobs. Unions criticised it.": an object "it" too, but never its own clause's subject."""
    doc = read("Acme Corp cut 500 jobs in Chile. The unions criticised it.")
    assert ("it", "pronoun", "previous_subject") in refs(doc, "Acme Corp")
    doc = read("Acme Corp cut 500 jobs in Chile. Acme Corp praised it.")
    assert ("it", "pronoun", "previous_subject") not in all_refs(doc)


def test_they_is_the_group_subject_of_the_previous_sentence(read):
    """ "The rebels took the town. They attacked Chad.": the plural group noun becomes the Group "they" joins."""
    doc = read("The rebels took the town on Sunday. They then attacked Chad.")
    assert refs(doc, "rebels") == [("They", "pronoun", "previous_subject")]
    assert ("ASSAULT", "rebels", "Chad", "occurred") in edges(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp sued Chile. It seems that the case is weak.",  # an impersonal verb
        "Jane Doe sued Chile. It said the case was weak.",  # a person is not "it"
        "Acme Corp and Beta Ltd sued Chile. It said the case was weak.",  # two subjects
        "Acme Corp sued Chile. The case was weak. It said it would appeal.",  # only the previous sentence
        "The rebels took the town. It said the case was weak.",  # a plural is not "it"
    ],
)
def test_it_across_sentences_is_left_alone(read, text):
    """Without one non-person subject of the right number just before, or with an impersonal verb, "it" stays unresolved."""
    assert not [r for r in all_refs(read(text)) if r[2] == "previous_subject"]


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp sued the workers on Monday. They criticised the ruling.",  # "they" is no singular company
        "Acme Corp sued Beta Ltd. After Beta Ltd lost the case, it appealed to Chile.",  # an actor first in its own sentence
        "Acme Corp cut 500 jobs in Chile. Acme Corp sued Beta Ltd and criticised it.",  # binding through "and"
    ],
)
def test_pronoun_across_sentences_stays_alone_when_unclear(read, text):
    """A singular company is not "they"; an actor of the kind before the pronoun in its own sentence makes it
    unclear; a coordinated verb's object is not its subject."""
    assert not [r for r in all_refs(read(text)) if r[2] == "previous_subject"]


def test_them_is_the_group_subject_of_the_previous_sentence(read):
    """ "The rebels took the town. Chad attacked them.": an object "them" joins the group subject before."""
    doc = read("The rebels took the town on Sunday. Chad attacked them on Monday.")
    assert refs(doc, "rebels") == [("them", "pronoun", "previous_subject")]


def test_they_is_a_party_named_by_a_plural(read):
    """An organisation named by a plural ("the Tories") may be "they"."""
    doc = read("The Tories criticised Labour on Monday. They also attacked Chile.")
    assert ("They", "pronoun", "previous_subject") in all_refs(doc)


# --- a nationality noun for one person, and an office not given to someone titled otherwise ---------------
def test_nationality_noun_is_the_salient_person_not_the_country(read):
    """ "The Belgian" alone after "the" is a person of the text (``demonym``), never a reference to Belgium."""
    doc = read("Jane Doe will return to the tour in May. The Belgian has not played since her injury.", published=PUBLISHED)
    assert ("Belgian", "descriptor", "demonym") in refs(doc, "Jane Doe")
    assert not any(r[0] == "Belgian" for e in doc["entities"] if e.get("country") for r in refs(doc, e["name"]))


@pytest.mark.parametrize(
    "text",
    [
        "The Belgian government and Acme Holdings signed a deal.",  # an adjective before a noun
        "Jane Doe said the British would not mind.",  # a collective
        "Jane Doe praised the Belgians.",  # a plural
    ],
)
def test_nationality_word_that_is_no_one_person_stays_the_country(read, text):
    doc = read(text, published=PUBLISHED)
    assert not any(r[2] == "demonym" and r[1] == "descriptor" for r in all_refs(doc))
    assert any(r[1] == "demonym" for e in doc["entities"] if e.get("country") for r in refs(doc, e["name"]))


def test_nationality_noun_prefers_the_person_of_that_nationality(read):
    doc = read("American Mary Roe lost to Belgian Jane Doe in Paris. The Belgian said she was happy.", published=PUBLISHED)
    assert ("Belgian", "descriptor", "demonym") in refs(doc, "Jane Doe")
    assert ("Belgian", "descriptor", "demonym") not in refs(doc, "Mary Roe")


def test_nationality_noun_with_a_person_ending_is_a_person_not_a_name(read):
    """ "The Irishman" is a person of the text, as "the Irish" would be the country: never a name of its own."""
    doc = read("John Roe scored twice for Northfield on Saturday. The Irishman said he was delighted.", published=PUBLISHED)
    assert ("Irishman", "descriptor", "demonym") in refs(doc, "John Roe")
    assert not any(e["name"] == "Irishman" for e in doc["entities"])


def test_office_skips_a_person_the_text_titles_otherwise(read):
    """ "The chancellor" is not the union's general secretary who spoke before: the article gives him another
    title, so the office stays unresolved for the store (``descriptors``) rather than joining him."""
    text = "John Roe, general secretary of the Widget Union, spoke of rivalry. But the chancellor said Mr Roe was never at the meetings."
    doc = read(text, published=PUBLISHED)
    assert ("chancellor", "descriptor", "descriptor") not in refs(doc, "John Roe")
    assert "chancellor" in [d["title"] for d in doc.get("descriptors", [])]


def test_office_joins_the_salient_person_with_no_other_title(read):
    doc = read("John Roe visited the factory on Monday. The chancellor said the plan would work.", published=PUBLISHED)
    assert refs(doc, "John Roe") == [("chancellor", "descriptor", "descriptor")]


@pytest.mark.parametrize(
    "text, name, description",
    [
        ("Acme Holdings outbid Widgetco, the state-owned widget monopoly, to buy the plant.", "Widgetco", "state-owned widget monopoly"),
        ("The chief inspector of widgets, John Roe, said the rules were clear.", "John Roe", "chief inspector of widgets"),
    ],
)
def test_any_definite_description_in_apposition_describes_its_actor(read, text, name, description):
    """Whatever its noun, a definite description set off by commas beside a name is that actor's (``apposition``)."""
    assert (description, "descriptor", "apposition") in refs(read(text, published=PUBLISHED), name)


@pytest.mark.parametrize(
    "text",
    [
        "After meeting the inspector, John Roe said no.",  # a fronted clause
        "A widget monopoly, Acme Holdings, grew.",  # an indefinite
        "Acme Holdings, the day before, said it would sell.",  # time
        "The plan, Acme Holdings and Beta Corp were discussed.",  # a list
    ],
)
def test_an_indefinite_fronted_timed_or_listed_phrase_is_no_apposition(read, text):
    assert not [r for r in all_refs(read(text, published=PUBLISHED)) if r[2] == "apposition"]


def test_a_listed_noun_with_a_modifier_in_apposition_describes_its_actor(read):
    doc = read("The secretary of state for widgets, Jane Doe, said no.", published=PUBLISHED)
    assert ("secretary of state for widgets", "descriptor", "apposition") in refs(doc, "Jane Doe")


def test_an_office_with_a_modifier_before_it_is_another_office():
    resolver = ReferenceResolver("en")
    assert resolver._is_office("chancellor", "chancellor")
    assert not resolver._is_office("shadow chancellor", "chancellor")
    assert not resolver._is_office("tory shadow chancellor", "chancellor")
