"""Domain errors and the messages users see, kept in one place so they read alike."""

from __future__ import annotations


class PactwatchError(Exception):
    """Base class: a failure the user can act on (the CLI prints it and exits 1)."""


class UsageError(PactwatchError):
    """The request itself is wrong (bad option value, unknown id); the CLI exits 2."""


class StoreError(PactwatchError):
    """The database cannot be opened, migrated or written."""


class NotFound(UsageError):
    """A requested record does not exist."""


MESSAGES = {
    "bad_db_url": "unsupported database URL {url!r}: use a file path, sqlite:///PATH or postgresql://…",
    "db_open": "cannot open database {url}: {reason}",
    "article_not_found": "no article with id {id}",
    "bad_date": "invalid date {value!r}: use YYYY-MM-DD",
    "bad_query": "invalid search query {query!r}: {reason}",
    "migration_failed": "database migration {name} failed: {reason}",
    "newer_schema": "database schema version {found} is newer than this pactwatch ({known}); upgrade pactwatch",
}


def message(key: str, **values: object) -> str:
    return MESSAGES[key].format(**values)
