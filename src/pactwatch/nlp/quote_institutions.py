"""Common names for institutions quoted as speakers.

News names one body many ways: "the Ministry of Foreign Affairs of Japan", "Japan's foreign
ministry", "a Japanese Foreign Ministry statement". A reader expects one name for all of them
("Japanese Foreign Ministry"), so every institutional speaker goes through ``InstitutionNames``:

1. a named institution (``lexicon/institution_names.tsv``): the whole phrase, once "the",
   "official", "state-run" and a trailing "news agency" or "statement" are removed, is one of its
   aliases ("the official IRNA news agency" -> "IRNA", "IDF" -> "Israel Defense Forces");
2. otherwise a state body (``lexicon/institution_bodies.tsv``): the country is found in the phrase
   (name, alias or demonym from ``actors/countries.tsv``) or, failing that, from the actor code of
   the mention, and the remaining words are compared as a set with the body's phrasings
   ("ministry of foreign affairs of" and "foreign ministry" are the same body).

A phrase that is neither is returned unchanged: only bodies we know get a new name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from pactwatch.data import read_table
from pactwatch.nlp.grammar.words import word_sequence, words

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
_LEADING = words("institution_leading_words")
_TRAILING = word_sequence("institution_trailing_words")
_GLUE = words("institution_glue_words")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")


def _words(text: str) -> list[str]:
    """Lower-case words with a possessive "'s" split off ("israel's" -> "israel", "'s")."""
    out: list[str] = []
    for word in _WORD.findall(_fold(text)):
        word = word.rstrip(".") if not re.fullmatch(r"(?:[a-z]\.)+", word) else word
        if word.endswith("'s") and len(word) > 2:
            out += [word[:-2], "'s"]
        elif word:
            out.append(word)
    return out


@dataclass(frozen=True)
class _Country:
    code: str
    name: str
    demonym: str


@dataclass(frozen=True)
class InstitutionNames:
    """The tables, indexed for phrase lookup (built once by ``institution_names()``)."""

    named: dict[tuple[str, ...], str]  # alias words -> common name
    bodies: tuple[tuple[frozenset[str], str, str], ...]  # (phrasing words, name template, country)
    country_words: dict[tuple[str, ...], str]  # "japanese" / "japan" -> "JPN"
    countries: dict[str, _Country]
    capitals: dict[str, str]  # lower capital city name -> ISO3

    @classmethod
    def load(cls) -> InstitutionNames:
        named: dict[tuple[str, ...], str] = {}
        for row in read_table("lexicon/institution_names.tsv"):
            for alias in [row["name"], *row["aliases"].split("|")]:
                if alias.strip():
                    named[tuple(_words(alias))] = row["name"]
        bodies = []
        for row in read_table("lexicon/institution_bodies.tsv"):
            for phrasing in row["phrasings"].split("|"):
                words = frozenset(w for w in _words(phrasing) if w not in _GLUE)
                if words:
                    bodies.append((words, row["name"], row["country"]))
        country_words: dict[tuple[str, ...], str] = {}
        countries: dict[str, _Country] = {}
        capitals: dict[str, str] = {}
        for row in read_table("actors/countries.tsv"):
            demonyms = [d for d in row["demonyms"].split("|") if d]
            countries[row["code"]] = _Country(row["code"], row["name"], demonyms[0] if demonyms else row["name"])
            for text in [row["name"], *row["aliases"].split("|"), *demonyms]:
                if text.strip():
                    country_words.setdefault(tuple(_words(text)), row["code"])
            if row["capital"]:
                capitals[_fold(row["capital"])] = row["code"]
        return cls(named, tuple(bodies), country_words, countries, capitals)

    # -- lookup -----------------------------------------------------------------------------
    def canonical(self, phrase: str, code: str | None = None) -> str | None:
        """The common name of the institution ``phrase`` names, or None when it is none we know.

        ``code`` is the actor code of the phrase's mention (its first three letters give the
        country when the phrase itself does not name one: "the foreign ministry" in an article
        whose resolver tied it to Japan)."""
        stages = _stages(_words(phrase))
        if not stages:
            return None
        for stage in stages:  # "Korean Central News Agency" is a name before "news agency" goes
            named = self.named.get(tuple(stage))
            if named is not None:
                return named
        words = stages[-1]
        country, rest = self._split_country(words)
        if country is None and code and code[:3] in self.countries:
            country = code[:3]
        if country is None:
            return None
        body = frozenset(w for w in rest if w not in _GLUE)
        generic: str | None = None
        specific: str | None = None
        for phrasing, template, only in self.bodies:
            if phrasing != body:
                continue
            if only == country:
                specific = template
            elif not only and generic is None:
                generic = template
        chosen = specific or generic
        if chosen is None:
            return None
        info = self.countries[country]
        defence = "Defense" if "defense" in _fold(phrase) else "Defence"
        return chosen.format(demonym=info.demonym, country=info.name, defence=defence)

    def capital_country(self, text: str) -> str | None:
        """ISO3 of the state whose capital ``text`` is ("Tehran" -> "IRN"); None otherwise."""
        return self.capitals.get(_fold(text.strip()))

    def _split_country(self, words: list[str]) -> tuple[str | None, list[str]]:
        """The first country named in ``words`` (longest match) and the words without it."""
        for i in range(len(words)):
            for n in range(min(6, len(words) - i), 0, -1):
                code = self.country_words.get(tuple(words[i : i + n]))
                if code is not None:
                    return code, words[:i] + words[i + n :]
        return None, words


def _stages(words: list[str]) -> list[list[str]]:
    """The phrase without leading "the official", then without each trailing "news agency",
    "statement" … in turn: the last stage is the words that name the body."""
    while words and words[0] in _LEADING:
        words = words[1:]
    stages = [words] if words else []
    changed = True
    while changed:
        changed = False
        for tail in _TRAILING:
            t = tail.split()
            if len(words) > len(t) and words[-len(t) :] == t:
                words = words[: -len(t)]
                stages.append(words)
                changed = True
    return stages


@functools.lru_cache(maxsize=1)
def institution_names() -> InstitutionNames:
    """The shipped tables (read-only, loaded once)."""
    return InstitutionNames.load()
