"""Convert the Phoenix country actors (PETRARCH2) into ``src/newsgraph/resolve/known_people.json``: the
names of people the event-data field's dictionary knows (heads of state, ministers, officials), which the
linker's type vote reads as knowledge that a name is a person.

    python scripts/phoenix_people.py ../shared/data/petrarch2 src/newsgraph/resolve/known_people.json

``Phoenix.Countries.actors.txt`` (MIT, Open Event Data Alliance) was generated from CountryInfo.txt: every
entry it marks ``# CountryInfo.txt`` and gives a dated office (``[GBRGOV 970502-070627]``, ``[GBRELI]``) is
a person.  Written, deterministically: each such entry's name (``TONY_BLAIR_`` -> "tony blair"), lower
case, sorted; entries whose name holds a word of a body ("council", "party", "ministry" ...) are left out.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ENTRY = re.compile(r"^(?P<name>[A-Z][A-Z0-9_.'\-]*?)_*\s+#\s*CountryInfo\.txt")
OFFICE = re.compile(r"\[[A-Z]{3}(?:GOV|ELI|MIL|LEG|JUD|OPP|PTY)")
BODIES = frozenset({"council", "party", "ministry", "committee", "government", "front", "union", "army", "movement", "assembly"})


def convert(path: Path) -> dict:
    names: set[str] = set()
    name, office = None, False
    for line in [*path.read_text(encoding="latin-1").splitlines(), "END  # CountryInfo.txt"]:
        if m := ENTRY.match(line):
            if name and office:
                names.add(name)
            words = m.group("name").replace("_", " ").lower().split()
            name = " ".join(words) if len(words) >= 2 and not BODIES & set(words) else None
            office = bool(OFFICE.search(line))
        elif line[:1] not in ("", " ", "\t", "+", "#"):  # another kind of entry ends this one
            if name and office:
                names.add(name)
            name, office = None, False
        elif name and OFFICE.search(line):
            office = True
    return {
        "_about": "Names of people with a dated office in Phoenix.Countries.actors.txt (PETRARCH2, MIT, Open Event Data "
        "Alliance), by scripts/phoenix_people.py; read by the linker's type vote as knowledge that a name is a person; do "
        "not edit by hand.",
        "people": sorted(names),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    data = convert(Path(argv[0]) / "Phoenix.Countries.actors.txt")
    Path(argv[1]).write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{argv[1]}: {len(data['people'])} people")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
