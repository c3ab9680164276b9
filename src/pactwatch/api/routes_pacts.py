"""Commitments between states: ``/api/pacts``, ``/allies``, ``/obligations``, ``/graph``, ``/timeline``.

The answers come from ``pactwatch.pacts.queries`` (the same functions as the CLI); the graph for
the page is drawn from the same store by ``pacts_view``. Before answering, the commitment graph
is brought up to date with the stored reports.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from fastapi.routing import APIRouter
from starlette.responses import Response

from pactwatch.api import pacts_view
from pactwatch.api.common import (
    AppNames,
    Json,
    LazyDb,
    MinConfidence,
    Names,
    check_code,
    check_date,
    check_text,
    on_date,
)
from pactwatch.api.errors import ApiError
from pactwatch.pacts import queries
from pactwatch.pacts.names import actor as actor_of
from pactwatch.pacts.names import resolve_actor
from pactwatch.records import DEFAULT_MIN_CONFIDENCE, ORIGINS
from pactwatch.store import Database
from pactwatch.store import commitments as commitment_sql
from pactwatch.store.articles import titles_of

router = APIRouter(tags=["commitments"])

OnQuery = Annotated[str | None, Query(description="The day asked about (YYYY-MM-DD); today if omitted.")]
BaselineQuery = Annotated[bool, Query(description="Include the shipped baseline treaty table (default true).")]
TIMELINE_EVENTS = 500


async def current_db(request: Request) -> AsyncIterator[Database]:
    """A reader, but the commitment graph is brought up to date first (in the worker thread)."""
    handle = LazyDb(request.app.state.pool, request.app.state.refresh_commitments)
    try:
        yield handle  # type: ignore[misc]
    finally:
        handle.release()


CommitmentDb = Annotated[Database, Depends(current_db)]


def _kind(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value not in pacts_view.KIND_ORDER:
        raise ApiError(400, f"kind: {value[:40]!r} is not one of {', '.join(pacts_view.KIND_ORDER)}")
    return value


def _named(names: Names, code: str) -> dict[str, Any]:
    return {"code": code, "name": names.actor(code)}


@router.get("/pacts", response_class=Json, summary="Commitments, with parties and lifecycle")
def pacts(
    db: CommitmentDb,
    party: Annotated[str | None, Query(description="Only commitments this actor is party to.")] = None,
    kind: Annotated[str | None, Query(description="Only this kind, e.g. mutual_defense.")] = None,
    on: Annotated[str | None, Query(description="Only those binding on this day (YYYY-MM-DD).")] = None,
    baseline: BaselineQuery = True,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
) -> Json:
    day = check_date(on, "on")
    items = queries.pacts(db, _text(party, "party"), _kind(kind), day, baseline=baseline,
                          min_confidence=min_confidence)
    return Json({"on": day, "items": items})


ActorText = Annotated[str, Path(max_length=80, description="An actor code (PRK) or name (North Korea).")]


def _text(value: str | None, name: str) -> str | None:
    return check_text(value, name, max_len=80)


@router.get("/allies/{actor}", response_class=Json, summary="Who is bound to defend an actor on a day")
def allies(db: CommitmentDb, actor: ActorText, on: OnQuery = None, baseline: BaselineQuery = True) -> Json:
    """In-force defence obligations to the actor, one row per ally and commitment (with direction,
    condition, scope, article, status and evidence); signed-not-in-force ones apart."""
    return Json(queries.allies(db, actor, on_date(on), baseline=baseline))


@router.get("/obligations", response_class=Json, summary="Who must defend a state if it is attacked")
def obligations(
    db: CommitmentDb,
    attacked: Annotated[str | None, Query(description="The state attacked, code or name (required).")] = None,
    by: Annotated[str | None, Query(description="The attacker, code or name.")] = None,
    where: Annotated[str | None, Query(description="Where: a state or a place such as Guam (default: the "
                                                   "attacked state's territory).")] = None,
    on: OnQuery = None,
    baseline: BaselineQuery = True,
) -> Json:
    target = _text(attacked, "attacked")
    if target is None:
        raise ApiError(400, "attacked: required, an actor code such as PRK or a name such as North Korea")
    return Json(queries.obligations(db, target, _text(by, "by"), on_date(on), _text(where, "where"),
                                    baseline=baseline))


@router.get("/pact/{key}", response_class=Json, summary="One commitment whole, by its stable key")
def pact(db: CommitmentDb, key: Annotated[str, Path(max_length=120)], on: OnQuery = None) -> Json:
    return Json(queries.pact(db, key, on_date(on)))


@router.get("/actors/lookup", response_class=Json, summary="The actor a code or name stands for")
def actor_lookup(name: Annotated[str | None, Query(description="A code or name, e.g. north korea.")] = None) -> Json:
    query = _text(name, "name")
    if query is None:
        raise ApiError(400, "name: required, e.g. North Korea")
    return Json({"query": query, "actor": actor_of(resolve_actor(query))})


@router.get("/graph", response_class=Json, summary="Commitment graph on a day (nodes and edges)")
def graph(request: Request, db: CommitmentDb, names: AppNames, on: OnQuery = None,
          baseline: BaselineQuery = True,
          focus: Annotated[str | None, Query(description="Only this actor's neighbourhood (code, e.g. POL).")] = None,
          depth: Annotated[int, Query(ge=1, le=2, description="With focus: how many steps out (1 or 2).")] = 1,
          expand: Annotated[str | None, Query(max_length=200, description="With focus: organisations shown with"
                                              " their members, comma-separated (e.g. NATO,EU).")] = None,
          binding: Annotated[bool, Query(description="Only commitments that oblige a party to act or refrain"
                                         " (defence, consultation, non-aggression, neutrality).")] = False,
          ) -> Response:
    origins = [o for o in ORIGINS if baseline or o != "baseline"]
    day = on_date(on)
    centre = check_code(focus, "focus")
    opened = tuple(c for c in (check_code(x.strip(), "expand") for x in (expand or "").split(",")) if c)

    def make() -> bytes:
        body = pacts_view.graph(db, day, origins)
        if binding:
            body = pacts_view.only_binding(body)
        if centre is not None:
            body = pacts_view.neighbourhood(body, centre, depth, opened)
        body["nodes"] = [_named(names, n) for n in body["nodes"]]
        body["all_nodes"] = [_named(names, n) for n in body["all_nodes"]]
        for organisation in body.get("organisations", []):
            organisation["name"] = names.actor(organisation["code"])
        return bytes(Json(body).body)

    key = (day, tuple(origins), centre, depth, opened, binding, pacts_view.store_stamp(db))
    return Response(request.app.state.graph_cache.get_or_make(key, make), media_type="application/json")


@router.get("/timeline", response_class=Json, summary="Events and commitments between two actors, by month")
def timeline(
    db: CommitmentDb,
    names: AppNames,
    a: Annotated[str | None, Query(description="First actor code (required).")] = None,
    b: Annotated[str | None, Query(description="Second actor code (required).")] = None,
    since: Annotated[str | None, Query(description="Events on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Events on or before (YYYY-MM-DD).")] = None,
) -> Json:
    first, second = check_code(a, "a"), check_code(b, "b")
    if first is None or second is None:
        raise ApiError(400, "a and b: both required, actor codes such as RUS and PRK")
    body = queries.timeline(db, first, second, check_date(since, "since"), check_date(until, "until"),
                            events_limit=TIMELINE_EVENTS)
    # The page charts the dyad over time: events the text does not date are counted apart
    # (the CLI's timeline keeps them, in an "undated" bucket).
    events = [e for e in body["events"] if e["date"]]
    undated = sum(m["events"] for m in body["monthly"] if m["month"] == "undated")
    titles = titles_of(db, {e["article_id"] for e in events})
    for event in events:
        event["name"] = names.event(event["cameo_code"])
        event["article_title"] = titles.get(event["article_id"])
    history = commitment_sql.events_of(db, [c["id"] for c in body["commitments"]])
    by_id = {c["id"]: c for c in body["commitments"]}
    titles.update(titles_of(db, {h["article_id"] for h in history if h["article_id"]} - set(titles)))
    return Json({
        "a": _named(names, first), "b": _named(names, second),
        "months": [m for m in body["monthly"] if m["month"] != "undated"],
        "undated_events": undated,
        "event_count": body["event_count"] - undated,
        "events": events[::-1],  # newest first, bounded
        "quotes": body["quotes"],
        "commitments": body["commitments"],
        "commitment_history": [{
            **h, "commitment": by_id[h["commitment_id"]]["name"] or by_id[h["commitment_id"]]["key"],
            "kinds": by_id[h["commitment_id"]]["kinds"], "article_title": titles.get(h["article_id"]),
        } for h in history],
    })
