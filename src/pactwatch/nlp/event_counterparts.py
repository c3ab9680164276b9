"""The other party of an act that its own phrase does not name, found in the article.

"signed the accord" after the article named the partner, "condemned the launch" (the launch's
author), "welcomed the accession" (the state that joined), "opposed cooperation between the two
countries" (the pair named just before), "left Chad after a visit" (the place left), a later
test-fire aimed at the audience the earlier one had. The target fallbacks of ``event_pairs``
and ``event_nouns`` call these; mixed into the sentence coder beside ``event_actors.ActorMixin``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pactwatch.nlp.event_actors import PAIR_COUNTS, PAIR_NOUNS, PAIR_PREPS
from pactwatch.nlp.event_lexicon import EventLexicon
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token

ACT_NOUNS = words("act_nouns")
JOINER_NOUNS = words("joiner_nouns")
BLOC_NOUNS = words("bloc_growth_nouns")
JOIN_VERBS = words("join_verbs")
# Nouns whose possessor is the joining state ("Sweden's bid"), and whose "of"/"in" object is the bloc.
JOINER_EVIDENCE = JOINER_NOUNS | {"bid", "application", "entry", "membership"}
BACK_POINTING_DETERMINERS = words("back_pointing_determiners")
DEFINITE = words("definite_determiners")
ACT_OWNER_PREPS = words("act_owner_preps")
MEMBER_NOUNS = words("member_nouns")
VISIT_SEQUEL_PREPS = words("visit_sequel_preps")
OF = words("genitive_preps")
COUNTRY_NOUNS = words("country_nouns")
THE = words("definite_article")


def same_audience(events: list[Event], lexicon: EventLexicon) -> list[Event]:
    """A later show of force with no target ("The North last fired two missiles in August") is aimed
    at the audience the article gave the same actor's earlier one ("..., South Korea's military
    said"): only for codes whose rows take the reporting actor as fallback target (test-fires)."""
    codes = {e.code for rows in lexicon.verbs.values() for e in rows if "fallback_target" in e.flags}
    audience: dict[tuple[str, str], str] = {}
    out: list[Event] = []
    for event in events:
        key = (event.source[:3], event.cameo_code)
        if event.cameo_code in codes and event.target != "---":
            audience.setdefault(key, event.target)
        elif event.cameo_code in codes and key in audience:
            event = replace(event, target=audience[key])
        if event not in out:
            out.append(event)
    return out


class CounterpartMixin:
    """Targets from the article; mixed into the sentence coder (needs doc, sent, owner, mentions)."""

    doc: Any
    sent: Any
    owner: dict[int, Mention]
    mentions: list[Mention]
    actors_in: Callable[..., list[Mention]]  # from event_actors.ActorMixin

    def context_counterpart(self, sources: list[Mention]) -> list[Mention]:
        """The nearest earlier actor of another country: the unnamed other party of a signing or meeting."""
        countries = {m.code[:3] for m in sources}
        counts: dict[str, int] = {}
        latest: dict[str, Mention] = {}
        for mention in sorted(self.mentions, key=lambda m: m.start):
            if mention.start >= self.sent.start_char:
                break
            if mention.code[:3] not in countries and mention.kind != "pronoun":
                counts[mention.code[:3]] = counts.get(mention.code[:3], 0) + 1
                latest[mention.code[:3]] = mention
        if not counts:
            return []
        best = max(counts, key=lambda c: (counts[c], latest[c].start))  # most mentioned, then most recent
        return [latest[best]]

    def act_counterpart(self, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """Criticism of an act the article already described ("condemned the launch", "called the
        decision irresponsible") is aimed at the party most mentioned before: the act's author."""
        acts = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ACT_NOUNS]
        if not acts or any(self.actors_in(a) for a in acts):
            return []
        if not any(d.lower_ in BACK_POINTING_DETERMINERS for a in acts for d in a.children
                   if d.dep_ in ("det", "poss")):
            return []
        return self.context_counterpart(sources)

    def membership_author(self, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """The author of a definite, unnamed membership act the article described before: "welcomed the
        accession" -> the state that joined ("Sweden joined NATO", "Sweden's accession"); "called the
        enlargement a threat" -> the bloc joined. Nothing when the act names its own actor."""
        acts = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")
                and c.lemma_.lower() in JOINER_NOUNS | BLOC_NOUNS]
        if len(acts) != 1 or self.actors_in(acts[0]):
            return []
        act = acts[0]
        if not any(d.dep_ == "det" and d.lower_ in DEFINITE for d in act.children) or any(
                c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ in ACT_OWNER_PREPS)
                for c in act.children):
            return []
        want_bloc = act.lemma_.lower() in BLOC_NOUNS
        source_countries = {s.code[:3] for s in sources}
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for token in self.doc[: self.sent.start]:
            mention = self.owner.get(token.i)
            if mention is None or mention.kind == "pronoun" or mention.code[:3] in source_countries:
                continue
            if token.dep_ == "pobj":
                governor, prep = token.head.head, token.head.lower_
            else:
                governor, prep = token.head, ""
            lemma = governor.lemma_.lower()
            if want_bloc:
                hit = mention.kind == "organisation" and (
                    (lemma in BLOC_NOUNS and (token.dep_ == "poss" or prep == "of"))
                    or (lemma in JOIN_VERBS and token.dep_ == "dobj")
                    or (lemma in JOINER_NOUNS and prep == "to")
                    or (lemma in ("member", "membership") and (token.dep_ == "poss" or prep in ("of", "in"))))
            else:
                hit = mention.kind == "country" and (
                    (lemma in JOINER_EVIDENCE and (token.dep_ == "poss" or (prep == "of" and lemma in JOINER_NOUNS)))
                    or (lemma in JOIN_VERBS and token.dep_ == "nsubj" and governor.pos_ == "VERB")
                    or (lemma == "become" and token.dep_ == "nsubj"
                        and any(c.dep_ == "attr" and c.lemma_.lower() in MEMBER_NOUNS for c in governor.children)))
            if hit:
                counts[mention.code] = counts.get(mention.code, 0) + 1
                first.setdefault(mention.code, mention)
        if not counts:
            return []
        # The story's joiner is the one the article names most as joining; ties go to the first (the lead).
        best = max(counts, key=lambda c: (counts[c], -first[c].start))
        return [first[best]]

    def earlier_pair(self, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"opposed any cooperation between the two countries": the object's "between the two X" is
        the pair the article named together just before ("Moscow and Pyongyang have ..."); the target
        is that pair less the source's own country. Nothing unless one earlier sentence (of the
        previous three) names exactly two countries joined by "and"."""
        between = [t for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree
                   if t.lower_ in PAIR_PREPS and t.dep_ == "prep"]
        nouns = [p for b in between for p in b.children if p.dep_ == "pobj" and p.lemma_.lower() in PAIR_NOUNS
                 and any(c.lower_ in PAIR_COUNTS for c in p.children)]
        if len(nouns) != 1:
            return []
        sents = list(self.doc.sents)
        here = next(n for n, s in enumerate(sents) if s.start <= trigger.i < s.end)
        for sent in reversed(sents[max(0, here - 3): here]):
            pair: list[Mention] = []
            for token in sent:
                mention = self.owner.get(token.i)
                if mention is None or mention.kind == "pronoun" or token.dep_ != "conj" or token.head.i == token.i:
                    continue
                other = self.owner.get(token.head.i)
                if other is not None and other.code[:3] != mention.code[:3] and other.kind != "pronoun":
                    pair = [other, mention]
            if pair:
                countries = {m.code[:3] for m in sources}
                return [m for m in pair if m.code[:3] not in countries]
        return []

    def left_place(self, noun: Token, verb: Token, sources: list[Mention]) -> list[Mention]:
        """"left Chad at the end of an official visit" / "after a visit": the visit was to the place
        left. "the country" there is the one country, other than the visitor's, that this sentence
        and the one before name; anything else (several, "left France for a visit") is no target."""
        link = noun.head
        if verb.lemma_.lower() not in words("leave_verbs") or noun.dep_ != "pobj" or not (
                (link.lower_ in VISIT_SEQUEL_PREPS and link.head.i == verb.i)
                or (link.lower_ in OF and link.head.lemma_.lower() in words("visit_end_nouns"))):
            return []
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if len(objects) != 1:
            return []
        own = {m.code[:3] for m in sources}
        named = [m for m in self.actors_in(objects[0]) if m.code[:3] not in own]
        place = objects[0]
        if named or place.lemma_.lower() not in COUNTRY_NOUNS or not any(c.lower_ in THE for c in place.children):
            return named[:1]
        sents = list(self.doc.sents)
        here = next(n for n, s in enumerate(sents) if s.start <= verb.i < s.end)
        start, end = sents[max(0, here - 1)].start_char, sents[here].end_char
        found = {m.code[:3]: m for m in self.mentions if start <= m.start < end and m.code[:3] not in own
                 and m.kind not in ("organisation", "pronoun", "none") and m.code != "---"}
        if len(found) != 1:
            return []
        code = next(iter(found))
        return [Mention(place.idx, place.idx + len(place), place.text, code, "country", "coreference")]
