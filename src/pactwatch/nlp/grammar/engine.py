"""The construction engine: named patterns over the dependency parse, loaded from data files.

A construction is one row of ``data/grammar/<family>.jsonl``::

    {"name": "event.obligation", "pattern": [...], "act": "obligation", "trigger": true,
     "assigns": {...}, "clause": {...}, "why": "...", "examples": [{"text": ..., "roles": {...}}]}

- ``pattern`` is a spaCy ``DependencyMatcher`` pattern; its first node (the anchor) is the word
  the construction is about (the trigger of an event, the cue of a quote, the step of a
  commitment). Node names are the construction's roles. Token attributes may name a word class
  instead of listing words: ``{"LEMMA": {"IN": "@report_verbs"}}`` reads the class from
  ``word_classes.tsv``; ``@lexicon.NAME`` from a set the step passes in (the event lexicon's
  trigger lemmas). ``"_": {"lemma_lower": ...}`` compares the lower-cased lemma, ``"_": {"forms":
  {"INTERSECTS": ...}}`` the lower-cased form or lemma.
- ``act`` names the step's mechanism that turns a match into facts (``events.py`` keeps one
  method per act); ``trigger`` says whether the anchor alone makes a word worth coding;
  ``assigns`` states what the roles become (source, target, speaker, code ...) and is what the
  examples test; ``clause`` lists clause-status conditions the anchor must meet
  (``grammar.clauses``).
- ``adds: true`` makes a construction's facts come in addition to the reading of the rows below
  it on the same anchor ("X said Y violated the truce": X's accusation, and Y's violation), not
  instead of it.
- ``examples`` are invented sentences; ``tests/nlp/test_grammar.py`` parses every one and checks
  that the construction fires with exactly the roles it states (and the facts it states).

Rows are tried in file order: for one anchor the first construction that applies decides (after
any ``adds`` rows before it have added theirs).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pactwatch.data import table_path
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.words import word_sequence

Token = Any  # spacy.tokens.Token
FAMILIES = ("events", "quotes", "commitments")


@dataclass(frozen=True)
class Construction:
    name: str
    family: str
    pattern: tuple[dict[str, Any], ...]
    act: str
    trigger: bool = False
    adds: bool = False  # its facts add to the next applying construction's, instead of deciding
    assigns: Mapping[str, Any] = field(default_factory=dict)
    clause: Mapping[str, Any] = field(default_factory=dict)
    why: str = ""
    examples: tuple[Mapping[str, Any], ...] = ()

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(str(node["RIGHT_ID"]) for node in self.pattern)

    def clause_holds(self, anchor: Token) -> bool:
        status = clause_of(anchor)
        return all(getattr(status, key) == value for key, value in self.clause.items())


@dataclass(frozen=True)
class Match:
    construction: Construction
    tokens: Mapping[str, Token]  # role -> token

    @property
    def anchor(self) -> Token:
        return self.tokens[self.construction.roles[0]]

    @property
    def name(self) -> str:
        return self.construction.name


@functools.cache
def load_constructions(family: str) -> tuple[Construction, ...]:
    """The rows of ``data/grammar/<family>.jsonl`` in file order (names unique)."""
    path = table_path(f"grammar/{family}.jsonl")
    rows: list[Construction] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name} line {number}: not JSON ({exc})") from None
        name = row["name"]
        if name in seen:
            raise ValueError(f"{path.name} line {number}: construction {name!r} defined twice")
        seen.add(name)
        rows.append(Construction(
            name=name, family=family, pattern=tuple(row["pattern"]), act=row["act"], trigger=bool(row.get("trigger")),
            adds=bool(row.get("adds")),
            assigns=row.get("assigns", {}), clause=row.get("clause", {}), why=row.get("why", ""),
            examples=tuple(row.get("examples", ())),
        ))
    return tuple(rows)


def _expand(value: Any, lexicon: Mapping[str, frozenset[str]]) -> Any:
    """Replace "@class" / "@lexicon.name" references inside a pattern by the words they name."""
    if isinstance(value, str) and value.startswith("@"):
        ref = value[1:]
        if ref.startswith("lexicon."):
            return sorted(lexicon[ref[len("lexicon."):]])
        return list(word_sequence(ref))
    if isinstance(value, dict):
        return {key: _expand(item, lexicon) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item, lexicon) for item in value]
    return value


def register_extensions() -> None:
    from spacy.tokens import Token as SpacyToken

    from pactwatch.nlp.grammar.tree_match import EXTENSION_COLUMNS

    # each with the same values for a whole Doc at once, for the matcher (tests/nlp/test_tree_match.py)
    if not SpacyToken.has_extension("lemma_lower"):
        SpacyToken.set_extension("lemma_lower", getter=lambda token: token.lemma_.lower())
        EXTENSION_COLUMNS["lemma_lower"] = _lemma_lower_column
    if not SpacyToken.has_extension("forms"):  # form or lemma, as the commitment lexicon matches words
        SpacyToken.set_extension("forms", getter=lambda token: [token.lower_, token.lemma_.lower()])
        EXTENSION_COLUMNS["forms"] = _forms_column


_LOWERED: dict[int, str] = {}  # lemma id -> its lower-cased text (an id names one string)


def _string(doc: Any, string_id: int) -> str:
    return str(doc.vocab.strings[string_id])


def _forms_column(doc: Any, columns: Mapping[str, list[int]]) -> list[list[str]]:
    lowered = _lemma_lower_column(doc, columns)
    return [[_string(doc, lower), low] for lower, low in zip(columns["LOWER"], lowered, strict=True)]


def _lemma_lower_column(doc: Any, columns: Mapping[str, list[int]]) -> list[str]:
    if len(_LOWERED) > 500_000:  # a long-running ingest meets ever new lemmas
        _LOWERED.clear()
    out = []
    for lemma in columns["LEMMA"]:
        low = _LOWERED.get(lemma)
        if low is None:
            low = _LOWERED[lemma] = _string(doc, lemma).lower()
        out.append(low)
    return out


class Grammar:
    """One family's constructions compiled into one ``DependencyMatcher``."""

    def __init__(self, vocab: Any, family: str, lexicon: Mapping[str, frozenset[str]] | None = None,
                 compiled: Sequence[Construction] = ()) -> None:
        """``compiled``: constructions built from a user's data (PETRARCH verb dictionaries),
        tried after the family's own rows."""
        from spacy.matcher import DependencyMatcher

        register_extensions()
        self.family = family
        self.constructions = load_constructions(family) + tuple(compiled)
        from pactwatch.nlp.grammar.tree_match import TreeMatcher

        # spaCy's matcher validates the patterns and is the reference the tests compare with;
        # the TreeMatcher finds the same matches with far less work per article
        self.matcher = DependencyMatcher(vocab)
        self.tree_matcher = TreeMatcher(vocab)
        self._by_key: dict[int, Construction] = {}
        for construction in self.constructions:
            pattern = _expand([dict(node) for node in construction.pattern], lexicon or {})
            self.matcher.add(construction.name, [pattern])
            key = vocab.strings[construction.name]
            self.tree_matcher.add(key, pattern)
            self._by_key[key] = construction
        self._rank = {c.name: i for i, c in enumerate(self.constructions)}
        self._cache_key = f"pactwatch.grammar.{family}"

    def matches(self, doc: Any) -> list[Match]:
        """Every match in the Doc, by anchor position then file order (computed once per Doc)."""
        cached = doc.user_data.get(self._cache_key)
        if cached is not None and cached[0] is self:
            return list(cached[1])
        found: list[Match] = []
        for key, token_ids in self.tree_matcher(doc):
            construction = self._by_key[key]
            tokens = {role: doc[i] for role, i in zip(construction.roles, token_ids, strict=True)}
            found.append(Match(construction, tokens))
        found.sort(key=lambda m: (m.anchor.i, self._rank[m.name], [t.i for t in m.tokens.values()]))
        doc.user_data[self._cache_key] = (self, tuple(found))
        return found

    def by_anchor(self, doc: Any) -> dict[int, list[Match]]:
        """Anchor token index -> its matches whose clause conditions hold, in file order (once per Doc)."""
        key = self._cache_key + ".anchors"
        cached = doc.user_data.get(key)
        if cached is not None and cached[0] is self:
            return cached[1]  # read-only: callers only look up
        out: dict[int, list[Match]] = {}
        for match in self.matches(doc):
            if match.construction.clause_holds(match.anchor):
                out.setdefault(match.anchor.i, []).append(match)
        doc.user_data[key] = (self, out)
        return out

    def triggers(self, doc: Any, start: int, end: int) -> list[Token]:
        """Anchors in tokens [start, end) of the constructions that make a word a trigger."""
        seen: set[int] = set()
        out: list[Token] = []
        for match in self.matches(doc):
            i = match.anchor.i
            if start <= i < end and match.construction.trigger and i not in seen:
                seen.add(i)
                out.append(match.anchor)
        return out
