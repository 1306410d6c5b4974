"""The web page spells no vocabulary: the types, statuses and colours come from ``GET /api/ontology``."""

import re

from newsgraph import ontology as ont
from newsgraph.web import STATIC

JS = (STATIC / "app.js").read_text(encoding="utf-8")


def test_app_js_spells_no_type_list():
    assert "/api/ontology" in JS
    for name in ont.EVENT_TYPES:
        assert not re.search(rf"\b{name}\b", JS), name
    for name in ont.ENTITY_TYPES:  # neither as a string nor as the key of a colour ("Country: " is a label)
        assert not re.search(rf"['\"]{name}['\"]|\b{name}\s*:\s*['\"]#", JS), name
    quoted = r"['\"],\s*['\"]".join(ont.STATUSES)
    assert not re.search(quoted, JS)
    for color in ont.ENTITY_COLORS.values():
        assert color not in JS, color
