"""The Python API: one failing document is reported and skipped, the rest come out in order."""

import importlib

import pytest

api = importlib.import_module("newsgraph.extract")  # the module (the package re-exports the function under this name)


def test_failing_document_is_skipped_and_reported(monkeypatch):
    real = api.to_document

    def flaky(doc, meta):
        if meta["id"] == "bad":
            raise ValueError("boom")
        return real(doc, meta)

    monkeypatch.setattr(api, "to_document", flaky)
    records = [{"id": i, "text": f"Germany met France on day {i}."} for i in ("a", "bad", "c")]
    errors = []
    out = list(api.extract_many(records, on_error=lambda r, e: errors.append((r["id"], str(e)))))
    assert [d["document"]["id"] for d in out] == ["a", "c"]
    assert errors == [("bad", "boom")]


def test_without_handler_errors_propagate(monkeypatch):
    monkeypatch.setattr(api, "to_document", lambda doc, meta: (_ for _ in ()).throw(ValueError("boom")))
    with pytest.raises(ValueError):
        list(api.extract_many([{"id": "x", "text": "Germany met France."}]))
