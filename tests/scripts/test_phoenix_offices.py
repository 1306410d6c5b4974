"""scripts/phoenix_offices.py: the Phoenix country actors → the ROLE step's known_offices.json."""

import json

from conftest import ROOT, load_script

phoenix = load_script("phoenix_offices")

ACTORS = """# written for this test
JANE_Q._DOE_  # CountryInfo.txt
+PRESIDENT_JANE_DOE_
\t[GBRGOV 970502-070627]
\t[FRAELI]
JOHN_ROE_\t[DEULEG]
MARY_MAJOR_  # CountryInfo.txt
\t[GBRELI]
\t[XYZGOV]
"""


def test_people_with_the_countries_of_their_offices(tmp_path):
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(ACTORS, encoding="latin-1")
    # an elite code is no office; XYZ is no country
    assert phoenix.convert(path)["offices"] == {"jane q. doe": ["GB"], "john roe": ["DE"]}


def test_the_committed_offices_are_the_conversion_of_the_shared_file(shared):
    committed = json.loads((ROOT / "src" / "newsgraph" / "nlp" / "known_offices.json").read_text(encoding="utf-8"))
    assert committed == phoenix.convert(shared / "data" / "petrarch2" / "Phoenix.Countries.actors.txt")
