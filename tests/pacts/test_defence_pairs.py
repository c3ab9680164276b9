"""The defence_pairs table behind allies/obligations answers what the membership intervals say.

Random commitments with every kind of interval (rejoined members, suspensions, ended treaties,
unknown joining dates, members without the defence obligation) are stored on both backends, and
the questions are checked against a direct reading of the records in Python.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from pactwatch.pacts import queries
from pactwatch.records import ORIGINS, CommitmentRecord, ObligationRecord, PartyRecord
from pactwatch.store.commitments import defence_pairs, replace_origin
from pactwatch.store.database import _split_statements, migration_files

STATES = ("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG")
START = date(2000, 1, 1)


def _day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange(0, 3000, 50))


def random_commitments(rng: random.Random, origin: str, count: int) -> list[CommitmentRecord]:
    records = []
    for n in range(count):
        parties = []
        for party in rng.sample(STATES, rng.randint(2, 4)):
            joined = None if rng.random() < 0.1 else _day(rng)
            later = joined + timedelta(days=rng.randrange(50, 1500, 50)) if joined else None
            left = later if rng.random() < 0.4 else None
            suspended = None
            if later and rng.random() < 0.2:  # before, on or after the day it left
                suspended = later + timedelta(days=rng.randrange(-50, 100, 50))
            parties.append(PartyRecord(party, joined=joined, left_on=left, suspended_from=suspended,
                                       defense=rng.random() < 0.7))
            if left and rng.random() < 0.5:  # left and joined again later
                parties.append(PartyRecord(party, joined=left + timedelta(days=200), defense=True))
        # each member with the defence flag owes it to the others (as ATOP's member rows say)
        owners = tuple(sorted({p.party for p in parties if p.defense}))
        for p in parties:  # the flag is the party's, on every one of its rows (what migration 005 reads)
            p.defense = p.party in owners
        records.append(CommitmentRecord(
            key=f"{origin}:{n}", origin=origin, kinds=("mutual_defense",), name=f"{origin} pact {n}",
            ended=_day(rng) if rng.random() < 0.3 else None, parties=parties,
            obligations=[ObligationRecord(owners, ("*",), "any_armed_attack")] if owners else []))
    return records


def _bound(p: PartyRecord, day: date) -> bool:
    return (p.joined is not None and p.joined <= day and (p.left_on is None or day < p.left_on)
            and (p.suspended_from is None or day < p.suspended_from))


def expected_allies(records: list[CommitmentRecord], party: str, day: date,
                    origins: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(ally, commitment key, since) read straight from the records."""
    found = []
    for c in records:
        if c.origin not in origins or (c.ended is not None and day >= c.ended):
            continue
        for me in c.parties:
            for other in c.parties:
                owes = any(other.party in o.owed_by for o in c.obligations)
                if me.party == party and other.party != party and owes and _bound(me, day) and _bound(other, day):
                    found.append((other.party, c.key, max(me.joined, other.joined).isoformat()))
    return sorted(found)


def _store(db, rng: random.Random) -> list[CommitmentRecord]:
    records = []
    for origin in ORIGINS:
        batch = random_commitments(rng, origin, 12)
        replace_origin(db, origin, batch)
        records += batch
    return records


def test_allies_and_obligations_match_the_membership_intervals(db):
    rng = random.Random(11)
    _store(db, rng)  # replaced below: the first set's pairs must go with its commitments
    records = _store(db, rng)
    assert db.scalar("SELECT COUNT(*) FROM defence_pairs") == sum(len(defence_pairs(c)) for c in records)
    days = sorted({d for c in records for p in c.parties for d in (p.joined, p.left_on, p.suspended_from)
                   if d} | {c.ended for c in records if c.ended})
    checked = 0
    for day in [*days[::3], *(d - timedelta(days=1) for d in days[1::3])]:
        for origins in (ORIGINS, ("article", "atop")):
            allies_of = {s: expected_allies(records, s, day, origins) for s in STATES}
            for state in STATES:
                got = queries.allies(db, state, day, origins=origins)["items"]
                assert sorted((r["ally"]["code"], r["commitment"]["key"], r["since"]) for r in got) \
                    == allies_of[state]
                checked += len(got)
            attacked, by = rng.sample(STATES, 2)
            result = queries.obligations(db, attacked, by, day, origins=origins)
            first = {a for a, _, _ in allies_of[attacked]} - {attacked}
            attackers = {a for a, _, _ in allies_of[by]} - {by}
            # the attacker is never a defender; a state bound to both sides is conflicted, not a defender
            both = (first & attackers) - {by}
            defenders = first - both - {by}
            ring: dict[str, set[str]] = {}
            for defender in defenders:
                for ally, _, _ in allies_of[defender]:
                    if ally not in first | {attacked, by}:
                        ring.setdefault(ally, set()).add(defender)
            assert result["defender_states"] == sorted(defenders)
            assert [c["state"]["code"] for c in result["conflicted"]] == sorted(both)
            assert [(s["state"]["code"], [d["code"] for d in s["defends"]]) for s in result["second_ring"]] \
                == [(s, sorted(d)) for s, d in sorted(ring.items())]
    assert checked > 100  # the random graph is not empty on most days


def test_migration_backfill_gives_the_rows_insert_writes(db):
    """Databases migrated with commitments already stored get the same pairs as new inserts."""
    _store(db, random.Random(5))
    listing = ("SELECT commitment_id, origin, defended, defender, valid_from, valid_to FROM defence_pairs"
               " ORDER BY commitment_id, defended, defender, valid_from, valid_to")
    written = db.query(listing)
    assert any(r["valid_to"] for r in written) and any(r["valid_to"] is None for r in written)
    (sql,) = [text for _, name, text in migration_files(db.dialect) if name == "005_defence_pairs.sql"]
    (backfill,) = [s for s in _split_statements(sql) if s.lstrip().upper().startswith("INSERT")]
    with db.transaction():
        db.execute("DELETE FROM defence_pairs")
        db.execute(backfill)
    assert db.query(listing) == written
