"""Acts told by the shape of a phrase rather than by one event word (issue 12, item 14).

* ``phrase_sense``: the construction's pattern itself names the act and ``assigns.code`` its CAMEO
  code: "declared two diplomats persona non grata", "the envoy was ordered to leave within 48
  hours", "told the ambassador to leave" (expelling diplomats: 161, as the CAMEO codebook says
  under 166). The doer is the subject or the passive's agent, else the state the person must
  leave ("ordered to leave Germany"), else the reporter; the target is the person sent away.
* ``owned_act``: an act in the infinitive of a decision noun ("Russia's decision to annex
  Crimea", "Latvia's move to expel the envoy", "a decision by France to withdraw its troops") is
  the noun owner's act, coded by the verb's own lexicon sense.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactwatch.nlp.event_lexicon import LexEntry
from pactwatch.nlp.grammar.engine import Match
from pactwatch.records import Event, Mention

Token = Any
PATIENT_DEPS = ("nsubjpass", "dobj", "dative")
SMALL_CLAUSE_DEPS = ("ccomp", "oprd", "xcomp", "dobj", "attr")  # "declared [diplomats persona non grata]"
OWNER_DEPS = ("poss", "compound", "amod")


class FormMixin:
    """The ``phrase_sense`` and ``owned_act`` acts; mixed into the sentence coder."""

    lexicon: Any
    subject_of: Callable[[Token], tuple[list[Mention], Token | None]]
    actors_in: Callable[..., list[Mention]]
    speaker_of: Callable[[Token], list[Mention]]
    status: Callable[[Token], str]
    adjust: Callable[[LexEntry, str, str], str | None]
    pairs: Callable[..., list[Event]]
    select: Callable[[Token, list[LexEntry]], LexEntry | None]
    code_verb: Callable[..., list[Event]]

    def act_phrase_sense(self, match: Match) -> list[Event] | None:
        verb = match.anchor
        code = match.construction.assigns["code"]
        sources, _ = self.subject_of(verb)
        targets = [m for m in self._patients(verb) if m.code[:3] not in {s.code[:3] for s in sources}]
        if not targets:
            return None  # the person sent away names no state: not this construction's act
        if not sources:  # "was declared persona non grata by X": the agent may hang from the small clause
            sources = [m for c in verb.children if c.dep_ in SMALL_CLAUSE_DEPS for p in c.children
                       if p.dep_ in ("agent", "prep") and p.lower_ == "by" for m in self.actors_in(p)]
        if not sources:
            sources = self._left_state(match) or self.speaker_of(verb)
        entry = LexEntry(lemma=verb.lemma_.lower(), code=code, pos="verb")
        adjusted = self.adjust(entry, code, self.status(verb))
        if adjusted is None or not sources:
            return []
        return self.pairs(verb, entry, adjusted, sources, targets, verb)

    def act_owned_act(self, match: Match) -> list[Event] | None:
        verb, noun = match.anchor, match.tokens["decision"]
        entries = self.lexicon.verbs.get(verb.lemma_.lower(), [])
        entry = self.select(verb, entries) if entries else None
        if entry is None:
            return None
        owners = [m for c in noun.children if c.dep_ in OWNER_DEPS or (c.dep_ == "prep" and c.lower_ == "by")
                  for m in self.actors_in(c)]
        if not owners:
            return None  # "the decision to expel him": whose decision the rows below (the reporter) may say
        return self.code_verb(verb, entry, origin=owners)

    def _patients(self, verb: Token) -> list[Mention]:
        """Who undergoes the act: the verb's object or passive subject, or the subject of the small
        clause it governs ("declared [two Russian diplomats] persona non grata")."""
        found: list[Mention] = []
        for child in verb.children:
            if child.dep_ in PATIENT_DEPS:
                found += self.actors_in(child)
            elif child.dep_ in SMALL_CLAUSE_DEPS:
                found += [m for c in child.children if c.dep_ in ("nsubj", "nsubjpass") for m in self.actors_in(c)]
        return found

    def _left_state(self, match: Match) -> list[Mention]:
        """"Was ordered to leave Germany": the state the person must leave sends them away."""
        leave = match.tokens.get("leave")
        if leave is None:
            return []
        return [m for c in leave.children if c.dep_ == "dobj" for m in self.actors_in(c)]
