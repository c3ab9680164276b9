"""Bytes a stored article costs, and which tables hold them, on SQLite and PostgreSQL.

    .venv/bin/python bench/storage.py [PATH ...] [--copies N] [--pg URL] [--no-annotate]

Ingests the paths (default: news-dev and the bundled examples; ``--copies N``: N articles cycling
through the real news bodies, each with its own headline, so that per-article costs are not
swamped by fixed ones such as the baseline treaties or half-empty pages) with ``pactwatch ingest`` into a
fresh SQLite file and, when ``--pg`` or ``PACTWATCH_TEST_PG`` names a server, a fresh PostgreSQL
database, then prints bytes per article, in total and per table (indexes included, each under its
table). SQLite is vacuumed first so that free pages are not counted. It runs the CLI of the
interpreter that runs it, so ``PYTHONPATH=OTHER_CHECKOUT/src`` measures another build on the same
corpus (that is how a before/after pair is taken).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = [ROOT.parent / "shared" / "testdata" / "news-dev" / "articles",
                 *(ROOT / "examples" / kind for kind in ("text", "html", "jsonl", "warc"))]


def ingest(url: str, paths: list[str], annotate: bool) -> None:
    command = [sys.executable, "-m", "pactwatch", "--db", url, "ingest", "-q", "--workers", "1", *paths]
    if not annotate:
        command.insert(5, "--no-annotate")
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def sqlite_sizes(path: Path) -> tuple[int, int, dict[str, int]]:
    """(articles, file bytes, bytes per table with its indexes) of a vacuumed SQLite file."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    owner = {name: table for name, table in conn.execute("SELECT name, tbl_name FROM sqlite_master")}
    per_table: dict[str, int] = {}
    for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
        table = owner.get(name, name)
        # FTS5 shadow tables (articles_fts_data, …) belong to the index they serve
        table = "articles_fts" if table.startswith("articles_fts") else table
        per_table[table] = per_table.get(table, 0) + size
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    return articles, path.stat().st_size, per_table


def postgres_sizes(url: str) -> tuple[int, int, dict[str, int]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        rows = conn.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind = 'r'").fetchall()
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    # the tables' own sizes (heap, TOAST, indexes): an empty database's catalogue (~7 MiB) would
    # otherwise swamp a small corpus
    return articles, sum(size for _, size in rows), dict(rows)


def report(backend: str, articles: int, total: int, per_table: dict[str, int]) -> None:
    print(f"{backend}: {articles} articles, {total / articles / 1024:.1f} KiB per article")
    counted = sum(per_table.values())
    for table, size in sorted(per_table.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {table:24s} {size / articles:9.0f} B/article  {100 * size / counted:5.1f} %")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(p) for p in DEFAULT_PATHS if p.exists()])
    parser.add_argument("--pg", default=os.environ.get("PACTWATCH_TEST_PG"),
                        help="PostgreSQL server URL (a database of its own is created and dropped)")
    parser.add_argument("--no-annotate", action="store_true", help="store articles only")
    parser.add_argument("--copies", type=int, help="N articles cycling through the real bodies instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.copies:
            sys.path.insert(0, str(ROOT / "bench"))
            from corpus import real_bodies, write_jsonl

            args.paths = [str(write_jsonl(Path(tmp) / "copies.jsonl", real_bodies(), args.copies))]
        path = Path(tmp) / "storage.sqlite"
        ingest(f"sqlite:///{path}", args.paths, not args.no_annotate)
        report("sqlite", *sqlite_sizes(path))
        if args.pg:
            postgres(args.pg, args.paths, not args.no_annotate)


def postgres(server: str, paths: list[str], annotate: bool) -> None:
    import psycopg

    name = f"pactwatch_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = server.rsplit("/", 1)[0] + "/" + name
    try:
        ingest(url, paths, annotate)
        report("postgresql", *postgres_sizes(url))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
