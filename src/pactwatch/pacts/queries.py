"""The analyst's questions about commitments, as plain functions returning JSON-able data.

Shared by the CLI (``pactwatch allies`` …) and the HTTP API. Dates are ISO strings; ``on=None``
means today. ``baseline=False`` leaves out the shipped baseline table (article and ATOP
commitments only); ``origins`` narrows further.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from pactwatch.records import ORIGINS
from pactwatch.store import commitments as sql
from pactwatch.store.database import Database
from pactwatch.store.events import DyadSeek, code_range, dyad_events, dyad_monthly, dyad_seeks


def _origins(baseline: bool, origins: Sequence[str] | None) -> list[str]:
    chosen = list(origins or ORIGINS)
    return [o for o in chosen if baseline or o != "baseline"]


def _day(on: str | date | None) -> str:
    if on is None:
        return date.today().isoformat()
    return on.isoformat() if isinstance(on, date) else date.fromisoformat(on).isoformat()


STEP_RANK = {"entered_into_force": 0, "joined": 0, "ratified": 1, "signed": 2}


def _best_steps(db: Database, commitment_ids: list[int]) -> dict[tuple[int, str | None], dict[str, Any]]:
    """The first binding step of each commitment (and of each member), all in one query."""
    best: dict[tuple[int, str | None], dict[str, Any]] = {}
    for e in sql.events_of(db, sorted(set(commitment_ids))):
        key = (e["commitment_id"], e["party"])
        rank = (STEP_RANK.get(e["lifecycle_event"], 3), e["date"] or "")
        if key not in best or rank < best[key]["_rank"]:
            best[key] = {**e, "_rank": rank}
    return best


def _evidence(row: dict[str, Any], party: str, best: dict[tuple[int, str | None], dict[str, Any]]) -> dict[str, Any]:
    found = best.get((row["commitment_id"], party)) or best.get((row["commitment_id"], None))
    if row["origin"] == "atop":
        return {"atop_id": row["reference"], "reference": f"ATOP {row['reference']}"}
    if not found:
        return {"reference": row["reference"]}
    if found["source"] == "article":
        return {"article_id": found["article_id"], "sentence": found["sentence"], "start": found["start_char"],
                "end": found["end_char"], "step": found["lifecycle_event"], "date": found["date"]}
    return {"reference": found["reference"] or row["reference"], "step": found["lifecycle_event"],
            "date": found["date"]}


def allies(db: Database, party: str, on: str | date | None = None, baseline: bool = True,
           origins: Sequence[str] | None = None, with_evidence: bool = True) -> list[dict[str, Any]]:
    """Who is committed to defend ``party`` on ``on``: one row per (ally, commitment)."""
    day = _day(on)
    rows = sql.defenders(db, party.upper(), day, _origins(baseline, origins))
    best = _best_steps(db, [r["commitment_id"] for r in rows]) if with_evidence else {}
    out = []
    for row in rows:
        item = {
            "ally": row["ally"], "party": party.upper(), "on": day, "commitment": row["name"] or row["key"],
            "commitment_key": row["key"], "kinds": json.loads(row["kinds"]), "origin": row["origin"],
            "organisation": row["organisation"], "conditions": row["conditions"], "since": row["since"],
        }
        if with_evidence:
            item["evidence"] = _evidence(row, row["ally"], best)
        out.append(item)
    return out


def obligations(db: Database, attacked: str, by: str | None = None, on: str | date | None = None,
                baseline: bool = True, origins: Sequence[str] | None = None) -> dict[str, Any]:
    """Who must defend ``attacked``; who is bound to both sides; who must defend the defenders."""
    day = _day(on)
    attacked = attacked.upper()
    direct = allies(db, attacked, day, baseline, origins)
    defenders = sorted({r["ally"] for r in direct} - {attacked})
    conflicted: list[dict[str, Any]] = []
    attacker_defenders: list[str] = []
    if by:
        by = by.upper()
        other_side = allies(db, by, day, baseline, origins, with_evidence=False)
        attacker_defenders = sorted({r["ally"] for r in other_side} - {by})
        both = set(defenders) & set(attacker_defenders)
        under_attacked: dict[str, set[str]] = {}
        under_attacker: dict[str, set[str]] = {}
        for rows, under in ((direct, under_attacked), (other_side, under_attacker)):
            for r in rows:
                if r["ally"] in both:
                    under.setdefault(r["ally"], set()).add(r["commitment"])
        conflicted = [{"state": state, "defends_attacked_under": sorted(under_attacked[state]),
                       "defends_attacker_under": sorted(under_attacker[state])} for state in sorted(both)]
    # The second ring: states outside the first (and not the two sides) bound to defend a defender.
    ring: dict[str, set[str]] = {}
    excluded = {*defenders, attacked, *([by] if by else [])}
    found = sql.defenders_of_many(db, defenders, day, _origins(baseline, origins), excluded)
    for party, ring_allies in found.items():
        for ally in ring_allies:
            ring.setdefault(ally, set()).add(party)
    second = [{"state": s, "defends": sorted(d)} for s, d in sorted(ring.items())]
    summary = _summary(attacked, by, day, defenders, conflicted, second)
    return {"attacked": attacked, "by": by, "on": day, "defenders": direct, "defender_states": defenders,
            "attacker_defenders": attacker_defenders, "conflicted": conflicted, "second_ring": second,
            "summary": summary}


def _summary(attacked: str, by: str | None, day: str, defenders: list[str], conflicted: list[dict[str, Any]],
             second: list[dict[str, Any]]) -> str:
    who = f"If {attacked} is attacked" + (f" by {by}" if by else "") + f" on {day}, "
    if not defenders:
        return who + "no state is recorded as bound to defend it."
    text = who + f"{len(defenders)} state(s) are bound to defend it: {', '.join(defenders)}."
    if conflicted:
        text += f" {len(conflicted)} of them are also bound to defend {by}: " + \
            ", ".join(c["state"] for c in conflicted) + "."
    if second:
        text += f" A second ring of {len(second)} state(s) is bound to defend those defenders in turn."
    return text


def pacts(db: Database, party: str | None = None, kind: str | None = None, on: str | date | None = None,
          source: str | None = None, baseline: bool = True, limit: int = 1000) -> list[dict[str, Any]]:
    """Commitments with their parties and lifecycle."""
    origins = _origins(baseline, [source] if source else None)
    day = _day(on) if on else None
    rows = sql.list_commitments(db, party.upper() if party else None, kind, day, origins, limit)
    ids = [r["id"] for r in rows]
    parties: dict[int, list[dict[str, Any]]] = {}
    for p in sql.parties_of(db, ids):
        parties.setdefault(p["commitment_id"], []).append(
            {"party": p["party"], "joined": p["joined"], "left": p["left_on"], "suspended_from": p["suspended_from"]})
    events: dict[int, list[dict[str, Any]]] = {}
    for e in sql.events_of(db, ids):
        events.setdefault(e["commitment_id"], []).append(
            {k: e[k] for k in ("lifecycle_event", "date", "party", "source", "article_id", "sentence", "reference")})
    return [{
        "id": r["id"], "key": r["key"], "name": r["name"], "kinds": json.loads(r["kinds"]),
        "organisation": r["organisation"], "origin": r["origin"], "signed": r["signed"],
        "in_force": r["in_force"], "ended": r["ended"], "conditions": r["conditions"], "reference": r["reference"],
        "parties": parties.get(r["id"], []), "lifecycle": events.get(r["id"], []),
    } for r in rows]


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
    quotes = db.query(
        "SELECT q.id, q.article_id, a.published, q.speaker, q.speaker_actor, q.text FROM quotes q"
        " JOIN articles a ON a.id = q.article_id"
        " WHERE ((q.speaker_actor >= ? AND q.speaker_actor < ?) AND EXISTS (SELECT 1 FROM mentions m"
        "   WHERE m.article_id = q.article_id AND m.actor_code >= ? AND m.actor_code < ?))"
        " OR ((q.speaker_actor >= ? AND q.speaker_actor < ?) AND EXISTS (SELECT 1 FROM mentions m"
        "   WHERE m.article_id = q.article_id AND m.actor_code >= ? AND m.actor_code < ?))"
        " ORDER BY a.published, q.id LIMIT 500",
        (x0, x1, y0, y1, y0, y1, x0, x1),
    )
    shared = db.query(
        "SELECT DISTINCT a.commitment_id FROM commitment_parties a JOIN commitment_parties b"
        " ON b.commitment_id = a.commitment_id WHERE a.party = ? AND b.party = ?", (x, y))
    commitments = [c for c in _commitments_by_id(db, [r["commitment_id"] for r in shared])]
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
    rows = db.query(
        "SELECT id, key, name, kinds, origin, signed, in_force, ended FROM commitments WHERE id IN ("
        + ", ".join("?" * len(ids)) + ") ORDER BY COALESCE(signed, in_force)", ids)
    steps: dict[int, list[dict[str, Any]]] = {}
    for e in sql.events_of(db, ids):
        steps.setdefault(e["commitment_id"], []).append(
            {"lifecycle_event": e["lifecycle_event"], "date": e["date"], "source": e["source"],
             "article_id": e["article_id"]})
    return [{**r, "kinds": json.loads(r["kinds"]), "lifecycle": steps.get(r["id"], [])} for r in rows]
