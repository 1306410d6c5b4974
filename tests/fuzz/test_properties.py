"""Property-based checks of what newsgraph accepts from the outside: the readers (txt, html, json, jsonl, csv,
gz), extraction, ingest into a store and the API's write route.

Whatever the input — any unicode (lone surrogates, control characters), huge lines, deep JSON, bytes that are
not UTF-8 — each item is stored or skipped with one line naming it, the other items are stored, and the API
never answers 500.  CI runs a bounded number of examples; ``make fuzz`` runs ``NEWSGRAPH_FUZZ_EXAMPLES``
(10,000) per target and prints hypothesis's counts.
"""

from __future__ import annotations

import gzip
import json
import os
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsgraph.ingest.load import load
from newsgraph.ingest.reader import read_path
from newsgraph.ingest.text import InputError
from newsgraph.store import Store

EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

#: any code point, lone surrogates and control characters included
ANY_CHAR = st.characters(codec=None, categories=None)
any_text = st.text(ANY_CHAR, max_size=300)
huge_line = st.integers(min_value=10_000, max_value=200_000).map(lambda n: "x" * n)
texts = st.one_of(any_text, huge_line, st.text(st.sampled_from("ab \n\t\x00\x1b\u2028\ud800é"), max_size=200))
#: JSON values nested deep
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=30,
)
deep_json = st.integers(min_value=1, max_value=5000).map(lambda depth: "[" * depth + "]" * depth)

GOOD = [
    {"id": f"good{i}", "text": f"Maria Lopez met Jorge Castel{i} in Lisbon on Monday, officials said.", "published": "2024-05-27"} for i in range(2)
]


def one_line(message: str, names: str) -> bool:
    """A skip line: one line, naming the item."""
    return "\n" not in message and names in message and len(message) < 2000


def read_all(path: Path) -> tuple[list[dict], list[InputError]]:
    """Every record and every error ``read_path`` gives for ``path``: anything else it raises fails the test."""
    good, bad = [], []
    for item in read_path(str(path)):
        (bad if isinstance(item, InputError) else good).append(item)
    return good, bad


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fresh(folder: Path, name: str) -> Path:
    sub = folder / uuid.uuid4().hex
    sub.mkdir()
    return sub / name


# -- readers -----------------------------------------------------------------------------------------------


@FUZZ
@given(
    data=st.one_of(st.binary(max_size=2000), texts.map(lambda s: s.encode("utf-8", "surrogatepass"))),
    suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".csv", ".jsonl.gz"]),
)
def test_any_bytes_in_any_kind_of_file_are_records_or_one_line_errors(folder, data, suffix):
    path = fresh(folder, "input" + suffix)
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    good, bad = read_all(path)
    for err in bad:
        assert one_line(str(err), "input"), str(err)
    for record in good:
        assert isinstance(record["text"], str) and record["text"].strip()


@FUZZ
@given(value=json_values)
def test_any_json_value_as_a_file_is_records_or_one_line_errors(folder, value):
    path = fresh(folder, "value.json")
    path.write_text(json.dumps(value), encoding="utf-8")
    _, bad = read_all(path)
    assert all(one_line(str(e), "value.json") for e in bad)


@FUZZ
@given(nested=deep_json)
def test_deep_json_is_one_line_error(folder, nested):
    path = fresh(folder, "deep.jsonl")
    path.write_text(nested + "\n", encoding="utf-8")
    good, bad = read_all(path)
    assert not good and all(one_line(str(e), "deep.jsonl") for e in bad)


# -- ingest: a bad record costs only itself -----------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(str(tmp_path_factory.mktemp("fuzz-store") / "graph.db")) as store:
        yield store


@FUZZ
@given(text=texts, title=st.one_of(st.none(), any_text), position=st.integers(min_value=0, max_value=2))
@example(text="Maria Lopez met \ud800 in Lisbon.", title=None, position=1)  # the lone surrogate of issue 23
@example(text="Maria Lopez met Jorge in Lisbon. " * 40_000, title=None, position=0)  # over spaCy's 1,000,000 characters
def test_one_odd_record_among_good_ones_costs_at_most_itself(folder, store, text, title, position):
    """JSON lines with one record of arbitrary text among two good ones: the good ones are stored (or found
    stored), the odd one is stored or skipped with one line naming it."""
    records = [*GOOD]
    records.insert(position, {"id": "odd", "text": text, "title": title})
    path = fresh(folder, "batch.jsonl")
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")  # lone surrogates as \ud800
    tally = load(store, read_path(str(path)))
    assert tally.new + tally.unchanged + len(tally.failures) == 3
    assert tally.new + tally.unchanged >= 2
    assert all(one_line(f, "batch.jsonl") for f in tally.failures), tally.failures
    assert store.counts()["documents"] >= 2


# -- the API's write route -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app

    db = str(tmp_path_factory.mktemp("fuzz-api") / "graph.db")
    Store(db).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@FUZZ
@given(
    body=st.one_of(
        st.fixed_dictionaries({"text": texts}, optional={"title": any_text, "published": any_text, "url": any_text, "language": any_text}),
        json_values,
    )
)
def test_the_write_route_never_answers_500(client, body):
    res = client.post("/api/documents", content=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    assert res.status_code < 500, res.text[:500]
    assert len(res.content) < 20_000  # an error does not echo the input back


@FUZZ
@given(raw=st.one_of(st.binary(max_size=3000), deep_json.map(str.encode)))
def test_any_body_bytes_never_give_500(client, raw):
    res = client.post("/api/documents", content=raw, headers={"Content-Type": "application/json"})
    assert res.status_code < 500, res.text[:500]
