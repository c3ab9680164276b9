"""The event lexicon: which verbs and nouns name which CAMEO events, and the CAMEO code table.

Rows live in ``data/lexicon/event_verbs.tsv`` and ``event_nouns.tsv`` (our own lexicon) and in
optional PETRARCH verb dictionaries (``pactwatch.nlp.petrarch_verbs``). This module only turns
them into lookup structures; the coder (``pactwatch.nlp.events``) decides what matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pactwatch.data import read_table
from pactwatch.nlp.grammar.words import words

if TYPE_CHECKING:
    from pactwatch.nlp.event_context import ContextTables
    from pactwatch.nlp.grammar.engine import Grammar
    from pactwatch.nlp.petrarch_verbs import VerbDictionary

VERB_TABLE = "lexicon/event_verbs.tsv"
NOUN_TABLE = "lexicon/event_nouns.tsv"
CODE_TABLE = "cameo/codes.tsv"


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class LexEntry:
    """One sense of a trigger word; the coder picks the matching entry with most conditions."""

    lemma: str
    code: str  # "-" = a blocker: the sense is known and deliberately not coded
    pos: str  # "verb" | "noun"
    particle: str = ""
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    negated: str = ""
    flags: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        return bool(self.particle) + bool(self.preps) + 2 * bool(self.objects)

    def label(self) -> str:
        parts = [f"{self.pos}:{self.lemma}"]
        if self.particle:
            parts.append(f"prt:{self.particle}")
        if self.preps:
            parts.append("prep:" + "|".join(sorted(self.preps)))
        if self.objects:
            parts.append("obj:" + "|".join(sorted(self.objects)))
        return "+".join(parts)


def _split(cell: str) -> frozenset[str]:
    """A |-separated cell; an item "@name" stands for every word of that word class
    (data/grammar/word_classes.tsv), so a sense shared by a class of words is one row."""
    items: set[str] = set()
    for part in (p.strip().lower() for p in cell.split("|")):
        if part.startswith("@"):
            items |= words(part[1:])
        elif part:
            items.add(part)
    return frozenset(items)


def _lemmas(cell: str) -> list[str]:
    """The trigger lemmas of a row: one word, or "@name" for every word of a class."""
    return sorted(_split(cell)) if cell.startswith("@") else [cell.lower()]


def load_codes() -> dict[str, CameoCode]:
    return {
        row["code"]: CameoCode(row["code"], row["name"], row["root"], int(row["quad_class"]), float(row["goldstein"]))
        for row in read_table(CODE_TABLE)
    }


def own_entries() -> list[LexEntry]:
    entries = [
        LexEntry(
            lemma=lemma, code=row["code"], pos="verb", particle=row["particle"].lower(),
            preps=_split(row["prep"]), objects=_split(row["objects"]), negated=row["negated"],
            flags=_split(row["flags"].replace(",", "|")),
        )
        for row in read_table(VERB_TABLE) for lemma in _lemmas(row["lemma"])
    ]
    entries += [
        LexEntry(
            lemma=lemma, code=row["code"], pos="noun", preps=_split(row["prep"]),
            objects=_split(row["objects"]), flags=_split(row["flags"].replace(",", "|")),
        )
        for row in read_table(NOUN_TABLE) for lemma in _lemmas(row["lemma"])
    ]
    return entries


@dataclass
class EventLexicon:
    """Trigger lemma -> entries (in priority order), plus the CAMEO code table and PETRARCH verbs."""

    verbs: dict[str, list[LexEntry]] = field(default_factory=dict)
    nouns: dict[str, list[LexEntry]] = field(default_factory=dict)
    codes: dict[str, CameoCode] = field(default_factory=dict)
    petrarch: list[VerbDictionary] = field(default_factory=list)
    context: ContextTables | None = None  # role nouns, titles, capitals for unnamed actors
    _grammars: dict[int, Grammar] = field(default_factory=dict, repr=False, compare=False)

    def grammar(self, vocab: Any) -> Grammar:
        """The event constructions compiled against this lexicon's trigger words (once per vocab)."""
        from pactwatch.nlp.grammar.engine import Grammar

        key = id(vocab)
        if key not in self._grammars:
            self._grammars[key] = Grammar(vocab, "events", self.trigger_words(), self.petrarch_constructions())
        return self._grammars[key]

    def petrarch_constructions(self) -> list[Any]:
        """Each PETRARCH verb dictionary as one construction, ``petrarch.<file name>`` (numbered
        when two files share a name), after the own rows."""
        from pactwatch.nlp.petrarch_verbs import construction

        out = []
        for number, dictionary in enumerate(self.petrarch, 1):
            stem = Path(dictionary.path).stem.lower()
            names = [Path(d.path).stem.lower() for d in self.petrarch]
            out.append(construction(dictionary, f"petrarch.{stem}" + (f".{number}" if names.count(stem) > 1 else "")))
        return out

    def trigger_words(self) -> dict[str, frozenset[str]]:
        """The word sets the event constructions name as ``@lexicon.…``."""
        petrarch = {lemma for d in self.petrarch for lemma in d.lemmas}
        # what "call X a provocation" calls an act (111) also characterises it in "said X was a provocation"
        traits = {w for e in self.verbs.get("call", []) if e.code == "111" for w in e.objects}
        return {"verb_triggers": frozenset(self.verbs) | frozenset(petrarch),
                "noun_triggers": frozenset(self.nouns), "traits": frozenset(traits)}

    @classmethod
    def load(cls, verb_dictionaries: Sequence[Path] = (), use_own: bool = True) -> EventLexicon:
        from pactwatch.nlp.event_context import ContextTables

        lexicon = cls(codes=load_codes(), context=ContextTables.load())
        if use_own:
            for entry in own_entries():
                lexicon.add(entry)
        if verb_dictionaries:
            from pactwatch.nlp.petrarch_verbs import load_verb_dictionary

            lexicon.petrarch = [load_verb_dictionary(Path(p)) for p in verb_dictionaries]
        return lexicon

    def add(self, entry: LexEntry) -> None:
        table = self.verbs if entry.pos == "verb" else self.nouns
        table.setdefault(entry.lemma, []).append(entry)

    def is_trigger(self, lemma: str, pos: str) -> bool:
        lemma = lemma.lower()
        if pos in ("VERB", "AUX"):
            return lemma in self.verbs or any(lemma in d.lemmas for d in self.petrarch)
        if pos in ("NOUN", "PROPN"):
            return lemma in self.nouns
        return False

    def code_info(self, code: str) -> CameoCode | None:
        """The code's row; PETRARCH's non-CAMEO codes fall back to their nearest CAMEO parent."""
        probe = code
        while probe and probe not in self.codes:
            probe = probe[:-1]
        return self.codes.get(probe)
