"""One test sentence per ROLE pattern (see newsgraph.nlp.roles)."""

import pytest
from conftest import names

CASES = [
    ("Tesla CEO Elon Musk visited Berlin.", "Elon Musk", "Tesla", "CEO"),
    ("Argentina's President Javier Milei visited Madrid.", "Javier Milei", "Argentina", "President"),
    ("Argentinian President, Javier Milei, visited Madrid.", "Javier Milei", "Argentina", "President"),
    ("OpenAI's Sam Altman spoke in London.", "Sam Altman", "OpenAI", None),
    ("Sundar Pichai of Google said the company would hire more engineers.", "Sundar Pichai", "Google", None),
    ("Satya Nadella, chief executive of Microsoft, spoke in London.", "Satya Nadella", "Microsoft", "chief executive"),
    ("Satya Nadella, Microsoft's chief executive, spoke in London.", "Satya Nadella", "Microsoft", "chief executive"),
    ("The president of France, Emmanuel Macron, spoke in London.", "Emmanuel Macron", "France", "president"),
]


#: one sentence per pattern added for CrossRE-style ties (all names made up): sentence, person, organisation, pattern
PATTERN_CASES = [
    ("Jane Doe of the Green Party spoke in Northfield.", "Jane Doe", "Green Party", "name_of_org"),
    ("Jane Doe for the Green Party spoke in Northfield.", "Jane Doe", "Green Party", "name_of_org"),
    ('"Prices will rise," said Jane Doe at the consulting firm Acme Corporation.', "Jane Doe", "Acme Corporation", "name_of_org"),
    ("Jane Doe, formerly of Acme Corporation, joined the board.", "Jane Doe", "Acme Corporation", "name_of_org"),
    ("Jane Doe, a former leader of the Green Party, spoke in Northfield.", "Jane Doe", "Green Party", "name_title_of_org"),
    ("Jane Doe (Green Party) won the seat.", "Jane Doe", "Green Party", "name_paren_org"),
    ("The Green Party (GP) leader Jane Doe spoke in Northfield.", "Jane Doe", "Green Party", "org_title_name"),
    ("The Green Party nominee, Senator Jane Doe, won the seat.", "Jane Doe", "Green Party", "org_title_name"),
    ("The Green Party ' s Jane Doe won the seat.", "Jane Doe", "Green Party", "org_possessive"),
    ("Northfield captain Jane Doe scored twice on Saturday.", "Jane Doe", "Northfield", "org_title_name"),
    ("Green Party leaders Jane Doe and John Roe spoke in Northfield.", "John Roe", "Green Party", "org_title_name_conj"),
    ("Jane Doe was a member of the Green Party.", "Jane Doe", "Green Party", "title_clause"),
    ("Jane Doe served as leader of the Green Party.", "Jane Doe", "Green Party", "title_clause"),
    ("Jane Doe, who is a spokeswoman for Acme Corporation, declined to comment.", "Jane Doe", "Acme Corporation", "title_clause"),
    ("Jane Doe ran for the Northfield City Council in 2004 as the Green Party candidate.", "Jane Doe", "Green Party", "title_clause"),
    ("Jane Doe joined the Green Party in 2004.", "Jane Doe", "Green Party", "role_verb"),
    ("Jane Doe, who played for Northfield United, retired on Friday.", "Jane Doe", "Northfield United", "role_verb"),
    ("Jane Doe and John Roe joined the Green Party in 2004.", "John Roe", "Green Party", "role_verb"),
    ("The Green Party, led by Jane Doe, won the vote.", "Jane Doe", "Green Party", "org_led_by_name"),
    ("The Green Party was founded by Jane Doe in 1990.", "Jane Doe", "Green Party", "org_led_by_name"),
    ("Jane Doe's Green Party won the vote.", "Jane Doe", "Green Party", "name_possessive_org"),
    ("The Liberals defeated the Green Party government of Jane Doe in 2004.", "Jane Doe", "Green Party", "org_government_of_name"),
    ("The Green Party, under the leadership of Jane Doe, won the vote.", "Jane Doe", "Green Party", "org_under_name"),
    ('"Prices will rise," said Jane Doe, Acme Corporation.', "Jane Doe", "Acme Corporation", "name_comma_org"),
    ("He finished behind Peter Hollis and Green Party Anna Berg.", "Anna Berg", "Green Party", "org_compound_name"),
    ("Northfield United 214 (Jane Doe 84, John Roe 52).", "John Roe", "Northfield United", "org_paren_names"),
    ("Northfield United - Jane Doe (captain), John Roe, Ann Poe.", "Ann Poe", "Northfield United", "org_dash_names"),
    ("Leicester flanker Jane Doe scored twice on Saturday.", "Jane Doe", "Leicester", "org_title_name"),
    ("Sen. Jane Doe of Ohio attacked the plan.", "Jane Doe", "Ohio", "name_of_org"),
    ("Progressive pollster Jane Doe said the Progressives were ahead.", "Jane Doe", "Progressives", "member_word_name"),
    ("Senior Progressive Jane Doe said the Progressives would win the vote.", "Jane Doe", "Progressives", "member_word_name"),
    ('"It works," said Jane Doe, director of products at Acme Corporation.', "Jane Doe", "Acme Corporation", "name_title_of_org"),
    ("The Progressives won the vote. Jane Doe, a Progressive, praised the result.", "Jane Doe", "Progressives", "name_member_word"),
    ("The Progressives won the vote. Jane Doe, the Progressive governor of Ruritania, praised it.", "Jane Doe", "Progressives", "name_org_title"),
    # a leaning that names no collective of the document is its own party, also beside a longer name that
    # begins with it, and before a title that the name stands in apposition to
    ("Republican pollster Jane Doe spoke at the Republican National Convention.", "Jane Doe", "Republican", "member_word_name"),
    ("Conservative leader Jane Doe spoke in Northfield.", "Jane Doe", "Conservative", "org_title_name"),
    ("Her Democratic challenger, John Roe, answered.", "John Roe", "Democratic", "org_title_name"),
    # a collective a person owns ("the Doe campaign") is the organisation of its people's titles
    (
        "Jane Doe spoke in Ohio. Ann Poe, the top spokeswoman for the Doe campaign, declined to comment.",
        "Ann Poe",
        "Doe campaign",
        "name_title_of_org",
    ),
    ("Jane Doe spoke in Ohio. Ann Poe, Jane Doe's campaign manager, declined to comment.", "Ann Poe", "Jane Doe's campaign", "name_org_title"),
    ("Jane Doe spoke in Ohio. On Monday, Doe campaign manager Ann Poe declined to comment.", "Ann Poe", "Doe campaign", "org_title_name"),
    ("The maths teacher beat Irish international Jane Doe by 40 metres.", "Jane Doe", "Ireland", "org_title_name"),
    ("Jane Doe, who used to play for Ireland, has opted out.", "Jane Doe", "Ireland", "role_verb"),  # a national team
    ("The chairman of the Green Party, Jane Doe, spoke in Northfield.", "Jane Doe", "Green Party", "title_of_org_name"),
    # the party letter of the US press style, the document's party of that leaning when it names one
    ("Jane Doe (R-Ohio) attacked the plan.", "Jane Doe", "Republican", "name_party_place"),
    ("The Democrats met on Monday. Rep. Jane Doe, D-Ohio, attacked the plan.", "Jane Doe", "Democrats", "name_party_place"),
    # the party of a description that coreference resolves to a person
    ("Jane Doe spoke in Ohio on Monday. The Republican candidate said the race was close.", "Jane Doe", "Republican", "member_word_descriptor"),
    ("Jane Doe spoke in Ohio on Monday. The Republican nominee said the race was close.", "Jane Doe", "Republican", "member_word_descriptor"),
]


def _ties(doc):
    return {(names(doc, [r["person"]])[0], names(doc, [r["org"]])[0], r["pattern"]) for r in doc["roles"]}


@pytest.mark.parametrize("sentence,person,org,pattern", PATTERN_CASES, ids=[f"{c[3]}:{c[0][:30]}" for c in PATTERN_CASES])
def test_crossre_style_pattern(read, sentence, person, org, pattern):
    got = _ties(read(sentence))
    assert (person, org, pattern) in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Doe (Canada) beat John Roe (France) 6-3 6-4.",  # a nationality in brackets
        "Jane Doe moved to Canada in 2004.",  # a verb of moving to a country
        "The Green Alliance (GA) won the vote.",  # a name and its abbreviation
        "Jane Doe signed a deal with Acme Corporation on Monday.",  # a deal, not a transfer
        "Jobs are counted in the main cities of Brazil (Northfield, Riverside and Eastbrook).",  # places of a country
        "Jane Doe of Boston said the plan was good.",  # where she is from: no title of office before her name
        "Shadow foreign secretary Jane Doe told MPs the plan was good.",  # the start of a title, no organisation
        "The bill passed, and Majority Leader John Roe said the plan was good.",
    ],
)
def test_no_role(read, sentence):
    doc = read(sentence)
    assert not doc["roles"]
    assert not [e for e in doc["entities"] if e["name"] in ("Shadow", "Majority")]


def test_each_name_of_a_list_keeps_its_own_title(read):
    doc = read("She ran against the Green Party candidate Jane Doe, the Blue Party candidate John Roe, and others.")
    got = {(p, o) for p, o, _ in _ties(doc)}
    assert ("John Roe", "Blue Party") in got and ("John Roe", "Green Party") not in got and ("Jane Doe", "Blue Party") not in got


def test_a_list_shares_a_title_only_with_bare_names(read):
    doc = read("Green Party leaders Jane Doe, John Roe and Senator Ann Poe spoke in Northfield.")
    got = {(p, o) for p, o, _ in _ties(doc)}
    assert ("John Roe", "Green Party") in got and ("Ann Poe", "Green Party") not in got


def test_team_title_makes_a_place_a_team(read):
    doc = read("Northfield captain Jane Doe scored twice on Saturday.")
    assert {e["name"]: e["type"] for e in doc["entities"]}["Northfield"] == "Organization"


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


def test_the_offices_a_document_gives_its_people():
    from newsgraph import extract

    doc = extract("Home Secretary Charles Clarke met Deputy Prime Minister John Prescott in London.")
    titles = {e["name"]: e.get("titles") for e in doc["entities"]}
    assert titles["Charles Clarke"] == ["home secretary"]
    assert titles["John Prescott"] is None  # a deputy prime minister is not the prime minister


def test_a_place_named_with_an_office_title_stands_for_its_government(read):
    doc = read("Ohio Gov. Jane Doe said she would sign the bill.")
    assert ("Jane Doe", "Ohio", "org_title_name") in _ties(doc)
    ohio = next(e for e in doc["entities"] if e["name"] == "Ohio")
    assert (ohio["type"], ohio["type_reason"]) == ("PublicBody", "office_title")


def test_a_known_office_holder_titled_in_the_text_holds_it_in_the_country_named(read, monkeypatch):
    from newsgraph.nlp import roles

    known = {"jane doe": frozenset({"GB"})}
    monkeypatch.setattr(roles, "_known_offices", lambda: (known, {"doe": [("jane doe", known["jane doe"])]}))
    got = _ties(read("Prime Minister Jane Doe arrived in Britain on Monday."))
    assert ("Jane Doe", "Britain", "known_office") in got
    assert not any(p == "known_office" for *_, p in _ties(read("Shadow Foreign Secretary Jane Doe arrived in Britain on Monday.")))
    assert not any(p == "known_office" for *_, p in _ties(read("Jane Doe arrived in Britain on Monday.")))  # no title in the text
    assert roles.known_countries("Doe", frozenset({"GB", "FR"})) == {"GB"}  # a surname: one known person has it
    assert roles.known_countries("Mary Doe", frozenset({"GB"})) == frozenset()  # another first name


def test_a_collective_the_tagger_named_may_have_titled_members():
    from newsgraph.nlp.extraction import ExtractedEntity
    from newsgraph.nlp.roles import named_collective

    assert named_collective(ExtractedEntity("libs", "Liberal Democrats", "Group", type_reason="ner_vote"))
    assert not named_collective(ExtractedEntity("critics", "critics", "Group", type_reason="group_noun"))  # a common noun's group
    assert not named_collective(ExtractedEntity("acme", "Acme", "Organization", type_reason="ner_vote"))


def test_a_place_named_with_a_company_title_is_a_company(read):
    doc = read("Ohio founder Jane Doe said the firm was for sale.")
    assert ("Jane Doe", "Ohio", "org_title_name") in _ties(doc)
    ohio = next(e for e in doc["entities"] if e["name"] == "Ohio")
    assert (ohio["type"], ohio["type_reason"]) == ("Company", "company_title")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home Secretary John Roe said the government would act on the plans.", [("John Roe", "government", "office_government")]),
        ("Prime Minister Jane Doe met the Ruritanian government on Monday.", []),  # a government with an owner
        ("In a speech, shadow home secretary John Roe said the government had failed.", []),  # no office of the state
        ("Opposition MP John Roe said the government had failed.", []),  # a legislator, not a member of the government
        ("The union's director-general John Roe said the government had failed.", []),  # no "general" of the state
    ],
)
def test_a_minister_belongs_to_the_government_the_article_names(read, text, expected):
    doc = read(text)
    names = {e["id"]: e["name"] for e in doc["entities"]}
    got = [(names[r["person"]], names[r["org"]], r["pattern"]) for r in doc["roles"] if r["pattern"] == "office_government"]
    assert got == expected
    if expected:
        assert next(e["type"] for e in doc["entities"] if e["name"] == "government") == "PublicBody"


def _before_roles(nlp, text: str):
    """``text`` read by the pipeline up to, not including, the ROLE component."""
    with nlp.select_pipes(disable=nlp.pipe_names[nlp.pipe_names.index("newsgraph_roles") :]):
        return nlp(text)


@pytest.mark.parametrize(
    "sentence,title,etype",
    [
        ('"The sale is a blow," said Krastov chairman John Roe.', "chairman", "Company"),
        ('"The sale is a blow," said Krastov spokesman John Roe.', "spokesman", "Organization"),
        ("Krastov captain Jane Doe scored twice.", "captain", "Organization"),
        ("Krastov leader Jane Doe spoke in Northfield.", "leader", "Organization"),
    ],
)
def test_a_lone_word_taken_for_a_person_before_a_title_is_the_organisation(nlp, sentence, title, etype):
    from newsgraph.nlp.extraction import extraction

    doc = _before_roles(nlp, sentence)
    ext = extraction(doc)
    krastov = next(e for e in ext.entities if e.name == "Krastov")
    krastov.type = "Person"  # as the news NER types many modern company names
    doc = nlp.get_pipe("newsgraph_roles")(doc)
    (role,) = [r for r in ext.roles if ext.entities[r.org] is krastov]
    assert ext.entities[role.person].name in ("John Roe", "Jane Doe") and role.title == title
    assert krastov.type == etype


def test_a_person_named_in_full_before_a_title_stays_a_person(nlp):
    from newsgraph.nlp.extraction import extraction

    doc = nlp.get_pipe("newsgraph_roles")(_before_roles(nlp, "Jane Doe said the plan was right. Doe spokesman John Roe agreed."))
    ext = extraction(doc)
    assert {e.name: e.type for e in ext.entities}["Jane Doe"] == "Person"
    assert not [r for r in ext.roles if ext.entities[r.org].name == "Jane Doe"]


def test_a_place_after_a_title_and_at_is_an_organisation(read):
    doc = read('"Prices will fall," said Jane Doe, an analyst at Northfield.')
    assert ("Jane Doe", "Northfield", "name_title_of_org") in _ties(doc)
    northfield = next(e for e in doc["entities"] if e["name"] == "Northfield")
    assert (northfield["type"], northfield["type_reason"]) == ("Organization", "title_at")


def test_a_lone_word_the_document_titles_stays_a_person(read):
    doc = read("President Roe met reporters. Roe's lawyer Jane Doe said the case was weak.")
    assert {e["name"]: e["type"] for e in doc["entities"]}["Roe"] == "Person"
    assert not doc["roles"]


def _person_with_alias(name: str, alias: str):
    """A tagger's person named ``name`` (its one name mention), seen also as ``alias``."""
    from newsgraph.nlp.extraction import ExtractedEntity, ExtractedMention

    mention = ExtractedMention(0, len(name.split()), 0, len(name), name)
    e = ExtractedEntity(key=name.lower(), name=name, type="Person", mentions=[mention])
    e.add_alias(alias)
    return e


def test_a_lone_word_is_a_person_only_when_named_as_one_is():
    from newsgraph.nlp.roles import lone_word_person

    words = frozenset({"mr", "president"})
    assert lone_word_person(_person_with_alias("Acmex", "oil giant Acmex"), words)  # a description of a company
    assert not lone_word_person(_person_with_alias("Acmex", "President Acmex"), words)
    assert not lone_word_person(_person_with_alias("Acmex", "Mr Acmex"), words)
    assert not lone_word_person(_person_with_alias("Acmex", "J Acmex"), words)  # an initial


def test_a_description_gives_no_second_party(read):
    """A description of a person the text already gave a party names no other party of theirs (it was
    read for someone else)."""
    doc = read("Democratic senator Jane Doe spoke in Ohio on Monday. The Republican candidate said the race was close.")
    assert ("Jane Doe", "Republican", "member_word_descriptor") not in _ties(doc)


@pytest.mark.parametrize(
    "text,org",
    [
        ('"We regret it," said John Roe, deputy chairman of Harlan Brightwater.', "Harlan Brightwater"),
        ("Harlan Brightwater chief executive John Roe said the deal was off.", "Harlan Brightwater"),
        ('"Prices will rise," said Jane Doe of Harlan Brightwater.', "Harlan Brightwater"),
        ("Jane Doe, of Harlan Brightwater, said prices would rise.", "Harlan Brightwater"),
    ],
)
def test_a_name_in_an_organisations_place_is_one(read, text, org):
    """A name the tagger may take for a person's, after "of" or "at" behind a person's name or before a
    company's title, is the organisation when the text never names it as a person is."""
    doc = read(text)
    assert {e["name"]: e["type"] for e in doc["entities"]}[org] in ("Organization", "Company")
    assert any(tie[1] == org for tie in _ties(doc))


def test_a_person_named_as_one_keeps_a_persons_place(read):
    doc = read('"It is over," said Jane Doe, a lawyer of Mr Harlan Brightwater.')
    assert {e["name"]: e["type"] for e in doc["entities"]}["Harlan Brightwater"] == "Person"
    assert not doc["roles"]


def test_never_named_as_a_person():
    from newsgraph.nlp.roles import never_named_as_person

    words = frozenset({"mr", "president"})
    assert never_named_as_person(_person_with_alias("Kenton Vale", "miner Kenton Vale"), words)
    assert not never_named_as_person(_person_with_alias("Kenton Vale", "Mr Kenton Vale"), words)
    assert not never_named_as_person(_person_with_alias("Kenton Vale", "President Kenton Vale"), words)


def test_a_titles_portfolio_words_belong_to_it(read):
    """The lower-case words the parse hangs on a title are its portfolio ("home affairs spokeswoman"), so
    the organisation before them is still the title's."""
    doc = read("Green Party home affairs spokeswoman Jane Doe said the plan would fail.")
    roles = [(names(doc, [r["person"]])[0], names(doc, [r["org"]])[0], r["title"]) for r in doc["roles"]]
    assert ("Jane Doe", "Green Party", "home affairs spokeswoman") in roles


@pytest.mark.parametrize(
    "text,person,org",
    [
        ("Acme Corporation cut 500 jobs on Monday. Its chief executive, Jane Doe, said the market was weak.", "Jane Doe", "Acme Corporation"),
        ("The Green Party lost the vote. The party's spokesman John Roe said it would appeal.", "John Roe", "Green Party"),
        ("Jane Doe launched her bid in May. Her campaign manager, John Roe, said she would win.", "John Roe", "Her campaign"),
    ],
)
def test_a_reference_in_the_organisations_place(read, text, person, org):
    """Once coreference has resolved a pronoun or a description, the patterns around a name read it as the
    organisation (``reference_roles``): a pronoun or description that refers to a company, and a collective
    that the person a pronoun refers to owns."""
    assert (person, org) in {t[:2] for t in _ties(read(text))}


def test_a_pronoun_says_nothing_of_its_persons_type(read):
    doc = read("Jane Doe arrived in Northfield on Monday. Her chairman, John Roe, said the visit went well.")
    assert {e["name"]: e["type"] for e in doc["entities"]}["Jane Doe"] == "Person"
