"""Document-level consolidation: one entity per actor, with the reason of every merge."""

import pytest


def _by_name(doc):
    return {e["name"]: e for e in doc["entities"]}


def test_surname_joins_full_name_and_takes_its_type(read):
    doc = read("Javier Milei arrived in Madrid. Later, Milei met the king. Milei left on Sunday.")
    people = [e for e in doc["entities"] if e["type"] == "Person"]
    milei = _by_name(doc)["Javier Milei"]
    assert milei["type"] == "Person"
    assert "Milei" in milei["aliases"]
    assert {m["merged_by"] for m in milei["mentions"]} >= {"surname"}
    assert len([p for p in people if "Milei" in p["name"]]) == 1


def test_honorific_is_not_part_of_the_name(read):
    doc = read("Elon Musk spoke on Monday. Mr Musk said little.")
    musk = _by_name(doc)["Elon Musk"]
    assert any(m["text"] == "Musk" for m in musk["mentions"])


def test_a_political_leaning_before_a_name_is_not_part_of_it(read):
    """ "Tory John Roe", tagged as one name, is John Roe."""
    doc = read("Tory John Roe said his party offered a clear choice.")
    assert "John Roe" in _by_name(doc)


def test_a_leaning_the_tagger_left_out_of_a_party_name_is_part_of_it(read):
    """ "Liberal Democrat spokesman John Roe": the party is "Liberal Democrat", not "Democrat", and the title
    after it is the ROLE's."""
    doc = read("Liberal Democrat transport spokesman John Roe criticised the new rail timetable on Friday.")
    names = _by_name(doc)
    assert "Liberal Democrat" in names and "Democrat" not in names
    (role,) = [r for r in doc["roles"] if r["org"] == names["Liberal Democrat"]["id"]]
    assert role["title"] == "transport spokesman"


def test_country_names_are_one_entity(read):
    doc = read("The United States criticised Iran. The US also sanctioned Iran's banks.")
    us = [e for e in doc["entities"] if e.get("country") == "US"]
    assert len(us) == 1 and us[0]["type"] == "Country"


def test_demonym_and_government_refer_to_the_country(read):
    doc = read("Israel's government signed a deal. The Israeli military was deployed.")
    israel = [e for e in doc["entities"] if e.get("country") == "IL"]
    assert len(israel) == 1
    kinds = {r["merged_by"] for r in israel[0]["references"]}
    assert "government_of" in kinds


def test_pronoun_resolves_to_person(read):
    doc = read("Angela Merkel visited Paris. She met the French president.")
    merkel = _by_name(doc)["Angela Merkel"]
    assert any(r["kind"] == "pronoun" and r["text"] == "She" for r in merkel["references"])


def test_descriptor_with_owner_resolves_through_role(read):
    doc = read("Argentina's President Javier Milei flew to Rome. Argentina's president later met the Pope.")
    milei = _by_name(doc)["Javier Milei"]
    assert any(r["merged_by"] == "role_descriptor" for r in milei["references"])


def test_the_company_refers_to_a_company(read):
    doc = read("Nokia cut 500 jobs. The company said sales fell.")
    nokia = _by_name(doc)["Nokia"]
    assert nokia["type"] == "Company"
    assert any(r["merged_by"] == "descriptor" for r in nokia["references"])


def test_acronym_joins_expansion(read):
    doc = read("The World Health Organization warned of a pandemic. The WHO urged calm.")
    who = [e for e in doc["entities"] if e["name"] == "World Health Organization"]
    assert who and any(m["merged_by"] == "acronym" for m in who[0]["mentions"])


def test_a_short_form_of_each_word_joins_the_full_name(nlp):
    """ "The Prog Dems" after "The Progressive Democrat" (``shortens``: each word shortened; "dems" a plural of
    a short form)."""
    out = _tagged(nlp, "The Progressive Democrat won the vote. The Prog Dems said turnout was high.", [(1, 3, "ORG"), (8, 10, "ORG")])
    (party,) = out["entities"]
    assert party["name"] == "Progressive Democrat" and "abbreviation" in {m["merged_by"] for m in party["mentions"]}


def test_acronym_with_an_ampersand_joins_its_expansion(read):
    doc = read("Acmex & Bolton said sales fell in December. Shares in A&B dropped 5% after the news.")
    firm = _by_name(doc)["Acmex & Bolton"]
    assert "A&B" in firm["aliases"] and "A&B" not in _by_name(doc)


def test_public_body_and_company_types(read):
    doc = read("The Ministry of Defence signed a contract with Lockheed Martin Corp. on Monday.")
    types = {e["name"]: e["type"] for e in doc["entities"]}
    assert types.get("the Ministry of Defence", types.get("Ministry of Defence")) == "PublicBody"


def test_actor_phrase_is_an_alias_of_its_owner(read):
    doc = read("British soldiers attacked Iraqi civilians on Monday.")
    by_name = _by_name(doc)
    assert "British soldiers" in by_name["United Kingdom"]["aliases"]


def test_titled_name_is_an_alias(read):
    doc = read("President Abdelaziz Bouteflika said he is prepared to lift the ban.")
    assert "President Abdelaziz Bouteflika" in _by_name(doc)["Abdelaziz Bouteflika"]["aliases"]


def test_one_word_name_before_company_title_is_the_company(read):
    doc = read("Tesla CEO Elon Musk praised Argentina on Monday.")
    assert _by_name(doc)["Tesla"]["type"] in ("Company", "Organization")


def test_camel_case_name_is_an_organisation(read):
    doc = read("Sam Altman of OpenAI met Javier Milei.")
    assert _by_name(doc)["OpenAI"]["type"] in ("Company", "Organization")


def test_actor_phrase_alias_has_no_numbers(read):
    doc = read("Irish nationalist guerrillas wounded two British soldiers on Thursday, police said.")
    aliases = _by_name(doc)["United Kingdom"]["aliases"]
    assert "British soldiers" in aliases and "two British soldiers" not in aliases


def test_constituent_countries_from_pycountry(read):
    doc = read("Scotland beat England at Murrayfield on Saturday.")
    by_name = _by_name(doc)
    assert by_name["Scotland"]["type"] == "Country" and by_name["Scotland"]["country"] == "GB-SCT"


def test_honorific_makes_a_person(read):
    doc = read("A UN spokesman said Mr Guterres would travel to Kyiv.")
    assert _by_name(doc)["Guterres"]["type"] == "Person"


def test_legal_suffix_joins_short_name(read):
    doc = read("Apple Inc. reported record sales on Monday. Apple said demand was strong.")
    apple = _by_name(doc)["Apple Inc."]
    assert "Apple" in apple["aliases"] and "short_name" in {m["merged_by"] for m in apple["mentions"]}


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        ("Baikal Finance Group won the auction on Sunday. Little is known about Baikal, which paid the sum.", "Baikal Finance Group", "Baikal"),
        ("Migration Watch UK published a report. Migration Watch said the figures were wrong.", "Migration Watch UK", "Migration Watch"),
    ],
)
def test_first_words_of_an_organisation_the_ner_took_for_a_person_are_its_short_name(read, text, full, short):
    by_name = _by_name(read(text))
    assert short not in by_name and by_name[full]["type"] != "Person"
    assert short in by_name[full]["aliases"]


def test_a_surname_shared_with_an_organisation_stays_the_persons(read):
    by_name = _by_name(read("Morgan Widgets fired Jane Morgan. Morgan said she would sue."))
    assert "Morgan" in by_name["Jane Morgan"]["aliases"]


def test_fronted_adverb_is_cut_from_a_name(read):
    """Without the comma the NER takes "However Roddick" for one name."""
    doc = read("However Roddick won the final in Paris on Sunday.")
    assert "Roddick" in {e["name"] for e in doc["entities"]}
    assert not any(e["name"].startswith("However") for e in doc["entities"])


def test_a_members_noun_opening_the_sentence_is_cut_from_a_name(read):
    """ "Skipper Roe", "Centre Parkinson": the noun is capitalised only because it opens the sentence."""
    doc = read("Wales lost on Saturday. Centre Parkinson has only a slim chance of playing. Skipper Roe said the team was ready.")
    names = {e["name"] for e in doc["entities"]}
    assert {"Parkinson", "Roe"} <= names
    assert not any(n.startswith(("Centre", "Skipper")) for n in names)


def test_sentence_initial_adverb_is_no_name(read):
    doc = read("Javier Milei arrived in Madrid. Later, Milei met the king.")
    assert "Later" not in _by_name(doc)


def test_one_word_name_after_of_a_person_is_an_organisation(read):
    doc = read("The president will meet Sundar Pichai of Google and Tim Cook of Apple.")
    by_name = _by_name(doc)
    assert by_name["Google"]["type"] in ("Company", "Organization") and by_name["Apple"]["type"] in ("Company", "Organization")


def test_a_members_word_before_a_person_refers_to_the_collective(read):
    doc = read("Progressive pollster Jane Doe said the Progressives were ahead.")
    party = _by_name(doc)["Progressives"]
    assert party["type"] == "Organization"  # a party, not an unnamed group
    assert any(r["text"] == "Progressive" and r["merged_by"] == "member_word" for r in party["references"])


def test_a_members_word_before_a_thing_is_no_reference(read):
    doc = read("Progressive reforms were welcomed by the Progressives.")
    assert not any(r.get("merged_by") == "member_word" for e in doc["entities"] for r in e.get("references", []))


def test_a_word_before_a_members_title_and_a_name_is_an_organisation(read):
    doc = read("Northwind singer Jane Doe released a new record.")
    assert _by_name(doc)["Northwind"]["type"] == "Organization"


def _tagged(nlp, text: str, ents: list[tuple[int, int, str]]) -> dict:
    """``text`` read by the pipeline with the entity tagger's spans set by hand (a MISC word the tagger gives)."""
    from spacy.tokens import Span

    from newsgraph.nlp.document import to_document

    later = nlp.pipe_names[nlp.pipe_names.index("news_ner") :]
    with nlp.select_pipes(disable=later):
        doc = nlp(text)
    doc.ents = [Span(doc, a, b, label) for a, b, label in ents]
    for name in later[1:]:
        doc = nlp.get_pipe(name)(doc)
    return to_document(doc, {"id": "t"})


def test_a_members_word_of_no_named_collective_names_the_party(nlp):
    """ "Socialist leader Jane Doe" with no "the Socialists": the tagger's MISC word, a political leaning, is
    the party (an organisation named by the word, all of its mentions references, not names), and she holds
    a ROLE in it."""
    out = _tagged(nlp, "Socialist leader Jane Doe said the plan would fail.", [(0, 1, "MISC"), (2, 4, "PER")])
    party = _by_name(out)["Socialist"]
    assert (party["type"], party["mentions"]) == ("Organization", [])
    assert [r["merged_by"] for r in party["references"]] == ["member_word"]
    assert [(r["pattern"], r["title"]) for r in out["roles"] if r["org"] == party["id"]] == [("org_title_name", "leader")]


def test_a_word_that_is_no_political_leaning_names_no_party(nlp):
    out = _tagged(nlp, "Catholic priest Jane Doe said the plan would fail.", [(0, 1, "MISC"), (2, 4, "PER")])
    assert [e["name"] for e in out["entities"]] == ["Jane Doe"] and not out["roles"]


def test_a_first_name_the_tagger_left_out_at_a_sentences_start_is_part_of_the_name(nlp):
    """ "Amber Roe opened …": a first name that is also a word, opening the sentence, tagged apart."""
    out = _tagged(nlp, "Amber Roe opened the new library in Northfield on Friday.", [(1, 2, "PER")])
    assert [e["name"] for e in out["entities"]] == ["Amber Roe"]


@pytest.mark.parametrize("word", ["Senator", "Goalkeeper", "Skipper"])
def test_a_title_before_a_surname_at_a_sentences_start_stays_out_of_the_name(nlp, word):
    out = _tagged(nlp, f"{word} Roe opened the new library in Northfield on Friday.", [(1, 2, "PER")])
    assert [e["name"] for e in out["entities"]] == ["Roe"]


def test_a_name_whose_shares_are_traded_is_a_company(nlp):
    """ "Shares in Acmex rose": a name the tagger took for a person is a company (``share_nouns``)."""
    out = _tagged(nlp, "Shares in Acmex rose on Monday after Acmex said sales grew.", [(2, 3, "PER"), (7, 8, "PER")])
    assert [(e["name"], e["type"], e["type_reason"]) for e in out["entities"]] == [("Acmex", "Company", "listed")]


def test_a_holder_of_shares_stays_a_person(nlp):
    out = _tagged(nlp, "Jane Doe's shares in Acmex rose on Monday.", [(0, 2, "PER"), (5, 6, "PER")])
    assert [(e["name"], e["type"]) for e in out["entities"]] == [("Jane Doe", "Person"), ("Acmex", "Company")]


def test_the_article_of_the_next_phrase_is_no_part_of_a_name(nlp):
    out = _tagged(nlp, "The board rejected a bid from Acmex - the biggest yet.", [(6, 9, "ORG")])
    assert [e["name"] for e in out["entities"]] == ["Acmex"]


def test_two_names_that_share_a_word_are_not_short_forms_of_each_other(read):
    doc = read("Acmex Cars and Acmex Cargo both reported losses on Monday.")
    assert not any(m["merged_by"] == "abbreviation" for e in doc["entities"] for m in e["mentions"])


def test_a_person_who_shares_a_view_stays_a_person(nlp):
    out = _tagged(nlp, "Jane Doe shares the view that prices will rise.", [(0, 2, "PER")])
    assert [(e["name"], e["type"]) for e in out["entities"]] == [("Jane Doe", "Person")]


@pytest.mark.parametrize(
    "text, span, label, name",
    [
        ("The figures came from the Office for Widget Statistics (OWS) on Monday.", (5, 11), "ORG", "Office for Widget Statistics"),
        ("Jane Roe - who spoke on Friday - said the plan would work.", (0, 4), "PER", "Jane Roe"),
    ],
)
def test_a_bracket_or_a_spaced_dash_the_tagger_ran_on_into_ends_a_name(nlp, text, span, label, name):
    names = _by_name(_tagged(nlp, text, [(*span, label)]))
    assert name in names
    assert not any("(" in n or " - " in n for n in names)


@pytest.mark.parametrize(
    "text, span, name",
    [
        ("Mary Lewis-Harper won the race in Leeds.", (0, 4), "Mary Lewis-Harper"),  # a hyphen inside a name
        ("The Ruritania - Borduria team won the cup.", (1, 4), "Ruritania - Borduria"),  # a spaced dash between names
    ],
)
def test_a_dash_between_two_parts_of_a_name_does_not_end_it(nlp, text, span, name):
    assert name in _by_name(_tagged(nlp, text, [(*span, "LOC")]))


def test_two_proper_nouns_after_a_members_title_are_a_name_of_a_person(nlp):
    """ "Acme striker Jane Doe": the tagger's place or organisation there votes for a person."""
    from newsgraph.nlp.entities import EntityConsolidator

    doc = nlp("Acme striker Jane Doe said the plan was good.")
    step = EntityConsolidator("en")
    assert step._after_member_title(doc, 2)
    assert not step._after_member_title(doc, 1)  # "striker" itself follows no title
