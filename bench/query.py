"""Query latency of the analyst's questions on a synthetic store, on SQLite and PostgreSQL.

    .venv/bin/python bench/query.py [--commitments 10000] [--events 1000000] [--articles 20000]
                                    [--runs 100] [--repeat 5] [--backend sqlite|postgresql|both]
                                    [--pg URL] [--db PATH]

Builds a store with 10,000 commitments (2-6 parties each among the 197 states of the actor
table, a fifth of them mutual defence, all still in force: the dense worst case for the second
ring), 1,000,000 events and 20,000 articles with short synthetic bodies, then times ``allies``, ``obligations``,
``timeline``, ``events`` by actor and by dyad and ``search``, and prints p50/p95 in milliseconds
(goal: p95 < 50 ms). ``--repeat`` runs the whole set that many times (each with fresh random
questions from the same seed sequence) and prints the range of the per-run p95s. PostgreSQL
(``--pg`` or ``PACTWATCH_TEST_PG``) gets a database of its own, dropped afterwards. ``--db PATH``
keeps the SQLite database and reuses it next time (the same seed gives the same database).

What is measured, so the figures mean what they say:
- Parties: news attention is skewed, so events are spread over states with Zipf weights (1/rank)
  and the questions ask about states drawn with the same weights: popular dyads, which have
  tens of thousands of events, are asked about most. ``uniform`` rows draw states uniformly.
- Dates: half the questions are about today (``on=None``, every commitment in force: the
  heaviest case and the usual one), half about a random day of the 2010-2023 span.
- Timeline: ``timeline`` asks as the API and the CLI table do (monthly totals over every event,
  the newest 500 events); ``timeline-all`` is the full dump of ``--format json``, whose cost
  grows with the dyad's event count (no goal is set for it; reported for honesty).
- Events: ``pactwatch events --actor X`` and ``--dyad X Y`` as the CLI asks (newest 100).
- Search: two words of the bodies' Zipf vocabulary, the 20 best-ranked articles with snippets.
- Warm: one long-lived connection (the API's case) after 5 untimed calls.
- Cold: the first question on a newly opened connection (the CLI's case: one process, one
  question), timed without the open itself. The operating system's page cache stays warm; this
  script cannot drop it.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pactwatch.api.routes_pacts import TIMELINE_EVENTS
from pactwatch.data import read_table
from pactwatch.pacts import queries
from pactwatch.records import CommitmentRecord, EventRecord, PartyRecord, flags_for, obligations_for
from pactwatch.store import open_database
from pactwatch.store.commitments import insert_commitment
from pactwatch.store.database import Database
from pactwatch.store.events import list_events
from pactwatch.store.search import search_articles

KINDS = ("mutual_defense", "consultation", "military_cooperation", "strategic_partnership", "other")
# The real states of the actor table (197): every verb resolves a state by the tables or by its
# being a party in the store, so a made-up code that no pact happened to draw was an unknown actor.
STATES = [row["code"] for row in read_table("actors/countries.tsv")]
# News attention: the state of rank r is in the news ~1/r as often as the first.
WEIGHTS = [1 / (rank + 1) for rank in range(len(STATES))]
START = date(2010, 1, 1)
SPAN_DAYS = 5000
EVENT_COLUMNS = ("article_id", "date", "source", "target", "cameo_code", "root_code", "quad_class", "goldstein",
                 "sentence", "start_char", "end_char")
ARTICLE_COLUMNS = ("id", "content_hash", "origin", "title", "publisher", "published", "language", "body",
                   "ingested_at")
SYLLABLES = ["ka", "lo", "mi", "ren", "sto", "vu", "dar", "pel", "tin", "gor", "sha", "bel", "nur", "ex", "quo"]
VOCABULARY = sorted({a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES})[:3000]
WORD_WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]


def bulk_insert(db: Database, table: str, columns: Sequence[str], rows: Iterator[tuple[Any, ...]]) -> int:
    """Rows into a table, by COPY on PostgreSQL and in batches of executemany on SQLite."""
    count = 0
    if db.dialect == "postgresql":
        with db.connection.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == 50_000:
            db.executemany(sql, batch)
            count += len(batch)
            batch = []
    db.executemany(sql, batch)
    return count + len(batch)


def synthetic_articles(n: int, rng: random.Random, first_id: int = 1) -> Iterator[tuple[Any, ...]]:
    """Articles with ~60-word bodies over a Zipf vocabulary (enough for search to mean something)."""
    for i in range(first_id, first_id + n):
        words = rng.choices(VOCABULARY, WORD_WEIGHTS, k=60)
        body = " ".join(words[:20]) + ".\n\n" + " ".join(words[20:40]) + ".\n\n" + " ".join(words[40:]) + "."
        yield (i, f"h{i}", "bench", f"Story {i} {words[0]} {words[1]}", f"Wire {i % 13}",
               (START + timedelta(days=i % SPAN_DAYS)).isoformat(), "en", body, "2024-01-01")


def synthetic_events(n: int, articles: int, rng: random.Random) -> Iterator[tuple[Any, ...]]:
    roles = ("", "GOV", "MIL")
    for _ in range(n):
        a, b = _two(rng, weighted=True)
        yield (rng.randint(1, articles), (START + timedelta(days=rng.randrange(SPAN_DAYS))).isoformat(),
               a + rng.choice(roles), b + rng.choice(roles), "042", "04", 1, 1.9, "s", 0, 1)


def synthetic_commitment(prefix: str, number: int, articles: int, rng: random.Random) -> CommitmentRecord:
    """One random pact of two to six states, signed on a random day, with its kind's obligations."""
    kinds = (rng.choice(KINDS),)
    signed = START + timedelta(days=rng.randrange(SPAN_DAYS))
    parties = rng.sample(STATES, rng.randint(2, 6))
    return CommitmentRecord(
        key=f"{prefix}:{number}", origin=rng.choice(("article", "atop", "baseline")), kinds=kinds,
        name=f"pact {number}",
        signed=signed, parties=[PartyRecord(p, joined=signed, **flags_for(kinds)) for p in parties],
        obligations=obligations_for(kinds),
        events=[EventRecord("signed", signed, "article", article_id=rng.randint(1, articles), sentence="s")])


def build(db: Database, commitments: int, events: int, articles: int, rng: random.Random) -> None:
    with db.transaction():
        bulk_insert(db, "articles", ARTICLE_COLUMNS, synthetic_articles(articles, rng))
        for n in range(commitments):
            insert_commitment(db, synthetic_commitment("bench", n, articles, rng))
        bulk_insert(db, "events", EVENT_COLUMNS, synthetic_events(events, articles, rng))
    # PostgreSQL: VACUUM sets the visibility map, as autovacuum does on a live store; without it
    # every index-only read of freshly loaded rows visits the table too (timeline totals 8x slower)
    db.execute("VACUUM ANALYZE" if db.dialect == "postgresql" else "ANALYZE")


def _two(rng: random.Random, weighted: bool) -> tuple[str, str]:
    while True:
        a, b = rng.choices(STATES, WEIGHTS, k=2) if weighted else rng.sample(STATES, 2)
        if a != b:
            return a, b


def _day(rng: random.Random) -> str | None:
    return None if rng.random() < 0.5 else (START + timedelta(days=rng.randrange(SPAN_DAYS))).isoformat()


def questions(rng: random.Random, weighted: bool) -> dict[str, Callable[[Database], Any]]:
    """Each call draws fresh parties (or words) and a day, then asks."""
    def allies(db: Database) -> Any:
        return queries.allies(db, _two(rng, weighted)[0], _day(rng))

    def obligations(db: Database) -> Any:
        return queries.obligations(db, *_two(rng, weighted), _day(rng))

    def timeline(db: Database) -> Any:  # as the API and the CLI table ask: totals, newest events
        return queries.timeline(db, *_two(rng, weighted), events_limit=TIMELINE_EVENTS)

    def every_event(db: Database) -> Any:  # `pactwatch timeline --format json`: a dump of every event
        return queries.timeline(db, *_two(rng, weighted))

    def events_actor(db: Database) -> Any:  # `pactwatch events --actor X`
        return list_events(db, actor=_two(rng, weighted)[0])

    def events_dyad(db: Database) -> Any:  # `pactwatch events --dyad X Y`
        return list_events(db, dyad=_two(rng, weighted))

    def search(db: Database) -> Any:  # `pactwatch search "w1 w2"`
        words = rng.choices(VOCABULARY, WORD_WEIGHTS, k=2) if weighted else rng.sample(VOCABULARY, 2)
        return search_articles(db, " ".join(words))

    return {"allies": allies, "obligations": obligations, "timeline": timeline, "timeline-all": every_event,
            "events-actor": events_actor, "events-dyad": events_dyad, "search": search}


def percentiles(times: Sequence[float]) -> tuple[float, float]:
    """p50 and nearest-rank p95."""
    ordered = sorted(times)
    return statistics.median(ordered), ordered[math.ceil(len(ordered) * 0.95) - 1]


def server_cpu(db: Database) -> float:
    """CPU seconds the PostgreSQL backend serving ``db`` has used (from /proc: same machine only),
    0 on SQLite, whose work is this process's own."""
    if db.dialect != "postgresql":
        return 0.0
    pid = db.scalar("SELECT pg_backend_pid()")
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_call(db: Database, ask: Callable[[Database], Any]) -> tuple[float, float]:
    """Wall and this process's CPU milliseconds of one question."""
    t0, c0 = time.perf_counter(), time.process_time()
    ask(db)
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


def warm(db: Database, ask: Callable[[Database], Any], runs: int) -> tuple[list[float], list[float], float]:
    """Wall and CPU times of each call, and the server's CPU ms per call (PostgreSQL; coarse, so
    only its mean over the calls means something)."""
    for _ in range(5):
        ask(db)
    server0 = server_cpu(db)
    calls = [timed_call(db, ask) for _ in range(runs)]
    server = (server_cpu(db) - server0) * 1000 / runs
    return [w for w, _ in calls], [c for _, c in calls], server


def cold(url: str, ask: Callable[[Database], Any], runs: int) -> tuple[list[float], list[float], float]:
    walls, cpus, server = [], [], 0.0
    for _ in range(runs):
        db = open_database(url)
        server0 = server_cpu(db)
        wall, cpu = timed_call(db, ask)
        server += server_cpu(db) - server0
        walls.append(wall)
        cpus.append(cpu)
        db.close()
    return walls, cpus, server * 1000 / runs


def measure(url: str, runs: int, cold_runs: int, repeat: int, label: str) -> dict[str, float]:
    """Every question ``repeat`` times; prints p50 and the range of p95 over the runs, wall clock
    and CPU. Returns the worst wall p95 of each question (warm, news-weighted).

    The CPU columns are what a question costs whatever else the machine runs: this process's CPU
    (all of SQLite's work; PostgreSQL's client side) as p95, and on PostgreSQL the server
    backend's CPU per call as a mean (the kernel counts it in 10 ms ticks)."""
    results: dict[tuple[str, str, str], list[tuple[float, float, float, float]]] = {}
    db = open_database(url)
    for run in range(repeat):
        for weighted in (True, False):
            for mode in ("warm", "cold"):
                rng = random.Random(11 + run)
                for name, ask in questions(rng, weighted).items():
                    walls, cpus, server = warm(db, ask, runs) if mode == "warm" else cold(url, ask, cold_runs)
                    p50, p95 = percentiles(walls)
                    results.setdefault((name, "news" if weighted else "uniform", mode), []).append(
                        (p50, p95, percentiles(cpus)[1], server))
    db.close()
    print(f"{label}: {repeat} run(s); wall p95 as the min-max over runs; CPU p95 and server CPU mean"
          " as the max over runs")
    print(f"{'question':13s} {'parties':8s} {'mode':5s} {'p50 ms':>7s} {'p95 ms (min-max)':>19s}"
          f" {'cpu p95':>8s} {'server':>7s}   goal p95 < 50 ms")
    worst = {}
    for (name, parties, mode), rows in results.items():
        p50 = statistics.median(r[0] for r in rows)
        low, high = min(r[1] for r in rows), max(r[1] for r in rows)
        cpu, server = max(r[2] for r in rows), max(r[3] for r in rows)
        verdict = "(no goal)" if name == "timeline-all" else "ok" if high < 50 else \
            "OVER (wall only)" if cpu + server < 50 else "OVER"
        print(f"{name:13s} {parties:8s} {mode:5s} {p50:7.2f} {low:8.2f} - {high:8.2f} {cpu:8.2f} {server:7.2f}"
              f"   {verdict}")
        if parties == "news" and mode == "warm":
            worst[name] = high
    return worst


@contextmanager
def postgres_database(server: str) -> Iterator[str]:
    """A fresh database on the server for the length of the block."""
    import psycopg

    name = f"pactwatch_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build_and_measure(url: str, args: argparse.Namespace, label: str, reuse: bool = False) -> None:
    if not reuse:
        t0 = time.perf_counter()
        db = open_database(url)
        build(db, args.commitments, args.events, args.articles, random.Random(7))
        db.close()
        print(f"{label}: built {args.commitments} commitments, {args.events} events, {args.articles} articles"
              f" in {time.perf_counter() - t0:.1f} s")
    measure(url, args.runs, args.cold_runs, args.repeat, label)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--cold-runs", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5, help="whole runs of the question set")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pg", default=os.environ.get("PACTWATCH_TEST_PG"), help="PostgreSQL server URL")
    parser.add_argument("--db", type=Path, help="keep the SQLite database here and reuse it when it exists")
    parser.add_argument("--pg-db", help="keep the PostgreSQL store in this database URL and reuse it when built")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            path = args.db or Path(tmp) / "bench.sqlite"
            build_and_measure(f"sqlite:///{path}", args, "sqlite", reuse=path.exists())
    if args.backend in ("postgresql", "both"):
        if not args.pg:
            print("postgresql: skipped (no --pg and no PACTWATCH_TEST_PG)")
            return
        if args.pg_db:
            db = open_database(args.pg_db)
            built = bool(db.scalar("SELECT EXISTS (SELECT 1 FROM events)"))
            db.close()
            build_and_measure(args.pg_db, args, "postgresql", reuse=built)
            return
        with postgres_database(args.pg) as url:
            build_and_measure(url, args, "postgresql")


if __name__ == "__main__":
    main()
