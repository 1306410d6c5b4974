"""Which common nouns name an unnamed collective actor ("the rebels", "creditors", "the government"):
the language pack's listed group nouns, and plural nouns that name a kind of actor — a Phoenix agent
noun ("commanders", "landlords") or a plural of an agent-forming suffix of the language ("creditors",
"donors", "motorists", "insurers"). The form-based ones are not used for the parties of a meeting
(newsgraph.nlp.events.arguments): "spoke to reporters" is an audience, and the M2E2 meeting precision
fell with them."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.lang import load, pack
from newsgraph.nlp.syntax import is_plural


class GroupNouns:
    """The group-noun test of one language (lang/<code>/organizations.json, agents.json)."""

    def __init__(self, lang: str = "en") -> None:
        orgs = load("organizations.json", lang)
        #: listed nouns, any number ("army", "police", "unions")
        self.words: frozenset[str] = frozenset(orgs["group_nouns"])
        #: endings that make a noun name someone who does something ("-ers", "-ists"); tested on plurals only
        self.agent_suffixes: tuple[str, ...] = tuple(orgs.get("agent_noun_suffixes", ()))
        #: the same endings in the singular ("-er", "-ist"): one person who does something ("resident")
        self.agent_singular_suffixes: tuple[str, ...] = tuple(x[:-1] for x in self.agent_suffixes if x.endswith("s"))
        #: endings of plural nouns that never name people, even with an agent suffix ("-ments": "payments")
        self.not_agent_endings: tuple[str, ...] = tuple(orgs.get("not_agent_noun_endings", ()))
        agents = load("agents.json", lang)["agents"] if pack(lang).has("agents.json") else {}
        #: the Phoenix agent nouns, tested on plurals only ("mayors", "landlords")
        self.agent_nouns: frozenset[str] = frozenset(k for k in agents if " " not in k)
        #: offices ("president"): their plural with an "of" phrase is the holders of the office of whatever
        #: follows ("the presidents of A and B"), read by the title rules, not a group
        self.titles: frozenset[str] = frozenset(t for t in load("titles.json", lang)["titles"] if " " not in t)
        #: how a member's word names its collective: (ending, plural ending) pairs and name templates
        self.member_plurals: list[tuple[str, str]] = [(end, plural) for end, plural in orgs.get("member_plurals", [])]
        self.member_bodies: list[str] = list(orgs.get("member_bodies", []))

    def collectives_of(self, word: str) -> list[str]:
        """The names of the collective a member's ``word`` belongs to ("tory" -> "tories", "green" -> "green
        party"), by ``member_plurals`` and ``member_bodies``."""
        if len(word) < 3:
            return []
        plurals = [word[: len(word) - len(end)] + plural for end, plural in self.member_plurals if word.endswith(end) and len(word) > len(end) + 2]
        return plurals + [template.format(word) for template in self.member_bodies]

    def listed(self, t: Token) -> bool:
        """Is ``t`` one of the pack's listed group nouns ("unions", "government")?"""
        return t.lower_ in self.words

    def names_group(self, t: Token) -> bool:
        """Is ``t`` a common noun that names a collective actor? A listed group noun (singular or plural), or a
        lower-case plural noun that is an agent noun or ends in an agent suffix, and not the plural of an office of someone ("the presidents of A and B")."""
        if self.listed(t):
            return True
        if t.pos_ != "NOUN" or not t.is_lower or not is_plural(t):
            return False
        if t.lemma_.lower() in self.titles and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            return False
        if t.lower_.endswith(self.not_agent_endings):
            return False
        return t.lower_ in self.agent_nouns or (bool(self.agent_suffixes) and t.lower_.endswith(self.agent_suffixes))

    def names_person(self, t: Token) -> bool:
        """Is ``t`` a singular common noun that names one person by what they do: a Phoenix agent noun with
        the singular of an agent ending ("resident", "voter", "employee"; not "agency", "aircraft")?"""
        return (
            t.pos_ == "NOUN" and t.is_lower and not is_plural(t) and t.lower_ in self.agent_nouns and t.lower_.endswith(self.agent_singular_suffixes)
        )
