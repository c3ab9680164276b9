"""Who acts and who is acted on, for the event coder: sources and targets read from the parse.

The source of a verb is its subject (the "by" agent of a passive, the governing verb's subject
for "agreed to help"); the target comes from objects and prepositional phrases, then from the
rest of the sentence, then from the article (the unnamed other party of a signing). Actor spans
come from ``pactwatch.nlp.actors`` plus the context mentions of ``event_context``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date
from typing import Any

from pactwatch.nlp.event_clauses import AGENT_DEPS, CLAUSE_DEPS, REPORT_NOUNS, REPORT_VERBS, depth_to
from pactwatch.nlp.event_context import people_place, place_in_phrase
from pactwatch.nlp.event_lexicon import EventLexicon, LexEntry
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.words import word_sequence, words
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token

MODIFIER_DEPS = words("event_modifier_deps")
OBJECT_DEPS = words("object_deps")
PAIR_NOUNS = words("pair_nouns")
ACT_NOUNS = words("act_nouns")
JOINER_NOUNS = words("joiner_nouns")
BLOC_NOUNS = words("bloc_growth_nouns")
JOIN_VERBS = words("join_verbs")
# Nouns whose possessor is the joining state ("Sweden's bid"), and whose "of"/"in" object is the bloc.
JOINER_EVIDENCE = JOINER_NOUNS | {"bid", "application", "entry", "membership"}
OBJECT_CONTROL = words("object_control_verbs")
TARGET_PREP_ORDER = word_sequence("target_prep_order")
BACK_POINTING_DETERMINERS = words("back_pointing_determiners")
CONTENT_TARGET_ROOTS = words("content_target_roots")
ETHNIC_MARKERS = words("ethnic_markers")
PAIR_COUNTS = words("pair_counting_words")
PAIR_PREPS = words("pair_preps")
ABOUT_PREPS = words("reported_about_preps")
ACCORDING = words("according_words")
INFINITIVE = words("infinitive_markers")
DEFINITE = words("definite_determiners")
ACT_OWNER_PREPS = words("act_owner_preps")
MEMBER_NOUNS = words("member_nouns")
VISIT_SEQUEL_PREPS = words("visit_sequel_preps")
OF = words("genitive_preps")
COUNTRY_NOUNS = words("country_nouns")
THE = words("definite_article")
GIVER_PREPS = words("reaction_giver_preps")


def distinct_codes(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out: list[Mention] = []
    for mention in mentions:
        if mention.code not in seen:
            seen.add(mention.code)
            out.append(mention)
    return out


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


class ActorMixin:
    """Source and target finding; mixed into the sentence coder (needs doc, sent, owner, mentions)."""

    doc: Any
    sent: Any
    owner: dict[int, Mention]
    mentions: list[Mention]
    lexicon: EventLexicon
    on: date | None
    # status() comes from event_clauses.ClauseMixin, which precedes this class in the coder's bases.
    # pairs() comes from the sentence coder in events.py (code_characterisation hands its pairs there).
    status: Callable[[Token], str]
    pairs: Callable[..., list[Event]]
    anchored: dict[int, list[Any]]  # token index -> the constructions anchored there (the sentence coder's)

    def actors_in(self, token: Token, stop: AbstractSet[str] = CLAUSE_DEPS) -> list[Mention]:
        """Distinct mentions in the phrase headed by ``token``, not descending into clauses.

        Prepositional modifiers are searched only when the phrase itself names no actor: "the
        British ambassador to Tehran" is Britain's envoy; "the leaders of Mali and Niger" are both.
        """
        for prep_levels in (0, 1):
            found: list[Mention] = []
            stack = [(token, prep_levels)]
            while stack:
                node, levels = stack.pop()
                mention = self.owner.get(node.i)
                if mention is not None and mention not in found:
                    found.append(mention)
                for child in node.children:
                    if child.dep_ in stop:
                        continue
                    if mention is not None and mention.kind == "country" and child.dep_ in MODIFIER_DEPS \
                            and child.i not in self.owner and child.pos_ == "NOUN":
                        # "NATO-member Norway", "EU candidate Ukraine": a descriptive noun and its own modifiers
                        # only describe the actor (a direct pair such as "the Japan-India treaty" stays)
                        continue
                    if child.dep_ == "prep":  # one level of "of/in/to" at most: no deep modifiers
                        if levels > 0:
                            stack.append((child, levels - 1))
                    else:
                        stack.append((child, levels))
            if found:
                found.sort(key=lambda m: m.start)
                return distinct_codes(found)
        return []

    def subject_of(self, verb: Token) -> tuple[list[Mention], Token | None]:
        """Source actors of a verb: its subject, the passive agent, or inherited from the governing verb."""
        node = verb
        for _ in range(4):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
            if (passive and node.lemma_.lower() in words("stative_participles")
                    and not any(c.dep_ == "agent" for c in node.children)):
                # "Israel is opposed to X", "Japan is committed to Y": a state of the subject, not a passive act
                for child in node.children:
                    if child.dep_ == "nsubjpass" and self.actors_in(child):
                        return self.actors_in(child), child
            if passive:
                for child in node.children:
                    if child.dep_ == "agent":
                        return self.actors_in(child), child
            subjects = [c for c in node.children if c.dep_ in words("event_subject_deps") and not passive]
            # a dateline ("SEOUL (Yonhap) -- North Korea fired") can parse as a second subject: the one
            # nearest the verb with actors is the real subject
            for child in sorted(subjects, key=lambda c: abs(node.i - c.i)):
                if child.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                    return self.actors_in(node.head), node.head
                actors = self.actors_in(child) or self.pair_named(child)
                if actors:
                    return self.placed_people(child, actors), child
            if subjects:
                return [], subjects[0]
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in OBJECT_CONTROL:
                objects = [c for c in node.head.children if c.dep_ in ("dobj", "nsubj") and c.i < node.i]
                actors = [m for c in objects if c.dep_ == "dobj" for m in self.actors_in(c)]
                if actors:  # "pressure prompted Vietnam to propose": Vietnam proposes
                    return actors, objects[0]
            if node.dep_ in ("xcomp", "conj", "advcl", "acomp") and node.head.i != node.i:
                node = node.head  # "agreed to help": the helper is the one who agreed
                continue
            if (node.dep_ == "acl" and node.head.lemma_.lower() in REPORT_NOUNS
                    and node.head.head.pos_ in ("VERB", "AUX")):
                node = node.head.head  # "X issued a statement demanding ...": X demands
                continue
            root = self.sent.root
            if node.dep_ == "acl" and not passive and root.pos_ in ("NOUN", "PROPN") and node.tag_ in ("VBD", "VBN") \
                    and node.head.i != root.i and root in node.ancestors:
                # "Doctors from two aid groups donated ...": a verbless parse hangs the verb on a modifier
                return self.actors_in(root), root
            if node.dep_ == "acl" and not passive and (node.tag_ in ("VBG", "VBD") or (
                    node.head.dep_ == "ROOT" and node.head.pos_ in ("NOUN", "PROPN"))):
                # "a group calling for ...", "Syria's newspaper called on ..." (a finite verb parsed as a
                # modifier of a verbless sentence's noun): the noun acts; a past participle modifying
                # a noun inside a clause ("the deal signed today") does not
                return self.actors_in(node.head, stop=CLAUSE_DEPS | {"acl"}), node.head
            if node.dep_ == "relcl" and not passive and not any(
                    c.dep_ == "advmod" and c.tag_ == "WRB" for c in node.children):
                return self.actors_in(node.head), node.head
            break  # "Kosovo, where people were killed": the place is not the killer
        return [], None

    def placed_people(self, head: Token, actors: list[Mention]) -> list[Mention]:
        """"Ethnic Albanians in south Serbia": a people named by its demonym, marked as an ethnic
        group and placed in another country, acts as that country's (CAMEO ch. 3 codes the group
        under the country it lives in)."""
        mention = self.owner.get(head.i)
        if len(actors) != 1 or mention is not actors[0] or self.lexicon.context is None:
            return actors
        tables = self.lexicon.context
        if mention.kind == "role" and mention.text == head.text:
            # a bare role noun given the sentence's country ("Demonstrators in Baghdad ... the United
            # States' policies"): the place its own phrase names comes first
            country = place_in_phrase(head, tables, self.mentions, self.doc)
            if country is None or country == mention.code[:3]:
                return actors
            return [Mention(mention.start, mention.end, mention.text, country + mention.code[3:], "role", "context")]
        if mention.kind != "country" or head.tag_ not in ("NNPS", "NNS"):
            return actors
        ethnic = any(c.lower_ in ETHNIC_MARKERS for c in head.children)
        # "ethnic Albanians demonstrated in Serbia"; without "ethnic" only the phrase's own place counts
        # ("the Albanians of southern Serbia")
        country = people_place(head, tables, self.mentions, self.doc) if ethnic else \
            place_in_phrase(head, tables, self.mentions, self.doc, people=True)
        if country is None or country == mention.code[:3]:
            return actors
        return [Mention(mention.start, mention.end, mention.text, country, "group", "context")]

    def pair_named(self, subject: Token) -> list[Mention]:
        """"The two sides" / "both countries" as a subject: the pair the sentence names with
        "between X and Y" ("the treaty between X and Y took effect when the two sides ...")."""
        if subject.lemma_.lower() not in PAIR_NOUNS or not any(
                c.lower_ in PAIR_COUNTS and c.dep_ in ("nummod", "det", "predet") for c in subject.children):
            return []
        for token in self.sent:
            if token.lower_ in PAIR_PREPS and token.dep_ == "prep":
                actors = distinct_codes(self.actors_in(token))
                if len({m.code[:3] for m in actors}) == 2:
                    return actors
        return []

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

    def targets_of(self, verb: Token, entry: LexEntry, sources: list[Mention]) -> list[Mention]:
        source_codes = {m.code for m in sources}
        by_prep: dict[str, list[Mention]] = {}
        ordered: list[Mention] = []
        complements: list[Token] = []
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
                ordered += self.actors_in(child)
                # "voiced its resolve to deepen ties with Y": the object's infinitive says what is intended
                complements += [c for c in child.children if c.dep_ == "acl" and c.pos_ == "VERB"
                                and any(a.dep_ == "aux" and a.lower_ in INFINITIVE for a in c.children)]
            elif child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP"):
                by_prep.setdefault(child.lower_, []).extend(self.actors_in(child))
            elif child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                complements.append(child)
        # "urged Mongolia to arrest Putin", "called on X to release Y": the one asked is the target; what
        # the infinitive does to others is its own act. Without one ("agreed to meet X") the infinitive's
        # objects are the target.
        asked = [m for m in ordered if m.code not in source_codes] or [
            m for p in entry.preps for m in by_prep.get(p, []) if m.code not in source_codes]
        for child in complements if not asked else []:
            for grand in child.children:  # "agreed to meet X"
                if grand.dep_ in OBJECT_DEPS:
                    ordered += self.actors_in(grand)
                elif grand.dep_ == "prep":
                    by_prep.setdefault(grand.lower_, []).extend(self.actors_in(grand))
        # Objects first unless the entry names the preposition of its target ("meet with X").
        preferred = [p for p in TARGET_PREP_ORDER if p in entry.preps]
        rest = [p for p in TARGET_PREP_ORDER if p not in entry.preps]
        candidates: list[Mention] = []
        for prep in preferred:
            candidates += by_prep.get(prep, [])
        candidates += ordered
        for prep in rest:
            candidates += by_prep.get(prep, [])
        if not candidates and entry.code[:2] in CONTENT_TARGET_ROOTS:
            # "warned that Yerevan could ruin its ties": a warning is aimed at the subject of what it
            # says, however possible or conditional that is; "warned that Moscow has the right to respond"
            # is about the speaker's own side, whose target lies elsewhere
            own = {m.code[:3] for m in sources}
            # ("Y will face a robust response, X warned" states its own threat: event.threatened_fate)
            said = [c for c in verb.children if c.dep_ == "ccomp" and not any(
                m.construction.act == "implied_threat" for m in self.anchored.get(c.i, []))]
            candidates = [m for c in said for g in c.children
                          if g.dep_ in ("nsubj", "nsubjpass") for m in self.actors_in(g) if m.code[:3] not in own]
        return [m for m in distinct_codes(candidates) if m.code not in source_codes]

    def names_a_thing(self, mention: Mention) -> bool:
        """The mention only modifies a non-actor noun ("UN Security Council resolutions", "EU rules"):
        it names a document or rule, not a party the act is aimed at."""
        tokens = [t for t in self.doc[self.sent.start:self.sent.end] if mention.start <= t.idx < mention.end]
        heads = [t for t in tokens if not (mention.start <= t.head.idx < mention.end) or t.head.i == t.i]
        return bool(heads) and all(
            t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i not in self.owner for t in heads)

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

    def sentence_target(self, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """Last resort: the nearest actor of another country after the trigger in the same clause
        chain (not inside a conditional or another reported clause)."""
        countries = {m.code[:3] for m in sources}
        for index in range(trigger.i + 1, self.sent.end):
            mention = self.owner.get(index)
            if mention is None or mention.code[:3] in countries or mention.kind == "pronoun":
                continue
            token = self.doc[index]
            if self.names_a_thing(mention):
                continue
            if any(a.dep_ in ("ccomp", "relcl", "parataxis") and a.i > trigger.i for a in token.ancestors
                   if a.i != trigger.i and trigger not in list(a.ancestors) + [a]):
                continue
            status = clause_of(token)
            if status.state == "unreal" and (status.conditional or status.modal or status.negated):
                continue  # "if X attacks", "X could ...": not who the act is aimed at; "allowed X to join" may be
            return [mention]
        return []
