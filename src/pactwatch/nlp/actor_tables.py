"""The actor tables (``data/actors/*.tsv`` plus optional Phoenix dictionaries) as one lookup object.

Every table row becomes one or more *phrase entries*, indexed by the normalised tokens of the
phrase, so the resolver can find all of them with one longest-match scan over a Doc. The tables
are tokenised with spaCy's English tokenizer so that phrases split exactly like article text
("Kim Jong-un" -> Kim / Jong / - / un; "Turkey's" -> Turkey / 's).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from pactwatch.data import read_table
from pactwatch.nlp.phoenix import DatedCode, read_dictionary

ROLE_CODES = frozenset(
    "GOV MIL LEG COP JUD SPY OPP PTY REB SEP INS UAF MED BUS CVL LAB EDU HLH REF ELI AGR DEV ENV HRI CRM".split()
)
OFFICES = frozenset(
    "head_of_state head_of_government foreign_minister defence_minister party_leader secretary_general".split()
)
# Letters that Unicode decomposition does not reduce to ASCII.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss",
                       "’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, no diacritics: the key every phrase is matched on."""
    low = text.lower()
    if low.isascii():
        return low
    low = low.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Entry:
    """What one phrase can mean. ``kind`` decides which other fields are used."""

    kind: str  # country demonym capital seat org org_demonym role body title leader discard dict_actor dict_agent
    code: str = ""  # ISO3, organisation code, full actor code (seats, bodies) or agent pattern
    role: str = ""  # roles and titles: GOV, MIL, ... ("-" = bare country)
    rank: int = 0
    office: str = ""
    ambiguous: bool = False
    exact: tuple[str, ...] | None = None  # case-sensitive token texts, when the alias is e.g. "WHO"
    proper: bool = False  # needs a capitalised first token ("Turkey", not "turkey")
    context: bool = False  # bare role noun may take its country from the sentence
    start: date | None = None
    end: date | None = None
    person: str = ""  # leaders: canonical name
    short: bool = False  # leaders: a one-word alias ("Putin"), accepted only with support
    dated: tuple[DatedCode, ...] = ()
    builtin: bool = True

    def valid_on(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Term:
    """One leaders.tsv row."""

    name: str
    code: str
    office: str
    titles: tuple[str, ...]
    start: date
    end: date | None

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@dataclass(frozen=True)
class ActorTables:
    """Immutable lookup tables; build once with :meth:`load` and pass to ``find_mentions``."""

    phrases: Mapping[tuple[str, ...], tuple[Entry, ...]]
    max_len: Mapping[str, int]  # first token -> longest phrase starting with it
    countries: Mapping[str, str]  # ISO3 -> canonical name
    organisations: Mapping[str, str]  # code -> name
    terms: Mapping[str, tuple[Term, ...]]  # canonical person name -> terms
    problems: tuple[str, ...] = field(default=())  # dictionary lines that could not be read

    @classmethod
    def load(
        cls,
        dictionaries: Sequence[Path] = (),
        tokenize: Callable[[str], list[str]] | None = None,
    ) -> ActorTables:
        """Read the shipped tables and any Phoenix/PETRARCH dictionaries (``resolved_by="dictionary"``)."""
        if tokenize is None:
            tokenize = _spacy_tokenizer()
        builder = _IndexBuilder(tokenize)
        countries = _load_countries(builder)
        organisations = _load_organisations(builder)
        _load_places(builder)
        _load_territories(builder)
        _load_roles(builder)
        _load_titles(builder)
        terms = _load_leaders(builder)
        for row in read_table("actors/discards.tsv"):
            builder.add(row["text"], Entry("discard"))
        problems: list[str] = []
        for path in dictionaries:
            parsed = read_dictionary(Path(path))
            problems.extend(parsed.problems)
            for actor in parsed.actors:
                for name in actor.names:
                    builder.add(name, Entry("dict_actor", dated=actor.codes, builtin=False), case=False)
            for agent in parsed.agents:
                for name in agent.names:
                    builder.add(name, Entry("dict_agent", code=agent.pattern, builtin=False), case=False)
        return cls(
            phrases=MappingProxyType({k: tuple(v) for k, v in builder.index.items()}),
            max_len=MappingProxyType(dict(builder.max_len)),
            countries=MappingProxyType(countries),
            organisations=MappingProxyType(organisations),
            terms=MappingProxyType(terms),
            problems=tuple(problems),
        )

    def holders(self, code: str, title: str, on: date | None) -> list[Term]:
        """Leaders of ``code`` (ISO3 or organisation) known by ``title`` on a date."""
        found = []
        for terms in self.terms.values():
            for term in terms:
                if term.code[:3] != code[:3] and term.code != code:
                    continue
                if title not in term.titles:
                    continue
                if (on is None and term.end is None) or (on is not None and term.covers(on)):
                    found.append(term)
        return found


def _spacy_tokenizer() -> Callable[[str], list[str]]:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return lambda text: [token.text for token in tokenizer(text)]


class _IndexBuilder:
    def __init__(self, tokenize: Callable[[str], list[str]]) -> None:
        self.tokenize = tokenize
        self.index: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        self.max_len: dict[str, int] = {}

    def add(self, text: str, entry: Entry, case: bool = True) -> None:
        """Index ``text``; all-capital aliases ("WHO", "AU", "MP") only match in that case."""
        tokens = self.tokenize(text)
        if not tokens:
            return
        letters = [c for c in text if c.isalpha()]
        if case and len(letters) >= 2 and all(c.isupper() for c in letters) and entry.exact is None:
            entry = _replace(entry, exact=tuple(tokens))
        key = tuple(normalise(t) for t in tokens)
        if entry not in self.index[key]:
            self.index[key].append(entry)
        if len(key) > self.max_len.get(key[0], 0):
            self.max_len[key[0]] = len(key)


def _replace(entry: Entry, **changes: object) -> Entry:
    from dataclasses import replace

    return replace(entry, **changes)  # type: ignore[arg-type]


def _load_countries(builder: _IndexBuilder) -> dict[str, str]:
    names = {}
    for row in read_table("actors/countries.tsv"):
        code, ambiguous = row["code"], row["ambiguous"] == "1"
        names[code] = row["name"]
        for name in [row["name"], *_split(row["aliases"])]:
            builder.add(name, Entry("country", code=code, ambiguous=ambiguous, proper=True))
            if name.lower().startswith("the "):
                continue
            if name.startswith(("Republic", "Kingdom", "State", "Federal", "Democratic", "People")):
                builder.add("the " + name, Entry("country", code=code, proper=False))
        for demonym in _split(row["demonyms"]):
            builder.add(demonym, Entry("demonym", code=code, ambiguous=ambiguous, proper=True))
    return names


def _load_organisations(builder: _IndexBuilder) -> dict[str, str]:
    names = {}
    for row in read_table("actors/organisations.tsv"):
        code = row["code"]
        names[code] = row["name"]
        for name in [row["name"], *_split(row["aliases"])]:
            builder.add(name, Entry("org", code=code, proper=True))
        for demonym in _split(row["demonyms"]):
            builder.add(demonym, Entry("org_demonym", code=code, proper=True))
    return names


def _load_places(builder: _IndexBuilder) -> None:
    for row in read_table("actors/places.tsv"):
        builder.add(
            row["text"],
            Entry(row["kind"], code=row["code"], ambiguous=row["ambiguous"] == "1", proper=True),
        )


def _load_territories(builder: _IndexBuilder) -> None:
    # a territory is read as a capital is: a party only in an actor's position ("annexed Crimea"),
    # never as the place of an act ("drills in Crimea"); its code is the state's (territories.tsv)
    for row in read_table("actors/territories.tsv"):
        builder.add(row["text"], Entry("capital", code=row["code"], ambiguous=row["ambiguous"] == "1", proper=True))


def _load_roles(builder: _IndexBuilder) -> None:
    for row in read_table("actors/roles.tsv"):
        exact = row["case"] == "exact"
        kind = "body" if row["country"] else "role"
        entry = Entry(
            kind,
            code=row["country"],
            role=row["role"],
            context=row["context"] == "1",
            start=_date(row["start"]),
            end=_date(row["end"]),
            exact=tuple(builder.tokenize(row["text"])) if exact else None,
            proper=kind == "body" and row["text"][:1].isupper(),
        )
        builder.add(row["text"], entry, case=False)


def _load_titles(builder: _IndexBuilder) -> None:
    for row in read_table("actors/titles.tsv"):
        builder.add(
            row["title"],
            Entry("title", role=row["role"], rank=int(row["rank"]), office=row["office"]),
        )


def _load_leaders(builder: _IndexBuilder) -> dict[str, tuple[Term, ...]]:
    terms: dict[str, list[Term]] = defaultdict(list)
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in read_table("actors/leaders.tsv"):
        name = row["name"]
        term = Term(
            name=name,
            code=row["code"],
            office=row["office"],
            titles=tuple(normalise(t) for t in _split(row["titles"])),
            start=date.fromisoformat(row["start"]),
            end=_date(row["end"]),
        )
        terms[name].append(term)
        aliases[name].update([name, *_split(row["aliases"])])
    for name in sorted(aliases):
        for alias in sorted(aliases[name]):
            short = len(builder.tokenize(alias)) == 1
            builder.add(alias, Entry("leader", person=name, short=short, proper=True), case=False)
    return {name: tuple(sorted(found, key=lambda t: t.start)) for name, found in terms.items()}


def iter_entries(tables: ActorTables, kinds: Iterable[str]) -> Iterable[tuple[tuple[str, ...], Entry]]:
    """All (phrase key, entry) pairs of the given kinds, for tests and diagnostics."""
    wanted = set(kinds)
    for key, entries in tables.phrases.items():
        for entry in entries:
            if entry.kind in wanted:
                yield key, entry
