"""The second ring's shortcut (defence_pairs.home, migration 015) gives the answers the full check gives.

A pair whose obligation covers the defended state at home is taken into the second ring without
decoding its obligations; the others are checked against them. Random commitments with every kind
of scope (territory, metropolitan, administered territory, regions, a named administration,
alternatives of several conditions) are stored on both backends; every question is asked once
with the flags as written and once with them cleared (NULL, as a database migrated from before
015 has them), which sends every pair through the full check.
"""

from __future__ import annotations

import random
from datetime import date

from pactwatch.pacts import queries
from pactwatch.pacts.scope import _holds, regions, state_place
from pactwatch.records import HOME_CONDITIONS, CommitmentRecord, ObligationRecord, PartyRecord
from pactwatch.store.commitments import defence_pairs, replace_origin

STATES = ("FRA", "DEU", "USA", "JPN", "AUS", "PHL", "TUR", "GRC", "BRA", "KOR")
SCOPES = (
    (("territory",),),
    (("metropolitan",),),
    (("administered",),),
    (("north_atlantic_area",),),
    (("pacific_area",),),
    (("territory", "north_atlantic_area"), ("administered:USA",)),
    (("western_hemisphere",), ("metropolitan", "pacific_area")),
    (("administered:JPN",),),
)


def _commitments(rng: random.Random) -> list[CommitmentRecord]:
    records = []
    for n in range(16):
        parties = [PartyRecord(p, joined=date(2000 + rng.randrange(10), 1, 1), defense=True)
                   for p in rng.sample(STATES, rng.randint(2, 3))]
        members = tuple(p.party for p in parties)
        obligations = [ObligationRecord(("*",), ("*",), "any_armed_attack", scope=rng.choice(SCOPES))]
        if rng.random() < 0.3:  # a one-way guarantee with a scope of its own beside it
            obligations.append(ObligationRecord((members[0],), (members[1],), "any_armed_attack",
                                                scope=rng.choice(SCOPES)))
        records.append(CommitmentRecord(key=f"article:ring{n}", origin="article", kinds=("mutual_defense",),
                                        name=f"ring pact {n}", parties=parties, obligations=obligations))
    return records


def test_every_home_condition_holds_on_a_state_at_home():
    for state in ("FRA", "JPN", "BRA", "KOR"):
        home = state_place(state)
        assert all(_holds(condition, state, home) for condition in HOME_CONDITIONS)
    # a region does not hold for a state it does not list, so it is not a home condition
    assert not _holds("pacific_area", "FRA", state_place("FRA"))
    assert "FRA" not in regions()["pacific_area"].states


def test_pairs_say_whether_their_obligation_covers_the_defended_at_home():
    parties = [PartyRecord("FRA", joined=date(2001, 1, 1)), PartyRecord("JPN", joined=date(2001, 1, 1))]
    regional = CommitmentRecord(key="k1", origin="article", kinds=("mutual_defense",), parties=parties,
                                obligations=[ObligationRecord(("*",), ("*",), "any_armed_attack",
                                                              scope=(("north_atlantic_area",),))])
    assert {p[4] for p in defence_pairs(regional)} == {0}
    either = CommitmentRecord(key="k2", origin="article", kinds=("mutual_defense",), parties=parties,
                              obligations=[ObligationRecord(("*",), ("*",), "any_armed_attack",
                                                            scope=(("pacific_area",), ("territory",)))])
    assert {p[4] for p in defence_pairs(either)} == {1}


def test_the_second_ring_is_the_same_with_and_without_the_home_flags(db):
    rng = random.Random(15)
    replace_origin(db, "article", _commitments(rng))
    assert db.scalar("SELECT COUNT(*) FROM defence_pairs WHERE home = 1") > 0
    assert db.scalar("SELECT COUNT(*) FROM defence_pairs WHERE home = 0") > 0
    questions = [(a, b, w) for a in STATES for b in (None, rng.choice(STATES)) for w in (None, "GRL", "USA-HI")
                 if a != b]
    flagged = [queries.obligations(db, a, b, "2024-01-01", where=w) for a, b, w in questions]
    assert sum(len(answer["second_ring"]) for answer in flagged) > 60
    db.execute("UPDATE defence_pairs SET home = NULL")
    checked = [queries.obligations(db, a, b, "2024-01-01", where=w) for a, b, w in questions]
    assert flagged == checked
