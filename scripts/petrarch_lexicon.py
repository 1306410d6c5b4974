"""Convert the PETRARCH2 CAMEO verb dictionary into newsgraph's English event dictionary.

    python scripts/petrarch_lexicon.py ../shared/data/petrarch2 src/newsgraph/lang/en/event_dictionary.json

Reads ``CAMEO.2.0.txt`` (the verb pattern dictionary, MIT, Open Event Data Alliance) and
``CAMEO2PLOVER-2021.txt`` (the CAMEO → PLOVER crosswalk, CC BY-SA 4.0) and writes, deterministically:

- ``verbs``: verb lemma, or lemma + particle/preposition (``+MEET_WITH`` → ``meet with``, ``- * (TO)`` →
  ``rush to``) → its PLOVER type, from the code of its synonym block or of its pattern;
- ``verb_objects``: verb lemma + the head noun of its object (``- * TALKS [046] # HOLD`` → ``hold talks``)
  → PLOVER type, or null where the dictionary says the pair is not an event (``[---]``).

What is left out, and why: patterns with words before the verb (they fix the subject), with synonym sets
(``&WEAPON``) or with a prepositional phrase that names a specific object (``(WITH LEADERS)``); codes that
only apply with source and target swapped (``[:111]``); CAMEO 01x (statements: no PLOVER type).  CAMEO 02x
(appeals) has no entry in the 2021 crosswalk and is REQUEST here, as PLOVER defines appeals.
Each entry keeps its CAMEO code and the block it came from, so an edge can say which entry decided it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
    "REQUEST", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
#: older PLOVER names in the crosswalk
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(\S+))?")


def crosswalk(path: Path) -> dict[str, str]:
    """CAMEO code → PLOVER type, from ``CAMEO2PLOVER-2021.txt``."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = RENAMED.get(m.group(2), m.group(2))
    return table


def plover(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code (its longest listed prefix); 02x is REQUEST; 01x and unknown: None."""
    code = code.strip()
    if not code.isdigit():
        return None
    if code.startswith("02"):
        return "REQUEST"
    for n in range(len(code), 1, -1):
        t = table.get(code[:n])
        if t in PLOVER:
            return t
    return None


def _verb_form(line: str) -> tuple[str, str | None] | None:
    """The verb of a synonym line and its own code, if any (``+MEET_WITH {...}`` → ``("meet with", None)``,
    ``ACCUSE [112]`` → ``("accuse", "112")``; comments and irregular forms dropped)."""
    text = line.split("#", 1)[0]
    own = re.search(r"\[([^\]]*)\]", text)
    word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).strip()
    if not word or " " in word or word.startswith(("&", "-")):
        return None
    return word.lstrip("+").replace("_", " ").lower(), own.group(1).strip() if own else None


def convert(folder: Path) -> dict:
    table = crosswalk(folder / "CAMEO2PLOVER-2021.txt")
    verbs: dict[str, dict] = {}
    objects: dict[str, dict] = {}
    lines = (folder / "CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    block: str | None = None
    code = ""
    members: list[str] = []
    for raw in lines[start + 1 :]:
        line = raw.rstrip()
        m = HEADER.match(line)
        if m:
            block, code, members = m.group(1), m.group(2), []
            continue
        if block is None or not line.strip() or line.startswith("#"):
            continue
        if not line.startswith("-"):
            form = _verb_form(line)
            if form:
                verb, own = form
                members.append(verb)
                t = plover(own or code, table)
                if t and verb not in verbs:
                    verbs[verb] = {"type": t, "cameo": own or code, "block": block}
            continue
        p = PATTERN.match(line)
        if not p:
            continue
        body, pcode, found_in = p.group(1), p.group(2).split(":")[0], (p.group(3) or "").lower().replace("_", " ")
        words = body.replace("$", " ").replace("+", " ").split()
        if not words or words[0] != "*" or any(w.startswith("&") for w in words):
            continue
        rest = " ".join(words[1:])
        heads = [found_in] if found_in in members else members
        if pcode == "---":
            t = None
        else:
            t = plover(pcode, table)
            if t is None:
                continue
        particle = re.fullmatch(r"\(([A-Z]+)\)", rest)
        obj = re.fullmatch(r"\{?([A-Z][A-Z\- ]*?)\}?", rest)
        for verb in heads:
            if " " in verb:
                continue
            if particle and t:
                key = f"{verb} {particle.group(1).lower()}"
                verbs.setdefault(key, {"type": t, "cameo": pcode, "block": block})
            elif obj:
                key = f"{verb} {obj.group(1).split()[-1].lower()}"
                objects.setdefault(key, {"type": t, "cameo": pcode, "block": block})
    return {
        "_about": (
            "Generated by scripts/petrarch_lexicon.py from the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, MIT, "
            "Open Event Data Alliance) and the CAMEO to PLOVER crosswalk (CAMEO2PLOVER-2021.txt, CC BY-SA 4.0); do not edit. "
            "'verbs': lemma or 'lemma particle' -> PLOVER type; 'verb_objects': 'verb lemma + object head' -> type or null (not an event). "
            "event_cues.json (the hand lexicon) overrides it."
        ),
        "verbs": dict(sorted(verbs.items())),
        "verb_objects": dict(sorted(objects.items())),
    }


def main(argv: list[str]) -> int:
    folder, out = Path(argv[0]), Path(argv[1])
    data = convert(folder)
    out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out}: {len(data['verbs'])} verbs, {len(data['verb_objects'])} verb + object pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
