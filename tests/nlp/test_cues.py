"""Every cue of the lexicons (data/event_cues.json, and the ROLE cues of data/titles.json) has a test sentence, and it fires."""

import pytest

from newsgraph.lang import load

CUES = load("event_cues.json")


def _cases():
    for etype, verbs in CUES["verbs"].items():
        for v in verbs:
            yield etype, f"verb:{v}", CUES["verb_examples"].get(v) or CUES["verb_template"].format(verb=v)
    for kind in ("nouns", "adjectives"):
        for etype, entries in CUES[kind].items():
            for e in entries:
                yield etype, f"{kind}:{e['lemma']}", e["example"]


CASES = list(_cases())


#: cues whose example sentence legitimately has no target (an intransitive cue: "John Smith stepped down")
NO_TARGET = {"verb:step down"}


@pytest.mark.parametrize("etype,cue,sentence", CASES, ids=[c[1] for c in CASES])
def test_cue_fires_on_its_sentence(read, etype, cue, sentence):
    doc = read(sentence)
    names = {e["id"]: e["name"] for e in doc["entities"]}
    ends = [(tuple(names[x] for x in v["source"] or []), tuple(names[x] for x in v["target"] or [])) for v in doc["events"] if v["type"] == etype]
    assert ends, (cue, doc["events"])
    if sentence == CUES["verb_template"].format(verb=cue.removeprefix("verb:")):
        # the template "Germany will {verb} France on Monday.": Germany acts on France
        assert (("Germany",), ("France",)) in ends, (cue, ends)
    else:
        # the cue's own example: someone acts; a target too, unless the cue has none by nature
        assert any(source for source, _ in ends), (cue, ends)
        assert cue in NO_TARGET or any(source and target for source, target in ends), (cue, "no target", ends)


def test_lexicon_types_are_plover():
    from newsgraph import ontology as ont

    for section in ("verbs", "nouns", "adjectives"):
        assert set(CUES[section]) <= set(ont.EVENT_TYPES)


# --- ROLE cues (data/titles.json): every role noun, team title, role verb and "led by" verb fires -----------
TITLES = load("titles.json")
_PARTICIPLE = {"lead": "led", "run": "run"}


def _role_cases():
    for n in TITLES["role_nouns"]:
        written = n.capitalize() if n.endswith(".") else n  # an abbreviated title is written capitalised ("Gov.")
        yield f"role_noun:{n}", f"Acme Corporation {written} Jane Doe spoke on Monday.", "Acme Corporation"
    for n in TITLES["office_titles"]:
        written = n.capitalize() if n.endswith(".") else n
        yield f"office_title:{n}", f"Ohio {written} Jane Doe spoke on Monday.", "Ohio"
    for n in TITLES["team_titles"]:
        yield f"team_title:{n}", f"Northfield {n} Jane Doe scored twice on Saturday.", "Northfield"
    for v in TITLES["role_verbs"]:
        yield f"role_verb:{v['lemma']}", v["example"], None
    for v in TITLES["led_by_verbs"]:
        pp = _PARTICIPLE.get(v) or (v + "d" if v.endswith("e") else v + "ed")
        yield f"led_by_verb:{v}", f"The Green Party, {pp} by Jane Doe, won the vote.", "Green Party"


ROLE_CASES = list(_role_cases())


@pytest.mark.parametrize("cue,sentence,org", ROLE_CASES, ids=[c[0] for c in ROLE_CASES])
def test_role_cue_fires_on_its_sentence(read, cue, sentence, org):
    doc = read(sentence)
    by_id = {e["id"]: e for e in doc["entities"]}
    ties = {(by_id[r["person"]]["name"], by_id[r["org"]]["name"]) for r in doc["roles"]}
    assert any(p == "Jane Doe" and (org is None or o == org) for p, o in ties), (cue, ties)
    if org is not None:  # the organisation end is an organisation, even where the NER saw a place
        assert {by_id[r["org"]]["type"] for r in doc["roles"]} <= {"Organization", "Company", "PublicBody", "Country"}


# ---- quotation cues (data/quote_cues.json) ----
QUOTE_CUES = load("quote_cues.json")


def _third_person(verb: str) -> str:
    """``say`` -> ``says``, ``cry`` -> ``cries``, ``press`` -> ``presses``."""
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    return verb + "s"


def _quote_cases():
    for v in QUOTE_CUES["attribution_verbs"]:
        yield f"attribution:{v}", QUOTE_CUES["verb_examples"].get(v) or QUOTE_CUES["verb_template"].format(verb=_third_person(v))
    for v in QUOTE_CUES["inline_verbs"]:
        yield f"inline:{v}", QUOTE_CUES["inline_examples"][v]


QUOTE_CASES = list(_quote_cases())


@pytest.mark.parametrize("cue,sentence", QUOTE_CASES, ids=[c[0] for c in QUOTE_CASES])
def test_quote_cue_fires_on_its_sentence(read, cue, sentence):
    doc = read(sentence)
    names = {e["id"]: e["name"] for e in doc["entities"]}
    assert [names.get(q["speaker"]) for q in doc["quotes"]] == ["Maria Lopez"], (cue, doc["quotes"])


@pytest.mark.parametrize("noun", QUOTE_CUES["spokesperson_nouns"])
def test_spokesperson_noun_gives_the_quote_to_the_body(read, noun):
    doc = read(QUOTE_CUES["spokesperson_template"].format(noun=noun))
    names = {e["id"]: e["name"] for e in doc["entities"]}
    assert [names.get(q["speaker"]) for q in doc["quotes"]] == ["Acme Corporation"], (noun, doc["quotes"])
