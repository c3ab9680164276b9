"""Visits the sentence never names as such: the host is read from the place of a joint act.

News often tells a visit only by where something happened: "Russia and Belarus signed the
agreement in Minsk" (Russia came to Belarus), "the leaders met for a summit in Niamey" (Niger
hosted), "X attended the signing ceremony in Manila" (X visited the Philippines), "the prime
minister was received with a guard of honour in Riyadh" (Saudi Arabia hosted). The place is a
capital or a country of the actor tables (``event_context.country_at``). The host must be one of
the parties of a joint act; for a presence ("attended") the place alone names the host. Purpose
clauses and job titles ("Under-Secretary for Asian Affairs") never give a host: only a place
preposition ("in", "at") on the act itself, its object or its meeting noun counts.

One visit is one act: an inferred visit is dropped when the article codes any other root-04 event
between the same two countries (``without_restated_visits``), and only its first inference stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactwatch.nlp.event_context import country_at
from pactwatch.nlp.event_lexicon import LexEntry
from pactwatch.nlp.grammar.engine import Match
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Event, Mention

Token = Any

PLACE_PREPS = words("visit_place_preps")
PRESENCE_VERBS = words("presence_verbs")
RECEPTION_VERBS = words("reception_verbs")
MEETING_NOUNS = words("hosted_meeting_nouns")
MEETING_LIGHT_VERBS = words("meeting_light_verbs")
MEETING_TIME_PREPS = words("meeting_time_preps")
PARTNER_PREPS = words("partner_preps")
VISIT_CONSTRUCTION = "event.visit_by_place"
MAKE_VISIT, HOST_VISIT = "042", "043"


class VisitMixin:
    """The ``visit_by_place`` act; mixed into the sentence coder (needs its actor and clause helpers)."""

    doc: Any
    mentions: list[Mention]
    lexicon: Any
    owner: dict[int, Mention]
    # from the sentence coder's other bases (event_actors, event_clauses) and events.py
    subject_of: Callable[[Token], tuple[list[Mention], Token | None]]
    actors_in: Callable[..., list[Mention]]
    status: Callable[[Token], str]
    adjust: Callable[[LexEntry, str, str], str | None]
    pairs: Callable[..., list[Event]]

    def act_visit_by_place(self, match: Match) -> list[Event] | None:
        anchor = match.anchor
        if self.lexicon.context is None:
            return None
        lemma = anchor.lemma_.lower()
        if anchor.pos_ in ("NOUN", "PROPN"):
            return self._hosted_meeting(anchor)
        if lemma in RECEPTION_VERBS:
            return self._reception(anchor)
        return self._visiting_act(anchor, presence=lemma in PRESENCE_VERBS)

    # -- the three shapes --
    def _visiting_act(self, verb: Token, presence: bool) -> list[Event] | None:
        """"X and Y signed the accord in <Y's capital>": X visits Y (042); "X attended ... in Y": X visits Y."""
        host = self._place_host(verb, [verb] + [c for c in verb.children if c.dep_ == "dobj"])
        if host is None:
            return None
        sources, _ = self.subject_of(verb)
        partners = self._partners(verb)
        if presence:
            guests = [m for m in sources if m.code[:3] != host]
            return self._visit(verb, "verb", MAKE_VISIT, guests, [self._host_mention(verb, host)], verb)
        parties = sources + partners
        hosts = [m for m in parties if m.code[:3] == host]
        guests = [m for m in parties if m.code[:3] != host]
        if not hosts or not guests:
            return None
        return self._visit(verb, "verb", MAKE_VISIT, guests, hosts[:1], verb)

    def _hosted_meeting(self, noun: Token) -> list[Event] | None:
        """"During a summit in <Y's capital>, X and Y signed": Y hosts X (043)."""
        governor = self._meeting_governor(noun)
        places = [noun] + ([governor] if governor is not None and noun.head.i == governor.i else [])
        host = self._place_host(noun, places)
        if host is None:
            return None
        parties = [m for c in noun.children if c.dep_ in ("poss", "compound", "amod") or (
            c.dep_ == "prep" and c.lower_ in PARTNER_PREPS | {"of"}) for m in self.actors_in(c)]
        if governor is not None:
            sources, _ = self.subject_of(governor)
            parties += sources + self._partners(governor)
        hosts = [m for m in parties if m.code[:3] == host]
        guests = [m for m in parties if m.code[:3] != host]
        if not hosts or not guests:
            return None
        return self._visit(noun, "noun", HOST_VISIT, hosts[:1], guests, governor or noun)

    def _reception(self, verb: Token) -> list[Event] | None:
        """"The minister was received with a guard of honour in <Y's capital>": Y hosts him (043)."""
        children = list(verb.children)
        if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
            return None  # an active or agent-named reception is the lexicon's own reading
        # "received with a guard of honour in Riyadh": the place may hang from the manner phrase
        host = self._place_host(verb, [verb] + [p for c in children if c.dep_ == "prep" for p in c.children
                                                if p.dep_ == "pobj"])
        if host is None:
            return None
        guests = [m for c in children if c.dep_ == "nsubjpass" for m in self.actors_in(c) if m.code[:3] != host]
        return self._visit(verb, "verb", HOST_VISIT, [self._host_mention(verb, host)], guests, verb)

    # -- helpers --
    def _place_host(self, anchor: Token, heads: list[Token]) -> str | None:
        """The one country named by a place preposition hanging directly from ``heads``."""
        tables = self.lexicon.context
        found = {c for head in heads for prep in head.children
                 if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS
                 for pobj in prep.children if pobj.dep_ == "pobj"
                 and not (anchor.pos_ == "VERB" and pobj.lemma_.lower() in MEETING_NOUNS)  # its noun hosts
                 and (c := country_at(pobj, tables, self.mentions, self.doc))}
        return next(iter(found)) if len(found) == 1 else None

    def _partners(self, verb: Token) -> list[Mention]:
        """The other side of a joint act: its object ("met Kishida") or its "with" phrase."""
        found: list[Mention] = []
        for child in verb.children:
            if child.dep_ == "dobj":
                found += self.actors_in(child)
                found += [m for c in child.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS
                          for m in self.actors_in(c)]
            elif child.dep_ == "prep" and child.lower_ in PARTNER_PREPS:
                found += self.actors_in(child)
        return found

    @staticmethod
    def _meeting_governor(noun: Token) -> Token | None:
        """The verb whose subject takes part in the meeting: "held / attended a summit", "during the
        summit, X signed"; not a verb that only talks about it ("criticised the summit")."""
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in MEETING_LIGHT_VERBS:
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in MEETING_TIME_PREPS:
            framed = head.head
            if framed.dep_ in ("nsubj", "nsubjpass") and framed.pos_ in ("NOUN", "PROPN"):
                framed = framed.head  # "the leaders of X and Y during a summit in Z signed": the subject's verb
            return framed if framed.pos_ in ("VERB", "AUX") else None
        return None

    @staticmethod
    def _host_mention(trigger: Token, host: str) -> Mention:
        return Mention(trigger.idx, trigger.idx, "", host, "country", "context")

    def _visit(self, trigger: Token, pos: str, code: str, sources: list[Mention], targets: list[Mention],
               clause: Token) -> list[Event]:
        if not sources or not targets:
            return []
        entry = LexEntry(lemma=trigger.lemma_.lower(), code=code, pos=pos, flags=frozenset({"future_intent"}))
        adjusted = self.adjust(entry, code, self.status(clause))
        if adjusted is None:
            return []
        return self.pairs(trigger, entry, adjusted, sources, targets, clause)


def without_restated_visits(events: list[Event]) -> list[Event]:
    """An inferred visit adds nothing when the article codes another root-04 act between the same two
    countries (the visit told outright, the talks held during it), or an earlier inference of it."""
    def pair(e: Event) -> frozenset[str]:
        return frozenset((e.source[:3], e.target[:3]))

    told = {pair(e) for e in events if e.root_code == "04" and e.construction != VISIT_CONSTRUCTION}
    out: list[Event] = []
    for event in events:
        if event.construction == VISIT_CONSTRUCTION:
            if pair(event) in told:
                continue
            told.add(pair(event))
        out.append(event)
    return out
