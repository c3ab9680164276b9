"""Query latency of the commitment questions on a synthetic store.

Builds a temporary SQLite database with 10,000 commitments (2-6 parties each, among 200 states)
and 1,000,000 events, then times ``allies``, ``obligations`` and ``timeline`` on random states
and prints p50/p95 in milliseconds (goal: p95 < 50 ms). Run: ``python bench/query.py [--events N]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pactwatch.pacts import queries
from pactwatch.pacts.model import CommitmentRecord, EventRecord, PartyRecord, flags_for
from pactwatch.store import open_database
from pactwatch.store.commitments import insert_commitment

KINDS = ("mutual_defense", "consultation", "military_cooperation", "strategic_partnership", "other")


def build(path: Path, commitments: int, events: int, rng: random.Random) -> list[str]:
    db = open_database(f"sqlite:///{path}")
    states = [f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}X" for i in range(200)]
    start = date(2010, 1, 1)
    with db.transaction():
        db.executemany(
            "INSERT INTO articles (id, content_hash, origin, body, ingested_at, published) VALUES (?, ?, ?, ?, ?, ?)",
            [(i, f"h{i}", "bench", "text", "2024-01-01", (start + timedelta(days=i % 5000)).isoformat())
             for i in range(1, 1001)])
        for n in range(commitments):
            kinds = (rng.choice(KINDS),)
            signed = start + timedelta(days=rng.randrange(5000))
            parties = rng.sample(states, rng.randint(2, 6))
            insert_commitment(db, CommitmentRecord(
                key=f"bench:{n}", origin=rng.choice(("article", "atop", "baseline")), kinds=kinds, name=f"pact {n}",
                signed=signed, parties=[PartyRecord(p, joined=signed, **flags_for(kinds)) for p in parties],
                events=[EventRecord("signed", signed, "article", article_id=rng.randint(1, 1000), sentence="s")]))
        roles = ("", "GOV", "MIL")
        batch = []
        for n in range(events):
            a, b = rng.sample(states, 2)
            batch.append((rng.randint(1, 1000), (start + timedelta(days=rng.randrange(5000))).isoformat(),
                          a + rng.choice(roles), b + rng.choice(roles), "042", "04", 1, 1.9, "s", 0, 1))
            if len(batch) == 50_000:
                db.executemany("INSERT INTO events (article_id, date, source, target, cameo_code, root_code,"
                               " quad_class, goldstein, sentence, start_char, end_char)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
                batch = []
        if batch:
            db.executemany("INSERT INTO events (article_id, date, source, target, cameo_code, root_code,"
                           " quad_class, goldstein, sentence, start_char, end_char)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    db.execute("ANALYZE")
    db.close()
    return states


def timed(func, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        t0 = time.perf_counter()
        states = build(path, args.commitments, args.events, rng)
        print(f"built {args.commitments} commitments, {args.events} events in {time.perf_counter() - t0:.1f} s")
        db = open_database(f"sqlite:///{path}")
        day = lambda: (date(2010, 1, 1) + timedelta(days=rng.randrange(5000))).isoformat()  # noqa: E731
        checks = {
            "allies": lambda: queries.allies(db, rng.choice(states), day()),
            "obligations": lambda: queries.obligations(db, rng.choice(states), rng.choice(states), day()),
            "timeline": lambda: queries.timeline(db, *rng.sample(states, 2)),
        }
        for name, func in checks.items():
            p50, p95 = timed(func, args.runs)
            print(f"{name:12s} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   ({'ok' if p95 < 50 else 'over'} 50 ms goal)")
        db.close()


if __name__ == "__main__":
    main()
