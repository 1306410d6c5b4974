"""PLOVER interactions from verb, noun and adjective cues (``data/event_cues.json``).

Source and target come from the dependency parse: the clause subject (through control verbs,
conjuncts and relative clauses), the passive agent, the object, and the objects of the cue's
prepositions; coordinated lists fan out into one event per target.  The status comes from
``data/status_cues.json``: auxiliaries, negation, governing verbs ("is set to", "refused to") and
modifiers of event nouns ("upcoming", "planned").


The component is split by what each part decides: :mod:`.lexicon` (which word is a cue of which type),
:mod:`.arguments` (source and target), :mod:`.status` (occurred, planned, negated, hypothetical; stated
intent) and :mod:`.extractor` (the component, which emits through :mod:`newsgraph.nlp.coding`);
:mod:`.pairs` is the trained pair classifier that adds what the rules miss.
"""

from newsgraph.nlp.events.extractor import EventExtractor, make_events
from newsgraph.nlp.events.lexicon import Cue, CueLexicon
from newsgraph.nlp.events.pairs import PairClassifier, make_event_pairs
from newsgraph.nlp.events.status import StatusCues, clause_chain, clause_children

__all__ = [
    "Cue",
    "CueLexicon",
    "EventExtractor",
    "PairClassifier",
    "StatusCues",
    "clause_chain",
    "clause_children",
    "make_event_pairs",
    "make_events",
]
