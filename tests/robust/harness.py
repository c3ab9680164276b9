"""Kill an ingest with SIGKILL at named moments, restart it, and compare what is left.

A run is ``pactwatch ingest`` in a child process: either the real command line (a fresh
interpreter, ``run_cli``) or, to keep the 20-odd kills of the test within a minute, a child
forked from a process that has the model loaded already and calls the same library driver the
command line calls (``run_forked``). The child is killed by ``pactwatch.faults.checkpoint`` at
exactly one moment (``PACTWATCH_KILL_AT=write:3``): SIGKILL, no clean-up, no flush.

``snapshot`` reads a database into plain sorted values, every row keyed by its article's
content hash rather than by ids (PostgreSQL sequences skip the ids of rolled-back rows, so ids
differ between a killed run and an uninterrupted one while the content must not).

Run by hand on a larger corpus: ``python -m tests.robust.harness --db URL PATH...``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from pactwatch.faults import ENV_VAR
from pactwatch.store import open_database

ROOT = Path(__file__).resolve().parents[2]

# Moments of one run of a small corpus in batches of two, covering every step: reading inputs,
# parsing, receiving annotations, inside an article's transaction, after its commit, and at
# each stage of the cross-article refresh.
MOMENTS = (
    "read:1", "read:2", "read:3", "read:4", "read:7",
    "parse:1", "parse:2", "parse:3",
    "annotate:1", "annotate:2", "annotate:3",
    "write:1", "write:2", "write:3", "write:4", "write:6",
    "stored:1", "stored:2", "stored:3", "stored:5",
    "merge:1", "merge:2", "merge:3", "merge:4",
)


def run_cli(db_url: str, paths: list[str], kill_at: str | None = None, *extra: str,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``pactwatch ingest`` as a fresh process; killed at ``kill_at`` when given."""
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    if kill_at:
        env[ENV_VAR] = kill_at
    command = [sys.executable, "-m", "pactwatch", "--db", db_url, "ingest", "-q", *extra, *paths]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


class WarmIngest:
    """A process with the model and tables loaded that forks one child per run."""

    def __init__(self, batch_size: int = 2) -> None:
        from pactwatch.nlp.engines import LocalEngine
        from pactwatch.records import Article
        from pactwatch.service.ingest import make_config

        self.config = make_config(batch_size=batch_size)
        self.engine = LocalEngine(self.config)
        warm = Article(title="Warm-up", paragraphs=["Officials met in Geneva on Monday, the ministry said."],
                       origin="warm-up", language="en")
        self.engine.annotator.annotate(warm)  # loads spaCy and every table before the first fork

    def run_forked(self, db_url: str, paths: list[str], kill_at: str | None = None) -> int:
        """Exit status of one forked ingest: -SIGKILL when it was killed, 0 when it finished."""
        return self.wait(self.start_forked(db_url, paths, kill_at))

    @staticmethod
    def wait(pid: int) -> int:
        _, status = os.waitpid(pid, 0)
        return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)

    def start_forked(self, db_url: str, paths: list[str], kill_at: str | None = None) -> int:
        """Start one forked ingest; its process id (``wait`` gives its exit status)."""
        pid = os.fork()
        if pid == 0:  # the child: the same driver as ``pactwatch ingest``
            code = 3
            try:
                from pactwatch import faults
                from pactwatch.service.ingest import ingest_paths

                faults._reached.clear()
                if kill_at:
                    os.environ[ENV_VAR] = kill_at
                else:
                    os.environ.pop(ENV_VAR, None)
                db = open_database(db_url)
                ingest_paths(db, paths, config=self.config, engine=self.engine)
                db.close()
                code = 0
            except BaseException:
                import traceback

                traceback.print_exc()
                raise
            finally:
                os._exit(code)
        return pid


def check_integrity(db_url: str) -> list[str]:
    """What is wrong with a database after a kill (empty when nothing is)."""
    problems = []
    with open_database(db_url) as db:
        result = db.integrity_check()
        if result != "ok":
            problems.append(f"integrity: {result}")
        unannotated = db.scalar("SELECT COUNT(*) FROM articles WHERE annotated_at IS NULL")
        if unannotated:
            problems.append(f"{unannotated} article(s) stored without their annotations")
        for table in ("paragraphs", "mentions", "quotes", "events", "event_mentions", "commitment_reports"):
            orphans = db.scalar(f"SELECT COUNT(*) FROM {table} t LEFT JOIN articles a ON a.id = t.article_id"
                                " WHERE a.id IS NULL")
            if orphans:
                problems.append(f"{orphans} {table} row(s) of no article")
        strays = db.scalar("SELECT COUNT(*) FROM event_mentions m LEFT JOIN events e ON e.id = m.event_id"
                           " WHERE e.id IS NULL OR e.article_id <> m.article_id")
        if strays:
            problems.append(f"{strays} event mention(s) of no event of their article")
    return problems


def snapshot(db_url: str) -> dict[str, Any]:
    """Every stored fact, keyed by content, sorted: equal snapshots mean equal databases."""
    with open_database(db_url) as db:
        hashes = {int(r["id"]): r["content_hash"] for r in db.query("SELECT id, content_hash FROM articles")}

        def rows(sql: str, drop: tuple[str, ...] = ()) -> list[str]:
            out = []
            for row in db.query(sql):
                row = {k: (hashes.get(int(v)) if k == "article_id" and v is not None else v)
                       for k, v in row.items() if k not in drop}
                out.append(json.dumps(row, sort_keys=True, default=str))
            return sorted(out)

        return {
            "articles": rows("SELECT content_hash, title, body, language, annotation_note, url, published"
                             " FROM articles"),
            "pending": rows("SELECT article_id FROM derived_pending"),
            "mentions": rows("SELECT * FROM mentions", ("id",)),
            "quotes": rows("SELECT * FROM quotes", ("id",)),
            "events": rows("SELECT * FROM events", ("id",)),
            "event_mentions": rows("SELECT m.*, e.start_char AS event_start FROM event_mentions m"
                                   " JOIN events e ON e.id = m.event_id", ("id", "event_id")),
            "reports": rows("SELECT * FROM commitment_reports", ("id",)),
            "clusters": rows("SELECT s.article_id, c.content_hash AS cluster FROM story_clusters s"
                             " JOIN articles c ON c.id = s.cluster_id"),
            "merged_events": rows(
                "SELECT m.source, m.target, m.cameo_code, m.date, m.last_date, m.num_mentions, m.num_sources,"
                " m.num_articles, e.article_id, e.start_char FROM merged_events m"
                " JOIN merged_event_members x ON x.merged_id = m.id JOIN events e ON e.id = x.event_id"),
            "merged_quotes": rows(
                "SELECT m.norm_key, m.num_mentions, m.num_sources, m.num_articles, m.first_date, q.article_id,"
                " q.start_char FROM merged_quotes m JOIN merged_quote_members x ON x.merged_id = m.id"
                " JOIN quotes q ON q.id = x.quote_id"),
            "commitments": rows("SELECT key, name, kinds, organisation, origin, signed, in_force, ended, conditions,"
                                " defense FROM commitments"),
            "parties": rows("SELECT c.key, p.party, p.joined, p.left_on, p.suspended_from, p.defense"
                            " FROM commitment_parties p JOIN commitments c ON c.id = p.commitment_id"),
            "commitment_events": rows(
                "SELECT c.key, e.party, e.lifecycle_event, e.date, e.source, e.article_id, e.start_char"
                " FROM commitment_events e JOIN commitments c ON c.id = e.commitment_id"),
        }


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return [f"{table}: {len(a[table])} vs {len(b[table])} rows" + (" (same count, other rows)"
            if len(a[table]) == len(b[table]) else "") for table in a if a[table] != b[table]]


def child_pids(pid: int) -> list[int]:
    """Every descendant process of ``pid`` (from /proc)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
                todo.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="an empty database URL (sqlite:///… or postgresql://…)")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    reference = args.db + ".reference" if args.db.startswith("sqlite") else None
    if reference is None:
        sys.exit("pass an SQLite URL; for PostgreSQL use the test (tests/robust/test_crash.py)")
    warm = WarmIngest()
    warm.run_forked(reference, args.paths)
    expected = snapshot(reference)
    for moment in MOMENTS:
        status = warm.run_forked(args.db, args.paths, moment)
        problems = check_integrity(args.db)
        print(f"{moment:12} {'killed' if status == -signal.SIGKILL else 'finished'}  "
              f"{'; '.join(problems) or 'intact'}")
    warm.run_forked(args.db, args.paths)
    print("final state:", "; ".join(differences(snapshot(args.db), expected)) or "equal to an uninterrupted run")


if __name__ == "__main__":
    main()
