"""Spanish direct quotations (newsgraph.lang.es.quotes): the quotation marks and dialogue dashes, the frames
that give the speaker, every attribution verb of quote_cues.json, and what is left out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract import extract
from newsgraph.lang import load
from newsgraph.lang.es.quotes import find_dialogue, find_quotes
from newsgraph.nlp.pipeline import pipeline_for

CUES = load("quote_cues.json", "es")
Quotes = Callable[[str], list[tuple[str | None, str]]]


@pytest.fixture(scope="module")
def quotes() -> Quotes:
    """``quotes(text) -> [(speaker name, quoted text)]`` through the Spanish pipeline (built once)."""
    pipeline_for("es")

    def _quotes(text: str) -> list[tuple[str | None, str]]:
        doc = extract(text, language="es", published="2024-05-27")
        names = {e["id"]: e["name"] for e in doc["entities"]}
        return [(names.get(q["speaker"]), q["text"]) for q in doc["quotes"]]

    return _quotes


def _cue_cases() -> list[tuple[str, str]]:
    out = [
        (f"attribution:{v}", CUES["verb_examples"].get(v) or CUES["verb_template"].format(verb=CUES["verb_forms"][v]))
        for v in CUES["attribution_verbs"]
    ]
    return out + [(f"inline:{v}", CUES["inline_examples"][v]) for v in CUES["inline_verbs"]]


CUE_CASES = _cue_cases()


def test_every_attribution_verb_has_a_form() -> None:
    assert set(CUES["verb_forms"]) == set(CUES["attribution_verbs"])


@pytest.mark.parametrize("cue,sentence", CUE_CASES, ids=[c[0] for c in CUE_CASES])
def test_quote_cue_fires_on_its_sentence(quotes: Quotes, cue: str, sentence: str) -> None:
    assert [s for s, _ in quotes(sentence)] == ["Ana Ruiz"], cue


@pytest.mark.parametrize(
    "text",
    [
        "«Vamos a ganar estas elecciones», dijo Ana Ruiz.",  # guillemets, frame after with an inverted subject
        "“Vamos a ganar estas elecciones”, dijo Ana Ruiz.",  # curly double quotes
        '"Vamos a ganar estas elecciones", dijo Ana Ruiz.',  # straight quotes
        "‘Vamos a ganar estas elecciones’, dijo Ana Ruiz.",  # single curly quotes
        "«Vamos a ganar estas elecciones», Ana Ruiz dijo a la prensa.",  # subject before the verb
        "Ana Ruiz declaró: «Vamos a ganar estas elecciones».",  # frame before, with a colon
        "«Vamos a ganar estas elecciones», según Ana Ruiz.",  # según X after
        "Según Ana Ruiz, «vamos a ganar estas elecciones».",  # según X before
        "«Vamos a ganar estas elecciones» —dijo Ana Ruiz.",  # the narrator's dash after the closing mark
        "«Vamos a ganar estas elecciones por un “amplio margen”», dijo Ana Ruiz.",  # a quote within the quote
        "Ana Ruiz habló el lunes en Lima y dijo que la campaña iba bien.\n\n"
        "«Vamos a ganar estas elecciones».",  # alone, after attributed speech in the paragraph before
    ],
)
def test_frames_give_the_speaker(quotes: Quotes, text: str) -> None:
    got = quotes(text)
    assert [s for s, _ in got] == ["Ana Ruiz"], got
    assert got[0][1].lower().startswith("vamos a ganar estas elecciones"), got


def test_descriptor_resolved_to_its_entity(quotes: Quotes) -> None:
    text = "Ana Ruiz, presidenta de Chile, visitó Lima. «No hay otra salida para el país», afirmó la presidenta."
    assert quotes(text) == [("Ana Ruiz", "No hay otra salida para el país")]


def test_null_subject_takes_the_person_of_the_sentence_before(quotes: Quotes) -> None:
    text = "La ministra Laura Soto llegó a Lima el lunes. «No hay otra salida para el país», dijo."
    assert quotes(text) == [("Laura Soto", "No hay otra salida para el país")]


@pytest.mark.parametrize(
    "text",
    [
        "«No hay otra salida para el país», dijo.",  # nobody before
        "El Gobierno de Chile anunció nuevas medidas. «No hay otra salida para el país», dijo.",  # not a person
        "«El Gobierno de Chile no hará nada por nosotros», dijo.",  # the subject inside the quote is not the speaker
    ],
)
def test_null_subject_stays_unattributed(quotes: Quotes, text: str) -> None:
    assert quotes(text) == []


def test_dialogue_dash_with_the_narrator_insert(quotes: Quotes) -> None:
    got = quotes("—Vamos a ganar —dijo el ministro Carlos Vega—. No hay otra salida.")
    assert got == [("Carlos Vega", "Vamos a ganar. No hay otra salida.")]


def test_dialogue_en_dash(quotes: Quotes) -> None:
    assert quotes("– Vamos a ganar – dijo Ana Ruiz –. No hay otra salida.") == [("Ana Ruiz", "Vamos a ganar. No hay otra salida.")]


def test_dialogue_paragraph_after_a_colon_frame(quotes: Quotes) -> None:
    got = quotes("Ana Ruiz habló con la prensa el lunes y explicó:\n—No vamos a aceptar este acuerdo bajo ninguna condición.")
    assert got == [("Ana Ruiz", "No vamos a aceptar este acuerdo bajo ninguna condición.")]


def test_dialogue_insert_without_a_subject_takes_the_colon_frame(quotes: Quotes) -> None:
    got = quotes("Ana Ruiz explicó a la prensa:\n—Tenemos un plan —dijo—. Y lo vamos a cumplir.")
    assert got == [("Ana Ruiz", "Tenemos un plan. Y lo vamos a cumplir.")]


def test_interrupted_quote_is_one_quotation(quotes: Quotes) -> None:
    assert quotes("«No vamos a ganar», dijo Ana Ruiz, «pero lucharemos hasta el final».") == [
        ("Ana Ruiz", "No vamos a ganar pero lucharemos hasta el final")
    ]


def test_quote_continued_after_its_frame(quotes: Quotes) -> None:
    assert quotes("«Vamos a ganar estas elecciones», dijo Ana Ruiz. «Nadie nos puede detener ahora».") == [
        ("Ana Ruiz", "Vamos a ganar estas elecciones Nadie nos puede detener ahora")
    ]


def test_spokesperson_speaks_for_the_body(quotes: Quotes) -> None:
    got = quotes("«No hay otra salida para el país», dijo un portavoz del Ministerio de Economía.")
    assert [s for s, _ in got] == ["Ministerio de Economía"]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz dijo que el plan era «un desastre completo para todo el país».",  # woven into the sentence
        "El llamado «plan de rescate» de Ana Ruiz fracasó.",  # a term, no frame
        "«Vamos a ganar estas elecciones», dije yo a Ana Ruiz.",  # the reporter speaks
        "—¿Qué opina usted del acuerdo con Ana Ruiz?\n—Que no hay otra salida para el país.",  # dialogue, no frame
        "El ministro Carlos Vega —que llegó ayer a Lima— dijo que no habrá acuerdo.",  # a dash aside, not dialogue
        "Ana Ruiz explicó:\n—¿Cuándo llegará el dinero a las provincias? —preguntó un periodista.",  # someone else asks
        "Ana Ruiz habló en Lima. «¿Cuándo llegará el dinero a las provincias?», preguntó un periodista.",
    ],
)
def test_not_direct_quotations_of_a_known_speaker(quotes: Quotes, text: str) -> None:
    assert [s for s, _ in quotes(text) if s is not None] == []


def test_marks_pair_by_kind_and_apostrophes_do_not_close() -> None:
    text = "Dijo: «el “plan” de O’Brien» y ‘otro’."
    assert [text[r.start : r.end] for r in find_quotes(text)] == ["el “plan” de O’Brien", "otro"]


def test_dialogue_pieces_and_inserts() -> None:
    text = "—Vamos a ganar —dijo Ana Ruiz—. No hay otra salida."
    (pieces,) = find_dialogue(text)
    assert [text[r.start : r.end] for r, _ in pieces] == ["Vamos a ganar", "No hay otra salida."]
    assert [text[i[0] : i[1]] if i else None for _, i in pieces] == ["dijo Ana Ruiz", None]
