"""The trained ROLE classifier: for a person and an organisation named in one sentence, does the sentence
say the person holds a position in it ("X, who chairs Y", "Y's X", "X (R-Ohio)", a team sheet)?

The rules of :mod:`newsgraph.nlp.roles` read the patterns they know; this component reads every pair of a
person and an organisation, country or public body in a sentence, through the dependency path that joins
them (the word at its top, the titles on it, the words between the two names, the preposition), and adds
the ties a model trained on newsgraph's annotated corpus and CrossRE's training files gives a probability
of at least its threshold.  Each tie it adds says so: its ``pattern`` is ``model``.

The weights are the pack's ``role_pairs.json`` (``training/train_events.py``); without one the component
does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph import ontology as ont
from newsgraph.lang import load, pack
from newsgraph.nlp.extraction import ExtractedRole, Extraction, extraction
from newsgraph.nlp.pair_model import PairModel
from newsgraph.nlp.syntax import path_between, prep_on, side_labels

#: the most tokens between the two names that are read as words
MAX_BETWEEN = 5


@dataclass
class RoleCandidate:
    """A person and an organisation named in one sentence, and the features the model reads."""

    person: int
    org: int
    sent: Span
    features: list[str]


class TitleWords:
    """The pack's words for positions ("chairman", "striker", "senator"), from ``titles.json``."""

    def __init__(self, lang: str) -> None:
        data = load("titles.json", lang)
        self.words: set[str] = set()
        for key in ("titles", "company_titles", "team_titles", "role_nouns"):
            self.words.update(w.lower() for w in data.get(key, ()) if isinstance(w, str))


def role_features(ext: Extraction, titles: TitleWords, p: int, tp: Token, o: int, to: Token) -> list[str] | None:
    """The features of the pair (person ``p`` at ``tp``, organisation ``o`` at ``to``), or None when no short
    path joins them."""
    found = path_between(tp, to)
    if found is None:
        return None
    side_p, side_o, top = found
    doc = tp.doc
    lo, hi = sorted((tp.i, to.i))
    between = [t for t in doc[lo + 1 : hi] if ext.entity_at(t.i) not in (p, o)]
    on_path = {*side_p[1:], *side_o[1:], top}
    path_titles = sorted({t.lower_ for t in on_path if t.lower_ in titles.words})
    near_titles = sorted({t.lower_ for t in between if t.lower_ in titles.words})
    org = ext.entities[o]
    kind = next((m.kind for m in ext.entities[p].mentions if m.start <= tp.i < m.end), "name")
    path = f"{side_labels(side_p)}|{side_labels(side_o)}"
    feats = [
        "bias",
        f"path={path}",
        f"p_side={side_labels(side_p)}",
        f"o_side={side_labels(side_o)}",
        f"top={top.lemma_.lower()}",
        f"top_pos={top.pos_}",
        f"o_prep={prep_on(side_o)}",
        f"org={org.type}",
        f"kind={kind}",
        f"order={'po' if tp.i < to.i else 'op'}",
        f"dist={min((hi - lo) // 3, 6)}",
        f"title_on_path={bool(path_titles)}",
        f"title_between={bool(near_titles)}",
        f"path+org={path}+{org.type}",
    ]
    feats += [f"path_title={w}" for w in path_titles]
    if len(between) <= MAX_BETWEEN:
        words = " ".join(t.lower_ for t in between)
        feats.append(f"between={words}")
        feats += [f"between_word={t.lower_}" for t in between]
    else:
        feats.append("between=long")
    return feats


def role_candidates(doc: Doc, ext: Extraction, titles: TitleWords) -> list[RoleCandidate]:
    """Every pair of a person and an organisation-like entity named in one sentence, joined by a short path."""
    out: list[RoleCandidate] = []
    for sent in doc.sents:
        people = ext.first_mentions(sent, frozenset({ont.PERSON}))
        orgs = ext.first_mentions(sent, ont.ORG_LIKE)
        for p, tp in people.items():
            for o, to in orgs.items():
                if p == o:
                    continue
                feats = role_features(ext, titles, p, tp, o, to)
                if feats is not None:
                    out.append(RoleCandidate(p, o, sent, feats))
    return out


#: rule patterns that bind an organisation to the one name its title stands before ("Tesla CEO Elon Musk")
TITLE_BOUND = frozenset({"org_title_name", "title_of_org_name"})


def _taken(ext: Extraction, c: RoleCandidate) -> bool:
    """Did a rule of this sentence already pair these two otherwise?  Either both have another partner
    ("X of A, Y of B": X is not of B), or the organisation is bound by a title to another name ("A CEO Y
    praised X": X is not of A)."""
    ruled = [r for r in ext.roles if c.sent.start <= r.start < c.sent.end and not r.pattern.startswith("model:")]
    org_elsewhere = [r for r in ruled if r.org == c.org and r.person != c.person]
    if any(r.pattern in TITLE_BOUND for r in org_elsewhere):
        return True
    return bool(org_elsewhere) and any(r.person == c.person for r in ruled)


class RolePairClassifier:
    """spaCy component ``newsgraph_role_pairs``: adds the ROLE ties the model finds that the rules did not."""

    def __init__(self, lang: str = "en") -> None:
        self.model = PairModel(load("role_pairs.json", lang)) if pack(lang).has("role_pairs.json") else None
        self.titles = TitleWords(lang) if self.model else None

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None or self.titles is None:
            return doc
        ext = extraction(doc)
        known = {(r.person, r.org) for r in ext.roles}
        added: list[ExtractedRole] = []
        for c in role_candidates(doc, ext, self.titles):  # features read the rules' ties only: made before any is added
            if (c.person, c.org) in known or _taken(ext, c):
                continue
            label, p = self.model.predict(c.features)
            if label != ont.ROLE or p < self.model.threshold:
                continue
            added.append(ExtractedRole(c.person, c.org, None, c.sent.start, c.sent.end, f"model:{p:.2f}"))
            known.add((c.person, c.org))
        ext.roles.extend(added)
        return doc


@Language.factory("newsgraph_role_pairs", default_config={"lang": "en"})
def make_role_pairs(nlp: Language, name: str, lang: str) -> RolePairClassifier:
    """spaCy factory of ``newsgraph_role_pairs``."""
    return RolePairClassifier(lang)
