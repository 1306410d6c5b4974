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
    for s in (
        "Germany is set to meet France next week.",
        "Germany will meet France.",
        "Germany plans to meet France.",
        "Germany is expected to visit France.",
    ):
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
            assert text[ev["start"] : ev["end"]] == ev["sentence"]


def test_noun_cue_with_light_verb(read):
    doc = read("Germany held talks with France on Monday.")
    assert ("CONSULT", "Germany", "France", "occurred") in edges(doc)


def test_concern_among_group_targets_subject_owner(read):
    doc = read("Germany's policies have sparked concerns among human rights groups.")
    assert ("ACCUSE", "human rights groups", "Germany", "occurred") in edges(doc)


# --- stated intentions, coded as PLOVER does (status_cues.json "intent") ---------------------------------
def test_promise_of_aid_is_also_agree(read):
    got = edges(read("Norway will give Kenya a grant of 200 million kroner."))
    assert ("AGREE", "Norway", "Kenya", "occurred") in got
    assert ("AID", "Norway", "Kenya", "planned") in got


def test_stated_refusal_is_reject(read):
    assert ("REJECT", "Germany", "France", "occurred") in edges(read("Germany will not meet France."))


def test_conditional_promise_is_threaten(read):
    doc = read("Germany will withdraw its troops from Mali unless France pays.")
    assert ("THREATEN", "Germany", "Mali", "occurred") in edges(doc)


def test_hostile_intention_is_threaten(read):
    assert ("THREATEN", "Germany", "France", "occurred") in edges(read("Germany will sanction France."))


def test_reported_obligation_is_request_from_speaker(read):
    doc = read("Norway said on Friday that Chile must return a seized fishing boat.")
    assert ("REQUEST", "Norway", "Chile", "occurred") in edges(doc)


def test_reported_it_is_the_reporting_subject(read):
    doc = read("Peru says it is willing to withdraw its soldiers from neighboring Ecuador.")
    assert ("AGREE", "Peru", "Ecuador", "occurred") in edges(doc)


# --- targets from the complement clause or the object phrase (syntax.argument_candidates) -------------
def test_threat_takes_target_from_complement(read):
    doc = read("Chile threatened to launch a new naval blockade in its dispute with Bolivia.")
    assert ("THREATEN", "Chile", "Bolivia", "occurred") in edges(doc)


def test_demand_takes_target_from_that_clause(read):
    doc = read("The United States demanded that North Korea abandon its nuclear program.")
    assert ("REQUEST", "United States", "North Korea", "occurred") in edges(doc)


def test_rejection_takes_target_from_object_phrase(read):
    doc = read("Militants in Chad on Friday dismissed an appeal from President Jane Doe to surrender their weapons.")
    assert any(t == "REJECT" and o == "Jane Doe" for t, _, o, _ in edges(doc))


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
    doc = read("The Bolivian rebels said they will release Governor Maria Lopez on Monday.")
    got = edges(doc)
    assert any(t == "RETREAT" and o == "Maria Lopez" for t, _, o, _ in got)
    bolivia = next(e for e in doc["entities"] if e["name"] == "Bolivia")
    assert "Bolivian rebels" in bolivia["aliases"]


def test_failed_to_reach_agreement_is_reject(read):
    doc = read("Germany failed to reach an agreement with France on Sunday.")
    assert any(t == "REJECT" and s == "Germany" for t, s, _, _ in edges(doc))


def test_fallback_prefers_a_named_actor_to_a_group(read):
    doc = read("Norway has refused to deploy peacekeepers in Sudan.")
    assert ("REJECT", "Norway", "Sudan", "occurred") in edges(doc)


def test_withdrawn_troops_are_not_the_target(read):
    doc = read("Germany withdrew its troops from Mali on Monday.")
    assert ("RETREAT", "Germany", "Mali", "occurred") in edges(doc)


# --- meetings: parties through relative clauses, caption lists, "their meeting", circumstance phrases ------
def _consult(doc):
    return {(s, o) for t, s, o, _ in edges(doc) if t == "CONSULT"}


def _met(doc, a, b):
    return (a, b) in _consult(doc) or (b, a) in _consult(doc)


def test_relative_clause_subject_is_the_noun_it_modifies(read):
    doc = read("Brazilian President Ana Costa, who met separately with Peter Miller at the summit, said Venezuela should return to talks.")
    assert ("Ana Costa", "Peter Miller") in _consult(doc)


def test_caption_list_with_positions_is_a_coordinated_subject(read):
    doc = read(
        "FILE - Canadian Prime Minister Anna Berg, left, and Mexican President Carlos Ruiz shake hands at the Grand Hotel in Ottawa, Canada, May 4, 2019"
    )
    assert _met(doc, "Anna Berg", "Carlos Ruiz")


def test_caption_list_with_positions_fans_out_the_other_party(read):
    doc = read(
        "President Anna Berg meets with Brazilian President Carlos Ruiz, left, and Chilean President Tomas Vidal during the Trade Summit in Ottawa, June 2, 2019"
    )
    assert ("Anna Berg", "Tomas Vidal") in _consult(doc)


def test_their_meeting_joins_the_coordinated_subject(read):
    doc = read(
        "Polish President Adam Nowak, right, and Czech President Jan Dvorak arrive for their meeting in the castle in Prague, Czech Republic, Oct. 2, 2018"
    )
    assert _met(doc, "Adam Nowak", "Jan Dvorak")


def test_their_meeting_joins_subject_and_companion(read):
    doc = read(
        "FILE - Norway's Prime Minister Erik Lund strolls with Chilean Foreign Minister Mary Jones after her arrival for their meeting in Oslo, Nov. 3, 2019"
    )
    assert ("Erik Lund", "Mary Jones") in _consult(doc)


def test_joint_news_conference_of_a_caption_list(read):
    doc = read(
        "Canadian Prime Minister Anna Berg, right, and French President Paul Martin hold a joint news conference in the East Hall of the Parliament in Ottawa, March 5, 2019"
    )
    assert _met(doc, "Anna Berg", "Paul Martin")


def test_news_conference_of_one_party_is_no_meeting(read):
    doc = read("Police spokesman John Carter speaks during a news conference in Springfield, Ill., Dec. 6, 2018")
    assert not _consult(doc)


def test_meeting_in_a_circumstance_phrase_has_the_clause_subject(read):
    doc = read("Norwegian Prime Minister Erik Lund gives a short statement as part of a meeting with Swedish Prime Minister Anna Berg in Stockholm")
    assert ("Erik Lund", "Anna Berg") in _consult(doc)


def test_meeting_in_a_caption_after_the_names(read):
    doc = read(
        "FILE - Senators Tom Hale, left, and Ray Burns, following a closed-door meeting with President Anna Berg to discuss the situation with Peru, May 2, 2019"
    )
    assert ("Tom Hale", "Anna Berg") in _consult(doc)


def test_meeting_of_a_passive_clause_has_the_agent(read):
    doc = read(
        "The plan was approved by Interior Minister Paul Martin last week in a closed door meeting with opposition lawmakers, according to the Daily Herald"
    )
    assert ("Paul Martin", "opposition lawmakers") in _consult(doc)


def test_meeting_needs_a_party_as_subject(read):
    assert not _consult(read("Chile's drought is set to dominate a meeting of South American leaders in Peru."))


def test_talks_read_as_a_noun_take_their_subject(read):
    doc = read(
        "FILE - Chilean Foreign Minister Tomas Vidal, right, talks with Peru's National Security Adviser Carlos Ruiz, left, during their meeting in Lima, Peru, May 13, 2018"
    )
    assert ("Tomas Vidal", "Carlos Ruiz") in _consult(doc)


def test_ahead_of_meeting_takes_the_main_subject_and_the_name_after_it(read):
    doc = read("The Chilean Prime Minister seemed to endorse that idea in remarks ahead of meeting Foreign Minister Jane Doe on Tuesday")
    assert any(o == "Jane Doe" for _, o in _consult(doc))


def test_speaking_on_the_phone_with(read):
    doc = read("FILE - President Anna Berg speaks on the phone with Brazilian President Carlos Ruiz, Feb. 3, 2019, in her office in Ottawa")
    assert ("Anna Berg", "Carlos Ruiz") in _consult(doc)


def test_speaking_by_phone_with_a_coordinated_subject(read):
    doc = read('After speaking by phone on Monday, Canadian Prime Minister Anna Berg and French President Paul Martin called the floods "tragic."')
    assert _met(doc, "Anna Berg", "Paul Martin")


def test_including_after_the_other_party_fans_out(read):
    doc = read(
        "Berg had told Ruiz she had spoken to three other world leaders Sunday, including Brazilian president Carlos Lima and Chilean President Tomas Vidal."
    )
    assert ("Berg", "Carlos Lima") in _consult(doc)


def test_a_number_of_actors_are_the_actors(read):
    doc = read("Berg used the weekend to reach out by phone to a number of foreign ministers")
    assert ("Berg", "foreign ministers") in _consult(doc)


def test_a_team_of_actors_are_the_actors(read):
    doc = read("A team of lawyers and officials from the union was to travel to Springfield to meet with Jane Doe")
    assert any(s == "officials" and o == "Jane Doe" for s, o in _consult(doc))


def test_leader_of_a_country_is_not_the_salient_person(read):
    doc = read("The Herald report said Lopez had described the call with the leader of Canada as the hardest so far.")
    assert ("Lopez", "Canada") in _consult(doc)


# --- what is not a meeting ---------------------------------------------------------------------------------
def test_visit_to_a_city_is_no_meeting_but_to_a_country_is(read):
    assert not _consult(read("Defense Minister Paul Martin, during his two-day visit to Lima on Tuesday, warned of a difficult year."))
    assert ("Paul Martin", "Peru") in _consult(read("Earlier this month, Defense Minister Paul Martin visited Peru."))


def test_meeting_standards_is_no_meeting(read):
    assert not _consult(read("Canadian and IMF officials have said Peru doesn't meet IMF criteria for debt relief"))


def test_speaking_to_a_topic_is_no_meeting(read):
    assert not _consult(read("Foreign Minister Jane Doe also spoke to Chile's support of the rebels"))


def test_call_for_action_is_no_phone_call(read):
    assert not _consult(read("Canada and Norway have issued an urgent call for the World Bank to fund new schools"))


def test_as_x_calls_it_is_naming(read):
    doc = read("Rebel fighters had attacked government troops in the area of the operation, as Lima calls its campaign against the insurgents")
    assert not _consult(doc)


def test_subjects_meeting_a_non_actor_do_not_meet_each_other(read):
    doc = read(
        "Lopez and his deputy Mike Green drove through storm-damaged towns and met with relief volunteers outside the state capital, Springfield"
    )
    assert not _met(doc, "Lopez", "Mike Green")


def test_companion_of_the_subject_is_the_other_party(read):
    doc = read(
        "Presidential candidate Jane Doe, right, accompanied by Rev. John Smith, raises a fist as she arrives for a lunch meeting at Tom's Diner, March 3, 2019"
    )
    assert ("Jane Doe", "John Smith") in _consult(doc)


def test_pronoun_of_a_fronted_clause_is_the_main_subject(read):
    doc = read("As he arrived for a meeting of NATO defence ministers Thursday, the alliance's chief Paul Martin said members must spend more")
    assert any(s == "Paul Martin" for s, _ in _consult(doc))


def test_owner_of_the_noun_does_the_act(read):
    doc = read(
        "Citing the gang's skill in reaching out to young members in other countries, including Canada, Lopez said stopping the gang will take years"
    )
    assert ("Lopez", "Canada") not in _consult(doc)


def test_things_are_no_parties_of_a_meeting(read):
    doc = read(
        "It is involved in nearly parallel negotiations on two of the hardest questions in the region: Iran's missile program and the Kashmir dispute"
    )
    assert not _consult(doc)


def test_trip_to_a_country_is_travel_but_a_visit_is_a_meeting(read):
    assert not _consult(
        read("Supporters and critics of Canadian Prime Minister Anna Berg's landmark trip to Peru later this month agree on one thing.")
    )
    assert ("Carlos Ruiz", "Peru") in _consult(read("Chilean President Carlos Ruiz's visit to Peru swings his country back toward Brazil."))


def test_people_placed_in_a_caption_stay_in_the_list(read):
    doc = read(
        "Pope John looks at Imam Ali Hassan, right, and Rabbi David Stern, left, shaking hands as he arrives for a peace service in Boston, May 2, 2018"
    )
    assert any("Stern" in s or "Stern" in o for s, o in _consult(doc))


def test_possessive_the_parse_lost_is_the_source(read):
    doc = read(
        "Peru and Chile-Berg's recent phone call with Chile President Carlos Ruiz, a first by any leader since Ottawa switched ties to Santiago, has some feeling that just might happen"
    )
    assert any("Berg" in s and "Ruiz" in o for s, o in _consult(doc))


def test_their_meeting_with_one_subject_takes_the_person_named_before(read):
    doc = read(
        "Chilean President Carlos Ruiz, left, is shown around the garden by Peruvian President Ana Costa after a short press briefing following their meeting at Costa's country house near Lima, May 6, 2019"
    )
    assert ("Carlos Ruiz", "Ana Costa") in _consult(doc)


def test_reporters_and_kin_are_a_party_met(read):
    assert ("Maria Lopez", "brothers") in _consult(
        read("Maria Lopez spoke to both her brothers by phone on Monday and watched the evening news on TV")
    )
    assert ("Carlos Ruiz", "reporters") in _consult(read("FILE - Chilean President Carlos Ruiz talks to reporters"))


def test_reporters_as_subject_are_no_new_actor(read):
    doc = read("Both reporters have received broad support, including the Media Freedom Network and U.N. rights groups")
    assert not _consult(doc)


def test_walking_with_a_thing_is_no_meeting(read):
    assert not _consult(read("The old man walked with a cane to the station."))


def test_a_country_before_an_unnamed_ruler_stands_for_the_ruler_in_a_list(read):
    doc = read("Prime Minister Anna Berg and Jordan's King Tarek hold a press conference in the Blue Hall at the Parliament in Ottawa, April 5, 2019")
    got = _consult(doc)
    assert any(s == "Anna Berg" and ("Tarek" in o or o == "Jordan") for s, o in got)
    assert not any(o in ("Ottawa", "Parliament", "Blue Hall") for _, o in got)


def test_a_bare_place_after_a_caption_list_is_no_party(read):
    doc = read("President Anna Berg meets with Brazilian President Carlos Ruiz, left, and Chilean President Tomas Vidal, Ottawa, June 2, 2019")
    assert not any(o == "Ottawa" for _, o in _consult(doc))


def test_a_person_who_attacks_attacks_in_words(read):
    assert ("ACCUSE", "Ann Lee", "Tom Ford", "occurred") in edges(read("Ann Lee attacked Tom Ford over the budget on Monday."))
    assert ("ACCUSE", "Ann Lee", "Tom Ford", "occurred") in edges(read("Ann Lee launched an attack on Tom Ford on Monday."))
    # a state or an armed group that attacks assaults
    assert ("ASSAULT", "Germany", "France", "occurred") in edges(read("Germany attacked France on Monday."))
