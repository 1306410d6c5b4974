"""Convert the Phoenix issue coding (PETRARCH2) into the English pack's ``issues.json``.

    python scripts/phoenix_issues.py ../shared/data/petrarch2 src/newsgraph/lang/en/issues.json

``Phoenix.IssueCoding.txt`` (MIT, Open Event Data Alliance) lists phrases under issue categories
(``<ISSUE CATEGORY="ECONOMIC">``, ``exchange n:rate [EXCHANGE_RATE]``).  Written, deterministically: each
phrase as its words, lower case, with ``lemma`` marking the words matched by lemma (``n:``/``v:`` in the
file) and a ``+`` read as a space or a hyphen (both variants written); its category and topic; and the
file's exclusions (``~exchange n:student``), phrases that take a match back.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ENTRY = re.compile(r"^(?P<phrase>[^\[#~<][^\[]*?)\s*\[(?P<topic>[A-Z_\-]+)\]\s*$")


def variants(phrase: str) -> list[tuple[list[str], list[bool]]]:
    """The word sequences a phrase matches: (words, which of them are lemmas)."""
    spaced, hyphened = [], []
    for raw in phrase.split():
        parts = [(p[2:].lower(), True) if p[:2] in ("n:", "v:") else (p.lower(), False) for p in raw.split("+") if p]
        spaced += parts
        for i, part in enumerate(parts):
            if i:
                hyphened.append(("-", False))
            hyphened.append(part)
    out = [spaced] + ([hyphened] if hyphened != spaced else [])
    return [([w for w, _ in v], [lem for _, lem in v]) for v in out]


def convert(path: Path) -> dict:
    phrases, exclusions, seen = [], [], set()
    category = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if m := re.match(r'<ISSUE CATEGORY="([A-Z_\-]+)"', line):
            category = m.group(1)
            continue
        if line.startswith("~"):
            for words, _lemma in variants(line[1:]):
                exclusions.append(words)
            continue
        m = ENTRY.match(line)
        if not m or category is None:
            continue
        for words, lemma in variants(m.group("phrase")):
            key = (tuple(words), category, m.group("topic"))
            if key not in seen:
                seen.add(key)
                phrases.append({"words": words, "lemma": lemma, "category": category, "topic": m.group("topic")})
    return {
        "_about": "Issue topics of an interaction's sentence, from Phoenix.IssueCoding.txt (PETRARCH2, MIT, Open Event Data "
        "Alliance) by scripts/phoenix_issues.py; do not edit by hand.",
        "phrases": phrases,
        "exclusions": sorted({tuple(x) for x in exclusions}),
    }


def main() -> None:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    data = convert(source / "Phoenix.IssueCoding.txt")
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{out}: {len(data['phrases'])} phrases, {len(data['exclusions'])} exclusions")


if __name__ == "__main__":
    main()
