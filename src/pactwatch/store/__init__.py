"""Storage: one small interface over SQLite (default) and PostgreSQL.

``open_database(url)`` returns a ``Database`` with migrations applied; the modules beside this
one (``articles``, ``annotations``, ``queries``) are plain functions over that handle, written
in SQL both backends accept (``?`` placeholders; the PostgreSQL adapter translates them).
"""

from pactwatch.store.connect import open_database
from pactwatch.store.database import Database, default_url

__all__ = ["Database", "default_url", "open_database"]
