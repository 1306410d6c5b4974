"""Name keys that link names across documents (``name_keys``, ``family``, ``spellings``: newsgraph.names)
and the names the linker judges with context (``is_acronym``, ``is_surname_only``: newsgraph.resolve.keys).
All names are made up."""

from __future__ import annotations

import pytest

from newsgraph import ontology as ont
from newsgraph.names import ACRONYM, NAME, SPELLING, SURNAME, family, looks_like_full_name, name_keys, spellings
from newsgraph.resolve.keys import is_acronym, is_surname_only


# --- family ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "etype, expected",
    [
        (ont.COMPANY, "org"),
        (ont.ORGANIZATION, "org"),
        (ont.PUBLIC_BODY, "org"),
        (ont.PERSON, ont.PERSON),
        (ont.COUNTRY, ont.COUNTRY),
        (ont.GROUP, ont.GROUP),
        (ont.LOCATION, ont.LOCATION),
    ],
)
def test_family(etype, expected):
    """Company, Organization and PublicBody are one family ("org"); every other type is its own."""
    assert family(etype) == expected


# --- spellings ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "key, expected",
    [
        ("josé pérez", {"josé pérez", "jose perez"}),
        ("jane doe", {"jane doe"}),
        ("zoë", {"zoë", "zoe"}),
        ("", set()),
    ],
)
def test_spellings(key, expected):
    """A key as written and without its accents (the empty key has none)."""
    assert spellings(key) == frozenset(expected)


# --- name_keys: people ----------------------------------------------------------------------------------
def test_person_full_name_gives_name_and_surname_keys():
    """A person's full name is a ``name`` key, its last word a ``surname`` key, its first initial and the
    surname's consonants a ``spelling`` key."""
    assert name_keys(ont.PERSON, ["Jane Doe"]) == {("jane doe", NAME), ("doe", SURNAME), ("j d", SPELLING)}
    assert name_keys(ont.PERSON, ["Mikhail Khordokovsky"]) >= {("m dkrsv", SPELLING)} <= name_keys(ont.PERSON, ["Mikhail Khodorkovsky"])


def test_person_single_word_gives_no_key():
    """A lone word is never a key of a person ("Doe" alone must not match)."""
    assert name_keys(ont.PERSON, ["Doe"]) == set()


def test_person_keys_are_normalised():
    """Keys are casefolded, without a leading "the", a possessive or dots."""
    assert name_keys(ont.PERSON, ["The Jane Doe's"]) == {("jane doe", NAME), ("doe", SURNAME), ("j d", SPELLING)}
    assert name_keys(ont.PERSON, ["Jane Q. Doe"]) == {("jane q doe", NAME), ("doe", SURNAME), ("j d", SPELLING)}
    assert name_keys(ont.PERSON, ["Jane Doe\u2019s"]) == {("jane doe", NAME), ("doe", SURNAME), ("j d", SPELLING)}


def test_person_keys_also_without_accents():
    """Each key is also given without accents."""
    assert name_keys(ont.PERSON, ["José Pérez"]) == {
        ("josé pérez", NAME),
        ("jose perez", NAME),
        ("pérez", SURNAME),
        ("perez", SURNAME),
        ("j prz", SPELLING),  # the spelling key is written without accents
    }


def test_person_name_with_particles():
    """Lower-case particles are allowed in a full name; the surname is the last word."""
    assert name_keys(ont.PERSON, ["Jane van der Berg"]) == {("jane van der berg", NAME), ("berg", SURNAME), ("j bgr", SPELLING)}


@pytest.mark.parametrize(
    "name, key",
    [
        ("jane doe", "jane doe"),  # not capitalised
        ("Doe - who", "doe - who"),  # a cut clause
        ("Ann Bea Cat Dee Eve", "ann bea cat dee eve"),  # five words
        ("Jane Doe2", "jane doe2"),  # a digit
    ],
)
def test_person_name_that_does_not_look_full_gives_no_surname(name, key):
    """A name that is not two to four capitalised words keeps its ``name`` key but gets no ``surname`` key."""
    assert name_keys(ont.PERSON, [name]) == {(key, NAME)}


def test_keys_of_several_names_are_merged():
    """Keys of every name of the entity, together."""
    assert name_keys(ont.PERSON, ["Jane Doe", "Jane Q. Doe", "Doe"]) == {
        ("jane doe", NAME),
        ("jane q doe", NAME),
        ("doe", SURNAME),
        ("j d", SPELLING),
    }


# --- name_keys: organisations ---------------------------------------------------------------------------
def test_organisation_name_and_acronym():
    """An organisation's name, and the initials of its capitalised words (small words skipped) as an acronym."""
    assert name_keys(ont.ORGANIZATION, ["International Widget Fund"]) == {("international widget fund", NAME), ("iwf", ACRONYM)}
    assert name_keys(ont.ORGANIZATION, ["Bank of Freedonia"]) == {("bank of freedonia", NAME), ("bf", ACRONYM)}


def test_organisation_single_word_is_a_name_key():
    """Unlike a person, a one-word organisation is a ``name`` key (no acronym from one word)."""
    assert name_keys(ont.ORGANIZATION, ["Acme"]) == {("acme", NAME)}


def test_organisation_without_leading_the():
    """ "the Acme Foundation" is keyed as "acme foundation"."""
    assert name_keys(ont.ORGANIZATION, ["the Acme Foundation"]) == {("acme foundation", NAME), ("af", ACRONYM)}


def test_organisation_plural_last_word_also_singular():
    """ "Freedonia Liberal Democrats" also finds "Freedonia Liberal Democrat"."""
    assert name_keys(ont.ORGANIZATION, ["Freedonia Liberal Democrats"]) == {
        ("freedonia liberal democrats", NAME),
        ("freedonia liberal democrat", NAME),
        ("fld", ACRONYM),
    }


def test_organisation_wordings_share_a_key():
    """Articles inside it, "&" for "and" and a plural last word aside, two wordings of one name share a
    ``name`` key; "of" and "for" stay apart, and one word is not cut ("Times" is not "Time")."""
    for wording in ("Federation of the Widget Industry", "Federation of Widget Industries"):
        assert ("federation of widget industry", NAME) in name_keys(ont.ORGANIZATION, [wording])
    assert ("acme and bolton", NAME) in name_keys(ont.COMPANY, ["Acme & Bolton"])
    of, for_ = ({k for k, kind in name_keys(ont.ORGANIZATION, [n]) if kind == NAME} for n in ("Department of Works", "Department for Works"))
    assert not of & for_
    assert name_keys(ont.ORGANIZATION, ["Times"]) == {("times", NAME)}
    assert name_keys(ont.ORGANIZATION, ["The Times"]) == {("times", NAME)}


def test_organisation_last_word_in_ss_is_not_singularised():
    """A last word ending in "ss" is not a plural."""
    assert name_keys(ont.ORGANIZATION, ["Acme Glass"]) == {("acme glass", NAME), ("ag", ACRONYM)}


def test_organisation_without_its_legal_form():
    """A legal form is dropped for one more ``name`` key (and counts in the acronym)."""
    assert name_keys(ont.COMPANY, ["Acme Holdings Ltd"]) == {
        ("acme holdings ltd", NAME),
        ("acme holding ltd", NAME),
        ("acme holdings", NAME),
        ("ahl", ACRONYM),
    }
    assert name_keys(ont.COMPANY, ["Acme, Inc."]) == {("acme, inc", NAME), ("acme", NAME), ("ai", ACRONYM)}


def test_corp_is_not_dropped_as_a_legal_form():
    """Pins today's behaviour: "Corp" is not removed, and gives a two-letter acronym."""
    assert name_keys(ont.COMPANY, ["Acme Corp"]) == {("acme corp", NAME), ("ac", ACRONYM)}


def test_no_acronym_when_a_word_is_lower_case():
    """Every word but the small ones must be capitalised for an acronym."""
    assert name_keys(ont.ORGANIZATION, ["Acme and sons"]) == {("acme and sons", NAME), ("acme and son", NAME)}


def test_an_acronym_name_is_also_a_name_key():
    """An organisation written as its acronym has it as a ``name`` key beside the expansion's ``acronym`` key."""
    assert name_keys(ont.ORGANIZATION, ["Acme Foundation", "AF"]) == {("acme foundation", NAME), ("af", ACRONYM), ("af", NAME)}


def test_public_body_is_an_organisation():
    """A PublicBody gets the organisation keys (family "org")."""
    assert name_keys(ont.PUBLIC_BODY, ["Freedonia Ministry of Works"]) == {
        ("freedonia ministry of works", NAME),
        ("freedonia ministry of work", NAME),
        ("fmw", ACRONYM),
    }


@pytest.mark.parametrize("etype", [ont.COUNTRY, ont.LOCATION, ont.GROUP])
def test_other_types_get_their_name_only(etype):
    """Countries, places and groups: the name only, never a surname, plural or acronym key."""
    assert name_keys(etype, ["Republic of Freedonia"]) == {("republic of freedonia", NAME)}
    assert name_keys(etype, ["United Widgets"]) == {("united widgets", NAME)}


def test_empty_names_give_no_keys():
    """An empty (or all-article) name gives nothing."""
    assert name_keys(ont.ORGANIZATION, ["", "   "]) == set()
    assert name_keys(ont.PERSON, []) == set()


# --- looks_like_full_name -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, expected",
    [
        ("Jane Doe", True),
        ("Jane-Ann Doe", True),  # hyphen
        ("Jane O'Doe", True),  # apostrophe
        ("Jane Q. Doe", True),  # an initial's dot
        ("Jane van der Berg", True),  # particles
        ("Jane", False),  # one word
        ("Ann Bea Cat Dee Eve", False),  # five words
        ("Jane doe", False),  # lower case
        ("Jane Queen of Freedonia", False),  # "of" is not a particle
        ("Doe - who", False),
    ],
)
def test_looks_like_full_name(name, expected):
    """Two to four capitalised words (particles allowed), letters but for hyphens, apostrophes and dots."""
    assert looks_like_full_name(name) is expected


# --- is_acronym -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "etype, name, expected",
    [
        (ont.ORGANIZATION, "IWF", True),
        (ont.COMPANY, "ACME", True),
        (ont.PUBLIC_BODY, "FMW", True),
        (ont.ORGANIZATION, "AB", True),  # two letters at least
        (ont.ORGANIZATION, "ABCDEFGH", True),  # eight at most
        (ont.ORGANIZATION, "A", False),
        (ont.ORGANIZATION, "ABCDEFGHI", False),
        (ont.ORGANIZATION, "Iwf", False),  # not all capitals
        (ont.ORGANIZATION, "I.W.F.", False),  # dots are not letters
        (ont.ORGANIZATION, "AB12", False),
        (ont.COMPANY, "A&B", True),  # an ampersand joins initials
        (ont.COMPANY, "&B", False),
        (ont.PERSON, "IWF", False),  # only organisations
        (ont.COUNTRY, "FRE", False),
        (ont.GROUP, "IWF", False),
    ],
)
def test_is_acronym(etype, name, expected):
    """An organisation (any of the "org" family) written in 2 to 8 capital letters."""
    assert is_acronym(etype, name) is expected


# --- is_surname_only ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "etype, name, expected",
    [
        (ont.PERSON, "Doe", True),
        (ont.PERSON, "  Doe  ", True),
        (ont.PERSON, "Doe's", True),  # the possessive is dropped
        (ont.PERSON, "the Doe", True),  # so is a leading "the"
        (ont.PERSON, "Jane Doe", False),
        (ont.ORGANIZATION, "Acme", False),  # only people
        (ont.COUNTRY, "Freedonia", False),
    ],
)
def test_is_surname_only(etype, name, expected):
    """A person known by one word only (after normalisation)."""
    assert is_surname_only(etype, name) is expected


def test_every_word_of_an_organisation_is_singular_in_its_wording_key():
    """ "Widget Chambers of Commerce" and "Widget Chamber of Commerce" share a key; a short word stays."""
    assert ("widget chamber of commerce", NAME) in name_keys(ont.ORGANIZATION, ["Widget Chambers of Commerce"])
    assert ("widget chamber of commerce", NAME) in name_keys(ont.ORGANIZATION, ["Widget Chamber of Commerce"])
    assert ("bus line of acme", NAME) in name_keys(ont.ORGANIZATION, ["Bus Lines of Acme"])


def test_an_acronym_inside_a_name_keeps_its_letters():
    """ "UK Widget Party" is also UKWP (and UWP, its words' initials)."""
    keys = name_keys(ont.ORGANIZATION, ["UK Widget Party"])
    assert {("ukwp", ACRONYM), ("uwp", ACRONYM)} <= keys


def test_a_possessive_inside_an_organisation_name_is_its_plain_word():
    """ "Widgett's of Leeds" and "Widgetts of Leeds" share a key."""
    assert name_keys(ont.ORGANIZATION, ["Widgett's of Leeds"]) & name_keys(ont.COMPANY, ["Widgetts of Leeds"]) >= {("widgett of leed", NAME)}
