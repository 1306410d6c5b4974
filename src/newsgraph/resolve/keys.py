"""Which names the linker judges with context: a person's lone surname, an organisation's acronym.

The keys themselves (``name_keys``, their kinds, ``family``) are ``newsgraph.names``: the store writes them too.
"""

from __future__ import annotations

from newsgraph import ontology as ont
from newsgraph.names import acronym_letters, family, normalise


def is_surname_only(entity_type: str, name: str) -> bool:
    """A person known in a document by one word only ("Milei"): linked by surname, with context."""
    return entity_type == ont.PERSON and len(normalise(name).split()) == 1


def is_acronym(entity_type: str, name: str) -> bool:
    """An organisation written as an acronym ("IMF", "NATO", "A&B": an ampersand joins initials)."""
    letters = acronym_letters(name)
    return family(entity_type) == "org" and 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper() and name[0] != "&"
