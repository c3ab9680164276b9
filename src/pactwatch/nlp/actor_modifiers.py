"""Where a title, role or name takes its country from: the modifier beside it and the name after it.

"Russian President Vladimir Putin", "Turkey's parliament", "the president of Kenya", "soldiers
from Gondor": the passes of ``actors`` ask these lookups for the modifier hit left of a title or
role (through gap words such as "former"), the country of an "of" phrase, the code a modifier
gives with a role, and the end of a person name. Mixed into ``actors._Resolver``, whose state
(declared below) they read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pactwatch.nlp.actor_match import Hit
from pactwatch.nlp.actor_tables import ActorTables, Entry, normalise
from pactwatch.nlp.grammar.words import words
from pactwatch.nlp.phoenix import NULL_CODES, DatedCode

MODIFIER_KINDS = ("country", "demonym", "capital", "seat", "org", "org_demonym", "body", "dict_actor")
_FORMER = words("former_markers")
_STANCE = words("stance_prefixes")
_HYPHENS = words("name_hyphens")


class ModifierLookup:
    """The lookups over the phrase hits (needs the resolver's state below)."""

    doc: Any
    tables: ActorTables
    on: date | None
    hits: list[Hit]
    at: dict[int, Hit]
    used: set[int]  # indexes into hits already explained
    ent_of: list[Any]

    def index(self, hit: Hit) -> int:
        return self.hits.index(hit)

    def left_modifier(self, k: int) -> tuple[Hit | None, bool]:
        """The modifier hit left of hit ``k`` (through allowed gap words) and whether "former" occurs."""
        start = self.hits[k].start
        j = start - 1
        former = False
        while j >= 0 and j not in self.at_end():
            word = normalise(self.doc[j].text)
            if word in _FORMER:
                former = True
            elif word not in words("actor_modifier_gap"):
                return None, self._former_before(start)
            j -= 1
        if j < 0:
            return None, former
        hit = self.at_end()[j]
        if hit.first(*MODIFIER_KINDS) is None or self.index(hit) in self.used or self._stance(hit.start):
            return None, former
        return hit, former or self._former_before(hit.start)

    def _stance(self, tok: int) -> bool:
        """Whether the word at ``tok`` follows a stance prefix ("pro-European"): a stance, not an affiliation."""
        return tok >= 2 and self.doc[tok - 1].text in _HYPHENS and normalise(self.doc[tok - 2].text) in _STANCE

    def _former_before(self, tok: int) -> bool:
        return tok > 0 and normalise(self.doc[tok - 1].text) in _FORMER

    def at_end(self) -> dict[int, Hit]:
        if not hasattr(self, "_at_end"):
            self._at_end = {hit.end - 1: hit for hit in self.hits}
        return self._at_end

    def of_country(self, end_tok: int) -> Hit | None:
        """A modifier hit in "<title/role> of <Country>"."""
        if end_tok + 1 < len(self.doc) and self.doc[end_tok].lower_ in words("genitive_preps"):
            j = end_tok + 1
            if self.doc[j].lower_ in words("definite_article"):
                j += 1
            hit = self.at.get(j)
            if hit is not None and hit.first("country", "org", "body") is not None:
                if self.doc[hit.end - 1].dep_ in ("compound", "amod"):
                    return None  # "leadership of the Haiti force": the country only modifies
                return hit
        return None

    def modifier_code(self, hit: Hit, role: str) -> str | None:
        entry = hit.first(*MODIFIER_KINDS)
        assert entry is not None
        if entry.kind in ("country", "demonym"):
            return entry.code if role in ("-", "") else entry.code + role
        if entry.kind == "capital" and entry.code[:3] in self.tables.countries:
            return entry.code[:3] if role in ("-", "") else entry.code[:3] + role
        if entry.kind == "capital":
            return entry.code  # "Brussels" stands for the EU
        if entry.kind in ("seat", "org", "org_demonym"):
            return entry.code
        if entry.kind == "body":
            return entry.code + entry.role if entry.role != "-" else entry.code
        code = dict_code(entry.dated, self.on)
        if code is None:
            return None
        # A user dictionary's three-letter actor is a country-level actor even when our own
        # country table does not know it ("Breland government" -> BRELGOV, as PETRARCH codes it).
        return code + role if len(code) == 3 and role not in ("-", "") else code

    def dict_agent_code(self, mod: Hit, hit: Hit) -> str | None:
        """A dictionary actor with a dictionary agent ("Arnor's foreign minister" -> ARNGOVFRM).

        The user's agent pattern wins over our own role for the user's own actors, so codes stay
        those of the dictionaries the user chose; None when either side is not from a dictionary.
        """
        agent = hit.first("dict_agent")
        entry = mod.first(*MODIFIER_KINDS)
        if agent is None or entry is None or entry.kind != "dict_actor":
            return None
        base = self.modifier_code(mod, "-")
        if base is None:
            return None
        pattern = agent.code
        return pattern.replace("~", base[:3], 1) if pattern.endswith("~") else base[:3] + pattern.lstrip("~")

    def agent_of(self, hit: Hit) -> Hit | None:
        """The dictionary actor in "<agent> of/in/from <actor>" ("soldiers from Gondor")."""
        if hit.first("dict_agent") is None:
            return None
        j = hit.end
        if j + 1 >= len(self.doc) or self.doc[j].lower_ not in words("agent_origin_preps"):
            return None
        j += 1
        if self.doc[j].lower_ in words("definite_article"):
            j += 1
        after = self.at.get(j)
        if after is None or after.first("dict_actor") is None or self.index(after) in self.used:
            return None
        return after

    def name_after(self, tok: int) -> tuple[int, Entry | None] | None:
        """End token of a person name starting at ``tok`` and its leader entry, if any."""
        if tok >= len(self.doc):
            return None
        hit = self.at.get(tok)
        if hit is not None:
            leader = hit.first("leader")
            if leader is not None and hit.first("title") is None:
                return hit.end, leader
            if hit.first("discard", "title", "role", "body") is not None or leader is None:
                ent = self.ent_of[tok]
                if not (ent is not None and ent.label_ == "PERSON" and ent.start == tok):
                    return None
        ent = self.ent_of[tok]
        if ent is not None and ent.label_ == "PERSON" and ent.start == tok:
            return ent.end, None
        end = tok
        while end < len(self.doc) and end - tok < 5:
            token = self.doc[end]
            if token.pos_ == "PROPN" and token.text[:1].isupper():
                end += 1
            elif token.text in _HYPHENS and end > tok and end + 1 < len(self.doc) and self.doc[end + 1].is_alpha:
                end += 2
            else:
                break
        return (end, None) if end > tok else None


def dict_code(dated: tuple[DatedCode, ...], on: date | None) -> str | None:
    from pactwatch.nlp.phoenix import ActorEntry

    code = ActorEntry((), dated, 0).code_on(on)
    if code is None or code in NULL_CODES:
        return None
    return code

