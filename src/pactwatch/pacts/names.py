"""Actors and places by code or by name, with a "did you mean" for what is not known.

Every verb and route that takes a state takes its code (``PRK``) or a name the actor tables know
(``North Korea``, ``DPRK``, ``Democratic People's Republic of Korea``); an unknown one is an error
that names the closest known actors (rapidfuzz), never an empty answer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import fuzz, process

from pactwatch.data import read_table
from pactwatch.errors import NotFound
from pactwatch.pacts.scope import Place, place_names, places, state_place

ACTOR_TABLES = ("actors/countries.tsv", "actors/organisations.tsv")
SUGGESTIONS = 3


class UnknownActor(NotFound):
    """A code or name no actor table knows (the CLI exits 2, the API answers 404)."""


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Code -> canonical name of every country and organisation."""
    found: dict[str, str] = {}
    for table in ACTOR_TABLES:
        for row in read_table(table):
            if row.get("code") and row.get("name"):
                found.setdefault(row["code"], row["name"])
    return found


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    """Lower-cased code, name and alias -> code (an alias in capitals is matched case-insensitively
    here: a person typing a query is not the news text the resolver reads)."""
    found: dict[str, str] = {}
    for table in ACTOR_TABLES:
        for row in read_table(table):
            code = row.get("code")
            if not code:
                continue
            for name in [code, row.get("name", ""), *row.get("aliases", "").split("|")]:
                key = _key(name)
                if key:
                    found.setdefault(key, code)
    return found


def _key(text: str) -> str:
    words = " ".join(text.replace("’", "'").lower().split())
    return words[4:] if words.startswith("the ") else words


@lru_cache(maxsize=4096)  # answers name the same states hundreds of times
def name_of(code: str | None) -> str | None:
    if not code:
        return None
    return actor_names().get(code) or actor_names().get(code[:3])


def actor(code: str) -> dict[str, str | None]:
    return {"code": code, "name": name_of(code)}


def resolve_actor(text: str | None, what: str = "actor", stored: Callable[[str], bool] | None = None) -> str:
    """The actor code for a code or a name; UnknownActor with suggestions otherwise. ``stored``
    says whether a code is a party in the store (a code the tables do not list, from ATOP or a
    user's data, is still an actor there)."""
    query = (text or "").strip()
    if not query:
        raise UnknownActor(f"no {what} given: use a code such as PRK or a name such as 'North Korea'")
    code = _lookup().get(_key(query))
    if code:
        return code
    if stored is not None and query.isalnum() and stored(query.upper()):
        return query.upper()
    raise UnknownActor(f"{query!r} is not a known {what}; did you mean {_suggest(query)}?")


def _suggest(query: str) -> str:
    choices = {name: code for name, code in _lookup().items()}
    scorer = fuzz.ratio if len(query) <= 4 else fuzz.WRatio
    best = process.extract(_key(query), list(choices), scorer=scorer, limit=SUGGESTIONS * 3)
    codes: list[str] = []
    for name, _score, _index in best:
        code = choices[name]
        if code not in codes:
            codes.append(code)
    return " or ".join(f"{c} ({actor_names().get(c, c)})" for c in codes[:SUGGESTIONS])


def resolve_place(text: str | None, default_state: str) -> Place:
    """Where an attack happens: a place of places.tsv or a state (by code or name); by default the
    attacked state's own territory."""
    if text is None or not text.strip():
        return state_place(default_state, name_of(default_state))
    code = place_names().get(text.strip().lower())
    if code:
        return places()[code]
    try:
        state = resolve_actor(text, "place")
    except UnknownActor:
        raise UnknownActor(f"{text.strip()!r} is not a known place or state; did you mean "
                           f"{_suggest_place(text)}?") from None
    return state_place(state, name_of(state))


def _suggest_place(text: str) -> str:
    names = list(place_names()) + list(_lookup())
    best = process.extract(text.strip().lower(), names, scorer=fuzz.WRatio, limit=SUGGESTIONS)
    return " or ".join(repr(name) for name, _s, _i in best)
