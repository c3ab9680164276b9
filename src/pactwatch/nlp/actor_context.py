"""What one article teaches about its actors, read after the phrase passes of ``actors``.

Persons introduced with a title ("Finnish President Alexander Stubb") are found again by name
("Stubb said"); "the president" takes the one person the article introduced with that title (or
the one holder the leaders table gives for the office that day); a bare role noun
("lawmakers approved") takes the country of its sentence when only one is in play. Mixed into
``actors._Resolver``, whose state these passes read and extend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pactwatch.nlp.actor_match import Hit
from pactwatch.nlp.actor_tables import ActorTables, normalise
from pactwatch.nlp.doc_text import doc_sents
from pactwatch.records import Mention


@dataclass
class Learned:
    """Persons introduced with a title in this article."""

    by_key: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # tokens -> (code, name)
    by_title: dict[str, dict[str, str]] = field(default_factory=dict)  # title -> {name: code}
    by_name: dict[str, str] = field(default_factory=dict)  # canonical name -> code

    def learn(self, name_tokens: list[str], code: str, name: str, title: str) -> None:
        key = tuple(normalise(t) for t in name_tokens)
        self.by_key.setdefault(key, (code, name))
        if len(name_tokens) >= 2 and name_tokens[-2] != "-" and len(name_tokens[-1]) >= 3:
            self.by_key.setdefault((key[-1],), (code, name))  # surname: "Haavisto"
        elif len(name_tokens) >= 4 and name_tokens[-2] == "-" and name_tokens[0][:1].isupper():
            # a hyphenated given name is Korean style, family name first: "Kim Jong-un" -> "Kim"
            self.by_key.setdefault((key[0],), (code, name))
        if title:
            self.by_title.setdefault(title, {}).setdefault(name, code)
            self.by_name.setdefault(name, code)


class ArticlePasses:
    """The passes over what the article has taught (needs the resolver's state below)."""

    doc: Any
    tables: ActorTables
    on: date | None
    mentions: list[Mention]
    learned: Learned
    ent_of: list[Any]
    deferred_roles: list[Hit]
    deferred_titles: list[Hit]

    def emit(self, start_tok: int, end_tok: int, code: str, kind: str, by: str, name: str | None = None) -> None:
        raise NotImplementedError

    def learned_names(self) -> None:
        if not self.learned.by_key:
            return
        covered = {i for m in self.mentions for i in range(m.start, m.end)}
        longest = max(len(k) for k in self.learned.by_key)
        i = 0
        doc = self.doc
        while i < len(doc):
            if not doc[i].text[:1].isupper() or doc[i].idx in covered:
                i += 1
                continue
            for length in range(min(longest, len(doc) - i), 0, -1):
                key = tuple(normalise(t.text) for t in doc[i : i + length])
                found = self.learned.by_key.get(key)
                if found and not any(c in covered for c in range(doc[i].idx, doc[i + length - 1].idx + 1)):
                    ent = self.ent_of[i]
                    if length == 1 and ent is not None and ent.label_ not in ("PERSON",) and ent.end - ent.start > 1:
                        continue
                    self.emit(i, i + length, found[0], "person", "title", found[1])
                    i += length - 1
                    break
            i += 1

    def sentence_context(self) -> None:
        if not self.deferred_roles:
            return
        sents = doc_sents(self.doc) if self.doc.has_annotation("SENT_START") else [self.doc[:]]
        countries: list[set[str]] = []
        for sent in sents:
            found = {
                m.code[:3]
                for m in self.mentions
                if sent.start_char <= m.start < sent.end_char and m.code[:3] in self.tables.countries
            }
            countries.append(found)
        for hit in self.deferred_roles:
            if self.doc[hit.end - 1].dep_ in ("amod", "compound", "nmod"):
                continue  # "military cooperation": the noun only modifies another noun
            idx = next(n for n, s in enumerate(sents) if s.start <= hit.start < s.end)
            here = countries[idx]
            pool = here if here else (countries[idx - 1] if idx > 0 else set())
            if len(pool) == 1:
                entry = hit.first("role")
                assert entry is not None
                country = next(iter(pool))
                code = country if entry.role == "-" else country + entry.role
                self.emit(hit.start, hit.end, code, "role", "table")

    def descriptions(self) -> None:
        for hit in self.deferred_titles:
            entry = hit.entries[0]
            title = entry.office
            if entry.code:
                named = {n: c for n, c in self.learned.by_title.get(title, {}).items() if c == entry.code}
                name = next(iter(named)) if len(named) == 1 else None
                if name is None and entry.code[3:] != "ELI":
                    holders = {t.name for t in self.tables.holders(entry.code, title, self.on)}
                    name = next(iter(holders)) if len(holders) == 1 else None
                self.emit(hit.start, hit.end, entry.code, "description", "title", name)
            else:
                people = self.learned.by_title.get(title, {})
                if len(people) == 1:
                    name, code = next(iter(people.items()))
                    self.emit(hit.start, hit.end, code, "description", "title", name)
