"""SQL for commitments, their parties and lifecycle events (bound parameters only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from pactwatch.pacts.model import CommitmentRecord
from pactwatch.store.database import Database

# A party row is active on day ? (the same date is bound four times).
ACTIVE = ("{p}.joined IS NOT NULL AND {p}.joined <= ? AND ({p}.left_on IS NULL OR {p}.left_on > ?)"
          " AND ({p}.suspended_from IS NULL OR {p}.suspended_from > ?)")


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
        " reference, defense) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (c.key, c.name, json.dumps(list(c.kinds)), c.organisation, c.origin, _iso(c.signed), _iso(c.in_force),
         _iso(c.ended), c.conditions, c.reference, int(c.defense)),
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
    return commitment_id


def report_rows(db: Database) -> list[dict[str, Any]]:
    """Every stored commitment report with its article's publication date."""
    return db.query(
        "SELECT r.id, r.article_id, r.parties, r.kinds, r.lifecycle_event, r.date, r.conditions, r.name,"
        " r.sentence, r.start_char, r.end_char, a.published FROM commitment_reports r"
        " JOIN articles a ON a.id = r.article_id ORDER BY r.id"
    )


def _origins_clause(origins: Sequence[str]) -> tuple[str, list[str]]:
    return "c.origin IN (" + ", ".join("?" * len(origins)) + ")", list(origins)


def defenders(db: Database, party: str, on: str, origins: Sequence[str]) -> list[dict[str, Any]]:
    """Parties bound on ``on`` to defend ``party``, one row per (ally, commitment)."""
    where, params = _origins_clause(origins)
    return db.query(
        "SELECT other.party AS ally, c.id AS commitment_id, c.key, c.name, c.kinds, c.origin, c.organisation,"
        " c.conditions, c.reference, other.joined AS ally_since, me.joined AS party_since"
        " FROM commitment_parties me"
        " JOIN commitments c ON c.id = me.commitment_id"
        " JOIN commitment_parties other ON other.commitment_id = me.commitment_id AND other.party <> me.party"
        f" WHERE me.party = ? AND {ACTIVE.format(p='me')} AND {ACTIVE.format(p='other')}"
        f" AND other.defense = 1 AND (c.ended IS NULL OR c.ended > ?) AND {where}"
        " ORDER BY other.party, c.origin, c.key",
        [party, on, on, on, on, on, on, on, *params],
    )


def defenders_of_many(db: Database, parties: Sequence[str], on: str, origins: Sequence[str]) -> list[dict[str, Any]]:
    """Distinct (party, ally) pairs: who is bound on ``on`` to defend each of ``parties`` (one query)."""
    if not parties:
        return []
    where, params = _origins_clause(origins)
    marks = ", ".join("?" * len(parties))
    return db.query(
        "SELECT DISTINCT me.party AS party, other.party AS ally FROM commitment_parties me"
        " JOIN commitments c ON c.id = me.commitment_id"
        " JOIN commitment_parties other ON other.commitment_id = me.commitment_id AND other.party <> me.party"
        f" WHERE me.party IN ({marks}) AND {ACTIVE.format(p='me')} AND {ACTIVE.format(p='other')}"
        f" AND other.defense = 1 AND (c.ended IS NULL OR c.ended > ?) AND {where}",
        [*parties, on, on, on, on, on, on, on, *params],
    )


def evidence(db: Database, commitment_id: int, party: str | None) -> dict[str, Any] | None:
    """The first binding step of a commitment (for a member, its own membership step first)."""
    return db.query_one(
        "SELECT lifecycle_event, date, source, article_id, sentence, start_char, end_char, reference"
        " FROM commitment_events WHERE commitment_id = ? AND (party IS NULL OR party = ?)"
        " ORDER BY CASE lifecycle_event WHEN 'entered_into_force' THEN 0 WHEN 'joined' THEN 0"
        " WHEN 'ratified' THEN 1 WHEN 'signed' THEN 2 ELSE 3 END, date LIMIT 1",
        (commitment_id, party),
    )


def list_commitments(db: Database, party: str | None, kind: str | None, on: str | None,
                     origins: Sequence[str], limit: int) -> list[dict[str, Any]]:
    where, params = _origins_clause(origins)
    clauses, args = [where], list(params)
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
        "SELECT c.id, c.key, c.name, c.kinds, c.organisation, c.origin, c.signed, c.in_force, c.ended,"
        f" c.conditions, c.reference FROM commitments c WHERE {' AND '.join(clauses)}"
        " ORDER BY c.origin, COALESCE(c.signed, c.in_force), c.key LIMIT ?",
        [*args, limit],
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


def events_of(db: Database, commitment_ids: Sequence[int]) -> list[dict[str, Any]]:
    if not commitment_ids:
        return []
    marks = ", ".join("?" * len(commitment_ids))
    return db.query(
        "SELECT commitment_id, party, lifecycle_event, date, source, article_id, sentence, start_char, end_char,"
        f" reference FROM commitment_events WHERE commitment_id IN ({marks}) ORDER BY commitment_id, date",
        list(commitment_ids),
    )


def active_pairs(db: Database, on: str, origins: Sequence[str]) -> list[dict[str, Any]]:
    """Every commitment active on a day with its active parties (for the graph)."""
    where, params = _origins_clause(origins)
    return db.query(
        "SELECT c.id, c.key, c.name, c.kinds, c.origin, c.organisation, p.party, p.defense"
        " FROM commitments c JOIN commitment_parties p ON p.commitment_id = c.id"
        f" WHERE {ACTIVE.format(p='p')} AND (c.ended IS NULL OR c.ended > ?) AND {where}"
        " ORDER BY c.id, p.party",
        [on, on, on, on, *params],
    )
