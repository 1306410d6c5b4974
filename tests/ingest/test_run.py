"""``newsgraph.ingest.run.ingest``: the one call behind ``newsgraph ingest`` and ``newsgraph demo``."""

import pytest

from newsgraph.ingest.run import Ingested, ingest
from newsgraph.ingest.text import InputError
from newsgraph.store import Store
from newsgraph.watch import alerts as alerting

TEXT = "Maria Lopez met Peter Grant in Lisbon on Friday. Peter Grant criticised the Atlas Mining Company."


def record(key: str, text: str = TEXT) -> dict:
    return {"id": key, "text": text, "title": None, "published": "2024-05-03", "url": f"https://news.example/{key}"}


def test_ingest_stores_reports_and_alerts(tmp_path):
    seen, failed, alerted = [], [], []
    with Store(str(tmp_path / "g.db")) as store:
        alerting.add_watch(store, ["Peter Grant"])
        result = ingest(
            [record("a"), InputError("bad.txt: empty file"), record("b")],
            store,
            progress=lambda r: seen.append(r["id"]),
            on_failure=failed.append,
            on_alert=alerted.append,
        )
        assert isinstance(result, Ingested)
        assert (result.new, result.unchanged, result.failures) == (1, 1, ["bad.txt: empty file"])
        assert failed == ["bad.txt: empty file"] and sorted(seen) == ["a", "b"]
        assert alerted and alerted == result.alerts and all("Peter Grant" in a["watched"] for a in alerted)
        assert len(alerting.alerts(store)) == len(alerted)  # recorded in the store, once
        again = ingest([record("c")], store)
        assert (again.new, again.unchanged, again.alerts) == (0, 1, [])  # a stored text raises nothing new


def test_ingest_names_the_language_and_refuses_two_clusters(tmp_path):
    with Store(str(tmp_path / "g.db")) as store:
        ingest([record("a")], store, language="en")
        assert store.counts()["documents"] == 1
        with pytest.raises(ValueError, match="not both"):
            ingest([], store, workers=2, scheduler="tcp://127.0.0.1:1")
