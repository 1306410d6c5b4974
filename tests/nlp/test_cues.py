"""Every cue of the lexicon (data/event_cues.json) has a test sentence, and it fires."""
import pytest

from newsgraph.data import load

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


@pytest.mark.parametrize("etype,cue,sentence", CASES, ids=[c[1] for c in CASES])
def test_cue_fires_on_its_sentence(read, etype, cue, sentence):
    doc = read(sentence)
    assert etype in {v["type"] for v in doc["events"]}, (cue, doc["events"])


def test_lexicon_types_are_plover():
    from newsgraph import ontology as ont

    for section in ("verbs", "nouns", "adjectives"):
        assert set(CUES[section]) <= set(ont.EVENT_TYPES)
