"""The analyst's questions about commitments, as plain functions returning JSON-able data.

Shared by the CLI (``pactwatch allies`` …) and the HTTP API. Dates are ISO strings; ``on=None``
means today. ``baseline=False`` leaves out the shipped baseline table (article and ATOP
commitments only); ``origins`` narrows further.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pactwatch.pacts import defence
from pactwatch.pacts.names import resolve_actor
from pactwatch.store import commitments as sql
from pactwatch.store.database import Database
from pactwatch.store.events import DyadSeek, code_range, dyad_events, dyad_monthly, dyad_seeks
from pactwatch.store.quotes import dyad_quotes

_origins = defence.chosen_origins
_day = defence.day_of


# allies / obligations / pact answer "who is bound to defend whom" (pacts.defence); re-exported
# here so that the CLI, the API and the benchmarks keep one module of questions.
allies = defence.allies
obligations = defence.obligations
pact = defence.pact


LIVE = ("signed", "in_force")


def pacts(db: Database, party: str | None = None, kind: str | None = None, on: str | date | None = None,
          source: str | None = None, baseline: bool = True, limit: int = 1000,
          min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Commitments with their parties, lifecycle and status; with ``on`` only those signed or in
    force that day (for ``party``: signed or in force for that party); article commitments none of
    whose reports reaches ``min_confidence`` are left out."""
    origins = _origins(baseline, [source] if source else None)
    day = _day(on)
    code = resolve_actor(party, stored=lambda c: sql.is_party(db, c)) if party else None
    rows = sql.list_commitments(db, code, kind, None, origins, None if on else limit, min_confidence)
    ids = [r["id"] for r in rows]
    parties: dict[int, list[dict[str, Any]]] = {}
    for p in sql.parties_of(db, ids):
        parties.setdefault(p["commitment_id"], []).append(p)
    events: dict[int, list[dict[str, Any]]] = {}
    for e in sql.events_of(db, ids):
        events.setdefault(e["commitment_id"], []).append(e)
    out = []
    for r in rows:
        status = defence.commitment_status(r, events.get(r["id"], []), day)
        members = parties.get(r["id"], [])
        statuses = {defence.party_status(p, status, day) for p in members if code is None or p["party"] == code}
        if on and not statuses & set(LIVE):
            continue
        out.append({
            "id": r["id"], "key": r["key"], "name": r["name"], "kinds": json.loads(r["kinds"]),
            "organisation": r["organisation"], "origin": r["origin"], "status": status, "signed": r["signed"],
            "in_force": r["in_force"], "ended": r["ended"], "conditions": r["conditions"],
            "reference": r["reference"], "checked": r["checked"], "confidence": r["confidence"],
            "parties": [{"party": p["party"], "joined": p["joined"], "left": p["left_on"],
                         "suspended_from": p["suspended_from"]} for p in members],
            "lifecycle": [{k: e[k] for k in ("lifecycle_event", "date", "party", "source", "article_id", "sentence",
                                             "reference")} for e in events.get(r["id"], [])],
        })
        if len(out) >= limit:
            break
    return out


def timeline(db: Database, x: str, y: str, start: str | None = None, end: str | None = None,
             events_limit: int | None = None) -> dict[str, Any]:
    """The dyad's events, quotes and commitments over time, with monthly Goldstein totals.

    ``events`` holds every event, oldest first; with ``events_limit`` only the newest that many
    (the same tail of the same list), which is what the API and the CLI table show: a busy dyad
    has tens of thousands of events, and building them all costs far more than the monthly
    totals and ``event_count``, which always cover every event."""
    x, y = x.upper(), y.upper()
    (x0, x1), (y0, y1) = code_range(x), code_range(y)
    # One index seek per exact source code (RUS, RUSGOV, RUSMIL …), then a range on target within
    # it: the dyad index (source, target, date, goldstein) is used on both columns and covers the
    # monthly totals and the newest-first search. Each step is one statement over every seek.
    lo, hi = start or "", end or "9999"
    seeks = dyad_seeks(db, x, y)
    forward, backward = f"{x}->{y}", f"{y}->{x}"
    monthly: dict[str, dict[str, Any]] = {}
    count = 0
    for is_forward, key, n, total in dyad_monthly(db, seeks, lo, hi):
        month = key or "undated"  # NULL and '' dates
        bucket = monthly.setdefault(month, {"month": month, "events": 0, "goldstein": 0.0,
                                            forward: 0, backward: 0})
        bucket["events"] += n
        # Goldstein weights have one decimal, so a sum rounded once equals one rounded per event.
        bucket["goldstein"] = round(bucket["goldstein"] + total, 2)
        bucket[forward if is_forward else backward] += n
        count += n
    events = _newest_events(db, seeks, (lo, hi), events_limit, monthly)
    quotes = dyad_quotes(db, (x0, x1), (y0, y1))
    shared = sql.shared_commitment_ids(db, x, y)
    commitments = [c for c in _commitments_by_id(db, shared)]
    return {"x": x, "y": y, "events": events, "event_count": count, "quotes": quotes, "commitments": commitments,
            "monthly": [monthly[k] for k in sorted(monthly)]}


def _newest_events(db: Database, seeks: list[DyadSeek], dates: tuple[str, str], limit: int | None,
                   monthly: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The events of every seek ordered by (date, id); with ``limit`` only the newest ``limit``.

    The monthly counts say from which month on the newest ``limit`` lie, so only those months'
    rows are read from the table (a month key is a prefix of its dates, so ``date >= month``
    holds exactly the events of that month and later)."""
    lo, hi = dates
    if limit is not None:
        need = limit
        for month in sorted((m for m in monthly if m != "undated"), reverse=True):
            need -= monthly[month]["events"]
            if need <= 0:
                lo = max(lo, month)
                break
    events = dyad_events(db, seeks, lo, hi)
    events.sort(key=lambda e: (e["date"] or "", e["id"]))
    return events if limit is None else events[-limit:] if limit else []


def _commitments_by_id(db: Database, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = sql.commitments_by_date(db, ids)
    steps: dict[int, list[dict[str, Any]]] = {}
    for e in sql.events_of(db, ids):
        steps.setdefault(e["commitment_id"], []).append(
            {"lifecycle_event": e["lifecycle_event"], "date": e["date"], "source": e["source"],
             "article_id": e["article_id"]})
    return [{**r, "kinds": json.loads(r["kinds"]), "lifecycle": steps.get(r["id"], [])} for r in rows]
