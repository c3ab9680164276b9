"""Events carried by speech: what a reporter's words do to the party they are about.

"X said Y had failed to ...", "'Y broke the truce,' X said", "according to X, Y allegedly ...":
the reporter X criticises or accuses Y, whatever Y's reported act codes by itself (act
``reported_claim``). A demand ("X said Y must ...", ``event.obligation``) is the same shape with
its code chosen by the demanded verb. A charge of espionage names the accused by another role
("X said the two men spied for Y", "had worked with Y's secret services": X accuses Y, not the
spies; a state's or body's own dealings with a service are no charge).

Praise and criticism told by what is said of a party (act ``evaluation``): "'Y has been a
steadfast friend,' X said", "we have no better friend than Y", "'they spread chaos,' X said of
Y" are X's praise (051) or criticism (111) of Y.

Passives whose doer is named by a place ("a rocket was fired from X, the army said", "the
ambassador was summoned to Y's foreign ministry"; act ``passive_origin``): the origin acts, the
reporter only reports.

Threats told without a threat verb (act ``implied_threat``): the threatened party as subject
("Y will face grave consequences", "Y's attack will not go unanswered", "any Y deployment would
be treated as an act of war") is threatened by the reporter; readiness, litotes and vows
("X is prepared to act against Y", "X will not hesitate to use force against Y", "X promised to
retaliate against Y") are the subject's threat to the act's target. The code is the sense the
lexicon's "threaten" and "warn" rows give the same complements ("force" 138, "sanctions" 1312).
The constructions are rows of ``data/grammar/events.jsonl``; this mixin turns a match into events.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactwatch.nlp.event_lexicon import EventLexicon, LexEntry
from pactwatch.nlp.grammar.engine import Match
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token
WARNING_VERBS = words("warning_verbs")
CAUSING_VERBS = words("causing_verbs")
COMPARISON_THAN = words("comparison_than")
OPPOSING_PREPS = words("opposing_preps")
NEGATORS = words("negating_determiners")
PREDICATE_DEPS = words("evaluation_predicate_deps")
OFFICIAL_ROLES = words("official_roles")
OFFICIAL_KINDS = ("country", "capital", "organisation")
OFFICIAL_NOUNS = words("body_nouns") | words("military_nouns")


class SpeechMixin:
    """Reporter-to-subject events; mixed into the sentence coder (needs the actor and clause mixins)."""

    lexicon: EventLexicon
    status: Callable[[Token], str]
    complements: Callable[[Token], tuple[set[str], set[str], set[str]]]
    select: Callable[[Token, list[LexEntry]], LexEntry | None]
    act_owners: Callable[..., list[Mention]]
    has_own_subject: Callable[[Token], bool]
    spoken_of: Callable[[Token], list[Mention]]
    is_agentless_passive: Callable[[Token], bool]
    code_verb: Callable[..., list[Event]]
    actors_in: Callable[..., list[Mention]]
    targets_of: Callable[[Token, LexEntry, list[Mention]], list[Mention]]
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
        if "target_role" not in assigns:
            return self.speaker_to_subject(claimed, code) or None
        # the accused is another role of the match ("spied for Y": Y, not the spies); with
        # ``unnamed_doer`` a state, body or official doing it is its own dealing, not a charge
        subjects = [c for c in claimed.children if c.dep_ in ("nsubj", "nsubjpass")]
        doers = [m for c in subjects for m in self.actors_in(c)]
        if assigns.get("unnamed_doer") and (any(m.kind in OFFICIAL_KINDS or m.code[3:6] in OFFICIAL_ROLES
                                                for m in doers)
                                            or any(c.lemma_.lower() in OFFICIAL_NOUNS for c in subjects)):
            return None  # "its army had cooperated with Y intelligence": a body's own dealings
        targets = self.actors_in(match.tokens[assigns["target_role"]])
        return self.speaker_to_subject(claimed, code, targets=targets) or None

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

    def act_implied_threat(self, match: Match) -> list[Event] | None:
        """A threat without a threat verb. ``assigns.from``: "speaker" (the reporter threatens) or
        "subject" (the anchor's subject does); ``assigns.to``: "subject" (the owners of the anchor's
        subject phrase) or "objects" (the anchor's objects and prepositional targets, also those of
        its infinitive). None when either side is missing."""
        anchor = match.anchor
        assigns = match.construction.assigns
        if assigns["from"] == "speaker":
            sources = self.warner_of(anchor)
        else:
            sources, _ = self.subject_of(anchor)
            if not sources and not self.has_own_subject(anchor):
                sources = self.speaker_of(anchor)  # '"We will not hesitate to ...," X said': the speaker's side
        own = {s.code[:3] for s in sources}
        code = self.threat_code(match.tokens[assigns.get("code_from", match.construction.roles[0])], assigns["code"])
        entry = LexEntry(lemma=anchor.lemma_.lower(), code=code, pos="verb")
        if assigns["to"] == "subject":
            verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            targets = self.act_owners(subjects[0], own) if len(subjects) == 1 else []
        else:
            targets = [t for t in self.targets_of(anchor, entry, sources) if t.code[:3] not in own]
        if not sources or not targets:
            return None
        if assigns.get("hostile_only") and code == assigns["code"] and not any(
                t.dep_ == "prep" and t.lower_ in OPPOSING_PREPS for t in anchor.subtree):
            return None  # "will not hesitate to help Y": no threat unless force or an adversary is named
        return self.pairs(anchor, entry, code, sources, targets, anchor)

    def warner_of(self, token: Token) -> list[Mention]:
        """The reporter of the token's clause, or the subject of a warning verb above it ("X warned
        that Y would face ...": X)."""
        sources = self.speaker_of(token)
        if sources:
            return sources
        for node in token.ancestors:
            if node.lemma_.lower() in WARNING_VERBS:
                return self.subject_of(node)[0]
        return []

    def threat_code(self, token: Token, default: str) -> str:
        """The code of the lexicon's most specific "threaten" / "warn" sense whose objects name what is
        threatened: a verb's complements ("not hesitate to use force": 138), a noun and its
        modifiers ("face sanctions": 1312; not the reason in "pay a price for the attack"); else
        ``default``."""
        if token.pos_ in ("NOUN", "PROPN"):
            modifiers = [c for c in token.children if c.dep_ in ("amod", "compound")]
            named = {token.lemma_.lower()} | {c.lemma_.lower() for c in modifiers}
        else:
            named = self.complements(token)[0]
        senses = [e for verb in sorted(WARNING_VERBS) for e in self.lexicon.verbs.get(verb, []) if e.objects & named]
        return max(senses, key=lambda e: e.specificity).code if senses else default

    def act_evaluation(self, match: Match) -> list[Event] | None:
        """The speaker's praise or criticism (the row's ``code``) of the party an evaluative word is
        said of: the reporting verb's "of" phrase ("..., X said of Y"), the compared party ("no
        better friend than Y"), else the owners of the subject the word is predicated of ("Y is a
        reliable partner", "Y spreads chaos", "Y acted recklessly"). None when the word is no
        predicate of a party, the clause is negated or only possible, or nobody reports it."""
        anchor = match.anchor
        predicate = anchor
        while predicate.dep_ in ("amod", "compound", "conj") and predicate.head.i != predicate.i:
            predicate = predicate.head  # "a reliable partner", "brother nations", "reckless and dangerous"
        compared = [m for c in predicate.children if c.dep_ == "prep" and c.lower_ in COMPARISON_THAN
                    for m in self.actors_in(c)]
        if any(c.lower_ in NEGATORS for c in predicate.children if c.dep_ in ("det", "neg")) and not compared:
            return None  # "Y is no friend of ours"
        verb = predicate.head
        if not (predicate.dep_ in PREDICATE_DEPS or compared
                or (predicate.dep_ == "dobj" and verb.lemma_.lower() in CAUSING_VERBS)):
            return None
        if self.status(verb) not in ("fact", "future"):
            return None
        sources = self.warner_of(anchor)
        own = {s.code[:3] for s in sources}
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        targets = [m for m in self.spoken_of(anchor) if m.code[:3] not in own] \
            or [m for m in compared if m.code[:3] not in own] \
            or (self.act_owners(subjects[0], own) if len(subjects) == 1 else [])
        if not sources or not targets:
            return None
        code = match.construction.assigns["code"]
        entry = LexEntry(lemma=anchor.lemma_.lower(), code=code, pos="verb")
        return self.pairs(anchor, entry, code, sources, targets, verb)

    def act_passive_origin(self, match: Match) -> list[Event] | None:
        """An agentless passive event verb whose doer is the place the row's ``origin`` preposition
        names ("fired from X": X fires; "summoned to Y's ministry": Y summons), coded by the verb's
        own lexicon sense. None when the clause has an agent or the place names no actor."""
        verb = match.anchor
        prep = match.construction.assigns["origin"]
        if not self.is_agentless_passive(verb):
            return None
        origin = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == prep for m in self.actors_in(c)]
        entries = self.lexicon.verbs.get(verb.lemma_.lower(), [])
        entry = self.select(verb, entries) if entries else None
        if not origin or entry is None:
            return None
        return self.code_verb(verb, entry, origin=origin)
