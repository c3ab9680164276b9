"""Opening a database from its URL: SQLite (a path or ``sqlite:///PATH``) or PostgreSQL.

Kept apart from ``database`` so that the PostgreSQL backend, which builds on ``Database``, is
imported here and not from inside ``database`` (no import circle between the two).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pactwatch.errors import StoreError, message
from pactwatch.store.database import Database, apply_migrations, default_url, sqlite_path
from pactwatch.store.postgres import connect_postgres


def open_database(url: str | None = None, migrate: bool = True) -> Database:
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        db = connect_postgres(url)
    else:
        path = sqlite_path(url)
        if path is None:
            raise StoreError(message("bad_db_url", url=url))
        db = connect_sqlite(path, url)
    if migrate:
        apply_migrations(db)
    return db


def connect_sqlite(path: str, url: str) -> Database:
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(message("db_open", url=url, reason=exc.strerror or exc)) from exc
    try:
        # isolation_level=None: we issue BEGIN ourselves, so transactions are explicit.
        conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error as exc:
        raise StoreError(message("db_open", url=url, reason=exc)) from exc
    # With isolation_level=None, commit/rollback outside BEGIN are harmless no-ops.
    return Database(conn, "sqlite", url)
