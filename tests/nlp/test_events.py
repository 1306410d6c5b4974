"""Sources, targets, fan-out, status and time of interactions."""
from conftest import edges


def test_coordinated_list_fans_out(read):
    doc = read("Germany's chancellor Olaf Scholz will meet with Emmanuel Macron, Giorgia Meloni, Pedro Sanchez and Donald Tusk on Friday.")
    got = {(t, s, o) for t, s, o, _ in edges(doc) if t == "CONSULT"}
    assert {o for _, _, o in got} >= {"Emmanuel Macron", "Giorgia Meloni", "Pedro Sanchez", "Donald Tusk"}


def test_passive_agent_is_source(read):
    doc = read("France was criticised by Germany on Monday.")
    assert ("ACCUSE", "Germany", "France", "occurred") in edges(doc)


def test_planned_statuses(read):
    for s in ("Germany is set to meet France next week.", "Germany will meet France.", "Germany plans to meet France.",
              "Germany is expected to visit France."):
        assert {st for t, _, _, st in edges(read(s)) if t == "CONSULT"} == {"planned"}, s


def test_negated_statuses(read):
    for s in ("Germany did not meet France.", "Germany refused to meet France.", "Germany never met France."):
        assert {st for t, _, _, st in edges(read(s)) if t == "CONSULT"} == {"negated"}, s


def test_hypothetical_statuses(read):
    for s in ("Germany could meet France.", "Germany might visit France.", "If the talks succeed, Germany would meet France."):
        assert {st for t, _, _, st in edges(read(s)) if t == "CONSULT"} == {"hypothetical"}, s


def test_reported_would_is_planned(read):
    doc = read("Officials said Germany would meet France in June.")
    assert {st for t, _, _, st in edges(doc) if t == "CONSULT"} == {"planned"}


def test_upcoming_noun_is_planned(read):
    doc = read("Germany announced an upcoming meeting with France.")
    assert ("CONSULT", "Germany", "France", "planned") in edges(doc)


def test_time_resolved_against_publication_date(read):
    doc = read("Germany will meet France next week.", published="2024-05-27")
    time = doc["events"][0]["time"]
    assert time["text"] == "next week" and time["start"] == "2024-06-03" and time["end"] == "2024-06-09"


def test_future_date_makes_present_tense_planned(read):
    doc = read("Germany meets France on 3 June 2024.", published="2024-05-27")
    assert doc["events"][0]["status"] == "planned"


def test_every_event_has_evidence_inside_the_text(read):
    text = "Germany met France on Monday. Spain criticised Italy."
    doc = read(text)
    assert doc["events"]
    for v in doc["events"]:
        for ev in v["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["sentence"]


def test_noun_cue_with_light_verb(read):
    doc = read("Germany held talks with France on Monday.")
    assert ("CONSULT", "Germany", "France", "occurred") in edges(doc)


def test_concern_among_group_targets_subject_owner(read):
    doc = read("Germany's policies have sparked concerns among human rights groups.")
    assert ("ACCUSE", "human rights groups", "Germany", "occurred") in edges(doc)
