"""Spanish ROLE ties: one sentence per pattern of newsgraph.lang.es.roles, every role verb of
titles.json on its example, and sentences that must give no ROLE.  All names are made up."""

import pytest

from newsgraph.extract import extract
from newsgraph.lang import load
from newsgraph.nlp.pipeline import pipeline_for

ROLE_VERBS = load("titles.json", "es")["role_verbs"]


@pytest.fixture(scope="module")
def nlp():
    """The Spanish pipeline, built once for this module (extract() reuses it)."""
    return pipeline_for("es")


def roles(text: str) -> list[tuple[str, str, str | None, str]]:
    """(person, organisation, title, pattern) of each ROLE of ``text``, by entity name."""
    doc = extract(text, language="es")
    names = {e["id"]: e["name"] for e in doc["entities"]}
    return [(names[r["person"]], names[r["org"]], r["title"], r["pattern"]) for r in doc["roles"]]


CASES = [
    # a title with "de" + organisation before the name
    ("El presidente de Argentina, Pedro Gómez, viajó a Madrid.", "Pedro Gómez", "Argentina", "presidente", "title_of_org_name"),
    ("El director ejecutivo de Acmetrón, Luis Vidal, presentó el coche.", "Luis Vidal", "Acmetrón", "director ejecutivo", "title_of_org_name"),
    ("El consejero delegado de Acmetrón, Luis Vidal, presentó el coche.", "Luis Vidal", "Acmetrón", "consejero delegado", "title_of_org_name"),
    ("El fundador de Microsoft, Carlos Mora, donó dinero.", "Carlos Mora", "Microsoft", "fundador", "title_of_org_name"),
    (
        "El secretario general de la Unión Obrera, Pedro Gómez, convocó una huelga.",
        "Pedro Gómez",
        "Unión Obrera",
        "secretario general",
        "title_of_org_name",
    ),
    ("El ex presidente de Chile, Pedro Gómez, viajó a Madrid.", "Pedro Gómez", "Chile", "ex presidente", "title_of_org_name"),
    # no comma: the parser hangs the name on the organisation
    ("El expresidente de Chile Pedro Gómez viajó a Madrid.", "Pedro Gómez", "Chile", "expresidente", "title_of_org_name"),
    ("El presidente de Argentina Pedro Gómez viajó a Madrid.", "Pedro Gómez", "Argentina", "presidente", "title_of_org_name"),
    # a portfolio belongs to the title, the organisation after it does not
    ("El ministro de Economía de Argentina, Luis Vidal, presentó el plan.", "Luis Vidal", "Argentina", "ministro de Economía", "title_of_org_name"),
    ("El jefe de Gobierno de Argentina, Luis Vidal, habló ayer.", "Luis Vidal", "Argentina", "jefe de Gobierno", "title_of_org_name"),
    # a nationality adjective gives the country
    ("El ministro de Economía argentino, Luis Vidal, habló ayer.", "Luis Vidal", "Argentina", "ministro de Economía", "org_title_name"),
    (
        "La ministra canadiense de Asuntos Exteriores, Ana Ruiz, llegó a Lima.",
        "Ana Ruiz",
        "Canada",
        "ministra de Asuntos Exteriores",
        "org_title_name",
    ),
    ("El presidente argentino Pedro Gómez viajó a Madrid.", "Pedro Gómez", "Argentina", "presidente", "org_title_name"),
    ("La canciller alemana Ana Ruiz viajó a Lima.", "Ana Ruiz", "Germany", "canciller", "org_title_name"),
    ("El primer ministro británico, Pedro Gómez, viajó a Lima.", "Pedro Gómez", "United Kingdom", "primer ministro", "org_title_name"),
    # the title after the name
    ("Pedro Gómez, presidente de Argentina, viajó a Madrid.", "Pedro Gómez", "Argentina", "presidente", "name_title_of_org"),
    ("Juana Pérez, directora ejecutiva de Acmetrón, presentó el coche.", "Juana Pérez", "Acmetrón", "directora ejecutiva", "name_title_of_org"),
    ("Ana Ruiz, portavoz de la empresa Acmetrón, no quiso comentar.", "Ana Ruiz", "Acmetrón", "portavoz", "name_title_of_org"),
    (
        "Ana Ruiz, la ministra canadiense de Asuntos Exteriores, llegó a Lima.",
        "Ana Ruiz",
        "Canada",
        "ministra de Asuntos Exteriores",
        "name_org_title",
    ),
    # a title said of the name in a clause
    ("Juana Pérez es miembro del Partido Verde.", "Juana Pérez", "Partido Verde", "miembro", "title_clause"),
    ("Juana Pérez, que es portavoz de Acmetrón, no quiso comentar.", "Juana Pérez", "Acmetrón", "portavoz", "title_clause"),
    ("Juana Pérez fue elegida presidenta del Partido Verde en 2004.", "Juana Pérez", "Partido Verde", "presidenta", "title_clause"),
    ("Juana Pérez trabaja como portavoz de Acmetrón desde 2010.", "Juana Pérez", "Acmetrón", "portavoz", "title_clause"),
    # verbs
    ("Juana Pérez, que dirige el Partido Verde, habló en Lima.", "Juana Pérez", "Partido Verde", None, "role_verb"),
    ("El Partido Verde, liderado por Juana Pérez, ganó las elecciones.", "Juana Pérez", "Partido Verde", None, "org_led_by_name"),
    ("La empresa Acmetrón, fundada por Juana Pérez en 1990, cotiza en bolsa.", "Juana Pérez", "Acmetrón", None, "org_led_by_name"),
    ("El Partido Verde fue fundado por Juana Pérez en 1990.", "Juana Pérez", "Partido Verde", None, "org_led_by_name"),
    # the organisation as a "de" phrase on the name
    ("Luis Vidal, de Acmetrón, dijo que los precios subirán.", "Luis Vidal", "Acmetrón", None, "name_of_org"),
    # a list of names after one title
    ("Los ministros argentinos Ana Ruiz y Pedro Gómez viajaron a Madrid.", "Pedro Gómez", "Argentina", "ministros", "org_title_name_conj"),
]


@pytest.mark.parametrize("text,person,org,title,pattern", CASES, ids=[c[0][:48] for c in CASES])
def test_pattern(nlp, text, person, org, title, pattern):
    assert (person, org, title, pattern) in roles(text)


@pytest.mark.parametrize("entry", ROLE_VERBS, ids=[v["lemma"] for v in ROLE_VERBS])
def test_every_role_verb_yields_a_role_on_its_example(nlp, entry):
    found = roles(entry["example"])
    assert any(p == "Juana Pérez" and pattern == "role_verb" for p, _, _, pattern in found), found


def test_a_company_title_makes_the_organisation_a_company(nlp):
    doc = extract("El director ejecutivo de Acmetrón, Luis Vidal, presentó el coche.", language="es")
    assert {e["name"]: e["type"] for e in doc["entities"]}["Acmetrón"] == "Company"


def test_a_nationality_gives_way_to_the_organisation_of_the_title(nlp):
    assert roles("Ana Ruiz, la eurodiputada alemana del Partido Verde, habló en Bruselas.") == [
        ("Ana Ruiz", "Partido Verde", "eurodiputada", "name_title_of_org")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "El ministro de Economía, Luis Vidal, presentó el plan.",  # no organisation, no country: no ROLE (as in English)
        "Pedro Gómez criticó al presidente de Acmetrón.",  # someone else's title
        "Pedro Gómez se mudó a Canadá en 2004.",  # a move is no ROLE
        "El asesor de Pedro Gómez, Luis Vidal, habló el sábado.",  # a person is no organisation
        "El alcalde de Lima, Ana Ruiz, inauguró el puente.",  # a city is no organisation (as in English)
        "Ana Ruiz dirigió una carta al Partido Verde.",  # "a" marks the addressee when the verb has an object
        "El presidente de la compañía argentina, Luis Vidal, habló ayer.",  # the company's nationality is not the office's
    ],
)
def test_no_role(nlp, text):
    assert roles(text) == []


def test_roles_span_the_title_and_the_name(nlp):
    from newsgraph.nlp.extraction import extraction

    doc = nlp("Dijo ayer el presidente de Argentina, Pedro Gómez, en Madrid.")
    (role,) = extraction(doc).roles
    assert doc[role.start : role.end].text == "presidente de Argentina, Pedro Gómez"
