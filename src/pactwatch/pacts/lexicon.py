"""The commitment lexicon (``data/lexicon/commitment_terms.tsv``) and matching it over a spaCy Doc.

Terms are matched token by token against either the lower-cased form or the lemma, so
"signed", "signing" and "signs" all reach "sign" and "Mutual Defence Agreement" reaches
"mutual defence agreement". Where terms overlap, the longest wins.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pactwatch.data import read_table

TABLE = "lexicon/commitment_terms.tsv"
TYPES = ("agreement", "obligation", "lifecycle", "membership", "reference", "provision")
EVENTS = ("proposed", "announced", "signed", "ratified", "entered_into_force", "joined",
          "suspended", "withdrew", "expired")
# The README's "most specific obligation" order, used to pick an agreement's kind.
KIND_ORDER = ("mutual_defense", "nonaggression", "neutrality", "consultation", "military_cooperation",
              "strategic_partnership", "economic", "other")


def term_words(term: str) -> tuple[str, ...]:
    """Split a term the way spaCy's English tokenizer splits text ("other's" -> other, 's)."""
    return tuple(re.findall(r"'s|\w+|[^\w\s]", term.lower()))


@dataclass(frozen=True)
class Term:
    type: str
    value: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    term: Term
    start: int  # token index in the Doc
    end: int  # exclusive

    @property
    def value(self) -> str:
        return self.term.value


@dataclass(frozen=True)
class CommitmentLexicon:
    terms: tuple[Term, ...]

    @classmethod
    def load(cls, rows: Iterable[dict[str, str]] | None = None) -> CommitmentLexicon:
        rows = read_table(TABLE) if rows is None else rows
        terms = []
        for row in rows:
            if row["type"] not in TYPES:
                raise ValueError(f"{TABLE}: unknown type {row['type']!r}")
            if row["type"] == "lifecycle" and row["value"] not in EVENTS:
                raise ValueError(f"{TABLE}: unknown lifecycle event {row['value']!r}")
            terms.append(Term(row["type"], row["value"], term_words(row["term"])))
        return cls(tuple(terms))

    def by_first_word(self, kind: str) -> dict[str, list[Term]]:
        return self._indexes.get(kind, {})

    def __hash__(self) -> int:
        return self._hash

    @functools.cached_property
    def _hash(self) -> int:
        """The terms' hash, once: the lexicon keys cached grammars looked up per sentence, and
        hashing thousands of terms per look-up cost ~3 ms of CPU per article."""
        return hash(self.terms)

    @functools.cached_property
    def _indexes(self) -> dict[str, dict[str, list[Term]]]:
        """Terms of each type by first word, longest first (built once: match runs per sentence)."""
        indexes: dict[str, dict[str, list[Term]]] = {}
        for term in self.terms:
            indexes.setdefault(term.type, {}).setdefault(term.words[0], []).append(term)
        for index in indexes.values():
            for terms in index.values():
                terms.sort(key=lambda t: -len(t.words))
        return indexes

    def match(self, tokens: Any, kind: str) -> list[Match]:
        """Non-overlapping matches of one term type over a Doc or a Span, left to right.

        Matching runs once per Doc and type (the forms and the positions where a term can start
        are cached on the Doc); a Span takes the matches that lie wholly inside it, re-run from
        its first token so a term cut by the span's start cannot hide one that starts inside.
        """
        doc = getattr(tokens, "doc", tokens)
        start, end = (tokens.start, tokens.end) if doc is not tokens else (0, len(doc))
        forms = _doc_forms(doc)
        index = self.by_first_word(kind)
        candidates = _candidate_starts(doc, kind, index, forms)
        found: list[Match] = []
        i = start
        for position in candidates[bisect.bisect_left(candidates, start):bisect.bisect_left(candidates, end)]:
            if position < i:
                continue
            best = None
            for first in set(forms[position]):
                for term in index.get(first, ()):
                    n = len(term.words)
                    if position + n <= end and all(w in forms[position + k]
                                                   for k, w in enumerate(term.words)):
                        if best is None or n > len(best.words):
                            best = term
                        break
            if best is not None:
                found.append(Match(best, position, position + len(best.words)))
                i = position + len(best.words)
        return found


_FORMS = "pactwatch.lexicon_forms"
_STARTS = "pactwatch.lexicon_starts"


def _doc_forms(doc: Any) -> list[tuple[str, str]]:
    """(lower-cased form, lower-cased lemma) of every token, read from the Doc once."""
    forms = doc.user_data.get(_FORMS)
    if forms is None:
        forms = doc.user_data[_FORMS] = [(t.lower_, t.lemma_.lower()) for t in doc]
    return forms


def _candidate_starts(doc: Any, kind: str, index: dict[str, list[Term]],
                      forms: list[tuple[str, str]]) -> list[int]:
    """Token positions where some term of this type could start (sorted), once per Doc and type."""
    cache = doc.user_data.setdefault(_STARTS, {})
    key = (kind, id(index))
    if key not in cache:
        cache[key] = [i for i, (lower, lemma) in enumerate(forms) if lower in index or lemma in index]
    return cache[key]
