"""scripts/phoenix_agents.py: the Phoenix generic agents → the English pack's agents.json."""

import json

from conftest import ROOT, load_script

phoenix = load_script("phoenix_agents")

AGENTS = """# header
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
DAIRY_FARMER [~AGR]
FARMER [~AGR]
TAX_FARMER [~GOV]
STRIKER [~LAB]
POLICE!PERSON! [~COP]
SPY [~SPY]
"""


def test_conversion(tmp_path):
    (tmp_path / "Phoenix.agents.txt").write_text(AGENTS, encoding="latin-1")
    agents = phoenix.convert(tmp_path)["agents"]
    assert agents["farmer"] == agents["farmers"] == "AGR"  # the head of several entries, by most of them
    assert agents["strikers"] == "LAB"
    assert agents["policeman"] == agents["policemen"] == agents["policewoman"] == "COP"
    assert agents["spies"] == "SPY"


def test_the_committed_agents_are_the_conversion_of_the_shared_file(shared):
    committed = json.loads((ROOT / "src" / "newsgraph" / "lang" / "en" / "agents.json").read_text(encoding="utf-8"))
    assert committed == phoenix.convert(shared / "data" / "petrarch2")
