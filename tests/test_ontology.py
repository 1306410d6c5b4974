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


def test_every_type_has_a_colour():
    assert list(ont.ENTITY_COLORS) == list(ont.ENTITY_TYPES)
    assert list(ont.EVENT_COLORS) == list(ont.EVENT_TYPES)
    assert all(c.startswith("#") and len(c) == 7 for c in [*ont.ENTITY_COLORS.values(), *ont.EVENT_COLORS.values()])


def test_event_groups_name_known_types():
    for group in (ont.COOPERATIVE_EVENTS, ont.HOSTILE_EVENTS, ont.STANCE_EVENTS, ont.SYMMETRIC_EVENTS):
        assert group <= set(ont.EVENT_TYPES)
    assert not ont.COOPERATIVE_EVENTS & ont.HOSTILE_EVENTS
