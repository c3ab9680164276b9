"""Who acts and who is acted on, for the event coder: sources and targets read from the parse.

The source of a verb is its subject (the "by" agent of a passive, the governing verb's subject
for "agreed to help"); the target comes from objects and prepositional phrases, then from the
rest of the sentence, then from the article (the unnamed other party of a signing,
``event_counterparts``). Who reports an act and who reacts to it is ``event_reporters``. Actor
spans come from ``pactwatch.nlp.actors`` plus the context mentions of ``event_context``.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

from pactwatch.nlp.event_clauses import CLAUSE_DEPS, REPORT_NOUNS
from pactwatch.nlp.event_context import people_place, place_in_phrase
from pactwatch.nlp.event_lexicon import EventLexicon, LexEntry
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.words import word_sequence, words
from pactwatch.records import Mention

Token = Any  # spacy.tokens.Token

MODIFIER_DEPS = words("event_modifier_deps")
OBJECT_DEPS = words("object_deps")
PAIR_NOUNS = words("pair_nouns")
OBJECT_CONTROL = words("object_control_verbs")
TARGET_PREP_ORDER = word_sequence("target_prep_order")
CONTENT_TARGET_ROOTS = words("content_target_roots")
ETHNIC_MARKERS = words("ethnic_markers")
PAIR_COUNTS = words("pair_counting_words")
PAIR_PREPS = words("pair_preps")
INFINITIVE = words("infinitive_markers")


def distinct_codes(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out: list[Mention] = []
    for mention in mentions:
        if mention.code not in seen:
            seen.add(mention.code)
            out.append(mention)
    return out


class ActorMixin:
    """Source and target finding; mixed into the sentence coder (needs doc, sent, owner, mentions)."""

    doc: Any
    sent: Any
    owner: dict[int, Mention]
    mentions: list[Mention]
    lexicon: EventLexicon
    on: date | None
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
