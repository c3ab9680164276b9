"""Sentences that describe how things stand rather than something done: no event.

A standing relation in the simple-present passive ("the rebels are backed by Rwanda", "the militia
is funded by Iran") and anything a party "remains" or "stays" ("remained committed to finding a
negotiated solution", "stays ready to talk") describe a lasting state, not the day's act; the same
verbs with a tense that places them ("Rwanda backed the rebels", "was armed by") stay acts.

A mutual undertaking in the simple present ("Moscow and Minsk commit to support each other by
all means", "the two countries provide support to each other", "the treaty, which obliges the
parties to defend one another") states what an alliance is: a lasting state or a treaty's
obligation, not the news of the day. The same words with a tense that places them ("agreed to
help each other", "will defend one another") are acts and stay coded, both ways.
"""

from __future__ import annotations

from typing import Any

from pactwatch.nlp.grammar.words import words

Token = Any  # spacy.tokens.Token
MUTUAL_WORDS = words("mutual_pledge_phrases")
CHAIN_DEPS = words("undertaking_chain_deps")
PRESENT_TAGS = ("VBP", "VBZ")
STANDING_VERBS = words("standing_relation_verbs")
REMAINING_VERBS = words("remaining_verbs")
CLAUSE_EDGES = ("ccomp", "parataxis", "relcl", "advcl", "conj")  # where a remaining verb's reach ends


class StateMixin:
    """Checks the event coder asks before coding an act; needs ``doc`` and ``sent``."""

    doc: Any
    sent: Any

    def lasting_mutual_state(self, trigger: Token) -> bool:
        """Whether the trigger states a mutual undertaking in the simple present (a standing state)."""
        window = self.doc[trigger.i: min(trigger.i + 8, self.sent.end)].text.lower()
        if not any(phrase in window for phrase in MUTUAL_WORDS):
            return False
        top = trigger
        for _ in range(6):
            if top.dep_ not in CHAIN_DEPS or top.head.i == top.i or top.head.pos_ not in ("VERB", "AUX"):
                break
            top = top.head
        return top.tag_ in PRESENT_TAGS and not any(c.dep_ in ("aux", "auxpass") for c in top.children)

    def standing_relation(self, trigger: Token) -> bool:
        """Whether the trigger states a lasting relation: "are backed by Iran" (simple-present passive of
        a standing verb) or something a party "remains" ("remained committed to finding a solution")."""
        children = list(trigger.children)
        if trigger.lemma_.lower() in STANDING_VERBS and trigger.tag_ == "VBN" and any(
                c.dep_ == "auxpass" and c.tag_ in PRESENT_TAGS for c in children) and not any(
                c.dep_ == "aux" for c in children):
            return True
        node = trigger
        for _ in range(6):
            if node.dep_ in CLAUSE_EDGES or node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in REMAINING_VERBS:
                return True
        return False  # "troops remained on alert": the verb's own sense (an alert kept up) is an act
