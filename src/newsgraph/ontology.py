"""The newsgraph vocabulary, in one place (see ``shared/docs/ontology.md``).

Extraction, storage, export and scoring all import their names from here:
entity types, tie types, the 16 PLOVER event types, statuses, mention kinds, the
mapping of older PLOVER labels, and the colour the web page draws each type in.
Nothing else in the package spells these strings: the JSON Schema's enums are
generated from them (``python -m newsgraph.schema``) and the web page reads them
from ``GET /api/ontology``.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    PERSON: "Person",
    COMPANY: "Company",
    PUBLIC_BODY: "PublicBody",
    ORGANIZATION: "Organization",
    COUNTRY: "Territory",
    LOCATION: "Address",
    GROUP: "Organization",
    TOPIC: "Note",
}

#: The colour the web page draws each entity type in.
ENTITY_COLORS: Final[dict[str, str]] = {
    PERSON: "#4e79a7",
    COMPANY: "#f28e2b",
    PUBLIC_BODY: "#59a14f",
    ORGANIZATION: "#b07aa1",
    COUNTRY: "#e15759",
    LOCATION: "#76b7b2",
    GROUP: "#edc948",
    TOPIC: "#9c755f",
}

#: How a span refers to its entity: a ``name``, or a reference (``descriptor`` "the minister",
#: ``pronoun`` "he", ``demonym`` "Argentine").
NAME: Final = "name"
DESCRIPTOR: Final = "descriptor"
PRONOUN: Final = "pronoun"
DEMONYM: Final = "demonym"
MENTION_KINDS: Final = (NAME, DESCRIPTOR, PRONOUN, DEMONYM)

#: The ``type_reason`` of an actor the text describes without naming ("a former aide to X said"): an entity of
#: its one document, whose description is no name (the store links it to nothing, and nothing to it).
DESCRIBED: Final = "described"
#: The ``type_reason`` of a collective the text names by a common noun alone ("unions", "analysts said"): the
#: unions of one article are not those of another, so it too is an entity of its one document.
GROUP_NOUN: Final = "group_noun"
#: The ``type_reason`` values of the actors the store keeps to their one document.
DOCUMENT_ONLY: Final = frozenset({DESCRIBED, GROUP_NOUN})

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

#: The colour the web page draws each interaction type in.
EVENT_COLORS: Final[dict[str, str]] = {
    "AGREE": "#2ca02c",
    "CONSULT": "#1f77b4",
    "SUPPORT": "#17becf",
    "COOPERATE": "#3a923a",
    "AID": "#8c9e1a",
    "CONCEDE": "#9467bd",
    "RETREAT": "#c5b0d5",
    "ACCUSE": "#ff7f0e",
    "REQUEST": "#7f7f7f",
    "REJECT": "#bcbd22",
    "THREATEN": "#e377c2",
    "PROTEST": "#8c564b",
    "SANCTION": "#d62728",
    "MOBILIZE": "#a05d56",
    "COERCE": "#6b1d1d",
    "ASSAULT": "#000000",
}

#: PLOVER's cooperative and conflictual halves (its "quad classes" joined two by two).  A stated intention
#: to do a cooperative act is coded AGREE, to do a hostile one THREATEN, a refusal of a cooperative one REJECT.
COOPERATIVE_EVENTS: Final = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
HOSTILE_EVENTS: Final = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
#: Types that already are statements about a future act: no intention event is derived from them.
STANCE_EVENTS: Final = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST"})
#: Types whose act is the statement itself: "X said Y would fail" is an ACCUSE that occurred, whatever the
#: mood of what was said; other types reported by a speaker ("X said they will not back Y") take the status
#: of the reported act.
SPEECH_EVENTS: Final = STANCE_EVENTS | {"ACCUSE"}

#: Symmetric interactions: source and target may be swapped.
SYMMETRIC_EVENTS: Final = frozenset({"CONSULT", "COOPERATE"})
#: Two-party interactions: they need someone on the other side (a meeting needs someone to meet), so one
#: without a target is not kept, and its other party must be an actor, not a place or a topic.
TWO_PARTY_EVENTS: Final = frozenset({"CONSULT"})

#: Older PLOVER labels (gold-standard records) -> the 16 types.
LEGACY_EVENT_TYPES: Final[dict[str, str]] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# --- attributes of an interaction -------------------------------------------
OCCURRED: Final = "occurred"
PLANNED: Final = "planned"
NEGATED: Final = "negated"
HYPOTHETICAL: Final = "hypothetical"
STATUSES: Final = (OCCURRED, PLANNED, NEGATED, HYPOTHETICAL)


#: What a real event's reports together say, strongest first: one report that it happened outweighs any
#: number that it was planned or speculated.
EVENT_STATUS_ORDER: Final = (OCCURRED, PLANNED, HYPOTHETICAL, NEGATED)


def event_status(statuses: Iterable[str]) -> tuple[str, bool]:
    """A real event's status from its reports' statuses, and whether they contradict each other (some
    report that it happened or is planned, others that it did not: a denial is kept, never merged away)."""
    seen = set(statuses)
    status = next((s for s in EVENT_STATUS_ORDER if s in seen), OCCURRED)
    return status, NEGATED in seen and bool(seen & {OCCURRED, PLANNED})


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
