"""The REST API under ``/api`` (OpenAPI at ``/api/openapi.json``; Swagger UI at ``/api/docs`` when asked for) and the web page.

JSON in, JSON out; errors are 4xx with ``{"detail": "one line"}``, or for malformed parameters or bodies a
``422`` whose ``detail`` lists ``loc``, ``msg`` and ``type`` (never the values sent).  The checks every
request passes first (Host, token, Origin, body size) and the headers every answer carries are
``newsgraph.api.guard``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Body, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from newsgraph import lang
from newsgraph import ontology as ont
from newsgraph.api import docs as swagger
from newsgraph.api.guard import Guard
from newsgraph.graph import queries, snapshot
from newsgraph.ingest import InputError, fetch
from newsgraph.store import Store, UnknownEntity
from newsgraph.web import STATIC

DATE = r"^\d{4}-\d{2}-\d{2}$"
if TYPE_CHECKING:  # to mypy plain strings: the Literals below are built at run time, for FastAPI to check and document
    EventType = str
    Status = str
    Language = str
else:
    EventType = Literal[tuple(ont.EVENT_TYPES)]
    Status = Literal[ont.STATUSES]
    #: the codes of the language packs (newsgraph.lang) when the app is made
    Language = Literal[lang.codes()]
MAX_BODY = 2_000_000
#: the longest entity name, id or search the queries take (SQLite refuses a LIKE pattern over 50,000 bytes)
MAX_NAME = 300
PORT = r"(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"
URL = rf"^https?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:{PORT})?([/?#]\S*)?$"


def real_day(value: str | None) -> str | None:
    """A YYYY-MM-DD string that is a day of the calendar, else a ``ValueError`` ("2024-02-30" fits the pattern but is none)."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a day of the calendar (YYYY-MM-DD)") from None
    return value


#: a ``since`` or ``until`` query parameter: a real day (FastAPI keeps the validator only when ``Query`` is inside ``Annotated``)
Day = Annotated[str | None, Query(pattern=DATE, json_schema_extra={"format": "date"}, description="YYYY-MM-DD, inclusive"), AfterValidator(real_day)]


class Entity(BaseModel):
    id: str
    name: str
    type: str
    mentions: int
    events: int


class Term(BaseModel):
    """A type of the ontology: its name, what it means, and the colour the web page draws it in."""

    name: str
    definition: str
    color: str


class EntityTerm(Term):
    ftm_schema: str = Field(description="The FollowTheMoney schema an entity of this type is exported as.")


class Ontology(BaseModel):
    """The vocabulary of ``newsgraph.ontology``, each list in its order."""

    entity_types: list[EntityTerm]
    tie_types: list[str]
    event_types: list[Term] = Field(description="The 16 PLOVER types.")
    statuses: list[str]
    symmetric_event_types: list[str] = Field(description="Types whose source and target may be swapped.")
    cooperative_event_types: list[str]
    hostile_event_types: list[str]
    legacy_event_types: dict[str, str] = Field(description="Older PLOVER labels and the type each maps to.")
    mention_kinds: list[str]


def ontology() -> Ontology:
    """What ``GET /api/ontology`` answers."""

    def among(group: frozenset[str]) -> list[str]:
        return [t for t in ont.EVENT_TYPES if t in group]

    return Ontology(
        entity_types=[
            EntityTerm(name=t, definition=d, color=ont.ENTITY_COLORS[t], ftm_schema=ont.FTM_SCHEMA[t]) for t, d in ont.ENTITY_TYPES.items()
        ],
        tie_types=list(ont.TIE_TYPES),
        event_types=[Term(name=t, definition=d, color=ont.EVENT_COLORS[t]) for t, d in ont.EVENT_TYPES.items()],
        statuses=list(ont.STATUSES),
        symmetric_event_types=among(ont.SYMMETRIC_EVENTS),
        cooperative_event_types=among(ont.COOPERATIVE_EVENTS),
        hostile_event_types=among(ont.HOSTILE_EVENTS),
        legacy_event_types=dict(ont.LEGACY_EVENT_TYPES),
        mention_kinds=list(ont.MENTION_KINDS),
    )


class DocumentIn(BaseModel):
    """An article: its ``text``, or only a ``url`` to fetch it from (the page's title and date are then read too)."""

    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
                {"required": ["url"], "properties": {"url": {"type": "string"}}},
            ]
        }
    )

    text: str | None = Field(None, min_length=1, max_length=MAX_BODY, pattern=r"\S", description="The article's plain text.")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=DATE, json_schema_extra={"format": "date"}, description="YYYY-MM-DD")
    url: str | None = Field(None, max_length=2000, pattern=URL, description="Where the text comes from; without text, the page to fetch and read.")
    language: Language | None = Field(None, description="The article's language (ISO 639-1); detected when not given.")

    @field_validator("published")
    @classmethod
    def real_date(cls, value: str | None) -> str | None:
        """ "2024-02-30" matches the pattern but is no date: a 422."""
        return real_day(value)

    @model_validator(mode="after")
    def text_or_url(self) -> DocumentIn:
        if self.text is None and self.url is None:
            raise ValueError("give the article's text or a url to fetch it from")
        return self


class Error(BaseModel):
    detail: str
    suggestions: list[str] | None = None


#: the errors a query may answer with (422 is FastAPI's own, for malformed parameters)
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Error, "description": "No such entity or document (with the closest names)"},
}


class Stored(BaseModel):
    document_id: str
    created: bool
    entities: int
    events: int


def create_app(
    db: str,
    token: str | None = None,
    max_body: int = MAX_BODY,
    allow_private_urls: bool = False,
    fetch_timeout: float = fetch.TIMEOUT,
    max_page: int = fetch.MAX_BYTES,
    fetcher: Callable[..., dict[str, Any]] = fetch.read_url,
    hosts: Collection[str] | None = None,
    docs: bool = False,
) -> FastAPI:
    """The app over the store at ``db`` (which must exist).

    Ingest by URL reads the page with ``fetcher(url, allow_private=, timeout=, max_bytes=)``: only
    public addresses unless ``allow_private_urls``, within ``fetch_timeout`` seconds and ``max_page`` bytes.
    A request whose ``Host`` is neither a loopback name nor one of ``hosts`` gets a 403; ``hosts=None``
    means none besides loopback without a ``token``, and no Host check with one.  ``docs`` serves Swagger
    UI at ``/api/docs`` (loaded from a CDN).  A blank ``token`` is a ``ValueError``.
    """
    if token is not None and not token.strip():
        raise ValueError("the token is blank")
    store = Store(db, create=False)
    app = FastAPI(
        title="newsgraph",
        description="Who meets, backs, criticises, funds, sues or strikes deals with whom: an evidence-backed graph of the news.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    snapshot.warm(store)  # the graph walks' in-memory snapshot, built while the first requests are answered
    app.add_middleware(Guard, token=token, hosts=() if hosts is None and token is None else hosts, max_body=max_body)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, e: RequestValidationError) -> JSONResponse:
        """A 422 that says where and what, without the values sent (they may be megabytes)."""
        return JSONResponse({"detail": [{"loc": list(x["loc"]), "msg": x["msg"], "type": x["type"]} for x in e.errors()]}, status_code=422)

    @app.exception_handler(UnknownEntity)
    async def unknown(_request: Request, e: UnknownEntity) -> JSONResponse:
        return JSONResponse({"detail": str(e), "suggestions": e.suggestions}, status_code=404)

    @app.exception_handler(LookupError)
    async def missing(_request: Request, e: LookupError) -> JSONResponse:
        return JSONResponse({"detail": e.args[0] if e.args else "not found"}, status_code=404)

    def filters(type: EventType | None, status: Status | None, since: str | None, until: str | None) -> dict[str, Any]:
        """The query filters (a ``since`` after ``until`` is an empty range, not an error)."""
        return {"type": type, "status": status, "since": since, "until": until}

    T = Query(None, description="A PLOVER type")
    S = Query(None, description=f"{', '.join(ont.STATUSES[:-1])} or {ont.STATUSES[-1]}")
    ID = Path(max_length=MAX_NAME, description="An entity id or name")

    vocabulary = ontology()

    @app.get("/api/ontology", response_model=Ontology, tags=["ontology"])
    def get_ontology() -> Ontology:
        """The vocabulary: entity types, tie types, the PLOVER types (with definitions and colours), statuses."""
        return vocabulary

    @app.get("/api/entities", response_model=list[Entity], tags=["entities"])
    def search(q: str = Query("", max_length=MAX_NAME), limit: int = Query(10, ge=1, le=200)) -> list[dict[str, Any]]:
        """Entities whose name or an alias contains ``q``, most mentioned first."""
        return store.search(q, limit=limit)

    @app.get("/api/entities/{entity_id}", tags=["entities"], responses=ERRORS)
    def entity(
        entity_id: str = ID, per_type: int = Query(100, ge=0, le=10000, description="at most this many interactions of each type, oldest first")
    ) -> dict[str, Any]:
        """An entity with its aliases, roles and interactions (by type, the first ``per_type`` of each), each
        with its evidence; ``interaction_counts`` says how many of each type there are."""
        return store.entity(entity_id, per_type=per_type)

    @app.get("/api/edges", tags=["interactions"], responses=ERRORS)
    def edges(
        type: EventType | None = T,
        status: Status | None = S,
        since: Day = None,
        until: Day = None,
        a: str | None = Query(None, max_length=MAX_NAME, description="with this actor…"),
        b: str | None = Query(None, max_length=MAX_NAME, description="…with this one too"),
        limit: int = Query(500, ge=1, le=10000),
    ) -> list[dict[str, Any]]:
        """Interactions with their evidence, filtered: those of actor ``a`` (with ``b``) when given."""
        f = filters(type, status, since, until)
        if a and b:
            return store.edges(between=(a, b), limit=limit, **f)
        if a or b:
            return store.edges(event_ids=list(store.events_touching([store.resolve(a or b or "")], **f)), limit=limit)
        return store.edges(limit=limit, **f)

    @app.get("/api/ego/{entity_id}", tags=["graph"], responses=ERRORS)
    def ego(
        entity_id: str = ID,
        hops: int = Query(1, ge=1, le=3),
        type: EventType | None = T,
        status: Status | None = S,
        since: Day = None,
        until: Day = None,
        limit: int = Query(2000, ge=1, le=10000),
        cap: int = Query(queries.DEFAULT_CAP, ge=0, le=10000, description="the strongest actors kept per hop; 0 keeps all"),
    ) -> dict[str, Any]:
        """The actors within ``hops`` interactions and the interactions among them; with ``cap``, the
        strongest per hop (each node's ``strength``; ``more``: per hop, how many were left out)."""
        return queries.ego(store, entity_id, hops=hops, limit=limit, cap=cap or None, **filters(type, status, since, until))

    @app.get("/api/path", tags=["graph"], responses=ERRORS)
    def path(
        a: str = Query(max_length=MAX_NAME),
        b: str = Query(max_length=MAX_NAME),
        max_hops: int = Query(4, ge=1, le=6),
        type: EventType | None = T,
        status: Status | None = S,
        since: Day = None,
        until: Day = None,
    ) -> list[dict[str, Any]]:
        """The shortest chain of interactions between two actors, each hop with its evidence."""
        return queries.path(store, a, b, max_hops=max_hops, **filters(type, status, since, until))

    @app.get("/api/timeline/{entity_id}", tags=["graph"], responses=ERRORS)
    def timeline(
        entity_id: str = ID,
        other: str | None = Query(None, alias="with", max_length=MAX_NAME),
        type: EventType | None = T,
        status: Status | None = S,
        since: Day = None,
        until: Day = None,
        limit: int = Query(1000, ge=1, le=10000, description="the first interactions, oldest first"),
    ) -> list[dict[str, Any]]:
        """The actor's interactions (with ``with``), oldest first."""
        return queries.timeline(store, entity_id, other, limit=limit, **filters(type, status, since, until))

    @app.get("/api/events", tags=["events"], responses=ERRORS)
    def real_events(
        actor: str | None = Query(None, max_length=MAX_NAME, description="only events with this actor (a name or id)"),
        type: EventType | None = T,
        status: Status | None = S,
        since: Day = None,
        until: Day = None,
        contradicted: bool = Query(False, description="only events some report denies"),
        min_reports: int = Query(1, ge=1, le=10000, description="only events with at least this many reports"),
        limit: int = Query(100, ge=1, le=10000),
    ) -> list[dict[str, Any]]:
        """Real events, the latest first: each once however many articles report it, with its number of
        reports and independent sources, its status read from all of them, and whether a report denies it."""
        return store.events(actor=actor, contradicted=contradicted, min_reports=min_reports, limit=limit, **filters(type, status, since, until))

    @app.get("/api/events/{event_id}", tags=["events"], responses=ERRORS)
    def real_event(event_id: str = Path(max_length=MAX_NAME, description="A real event's id")) -> dict[str, Any]:
        """One real event: its status history (planned → occurred, with dates and outlets) and every report
        with its document, outlet, sentence and why it was taken for this event."""
        return store.event(event_id)

    @app.get("/api/documents/{document_id}", tags=["documents"], responses=ERRORS)
    def document(document_id: str = Path(max_length=MAX_NAME)) -> dict[str, Any]:
        """A document's text with its mentions and evidence spans (character offsets)."""
        return store.document(document_id)

    @app.post(
        "/api/documents",
        response_model=Stored,
        status_code=201,
        tags=["documents"],
        responses={
            400: {"model": Error, "description": "A body that cannot be parsed: not UTF-8, or JSON nested too deep"},
            403: {
                "model": Error,
                "description": "A URL whose host is a loopback, private, link-local or metadata address; a write from a page of another origin",
            },
            413: {"model": Error, "description": "A body over the size cap"},
            502: {"model": Error, "description": "The URL could not be fetched or held no article"},
        },
    )
    def add_document(doc: DocumentIn = Body(...)) -> Any:
        """Extract an article (its text, or the page at its URL) and add it to the graph (an unchanged text changes nothing)."""
        from newsgraph.extract import extract
        from newsgraph.ingest.save import save

        if doc.text is not None:
            key = (doc.title or next((line for line in doc.text.splitlines() if line.strip()), "") or "article").strip()[:80] or "article"
            record: dict[str, Any] = {"id": key, "text": doc.text, "title": doc.title, "url": doc.url, "published": doc.published}
        else:
            try:
                record = fetcher(doc.url or "", allow_private=allow_private_urls, timeout=fetch_timeout, max_bytes=max_page)
            except fetch.RefusedAddress as e:
                return JSONResponse({"detail": str(e)}, status_code=403)
            except fetch.BadURL as e:
                return JSONResponse({"detail": str(e)}, status_code=422)
            except InputError as e:
                return JSONResponse({"detail": str(e)}, status_code=502)
            record.update({k: v for k, v in (("title", doc.title), ("published", doc.published)) if v})
        try:  # a text over the length cap, a lone surrogate ("\ud800" in the JSON): a 422 that says so
            extracted = extract(
                record["text"], id=record["id"], title=record["title"], url=record["url"], published=record["published"], language=doc.language
            )
        except InputError as e:
            return JSONResponse({"detail": str(e)}, status_code=422)
        result = save(store, extracted, record["text"])
        return {"document_id": result.document_id, "created": result.created, "entities": result.entities, "events": result.events}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    if docs:

        @app.get("/api/docs", include_in_schema=False)
        def swagger_ui() -> HTMLResponse:
            return swagger.swagger_page()

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
