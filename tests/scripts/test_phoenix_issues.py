"""scripts/phoenix_issues.py: the Phoenix issue coding → the English pack's issues.json."""

import json

from conftest import ROOT, load_script

phoenix = load_script("phoenix_issues")

ISSUES = """# written for this test
<ISSUE CATEGORY="ECONOMIC" TYPE="ALL">
exchange n:rate [EXCHANGE_RATE]
pre+n:school [SCHOOLS]
~exchange n:student
"""


def test_phrases_lemmas_hyphens_and_exclusions(tmp_path):
    path = tmp_path / "Phoenix.IssueCoding.txt"
    path.write_text(ISSUES, encoding="utf-8")
    data = phoenix.convert(path)
    words = {tuple(p["words"]): (p["lemma"], p["category"], p["topic"]) for p in data["phrases"]}
    assert words[("exchange", "rate")] == ([False, True], "ECONOMIC", "EXCHANGE_RATE")
    assert ("pre", "school") in words and ("pre", "-", "school") in words
    assert data["exclusions"] == [["exchange", "student"]] or data["exclusions"] == [("exchange", "student")]


def test_the_committed_issues_are_the_conversion_of_the_shared_file(shared):
    committed = json.loads((ROOT / "src" / "newsgraph" / "lang" / "en" / "issues.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(phoenix.convert(shared / "data" / "petrarch2" / "Phoenix.IssueCoding.txt")))
