"""Database handles for the server: a small pool of readers and one writer behind a lock.

SQLite in WAL mode lets many readers run beside one writer, so reads take any free pooled
connection while every write (ingest) goes through the single writer connection, one at a time.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from pactwatch.store import Database, open_database

DEFAULT_READERS = 8


class DatabasePool:
    def __init__(self, url: str, readers: int = DEFAULT_READERS) -> None:
        self.url = url
        # the writer opens first and applies migrations; readers then skip the check
        self._writer = open_database(url)
        self.write_lock = threading.Lock()
        self._idle: queue.Queue[Database] = queue.Queue()
        self._all: list[Database] = [self._writer]
        for _ in range(max(readers, 1)):
            db = open_database(url, migrate=False)
            self._all.append(db)
            self._idle.put(db)

    def acquire(self, timeout: float = 30.0) -> Database:
        """A reader connection (waits while all are in use); give it back with ``release``."""
        return self._idle.get(timeout=timeout)

    def release(self, db: Database) -> None:
        if db.dialect != "sqlite":
            db.connection.rollback()  # end the implicit read transaction before reuse
        self._idle.put(db)

    @contextmanager
    def reader(self, timeout: float = 30.0) -> Iterator[Database]:
        """A connection for one request's reads, returned to the pool afterwards."""
        db = self.acquire(timeout)
        try:
            yield db
        finally:
            self.release(db)

    @contextmanager
    def writer(self) -> Iterator[Database]:
        """The one writer connection, held exclusively for the duration of the block."""
        with self.write_lock:
            yield self._writer

    def close(self) -> None:
        for db in self._all:
            try:
                db.close()
            except Exception:  # noqa: BLE001 - closing on shutdown; nothing left to do
                pass
