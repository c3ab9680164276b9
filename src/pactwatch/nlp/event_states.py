"""Sentences that describe how things stand rather than something done: no event.

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
CHAIN_DEPS = ("xcomp", "advcl", "conj")  # "commit to support", "interact and provide": one undertaking
PRESENT_TAGS = ("VBP", "VBZ")


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
