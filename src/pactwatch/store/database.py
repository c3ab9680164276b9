"""Connections, transactions and numbered migrations."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from pactwatch.errors import StoreError, message

DEFAULT_PATH = "pactwatch.sqlite"
ENV_VAR = "PACTWATCH_DB"


def default_url() -> str:
    return os.environ.get(ENV_VAR) or DEFAULT_PATH


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Database:
    """A DB-API connection plus the few things that differ between backends."""

    def __init__(self, connection: Any, dialect: str, url: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self.url = url
        self._depth = 0

    # -- SQL -----------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        # Queries are written with "?" placeholders; psycopg wants "%s" and a literal "%" doubled.
        return sql if self.dialect == "sqlite" else sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cursor = self.connection.cursor()
        cursor.execute(self._sql(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.connection.cursor().executemany(self._sql(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All writes inside happen or none do; nested blocks join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._depth = 1
        # SQLite: IMMEDIATE takes the write lock up front, so two writers queue instead of
        # failing half-way. Both connections run in autocommit mode outside these blocks.
        self.execute("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
        try:
            yield self
        except BaseException:
            self.execute("ROLLBACK")
            raise
        else:
            self.execute("COMMIT")
        finally:
            self._depth = 0

    def lock_for(self, key: int) -> None:
        """Inside a transaction: wait until no other process holds ``key``, hold it until the end.
        SQLite needs nothing more: its IMMEDIATE transaction already admits one writer."""
        if self.dialect == "postgresql":
            self.execute("SELECT pg_advisory_xact_lock(?)", (key,))

    def table_counts(self, tables: Sequence[str]) -> dict[str, int]:
        return {t: int(self.scalar(f"SELECT COUNT(*) FROM {t}")) for t in tables}

    def integrity_check(self) -> str:
        if self.dialect == "sqlite":
            result = self.scalar("PRAGMA integrity_check")
            fk = self.query("PRAGMA foreign_key_check")
            return str(result) if not fk else f"foreign key violations: {len(fk)}"
        orphans = self.scalar(
            "SELECT COUNT(*) FROM paragraphs p LEFT JOIN articles a ON a.id = p.article_id WHERE a.id IS NULL"
        )
        return "ok" if not orphans else f"orphan paragraphs: {orphans}"

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


ID_BATCH = 500  # ids per IN (...) list: below SQLite's oldest bound-parameter limit (999)


def query_by_ids(db: Database, sql: str, ids: Sequence[Any], params_after: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """``sql`` with its ``(?*)`` replaced by a bound list of ``ids``, run once per ``ID_BATCH`` ids
    (``params_after`` bound after the list each time); the rows of every batch, in batch order."""
    rows: list[dict[str, Any]] = []
    ids = list(ids)
    for start in range(0, len(ids), ID_BATCH):
        batch = ids[start:start + ID_BATCH]
        rows += db.query(sql.replace("(?*)", "(" + ",".join("?" * len(batch)) + ")"), [*batch, *params_after])
    return rows


# -- opening ---------------------------------------------------------------------------------
def sqlite_path(url: str) -> str | None:
    """The file of an SQLite URL or plain path (None for other backends)."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):] or None
    if url.startswith("sqlite://"):
        return None
    if re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        return None
    return url


# -- migrations --------------------------------------------------------------------------------
def migration_files(dialect: str) -> list[tuple[int, str, str]]:
    """(number, name, sql) of every shipped migration, in order."""
    folder = resources.files("pactwatch.store") / "migrations" / dialect
    found = []
    for entry in folder.iterdir():
        match = re.match(r"^(\d{3})_[\w-]+\.sql$", entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _split_statements(sql: str) -> list[str]:
    """Split a migration into statements; trigger bodies (BEGIN … END;) stay whole."""
    statements: list[str] = []
    current: list[str] = []
    depth = 0
    for line in sql.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("--")):
            continue
        current.append(line)
        upper = stripped.upper()
        if re.search(r"\bBEGIN\s*$", upper) or re.search(r"\bAS \$\$\s*$", upper):
            depth += 1
        if depth and (upper.startswith("END;") or upper.startswith("$$")):
            depth -= 1
        if not depth and stripped.endswith(";"):
            statements.append("\n".join(current))
            current = []
    if current and "".join(current).strip():
        statements.append("\n".join(current))
    return statements


MIGRATION_LOCK = 7261  # PostgreSQL advisory lock id: one process migrates at a time
DERIVED_LOCK = 7262  # one process refreshes the cross-article tables at a time


def apply_migrations(db: Database, until: int | None = None) -> list[str]:
    """Apply every migration not yet recorded in ``schema_migrations``; return their names.

    ``until`` stops after that number (to build a database as an older release left it).
    """
    if db.dialect == "postgresql":
        db.execute("SELECT pg_advisory_lock(?)", (MIGRATION_LOCK,))
        try:
            return _apply_migrations(db, until)
        finally:
            db.execute("SELECT pg_advisory_unlock(?)", (MIGRATION_LOCK,))
    return _apply_migrations(db, until)


def _apply_migrations(db: Database, until: int | None) -> list[str]:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row["number"] for row in db.query("SELECT number FROM schema_migrations")}
    files = migration_files(db.dialect)
    known = max((n for n, _, _ in files), default=0)
    if done and max(done) > known:
        raise StoreError(message("newer_schema", found=max(done), known=known))
    applied = []
    for number, name, sql in files:
        if number in done or (until is not None and number > until):
            continue
        try:
            with db.transaction():
                # another process may have applied it meanwhile (SQLite has no advisory lock; its
                # IMMEDIATE transaction, taken now, is the lock)
                if db.scalar("SELECT COUNT(*) FROM schema_migrations WHERE number = ?", (number,)):
                    continue
                for statement in _split_statements(sql):
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_migrations(number, name, applied_at) VALUES (?, ?, ?)",
                    (number, name, now_iso()),
                )
        except Exception as exc:  # noqa: BLE001 - reported with the migration's name
            raise StoreError(message("migration_failed", name=name, reason=exc)) from exc
        applied.append(name)
    return applied
