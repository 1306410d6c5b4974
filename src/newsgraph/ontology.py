"""The newsgraph vocabulary, in one place (see ``shared/docs/ontology.md``).

Extraction, storage, export and scoring all import their names from here:
entity types, tie types, the 16 PLOVER event types, statuses, and the mapping of
older PLOVER labels.  Nothing else in the package spells these strings.
"""
from __future__ import annotations

from typing import Final

# --- entities -------------------------------------------------------------
PERSON: Final = "Person"
COMPANY: Final = "Company"
PUBLIC_BODY: Final = "PublicBody"
ORGANIZATION: Final = "Organization"
COUNTRY: Final = "Country"
LOCATION: Final = "Location"
GROUP: Final = "Group"
TOPIC: Final = "Topic"

ENTITY_TYPES: Final[dict[str, str]] = {
    PERSON: "a named human",
    COMPANY: "a business",
    PUBLIC_BODY: "a government, ministry, army, parliament, court or agency",
    ORGANIZATION: "any other named organisation (party, NGO, union, IGO)",
    COUNTRY: "a state acting or acted upon",
    LOCATION: "a city, region, venue or area",
    GROUP: "an unnamed collective that acts",
    TOPIC: "an object of interest, resource or policy",
}

#: FollowTheMoney schema each entity type is exported as.
FTM_SCHEMA: Final[dict[str, str]] = {
    PERSON: "Person", COMPANY: "Company", PUBLIC_BODY: "PublicBody",
    ORGANIZATION: "Organization", COUNTRY: "Territory", LOCATION: "Address",
    GROUP: "Organization", TOPIC: "Note",
}

#: Types that can be the ``org`` end of a ROLE.
ORG_LIKE: Final = frozenset({COMPANY, PUBLIC_BODY, ORGANIZATION, COUNTRY})
#: Types that can act as the source of an interaction.
ACTOR_TYPES: Final = frozenset({PERSON, COMPANY, PUBLIC_BODY, ORGANIZATION, COUNTRY, GROUP})

# --- static ties ----------------------------------------------------------
ROLE: Final = "ROLE"
PART_OF: Final = "PART_OF"
TIE_TYPES: Final = (ROLE, PART_OF)

# --- interactions: the 16 PLOVER types (manual draft 0.8, 2021) ----------------
EVENT_TYPES: Final[dict[str, str]] = {
    "AGREE": "agree to, offer, promise, express intent or willingness to cooperate",
    "CONSULT": "meetings, talks, visits (either side), calls",
    "SUPPORT": "verbal or diplomatic support: praise, endorse, back, defend",
    "COOPERATE": "material cooperation or exchange benefiting both",
    "AID": "material aid benefiting the recipient",
    "CONCEDE": "verbal concessions, promises to ease or withdraw",
    "RETREAT": "material concession: release, resign, withdraw, cede",
    "ACCUSE": "criticise, accuse, condemn, voice concern, sue, investigate",
    "REQUEST": "ask, seek, urge, appeal, lobby, demand, order",
    "REJECT": "reject proposals, refuse, veto",
    "THREATEN": "threats of sanctions, force or other harm",
    "PROTEST": "demonstrations, strikes, boycotts by civilians against a target",
    "SANCTION": "reduce relations: sanctions, embargo, expel, cut ties, fine, ban",
    "MOBILIZE": "show of force short of violence",
    "COERCE": "repression short of violence: arrest, seize, censor, deport",
    "ASSAULT": "use of force, violence",
}

#: PLOVER's cooperative and conflictual halves (its "quad classes" joined two by two).  A stated intention
#: to do a cooperative act is coded AGREE, to do a hostile one THREATEN, a refusal of a cooperative one REJECT.
COOPERATIVE_EVENTS: Final = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
HOSTILE_EVENTS: Final = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
#: Types that already are statements about a future act: no intention event is derived from them.
STANCE_EVENTS: Final = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST"})

#: Symmetric interactions: source and target may be swapped.
SYMMETRIC_EVENTS: Final = frozenset({"CONSULT", "COOPERATE"})

#: Older PLOVER labels (gold-standard records) -> the 16 types.
LEGACY_EVENT_TYPES: Final[dict[str, str]] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}

# --- attributes of an interaction -------------------------------------------
OCCURRED: Final = "occurred"
PLANNED: Final = "planned"
NEGATED: Final = "negated"
HYPOTHETICAL: Final = "hypothetical"
STATUSES: Final = (OCCURRED, PLANNED, NEGATED, HYPOTHETICAL)


def canonical_event_type(label: str) -> str:
    """Return the 2021 PLOVER type for ``label`` (legacy labels mapped); raise on unknown."""
    label = LEGACY_EVENT_TYPES.get(label.upper(), label.upper())
    if label not in EVENT_TYPES:
        raise ValueError(f"unknown PLOVER event type: {label!r}")
    return label


def plover_export_type(event_type: str, status: str) -> str:
    """The type PLOVER itself would code: a planned CONSULT is an AGREE."""
    if event_type == "CONSULT" and status == PLANNED:
        return "AGREE"
    return event_type
