"""Readable labels for codes, from the shipped tables: actors (countries, organisations, CAMEO
roles) and CAMEO event codes. The CLI tables, the HTTP API and the Python API all name codes
through this one class, so a code reads the same everywhere.
"""

from __future__ import annotations

import functools
from typing import Any

from pactwatch.data import read_table

# Columns that hold one actor code / a list of actor codes / a CAMEO event code.
ACTOR_COLUMNS = ("source", "target", "ally", "party", "state", "speaker_actor", "actor", "actor_code",
                 "attacked", "by")
PARTY_LIST_COLUMNS = ("parties",)
CAMEO_COLUMNS = ("cameo_code",)
NO_ACTOR = "---"  # CAMEO's code for "no actor"


class Names:
    """Readable names for actor codes and CAMEO codes, from the shipped tables."""

    def __init__(self) -> None:
        self.actors: dict[str, str] = {}
        for table in ("actors/countries.tsv", "actors/organisations.tsv"):
            for row in _rows(table):
                if row.get("code") and row.get("name"):
                    self.actors.setdefault(row["code"], row["name"])
        self.roles = {row["code"]: row["name"] for row in _rows("actors/role_names.tsv")}
        self.cameo = {row["code"]: row["name"] for row in _rows("cameo/codes.tsv")}

    def actor(self, code: str | None) -> str | None:
        """'RUSGOV' -> 'Russia' (the country part names the actor when the full code is unknown)."""
        if not code:
            return None
        return self.actors.get(code) or self.actors.get(code[:3])

    def describe(self, code: str | None) -> str | None:
        """'RUSGOV' -> 'Russia, government'; 'NATO' -> its name; None when the tables do not know it."""
        if not code:
            return None
        if code in self.actors:
            return self.actors[code]
        country = self.actors.get(code[:3])
        if country is None:
            return None
        roles = [self.roles.get(code[i:i + 3], code[i:i + 3]) for i in range(3, len(code), 3)]
        return ", ".join([country, *roles])

    def event(self, code: str | None) -> str | None:
        """'057' -> 'Sign formal agreement' (the CAMEO codebook heading)."""
        return self.cameo.get(code or "")


def _rows(table: str) -> tuple[dict[str, str], ...]:
    try:
        return read_table(table)
    except FileNotFoundError:
        return ()


@functools.lru_cache(maxsize=1)
def shared_names() -> Names:
    """One Names per process (the tables are read-only at run time)."""
    return Names()


def with_names(row: dict[str, Any], names: Names | None = None) -> dict[str, Any]:
    """The row with a name field after each code field it has (existing fields are kept)."""
    names = names or shared_names()
    out: dict[str, Any] = {}
    for key, value in row.items():
        out[key] = value
        if key in ACTOR_COLUMNS and (value is None or isinstance(value, str)):
            out.setdefault(f"{key}_name", names.describe(value) if value != NO_ACTOR else None)
        elif key in CAMEO_COLUMNS and (value is None or isinstance(value, str)):
            out.setdefault("cameo_name", names.event(value))
        elif key in PARTY_LIST_COLUMNS and isinstance(value, (list, tuple)):
            codes = [v.get("party") if isinstance(v, dict) else v for v in value]
            out.setdefault("party_names", {c: names.describe(c) for c in codes if isinstance(c, str)})
    return out
