"""Whether a place or an ambiguous country name is an actor where it stands.

A capital acts as its government only as subject, object, possessor or in "talks with/between"
("Seoul said", not "in Pyongyang"); a country name that is also a person's name ("Niger",
"Chad") is the country when nothing in the article makes it a name. Mixed into
``actors._Resolver``, whose state (declared below) these tests read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactwatch.nlp.actor_match import Hit
from pactwatch.nlp.actor_tables import Entry
from pactwatch.nlp.grammar.words import words

_ACTOR_DEPS = words("capital_actor_deps")
_ACTOR_PREPS = words("capital_actor_preps")
_PLACE_PREPS = words("place_name_preps")
_LIST_JOINERS = words("list_joiners")


class PlaceTests:
    """Tests of a hit's position and sense (needs the resolver's state below)."""

    doc: Any
    hits: list[Hit]
    at: dict[int, Hit]
    ent_of: list[Any]
    at_end: Callable[[], dict[int, Hit]]  # from actor_modifiers.ModifierLookup

    def _inside_other_person(self, hit: Hit) -> bool:
        """"Israel" in "Israel Katz" when spaCy reads a longer person name."""
        ent = self.ent_of[hit.start]
        return ent is not None and ent.label_ == "PERSON" and (ent.start < hit.start or ent.end > hit.end)

    def _not_person_or_org(self, hit: Hit) -> bool:
        ent = self.ent_of[hit.start]
        if ent is None:
            return True
        inside = ent.start >= hit.start and ent.end <= hit.end
        return ent.label_ not in ("PERSON", "ORG", "FAC", "WORK_OF_ART") and inside

    def _country_by_context(self, hit: Hit, entry: Entry) -> bool:
        """An ambiguous country name that spaCy reads as a person or organisation on its own
        ("Niger" as PERSON) is the country when nothing makes it a person's name: the entity is
        exactly the name (not "Chad Smith"), the article never uses it inside a longer person
        name, and the name stands where a country does — in a list with another country
        ("Burkina Faso, Mali and Niger"), after a place preposition ("from Niger"), in an actor
        position (subject, object, possessor) — or is the country elsewhere in the same article."""
        if not self._bare_name(hit) or entry.code in self._person_names():
            return False
        if self._country_position(hit, entry.code):
            return True
        if not hasattr(self, "_confirmed"):  # one sense per article, worked out once
            self._confirmed = {
                e.code for h in self.hits for e in h.entries
                if e.kind == "country" and e.ambiguous and not self._inside_other_person(h)
                and (self._not_person_or_org(h) or (self._bare_name(h) and self._country_position(h, e.code)))
            }
        return entry.code in self._confirmed

    def _person_names(self) -> set[str]:
        """Codes of ambiguous country names this article uses inside a longer person name."""
        if not hasattr(self, "_persons"):
            self._persons = {e.code for h in self.hits for e in h.entries
                             if e.kind == "country" and e.ambiguous and self._inside_other_person(h)}
        return self._persons

    def _bare_name(self, hit: Hit) -> bool:
        """spaCy's entity is the name alone, or a run of country names ("Niger and Chad")."""
        ent = self.ent_of[hit.start]
        if ent is None or (ent.start == hit.start and ent.end == hit.end):
            return True
        in_country = {i for h in self.hits if h.first("country") is not None for i in range(h.start, h.end)}
        return all(i in in_country or self.doc[i].lower_ in _LIST_JOINERS for i in range(ent.start, ent.end))

    def _country_position(self, hit: Hit, code: str) -> bool:
        if self.doc.has_annotation("DEP"):
            token = self.doc[hit.start : hit.end].root
            for _ in range(4):  # "leave Niger and Chad": the coordination's position
                if token.dep_ != "conj" or token.head is token:
                    break
                token = token.head
            if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
                return True
            if token.dep_ in _ACTOR_DEPS:
                return True
        # a surface list: "Mali, and Niger", "Chad, Niger and Sudan" (the parser often garbles these)
        j = hit.start - 1
        while j >= 0 and self.doc[j].lower_ in _LIST_JOINERS:
            j -= 1
        if j < hit.start - 1 and self._listed_country(self.at_end().get(j), code):
            return True
        j = hit.end
        while j < len(self.doc) and self.doc[j].lower_ in _LIST_JOINERS:
            j += 1
        return j > hit.end and self._listed_country(self.at.get(j), code)

    @staticmethod
    def _listed_country(near: Hit | None, code: str) -> bool:
        return near is not None and any(e.kind == "country" and not e.ambiguous and e.code != code
                                        for e in near.entries)

    def _followed_by_name(self, hit: Hit) -> bool:
        return hit.end < len(self.doc) and self.doc[hit.end].pos_ == "PROPN" and self.doc[hit.end].text[:1].isupper()

    def _acts(self, hit: Hit) -> bool:
        """Whether a place is an actor here: subject, object, possessor, or "talks with/between"."""
        if not self.doc.has_annotation("DEP"):
            return False
        token = self.doc[hit.start : hit.end].root
        for _ in range(4):  # climb through coordination: "Seoul and Tokyo"
            if token.dep_ != "conj" or token.head is token:
                break
            token = token.head
        if token.dep_ in _ACTOR_DEPS:
            return True
        if token.dep_ == "pobj":
            return token.head.lower_ in _ACTOR_PREPS
        return False
