"""Where an obligation applies: the regions and places of ``data/treaties/regions.tsv`` and
``places.tsv``, and the scope test of one obligation for an attack at one place.

A scope (obligations.tsv) is a list of alternatives, each a list of conditions that must all
hold for the place attacked:

- ``territory``: the place belongs to, or is administered by, the defended party;
- ``metropolitan``: it is the defended party's metropolitan territory;
- ``administered``: it is under the defended party's administration; ``administered:JPN``: under
  Japan's administration, whoever is defended (the US-Japan treaty's Art. V);
- a region code (``north_atlantic_area`` ...): the place lies in that region;
- ``named_location``: ATOP codes the obligation as limited to a location it does not name, so it
  cannot be checked and is kept, with that caveat.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pactwatch.data import read_table
from pactwatch.records import ObligationRecord


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    sovereign: str
    administered_by: str
    metropolitan: bool
    regions: frozenset[str]


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    states: frozenset[str]


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    return {r["code"]: Region(r["code"], r["name"], frozenset(s for s in r["states"].split("|") if s))
            for r in read_table("treaties/regions.tsv")}


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    return {r["code"]: Place(r["code"], r["name"], r["sovereign"], r["administered_by"],
                             r["metropolitan"] == "yes", frozenset(x for x in r["regions"].split("|") if x))
            for r in read_table("treaties/places.tsv")}


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Lower-cased names and aliases of the places table -> place code."""
    found: dict[str, str] = {}
    for row in read_table("treaties/places.tsv"):
        for name in [row["code"], row["name"], *row["aliases"].split("|")]:
            if name:
                found.setdefault(name.strip().lower(), row["code"])
    return found


def state_place(code: str, name: str | None = None) -> Place:
    """A state as a place: its own metropolitan territory, in every region that lists it."""
    return Place(code, name or code, code, code, True,
                 frozenset(r.code for r in regions().values() if code in r.states))


def region_name(code: str) -> str:
    if code in regions():
        return regions()[code].name
    if code.startswith("administered:"):
        return f"territories under the administration of {code.split(':', 1)[1]}"
    return {"territory": "the defended party's territory", "metropolitan": "the defended party's metropolitan "
            "territory", "administered": "territory under the defended party's administration",
            "named_location": "a named location (ATOP; not checked)"}.get(code, code)


def _holds(condition: str, defended: str, place: Place) -> bool:
    if condition == "territory":
        return defended in (place.sovereign, place.administered_by)
    if condition == "metropolitan":
        return place.metropolitan and place.administered_by == defended
    if condition == "administered":
        return place.administered_by == defended
    if condition.startswith("administered:"):
        return place.administered_by == condition.split(":", 1)[1]
    if condition == "named_location":
        return True
    return condition in place.regions


def in_scope(obligation: ObligationRecord, defended: str, place: Place) -> bool:
    return any(all(_holds(c, defended, place) for c in alternative) for alternative in obligation.scope)


def scope_regions(obligation: ObligationRecord) -> list[str]:
    """The distinct conditions the scope names, in order (for display)."""
    return list(dict.fromkeys(c for alternative in obligation.scope for c in alternative))


def describe_scope(obligation: ObligationRecord) -> str:
    return " or ".join(" within ".join(region_name(c) for c in alternative) for alternative in obligation.scope)
