"""scripts/petrarch_lexicon.py: the CAMEO dictionary → the English event dictionary (on a dictionary
written for the test, and the committed file against the shared one)."""

import json

from conftest import ROOT, load_script

petrarch = load_script("petrarch_lexicon")

CROSSWALK = """# test
04: CONSULT
040: CONSULT, ,  # Consult
046: CONSULT, , diplomatic # Negotiate
11: ACCUSE
111: ACCUSE, , # Criticize
112: ACCUSE, , # Accuse
"""

VERBS = """# header
####### VERB PATTERNS #######

---  GRUMBLE   [111]  ---
GRUMBLE
REPROACH [112]
+FIND_FAULT {+FINDS_FAULT +FOUND_FAULT}
- * (AT)                                              [111]         # GRUMBLE
- * WEATHER                                           [---]         # GRUMBLE
- * &WEAPON                                           [111]         # GRUMBLE
- SYMBOLICALLY *                                      [112]         # REPROACH
- * REMARK                                            [:111]        # GRUMBLE

---  PARLEY   [---]  ---
PARLEY
- * {PEACE TALKS}                                     [046]         # PARLEY
- * GREETINGS                                         [010]         # PARLEY
"""


def test_conversion(tmp_path):
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text(CROSSWALK, encoding="utf-8")
    (tmp_path / "CAMEO.2.0.txt").write_text(VERBS, encoding="latin-1")
    data = petrarch.convert(tmp_path)
    assert data["verbs"] == {
        "grumble": {"type": "ACCUSE", "cameo": "111", "block": "GRUMBLE"},
        "reproach": {"type": "ACCUSE", "cameo": "112", "block": "GRUMBLE"},  # its own code wins
        "find fault": {"type": "ACCUSE", "cameo": "111", "block": "GRUMBLE"},
        "grumble at": {"type": "ACCUSE", "cameo": "111", "block": "GRUMBLE"},
    }
    # a [---] pattern is "not an event"; synonym sets, words before the verb, swapped codes and 01x are left out
    assert data["verb_objects"] == {
        "grumble weather": {"type": None, "cameo": "---", "block": "GRUMBLE"},
        "parley talks": {"type": "CONSULT", "cameo": "046", "block": "PARLEY"},
    }


def test_plover_codes():
    t = {"040": "CONSULT", "111": "ACCUSE"}
    assert petrarch.plover("1112", t) == "ACCUSE"  # the longest listed prefix
    assert petrarch.plover("023", t) == "REQUEST"  # appeals
    assert petrarch.plover("010", t) is None  # statements
    assert petrarch.plover("---", t) is None


def test_the_committed_dictionary_is_the_conversion_of_the_shared_one(shared):
    committed = json.loads((ROOT / "src" / "newsgraph" / "lang" / "en" / "event_dictionary.json").read_text(encoding="utf-8"))
    assert committed == petrarch.convert(shared / "data" / "petrarch2")
