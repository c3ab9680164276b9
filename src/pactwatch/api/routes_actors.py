"""``/api/actors``: the states and organisations pactwatch knows, with their names and other names.

The page's country picker searches these by name (type-ahead), so a user never needs a code. The
answer comes from the shipped actor tables only (no database), so it is the same on every store.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any

from fastapi import APIRouter, Query

from pactwatch.api.common import Json
from pactwatch.api.errors import ApiError
from pactwatch.data import read_table

router = APIRouter(tags=["actors"])

TABLES = {"country": "actors/countries.tsv", "organisation": "actors/organisations.tsv"}
# organisation rows of these types are not parties to commitments (regions, courts, NGOs, militants)
ORGANISATION_TYPES = frozenset({"igo", "group"})


@functools.cache
def known_actors(kind: str) -> tuple[dict[str, Any], ...]:
    rows = read_table(TABLES[kind])
    if kind == "organisation":
        rows = tuple(r for r in rows if r.get("type") in ORGANISATION_TYPES)
    items = [{"code": r["code"], "name": r["name"], "kind": kind,
              "aliases": [a for a in r.get("aliases", "").split("|") if a and a != r["name"]]} for r in rows]
    return tuple(sorted(items, key=lambda item: item["name"]))


@router.get("/actors", response_class=Json, summary="Known states and organisations, with their names")
def actors(kind: Annotated[str, Query(description="country, organisation, or all.")] = "country") -> Json:
    if kind not in (*TABLES, "all"):
        raise ApiError(400, f"kind: {kind[:40]!r} is not one of country, organisation, all")
    kinds = list(TABLES) if kind == "all" else [kind]
    return Json({"items": [item for k in kinds for item in known_actors(k)]})
