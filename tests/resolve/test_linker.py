"""Cross-article linking on real extractions stored in a real SQLite file: the same actor named
differently in later articles is one node; people who share a surname stay apart unless context agrees."""

from contextlib import contextmanager

import pytest

from newsgraph import extract
from newsgraph.ingest.save import save
from newsgraph.names import shortens
from newsgraph.resolve.linker import known_people, known_type, misspells, type_of, written_otherwise
from newsgraph.store import Store

ARTICLES = [
    (
        "a",
        "Prime Minister Tony Blair met French President Jacques Chirac in Paris on Monday. The International Monetary Fund praised the two leaders.",
    ),
    ("b", "Blair criticised Chirac over the farm budget on Tuesday. The IMF declined to comment."),
    ("c", "Cherie Blair, a lawyer, visited a hospital in Leeds on Friday with Andrew Marr."),
    ("d", "Ms Blair later thanked the nurses at the hospital, Marr said."),
    ("e", "Gordon Brown and Nick Brown met union leaders in London."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(str(tmp_path_factory.mktemp("link") / "g.db")) as st:
        for key, text in ARTICLES:
            save(st, extract(text, id=key), text)
        yield st


def links(store, key):
    return {(lk["name"], lk["entity"], lk["reason"]) for lk in store.links(document=key)}


@contextmanager
def _stored(tmp_path, texts):
    """A store of (key, text) or (key, text, published day) articles, saved in order."""
    with Store(str(tmp_path / "g.db")) as st:
        for key, text, *day in texts:
            save(st, extract(text, id=key, published=day[0] if day else None), text)
        yield st


def test_surname_alone_links_to_the_full_name_in_context(store):
    assert ("Blair", "Tony Blair", "surname") in links(store, "b")
    assert ("Chirac", "Jacques Chirac", "surname") in links(store, "b")


def test_people_sharing_a_surname_stay_apart(store):
    names = {e["name"] for e in store.entities(type="Person")}
    assert {"Tony Blair", "Cherie Blair", "Gordon Brown", "Nick Brown"} <= names
    # "Ms Blair" beside Marr: the context (Marr, the hospital article) points at Cherie Blair
    assert ("Blair", "Cherie Blair", "surname") in links(store, "d")


def test_acronym_links_to_the_organisation(store):
    assert ("IMF", "International Monetary Fund", "acronym") in links(store, "b")


def test_every_link_has_a_reason_and_score(store):
    joined = set()
    for key, _ in ARTICLES:
        found = store.links(document=key)
        assert found, f"document {key} has no links"
        assert len({lk["local_id"] for lk in found}) == len(found)  # one link per local entity
        for lk in found:
            assert lk["document"] == key and lk["entity_id"]
            assert lk["reason"] and 0 < lk["score"] <= 1, lk
            if lk["reason"] in ("new", "country", "described"):  # a first sighting, or an actor of this article only
                assert lk["entity"] == lk["name"] and lk["score"] == 1, lk
            else:
                joined.add((key, lk["name"], lk["entity"], lk["reason"]))
    # the only links to an actor of another article: the surnames and the acronym, none in a or c or e
    assert joined == {
        ("b", "Blair", "Tony Blair", "surname"),
        ("b", "Chirac", "Jacques Chirac", "surname"),
        ("b", "IMF", "International Monetary Fund", "acronym"),
        ("d", "Blair", "Cherie Blair", "surname"),
        ("d", "Marr", "Andrew Marr", "surname"),
    }
    first = {lk["entity"]: lk["entity_id"] for key in "ac" for lk in store.links(document=key)}
    for key, _name, entity, _reason in joined:  # the same node as in the first article, not a copy
        assert {lk["entity_id"] for lk in store.links(document=key) if lk["entity"] == entity} == {first[entity]}


def test_acronym_needs_shared_context_and_plural_names_join(tmp_path):
    texts = [
        ("f", "The European Union and Angela Merkel agreed new farm rules in Brussels."),
        ("g", "The EU will also talk to Angela Merkel about the budget."),
        ("h", "The EU shipping firm said its profits rose."),  # nobody in common: stays apart
        ("i", "The Liberal Democrats said they would vote against the bill."),
        ("j", "A Liberal Democrat spokesman, Vince Cable, criticised the plan."),
    ]
    with Store(str(tmp_path / "g.db")) as st:
        for key, text in texts:
            save(st, extract(text, id=key), text)
        assert ("EU", "European Union", "acronym") in links(st, "g")
        assert {lk["entity"] for lk in st.links(document="h") if lk["name"] == "EU"} != {"European Union"}
        lib = {lk["entity"] for key in "ij" for lk in st.links(document=key) if lk["name"].startswith("Liberal")}
        assert len(lib) == 1


def test_a_lone_surname_without_shared_context_stays_apart(tmp_path):
    """The only stored Wilson is a prime minister; a rugby report's Wilson shares nobody with him."""
    texts = [
        ("k", "Prime Minister Harold Wilson met Richard Nixon in Washington."),
        ("l", "Wilson scored a late try for Newcastle Falcons against Gloucester Rugby."),
    ]
    with Store(str(tmp_path / "g.db")) as st:
        for key, text in texts:
            save(st, extract(text, id=key), text)
        assert {lk["entity"] for lk in st.links(document="l") if lk["name"] == "Wilson"} == {"Wilson"}


def test_junk_person_names_give_no_surname_key():
    from newsgraph.names import SURNAME, name_keys

    assert ("blair", SURNAME) in name_keys("Person", ["Tony Blair"])
    assert ("juncker", SURNAME) in name_keys("Person", ["Jean-Claude Juncker"])
    assert ("leyen", SURNAME) in name_keys("Person", ["Ursula von der Leyen"])
    assert not any(kind == SURNAME for _, kind in name_keys("Person", ["Mary Queen of Scots"]))
    assert not any(kind == SURNAME for _, kind in name_keys("Person", ["Greenspan - who"]))


SUBJECTS = {"m": "harbour", "n": "weather", "o": "railway", "p": "budget", "q": "election"}


def _typed(key: str, name: str, entity_type: str) -> tuple[dict, str]:
    """A one-entity document that types ``name`` as ``entity_type`` (as a tagger might, rightly or not)."""
    text = f"{name} made statement number {key} about the {SUBJECTS[key]}."
    mention = {"start": 0, "end": len(name), "text": name, "kind": "name"}
    entity = {"id": "e1", "name": name, "type": entity_type, "mentions": [mention]}
    return {"document": {"id": key}, "entities": [entity], "events": [], "roles": [], "quotes": []}, text


def test_one_name_typed_differently_is_one_node_whose_type_the_documents_vote(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, kind in (("m", "Location"), ("n", "Company"), ("o", "Company")):
            doc, text = _typed(key, "Northfield Holdings", kind)
            save(st, doc, text)
        assert [(lk["reason"], lk["type"]) for key in "mno" for lk in st.links(document=key)] == [
            ("new", "Location"),
            ("other-type", "Company"),
            ("name", "Company"),  # by then a Company, found by its name key
        ]
        (node,) = [e for e in st.entities() if e["name"] == "Northfield Holdings"]
        view = st.entity(node["id"])
        assert view["type"] == "Company" and view["type_votes"] == {"Company": 2, "Location": 1}


def test_a_lone_word_typed_a_person_is_a_surname_not_another_types_node(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, kind in (("p", "Company"), ("q", "Person")):
            doc, text = _typed(key, "Northfield", kind)
            save(st, doc, text)
        assert {lk["reason"] for lk in st.links(document="q")} == {"new"}
        assert sorted(e["type"] for e in st.entities() if e["name"] == "Northfield") == ["Company", "Person"]


def test_the_majority_type_wins_and_a_tie_goes_to_the_more_specific_type():
    assert type_of({"Company": 2, "Location": 1}) == "Company"
    assert type_of({"Company": 1, "Organization": 1}) == "Company"
    assert type_of({"Person": 1, "Location": 1}) == "Person"
    assert type_of({"Location": 3}) == "Location"


def test_a_short_form_of_each_word_links_to_the_one_organisation_it_shortens(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, name in (("m", "Northfield Wanderers"), ("n", "Northfield Wdrs")):
            doc, text = _typed(key, name, "Organization")
            save(st, doc, text)
        assert [(lk["name"], lk["entity"], lk["reason"]) for lk in st.links(document="n")] == [
            ("Northfield Wdrs", "Northfield Wanderers", "abbreviation")
        ]


def test_a_misspelt_full_name_links_to_the_one_person_it_misspells(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, name in (("m", "Rosalind Kowalczyk"), ("n", "Rosalind Kowalcyzk"), ("o", "Rosalynd Kowalczyk"), ("p", "Ross Kowalczyk")):
            doc, text = _typed(key, name, "Person")
            save(st, doc, text)
        links = {key: [(lk["entity"], lk["reason"]) for lk in st.links(document=key)] for key in "nop"}
        assert links["n"] == [("Rosalind Kowalczyk", "spelling")]  # two letters swapped
        assert links["o"] == [("Rosalind Kowalczyk", "spelling")]  # a first name of five letters or more, spelt otherwise
        assert links["p"] == [("Ross Kowalczyk", "new")]  # a short first name that differs is another person


def test_a_misspelt_full_name_the_tagger_typed_a_place_links_to_the_person(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, name, kind in (("m", "Rosalind Kowalczyk", "Person"), ("n", "Rosalind Kowalcyzk", "Location")):
            doc, text = _typed(key, name, kind)
            save(st, doc, text)
        assert [(lk["entity"], lk["reason"]) for lk in st.links(document="n")] == [("Rosalind Kowalczyk", "spelling")]


def test_a_first_name_written_as_its_initial_links_to_the_one_person_it_can_be(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, name in (("m", "Rosalind Kowalczyk"), ("n", "R Kowalczyk"), ("o", "Tomasz Nowicki"), ("p", "Teresa Nowicki"), ("q", "T Nowicki")):
            doc, text = _typed(key, name, "Person")
            save(st, doc, text)
        assert [(lk["entity"], lk["reason"]) for lk in st.links(document="n")] == [("Rosalind Kowalczyk", "initial")]
        assert [lk["reason"] for lk in st.links(document="q")] == ["new"]  # two people it could be


def test_what_counts_as_a_misspelling():
    assert written_otherwise(["j", "doe"], ["jane", "doe"]) == "initial" and written_otherwise(["jane", "doe"], ["j", "doe"]) == "initial"
    assert written_otherwise(["j", "doe"], ["k", "doe"]) is None and written_otherwise(["j", "doe"], ["jane", "roe"]) is None
    assert misspells(["jane", "kowalczyk"], ["jane", "kowalcyzk"])
    assert not misspells(["mark", "doe"], ["matt", "doe"]) and not misspells(["jane", "doe"], ["jane", "doe"])
    assert not misspells(["jane", "doe"], ["jane", "q", "doe"]) and not misspells(["jane", "smith"], ["jane", "smyth-jones"])


def test_what_counts_as_a_short_form_of_a_word():
    assert shortens("lib", "liberal") and shortens("dems", "democrats") and shortens("utd", "united")
    assert shortens("dems", "democrat")  # a plural of the short form only
    assert shortens("wanderers", "wanderers")
    assert not shortens("li", "liberal")  # too short to say
    assert not shortens("new", "national") and not shortens("real", "royal") and not shortens("bank", "barclays")


TITLED = [
    ("t1", "Prime Minister Ann Northcote visited a school in Leeds on Monday.", "2005-03-01"),
    ("t2", "Prime Minister Ann Northcote opened a hospital in York.", "2005-03-05"),
]
OFFICE = "Crowds gathered outside the hall. Police closed the roads. Shops shut early. The prime minister said the law would stay."


def test_an_office_the_article_leaves_unresolved_links_to_its_holder_at_the_time(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, text, day in [*TITLED, ("t3", OFFICE, "2005-04-01")]:
            save(st, extract(text, id=key, published=day), text)
        assert [(lk["name"], lk["entity"], lk["reason"]) for lk in st.links(document="t3")] == [("prime minister", "Ann Northcote", "title-role")]
        (node,) = [e for e in st.entities() if e["name"] == "Ann Northcote"]
        assert st.entity(node["id"])["descriptions"] == ["prime minister"]  # a description, never a name
        assert "prime minister" not in st.entity(node["id"])["aliases"]


def test_an_office_is_nobody_years_later_or_when_two_hold_it(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, text, day in [*TITLED, ("t3", OFFICE, "2011-04-01")]:
            save(st, extract(text, id=key, published=day), text)
        assert st.links(document="t3") == []  # out of the holder's time: no mention is kept
    others = [
        ("t4", "Prime Minister Piet Vandermeer visited a port in Ghent.", "2005-03-02"),
        ("t5", "Prime Minister Piet Vandermeer met farmers.", "2005-03-03"),
    ]
    with Store(str(tmp_path / "h.db")) as st:
        for key, text, day in [*TITLED, *others, ("t3", OFFICE, "2005-04-01")]:
            save(st, extract(text, id=key, published=day), text)
        assert st.links(document="t3") == []  # two holders, nothing in the article to choose


def test_a_name_the_dictionaries_know_as_a_person_is_a_person_however_an_article_types_it(tmp_path):
    known = sorted(known_people())[len(known_people()) // 2]  # any name of the shipped file
    name = " ".join(w.capitalize() for w in known.split())
    assert known_type(name) == "Person" and known_type("Northfield Holdings") is None
    with Store(str(tmp_path / "g.db")) as st:
        doc, text = _typed("m", name, "Location")
        save(st, doc, text)
        assert [e["type"] for e in st.entities() if e["name"] == name] == ["Person"]
        for key in "nop":  # three articles that say it is a company outvote the knowledge
            doc, text = _typed(key, name, "Company")
            save(st, doc, text)
        assert [e["type"] for e in st.entities() if e["name"] == name] == ["Company"]


TRADE_BODY = "The Northfield Trade Organisation (NTO) criticised the new tariffs in York on Friday."


@pytest.mark.parametrize(
    "first",
    ["The Northfield Tourism Organisation (NTO) praised the new hotels in Leeds on Monday.", "The NTO praised the new hotels in Leeds on Monday."],
)
def test_an_acronym_beside_its_full_name_finds_only_a_node_known_by_the_acronym_alone(tmp_path, first):
    with Store(str(tmp_path / "g.db")) as st:
        for key, text in [("w1", first), ("w2", TRADE_BODY)]:
            save(st, extract(text, id=key), text)
        (link,) = [lk for lk in st.links(document="w2") if "Northfield" in lk["name"]]
        if "Tourism" in first:  # another organisation with the same letters: a node of its own
            assert link["entity"] == "Northfield Trade Organisation" and link["reason"] == "new"
        else:  # the node known only as "NTO" is this one
            assert link["entity"] == "NTO" and link["reason"] == "name"


@pytest.mark.parametrize(
    "name,first,second",
    [
        # an unnamed speaker: two people, whom no name joins
        ("spokeswoman", '"The plan will fail," a spokeswoman said on Monday.', '"The plan will work," a spokeswoman said on Tuesday.'),
        # a collective named by a common noun: one article's unions are not another's (no hub node)
        ("Unions", "Unions criticised the Acmex pay offer on Monday.", "Unions criticised the Northfield rail timetable on Friday."),
    ],
)
def test_an_unnamed_actor_is_an_actor_of_its_own_document_only(tmp_path, name, first, second):
    texts = {"u": first, "v": second}
    with Store(str(tmp_path / "g.db")) as st:
        for key, text in texts.items():
            save(st, extract(text, id=key), text)
        found = [lk for key in texts for lk in st.links(document=key) if lk["name"] == name]
        assert [lk["reason"] for lk in found] == ["described", "described"]
        assert found[0]["entity_id"] != found[1]["entity_id"]


def test_an_acronym_with_an_ampersand_and_another_wording_of_a_name_link(tmp_path):
    """ "A&B" is the initials of "Acmex & Bolton" (with a shared actor, as any acronym); "Federation of the
    Widget Industry" and "Federation of Widget Industries" are one name worded twice."""
    texts = [
        ("p", "Jane Krastov, head of Acmex & Bolton, said prices were too high."),
        ("q", "Jane Krastov, head of A&B, said its prices would fall."),
        ("r", "The Federation of the Widget Industry reported record sales, said Jane Krastov."),
        ("s", "John Roe, chief executive of the Federation of Widget Industries, welcomed the figures."),
    ]
    with _stored(tmp_path, texts) as st:
        assert ("A&B", "Acmex & Bolton", "acronym") in links(st, "q")
        assert {lk["entity"] for lk in st.links(document="s") if "Federation" in lk["name"]} == {"Federation of the Widget Industry"}


def _two_articles_name(key: str, office: str) -> list[tuple[str, str, str]]:
    """Two stored articles, a week apart, that name John Roe with ``office`` before his name."""
    return [
        (f"{key}1", f"{office} John Roe named his side on Monday.", "2005-02-01"),
        (f"{key}2", f"The pressure is on {office} John Roe before the match.", "2005-02-08"),
    ]


def test_an_office_of_a_named_owner_links_to_whoever_stored_articles_tie_to_it_so(tmp_path):
    """ "The Scotland coach said" with no coach named: the person two stored articles call Scotland's coach;
    not a former one."""
    texts = [
        *_two_articles_name("u", "Scotland coach"),
        ("u3", "Rain fell all day. The Scotland coach said his side were robbed.", "2005-02-13"),
        ("u4", "Rain fell all day. The former Scotland coach said his side were robbed.", "2005-02-14"),
    ]
    with _stored(tmp_path, texts) as st:
        assert ("Scotland coach", "John Roe", "title-role") in links(st, "u3")
        assert not [lk for lk in st.links(document="u4") if lk["reason"] == "title-role"]


@pytest.mark.parametrize(
    "texts,linked,office,unlinked",
    [
        (  # one stored article is enough when the article names the holder, not otherwise
            [
                ("v1", "Scotland coach John Roe named his side on Monday.", "2005-02-01"),
                ("v3", "Rain fell all day. The Scotland coach said his side were robbed.", "2005-02-14"),
                ("v2", "Italy won after criticism by John Roe. The Scotland coach said his side were robbed.", "2005-02-13"),
            ],
            "v2",
            "Scotland coach",
            "v3",
        ),
        (  # "the current Northfield manager" is the manager (``present_modifiers``); "the new" one may be another
            [
                ("z1", "Northfield manager John Roe named his side on Monday.", "2005-02-01"),
                ("z2", "Fans cheered John Roe. The current Northfield manager said his side were unlucky.", "2005-02-13"),
                ("z3", "Northfield sacked John Roe on Monday. The new Northfield manager will be named next week.", "2005-02-14"),
            ],
            "z2",
            "current Northfield manager",
            "z3",
        ),
    ],
)
def test_an_office_links_on_one_stored_article_when_the_article_names_its_holder(tmp_path, texts, linked, office, unlinked):
    with _stored(tmp_path, texts) as st:
        assert (office, "John Roe", "title-role") in links(st, linked)
        assert not [lk for lk in st.links(document=unlinked) if lk["reason"] == "title-role"]


def test_an_office_of_an_owner_is_not_its_former_holder(tmp_path):
    texts = [
        ("w1", "Former Scotland coach John Roe named his favourite side on Monday.", "2005-02-01"),
        ("w2", "The pressure was once on former Scotland coach John Roe before every match.", "2005-02-08"),
        ("w3", "Rain fell all day. The Scotland coach said his side were robbed.", "2005-02-13"),
    ]
    with _stored(tmp_path, texts) as st:
        assert not [lk for lk in st.links(document="w3") if lk["reason"] == "title-role"]


def test_an_untitled_tie_to_the_owner_counts_only_for_a_person_the_article_names(tmp_path):
    texts = [
        ("x1", "Jane Doe joined the Green Party in 2004.", "2005-02-01"),
        ("x2", "Rain fell all day. The Green Party leader said the vote was lost.", "2005-02-13"),
        ("x3", "Fans cheered Jane Doe. The Green Party leader said the vote was lost.", "2005-02-14"),
    ]
    with _stored(tmp_path, texts) as st:
        assert not [lk for lk in st.links(document="x2") if lk["reason"] == "title-role"]
        assert ("Green Party leader", "Jane Doe", "title-role") in links(st, "x3")


def test_a_speaker_described_by_an_office_is_the_holder_the_office_links_to(tmp_path):
    """'"...," the Northfield captain said' with no captain named: the unnamed speaker is the person two stored
    articles call Northfield's captain, and the description stays a description, not a name; a speaker who
    only works for the holder ("an aide to the Northfield captain") is not the holder."""
    texts = [
        *_two_articles_name("y", "Northfield captain"),
        ("y3", 'Snow fell on the ground. "The pitch was a disgrace," the Northfield captain said after the game.', "2005-02-13"),
        ("y4", 'Snow fell on the ground. "The pitch was a disgrace," an aide to the Northfield captain said.', "2005-02-14"),
    ]
    with _stored(tmp_path, texts) as st:
        assert {lk["entity"] for lk in st.links(document="y3") if "captain" in lk["name"]} == {"John Roe"}
        roe = st.entity("John Roe")
        assert "Northfield captain" in roe["descriptions"] and "Northfield captain" not in roe["aliases"]
        assert not [lk for lk in st.links(document="y4") if lk["entity"] == "John Roe" and "aide" in lk["name"]]


def test_a_full_name_after_its_short_form_links_to_it(tmp_path):
    """Either order: "Northfield Wdrs" stored first is found by "Northfield Wanderers" later."""
    with Store(str(tmp_path / "g.db")) as st:
        for key, name in (("m", "Northfield Wdrs"), ("n", "Northfield Wanderers")):
            doc, text = _typed(key, name, "Organization")
            save(st, doc, text)
        assert [(lk["name"], lk["entity"], lk["reason"]) for lk in st.links(document="n")] == [
            ("Northfield Wanderers", "Northfield Wdrs", "abbreviation")
        ]


def test_a_full_name_after_its_acronym_links_to_it_in_context(tmp_path):
    """ "IMF" stored first is found by "International Monetary Fund" in an article that shares an actor with it."""
    texts = [
        ("f", "The IMF and Angela Merkel agreed new farm rules in Brussels."),
        ("g", "The International Monetary Fund will also talk to Angela Merkel about the budget."),
    ]
    with _stored(tmp_path, texts) as st:
        assert ("International Monetary Fund", "IMF", "acronym") in links(st, "g")


def test_a_full_name_after_its_lone_surname_links_to_it_in_context(tmp_path):
    """ "Roe" stored first (no fuller name known then) is found by "Jane Roe" in an article that shares an
    actor with it; with another stored Roe by full name, the lone surname could be either and stays apart."""
    texts = [
        ("a", "Roe met Angela Merkel in Berlin on Monday."),
        ("b", "Jane Roe thanked Angela Merkel for the talks."),
    ]
    with _stored(tmp_path, texts) as st:
        assert ("Jane Roe", "Roe", "surname") in links(st, "b")
    other = tmp_path / "other"
    other.mkdir()
    with _stored(other, [("c", "John Roe opened a school in Leeds."), *texts]) as st:
        assert ("Jane Roe", "Jane Roe", "new") in links(st, "b")


def test_two_full_names_of_one_surname_in_an_article_leave_the_lone_surname_alone(tmp_path):
    texts = [
        ("a", "Roe met Angela Merkel in Berlin on Monday."),
        ("b", "Jane Roe and her husband John Roe thanked Angela Merkel for the talks."),
    ]
    with _stored(tmp_path, texts) as st:
        assert {lk["entity"] for lk in st.links(document="b") if lk["name"].endswith("Roe")} == {"Jane Roe", "John Roe"}


def _with(key: str, names: list[tuple[str, str]]) -> tuple[dict, str]:
    """A document naming each (name, type) of ``names`` in one sentence, without the tagger."""
    text = " and ".join(n for n, _ in names) + f" spoke in statement {key}."
    entities, at = [], 0
    for i, (name, kind) in enumerate(names):
        entities.append(
            {"id": f"e{i + 1}", "name": name, "type": kind, "mentions": [{"start": at, "end": at + len(name), "text": name, "kind": "name"}]}
        )
        at += len(name) + len(" and ")
    return {"document": {"id": key}, "entities": entities, "events": [], "roles": [], "quotes": []}, text


def test_an_acronym_node_a_full_name_joined_is_not_known_by_its_initials_alone(tmp_path):
    """Once "Widget Trade Union" joined the "WTU" node, "Widget Tourism Union" (same initials, a rarely seen
    actor in common) is another organisation: the node is no longer known by its initials alone."""
    docs = [
        ("f", [("WTU", "Organization"), ("Zora Kellerman", "Person")]),
        ("g", [("Widget Trade Union", "Organization"), ("Zora Kellerman", "Person")]),
        ("h", [("Widget Tourism Union", "Organization"), ("Zora Kellerman", "Person")]),
    ]
    filler = [(f"x{i}", [(f"Filler Company {i}", "Company")]) for i in range(60)]
    with Store(str(tmp_path / "g.db")) as st:
        for key, names in [*filler, *docs]:
            save(st, *_with(key, names))
        assert ("Widget Trade Union", "WTU", "acronym") in links(st, "g")
        assert {lk["entity"] for lk in st.links(document="h") if lk["name"].startswith("Widget")} == {"Widget Tourism Union"}


def test_a_wording_of_a_name_stored_under_another_type_is_that_node(tmp_path):
    """ "Northfield Wanderer" stored as a Person (a tagger's mistake) is found by "Northfield Wanderers"."""
    with Store(str(tmp_path / "g.db")) as st:
        for key, name, kind in (("m", "Northfield Wanderer", "Person"), ("n", "Northfield Wanderers", "Organization")):
            save(st, *_typed(key, name, kind))
        assert [(lk["entity"], lk["reason"]) for lk in st.links(document="n")] == [("Northfield Wanderer", "other-type")]


def test_a_long_acronym_links_on_its_letters_alone_a_short_one_does_not(tmp_path):
    """Four letters or more are rare enough: the one stored organisation with them, even with no actor in
    common; three letters need an actor in common."""
    texts = [
        ("la1", "The Northfield Widget Makers Party said Petra Quist would stand in the election."),
        ("la2", "The NWMP won two seats on the council, its leader said."),
        ("la3", "The Grand Harbour Board met Omar Vell on Monday."),
        ("la4", "The GHB said its profits rose."),
    ]
    with _stored(tmp_path, texts) as st:
        assert ("NWMP", "Northfield Widget Makers Party", "acronym") in links(st, "la2")
        assert {lk["entity"] for lk in st.links(document="la4") if lk["name"] == "GHB"} != {"Grand Harbour Board"}


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("bernie quist", "bernard quist", "nickname"),
        ("bill vell", "william vell", "nickname"),
        ("william vell", "bill vell", "nickname"),
        ("bill vell", "william quist", None),  # another surname
        ("mark vell", "matt vell", None),  # two given names, neither a nickname of the other
    ],
)
def test_a_nickname_of_the_first_name_is_the_same_name(a, b, why):
    assert written_otherwise(a.split(), b.split()) == why


def test_a_full_name_with_a_nickname_links_to_the_one_stored_person_of_that_surname(tmp_path):
    texts = [
        ("nk1", "Bernard Quist, the chief executive of Northfield Widgets, resigned on Monday."),
        ("nk2", "Bernie Quist told the court he had not known about the losses."),
    ]
    with _stored(tmp_path, texts) as st:
        assert ("Bernie Quist", "Bernard Quist", "nickname") in links(st, "nk2")
