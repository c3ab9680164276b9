"""From an act's sources and targets to Event records, for the event coder.

When the clause names no target, the ordered rows of ``data/grammar/event_targets.jsonl`` look
further (``event_targets``): the reporter's country for a test-fire, the pair named before
("opposed cooperation between the two countries"), the bloc whose growth is meant, the rest of
the sentence, the act's author (criticism), the other party from context (meetings, talks; halted
talks one way), the country where force was used ("bombed a hospital in Kyiv"), and last CAMEO's
missing target "---". A joint act of parties named together is coded once, from the first-named
party; mutual acts both ways. Mixed into the sentence coder of ``events``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pactwatch.nlp.event_clauses import paragraph_part
from pactwatch.nlp.event_lexicon import CameoCode, EventLexicon, LexEntry
from pactwatch.nlp.event_targets import Reading, target_rows
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token

NO_TARGET = "---"  # CAMEO/PETRARCH code for a missing target ("Rebels surrendered")


def _joint_act_once(parties: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A joint act of parties named together ("X and Y signed", "the leaders of X, Y and Z met") is
    one act: coded from the first-named party to each other party, not once per direction or per
    pair (news-dev's labelling convention; the review files judge the reverse copies duplicates)."""
    named = sorted(parties, key=lambda m: m.start)
    first = named[0]
    return [(first, other) for other in named[1:] if other.code[:3] != first.code[:3]]


class PairMixin:
    """Pairs and their events; mixed into the sentence coder (needs the actor, clause and state mixins)."""

    lexicon: EventLexicon
    sent: Any
    construction: str
    hits: dict[int, list[str]]
    borrowed: set[int]
    lasting_mutual_state: Callable[[Token], bool]
    standing_relation: Callable[[Token], bool]
    says_each_other: Callable[[Token], bool]
    says_mutual: Callable[[Token], bool]
    speaker_of: Callable[[Token], list[Mention]]
    context_counterpart: Callable[[list[Mention]], list[Mention]]
    place_actor: Callable[[Token], list[Mention]]
    is_background: Callable[[Token], bool]
    event_date: Callable[[Token], date | None]

    def pairs(self, trigger: Token, entry: LexEntry, code: str, sources: list[Mention],
              targets: list[Mention], clause: Token) -> list[Event]:
        if self.lasting_mutual_state(trigger) or self.standing_relation(trigger):
            return []  # "Moscow and Minsk commit to support each other", "are backed by Iran": how things stand
        reading = Reading(sources, targets, "reciprocal" in entry.flags or self.says_each_other(trigger))
        self.find_targets("unnamed", trigger, entry, code, clause, reading)  # data/grammar/event_targets.jsonl
        if not reading.sources and reading.reciprocal and len(reading.targets) > 1:
            reading.sources, reading.targets = reading.targets, []  # "the talks between X and Y"
        # A joint act whose sentence names both sides is coded once (below); two-way copies stay where
        # each side gives the other something ("help each other": two pledges) or where the other
        # side comes from context, so that the sentence gives no order to follow.
        reading.both_ways = reading.reciprocal and self.says_mutual(trigger)
        self.find_targets("joint", trigger, entry, code, clause, reading)
        sources, targets = reading.sources, reading.targets
        reciprocal, both_ways = reading.reciprocal, reading.both_ways
        pairs: list[tuple[Mention, Mention]] = []
        if targets:
            pairs = [(s, t) for s in sources for t in targets if s.code != t.code]
            if both_ways:
                pairs += [(t, s) for s, t in pairs]
        elif reciprocal and len(sources) > 1:
            pairs = _joint_act_once(sources)
            if both_ways:
                pairs = [(a, b) for a in sources for b in sources if a.code[:3] != b.code[:3]]
        # Domestic pairs are coded only for protest and coercion; else they are misreadings here.
        pairs = [(s, t) for s, t in pairs if s.code[:3] != t.code[:3] or code[:2] in ("14", "17", "18")]
        if not pairs and sources:  # the place force was used in, else CAMEO's missing target
            unpaired = Reading(sources, [], reciprocal)
            self.find_targets("unpaired", trigger, entry, code, clause, unpaired)
            pairs = [(s, t) for s in sources for t in unpaired.targets]
        if not pairs:
            return []
        info = self.lexicon.code_info(code)
        if info is None:  # a PETRARCH dictionary's own code (validation files use WEIS-era codes)
            info = CameoCode(code, "", code[:2], 0, 0.0)
        when = self.event_date(clause)
        sent = paragraph_part(self.sent, trigger)
        matched = self.label(trigger, entry) if entry.code == code else f"{self.label(trigger, entry)}>{code}"
        return [
            Event(source=s.code, target=t.code, cameo_code=code, root_code=info.root, quad_class=info.quad_class,
                  goldstein=info.goldstein, date=when, sentence=sent.text, start=sent.start_char,
                  end=sent.end_char, matched=matched, construction=self.construction,
                  clause=clause_of(clause).describe())
            for s, t in pairs
        ]

    def find_targets(self, stage: str, trigger: Token, entry: LexEntry, code: str, clause: Token,
                     reading: Reading) -> None:
        """Try the stage's rows of event_targets.jsonl in order (see ``event_targets``)."""
        for row in target_rows():
            if row.stage != stage or not row.holds(reading, entry.flags, code):
                continue
            if not all(getattr(self, check)(trigger, clause) for check in row.when.get("checks", ())):
                continue
            found = getattr(self, row.finder)(trigger, reading.sources)
            if found:
                reading.targets = found
                for key, value in row.sets.items():
                    setattr(reading, key, value)

    # -- the finders and checks the rows name ---------------------------------------------------
    def reporter_audience(self, trigger: Token, sources: list[Mention]) -> list[Mention]:
        return [m for m in self.speaker_of(trigger) if m.code[:3] not in {s.code[:3] for s in sources}]

    def other_party_from_context(self, trigger: Token, sources: list[Mention]) -> list[Mention]:
        return self.context_counterpart(sources)

    def place_of_force(self, trigger: Token, sources: list[Mention]) -> list[Mention]:
        return [m for m in self.place_actor(trigger) if m.code[:3] not in {s.code[:3] for s in sources}]

    @staticmethod
    def missing_target(trigger: Token, sources: list[Mention]) -> list[Mention]:
        return [Mention(trigger.idx, trigger.idx, "", NO_TARGET, "none", "missing")]

    def own_act(self, trigger: Token, clause: Token) -> bool:
        """The trigger's source is its own subject, not the reporter's borrowed for it."""
        return trigger.i not in self.borrowed

    def in_foreground(self, trigger: Token, clause: Token) -> bool:
        """Neither the clause nor the trigger is background ("after Russia launched ...", "following
        the sanctions"; ``is_background``)."""
        return not self.is_background(clause) and not self.is_background(trigger)

    def label(self, trigger: Token, entry: LexEntry) -> str:
        """What matched, e.g. "verb:sign+obj:agreement" or "noun:sanction+prep:on"."""
        objects, preps = sorted(entry.objects), sorted(entry.preps)
        hit = self.hits.get(trigger.i, [])
        parts = [f"{entry.pos}:{entry.lemma}"]
        if entry.particle:
            parts.append(f"prt:{entry.particle}")
        if preps:
            parts.append("prep:" + next((h for h in hit if h in entry.preps), preps[0]))
        if objects:
            parts.append("obj:" + next((h for h in hit if h in entry.objects), objects[0]))
        return "+".join(parts)
