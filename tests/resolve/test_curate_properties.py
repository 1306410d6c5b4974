"""Property: any sequence of merges keeps every mention, role and interaction, leaves no dangling
reference, and every merged-away id still finds its survivor."""

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest.save import save
from newsgraph.resolve import curate
from newsgraph.resolve.curate import CurationError
from newsgraph.store import Store

NAMES = ["Ann Lee", "Bo Chan", "Cy Diaz", "Di Evans", "Ed Ford", "Acme Corp"]


def document(i: int, a: str, b: str) -> tuple[dict, str]:
    text = f"{a} met {b}. Doc {i}."
    ents = [
        {
            "id": f"e{k}",
            "name": n,
            "type": "Company" if n == "Acme Corp" else "Person",
            "aliases": [],
            "mentions": [{"start": text.index(n), "end": text.index(n) + len(n), "text": n}],
        }
        for k, n in enumerate((a, b))
    ]
    ev = {
        "type": "CONSULT",
        "status": "occurred",
        "source": ["e0"],
        "target": ["e1"],
        "confidence": 0.9,
        "evidence": [{"sentence": f"{a} met {b}.", "start": 0, "end": len(a) + len(b) + 5}],
    }
    return {"document": {"id": f"d{i}"}, "entities": ents, "events": [ev]}, text


PAIRS = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)).filter(lambda p: p[0] != p[1]), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=PAIRS, merges=st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)), max_size=5))
def test_merges_lose_nothing(tmp_path_factory, docs, merges):
    path = tmp_path_factory.mktemp("m") / "g.db"
    with Store(str(path)) as store:
        for i, (a, b) in enumerate(docs):
            save(store, *document(i, a, b))
        before = store.counts()
        n_mentions = sqlite3.connect(path).execute("SELECT count(*) FROM mentions").fetchone()[0]
        for keep, absorb in merges:
            try:
                curate.merge(store, keep, absorb, force=True)
            except (CurationError, LookupError):
                pass  # already one entity, or not stored
        after = store.counts()
        assert {k: after[k] for k in ("documents", "events", "roles")} == {k: before[k] for k in ("documents", "events", "roles")}
        con = sqlite3.connect(path)
        assert con.execute("SELECT count(*) FROM mentions").fetchone()[0] == n_mentions
        for table, column in (("mentions", "entity_id"), ("event_actors", "entity_id"), ("aliases", "entity_id"), ("links", "entity_id")):
            dangling = con.execute(f"SELECT count(*) FROM {table} WHERE {column} NOT IN (SELECT id FROM entities)").fetchone()[0]
            assert dangling == 0, table
        for name in {n for pair in docs for n in pair}:
            assert store.entity(name)["id"]  # every name still finds an entity
