"""schemathesis over the OpenAPI spec: every operation, generated requests, no server error and
responses that match the spec, for every operation (the POST runs the pipeline on whatever it is sent)."""
import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from newsgraph.api.app import create_app


@pytest.fixture(scope="module")
def app(example_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("schema") / "graph.db"
    shutil.copy(example_db, copy)
    return create_app(str(copy))


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    case.call_and_validate()
