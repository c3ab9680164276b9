"""Events carried by speech: what a reporter's words do to the party they are about.

"X said Y had failed to ...", "'Y broke the truce,' X said", "according to X, Y allegedly ...":
the reporter X criticises or accuses Y, whatever Y's reported act codes by itself. The
constructions are rows of ``data/grammar/events.jsonl`` naming the act ``reported_claim``; this
mixin turns a match into X -> Y events. A demand ("X said Y must ...", ``event.obligation``)
is the same shape with its code chosen by the demanded verb.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactwatch.nlp.event_lexicon import LexEntry
from pactwatch.nlp.grammar.engine import Match
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token


class SpeechMixin:
    """Reporter-to-subject events; mixed into the sentence coder (needs the actor and clause mixins)."""

    status: Callable[[Token], str]
    speaker_of: Callable[[Token], list[Mention]]
    subject_of: Callable[[Token], tuple[list[Mention], Token | None]]
    pairs: Callable[..., list[Event]]

    def act_reported_claim(self, match: Match) -> list[Event] | None:
        """The reporter's stance towards the subject of a reported act ("X said Y had failed to ...":
        X criticises Y). The code is the row's ``codes`` entry for the anchor's lemma, else its
        ``code``. None (try the next row) when the clause is not a reported fact or names no other
        party as its subject."""
        claimed = match.anchor
        assigns = match.construction.assigns
        if self.status(claimed) != "fact":
            return None
        code = assigns.get("codes", {}).get(claimed.lemma_.lower(), assigns["code"])
        return self.speaker_to_subject(claimed, code) or None

    def speaker_to_subject(self, verb: Token, code: str, lemma: str = "", sources: list[Mention] | None = None,
                           targets: list[Mention] | None = None) -> list[Event]:
        """Events from the reporter of ``verb``'s clause to its subject's actors (not the reporter's
        own country); ``lemma`` names what matched in the evidence label (the verb's own lemma).
        ``sources`` / ``targets``, when given, replace the reporter / the subject."""
        if sources is None:
            sources = self.speaker_of(verb)
        if targets is None:
            targets, _ = self.subject_of(verb)
        countries = {s.code[:3] for s in sources}
        targets = [t for t in targets if t.code[:3] not in countries]
        if not sources or not targets:
            return []
        entry = LexEntry(lemma=lemma or verb.lemma_.lower(), code=code, pos="verb")
        return self.pairs(verb, entry, code, sources, targets, verb)
