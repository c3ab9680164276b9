"""SQL for commitments, their parties and lifecycle events (bound parameters only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from pactwatch.records import ORIGINS, CommitmentRecord
from pactwatch.store.database import Database, now_iso

# A party row is active on day ? (the same date is bound four times).
ACTIVE = ("{p}.joined IS NOT NULL AND {p}.joined <= ? AND ({p}.left_on IS NULL OR {p}.left_on > ?)"
          " AND ({p}.suspended_from IS NULL OR {p}.suspended_from > ?)")
# A defence_pairs row (alias p) is bound on day ? (bound twice); see migration 005.
BOUND = "p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)"
UNIT_SEPARATOR = "\x1f"


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
    db.executemany(
        "INSERT INTO defence_pairs (commitment_id, origin, defended, defender, valid_from, valid_to)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(commitment_id, c.origin, *pair) for pair in defence_pairs(c)],
    )
    return commitment_id


def defence_pairs(c: CommitmentRecord) -> list[tuple[str, str, str, str | None]]:
    """(defended, defender, valid_from, valid_to) for every two party rows of ``c`` where the second
    must defend the first; the same rule as migration 005's backfill (see there)."""
    pairs = []
    for me in c.parties:
        for other in c.parties:
            if other.party == me.party or not other.defense or me.joined is None or other.joined is None:
                continue
            ends = [d for d in (me.left_on, me.suspended_from, other.left_on, other.suspended_from, c.ended)
                    if d]
            pairs.append((me.party, other.party, max(me.joined, other.joined).isoformat(),
                          _iso(min(ends)) if ends else None))
    return pairs


def report_rows(db: Database) -> list[dict[str, Any]]:
    """Every stored commitment report with its article's publication date."""
    return db.query(
        "SELECT r.id, r.article_id, r.parties, r.kinds, r.lifecycle_event, r.date, r.conditions, r.name,"
        " r.sentence, r.start_char, r.end_char, a.published FROM commitment_reports r"
        " JOIN articles a ON a.id = r.article_id ORDER BY r.id"
    )


def _origins_clause(origins: Sequence[str], table: str = "c") -> tuple[str, list[str]]:
    return f"{table}.origin IN (" + ", ".join("?" * len(origins)) + ")", list(origins)


def defenders(db: Database, party: str, on: str, origins: Sequence[str]) -> list[dict[str, Any]]:
    """Parties bound on ``on`` to defend ``party``, one row per (ally, commitment); ``since`` is the
    day the later of the two joined."""
    where, params = _origins_clause(origins, "p")
    return db.query(
        "SELECT p.defender AS ally, c.id AS commitment_id, c.key, c.name, c.kinds, c.origin, c.organisation,"
        " c.conditions, c.reference, p.valid_from AS since"
        " FROM defence_pairs p JOIN commitments c ON c.id = p.commitment_id"
        f" WHERE p.defended = ? AND {BOUND} AND {where}"
        " ORDER BY p.defender, c.origin, c.key",
        [party, on, on, *params],
    )


def defenders_of_many(db: Database, parties: Sequence[str], on: str, origins: Sequence[str],
                      excluding: Sequence[str] = ()) -> dict[str, set[str]]:
    """Who is bound on ``on`` to defend each of ``parties`` (allies in ``excluding`` left out).

    One index range per party, aggregated per party in SQL: in a dense graph the ranges hold
    thousands of rows, and stepping through them one Python row at a time cost more than the
    search itself. The exclusion and, when every origin is asked for, the origin filter are
    applied here rather than per row in SQL, for the same reason."""
    if not parties:
        return {}
    marks = ", ".join("?" * len(parties))
    sql = (f"SELECT p.defended, {_string_agg(db, 'p.defender')} AS allies FROM defence_pairs p"
           f" WHERE p.defended IN ({marks}) AND {BOUND}")
    args = [*parties, on, on]
    if set(origins) != set(ORIGINS):
        where, params = _origins_clause(origins, "p")
        sql += f" AND {where}"
        args += params
    skip = set(excluding)
    found: dict[str, set[str]] = {}
    for party, allies in db.execute(sql + " GROUP BY p.defended", args).fetchall():
        found[party] = set(allies.split(UNIT_SEPARATOR)) - skip
    return found


def _string_agg(db: Database, column: str) -> str:
    """The values of ``column`` in a group joined by the ASCII unit separator (never in a code)."""
    if db.dialect == "sqlite":
        return f"group_concat({column}, char(31))"
    return f"string_agg({column}, chr(31))"


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


def graph_rows(db: Database, origins: Sequence[str]) -> tuple[list[dict[str, Any]], dict[int, list[dict[str, Any]]],
                                                             dict[int, list[dict[str, Any]]]]:
    """Every commitment of these origins, its parties and its lifecycle steps (with the step's
    article title and publisher), for the API's graph: (commitments, parties by id, steps by id)."""
    marks = ", ".join("?" * len(origins))
    commitments = db.query(
        f"SELECT id, key, name, kinds, organisation, origin, signed, in_force, ended, reference FROM commitments"
        f" WHERE origin IN ({marks}) ORDER BY id", list(origins))
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
