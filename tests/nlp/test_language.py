"""Which language an article is in: detected per document, or named with --lang; the document JSON
records it and the language's pipeline reads it."""

import pytest
from conftest import json_lines, run_cli

from newsgraph.extract import extract, extract_many
from newsgraph.nlp.language import check, detect

SPANISH = "La ministra de Economía de Chile, Ana García, se reunió el lunes con los sindicatos del cobre.\n"
ENGLISH = "Chile's economy minister, Ana Garcia, met copper unions on Monday.\n"


@pytest.mark.parametrize(
    "text,lang",
    [
        (SPANISH, "es"),
        (ENGLISH, "en"),
        ("12 345", "en"),
        ("", "en"),
        ("Chile's President Pedro Pérez visited Madrid.", "en"),  # Spanish names in an English sentence
        ("Ana García habló con Pedro Pérez.", "es"),
    ],
)
def test_detect(text, lang):
    assert detect(text) == lang


def test_an_unsupported_language_is_a_clear_error():
    assert check(" ES ") == "es"
    with pytest.raises(ValueError, match="unsupported language 'fr'.*en, es"):
        check("fr")


def test_each_document_is_read_in_its_own_language_and_records_it():
    docs = list(extract_many([{"id": "a", "text": SPANISH}, {"id": "b", "text": ENGLISH}, {"id": "c", "text": ENGLISH, "language": "es"}]))
    assert [d["document"]["language"] for d in docs] == ["es", "en", "es"]
    assert [d["document"]["id"] for d in docs] == ["a", "b", "c"]
    assert extract(SPANISH, language="en")["document"]["language"] == "en"


def test_a_record_in_an_unsupported_language_fails_alone():
    failed = []
    docs = list(
        extract_many(
            [{"id": "a", "text": SPANISH, "language": "xx"}, {"id": "b", "text": ENGLISH}], on_error=lambda r, e: failed.append((r["id"], str(e)))
        )
    )
    assert [d["document"]["id"] for d in docs] == ["b"] and failed[0][0] == "a" and "unsupported" in failed[0][1]


def test_lang_on_the_command_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(SPANISH, encoding="utf-8")
    proc = run_cli("extract", str(p))
    assert proc.returncode == 0 and json_lines(proc.stdout)[0]["document"]["language"] == "es"
    proc = run_cli("extract", str(p), "--lang", "en")
    assert proc.returncode == 0 and json_lines(proc.stdout)[0]["document"]["language"] == "en"
    proc = run_cli("extract", str(p), "--lang", "fr")
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().strip().count("\n") == 0 and "unsupported language 'fr'" in proc.stderr.decode()
    proc = run_cli("ingest", str(p), "--db", str(tmp_path / "g.db"), "--lang", "es")
    assert proc.returncode == 0, proc.stderr
