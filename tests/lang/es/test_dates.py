"""Spanish time patterns (time_patterns.json): every pattern and regex gives its span on its example,
the spans resolve with dateparser where it can, and 'mañana' the morning is not 'mañana' tomorrow."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.lang import load
from newsgraph.nlp.dates import DATES_KEY
from newsgraph.nlp.pipeline import pipeline_for
from newsgraph.nlp.timex import resolve

DATA = load("time_patterns.json", "es")
CASES = [(f"pattern {i}", e["example"], e["label"], e["match"]) for i, e in enumerate(DATA["patterns"])]
CASES += [(f"regex {i}", e["example"], e["label"], e["match"]) for i, e in enumerate(DATA["regexes"])]
PUBLISHED = "2024-05-27"  # a Monday
Spans = Callable[[str], list[tuple[str, str]]]


@pytest.fixture(scope="module")
def spans() -> Spans:
    """``spans(text) -> [(span text, label)]`` of the Spanish pipeline's time expressions (built once)."""
    nlp = pipeline_for("es")

    def _spans(text: str) -> list[tuple[str, str]]:
        doc = nlp(text)
        return [(s.text, s.label_) for s in doc.spans[DATES_KEY]]

    return _spans


def test_not_the_english_file() -> None:
    assert DATA["patterns"] != load("time_patterns.json")["patterns"]


@pytest.mark.parametrize("name, sentence, label, match", CASES, ids=[c[0] for c in CASES])
def test_time_pattern_matches_its_example(spans: Spans, name: str, sentence: str, label: str, match: str) -> None:
    assert (match, label) in spans(sentence), (name, spans(sentence))


@pytest.mark.parametrize(
    "sentence, span, start, end",
    [
        ("Chile se reunió con Perú el lunes.", "lunes", "2024-05-27", "2024-05-27"),
        ("Chile se reunió con Perú el 5 de marzo.", "5 de marzo", "2024-03-05", "2024-03-05"),
        ("Chile se reunió con Perú el 5 de marzo de 2023.", "5 de marzo de 2023", "2023-03-05", "2023-03-05"),
        ("Chile se reunió con Perú en marzo.", "marzo", "2024-03-01", "2024-03-31"),
        ("Chile se reunió con Perú en 2023.", "2023", "2023-01-01", "2023-12-31"),
        ("Chile se reunió con Perú el año pasado.", "el año pasado", "2023-01-01", "2023-12-31"),
        ("Chile se reunirá con Perú la próxima semana.", "la próxima semana", "2024-06-03", "2024-06-09"),
        ("Chile se reunió con Perú ayer.", "ayer", "2024-05-26", "2024-05-26"),
        ("Chile se reúne con Perú hoy.", "hoy", "2024-05-27", "2024-05-27"),
        ("Chile se reunirá con Perú mañana.", "mañana", "2024-05-28", "2024-05-28"),
        ("Chile se reunió con Perú anteayer.", "anteayer", "2024-05-25", "2024-05-25"),
        ("Chile se reunirá con Perú a las 10:00.", "a las 10:00", "2024-05-27", "2024-05-27"),
    ],
)
def test_spans_resolve(spans: Spans, sentence: str, span: str, start: str, end: str) -> None:
    assert span in [t for t, _ in spans(sentence)]
    got = resolve(span, PUBLISHED, "es")
    assert (got.get("start"), got.get("end")) == (start, end), got


@pytest.mark.parametrize(
    "span",
    [
        "las 10",  # a bare hour: dateparser would read the 10th of the month
        "las 10 horas",  # ... or ten hours ago
        "a las 10 de la mañana",
        "esta mañana",
    ],
)
def test_clock_spans_never_resolve_to_a_wrong_day(span: str) -> None:
    assert resolve(span, PUBLISHED, "es").get("start") in (None, PUBLISHED)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Chile se reunió con Perú a las 10 de la mañana.", [("a las 10 de la mañana", "TIME")]),
        ("Chile se reunió con Perú esta mañana.", [("esta mañana", "TIME")]),
        ("Chile se reunió con Perú durante la mañana.", []),
        ("Chile se reunió con Perú por la mañana.", []),
        ("Chile se reunirá con Perú mañana por la mañana.", [("mañana", "DATE")]),
        ("Chile se reunirá con Perú pasado mañana.", [("pasado mañana", "DATE")]),
        ("Mañana Chile se reunirá con Perú.", [("Mañana", "DATE")]),
    ],
)
def test_manana_the_morning_is_not_tomorrow(spans: Spans, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert spans(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Unas 2000 personas protestaron en Lima.",  # a number, no preposition
        "Miles de personas marcharon a la Plaza de Mayo.",  # a capitalised month in a name
        "Las 10 medidas de Chile fueron aprobadas.",  # a number after 'las', no clock preposition
    ],
)
def test_not_time_expressions(spans: Spans, sentence: str) -> None:
    assert spans(sentence) == []


REWRITES = load("time_rewrites.json", "es")["rules"]


@pytest.mark.parametrize("rule", REWRITES, ids=[r["example"] for r in REWRITES])
def test_every_rewrite_resolves_its_example(rule):
    assert resolve(rule["example"], "2024-05-27", "es")["start"] == rule["start"]


def test_a_rewrite_needs_a_known_word():
    from newsgraph.nlp.timex import rewrite

    assert rewrite("el próximo jueves", "es") == "next thursday" and rewrite("el próximo gobierno", "es") is None
    assert rewrite("el próximo jueves", "en") is None
