"""Who is bound to defend whom on a day: ``allies``, ``obligations`` and ``pact``, as JSON-able data.

Shared by the CLI and the HTTP API (the shapes are in /work/helpers/contracts/issue13-api.md and
the README). Every row is one (ally, commitment) with the obligation that binds the ally — its
direction, condition, geographic scope and the treaty article that states it — its status on the
day, and every source the commitment has (article sentences, the baseline reference, ATOP ids).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from pactwatch.pacts.names import actor, name_of, resolve_actor, resolve_place
from pactwatch.pacts.scope import Place, describe_scope, in_scope, region_name, scope_regions, state_place
from pactwatch.records import EVERY_PARTY, ORIGINS, ObligationRecord
from pactwatch.store import commitments as sql
from pactwatch.store.database import Database

SIGNING_STEPS = ("signed", "ratified")
PROPOSING_STEPS = ("proposed", "announced")


def day_of(on: str | date | None) -> str:
    if on is None:
        return date.today().isoformat()
    return on.isoformat() if isinstance(on, date) else date.fromisoformat(on).isoformat()


def chosen_origins(baseline: bool, origins: Sequence[str] | None) -> list[str]:
    return [o for o in (origins or ORIGINS) if baseline or o != "baseline"]


def commitment_status(c: dict[str, Any], steps: list[dict[str, Any]], day: str) -> str | None:
    """proposed / signed / in_force / ended on ``day`` from the commitment's dates and steps (None:
    nothing had happened yet). Suspension is a party's state (party_status)."""
    if c["ended"] and c["ended"] <= day:
        return "ended"
    dated = [s for s in steps if s["date"] and s["date"] <= day and not s["party"]]
    if (c["in_force"] and c["in_force"] <= day) or any(s["lifecycle_event"] == "entered_into_force" for s in dated):
        return "in_force"
    if (c["signed"] and c["signed"] <= day) or any(s["lifecycle_event"] in SIGNING_STEPS for s in dated):
        return "signed"
    if any(s["lifecycle_event"] in PROPOSING_STEPS for s in dated):
        return "proposed"
    return None


def party_status(p: dict[str, Any], overall: str | None, day: str) -> str | None:
    if p["joined"] and p["joined"] <= day:
        if p["left_on"] and p["left_on"] <= day:
            return "ended"
        if p["suspended_from"] and p["suspended_from"] <= day:
            return "suspended"
        return "ended" if overall == "ended" else "in_force"
    return overall if overall in ("proposed", "signed") else None


def describe_commitment(c: dict[str, Any]) -> dict[str, Any]:
    kinds = json.loads(c["kinds"]) if isinstance(c["kinds"], str) else list(c["kinds"])
    return {"key": c["key"], "name": c["name"] or c["key"], "kind": kinds[0] if kinds else "other",
            "kinds": kinds, "organisation": c["organisation"]}


def describe_obligation(o: ObligationRecord, reference: str | None) -> dict[str, Any]:
    return {
        "owed_by": "*" if "*" in o.owed_by else "|".join(o.owed_by),
        "owed_to": "*" if "*" in o.owed_to else "|".join(o.owed_to),
        "direction": "mutual" if "*" in o.owed_by and "*" in o.owed_to else "one_way",
        "condition": {"type": o.condition, "text": o.text, "adversaries": [actor(a) for a in o.adversaries]},
        "scope": {"regions": [{"code": r, "name": region_name(r)} for r in scope_regions(o)],
                  "text": describe_scope(o)},
        "article": {"cited": o.article, "reference": o.reference or reference},
    }


def _evidence(step: dict[str, Any], commitment: dict[str, Any]) -> dict[str, Any]:
    source = step["source"]
    atop_id = commitment["reference"] if commitment["origin"] == "atop" else None
    if source == "article":
        text = step["sentence"]
    else:
        text = f"{commitment['name'] or commitment['key']}: {step['lifecycle_event'].replace('_', ' ')}" + \
            (f" {step['date']}" if step["date"] else "") + (f" ({step['party']})" if step["party"] else "")
    return {"source": source, "text": text, "step": step["lifecycle_event"], "date": step["date"],
            "article_id": step["article_id"], "sentence": step["sentence"], "start": step["start_char"],
            "end": step["end_char"], "atop_id": atop_id,
            "reference": step["reference"] or (f"ATOP 4.01 alliance {atop_id}" if atop_id else None)}


class Commitments:
    """The commitments one question touches, each read once however many rings and statuses ask
    for it: rows, lifecycle steps, obligations (decoded) and the sources merged into it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.rows: dict[int, dict[str, Any]] = {}
        self.steps: dict[int, list[dict[str, Any]]] = {}
        self.obligations: dict[int, list[ObligationRecord]] = {}
        self.merged: dict[int, list[tuple[dict[str, Any], list[dict[str, Any]]]]] = {}
        # what rows repeat, described once per question (the answer is read, never changed)
        # (an obligation record is shared by every row with the same text: obligations_of decodes
        # each distinct one once, so its description depends on it and the reference alone)
        self.described: dict[tuple[int, str | None], dict[str, Any]] = {}
        self.commitment: dict[int, dict[str, Any]] = {}
        self.actors: dict[str, dict[str, str | None]] = {}
        self.sources: dict[int, list[dict[str, Any]]] = {}  # of commitments without membership steps

    def actor(self, code: str) -> dict[str, str | None]:
        """``names.actor``, one dict per state per question (a heavy answer names ~3,000 states)."""
        found = self.actors.get(code)
        if found is None:
            found = self.actors[code] = actor(code)
        return found

    def read(self, ids: Sequence[int]) -> Commitments:
        """Load what is not loaded yet of these commitments."""
        missing = sorted(set(ids) - set(self.rows))
        if not missing:
            return self
        rows = sql.commitments_by_ids(self.db, missing)
        self.rows.update({r["id"]: r for r in rows})
        for cid in missing:
            self.steps.setdefault(cid, [])
        for e in sql.events_of(self.db, missing):
            self.steps[e["commitment_id"]].append(e)
        self.read_obligations(missing)
        merged = sql.merged_sources(self.db, [r["key"] for r in rows])
        merged_steps: dict[int, list[dict[str, Any]]] = {}
        for e in sql.events_of(self.db, [m["id"] for ms in merged.values() for m in ms]):
            merged_steps.setdefault(e["commitment_id"], []).append(e)
        by_key = {r["key"]: r["id"] for r in rows}
        for key, ms in merged.items():
            self.merged[by_key[key]] = [(m, merged_steps.get(m["id"], [])) for m in ms]
        return self

    def read_obligations(self, ids: Sequence[int]) -> dict[int, list[ObligationRecord]]:
        """The obligations of these commitments (read and decoded once each), by commitment."""
        missing = sorted(set(ids) - set(self.obligations))
        if missing:
            found = sql.obligations_of(self.db, missing)
            self.obligations.update({cid: found.get(cid, []) for cid in missing})
        return self.obligations

    def evidence(self, cid: int, parties: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Every source of the commitment; membership steps only of the given parties."""
        if cid in self.sources:
            return self.sources[cid]
        c = self.rows[cid]
        found = [_evidence(s, c) for s in self.steps.get(cid, []) if not s["party"] or parties is None
                 or s["party"] in parties]
        for m, steps in self.merged.get(cid, []):
            found += [_evidence(s, m) for s in steps if not s["party"]]
        if not found and c["reference"]:
            found.append({"source": c["origin"], "text": c["name"] or c["key"], "step": None, "date": None,
                          "article_id": None, "sentence": None, "start": None, "end": None,
                          "atop_id": c["reference"] if c["origin"] == "atop" else None, "reference": c["reference"]})
        if not any(s["party"] for s in self.steps.get(cid, [])):  # the same list whoever the parties
            self.sources[cid] = found
        return found

    def binding(self, cid: int, owner: str, protected: str, defence: bool = True) -> list[ObligationRecord]:
        return [o for o in self.obligations.get(cid, []) if o.binds(owner, protected) and o.defence == defence]

    def row(self, cid: int, ally: str, protected: str, obligation: ObligationRecord | None, status: str | None,
            since: str | None) -> dict[str, Any]:
        c = self.rows[cid]
        described = None
        if obligation:
            described = self.described.get((id(obligation), c["reference"]))
            if described is None:
                described = self.described[id(obligation), c["reference"]] = describe_obligation(
                    obligation, c["reference"])
        if cid not in self.commitment:
            self.commitment[cid] = describe_commitment(c)
        return {
            "ally": self.actor(ally), "commitment": self.commitment[cid], "origin": c["origin"],
            "direction": described["direction"] if described else None, "owed_by": ally, "owed_to": protected,
            "condition": described["condition"] if described else None,
            "scope": described["scope"] if described else None,
            "article": described["article"] if described else None,
            "status": status, "since": since, "evidence": self.evidence(cid, [ally, protected]),
        }


def _in_force_rows(db: Database, party: str, day: str, origins: Sequence[str], known: Commitments,
                   allies: set[str] | None = None) -> list[tuple[dict[str, Any], list[ObligationRecord]]]:
    """One row per (ally, commitment) bound on ``day`` to defend ``party``, with the obligations
    that bind the ally; with ``allies`` only the rows of those allies are built (the attacker's
    side is only compared on them)."""
    pairs = [p for p in sql.defenders(db, party, day, origins) if allies is None or p["ally"] in allies]
    known.read([p["commitment_id"] for p in pairs])
    rows = []
    for p in pairs:
        binding = known.binding(p["commitment_id"], p["ally"], party)
        if binding:
            rows.append((known.row(p["commitment_id"], p["ally"], party, binding[0], "in_force", p["since"]), binding))
    return rows


class PartyCommitments:
    """Every commitment ``party`` belongs to that owes it an obligation, with its members, read once
    per question (the others can give it no row: their members and steps are never read)."""

    def __init__(self, db: Database, party: str, origins: Sequence[str], known: Commitments) -> None:
        self.party = party
        ids = sql.commitment_ids_of_party(db, party, origins)
        owed = known.read_obligations(ids)
        self.ids = [cid for cid in ids if any(EVERY_PARTY in o.owed_to or party in o.owed_to for o in owed[cid])]
        self.known = known.read(self.ids)
        self.parties: dict[int, list[dict[str, Any]]] = {}
        for p in sql.memberships_of(db, self.ids):
            self.parties.setdefault(p["commitment_id"], []).append(p)
        self._statuses: dict[str, dict[int, dict[str, str]]] = {}

    def statuses(self, day: str) -> dict[int, dict[str, str]]:
        """Commitment -> member -> its status on ``day`` (members with none left out), once a day."""
        if day not in self._statuses:
            found = {}
            for cid in self.ids:
                overall = commitment_status(self.known.rows[cid], self.known.steps.get(cid, []), day)
                statuses = ((p["party"], party_status(p, overall, day)) for p in self.parties.get(cid, []))
                found[cid] = {member: status for member, status in statuses if status}
            self._statuses[day] = found
        return self._statuses[day]


def _not_yet_rows(mine: PartyCommitments, day: str, conditions: bool = True,
                  keep: Callable[[str, ObligationRecord], bool] | None = None) -> list[dict[str, Any]]:
    """Obligations to the party of commitments signed but not in force on ``day``; with
    ``conditions=False`` instead the in-force non-defence ones, of the allies and obligations
    ``keep`` accepts; rows the answer would drop are never built."""
    party, known = mine.party, mine.known
    rows = []
    for cid, status_of in mine.statuses(day).items():
        if status_of.get(party) != ("signed" if conditions else "in_force"):
            continue
        for other in sorted(set(status_of) - {party}):
            if status_of[other] != status_of[party]:
                continue
            for obligation in known.binding(cid, other, party, defence=conditions):
                if keep is None or keep(other, obligation):
                    rows.append(known.row(cid, other, party, obligation, status_of[party], None))
    return rows


def allies(db: Database, party: str, on: str | date | None = None, baseline: bool = True,
           origins: Sequence[str] | None = None) -> dict[str, Any]:
    """Who is bound to defend ``party`` on ``on`` (one row per ally and commitment), and apart,
    the obligations signed but not in force that day."""
    code = resolve_actor(party, stored=lambda c: sql.is_party(db, c))
    day = day_of(on)
    chosen = chosen_origins(baseline, origins)
    known = Commitments(db)
    mine = PartyCommitments(db, code, chosen, known)  # the first ring's commitments are among these
    rows = [row for row, _ in _in_force_rows(db, code, day, chosen, known)]
    pending = _not_yet_rows(mine, day)
    note = None
    if pending:
        listed = "; ".join(f"{r['commitment']['key']} ({r['ally']['code']})" for r in pending)
        note = (f"{len(pending)} obligation(s) to {code} signed but not in force on {day} are listed apart, "
                f"not as allies: {listed}.")
    return {"actor": actor(code), "on": day, "items": rows, "signed_not_in_force": pending, "note": note}


def _article_of(row: dict[str, Any]) -> str:
    cited = (row.get("article") or {}).get("cited")
    return row["commitment"]["name"] + (f" {cited}" if cited else "")


def obligations(db: Database, attacked: str, by: str | None = None, on: str | date | None = None,
                where: str | None = None, baseline: bool = True,
                origins: Sequence[str] | None = None) -> dict[str, Any]:
    """Who must come to the defence of ``attacked`` if ``by`` attacks it at ``where`` on ``on``."""
    victim = resolve_actor(attacked, stored=lambda c: sql.is_party(db, c))
    attacker = resolve_actor(by, stored=lambda c: sql.is_party(db, c)) if by else None
    place = resolve_place(where, victim)
    day = day_of(on)
    chosen = chosen_origins(baseline, origins)
    known = Commitments(db)
    victims = PartyCommitments(db, victim, chosen, known)  # the first ring's commitments are among these
    candidates = _in_force_rows(db, victim, day, chosen, known)
    defenders, out_of_scope, attacker_party = [], [], []
    for row, binding in candidates:
        reason = _excluded(row, binding, victim, attacker, place)
        if row["ally"]["code"] == attacker:
            attacker_party.append({"commitment": row["commitment"],
                                   "note": f"{attacker} is itself bound to defend {victim} under "
                                           f"{_article_of(row)}"})
        elif reason:
            out_of_scope.append({"row": row, "reason": reason})
        else:
            defenders.append(row)
    conflicted: list[dict[str, Any]] = []
    if attacker:
        mine: dict[str, list[dict[str, Any]]] = {}
        for row in defenders:
            mine.setdefault(row["ally"]["code"], []).append(row)
        theirs: dict[str, list[dict[str, Any]]] = {}
        for row, _ in _in_force_rows(db, attacker, day, chosen, known, allies=set(mine)):
            theirs.setdefault(row["ally"]["code"], []).append(row)
        for state in sorted(set(mine) & set(theirs) - {victim, attacker}):
            conflicted.append({"state": actor(state), "defends_attacked": mine[state],
                               "defends_attacker": theirs[state]})
        both = {c["state"]["code"] for c in conflicted}
        defenders = [r for r in defenders if r["ally"]["code"] not in both]
    bound = {r["ally"]["code"] for r in defenders} | {c["state"]["code"] for c in conflicted} | {attacker}

    def shown(ally: str, obligation: ObligationRecord) -> bool:
        """Consultation by states not bound otherwise; neutrality of any state but the attacker."""
        return (obligation.condition == "consultation_only" and ally not in bound) or \
            (obligation.condition == "neutrality" and ally != attacker)

    others = _not_yet_rows(victims, day, conditions=False, keep=shown)
    consultation = [r for r in others if r["condition"]["type"] == "consultation_only"]
    neutral = [r for r in others if r["condition"]["type"] == "neutrality"]
    pending = _not_yet_rows(victims, day)
    defender_states = sorted({r["ally"]["code"] for r in defenders})
    second = _second_ring(db, known, defender_states, day, chosen, place,
                          {victim, *defender_states, *([attacker] if attacker else []),
                           *(c["state"]["code"] for c in conflicted)})
    body = {
        "attacked": actor(victim), "by": actor(attacker) if attacker else None, "on": day,
        "where": {"code": place.code, "name": place.name, "regions": sorted(place.regions)},
        "defenders": defenders, "defender_states": defender_states, "conflicted": conflicted,
        "consultation": consultation, "neutral": neutral, "out_of_scope": out_of_scope,
        "signed_not_in_force": pending, "attacker_is_party": attacker_party, "second_ring": second,
    }
    body["summary"] = summary(body)
    return body


def _excluded(row: dict[str, Any], binding: list[ObligationRecord], victim: str, attacker: str | None,
              place: Place) -> str | None:
    """Why none of the row's obligations (``binding``) applies to this attack (None when one does)."""
    reasons = []
    for obligation in binding:
        if not in_scope(obligation, victim, place):
            reasons.append(f"{_article_of(row)} covers only {describe_scope(obligation)}; "
                           f"{place.name} lies outside it")
        elif obligation.condition == "attack_by_named_state" and obligation.adversaries and \
                attacker not in obligation.adversaries:
            reasons.append(f"{_article_of(row)} applies only to an attack by "
                           + ", ".join(name_of(a) or a for a in obligation.adversaries))
        else:
            return None
    return "; ".join(reasons)


def _second_ring(db: Database, known: Commitments, defenders: list[str], day: str, origins: Sequence[str],
                 place: Place, excluded: set[str]) -> list[dict[str, Any]]:
    """States outside the first ring bound to defend a defender, where the fighting is or at home."""
    # the defender may be struck where it fights or at home: its own allies are bound if either
    # lies within their obligation's scope (NATO's area, not Japan's administration). A pair whose
    # obligation covers the defender at home is in the ring whatever the place (store: ``home``);
    # only the others are checked here against their obligations.
    covered, unchecked = sql.second_ring_pairs(db, defenders, sorted(excluded), day, origins)
    ring: dict[str, set[str]] = {ally: set(defended) for ally, defended in covered.items()}
    obligations = known.read_obligations([p["commitment_id"] for p in unchecked])
    homes: dict[str, Place] = {}
    for p in unchecked:
        defender, ally = p["defended"], p["ally"]
        if defender in ring.get(ally, ()):
            continue
        if defender not in homes:
            homes[defender] = state_place(defender, name_of(defender))
        home = homes[defender]
        binding = [o for o in obligations.get(p["commitment_id"], []) if o.defence and o.binds(ally, defender)]
        if any(in_scope(o, defender, place) or in_scope(o, defender, home) for o in binding):
            ring.setdefault(ally, set()).add(defender)
    return [{"state": known.actor(s), "defends": [known.actor(d) for d in sorted(ds)]}
            for s, ds in sorted(ring.items())]


def _names(states: Sequence[str]) -> str:
    named = sorted(name_of(s) or s for s in states)
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def summary(body: dict[str, Any]) -> str:
    """A plain-language answer a journalist could quote, with the treaty articles cited."""
    victim, by, day = body["attacked"]["name"] or body["attacked"]["code"], body["by"], body["on"]
    at = "" if body["where"]["code"] == body["attacked"]["code"] else f" at {body['where']['name']}"
    text = f"If {victim} is attacked" + (f" by {by['name'] or by['code']}" if by else "") + f"{at} on {day}, "
    states = body["defender_states"]
    if states:
        cited = sorted({_article_of(r) for r in body["defenders"]})
        text += f"{len(states)} state(s) are bound to defend it: {_names(states)} ({'; '.join(cited)})."
    else:
        text += "no state is recorded as bound to defend it."
    if body["conflicted"]:
        text += f" {len(body['conflicted'])} state(s) are bound to defend both sides and are not counted as " \
                f"defenders: {_names([c['state']['code'] for c in body['conflicted']])}."
    if body["attacker_is_party"]:
        text += " " + "; ".join(sorted({a["note"] for a in body["attacker_is_party"]})) + "."
    by_reason: dict[str, list[str]] = {}
    for o in body["out_of_scope"]:
        if o["row"]["ally"]["code"] not in states:  # bound under another treaty: a defender all the same
            by_reason.setdefault(o["reason"], []).append(o["row"]["ally"]["code"])
    for reason, states in sorted(by_reason.items()):
        text += f" Not bound here: {_names(sorted(set(states)))}, because {reason}."
    if body["consultation"]:
        text += " Bound only to consult: " + _names(sorted({r["ally"]["code"] for r in body["consultation"]})) + \
            " (" + "; ".join(sorted({_article_of(r) for r in body["consultation"]})) + ")."
    if body["signed_not_in_force"]:
        text += " Signed but not yet in force: " + "; ".join(sorted({
            f"{r['commitment']['name']} ({r['ally']['code']})" for r in body["signed_not_in_force"]})) + "."
    if body["second_ring"]:
        text += f" A second ring of {len(body['second_ring'])} state(s) is bound to defend those defenders in turn."
    return text


def pact(db: Database, key: str, on: str | date | None = None) -> dict[str, Any]:
    """One commitment whole: parties with their status, obligations, lifecycle and every source."""
    from pactwatch.errors import NotFound
    from pactwatch.pacts.identity import suggest_key

    row = sql.commitment_by_key(db, key)
    if row is None:
        raise NotFound(f"{key!r} is not a known commitment key; did you mean {suggest_key(key, sql.all_keys(db))}?")
    if row["merged_into"]:
        row = sql.commitment_by_key(db, row["merged_into"]) or row
    day = day_of(on)
    known = Commitments(db).read([row["id"]])
    cid = row["id"]
    overall = commitment_status(row, known.steps.get(cid, []), day)
    parties = [{"party": actor(p["party"]), "joined": p["joined"], "left": p["left_on"],
                "suspended_from": p["suspended_from"], "status": party_status(p, overall, day), "note": p["note"]}
               for p in sql.parties_of(db, [cid])]
    return {
        "commitment": describe_commitment(row), "origin": row["origin"], "status": overall, "on": day,
        "signed": row["signed"], "in_force": row["in_force"], "ended": row["ended"], "conditions": row["conditions"],
        "parties": parties,
        "obligations": [describe_obligation(o, row["reference"]) for o in known.obligations.get(cid, [])],
        "lifecycle": [{"step": s["lifecycle_event"], "date": s["date"], "party": s["party"], "source": s["source"],
                       "article_id": s["article_id"], "sentence": s["sentence"], "reference": s["reference"]}
                      for s in known.steps.get(cid, [])],
        "sources": known.evidence(cid),
        "reference": row["reference"], "checked": row["checked"],
    }

