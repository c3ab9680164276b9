"""Acts named by a noun ("sanctions on X", "talks with Y", "X's visit"), for the event coder.

The noun's own phrase gives the parties first (its owner or "by" phrase is the source, a
preposition of its entry the target); otherwise the verb that governs it ("imposed sanctions on
Russia", "held talks with X") supplies them. That verb also sets the clause status ("promised to
continue military aid" is intended) or consumes the noun ("lifted a curfew" codes by the verb's
own sense). Mixed into the sentence coder of ``events``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pactwatch.nlp.event_actors import distinct_codes
from pactwatch.nlp.event_force import aimed_at
from pactwatch.nlp.event_lexicon import EventLexicon, LexEntry
from pactwatch.nlp.event_pairs import NO_TARGET
from pactwatch.nlp.grammar.clauses import NEGATING_GOVERNORS
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token

CALLING_OFF = words("calling_off_nouns")
EFFORT_NOUNS = words("effort_nouns")
REACTION_ROOTS = words("reaction_roots")
COMPARISON_PREPS = words("comparison_preps")
INTENT_GOVERNORS = words("intent_governors")
PARTICIPATION_VERBS = words("participation_verbs")
AID_PLANNING_VERBS = words("aid_planning_verbs")
CONTRACT_NOUNS = words("contract_nouns")
PROSPECT_NOUNS = words("prospect_nouns")
COPULAS = words("copulas")
OF = words("genitive_preps")
HYPOTHETICAL_NOUNS = words("hypothetical_nouns")
AGENT_PREPS = words("agent_preps")
TERMS_PREPS = words("terms_preps")
ORIGIN_PREPS = words("participant_origin_preps")
JOINT_DRILL = "062"  # a drill of several states together is military cooperation (flag joint_when_shared)


class NounMixin:
    """Noun-named acts; mixed into the sentence coder (needs the actor, clause and pair mixins)."""

    lexicon: EventLexicon
    owner: dict[int, Mention]
    borrowed: set[int]
    status: Callable[[Token], str]
    select: Callable[[Token, list[LexEntry]], LexEntry | None]
    adjust: Callable[[LexEntry, str, str], str | None]
    reaction: Callable[[Token, Token], tuple[list[Mention], list[Mention]] | None]
    actors_in: Callable[..., list[Mention]]
    subject_of: Callable[[Token], tuple[list[Mention], Token | None]]
    speaker_of: Callable[[Token], list[Mention]]
    force_without_performer: Callable[[str, Token | None], bool]
    left_place: Callable[[Token, Token, list[Mention]], list[Mention]]
    pairs: Callable[..., list[Event]]

    def code_noun(self, noun: Token, entry: LexEntry) -> list[Event]:
        governor = self.governing_verb(noun)
        if "needs_verb" in entry.flags and (governor is None or (
                noun.dep_ == "compound" and noun.head.lemma_.lower() not in EFFORT_NOUNS)):
            return []  # "riot troops", "strike aircraft": the noun only modifies another noun
        if "needs_verb" in entry.flags and governor is not None and governor.lemma_.lower() in COPULAS \
                and noun.dep_ == "nsubj":
            return []  # "the drills were a threat": the act is being talked about; what it is called codes
        state = self.status(governor) if governor is not None else self.status(noun)
        if noun.dep_ == "pobj" and noun.head.lower_ in OF and noun.head.head.lemma_.lower() in HYPOTHETICAL_NOUNS:
            state = "unreal"  # "in case of an attack on X"
        elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in CALLING_OFF:
            state = "negated"  # "the cancellation of the president's visit" (but "at the end of a visit": it was)
        if governor is not None and self.verb_consumes(governor, noun, entry):
            return []  # "lifted a curfew" is not a curfew: the verb's own sense codes the act
        if governor is not None and governor.lemma_.lower() in NEGATING_GOVERNORS:
            state = "negated"
        elif governor is not None and governor.lemma_.lower() in INTENT_GOVERNORS and state == "fact":
            state = "future"
        elif governor is not None and state == "fact" and entry.code.startswith("07") and noun.head.i == governor.i \
                and governor.dep_ == "xcomp" and governor.head.lemma_.lower() in INTENT_GOVERNORS:
            state = "future"  # "promised to continue military aid": aid promised
        elif governor is not None and state == "fact" and (self.through_prospect(noun, governor) or (
                entry.code.startswith("07") and governor.lemma_.lower() in AID_PLANNING_VERBS)):
            state = "future"  # "cleared the way for talks", "announced an aid package for X": intended
        if state == "future" and governor is not None and self.under_contract(governor):
            state = "fact"  # "under the deal, X will provide ...": agreed, not merely intended
        code = self.adjust(entry, entry.code, state)
        if code is None:
            return []
        sources: list[Mention] = []
        targets: list[Mention] = []
        reaction = self.reaction(noun, governor) if governor is not None and code[:2] in REACTION_ROOTS else None
        if reaction is not None:  # "X's move drew a rebuke from Y": Y rebukes X; unnamed giver or act owner: none
            return self.pairs(noun, entry, code, *reaction, governor) if all(reaction) else []
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.i in self.owner):
                sources += self.actors_in(child)
            elif child.dep_ == "prep" and child.lower_ not in entry.preps and (
                    child.lower_ in AGENT_PREPS or (child.lower_ in ORIGIN_PREPS and entry.code.startswith("04"))):
                sources += self.actors_in(child)
            elif child.dep_ == "prep" and (not entry.preps or child.lower_ in entry.preps) \
                    and child.lower_ not in COMPARISON_PREPS:
                targets += self.actors_in(child)
            elif child.dep_ == "amod" and child.i in self.owner:  # "Russian sanctions"? owner, not target
                sources += self.actors_in(child)
        if not targets:  # "airstrikes targeting sites in X", "launched raids on Sunday targeting X"
            targets = [m for phrase in aimed_at(noun) for m in self.actors_in(phrase) if m not in sources]
        if not sources and governor is not None and noun.dep_ == "nsubj" \
                and governor.lemma_.lower() in PARTICIPATION_VERBS:
            sources, places = self.participants(governor)  # "the drills involve units from X and Y near Z"
            targets = targets or places
        if not sources and self.force_without_performer(code, governor):
            return []  # "agreed to treat an attack on one as an attack on both": nobody attacked (event_force)
        if not sources and governor is not None:
            sources, _ = self.subject_of(governor)
        if not sources:
            sources = self.speaker_of(noun)
            self.borrowed.add(noun.i)
        if not targets and governor is not None and entry.code[:2] == "07":  # "supplied Moscow with packages of shells"
            targets = [m for c in governor.children if c.dep_ in ("dobj", "dative") and c.i != noun.i
                       and noun not in c.subtree for m in self.actors_in(c)]
        if not targets and governor is not None and code[:2] in ("16", "19", "15", "17", "07"):
            targets = [m for m in self.actors_in(noun, stop={"relcl"}) if m not in sources]
        if not targets and governor is not None:  # "imposed sanctions on Russia", "held talks with X"
            for child in governor.children:
                if child.dep_ == "prep" and (not entry.preps or child.lower_ in entry.preps) \
                        and child.lower_ not in COMPARISON_PREPS:
                    targets += self.actors_in(child)
                elif child.dep_ == "dative" and entry.code[:2] == "07":  # "gave Ukraine military aid"
                    targets += self.actors_in(child)
        if not targets and governor is not None and code[:2] == "04":  # "left X at the end of a visit"
            targets = self.left_place(noun, governor, sources)
        shared = len({m.code[:3] for m in sources}) > 1
        if "joint_when_shared" in entry.flags and shared and not [m for m in targets if m not in sources]:
            # "French and Egyptian warships launched war games at sea": drills of parties named together,
            # aimed at no other state, are joint; near another state they stay a show of force at it
            entry = replace(entry, code=JOINT_DRILL, flags=entry.flags | {"reciprocal"})
            code = self.adjust(entry, JOINT_DRILL, state) or JOINT_DRILL
        source_codes = {m.code for m in sources}
        targets = [m for m in distinct_codes(targets) if m.code not in source_codes]
        events = self.pairs(noun, entry, code, sources, targets, governor or noun)
        if entry.code.startswith("07"):  # aid named by a noun has a recipient: none found is a misreading here
            events = [e for e in events if e.target != NO_TARGET]
        return events

    @staticmethod
    def under_contract(verb: Token) -> bool:
        """Whether the verb is done "under" an agreement ("will buy jets under a new deal")."""
        return any(c.dep_ == "prep" and c.lower_ in TERMS_PREPS and any(
            p.dep_ == "pobj" and p.lemma_.lower() in CONTRACT_NOUNS for p in c.children) for c in verb.children)

    @staticmethod
    def through_prospect(noun: Token, governor: Token) -> bool:
        """Whether the noun hangs from its verb through "the way for" ("cleared the way for a loan")."""
        node = noun.head
        while node.i != governor.i and node.head.i != node.i:
            if node.pos_ == "NOUN" and node.lemma_.lower() in PROSPECT_NOUNS:
                return True
            node = node.head
        return False

    def participants(self, verb: Token) -> tuple[list[Mention], list[Mention]]:
        """Who takes part in an act that "involves / includes / brings together" its object, and the
        states of the places named around them: "units from X and Y near Z" gives ([X, Y], [Z])."""
        places: list[Mention] = []
        for child in verb.children:
            if child.dep_ == "prep":
                places += self.actors_in(child)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for obj in objects:
            places += [m for c in obj.children if c.dep_ == "prep" and c.lower_ not in ORIGIN_PREPS
                       for m in self.actors_in(c)]
        sources = [m for obj in objects for m in self.actors_in(obj) if m not in places]
        return sources, [m for m in places if m.code[:3] not in {s.code[:3] for s in sources}]

    def verb_consumes(self, verb: Token, noun: Token, noun_entry: LexEntry) -> bool:
        """Whether the governing verb has a coded sense of another root that names this noun as its
        object ("lift a curfew" eases, the noun alone would impose)."""
        entries = self.lexicon.verbs.get(verb.lemma_.lower(), [])
        entry = self.select(verb, entries) if entries else None
        return entry is not None and entry.code != "-" and noun.lemma_.lower() in entry.objects \
            and entry.code[:2] != noun_entry.code[:2] \
            and verb.lemma_.lower() not in INTENT_GOVERNORS | NEGATING_GOVERNORS

    def governing_verb(self, noun: Token) -> Token | None:
        node = noun
        for _ in range(4):
            if node.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative"):
                return node.head if node.head.pos_ in ("VERB", "AUX") else None
            if node.dep_ in ("conj", "appos", "compound"):
                node = node.head
                continue
            if node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent"):
                head = node.head.head
                if head.pos_ in ("VERB", "AUX"):
                    return head
                node = head
                continue
            return None
        return None
