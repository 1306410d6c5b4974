"""Pronoun speakers as the PolNeAR scorer can see them.

The shared scorer credits a quotation's speaker when one of the speaker entity's ``mentions`` covers the
gold source span.  PolNeAR's gold source of ``"...," he said`` is the pronoun ``he``; newsgraph attributes
such a quotation through that pronoun, but the document JSON keeps pronouns in ``references``, not in
``mentions``, because the CoNLL scorer counts every mention as a named-entity span (moved there, PolNeAR's
check part reads .843 and CoNLL's .859, under its .87).  The eval therefore prints PolNeAR twice: as the
scorer reads the document JSON (the target's figure), and with each entity's pronoun references shown to
it as mentions (:func:`pronouns_as_mentions`), a row apart.
"""

from __future__ import annotations

import json
from pathlib import Path


def pronouns_as_mentions(pred: Path, out: Path) -> Path:
    """A copy of the document JSON lines of ``pred`` in which every entity's pronoun references are also
    among its ``mentions``, written to ``out``."""
    rows = []
    for line in pred.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for e in doc.get("entities", []):
            e["mentions"] = e.get("mentions", []) + [m for m in e.get("references", []) if m.get("kind") == "pronoun"]
        rows.append(json.dumps(doc, ensure_ascii=False) + "\n")
    out.write_text("".join(rows), encoding="utf-8")
    return out
