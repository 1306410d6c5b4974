"""What the components leave on a spaCy ``Doc``: entities, roles, events and quotes (``doc._.newsgraph``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph import ontology as ont
from newsgraph.nlp.syntax import is_plural, without_determiners

#: ``doc.user_data`` key of the language pack that read the document (its code)
LANGUAGE_KEY = "newsgraph_language"


@dataclass
class ExtractedMention:
    """A stretch of text that refers to an entity.

    ``kind`` is ``name`` for a named mention, or ``descriptor``, ``pronoun``, ``demonym`` for references;
    ``merged_by`` says why it joined its entity (``exact``, ``surname``, ``acronym``, ``pronoun``...).
    """

    start: int  # token index
    end: int  # token index (exclusive)
    start_char: int
    end_char: int
    text: str
    kind: str = "name"
    merged_by: str = "exact"
    label: str = ""  # the NER label or source of the mention


@dataclass
class ExtractedEntity:
    """One real-world actor within a document."""

    key: str
    name: str
    type: str
    mentions: list[ExtractedMention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-2 when the entity is a country
    type_reason: str = "ner"

    def add_alias(self, text: str) -> None:
        text = " ".join(text.replace("\u2019", "'").split())
        if text and text != self.name and text not in self.aliases:
            self.aliases.append(text)


@dataclass
class ExtractedRole:
    """A ROLE tie: ``person`` holds ``title`` in ``org`` (entity indices), evidenced by a token span."""

    person: int
    org: int
    title: str | None
    start: int
    end: int
    pattern: str


@dataclass
class ExtractedInteraction:
    """One PLOVER interaction; ``source``/``target`` are entity indices, spans are token indices."""

    type: str
    mode: str | None
    source: list[int]
    target: list[int]
    status: str
    trigger: int
    sent_start: int
    sent_end: int
    time_text: str | None = None
    confidence: float = 0.6
    cue: str = ""


@dataclass
class ExtractedQuote:
    """A direct quotation: character span of the quoted text and the speaker's entity index (or None)."""

    start_char: int
    end_char: int
    text: str
    speaker: int | None
    sent_start: int
    sent_end: int


def apart_from_owner(owner_type: str, t: Token) -> bool:
    """Is the collective headed by ``t`` an actor apart from its owner, an entity of ``owner_type``? A
    person's always ("the Clinton campaign", "Jane Doe's supporters"); an organisation's when plural
    ("Labour MPs", "Acme executives"); a place's never: "Fijian rebels" act for Fiji (the Phoenix
    convention, which the PLOVER records follow)."""
    if owner_type == ont.PERSON:
        return True
    return owner_type in (ont.ORGANIZATION, ont.COMPANY, ont.PUBLIC_BODY) and is_plural(t)


def group_phrase(t: Token) -> Span:
    """The phrase that names the collective headed by ``t``: the noun and its modifiers, without determiners
    ("Fijian rebels", "opposition groups", "Jane Doe's campaign")."""
    start = t.i
    for c in t.children:
        if c.i < t.i and (c.dep_ in ("amod", "compound", "nmod") or (c.dep_ == "poss" and c.tag_ != "PRP$")):
            start = min(start, c.left_edge.i)
    return without_determiners(t.doc[start : t.i + 1])


@dataclass
class ExtractedDescriptor:
    """An office the text names instead of a person ("the prime minister", "the Northfield coach") that the
    document itself does not resolve: the store may link it to whoever holds that ``title`` (lower case) at
    the time, of the ``owner`` entity when the text names one (its index)."""

    start_char: int
    end_char: int
    text: str
    title: str
    owner: int | None = None


@dataclass
class Extraction:
    """Everything newsgraph read in one document."""

    entities: list[ExtractedEntity] = field(default_factory=list)
    token_entity: dict[int, int] = field(default_factory=dict)
    roles: list[ExtractedRole] = field(default_factory=list)
    events: list[ExtractedInteraction] = field(default_factory=list)
    quotes: list[ExtractedQuote] = field(default_factory=list)
    descriptors: list[ExtractedDescriptor] = field(default_factory=list)
    #: (owner entity, head lemma) -> the collective apart from its owner ("the Clinton campaign")
    collectives: dict[tuple[int, str], int] = field(default_factory=dict)

    def entity_at(self, token_i: int) -> int | None:
        return self.token_entity.get(token_i)

    def add_entity(self, span: Span, etype: str, reason: str, merged_by: str, overwrite: bool = True, kind: str = ont.NAME) -> int:
        """Add an entity named by ``span`` (one mention of ``kind``) and map its tokens (without ``overwrite``,
        only those of no entity yet); return its index."""
        text = span.text
        entity = ExtractedEntity(key=text.casefold(), name=text.replace("\u2019", "'"), type=etype, type_reason=reason)
        entity.mentions.append(ExtractedMention(span.start, span.end, span.start_char, span.end_char, text, kind, merged_by, etype))
        idx = len(self.entities)
        self.entities.append(entity)
        for i in range(span.start, span.end):
            if overwrite or i not in self.token_entity:
                self.token_entity[i] = idx
        return idx

    def first_mentions(self, sent: Span, types: frozenset[str]) -> dict[int, Token]:
        """The first mention in ``sent`` of each entity of ``types``, as the root token of the mention."""
        heads: dict[int, Token] = {}
        for idx, entity in enumerate(self.entities):
            if entity.type not in types:
                continue
            first = min((m for m in entity.mentions if sent.start <= m.start and m.end <= sent.end), key=lambda m: m.start, default=None)
            if first is not None:
                heads[idx] = sent.doc[first.start : first.end].root
        return heads

    def add_group(self, t: Token) -> int:
        """The entity of the unnamed collective actor headed by ``t`` ("Fijian rebels", "opposition groups"),
        created as a Group from the noun and its modifiers unless a token there already names one."""
        span = group_phrase(t)
        for i in range(span.start, span.end):
            owner = self.entity_at(i)
            if owner is None:
                continue
            if not apart_from_owner(self.entities[owner].type, t):
                self.add_reference(owner, span, t.i, "descriptor", "actor_phrase")  # "Fijian rebels" -> Fiji
                return owner
            return self.owned_collective(owner, t, span)  # "the Clinton campaign", "Labour MPs"
        # "his campaign" after "the Clinton campaign": the collective already named for the resolved owner
        for c in t.children:
            if c.dep_ == "poss" and c.tag_ == "PRP$" and (owner := self.entity_at(c.i)) is not None and (owner, t.lemma_.lower()) in self.collectives:
                return self.owned_collective(owner, t, t.doc[c.i : t.i + 1])
        return self.add_entity(span, ont.GROUP, ont.GROUP_NOUN, "group_noun")

    def owned_collective(self, owner: int, t: Token, span: Span) -> int:
        """The collective of ``owner`` headed by ``t``, apart from the owner and one per owner and head lemma:
        the one already made (``span`` becomes its reference), else a new Organization (singular) or Group
        (plural) named by ``span``."""
        key = (owner, t.lemma_.lower())
        if key in self.collectives:
            self.add_reference(self.collectives[key], span, t.i, "descriptor", "owned_collective")
        else:
            etype = ont.GROUP if is_plural(t) else ont.ORGANIZATION
            self.collectives[key] = self.add_entity(span, etype, "owned_collective", "group_noun", overwrite=False)
        return self.collectives[key]

    def add_reference(self, idx: int, span: Span, head: int, kind: str, merged_by: str) -> None:
        """Record that ``span`` (head token ``head``) refers to entity ``idx``."""
        entity = self.entities[idx]
        entity.mentions.append(ExtractedMention(head, head + 1, span.start_char, span.end_char, span.text, kind, merged_by, kind))
        if kind == "descriptor":
            entity.add_alias(span.text)
        self.token_entity.setdefault(head, idx)


if not Doc.has_extension("newsgraph"):
    Doc.set_extension("newsgraph", default=None)


def extraction(doc: Doc) -> Extraction:
    """The doc's extraction record, created on first use."""
    ext = doc._.newsgraph
    if ext is None:
        ext = Extraction()
        doc._.newsgraph = ext
    return ext
