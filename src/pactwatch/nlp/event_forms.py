"""Acts told by the shape of a phrase rather than by one event word (issue 12, item 14).

* ``phrase_sense``: the construction's pattern itself names the act and ``assigns.code`` its CAMEO
  code: "declared two diplomats persona non grata", "the envoy was ordered to leave within 48
  hours", "told the ambassador to leave" (expelling diplomats: 161, as the CAMEO codebook says
  under 166). The doer is the subject or the passive's agent, else the state the person must
  leave ("ordered to leave Germany"), else the reporter; the target is the person sent away.
* ``occasion_parties``: an agentless joint act ("the agreement was signed") takes its parties from
  the meeting or visit it happened during ("during a meeting between X and Y", "during X's visit to Y");
  with a subject, the occasion gives the other side (``occasion_partners``: "Chile signed the
  treaty during talks with Peru").
* ``left_organisation``: withdrawing from, quitting or leaving an organisation (a mention of that
  kind, or its organs: "all the bodies of the G5 Sahel") reduces relations with it (161).
* ``owned_act``: an act in the infinitive of a decision noun ("Russia's decision to annex
  Crimea", "Latvia's move to expel the envoy", "a decision by France to withdraw its troops") is
  the noun owner's act, coded by the verb's own lexicon sense.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactwatch.nlp.event_lexicon import LexEntry
from pactwatch.nlp.grammar.engine import Match
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Event, Mention

Token = Any
PATIENT_DEPS = words("patient_deps")
SMALL_CLAUSE_DEPS = words("small_clause_deps")  # "declared [diplomats persona non grata]"
OWNER_DEPS = words("act_owner_deps")
AGENT_PREPS = words("agent_preps")
MILITARY_NOUNS = words("military_nouns")
ORGAN_NOUNS = words("organ_nouns")
OCCASION_NOUNS = words("occasion_nouns")
OCCASION_PREPS = words("occasion_preps")
OCCASION_PARTY_PREPS = ("between", "with", "of", "to", "by")  # "a meeting between", "a visit to Y by X"


class FormMixin:
    """The ``phrase_sense`` and ``owned_act`` acts; mixed into the sentence coder."""

    lexicon: Any
    owner: dict[int, Mention]
    subject_of: Callable[[Token], tuple[list[Mention], Token | None]]
    actors_in: Callable[..., list[Mention]]
    speaker_of: Callable[[Token], list[Mention]]
    status: Callable[[Token], str]
    adjust: Callable[[LexEntry, str, str], str | None]
    pairs: Callable[..., list[Event]]
    select: Callable[[Token, list[LexEntry]], LexEntry | None]
    code_verb: Callable[..., list[Event]]

    def act_phrase_sense(self, match: Match, targets: list[Mention] | None = None) -> list[Event] | None:
        verb = match.anchor
        code = match.construction.assigns["code"]
        sources, _ = self.subject_of(verb)
        if targets is None and "target" in match.tokens:  # the pattern names the target's phrase
            targets = self.actors_in(match.tokens["target"])
        found = self._patients(verb) if targets is None else targets
        targets = [m for m in found if m.code not in {s.code for s in sources}]  # a crowd may oppose its own government
        if not targets:
            return None  # the person sent away names no state: not this construction's act
        if not sources:  # "was declared persona non grata by X": the agent may hang from the small clause
            sources = [m for c in verb.children if c.dep_ in SMALL_CLAUSE_DEPS for p in c.children
                       if p.dep_ in ("agent", "prep") and p.lower_ in AGENT_PREPS for m in self.actors_in(p)]
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
        owners = [m for c in noun.children if c.dep_ in OWNER_DEPS or (c.dep_ == "prep" and c.lower_ in AGENT_PREPS)
                  for m in self.actors_in(c)]
        if not owners:
            return None  # "the decision to expel him": whose decision the rows below (the reporter) may say
        return self.code_verb(verb, entry, origin=owners)

    def act_occasion_parties(self, match: Match) -> list[Event] | None:
        """"The agreement was signed during a meeting between X and Y", "the deal was signed during
        X's visit to Y": an agentless joint act names its parties by the occasion it happened at."""
        verb, occasion = match.anchor, match.tokens["occasion"]
        entries = self.lexicon.verbs.get(verb.lemma_.lower(), [])
        entry = self.select(verb, entries) if entries else None
        if entry is None or "reciprocal" not in entry.flags or any(c.dep_ == "agent" for c in verb.children):
            return None  # "signed by X": the agent is the party
        parties = self._occasion_parties(occasion)
        if entry.code[:2] == "04" or len({m.code[:3] for m in parties}) < 2:
            return None  # "this was discussed during talks between X and Y": the talks code the meeting
        code = self.adjust(entry, entry.code, self.status(verb))
        return self.pairs(verb, entry, code, parties, [], verb) if code is not None else []

    def occasion_partners(self, verb: Token, entry: LexEntry, sources: list[Mention]) -> list[Mention]:
        """The other side of a joint act done at a meeting or visit: "Chile signed the treaty during
        talks with Peru" (Peru), not "X and Y signed during a summit with Z"."""
        own = {m.code[:3] for m in sources}
        if "reciprocal" not in entry.flags or len(own) != 1:
            return []  # "X and Y signed ... during a summit with Z": their own act, not Z's
        return [m for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in OCCASION_PREPS
                for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in OCCASION_NOUNS
                for m in self._occasion_parties(o) if m.code[:3] not in own]

    def _occasion_parties(self, occasion: Token) -> list[Mention]:
        return [m for c in occasion.children if c.dep_ in OWNER_DEPS or (
            c.dep_ == "prep" and c.lower_ in OCCASION_PARTY_PREPS) for m in self.actors_in(c)]

    def act_left_organisation(self, match: Match) -> list[Event] | None:
        """"Mali withdrew from ECOWAS", "quit all the bodies of the G5 Sahel", "Burkina Faso left the
        AU": leaving an organisation reduces relations with it (161), whatever it is called; leaving
        a place ("withdrew from Gao") or withdrawing troops stays the lexicon's (0874)."""
        verb = match.anchor
        if any(c.dep_ == "dobj" and c.lemma_.lower() in MILITARY_NOUNS for c in verb.children):
            return None
        heads = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                 for p in c.children if p.dep_ == "pobj"]
        heads += [c for c in verb.children if c.dep_ == "dobj"]
        bodies = [o for h in heads for o in self._organisation(h)]
        if not bodies:
            return None
        return self.act_phrase_sense(match, targets=bodies)

    def _organisation(self, head: Token) -> list[Mention]:
        """The organisation a phrase names itself, or through its organs ("the bodies of the G5 Sahel")."""
        mention = self.owner.get(head.i)
        if mention is not None:
            return [mention] if mention.kind == "organisation" else []
        if head.lemma_.lower() in ORGAN_NOUNS:
            return [m for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj" for m in self._organisation(p)]
        return []

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
