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
