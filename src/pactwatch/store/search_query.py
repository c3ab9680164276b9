"""A user's search query, parsed and expanded before it reaches the database's text index.

The language is what people type into a search box::

    sanctions defence          both words (each stemmed by the index: "sanction" finds "sanctions")
    "mutual defence"           the words in this order
    defen*                     any word starting so
    Russia OR Belarus          either term (OR joins the two terms beside it)
    PRK / DPRK / "North Korea" an actor: its code or any of its names finds every name

Each term is widened before it is searched: into its British and American spellings (the
folds of ``data/search/spelling.tsv``, applied alike to every term and to every spelling the
index may hold) and, when it is an actor's code or one of its names, into all the names the
actor tables know for that actor (``data/actors/countries.tsv``, ``organisations.tsv``,
``places.tsv``). Nothing the user types reaches the index parser as syntax: terms are reduced
to their words, and the query text is rebuilt from them.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from pactwatch.data import read_table

_TOKEN = re.compile(r'"([^"]*)"?(\*?)|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_PHRASE_VARIANTS = 16  # spelling variants of one phrase (their product grows fast)
SHORT_ALIAS = 3  # aliases this short ("US", "UN") count only when typed in capitals


@dataclass(frozen=True)
class Term:
    """Words to find in this order; ``prefix`` when the last one may be the start of a word."""

    words: tuple[str, ...]
    prefix: bool = False
    typed: str = field(default="", compare=False)  # as the user wrote it: case tells PRK from "prk"


# A query: every group must match; a group matches when any of its terms does.
Query = list[list[Term]]


def parse(text: str) -> Query:
    """The groups of a query, before expansion; empty when it holds no words."""
    groups: Query = []
    join_next = False
    for phrase, star, bare in _TOKEN.findall(text):
        raw = phrase if phrase or star else bare
        if bare in ("OR", "|") and groups:
            join_next = True
            continue
        if bare == "AND":
            continue
        prefix = bool(star) or (bool(bare) and bare.endswith("*"))
        words = tuple(_WORD.findall(raw))
        if not words:
            continue
        term = Term(words, prefix, raw.strip())
        if join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return groups


def expand(query: Query) -> Query:
    """Every group with each term widened into its spellings and, for actors, their names."""
    out: Query = []
    for group in query:
        alternatives: dict[Term, None] = {}
        for term in group:
            for widened in (term, *actor_names(term)):
                for variant in spelling_variants(widened):
                    alternatives[variant] = None
        out.append(list(alternatives))
    return out


def compile_query(text: str) -> Query:
    """Parse and expand a query (empty when it holds no words)."""
    return expand(parse(text))


# --- spelling ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fold:
    british: str
    american: str
    min_stem: int
    whole_word: bool


@functools.lru_cache(maxsize=1)
def _folds() -> tuple[_Fold, ...]:
    rows = [_Fold(r["british"], r["american"], int(r["min_stem"] or 0), r["kind"] == "word")
            for r in read_table("search/spelling.tsv")]
    return tuple(sorted(rows, key=lambda f: len(f.british), reverse=True))  # longest ending first


def word_spellings(word: str) -> list[str]:
    """A word and its other spellings ("defence" -> ["defence", "defense"]), lower case."""
    word = word.lower()
    found = {word: None}
    for fold in _folds():
        for source, target in ((fold.british, fold.american), (fold.american, fold.british)):
            if fold.whole_word:
                if word == source:
                    found[target] = None
            elif word.endswith(source) and len(word) - len(source) >= fold.min_stem:
                found[word[: len(word) - len(source)] + target] = None
    return list(found)


def spelling_variants(term: Term) -> list[Term]:
    """The term in every combination of its words' spellings (at most MAX_PHRASE_VARIANTS)."""
    if term.prefix:  # the start of a word has no ending to fold
        return [Term(tuple(w.lower() for w in term.words), True)]
    options = [word_spellings(w) for w in term.words]
    combos = itertools.islice(itertools.product(*options), MAX_PHRASE_VARIANTS)
    return [Term(tuple(c)) for c in combos]


# --- actors ------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text)).lower()


@functools.lru_cache(maxsize=1)
def _actor_tables() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """Names of each actor code, and the codes each name (lower-cased words) belongs to."""
    names: dict[str, dict[str, None]] = {}

    def add(code: str, *values: str) -> None:
        for value in values:
            for name in value.split("|"):
                if name.strip():
                    names.setdefault(code, {})[name.strip()] = None

    for row in read_table("actors/countries.tsv"):
        add(row["code"], row["name"], row["aliases"], row["demonyms"], row["capital"])
    for row in read_table("actors/organisations.tsv"):
        add(row["code"], row["name"], row["aliases"], row.get("demonyms", ""))
    countries = {row["code"] for row in read_table("actors/countries.tsv")}
    for row in read_table("actors/places.tsv"):
        base = row["code"][:3]
        if base in countries and row.get("ambiguous", "0") != "1":
            add(base, row["text"])
    by_name: dict[str, set[str]] = {}
    for code, values in names.items():
        for name in values:
            by_name.setdefault(_key(name), set()).add(code)
    return ({c: tuple(v) for c, v in names.items()}, {k: frozenset(v) for k, v in by_name.items()})


def actor_code(typed: str) -> str | None:
    """The actor a term names: its code typed in capitals (PRK, NATO, PRKGOV), or one of its
    names (DPRK, "North Korea") when that name belongs to one actor only."""
    names, by_name = _actor_tables()
    if typed.isupper():
        letters = "".join(_WORD.findall(typed))
        if letters in names:
            return letters
        if len(letters) == 6 and letters[:3] in names:  # a country code with a role (PRKGOV)
            return letters[:3]
    codes = by_name.get(_key(typed), frozenset())
    if len(codes) != 1:
        return None
    if len(_key(typed).replace(" ", "")) <= SHORT_ALIAS and not typed.isupper():
        return None  # "us", "un" are words; "US", "UN" are names
    return next(iter(codes))


def actor_names(term: Term) -> list[Term]:
    """Every name of the actor a term names, as terms (none when it names no actor)."""
    if term.prefix:
        return []
    code = actor_code(term.typed or " ".join(term.words))
    if code is None:
        return []
    names, _ = _actor_tables()
    return [Term(tuple(_WORD.findall(name))) for name in names[code] if _WORD.findall(name)]


# --- rendering for each index ------------------------------------------------------------------


def fts5_match(query: Query) -> str:
    """The query as an SQLite FTS5 MATCH expression (every word quoted: no syntax passes)."""

    def one(term: Term) -> str:
        return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")

    return " AND ".join("(" + " OR ".join(one(t) for t in group) + ")" for group in query)


# PostgreSQL's text search configuration (migration 017): ``english`` with accents removed
# before stemming, so that both backends find "Zurich" in "Zürich".
SEARCH_CONFIG = "pactwatch_search"


def tsquery_sql(query: Query) -> tuple[str, list[str]]:
    """The query as a PostgreSQL tsquery expression over the ``pactwatch_search`` configuration,
    with its parameters: phrases by ``phraseto_tsquery``, prefixes by ``to_tsquery('w:*')``."""
    parts: list[str] = []
    params: list[str] = []
    for group in query:
        alternatives = []
        for term in group:
            if term.prefix:
                words = [*term.words[:-1], term.words[-1] + ":*"]
                alternatives.append(f"to_tsquery('{SEARCH_CONFIG}', ?)")
                params.append(" <-> ".join(words))
            else:
                alternatives.append(f"phraseto_tsquery('{SEARCH_CONFIG}', ?)")
                params.append(" ".join(term.words))
        parts.append("(" + " || ".join(alternatives) + ")")
    return "(" + " && ".join(parts) + ")", params
