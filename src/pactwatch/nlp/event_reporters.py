"""Who reports an act and of whom, and who reacts to whose act, for the event coder.

"..., Putin said" / "according to X" (the reporter that frames a clause), "said of Washington"
(the party a report is about), "called the decision irresponsible" (disapproval of the act's
owner), "X's move drew a rebuke from Y" (Y reacts to X). Mixed into the sentence coder beside
``event_actors.ActorMixin``, whose source finding (``subject_of``, ``actors_in``) these read.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any

from pactwatch.nlp.event_actors import distinct_codes
from pactwatch.nlp.event_clauses import AGENT_DEPS, REPORT_NOUNS, REPORT_VERBS, depth_to
from pactwatch.nlp.event_lexicon import EventLexicon
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token

ABOUT_PREPS = words("reported_about_preps")
ACCORDING = words("according_words")
GIVER_PREPS = words("reaction_giver_preps")


class ReporterMixin:
    """Reporters and reactions; mixed into the sentence coder (needs doc, sent, owner, lexicon)."""

    doc: Any
    sent: Any
    owner: dict[int, Mention]
    lexicon: EventLexicon
    # status() comes from event_clauses.ClauseMixin, which precedes this class in the coder's bases.
    # pairs() comes from the sentence coder in events.py (code_characterisation hands its pairs there).
    status: Callable[[Token], str]
    pairs: Callable[..., list[Event]]
    actors_in: Callable[..., list[Mention]]  # from event_actors.ActorMixin
    subject_of: Callable[[Token], tuple[list[Mention], Token | None]]

    def speaker_of(self, token: Token) -> list[Mention]:
        """Subject of the reporting verb that frames ``token`` ("..., Putin said"), or the source an
        "according to X" on the way up names."""
        node = token
        while True:
            cited = self.according_to(node)
            if cited:
                return cited
            if node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in REPORT_VERBS:
                actors, _ = self.subject_of(node)
                return actors
            if node.pos_ == "NOUN" and node.lemma_.lower() in REPORT_NOUNS and node.head.pos_ in ("VERB", "AUX"):
                actors, _ = self.subject_of(node.head)  # "X issued a reminder that Y must ...": X speaks
                return actors
        # The reporting clause may be the sentence root with the quote as a sibling clause.
        root = self.sent.root
        if root.lemma_.lower() in REPORT_VERBS and root.i != token.i:
            actors, _ = self.subject_of(root)
            return actors
        return []

    def spoken_of(self, token: Token) -> list[Mention]:
        """The party a report is about: "..., the president said of Washington" (the "of" / "about"
        phrase of the reporting verb that frames ``token``)."""
        reporter = next((a for a in token.ancestors if a.lemma_.lower() in REPORT_VERBS), None)
        if reporter is None and self.sent.root.lemma_.lower() in REPORT_VERBS:
            reporter = self.sent.root
        if reporter is None:
            return []
        return [m for c in reporter.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS
                for m in self.actors_in(c)]

    def according_to(self, node: Token) -> list[Mention]:
        """The actors of an "according to X" phrase hanging from ``node``."""
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in ACCORDING:
                return self.actors_in(child)
        return []

    def code_characterisation(self, trait: Token) -> list[Event]:
        """The reporter disapproves (111) of the actor whose act the copula's subject names."""
        copula, report = trait.head, trait.head.head
        entry = next((e for e in self.lexicon.verbs.get("call", []) if e.code == "111"), None)
        subjects = [c for c in copula.children if c.dep_ in ("nsubj", "csubj")]
        if entry is None or len(subjects) != 1 or self.status(report) != "fact" or self.status(copula) != "fact":
            return []
        sources, _ = self.subject_of(report)
        own = {s.code[:3] for s in sources}
        # only the act's owner ("Ethiopia's decision", "Ethiopian troops entering X"), not who it concerns
        targets = self.act_owners(subjects[0], own) or [m for m in self.spoken_of(copula) if m.code[:3] not in own]
        return self.pairs(trait, entry, "111", sources, targets, report) if targets else []

    def act_owners(self, phrase: Token, own: AbstractSet[str]) -> list[Mention]:
        """The actors a phrase names as the owner or doer of its act ("Ethiopia's decision", "Ethiopian
        troops entering X", "Syria"), not those it concerns ("the attack on X"), outside the countries
        ``own``."""
        return distinct_codes(self.owner[t.i] for t in phrase.subtree if t.i in self.owner
                              and self.owner[t.i].code[:3] not in own
                              and all(a.dep_ in AGENT_DEPS for a in [t, *t.ancestors][:depth_to(t, phrase)]))

    def reaction(self, noun: Token, verb: Token) -> tuple[list[Mention], list[Mention]] | None:
        """"X's move drew a rebuke from Y": the one reacting is the "from" actor and the target is the
        act's owner, the verb's subject (None when the verb does not receive a reaction)."""
        if verb.lemma_.lower() not in words("reaction_verbs") or noun.dep_ != "dobj":
            return None
        givers = [p for p in (*noun.children, *verb.children) if p.dep_ == "prep" and p.lower_ in GIVER_PREPS]
        sources = [m for p in givers for m in self.actors_in(p)]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        own = {m.code[:3] for m in sources}
        targets = [] if len(subjects) != 1 else self.act_owners(subjects[0], own)
        return sources, targets
