"""scripts/phoenix_people.py: the Phoenix country actors → the linker's known_people.json."""

import json

from conftest import ROOT, load_script

phoenix = load_script("phoenix_people")

ACTORS = """# written for this test
JANE_Q._DOE_  # CountryInfo.txt
+PRESIDENT_JANE_DOE_
\t[XYZGOV 970502-070627]
\t[XYZELI]
NORTHFIELD_PEOPLES_COUNCIL_  # CountryInfo.txt
\t[XYZGOV]
JOHN_ROE_  # CountryInfo.txt
MARY_MAJOR_\t[XYZELI]
"""


def test_people_with_a_dated_office_and_no_bodies(tmp_path):
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(ACTORS, encoding="latin-1")
    # the council is a body; John Roe holds no office; Mary Major is not a CountryInfo entry
    assert phoenix.convert(path)["people"] == ["jane q. doe"]


def test_the_committed_people_are_the_conversion_of_the_shared_file(shared):
    committed = json.loads((ROOT / "src" / "newsgraph" / "resolve" / "known_people.json").read_text(encoding="utf-8"))
    assert committed == phoenix.convert(shared / "data" / "petrarch2" / "Phoenix.Countries.actors.txt")
