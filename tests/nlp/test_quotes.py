"""Direct quotations: which quoted text is speech, who said it, and how interrupted quotes are joined."""

import pytest


def _quotes(doc: dict) -> list[tuple[str | None, str]]:
    names = {e["id"]: e["name"] for e in doc["entities"]}
    return [(names.get(q["speaker"]), q["text"]) for q in doc["quotes"]]


def test_curly_quote_with_attribution_verb(read):
    doc = read("“We will not give up on our reforms,” Javier Milei said on Sunday.")
    q = doc["quotes"][0]
    speaker = {e["id"]: e["name"] for e in doc["entities"]}[q["speaker"]]
    assert speaker == "Javier Milei" and q["text"].startswith("We will not give up")


def test_straight_quote_speaker_from_clause_subject(read):
    doc = read('Angela Merkel blamed the crisis on "people who never paid their taxes."')
    q = doc["quotes"][0]
    assert {e["id"]: e["name"] for e in doc["entities"]}[q["speaker"]] == "Angela Merkel"


def test_scare_quotes_are_not_quotations(read):
    assert read('The so-called "reform" failed.')["quotes"] == []


@pytest.mark.parametrize(
    "text",
    [
        '"We will win this state by a wide margin," said Maria Lopez, the campaign manager.',
        "Maria Lopez told reporters: \u201cWe will win this state by a wide margin.\u201d",
        'Maria Lopez said, "We will win this state by a wide margin."',
        "''We will win this state by a wide margin,'' Maria Lopez said.",  # doubled apostrophes
        "\u201cWe will win this state by a wide margin,\u201c said Maria Lopez.",  # misprinted closing mark
        "Pollster Maria Lopez: \u201cWe will win this state by a wide margin.\u201d",  # a name before a colon
        "Maria Lopez spoke in Denver on Tuesday and said the race was close.\n\n"
        "\u201cWe will win this state by a wide margin.\u201d",  # alone, after attributed speech
        "Maria Lopez shot back, \u201cWe will win this state by a wide margin.\u201d",  # a verb with its particle
        "\u201cWe will win this state by a wide margin,\u201d Maria Lopez shot back.",
    ],
)
def test_frames_give_the_speaker(read, text):
    got = _quotes(read(text))
    assert [s for s, _ in got] == ["Maria Lopez"] and got[0][1].startswith("We will win this state by a wide margin"), got


def test_interrupted_quote_is_one_quotation(read):
    got = _quotes(read('"We will win this state," Maria Lopez said. "Nobody can stop us now."'))
    assert got == [("Maria Lopez", "We will win this state, Nobody can stop us now.")]


def test_quote_resumed_after_the_frame_verb(read):
    got = _quotes(read('"We will win this state," Maria Lopez said, "because voters trust us."'))
    assert got == [("Maria Lopez", "We will win this state, because voters trust us.")]


def test_quote_continued_in_the_next_paragraph(read):
    got = _quotes(read('"We will win this state," Maria Lopez said on Monday.\n\n"Nobody can stop us now."'))
    assert got == [("Maria Lopez", "We will win this state, Nobody can stop us now.")]


def test_quote_before_the_framed_one_takes_its_speaker(read):
    got = _quotes(read('"We are ready for this fight." "Nobody can stop us now," Maria Lopez said.'))
    assert got == [("Maria Lopez", "We are ready for this fight. Nobody can stop us now,")]


@pytest.mark.parametrize(
    "text",
    [
        'Maria Lopez said the plan was "a complete disaster for the whole country."',  # woven into the sentence
        'The plan, Maria Lopez said, "could be a disaster for all of us."',  # continues the reporter's sentence
        'The plan "is a disaster for all of us," Maria Lopez said. "It will not pass."',  # and its continuation
        'She watched "The Walking Dead" with Maria Lopez on Sunday.',  # a title
        '"We will win this state by a wide margin," a spokeswoman said.',  # no entity speaks
        '"It is over," Maria Lopez said the senator told her.',  # the verb reports another statement
    ],
)
def test_not_direct_quotations_of_a_known_speaker(read, text):
    assert [s for s, _ in _quotes(read(text)) if s == "Maria Lopez"] == []


def test_spokeswoman_for_an_organisation(read):
    got = _quotes(read('"We will win this state by a wide margin," a spokeswoman for the Democratic Party said.'))
    assert [s for s, _ in got] == ["Democratic Party"]


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('"We will appeal against the ruling next week," a Northwind Bank spokesman said.', "Northwind Bank"),
        ('"We will not comment on the matter," the Northwind Bank\'s spokeswoman told reporters.', "Northwind Bank"),
    ],
)
def test_spokesperson_speaks_for_the_body_named_beside_it(read, text, speaker):
    assert [s for s, _ in _quotes(read(text))] == [speaker]


def test_a_member_is_not_a_spokesperson(read):
    got = _quotes(read('"It is a good deal for the workers," a Northwind Party councillor said.'))
    assert [s for s, _ in got] == []


def test_frame_without_a_parsed_subject(read):
    text = (
        '"We have had better rallies than this one," Ohio delegate Tom Hale, '
        "wearing a baseball cap and a campaign badge, said as balloons drifted down."
    )
    assert [s for s, _ in _quotes(read(text))] == ["Tom Hale"]


def test_an_unnamed_person_who_speaks_is_an_actor_of_the_document(read):
    doc = read('"The party has gone in the opposite direction," said the former top aide to Governor Jane Doe.')
    speaker = next(e for e in doc["entities"] if e["id"] == doc["quotes"][0]["speaker"])
    assert speaker["name"] == "former top aide to Governor Jane Doe"
    assert speaker["type"] == "Person" and speaker["type_reason"] == "described"
    # a description, not a name: no name mention for the NER measures, one descriptor reference
    assert speaker["mentions"] == [] and [r["kind"] for r in speaker["references"]] == ["descriptor"]


def test_an_unnamed_person_named_by_what_they_do(read):
    got = _quotes(read('"We have waited three years for the new bridge," one local resident said.'))
    assert got and got[0][0] == "local resident"


def test_an_unnamed_group_that_speaks(read):
    got = _quotes(read('"We will not go home until the plant stays open," protesters said on Monday.'))
    assert got and got[0][0] == "protesters"


def test_a_thing_that_says_is_no_speaker(read):
    assert read('"Costs will rise by a tenth next year," the report said.')["quotes"] == []


def test_a_statement_is_no_unnamed_speaker(read):
    assert read('"We reject the claims in full," a short statement said on Monday.')["quotes"] == []
