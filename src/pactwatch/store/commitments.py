"""SQL for commitments, their parties and lifecycle events (bound parameters only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from pactwatch.records import CommitmentRecord, ObligationRecord
from pactwatch.store.database import Database, now_iso

# A party row is active on day ? (the same date is bound four times).
ACTIVE = ("{p}.joined IS NOT NULL AND {p}.joined <= ? AND ({p}.left_on IS NULL OR {p}.left_on > ?)"
          " AND ({p}.suspended_from IS NULL OR {p}.suspended_from > ?)")
# A defence_pairs row (alias p) is bound on day ? (bound twice); see migration 005.
BOUND = "p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def replace_origin(db: Database, origin: str, records: Sequence[CommitmentRecord],
                   keys_prefix: str | None = None) -> int:
    """Replace every commitment of ``origin`` (optionally only keys starting with a prefix)."""
    with db.transaction():
        if keys_prefix is None:
            db.execute("DELETE FROM commitments WHERE origin = ?", (origin,))
        else:
            db.execute("DELETE FROM commitments WHERE origin = ? AND key LIKE ?", (origin, keys_prefix + "%"))
        for record in records:
            insert_commitment(db, record)
    return len(records)


def insert_commitment(db: Database, c: CommitmentRecord) -> int:
    cursor = db.execute(
        "INSERT INTO commitments (key, name, kinds, organisation, origin, signed, in_force, ended, conditions,"
        " reference, defense, checked, merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (c.key, c.name, json.dumps(list(c.kinds)), c.organisation, c.origin, _iso(c.signed), _iso(c.in_force),
         _iso(c.ended), c.conditions, c.reference, int(c.defense), _iso(c.checked), c.merged_into),
    )
    commitment_id = int(cursor.fetchone()[0])
    db.executemany(
        "INSERT INTO commitment_parties (commitment_id, party, joined, left_on, suspended_from, defense, offense,"
        " neutral, nonagg, consul, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(commitment_id, p.party, _iso(p.joined), _iso(p.left_on), _iso(p.suspended_from), int(p.defense),
          int(p.offense), int(p.neutral), int(p.nonagg), int(p.consul), p.note) for p in c.parties],
    )
    db.executemany(
        "INSERT INTO commitment_events (commitment_id, report_id, party, lifecycle_event, date, source, article_id,"
        " sentence, start_char, end_char, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(commitment_id, e.report_id, e.party, e.lifecycle_event, _iso(e.date), e.source, e.article_id, e.sentence,
          e.start_char, e.end_char, e.reference) for e in c.events],
    )
    db.executemany(
        "INSERT INTO obligations (commitment_id, owed_by, owed_to, condition, adversaries, scope, article, text,"
        " reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(commitment_id, json.dumps(list(o.owed_by)), json.dumps(list(o.owed_to)), o.condition,
          json.dumps(list(o.adversaries)), json.dumps([list(a) for a in o.scope]), o.article, o.text, o.reference)
         for o in c.obligations],
    )
    if c.merged_into is None:  # a merged ATOP alliance binds through the commitment it is merged into
        db.executemany(
            "INSERT INTO defence_pairs (commitment_id, origin, defended, defender, valid_from, valid_to, home)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(commitment_id, c.origin, *pair) for pair in defence_pairs(c)],
        )
    return commitment_id


def defence_pairs(c: CommitmentRecord) -> list[tuple[str, str, str, str | None, int]]:
    """(defended, defender, valid_from, valid_to, home) for every two party rows of ``c`` where a
    defence obligation binds the second to defend the first; the interval rule of migration 005
    (see there), and ``home`` 1 when one of those obligations covers the defended party's own
    territory wherever it lies (migration 015). One-way obligations (a guarantor and the state it
    protects) give a pair in one direction only."""
    defence = [o for o in c.obligations if o.defence]
    pairs: list[tuple[str, str, str, str | None, int]] = []
    for me in c.parties:
        for other in c.parties:
            binding = [o for o in defence if o.binds(other.party, me.party)]
            if me.joined is None or other.joined is None or not binding:
                continue
            ends = [d for d in (me.left_on, me.suspended_from, other.left_on, other.suspended_from, c.ended)
                    if d]
            pair = (me.party, other.party, max(me.joined, other.joined).isoformat(), _iso(min(ends)) if ends else None,
                    int(any(o.covers_home for o in binding)))
            if pair not in pairs:
                pairs.append(pair)
    return pairs


def obligation_record(row: dict[str, Any]) -> ObligationRecord:
    """An ``obligations`` row read back as the record it was written from."""
    return _decoded(row["owed_by"], row["owed_to"], row["condition"], row["scope"], row["adversaries"],
                    row["article"], row["text"], row["reference"])


@lru_cache(maxsize=4096)
def _decoded(owed_by: str, owed_to: str, condition: str, scope: str, adversaries: str, article: str | None,
             text: str | None, reference: str | None) -> ObligationRecord:
    # a pure function of the row's text: the few distinct obligations of a store (most are "every
    # party to every party against any attack") are decoded once per process, not once per row per
    # question (a heavy obligations question decodes ~100). Records are never changed once built.
    return ObligationRecord(
        owed_by=tuple(json.loads(owed_by)), owed_to=tuple(json.loads(owed_to)), condition=condition,
        scope=tuple(tuple(a) for a in json.loads(scope)), adversaries=tuple(json.loads(adversaries)),
        article=article, text=text, reference=reference)


def obligations_of(db: Database, commitment_ids: Sequence[int]) -> dict[int, list[ObligationRecord]]:
    if not commitment_ids:
        return {}
    marks = ", ".join("?" * len(commitment_ids))
    found: dict[int, list[ObligationRecord]] = {}
    for row in db.query(f"SELECT * FROM obligations WHERE commitment_id IN ({marks}) ORDER BY id",
                        list(commitment_ids)):
        found.setdefault(row["commitment_id"], []).append(obligation_record(row))
    return found


COMMITMENT_COLUMNS = ("c.id, c.key, c.name, c.kinds, c.organisation, c.origin, c.signed, c.in_force, c.ended,"
                      " c.conditions, c.reference, c.checked, c.merged_into")


def commitments_by_ids(db: Database, ids: Sequence[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return db.query(f"SELECT {COMMITMENT_COLUMNS} FROM commitments c WHERE c.id IN ({marks}) ORDER BY c.id", list(ids))


def commitment_by_key(db: Database, key: str) -> dict[str, Any] | None:
    return db.query_one(f"SELECT {COMMITMENT_COLUMNS} FROM commitments c WHERE c.key = ?", (key,))


def is_party(db: Database, code: str) -> bool:
    return db.query_one("SELECT 1 AS one FROM commitment_parties WHERE party = ? LIMIT 1", (code,)) is not None


def all_keys(db: Database) -> list[str]:
    return [r["key"] for r in db.query("SELECT key FROM commitments ORDER BY key")]


def merged_sources(db: Database, keys: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The commitments merged into each of ``keys`` (ATOP alliances that are the same treaty)."""
    if not keys:
        return {}
    marks = ", ".join("?" * len(keys))
    found: dict[str, list[dict[str, Any]]] = {}
    # ordered by merged_into first, so that the planner reads the merged_into index (ordered by
    # key alone, SQLite scanned every commitment in key order); the order within a key is the same
    for row in db.query(f"SELECT {COMMITMENT_COLUMNS} FROM commitments c WHERE c.merged_into IN ({marks})"
                        " ORDER BY c.merged_into, c.key", list(keys)):
        found.setdefault(row["merged_into"], []).append(row)
    return found


def commitment_ids_of_party(db: Database, party: str, origins: Sequence[str]) -> list[int]:
    """The ids of every commitment (not merged into another) with a party row for ``party``,
    ascending."""
    where, params = origins_clause(origins)
    return [r["id"] for r in db.query(
        "SELECT DISTINCT c.id FROM commitment_parties p JOIN commitments c ON c.id = p.commitment_id"
        f" WHERE p.party = ? AND c.merged_into IS NULL AND {where} ORDER BY c.id", [party, *params])]


def records_of_origin(db: Database, origin: str) -> list[CommitmentRecord]:
    """The stored commitments of one origin read back as records (parties, events, obligations)."""
    from pactwatch.records import EventRecord, PartyRecord

    rows = db.query(f"SELECT {COMMITMENT_COLUMNS} FROM commitments c WHERE c.origin = ? ORDER BY c.id", (origin,))
    ids = [r["id"] for r in rows]
    parties: dict[int, list[PartyRecord]] = {}
    for p in parties_of(db, ids):
        parties.setdefault(p["commitment_id"], []).append(PartyRecord(
            p["party"], joined=_date(p["joined"]), left_on=_date(p["left_on"]),
            suspended_from=_date(p["suspended_from"]), defense=bool(p["defense"]), offense=bool(p["offense"]),
            neutral=bool(p["neutral"]), nonagg=bool(p["nonagg"]), consul=bool(p["consul"]), note=p["note"]))
    events: dict[int, list[EventRecord]] = {}
    for e in events_of(db, ids):
        events.setdefault(e["commitment_id"], []).append(EventRecord(
            e["lifecycle_event"], _date(e["date"]), e["source"], party=e["party"], article_id=e["article_id"],
            sentence=e["sentence"], start_char=e["start_char"], end_char=e["end_char"], reference=e["reference"]))
    obligations = obligations_of(db, ids)
    return [CommitmentRecord(
        key=r["key"], origin=r["origin"], kinds=tuple(json.loads(r["kinds"])), name=r["name"],
        organisation=r["organisation"], signed=_date(r["signed"]), in_force=_date(r["in_force"]),
        ended=_date(r["ended"]), conditions=r["conditions"], reference=r["reference"],
        parties=parties.get(r["id"], []), events=events.get(r["id"], []), obligations=obligations.get(r["id"], []),
        checked=_date(r["checked"]), merged_into=r["merged_into"]) for r in rows]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def report_rows(db: Database) -> list[dict[str, Any]]:
    """Every stored commitment report with its article's publication date."""
    return db.query(
        "SELECT r.id, r.article_id, r.parties, r.kinds, r.lifecycle_event, r.date, r.conditions, r.name,"
        " r.sentence, r.start_char, r.end_char, a.published FROM commitment_reports r"
        " JOIN articles a ON a.id = r.article_id ORDER BY r.id"
    )


def origins_clause(origins: Sequence[str], table: str = "c") -> tuple[str, list[str]]:
    """Commitments of these origins. Asked for article commitments without the baseline, a
    baseline treaty that articles report counts too (its article reports were folded into it)."""
    where = f"{table}.origin IN (" + ", ".join("?" * len(origins)) + ")"
    if "article" in origins and "baseline" not in origins:
        column = "commitment_id" if table == "p" else "id"
        where = (f"({where} OR EXISTS (SELECT 1 FROM commitment_events r WHERE r.commitment_id = {table}.{column}"
                 " AND r.source = 'article'))")
    return where, list(origins)


def defenders(db: Database, party: str, on: str, origins: Sequence[str]) -> list[dict[str, Any]]:
    """Parties bound on ``on`` to defend ``party``, one row per (ally, commitment); ``since`` is the
    day the later of the two joined."""
    where, params = origins_clause(origins, "p")
    return db.query(
        "SELECT p.defender AS ally, c.id AS commitment_id, c.key, c.name, c.kinds, c.origin, c.organisation,"
        " c.conditions, c.reference, c.signed, c.in_force, c.ended, p.valid_from AS since, p.valid_to AS until"
        " FROM defence_pairs p JOIN commitments c ON c.id = p.commitment_id"
        f" WHERE p.defended = ? AND {BOUND} AND {where}"
        " ORDER BY p.defender, c.origin, c.key",
        [party, on, on, *params],
    )


def second_ring_pairs(db: Database, parties: Sequence[str], excluded: Sequence[str], on: str,
                      origins: Sequence[str]) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """Who outside ``excluded`` is bound on ``on`` to defend one of ``parties``, in two parts:
    ally -> the parties it defends under an obligation that covers them at home (``home`` = 1,
    migration 015: nothing left to check), and the other pairs (defended, ally, commitment_id),
    whose obligations the caller checks. One read of the covering index, aggregated by ally."""
    if not parties:
        return {}, []
    where, params = origins_clause(origins, "p")
    outside = f" AND p.defender NOT IN ({', '.join('?' * len(excluded))})" if excluded else ""
    unchecked_pair = "p.defended || ':' || CAST(p.commitment_id AS TEXT)"
    if db.dialect == "sqlite":
        covered_list = "group_concat(DISTINCT CASE WHEN p.home = 1 THEN p.defended END)"
        unchecked_list = f"group_concat(DISTINCT CASE WHEN p.home = 1 THEN NULL ELSE {unchecked_pair} END)"
    else:
        covered_list = "string_agg(DISTINCT CASE WHEN p.home = 1 THEN p.defended END, ',')"
        unchecked_list = f"string_agg(DISTINCT CASE WHEN p.home = 1 THEN NULL ELSE {unchecked_pair} END, ',')"
    covered: dict[str, list[str]] = {}
    unchecked: list[dict[str, Any]] = []
    for row in db.query(
        f"SELECT p.defender AS ally, {covered_list} AS covered, {unchecked_list} AS unchecked FROM defence_pairs p"
        f" WHERE p.defended IN ({', '.join('?' * len(parties))}){outside} AND {BOUND} AND {where}"
        " GROUP BY p.defender", [*parties, *excluded, on, on, *params],
    ):
        if row["covered"]:
            covered[row["ally"]] = sorted(row["covered"].split(","))
        for pair in filter(None, (row["unchecked"] or "").split(",")):
            defended, commitment_id = pair.split(":")
            unchecked.append({"defended": defended, "ally": row["ally"], "commitment_id": int(commitment_id)})
    unchecked.sort(key=lambda p: (p["defended"], p["ally"], p["commitment_id"]))
    return covered, unchecked


# An article commitment's confidence is its best report's (commitment_reports.confidence); baseline
# and ATOP rows are curated tables and are not scored.
REPORTED_CONFIDENCE = ("(SELECT MAX(r.confidence) FROM commitment_events ce JOIN commitment_reports r"
                       " ON r.id = ce.report_id WHERE ce.commitment_id = c.id)")


def list_commitments(db: Database, party: str | None, kind: str | None, on: str | None,
                     origins: Sequence[str], limit: int | None,
                     min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Commitments (merged ones left out) with ``confidence``; ``min_confidence`` drops article
    commitments none of whose reports reaches it (unscored reports, stored before migration 014,
    and curated rows always stay)."""
    where, params = origins_clause(origins)
    clauses, args = [where], list[Any](params)
    if min_confidence:
        clauses.append(f"(c.origin <> 'article' OR COALESCE({REPORTED_CONFIDENCE}, 1) >= ?"
                       " OR EXISTS (SELECT 1 FROM commitment_events ce JOIN commitment_reports r ON r.id = ce.report_id"
                       " WHERE ce.commitment_id = c.id AND r.confidence IS NULL))")
        args.append(float(min_confidence))
    if party:
        if on:
            clauses.append(f"EXISTS (SELECT 1 FROM commitment_parties p WHERE p.commitment_id = c.id"
                           f" AND p.party = ? AND {ACTIVE.format(p='p')})")
            args += [party, on, on, on]
        else:
            clauses.append("EXISTS (SELECT 1 FROM commitment_parties p WHERE p.commitment_id = c.id AND p.party = ?)")
            args.append(party)
    elif on:
        clauses.append(f"EXISTS (SELECT 1 FROM commitment_parties p WHERE p.commitment_id = c.id"
                       f" AND {ACTIVE.format(p='p')})")
        args += [on, on, on]
    if kind:
        clauses.append("c.kinds LIKE ?")
        args.append(f'%"{kind}"%')
    return db.query(
        f"SELECT {COMMITMENT_COLUMNS}, {REPORTED_CONFIDENCE} AS confidence FROM commitments c"
        f" WHERE c.merged_into IS NULL AND {' AND '.join(clauses)}"
        " ORDER BY c.origin, COALESCE(c.signed, c.in_force), c.key" + (" LIMIT ?" if limit else ""),
        [*args, *([limit] if limit else [])],
    )


def parties_of(db: Database, commitment_ids: Sequence[int], on: str | None = None) -> list[dict[str, Any]]:
    if not commitment_ids:
        return []
    marks = ", ".join("?" * len(commitment_ids))
    sql = (f"SELECT p.* FROM commitment_parties p WHERE p.commitment_id IN ({marks})")
    args: list[Any] = list(commitment_ids)
    if on:
        sql += f" AND {ACTIVE.format(p='p')}"
        args += [on, on, on]
    return db.query(sql + " ORDER BY p.commitment_id, p.party", args)


def memberships_of(db: Database, commitment_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Who belongs to these commitments and when (party, joined, left_on, suspended_from), in the
    order of ``parties_of``, read from the covering index alone."""
    if not commitment_ids:
        return []
    marks = ", ".join("?" * len(commitment_ids))
    return db.query("SELECT p.commitment_id, p.party, p.joined, p.left_on, p.suspended_from FROM commitment_parties p"
                    f" WHERE p.commitment_id IN ({marks}) ORDER BY p.commitment_id, p.party", list(commitment_ids))


def events_of(db: Database, commitment_ids: Sequence[int]) -> list[dict[str, Any]]:
    if not commitment_ids:
        return []
    marks = ", ".join("?" * len(commitment_ids))
    return db.query(
        "SELECT commitment_id, party, lifecycle_event, date, source, article_id, sentence, start_char, end_char,"
        f" reference FROM commitment_events WHERE commitment_id IN ({marks}) ORDER BY commitment_id, date, id",
        list(commitment_ids),
    )


def active_pairs(db: Database, on: str, origins: Sequence[str]) -> list[dict[str, Any]]:
    """Every commitment active on a day with its active parties (for the graph)."""
    where, params = origins_clause(origins)
    return db.query(
        "SELECT c.id, c.key, c.name, c.kinds, c.origin, c.organisation, p.party, p.defense"
        " FROM commitments c JOIN commitment_parties p ON p.commitment_id = c.id"
        f" WHERE {ACTIVE.format(p='p')} AND (c.ended IS NULL OR c.ended > ?) AND c.merged_into IS NULL AND {where}"
        " ORDER BY c.id, p.party",
        [on, on, on, on, *params],
    )


def graph_rows(db: Database, origins: Sequence[str]) -> tuple[list[dict[str, Any]], dict[int, list[dict[str, Any]]],
                                                             dict[int, list[dict[str, Any]]]]:
    """Every commitment of these origins, its parties and its lifecycle steps (with the step's
    article title and publisher), for the API's graph: (commitments, parties by id, steps by id)."""
    where, params = origins_clause(origins)
    commitments = db.query(
        "SELECT c.id, c.key, c.name, c.kinds, c.organisation, c.origin, c.signed, c.in_force, c.ended, c.reference"
        f" FROM commitments c WHERE {where} AND c.merged_into IS NULL ORDER BY c.id", params)
    parties: dict[int, list[dict[str, Any]]] = {}
    events: dict[int, list[dict[str, Any]]] = {}
    if commitments:
        ids = [c["id"] for c in commitments]
        id_marks = ", ".join("?" * len(ids))
        for p in db.query(f"SELECT commitment_id, party, joined, left_on, suspended_from FROM commitment_parties"
                          f" WHERE commitment_id IN ({id_marks})", ids):
            parties.setdefault(p["commitment_id"], []).append(p)
        for e in db.query(
                "SELECT e.commitment_id, e.party, e.lifecycle_event, e.date, e.source, e.article_id, e.sentence,"
                " e.start_char, e.end_char, e.reference, a.title AS article_title, a.publisher"
                " FROM commitment_events e LEFT JOIN articles a ON a.id = e.article_id"
                f" WHERE e.commitment_id IN ({id_marks}) ORDER BY e.date, e.id", ids):
            events.setdefault(e["commitment_id"], []).append(e)
    return commitments, parties, events


def build_stamp(db: Database) -> tuple[Any, ...]:
    """What identifies the last rebuild of the commitment graph (reports, baseline, time)."""
    row = db.query_one("SELECT reports, baseline, built_at FROM commitment_builds WHERE id = 1")
    return tuple(row.values()) if row else ()


def reports_fingerprint(db: Database) -> str:
    """What identifies the stored commitment reports (count, largest and summed id): a rebuild is
    due when it changes."""
    row = db.query_one("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS top, COALESCE(SUM(id), 0) AS total"
                       " FROM commitment_reports")
    return f"{row['n']}:{row['top']}:{row['total']}" if row else "0:0:0"


def record_build(db: Database, reports: str, baseline: str) -> None:
    """Remember what the commitment graph was last built from (inside the rebuild's transaction)."""
    db.execute("DELETE FROM commitment_builds")
    db.execute("INSERT INTO commitment_builds (id, reports, baseline, built_at) VALUES (1, ?, ?, ?)",
               (reports, baseline, now_iso()))


def last_build(db: Database) -> dict[str, Any] | None:
    return db.query_one("SELECT reports, baseline FROM commitment_builds WHERE id = 1")


def shared_commitment_ids(db: Database, x: str, y: str) -> list[int]:
    """The commitments that have both ``x`` and ``y`` among their parties (exact codes)."""
    return [r["commitment_id"] for r in db.query(
        "SELECT DISTINCT a.commitment_id FROM commitment_parties a JOIN commitment_parties b"
        " ON b.commitment_id = a.commitment_id WHERE a.party = ? AND b.party = ?", (x, y))]


def commitments_by_date(db: Database, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The summary columns of these commitments, oldest (signed, else in force) first."""
    if not ids:
        return []
    return db.query(
        "SELECT id, key, name, kinds, origin, signed, in_force, ended FROM commitments WHERE id IN ("
        + ", ".join("?" * len(ids)) + ") ORDER BY COALESCE(signed, in_force)", list(ids))
