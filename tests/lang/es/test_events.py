"""Spanish interactions: every cue of event_cues.json on its example, the status rules of
status_cues.json, passives and null subjects."""

import pytest

from newsgraph.extract import extract
from newsgraph.lang import load

CUES = load("event_cues.json", "es")
ENTRIES = [(etype, pos, e) for pos, table in (("verb", CUES["verbs"]), ("noun", CUES["nouns"])) for etype, entries in table.items() for e in entries]


def events(text: str, published: str = "2024-05-27") -> list[tuple[str, list[str], list[str], str, str]]:
    """(type, sources, targets, status, cue) of each interaction of ``text``, by entity name."""
    doc = extract(text, language="es", published=published)
    names = {e["id"]: e["name"] for e in doc["entities"]}
    return [(v["type"], [names[x] for x in v["source"]], [names[x] for x in v["target"]], v["status"], v["cue"]) for v in doc["events"]]


@pytest.mark.parametrize("etype,pos,entry", ENTRIES, ids=[f"{p}:{e['lemma']}" for _, p, e in ENTRIES])
def test_every_cue_yields_its_type_on_its_example(etype, pos, entry):
    found = events(entry["example"])
    assert any(t == etype and c == f"{pos}:{entry['lemma']}" and src for t, src, _, _, c in found), found


def test_a_meeting_with_its_parties_and_status():
    assert events("El presidente de Chile, Pedro Pérez, se reunió con Ana García en Lima.") == [
        ("CONSULT", ["Pedro Pérez"], ["Ana García"], "occurred", "verb:reunir")
    ]


@pytest.mark.parametrize(
    "text,status",
    [
        ("Pedro Pérez se reunirá con Ana García.", "planned"),  # the future tense
        ("Pedro Pérez va a reunirse con Ana García.", "planned"),  # ir a + infinitive
        ("Pedro Pérez tiene previsto reunirse con Ana García.", "planned"),  # tener previsto
        ("Pedro Pérez planea reunirse con Ana García.", "planned"),  # a governing verb
        ("Luis López dijo que Pedro Pérez se reuniría con Ana García.", "planned"),  # conditional under a reporting verb
        ("Pedro Pérez no se reunió con Ana García.", "negated"),  # no + verb
        ("Pedro Pérez se negó a reunirse con Ana García.", "negated"),  # negarse a
        ("Pedro Pérez podría reunirse con Ana García.", "hypothetical"),  # podría
        ("Si gana, Pedro Pérez se reuniría con Ana García.", "hypothetical"),  # a condition
        ("Pedro Pérez anunció la próxima reunión con Ana García.", "planned"),  # a noun modifier
        ("Pedro Pérez mantuvo una reunión con Ana García.", "occurred"),
    ],
)
def test_status(text, status):
    found = [e for e in events(text) if e[0] == "CONSULT"]
    assert found and found[0][1:4] == (["Pedro Pérez"], ["Ana García"], status), found


def test_a_passive_has_its_agent_as_source():
    assert ("ACCUSE", ["Ana García"], ["Pedro Pérez"], "occurred", "verb:criticar") in events("Pedro Pérez fue criticado por Ana García.")


def test_a_dropped_subject_is_the_subject_of_the_clause_before():
    found = events("Pedro Pérez llegó a Lima el lunes. Se reunió con Ana García por la tarde.")
    assert [e[:3] for e in found] == [("CONSULT", ["Pedro Pérez"], ["Ana García"])]


def test_conjoined_verbs_share_their_subject():
    found = events("Pedro Pérez criticó a Ana García y exigió a Luis López una explicación.")
    assert ("ACCUSE", ["Pedro Pérez"], ["Ana García"]) in [e[:3] for e in found]
    assert ("REQUEST", ["Pedro Pérez"], ["Luis López"]) in [e[:3] for e in found]


def test_a_meeting_between_two_parties():
    assert [e[:3] for e in events("La reunión entre Pedro Pérez y Ana García duró dos horas.")] == [("CONSULT", ["Pedro Pérez"], ["Ana García"])]


def test_a_trip_to_a_city_is_not_a_meeting():
    assert events("Pedro Pérez visitó Lima el lunes.") == []


def test_an_actor_object_verb_needs_an_actor():
    assert [e for e in events("Pedro Pérez recibió una carta el lunes.") if e[0] == "CONSULT"] == []


def test_a_dropped_subject_agrees_in_number():
    # "la critican": they, not the one person named before
    assert events("Ana García llegó a Lima. En el Congreso la critican desde la izquierda.") == []


def test_an_event_noun_takes_the_subject_of_a_light_verb_only():
    assert [e[:3] for e in events("Pedro Pérez impuso sanciones a Chile.")] == [("SANCTION", ["Pedro Pérez"], ["Chile"])]
    assert [e for e in events("Pedro Pérez pidió reducir las sanciones a Chile.") if e[0] == "SANCTION"] == []


def test_a_cue_with_required_objects():
    assert [e[:3] for e in events("Pedro Pérez levantó las sanciones a Chile.")] == [("CONCEDE", ["Pedro Pérez"], ["Chile"])]
    assert events("Pedro Pérez se levantó y alzó su copa.") == []
