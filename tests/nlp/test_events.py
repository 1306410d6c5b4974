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


# --- meetings: parties through relative clauses, caption lists, "their meeting", circumstance phrases ------
def _consult(doc):
    return {(s, o) for t, s, o, _ in edges(doc) if t == "CONSULT"}


def _met(doc, a, b):
    return (a, b) in _consult(doc) or (b, a) in _consult(doc)


def test_relative_clause_subject_is_the_noun_it_modifies(read):
    doc = read("Chinese President Xi Jinping, who met separately with Barack Obama at the summit, said North Korea should return to talks.")
    assert ("Xi Jinping", "Barack Obama") in _consult(doc)


def test_caption_list_with_positions_is_a_coordinated_subject(read):
    doc = read(
        "FILE - U.S. President Barack Obama, left, and Chinese President Xi Jinping shake hands at the West Lake State Guest House in Hangzhou, China, Sept. 3, 2016"
    )
    assert _met(doc, "Barack Obama", "Xi Jinping")


def test_caption_list_with_positions_fans_out_the_other_party(read):
    doc = read(
        "President Barack Obama meets with South Korean President Park Geun-hye, left, and Japanese Prime Minister Shinzo Abe during the Nuclear Security Summit in Washington, March 31, 2016"
    )
    assert ("Barack Obama", "Shinzo Abe") in _consult(doc)


def test_their_meeting_joins_the_coordinated_subject(read):
    doc = read(
        "Russian President Vladimir Putin, right, and Syria President Bashar Assad arrive for their meeting in the Kremlin in Moscow, Russia, Oct. 20, 2015"
    )
    assert _met(doc, "Vladimir Putin", "Bashar Assad")


def test_their_meeting_joins_subject_and_companion(read):
    doc = read(
        "FILE - Israel's Prime Minister Benjamin Netanyahu walks with U.S. Secretary of State Hillary Rodham Clinton upon her arrival to their meeting in Jerusalem, Nov. 20, 2012"
    )
    assert ("Benjamin Netanyahu", "Hillary Rodham Clinton") in _consult(doc)


def test_joint_news_conference_of_a_caption_list(read):
    doc = read(
        "U.S. President Donald Trump, right, and German Chancellor Angela Merkel hold a joint news conference in the East Room of the White House in Washington, March 17, 2017"
    )
    assert _met(doc, "Donald Trump", "Angela Merkel")


def test_news_conference_of_one_party_is_no_meeting(read):
    doc = read("FBI assistant director David Bowdich speaks during a news conference in San Bernardino, Calif., Dec. 4, 2015")
    assert not _consult(doc)


def test_meeting_in_a_circumstance_phrase_has_the_clause_subject(read):
    doc = read(
        "German Chancellor Angela Merkel attends a joint news conference as part of a meeting with French President Emmanuel Macron, at the chancellery in Berlin"
    )
    assert ("Angela Merkel", "Emmanuel Macron") in _consult(doc)


def test_meeting_in_a_caption_after_the_names(read):
    doc = read(
        "FILE - Senators John McCain, left, and Lindsey Graham, following a closed-door meeting with President Barack Obama to discuss the situation with Syria, Sept. 2, 2013"
    )
    assert ("John McCain", "Barack Obama") in _consult(doc)


def test_meeting_of_a_passive_clause_has_the_agent(read):
    doc = read(
        "The policy was confirmed by Homeland Security Secretary John Kelly last week in a closed door meeting with congressional Democrats, according to the Washington Post"
    )
    assert ("John Kelly", "congressional Democrats") in _consult(doc)


def test_meeting_needs_a_party_as_subject(read):
    assert not _consult(read("Zimbabwe's election is set to dominate a meeting of Southern African leaders in Malawi."))


def test_talks_read_as_a_noun_take_their_subject(read):
    doc = read(
        "FILE - Afghan Foreign Minister Salahuddin Rabbani, right, talks with Pakistan's National Security Adviser Sartaj Aziz, left, during their meeting in Islamabad, Pakistan, August 13, 2015"
    )
    assert ("Salahuddin Rabbani", "Sartaj Aziz") in _consult(doc)


def test_ahead_of_meeting_takes_the_main_subject_and_the_name_after_it(read):
    doc = read("The Israeli Prime Minister seemed to confirm that point in remarks ahead of meeting Secretary of State John Kerry November 8")
    assert any(o == "John Kerry" for _, o in _consult(doc))


def test_speaking_on_the_phone_with(read):
    doc = read(
        "FILE - President Donald Trump speaks on the phone with Russian President Vladimir Putin, Jan. 28, 2017, in the Oval Office at the White House in Washington"
    )
    assert ("Donald Trump", "Vladimir Putin") in _consult(doc)


def test_speaking_by_phone_with_a_coordinated_subject(read):
    doc = read('After speaking by phone on Friday, U.S. President Barack Obama and German Chancellor Angela Merkel called the attacks "barbarous."')
    assert _met(doc, "Barack Obama", "Angela Merkel")


def test_including_after_the_other_party_fans_out(read):
    doc = read(
        "Trump had told Turnbull he had spoken to four other world leaders Saturday, including Russian president Vladimir Putin and Mexican President Enrique Pena Nieto."
    )
    assert ("Trump", "Vladimir Putin") in _consult(doc)


def test_a_number_of_actors_are_the_actors(read):
    doc = read("Trump spent the last two days reaching out by telephone to a number of world leaders")
    assert ("Trump", "world leaders") in _consult(doc)


def test_a_team_of_actors_are_the_actors(read):
    doc = read("A team of lawyers and officials from the party was to travel to Moroto to meet with Besigye")
    assert any(s == "officials" and o == "Besigye" for s, o in _consult(doc))


def test_leader_of_a_country_is_not_the_salient_person(read):
    doc = read("The Post report said Trump had described the call with the leader of Australia as the worst so far.")
    assert ("Trump", "Australia") in _consult(doc)


# --- what is not a meeting ---------------------------------------------------------------------------------
def test_visit_to_a_city_is_no_meeting_but_to_a_country_is(read):
    assert not _consult(read("U.S. Defense Secretary Jim Mattis, during his day-long visit to Kabul on Monday, warned of a tough year."))
    assert ("Jim Mattis", "Iraq") in _consult(read("Earlier this week, U.S. Defense Secretary Jim Mattis visited Iraq."))


def test_meeting_standards_is_no_meeting(read):
    assert not _consult(read("U.S. and World Bank officials have said Cambodia doesn't meet World Bank standards for debt forgiveness"))


def test_speaking_to_a_topic_is_no_meeting(read):
    assert not _consult(read("Secretary of State Rex Tillerson also spoke to Russia's support of Assad"))


def test_call_for_action_is_no_phone_call(read):
    assert not _consult(read("The U.S., Britain, and France have issued an urgent call for the United Nations to begin humanitarian airdrops"))


def test_as_x_calls_it_is_naming(read):
    doc = read("Russian forces had attacked Ukrainian forces in the zone of the operation, as Kyiv calls its campaign against the separatists")
    assert not _consult(doc)


def test_subjects_meeting_a_non_actor_do_not_meet_each_other(read):
    doc = read(
        "Trump and his running mate Mike Pence drove through flood-ravaged areas and met with disaster relief volunteers outside the state capital, Baton Rouge"
    )
    assert not _met(doc, "Trump", "Mike Pence")


def test_companion_of_the_subject_is_the_other_party(read):
    doc = read(
        "Democratic presidential candidate Sen. Bernie Sanders, right, accompanied by Rev. Al Sharpton, raises a fist as he arrives for a breakfast meeting at Sylvia's Restaurant, Feb. 10, 2016"
    )
    assert ("Bernie Sanders", "Al Sharpton") in _consult(doc)


def test_pronoun_of_a_fronted_clause_is_the_main_subject(read):
    doc = read(
        "As she entered a meeting of EU foreign ministers Monday, the bloc's foreign affairs head Federica Mogherini stressed that European governments intend to stand by the accord"
    )
    assert any(s == "Federica Mogherini" for s, _ in _consult(doc))


def test_meeting_verb_read_as_a_noun_in_a_caption(read):
    doc = read(
        "U.S. President-elect Donald Trump and Vice President-elect Mike Pence greet retired Marine General James Mattis for a meeting at the main clubhouse, November 19, 2016"
    )
    assert ("Donald Trump", "James Mattis") in _consult(doc)


def test_owner_of_the_noun_does_the_act(read):
    doc = read(
        "Noting the militant group's success in reaching out to potential recruits in faraway lands, including the United States, Obama said defeating the group will require more than military might"
    )
    assert ("Obama", "United States") not in _consult(doc)


def test_things_are_no_parties_of_a_meeting(read):
    doc = read(
        "It is involved in nearly simultaneous negotiations on two of the most contentious issues in the Middle East: Iran's nuclear program and the Israeli-Palestinian dispute"
    )
    assert not _consult(doc)


def test_trip_to_a_country_is_travel_but_a_visit_is_a_meeting(read):
    assert not _consult(
        read("Supporters and critics of U.S. President Barack Obama's history-making trip to Cuba later this month agree on one thing.")
    )
    assert ("Rodrigo Duterte", "Japan") in _consult(
        read("Philippine President Rodrigo Duterte's visit to Japan swings his country back toward the United States.")
    )


def test_people_placed_in_a_caption_stay_in_the_list(read):
    doc = read(
        "Pope Francis looks at Imam Khalid Latif, right, and Rabbi Elliot J. Cosgrove, left, shaking hands as he arrives for an interfaith service in New York, Sept. 25, 2015"
    )
    assert any("Cosgrove" in s or "Cosgrove" in o for s, o in _consult(doc))


def test_possessive_the_parse_lost_is_the_source(read):
    doc = read(
        "Taiwan and China-Trump's recent phone call with Taiwan President Tsai Ing-wen, a first by any president since Washington switched ties to Beijing, has some feeling that just might happen"
    )
    assert any("Trump" in s and "Tsai" in o for s, o in _consult(doc))


def test_their_meeting_with_one_subject_takes_the_person_named_before(read):
    doc = read(
        "Philippine President Rodrigo Duterte, left, is shown the way by Japanese Prime Minister Shinzo Abe after a joint press conference following their meeting at Abe's official residence in Tokyo, Oct. 26, 2016"
    )
    assert ("Rodrigo Duterte", "Shinzo Abe") in _consult(doc)


def test_reporters_and_kin_are_a_party_met(read):
    assert ("Kurdi", "brothers") in _consult(read("Kurdi spoke to both her brothers by phone on Friday and watched emotional video on CNN"))
    assert ("Petro Poroshenko", "reporters") in _consult(read("FILE - Ukrainian President Petro Poroshenko talks to reporters"))


def test_reporters_as_subject_are_no_new_actor(read):
    doc = read("Both reporters have received widespread support, including the International Commission of Jurists and U.N. rights groups")
    assert not _consult(doc)


def test_walking_with_a_thing_is_no_meeting(read):
    assert not _consult(read("The old man walked with a cane to the station."))


def test_a_country_before_an_unnamed_ruler_stands_for_the_ruler_in_a_list(read):
    doc = read(
        "President Donald Trump and Jordan's King Abdullah II hold a news conference in the Rose Garden at the White House in Washington, April 5, 2017"
    )
    got = _consult(doc)
    assert any(s == "Donald Trump" and ("Abdullah" in o or o == "Jordan") for s, o in got)
    assert not any(o in ("Washington", "White House", "Rose Garden") for _, o in got)


def test_a_bare_place_after_a_caption_list_is_no_party(read):
    doc = read(
        "President Barack Obama meets with South Korean President Park Geun-hye, left, and Japanese Prime Minister Shinzo Abe, Washington, March 31, 2016"
    )
    assert not any(o == "Washington" for _, o in _consult(doc))
