"""Convert the Phoenix country actors (PETRARCH2) into ``src/newsgraph/nlp/known_offices.json``: for each person
the event-data field's dictionary gives an office of a country's government, legislature, judiciary or military,
the countries (ISO 3166-1 alpha-2) of those offices.  The ROLE step reads it to say *which* country a title in
the text belongs to ("Prime Minister X" in an article that names the country X governs).

    python scripts/phoenix_offices.py ../shared/data/petrarch2 src/newsgraph/nlp/known_offices.json

``Phoenix.Countries.actors.txt`` (MIT, Open Event Data Alliance): an entry is a name line (``TONY_BLAIR_``) followed
by alias lines (``+...``) and dated codes (``[GBRGOV 970502-070627]``).  Written, deterministically: each entry of
two to four words with a ``GOV``, ``LEG``, ``JUD`` or ``MIL`` code, its name in lower case, and the alpha-2 codes
of those codes' countries (pycountry; codes it does not know are left out); the dates are not kept (the text's
title and the country it names decide the time).  Elite (``ELI``), opposition and party codes are not offices of a
country.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pycountry

ENTRY = re.compile(r"^([A-Z][A-Z0-9_.'\-]*)")
OFFICE = re.compile(r"\[([A-Z]{3})(?:GOV|LEG|JUD|MIL)")


def _alpha2(code: str) -> str | None:
    country = pycountry.countries.get(alpha_3=code)
    return country.alpha_2 if country is not None else None


def convert(path: Path) -> dict:
    offices: dict[str, set[str]] = {}
    name: str | None = None
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] not in "+ \t[" and (m := ENTRY.match(line)):
            words = m.group(1).strip("_").replace("_", " ").lower().split()
            name = " ".join(words) if 2 <= len(words) <= 4 else None
        if name:
            codes = {a2 for c in OFFICE.findall(line) if (a2 := _alpha2(c))}
            if codes:
                offices.setdefault(name, set()).update(codes)
    return {
        "_about": "People with an office of a country's government, legislature, judiciary or military in "
        "Phoenix.Countries.actors.txt (PETRARCH2, MIT, Open Event Data Alliance), and those countries' ISO codes, by "
        "scripts/phoenix_offices.py; read by the ROLE step (known_office); do not edit by hand.",
        "offices": {n: sorted(c) for n, c in sorted(offices.items())},
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    data = convert(Path(argv[0]) / "Phoenix.Countries.actors.txt")
    Path(argv[1]).write_text(json.dumps(data, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{argv[1]}: {len(data['offices'])} people")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
