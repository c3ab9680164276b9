"""What every command shares: the database URL, opened once on first use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import click

from pactwatch.records import DEFAULT_MIN_CONFIDENCE
from pactwatch.store import Database, default_url, open_database


@dataclass
class AppContext:
    db_url: str | None
    _db: Database | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return self.db_url or default_url()

    def db(self) -> Database:
        if self._db is None:
            self._db = open_database(self.url)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


pass_app = click.make_pass_decorator(AppContext)


def parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Validate a YYYY-MM-DD option and return it as an ISO string."""
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def min_confidence_option(command: Any) -> Any:
    """``--min-confidence X``: hide facts read with less confidence (``pactwatch.nlp.confidence``)."""
    return click.option(
        "--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0), default=DEFAULT_MIN_CONFIDENCE,
        show_default=True,
        help="Hide facts whose confidence (0-1: the construction's prior times its clause and actor readings;"
             " show ID --explain says how it was computed) is below this; 0 shows everything."
             " Rows stored before confidence was recorded are always shown.")(command)
