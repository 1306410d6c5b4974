import pytest

from newsgraph import ontology as ont


def test_sixteen_plover_types():
    assert len(ont.EVENT_TYPES) == 16
    assert set(ont.LEGACY_EVENT_TYPES.values()) <= set(ont.EVENT_TYPES)


def test_canonical_event_type_maps_legacy_labels():
    assert ont.canonical_event_type("DISAPPROVE") == "ACCUSE"
    assert ont.canonical_event_type("consult") == "CONSULT"
    with pytest.raises(ValueError):
        ont.canonical_event_type("HUG")


def test_planned_consult_is_agree_in_plover():
    assert ont.plover_export_type("CONSULT", ont.PLANNED) == "AGREE"
    assert ont.plover_export_type("CONSULT", ont.OCCURRED) == "CONSULT"


def test_every_entity_type_has_an_ftm_schema():
    assert set(ont.FTM_SCHEMA) == set(ont.ENTITY_TYPES)
