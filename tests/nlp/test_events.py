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


# --- stated intentions, coded as PLOVER does (status_cues.json "intent") ---------------------------------
def test_promise_of_aid_is_also_agree(read):
    got = edges(read("Finland will give Tanzania a grant of 580 million shillings."))
    assert ("AGREE", "Finland", "Tanzania", "occurred") in got
    assert ("AID", "Finland", "Tanzania", "planned") in got


def test_stated_refusal_is_reject(read):
    assert ("REJECT", "Germany", "France", "occurred") in edges(read("Germany will not meet France."))


def test_conditional_promise_is_threaten(read):
    doc = read("Germany will withdraw its troops from Mali unless France pays.")
    assert ("THREATEN", "Germany", "Mali", "occurred") in edges(doc)


def test_hostile_intention_is_threaten(read):
    assert ("THREATEN", "Germany", "France", "occurred") in edges(read("Germany will sanction France."))


def test_reported_obligation_is_request_from_speaker(read):
    doc = read("Russia said on Tuesday that Sudan must return a helicopter.")
    assert ("REQUEST", "Russia", "Sudan", "occurred") in edges(doc)


def test_reported_it_is_the_reporting_subject(read):
    doc = read("Syria says it is willing to withdraw its troops from neighboring Lebanon.")
    assert ("AGREE", "Syria", "Lebanon", "occurred") in edges(doc)


# --- targets from the complement clause or the object phrase (syntax.argument_candidates) -------------
def test_threat_takes_target_from_complement(read):
    doc = read("Iran threatened to launch a new military offensive in its war with Iraq.")
    assert ("THREATEN", "Iran", "Iraq", "occurred") in edges(doc)


def test_demand_takes_target_from_that_clause(read):
    doc = read("The United States demanded that North Korea abandon its nuclear program.")
    assert ("REQUEST", "United States", "North Korea", "occurred") in edges(doc)


def test_rejection_takes_target_from_object_phrase(read):
    doc = read("Rebels in Mali on Wednesday dismissed an appeal from President Ibrahim Keita to lay down their arms.")
    assert any(t == "REJECT" and o == "Ibrahim Keita" for t, _, o, _ in edges(doc))


# --- meetings need two parties (event_cues.json) ----------------------------------------------------------
def test_received_a_threat_is_no_meeting(read):
    assert not {t for t, *_ in edges(read("Germany received a threat on Monday."))} & {"CONSULT"}


def test_welcomed_a_statement_is_support(read):
    doc = read("Germany welcomed the statement by France.")
    assert not {t for t, *_ in edges(doc)} & {"CONSULT"}
    assert any(t == "SUPPORT" and s == "Germany" for t, s, _, _ in edges(doc))


def test_naming_call_is_no_meeting(read):
    assert not {t for t, *_ in edges(read("Angela Merkel called the plan a mistake."))} & {"CONSULT"}


def test_discussed_topic_is_not_a_party(read):
    got = {(t, s, o) for t, s, o, _ in edges(read("Germany and France discussed trade on Monday."))}
    assert got == {("CONSULT", "Germany", "France")}


def test_meeting_without_a_second_party_is_dropped(read):
    assert not edges(read("Germany held a meeting on Monday."))


def test_speaking_by_phone_with_is_a_meeting(read):
    doc = read("Angela Merkel spoke by phone with Emmanuel Macron on Friday.")
    assert ("CONSULT", "Angela Merkel", "Emmanuel Macron", "occurred") in edges(doc)


def test_group_reporting_subject_resolves_they(read):
    doc = read("The Fijian rebels said they will release Prime Minister Mahendra Chaudhry on the weekend.")
    got = edges(doc)
    assert any(t == "RETREAT" and o == "Mahendra Chaudhry" for t, _, o, _ in got)
    fiji = next(e for e in doc["entities"] if e["name"] == "Fiji")
    assert "Fijian rebels" in fiji["aliases"]


def test_failed_to_reach_agreement_is_reject(read):
    doc = read("Germany failed to reach an agreement with France on Sunday.")
    assert any(t == "REJECT" and s == "Germany" for t, s, _, _ in edges(doc))


def test_fallback_prefers_a_named_actor_to_a_group(read):
    doc = read("Pakistan has refused to deploy peacekeepers in Iraq.")
    assert ("REJECT", "Pakistan", "Iraq", "occurred") in edges(doc)


def test_withdrawn_troops_are_not_the_target(read):
    doc = read("Germany withdrew its troops from Mali on Monday.")
    assert ("RETREAT", "Germany", "Mali", "occurred") in edges(doc)
