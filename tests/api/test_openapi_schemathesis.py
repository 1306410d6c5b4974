"""schemathesis over the OpenAPI spec: every operation, generated requests, no server error and
responses that match the spec, for every operation (the POST runs the pipeline on whatever it is sent).

There is no internet here, so ingest by URL meets a closed network: every URL is refused (a 403) before
any connection; the real fetches are tested against servers on 127.0.0.1 in ``test_app.py``."""

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from newsgraph.api.app import create_app
from newsgraph.ingest.fetch import RefusedAddress


def closed_network(url: str, **_options) -> dict:
    raise RefusedAddress(f"{url}: no network in this test")


@pytest.fixture(scope="module")
def app(example_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("schema") / "graph.db"
    shutil.copy(example_db, copy)
    return create_app(str(copy), fetcher=closed_network, hosts=["testserver"])  # the Host schemathesis sends


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    case.call_and_validate()
