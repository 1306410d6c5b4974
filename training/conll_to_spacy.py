"""Convert a CoNLL-2003 file to spaCy's binary training format, tokenised as newsgraph sees text.

Each run of three sentences of a CoNLL document becomes one text with tokens joined by spaces and
sentences by newlines (as `score.py docs conll` makes them), re-tokenised by spaCy's English tokenizer;
the gold entities are aligned by character offsets.  (Whole documents taught the model that a text's
first words are a headline: short texts then lost their names.)  Training on the tokens the pipeline will see at run time matters: spaCy
splits "1996-08-30" and "Nagorno-Karabakh" where CoNLL does not.

    python training/conll_to_spacy.py ../shared/data/conll2003/train.txt training/corpus/train.spacy
    python training/conll_to_spacy.py ../shared/data/conll2002-es/train.txt training/corpus/es-train.spacy es

The optional third argument is the language whose tokenizer re-tokenises the text (default ``en``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents, as lists of sentences of (token, BIO tag)."""
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if sent:
                docs[-1].append(sent)
                sent = []
            if parts and docs[-1]:
                docs.append([])
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def to_text(doc: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The document's text and its entities as (start_char, end_char, label)."""
    text, spans, pos = [], [], 0
    current: list = []
    for sent in doc:
        for t_i, (tok, tag) in enumerate(sent):
            if t_i:
                pos += 1
            start = pos
            pos += len(tok)
            text.append(("" if t_i == 0 else " ") + tok)
            if tag.startswith("B-") or (tag.startswith("I-") and (not current or current[2] != tag[2:])):
                if current:
                    spans.append(tuple(current))
                current = [start, pos, tag[2:]]
            elif tag.startswith("I-"):
                current[1] = pos
            else:
                if current:
                    spans.append(tuple(current))
                current = []
        if current:
            spans.append(tuple(current))
            current = []
        text.append("\n")
        pos += 1
    return "".join(text), spans


def chunks(doc: list, size: int) -> list:
    """Runs of ``size`` sentences: the model sees text starts other than a headline."""
    return [doc[i : i + size] for i in range(0, len(doc), size)]


def convert(src: Path, dest: Path, size: int = 3, lang: str = "en") -> int:
    nlp = spacy.blank(lang)
    db = DocBin()
    for conll_doc in (c for d in read_conll(src) for c in chunks(d, size)):
        text, spans = to_text(conll_doc)
        doc = nlp.make_doc(text)
        ents = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in spans]
        doc.ents = [e for e in ents if e is not None]
        db.add(doc)
    dest.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(dest)
    return len(db)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: conll_to_spacy.py CONLL_FILE OUT.spacy [LANG]")
    lang = sys.argv[3] if len(sys.argv) == 4 else "en"
    print(f"{convert(Path(sys.argv[1]), Path(sys.argv[2]), lang=lang)} documents -> {sys.argv[2]}")
