"""Commitments between states: ``/api/pacts``, ``/allies``, ``/obligations``, ``/graph``, ``/timeline``."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from pactwatch.api import pacts_view
from pactwatch.api.common import AppNames, Json, Names, ReaderDb, check_code, on_date
from pactwatch.api.errors import ApiError
from pactwatch.api.routes_facts import event_filters, query_events

router = APIRouter(tags=["commitments"])

OnQuery = Annotated[str | None, Query(description="The day asked about (YYYY-MM-DD); today if omitted.")]
TIMELINE_EVENTS = 500


def _kind(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value not in pacts_view.KIND_ORDER:
        raise ApiError(400, f"kind: {value[:40]!r} is not one of {', '.join(pacts_view.KIND_ORDER)}")
    return value


def _named(names: Names, code: str) -> dict[str, Any]:
    return {"code": code, "name": names.actor(code)}


@router.get("/pacts", response_class=Json, summary="Commitments in force on a day")
def pacts(
    db: ReaderDb,
    party: Annotated[str | None, Query(description="Only commitments this actor is party to.")] = None,
    kind: Annotated[str | None, Query(description="Only this kind, e.g. mutual_defense.")] = None,
    on: OnQuery = None,
) -> Json:
    day = on_date(on)
    items = pacts_view.pacts(db, day, check_code(party, "party"), _kind(kind))
    return Json({"on": day, "items": items})


@router.get("/allies/{actor}", response_class=Json, summary="An actor's partners on a day")
def allies(db: ReaderDb, names: AppNames, actor: Annotated[str, Path(max_length=40)], on: OnQuery = None) -> Json:
    code = check_code(actor, "actor")
    assert code is not None  # a path segment is never empty
    day = on_date(on)
    items = pacts_view.allies(db, code, day)
    for item in items:
        item["name"] = names.actor(item["actor"])
    return Json({"actor": _named(names, code), "on": day, "items": items})


@router.get("/obligations", response_class=Json, summary="Who has pledged to defend a state if attacked")
def obligations(
    db: ReaderDb,
    names: AppNames,
    attacked: Annotated[str | None, Query(description="The state attacked (required).")] = None,
    by: Annotated[str | None, Query(description="The attacker (excluded from the defenders).")] = None,
    on: OnQuery = None,
) -> Json:
    target = check_code(attacked, "attacked")
    if target is None:
        raise ApiError(400, "attacked: required, an actor code such as PRK")
    attacker = check_code(by, "by")
    day = on_date(on)
    items = pacts_view.obligations(db, target, attacker, day)
    for item in items:
        item["name"] = names.actor(item["actor"])
    return Json({"attacked": _named(names, target), "by": _named(names, attacker) if attacker else None,
                 "on": day, "items": items})


@router.get("/graph", response_class=Json, summary="Commitment graph on a day (nodes and edges)")
def graph(db: ReaderDb, names: AppNames, on: OnQuery = None) -> Json:
    body = pacts_view.graph(db, on_date(on))
    body["nodes"] = [_named(names, n) for n in body["nodes"]]
    body["all_nodes"] = [_named(names, n) for n in body["all_nodes"]]
    return Json(body)


@router.get("/timeline", response_class=Json, summary="Events and commitments between two actors, by month")
def timeline(
    db: ReaderDb,
    names: AppNames,
    a: Annotated[str | None, Query(description="First actor code (required).")] = None,
    b: Annotated[str | None, Query(description="Second actor code (required).")] = None,
) -> Json:
    first, second = check_code(a, "a"), check_code(b, "b")
    if first is None or second is None:
        raise ApiError(400, "a and b: both required, actor codes such as RUS and PRK")
    where, params = event_filters(dyad=(first, second))
    events = query_events(db, where, params, None, order="date, e.id")
    months: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": 0, "goldstein": 0.0,
                                                            "cooperation": 0, "conflict": 0})
    for event in events:
        event["name"] = names.event(event["cameo_code"])
        if not event["date"]:
            continue
        month = months[event["date"][:7]]
        month["events"] += 1
        month["goldstein"] += float(event["goldstein"])
        month["cooperation" if event["quad_class"] <= 2 else "conflict"] += 1
    series = [{"month": m, **v, "goldstein": round(v["goldstein"], 2)} for m, v in sorted(months.items())]
    pair = tuple(sorted((first, second)))
    commitments = [c for c in pacts_view.load_commitments(db, first) if c.parties == pair]
    history: dict[int, dict[str, Any]] = {}  # one entry per report, with every kind it states
    for c in commitments:
        for source in c.to_json(None, None)["sources"]:
            history.setdefault(source["report_id"], {**source, "kinds": []})["kinds"].append(c.kind)
    return Json({
        "a": _named(names, first), "b": _named(names, second),
        "months": series,
        "event_count": len(events),
        "events": events[-TIMELINE_EVENTS:][::-1],  # newest first, bounded
        "commitments": [{"kind": c.kind, "parties": list(c.parties)} for c in commitments],
        "commitment_history": sorted(history.values(), key=lambda s: (s["date"] or "", s["report_id"])),
    })
