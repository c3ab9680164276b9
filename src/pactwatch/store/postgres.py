"""The PostgreSQL backend: the same ``Database`` handle, psycopg underneath."""

from __future__ import annotations

from pactwatch.errors import StoreError, message
from pactwatch.store.database import Database


def connect_postgres(url: str) -> Database:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a pinned dependency
        raise StoreError(message("db_open", url=url, reason="psycopg is not installed")) from exc
    try:
        # autocommit: Database.transaction() issues BEGIN/COMMIT itself, as on SQLite, so a
        # read never leaves a transaction open behind a long-lived connection.
        conn = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise StoreError(message("db_open", url=_safe(url), reason=str(exc).strip())) from exc
    return Database(conn, "postgresql", _safe(url))


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        userinfo, host = rest.rsplit("@", 1)
        return f"{scheme}://{userinfo.split(':', 1)[0]}@{host}"
    return url
