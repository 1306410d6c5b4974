"""The FollowTheMoney export reads back: every line a valid entity, every link between emitted entities,
the evidence sentence and the source URL kept."""

import json

import pytest
from conftest import run_cli

from newsgraph import ontology as ont

URL = "https://example.org/milei-silicon-valley"


@pytest.fixture(scope="module")
def db_with_url(tmp_path_factory, shared):
    """The example article stored with its URL (the session store has none)."""
    from newsgraph.extract import extract
    from newsgraph.ingest.save import save
    from newsgraph.store import Store

    text = (shared / "examples" / "milei-silicon-valley.txt").read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("ftm-db") / "graph.db"
    with Store(str(path)) as store:
        save(store, extract(text, id="milei", published="2024-05-27", url=URL), text)
    return str(path)


@pytest.fixture(scope="module")
def entities(db_with_url, tmp_path_factory):
    from followthemoney import model

    out = tmp_path_factory.mktemp("ftm") / "graph.ftm.json"
    res = run_cli("export", "--format", "ftm", "-o", str(out), "--db", db_with_url)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return lines, [model.get_proxy(d) for d in lines]


def test_every_entity_validates(entities):
    from followthemoney import model

    lines, proxies = entities
    assert lines and len({d["id"] for d in lines}) == len(lines)
    for data, proxy in zip(lines, proxies):
        proxy.schema.validate(data)  # raises InvalidData on a bad value
        assert all(data["properties"].get(p) for p in proxy.schema.required), data
        # cleaning again changes nothing: no value was let in that followthemoney would drop
        assert model.get_proxy(data, cleaned=False).to_dict()["properties"] == data["properties"]


def test_schemata_follow_the_ontology(entities):
    lines, proxies = entities
    by_name = {p.first("name"): p.schema.name for p in proxies if not p.schema.edge}
    assert by_name["Javier Milei"] == ont.FTM_SCHEMA[ont.PERSON]
    assert by_name["Google"] == ont.FTM_SCHEMA[ont.COMPANY]
    assert by_name["Argentina"] == ont.FTM_SCHEMA[ont.COUNTRY]
    argentina = next(p for p in proxies if p.first("name", quiet=True) == "Argentina")
    assert argentina.get("country") == ["ar"]
    assert {p.schema.name for p in proxies if p.schema.edge} <= {"UnknownLink", "Employment", "Membership"}
    assert "Employment" in {p.schema.name for p in proxies}  # Sundar Pichai -> Google


def test_links_refer_to_emitted_entities_and_keep_evidence(entities):
    _, proxies = entities
    by_id = {p.id: p for p in proxies}
    links = [p for p in proxies if p.schema.edge]
    assert links
    for link in links:
        for prop in (link.schema.source_prop, link.schema.target_prop):
            (ref,) = link.get(prop)
            assert ref in by_id and by_id[ref].schema.is_a(prop.range.name), (link.to_dict(), prop)
        assert link.get("description") and link.get("sourceUrl") == [URL] and link.get("date")
    roles = {(by_id[p.first("subject")].first("name"), p.first("role"), p.first("status")) for p in links if p.schema.name == "UnknownLink"}
    assert ("Javier Milei", "CONSULT", ont.PLANNED) in roles  # the planned meetings keep their status
    assert ("Javier Milei", "President", None) in roles  # a ROLE to a country (no Organization)


def test_ids_are_stable(db_with_url, tmp_path, entities):
    out = tmp_path / "again.ftm.json"
    assert run_cli("export", "--format", "ftm", "-o", str(out), "--db", db_with_url).returncode == 0
    again = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert again == [d["id"] for d in entities[0]]
