"""Query latency of the commitment questions on a synthetic store.

    .venv/bin/python bench/query.py [--commitments 10000] [--events 1000000] [--runs 200] [--db PATH]

Builds a SQLite database with 10,000 commitments (2-6 parties each among 200 states, a fifth of
them mutual defence, all still in force: the dense worst case for the second ring) and 1,000,000
events, then times ``allies``, ``obligations`` and ``timeline`` and prints p50/p95 in
milliseconds (goal: p95 < 50 ms). ``--db PATH`` keeps the database and reuses it next time (the
build takes a minute or two; the same seed gives the same database).

What is measured, so the figures mean what they say:
- Parties: news attention is skewed, so events are spread over states with Zipf weights (1/rank)
  and the questions ask about states drawn with the same weights: popular dyads, which have
  tens of thousands of events, are asked about most. ``uniform`` rows draw states uniformly.
- Dates: half the questions are about today (``on=None``, every commitment in force: the
  heaviest case and the usual one), half about a random day of the 2010-2023 span.
- Timeline: ``timeline`` asks as the API and the CLI table do (monthly totals over every event,
  the newest 500 events); ``timeline-all`` is the full dump of ``--format json``, whose cost
  grows with the dyad's event count (no goal is set for it; reported for honesty).
- Warm: one long-lived connection (the API's case) after 5 untimed calls.
- Cold: the first question on a newly opened connection (the CLI's case: one process, one
  question), timed without the open itself. The operating system's page cache stays warm; this
  script cannot drop it.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pactwatch.api.routes_pacts import TIMELINE_EVENTS
from pactwatch.pacts import queries
from pactwatch.records import CommitmentRecord, EventRecord, PartyRecord, flags_for
from pactwatch.store import open_database
from pactwatch.store.commitments import insert_commitment
from pactwatch.store.database import Database

KINDS = ("mutual_defense", "consultation", "military_cooperation", "strategic_partnership", "other")
STATES = [f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}X" for i in range(200)]
# News attention: the state of rank r is in the news ~1/r as often as the first.
WEIGHTS = [1 / (rank + 1) for rank in range(len(STATES))]
START = date(2010, 1, 1)
SPAN_DAYS = 5000
EVENT_SQL = ("INSERT INTO events (article_id, date, source, target, cameo_code, root_code, quad_class, goldstein,"
             " sentence, start_char, end_char) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def build(path: Path, commitments: int, events: int, rng: random.Random) -> None:
    db = open_database(f"sqlite:///{path}")
    with db.transaction():
        db.executemany(
            "INSERT INTO articles (id, content_hash, origin, body, ingested_at, published) VALUES (?, ?, ?, ?, ?, ?)",
            [(i, f"h{i}", "bench", "text", "2024-01-01", (START + timedelta(days=i % SPAN_DAYS)).isoformat())
             for i in range(1, 1001)])
        for n in range(commitments):
            kinds = (rng.choice(KINDS),)
            signed = START + timedelta(days=rng.randrange(SPAN_DAYS))
            parties = rng.sample(STATES, rng.randint(2, 6))
            insert_commitment(db, CommitmentRecord(
                key=f"bench:{n}", origin=rng.choice(("article", "atop", "baseline")), kinds=kinds, name=f"pact {n}",
                signed=signed, parties=[PartyRecord(p, joined=signed, **flags_for(kinds)) for p in parties],
                events=[EventRecord("signed", signed, "article", article_id=rng.randint(1, 1000), sentence="s")]))
        roles = ("", "GOV", "MIL")
        batch = []
        for _ in range(events):
            a, b = _two(rng, weighted=True)
            batch.append((rng.randint(1, 1000), (START + timedelta(days=rng.randrange(SPAN_DAYS))).isoformat(),
                          a + rng.choice(roles), b + rng.choice(roles), "042", "04", 1, 1.9, "s", 0, 1))
            if len(batch) == 50_000:
                db.executemany(EVENT_SQL, batch)
                batch = []
        db.executemany(EVENT_SQL, batch)
    db.execute("ANALYZE")
    db.close()


def _two(rng: random.Random, weighted: bool) -> tuple[str, str]:
    while True:
        a, b = rng.choices(STATES, WEIGHTS, k=2) if weighted else rng.sample(STATES, 2)
        if a != b:
            return a, b


def _day(rng: random.Random) -> str | None:
    return None if rng.random() < 0.5 else (START + timedelta(days=rng.randrange(SPAN_DAYS))).isoformat()


def questions(rng: random.Random, weighted: bool) -> dict[str, Callable[[Database], Any]]:
    """Each call draws fresh parties and a day, then asks."""
    def allies(db: Database) -> Any:
        return queries.allies(db, _two(rng, weighted)[0], _day(rng))

    def obligations(db: Database) -> Any:
        return queries.obligations(db, *_two(rng, weighted), _day(rng))

    def timeline(db: Database) -> Any:  # as the API and the CLI table ask: totals, newest events
        return queries.timeline(db, *_two(rng, weighted), events_limit=TIMELINE_EVENTS)

    def every_event(db: Database) -> Any:  # `pactwatch timeline --format json`: a dump of every event
        return queries.timeline(db, *_two(rng, weighted))

    return {"allies": allies, "obligations": obligations, "timeline": timeline, "timeline-all": every_event}


def percentiles(times: Sequence[float]) -> tuple[float, float]:
    """p50 and nearest-rank p95."""
    ordered = sorted(times)
    return statistics.median(ordered), ordered[math.ceil(len(ordered) * 0.95) - 1]


def warm(db: Database, ask: Callable[[Database], Any], runs: int) -> list[float]:
    for _ in range(5):
        ask(db)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        ask(db)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def cold(url: str, ask: Callable[[Database], Any], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        db = open_database(url)
        t0 = time.perf_counter()
        ask(db)
        times.append((time.perf_counter() - t0) * 1000)
        db.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--cold-runs", type=int, default=60)
    parser.add_argument("--db", type=Path, help="keep the database here and reuse it when it exists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.sqlite"
        if not path.exists():
            t0 = time.perf_counter()
            build(path, args.commitments, args.events, random.Random(7))
            print(f"built {args.commitments} commitments, {args.events} events in {time.perf_counter() - t0:.1f} s")
        url = f"sqlite:///{path}"
        db = open_database(url)
        print(f"{'question':12s} {'parties':8s} {'mode':5s} {'p50 ms':>8s} {'p95 ms':>8s}   goal p95 < 50 ms")
        for weighted in (True, False):
            for mode in ("warm", "cold"):
                rng = random.Random(11)
                for name, ask in questions(rng, weighted).items():
                    times = warm(db, ask, args.runs) if mode == "warm" else cold(url, ask, args.cold_runs)
                    p50, p95 = percentiles(times)
                    verdict = "(no goal)" if name == "timeline-all" else "ok" if p95 < 50 else "OVER"
                    print(f"{name:12s} {'news' if weighted else 'uniform':8s} {mode:5s} {p50:8.2f} {p95:8.2f}"
                          f"   {verdict}")
        db.close()


if __name__ == "__main__":
    main()
