"""CAMEO event coding: who did what to whom, read from the dependency parse of each sentence.

For each sentence that has an actor mention and a lexicon trigger (a cheap pre-filter before
any tree work), each trigger verb or noun is matched to its most specific lexicon entry; the
source comes from the subject (the "by" agent for passives, the owner for nouns), the target
from objects and prepositional phrases (``event_actors``; reporters and reactions in
``event_reporters``, parties found elsewhere in the article in ``event_counterparts``); acts
named by a noun read their parties from the noun's phrase or its verb (``event_nouns``); sources
and targets become events, with fallbacks when no target is named (``event_pairs``). Negated, conditional, interrogative
and merely possible clauses are not facts and are not coded; planned meetings are coded as
intent (036) (``event_clauses``). A joint act is coded once: "X signed with Y" from the subject,
"X and Y signed" from the first-named party; mutual pledges ("help each other") both ways.
A clause with no subject inside reported speech takes the speaker as source
("the agreement signed today ...," Putin said).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pactwatch.nlp.demanded_acts import demanded_code
from pactwatch.nlp.doc_text import doc_sents
from pactwatch.nlp.event_actors import OBJECT_DEPS, ActorMixin
from pactwatch.nlp.event_clauses import ClauseMixin
from pactwatch.nlp.event_context import context_mentions, place_of
from pactwatch.nlp.event_counterparts import CounterpartMixin, same_audience
from pactwatch.nlp.event_force import ForceMixin, aimed_at
from pactwatch.nlp.event_forms import FormMixin
from pactwatch.nlp.event_lexicon import EventLexicon, LexEntry
from pactwatch.nlp.event_nouns import NounMixin
from pactwatch.nlp.event_pairs import NO_TARGET, PairMixin
from pactwatch.nlp.event_parties import without_outlet_parties
from pactwatch.nlp.event_reporters import ReporterMixin
from pactwatch.nlp.event_speech import SpeechMixin
from pactwatch.nlp.event_states import StateMixin
from pactwatch.nlp.event_visits import VisitMixin, without_restated_visits
from pactwatch.nlp.grammar.actors import token_owners
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.engine import Match
from pactwatch.nlp.grammar.words import words
from pactwatch.nlp.petrarch_match import code_petrarch_events
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token; kept loose so this module imports without spaCy

# "will impose a curfew": the matching CAMEO threat (132x). Announced cuts in relations or aid
# ("will leave the alliance", "will suspend talks") stay the act itself, as news coders code them.
FUTURE_COERCION = {"1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324"}
IRREGULAR_ROLES = words("irregular_roles")
MILITARY_NOUNS = words("military_nouns")
ULTIMATUM_ROOTS = words("ultimatum_roots")
SPEAKER_SIDE = words("speaker_side_nouns")
BACKGROUND_MARKS = words("background_marks")
OF = words("genitive_preps")
PEACEKEEPING = words("peacekeeping_stems")
OBLIGATION_MODALS = words("obligation_modals")
EXPECTATION_PREPS = words("expectation_preps")
ULTIMATUM_MARKS = words("ultimatum_marks")
# Aid announced ahead is an intent to give that aid (CAMEO 0331-0333), see _SentenceCoder.adjust.
FUTURE_AID = {"071": "0331", "072": "0332", "073": "0333", "074": "0334"}
# A yield announced ahead is an intent to yield (CAMEO 035x, 034); see _SentenceCoder.adjust.
FUTURE_YIELD = {"081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355",
                "087": "0356"}


def code_events(doc: Any, mentions: list[Mention], lexicon: EventLexicon, on: date | None = None) -> list[Event]:
    """Events in ``doc`` between the actors in ``mentions``, dated against the publication day ``on``."""
    given = mentions
    if lexicon.context is not None:
        mentions = sorted(mentions + context_mentions(doc, mentions, lexicon.context), key=lambda m: m.start)
    if not mentions:
        return []
    owner = token_owners(doc, mentions)
    grammar = lexicon.grammar(doc.vocab)
    anchored = grammar.by_anchor(doc)
    events: list[Event] = []
    for sent in doc_sents(doc):
        if not any(i in owner for i in range(sent.start, sent.end)):
            continue  # no actor: no event
        triggers = grammar.triggers(doc, sent.start, sent.end)
        if not triggers or clause_of(triggers[0]).interrogative:
            continue
        coder = _SentenceCoder(doc, sent, owner, lexicon, on, mentions, anchored)
        seen: set[tuple[str, str, str]] = set()
        found: list[Event] = []
        # The main clause's event leads (CAMEO codes a story's lead event first): shallower triggers first.
        for trigger in sorted(triggers, key=lambda t: (_depth(t), t.i)):
            for event in coder.code(trigger):
                key = (event.source, event.target, event.cameo_code)
                if key not in seen:
                    seen.add(key)
                    found.append(event)
        # a targetless copy goes whichever trigger found the act's partner, earlier or later
        events += [e for e in found if not (e.target == NO_TARGET and _has_pair(seen, e))]
    events = without_outlet_parties(same_audience(_drop_coarser(without_restated_visits(events)), lexicon))
    return events + code_petrarch_events(doc, given, lexicon, on, events)


def _drop_coarser(events: list[Event]) -> list[Event]:
    """One act named at two grains in a sentence ("Putin met his Vietnamese counterpart To Lam" gives
    RUSGOV->VNM and RUSGOV->VNMGOV) is one event: the coarser copy goes."""
    def finer(a: Event, b: Event) -> bool:  # a says what b says, with as much detail or more
        return a is not b and a.start == b.start and a.cameo_code == b.cameo_code \
            and a.source.startswith(b.source) and a.target.startswith(b.target) \
            and (a.source, a.target) != (b.source, b.target)
    return [e for e in events if not any(finer(other, e) for other in events)]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _has_pair(seen: set[tuple[str, str, str]], event: Event) -> bool:
    """A targetless event adds nothing when the same source already takes part in that act with a
    partner (as its source, or as the second party of a joint act coded once)."""
    return any(event.source in (s, t) and c == event.cameo_code and t != NO_TARGET for s, t, c in seen)


class _SentenceCoder(ClauseMixin, SpeechMixin, ForceMixin, StateMixin, VisitMixin, FormMixin, ActorMixin,
                     ReporterMixin, CounterpartMixin, NounMixin, PairMixin):
    def __init__(self, doc: Any, sent: Any, owner: dict[int, Mention], lexicon: EventLexicon,
                 on: date | None, mentions: list[Mention], anchored: dict[int, list[Match]]) -> None:
        self.doc, self.sent, self.owner, self.lexicon, self.on = doc, sent, owner, lexicon, on
        self.mentions = mentions
        self.anchored = anchored  # token index -> the constructions anchored there (grammar engine)
        self.construction = ""  # the construction coding the current trigger, named on its events
        self.hits: dict[int, list[str]] = {}
        self.borrowed: set[int] = set()  # triggers whose source is the reporting speaker, not their subject

    def complements(self, token: Token) -> tuple[set[str], set[str], set[str]]:
        """(lemmas of complements, prepositions present, particles) used to select an entry."""
        lemmas: set[str] = set()
        preps: set[str] = set()
        particles: set[str] = set()

        def add_phrase(head: Token, depth: int = 0) -> None:
            lemmas.add(head.lemma_.lower())
            lemmas.add(head.lower_)
            for child in head.children:
                if child.dep_ in ("compound", "amod", "nmod", "poss"):
                    lemmas.add(child.lemma_.lower())
                    lemmas.add(child.lower_)
                if child.dep_ == "conj" and depth < 2:
                    add_phrase(child, depth + 1)
                if child.dep_ in OBJECT_DEPS and depth < 2:
                    add_phrase(child, depth + 1)
                if child.dep_ == "prep" and depth < 2:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            add_phrase(pobj, depth + 1)

        for child in token.children:
            dep = child.dep_
            if dep == "prt":
                particles.add(child.lower_)
            elif dep in OBJECT_DEPS or dep == "nsubjpass" or dep == "acomp":
                add_phrase(child)
            elif dep in ("prep", "agent") or (dep == "dative" and child.pos_ == "ADP"):
                preps.add(child.lower_)
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "pcomp"):
                        add_phrase(pobj)
            elif dep in ("xcomp", "ccomp", "advcl") and child.pos_ in ("VERB", "AUX"):
                lemmas.add(child.lemma_.lower())
                if dep in ("xcomp", "advcl"):  # "urged Arabs to unite and mobilise": both verbs are what is urged
                    lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB")
                for grand in child.children:
                    if grand.dep_ in OBJECT_DEPS:
                        add_phrase(grand)
                    if grand.dep_ == "prep":
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                add_phrase(pobj)
            elif dep in ("compound", "amod") and token.pos_ in ("NOUN", "PROPN"):
                # "joint military drills" may parse with "joint" on "military": modifiers of a modifier count
                for modifier in [child] + [c for c in child.children if c.dep_ in ("compound", "amod")]:
                    lemmas.add(modifier.lemma_.lower())
                    lemmas.add(modifier.lower_)
        if token.dep_ in ("amod", "compound", "acl"):  # "air strikes", "the agreement signed today"
            lemmas.add(token.head.lemma_.lower())
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ in OF:
            lemmas.add(token.head.head.lemma_.lower())  # "closure of the consulate" seen from consulate
        for phrase in aimed_at(token):  # "strikes targeting X" say what "strikes against X" says
            preps.add("against")
            add_phrase(phrase)
        return lemmas, preps, particles

    def select(self, token: Token, entries: list[LexEntry]) -> LexEntry | None:
        lemmas, preps, particles = self.complements(token)
        best: LexEntry | None = None
        for entry in entries:
            if entry.particle and entry.particle not in particles:
                continue
            if entry.preps and not (entry.preps & preps):
                continue
            if entry.objects and not (entry.objects & lemmas):
                continue
            if best is None or entry.specificity > best.specificity:
                best = entry
        if best is not None:  # remember what matched, for the evidence label
            self.hits[token.i] = sorted(best.objects & lemmas)[:1] + sorted(best.preps & preps)[:1]
        return best

    def code(self, trigger: Token) -> list[Event]:
        """The first construction anchored on the trigger that applies decides (data/grammar/events.jsonl);
        an ``adds`` construction that applies adds its events and lets the rows below decide."""
        added: list[Event] = []
        for match in self.anchored.get(trigger.i, []):
            self.construction = match.name
            events = getattr(self, "act_" + match.construction.act)(match)
            if events is None:
                continue
            if not match.construction.adds:
                return added + events
            added += events
        return added

    # -- the acts a construction names: None = does not apply here, try the next construction --
    def act_petrarch(self, match: Match) -> None:
        """A PETRARCH dictionary's verb: coded by its own act after the sentence's constructions
        (``petrarch_match.code_petrarch_events``), so nothing here."""
        return None

    def act_characterisation(self, match: Match) -> list[Event]:
        return self.code_characterisation(match.tokens["trait"])

    def act_obligation(self, match: Match) -> list[Event]:
        return self.code_obligation(match.tokens["demanded"])

    def act_expectation(self, match: Match) -> list[Event]:
        """"X is waiting for Y to honour the deal": X's demand on Y, coded by what is expected."""
        return self.code_obligation(match.tokens["expected"], holder=match.tokens["holder"])

    def act_defer_to_governor(self, match: Match) -> list[Event] | None:
        return [] if self.governor_codes(match.tokens["governor"]) else None

    def act_defer_to_complement(self, match: Match) -> list[Event] | None:
        return [] if self.governor_codes(match.tokens["act"]) else None

    @staticmethod
    def act_no_event(match: Match) -> list[Event]:
        return []

    def act_verb_sense(self, match: Match) -> list[Event]:
        verb = match.anchor
        entries = self.lexicon.verbs.get(verb.lemma_.lower(), [])
        entry = self.select(verb, entries) if entries else None
        return self.code_verb(verb, entry) if entry else []

    def act_noun_sense(self, match: Match) -> list[Event]:
        noun = match.anchor
        entries = self.lexicon.nouns.get(noun.lemma_.lower(), [])
        entry = self.select(noun, entries) if entries else None
        return self.code_noun(noun, entry) if entry else []

    def code_verb(self, verb: Token, entry: LexEntry, origin: list[Mention] | None = None) -> list[Event]:
        """The verb's event; ``origin``: the doer an agentless passive names by its origin ("was fired
        from X"), taken before the reporter."""
        if "no_free_relative" in entry.flags and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT")
                                                     for c in verb.children):
            return []  # "criticised what they called illegal sanctions": a hedge, not a characterisation
        state = self.status(verb)
        if state == "future" and self.under_contract(verb):
            state = "fact"  # "Greece will buy frigates from France under a new deal": agreed, not merely intended
        code = self.adjust(entry, entry.code, state)
        if code is None or self.force_as_purpose(code, verb):
            return []  # "missiles to hit targets": force wanted, not used (event_force)
        if state == "future" and code[:2] in ULTIMATUM_ROOTS and self.has_unless(verb):
            code = "139"  # "will withdraw its troops unless X holds elections": an ultimatum
        sources, subject = self.subject_of(verb)
        if code in ("042", "036") and entry.code == "042" and subject is not None and self.is_military(subject):
            if not any(stem in t.lower_ for t in subject.subtree for stem in PEACEKEEPING):
                return []  # "US troops arrived in Poland": a deployment, not a visit
            code = "074"  # "NATO peacekeeping troops arrived in Bosnia": peacekeeping provided
        if not sources and origin:
            sources = origin
        if not sources and code[:2] == "17" and self.is_agentless_passive(verb):
            sources = self.place_actor(verb)  # "was arrested in Lebanon": that country's authorities
        if not sources and (code[:2] == "07" or "sent_by_owner" in entry.flags) and self.is_agentless_passive(verb):
            sources = self.military_patient(verb)  # "X's troops were sent to / into Y": X sends them
        if not sources and not self.has_own_subject(verb):
            sources = self.speaker_of(verb)
            self.borrowed.add(verb.i)
        if ("irregular_assault" in entry.flags and code[:2] == "19"
                and any(s.code[3:6] in IRREGULAR_ROLES for s in sources)):
            code = "180"  # killings and attacks by militias, rebels, insurgents: unconventional violence
        targets = self.targets_of(verb, entry, sources) or self.occasion_partners(verb, entry, sources) or [
            m for phrase in aimed_at(verb) for m in self.actors_in(phrase) if m not in sources]
        code = self.verbal_clash(entry, code, sources, targets)  # "X clashed with Y", both persons: 111
        return self.pairs(verb, entry, code, sources, targets, verb)

    def governor_codes(self, head: Token) -> bool:
        """Whether the governing verb has a lexicon sense of its own here ("agreed to help")."""
        entries = self.lexicon.verbs.get(head.lemma_.lower(), [])
        if not entries:
            return False
        entry = self.select(head, entries)
        return entry is not None

    def code_obligation(self, verb: Token, holder: Token | None = None) -> list[Event]:
        """"X said Y must do Z" is X's demand on Y (CAMEO 10); the demand's code follows Z and its
        object (``demanded_acts``). With a ``holder`` ("X is waiting for / expects / counts on Y to
        do Z") the demand is the holder's subject's, and Y may be parsed as the holder's object
        ("expects Y to", "counts on Y to")."""
        # the act waited for is wished, not done (a "for Y to" clause): the holder's own status decides
        if self.status(holder if holder is not None else verb) in ("negated", "unreal") \
                and not any(c.lower_ in OBLIGATION_MODALS for c in verb.children):
            return []
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        code = demanded_code(verb)
        if holder is None:
            return self.speaker_to_subject(verb, code, lemma="must")
        sources, _ = self.subject_of(holder)
        targets = None
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            targets = [m for c in holder.children if c.dep_ == "dobj" or (
                c.dep_ == "prep" and c.lower_ in EXPECTATION_PREPS) for m in self.actors_in(c)]
        return self.speaker_to_subject(verb, code, lemma=holder.lemma_.lower(), sources=sources, targets=targets)

    @staticmethod
    def is_background(clause: Token) -> bool:
        """Whether ``clause`` sits in a relative clause or a time/cause clause ("after Russia launched
        ...", "which had asked for ...", "since it concluded ...", "following the sanctions"): background
        to the story's act, coded only with a named target; untargeted, it is rarely the news and often a
        misreading. Purpose
        clauses ("sent inspectors to monitor ...") and reported clauses stay."""
        node = clause
        for _ in range(12):
            if node.head.i == node.i:
                return False
            if node.dep_ == "relcl" or node.dep_ == "pcomp":
                return True
            if node.dep_ == "pobj" and node.head.lower_ in BACKGROUND_MARKS:
                return True  # an act named in "after / following / since ..." ("following Western sanctions")
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in node.children):
                return True
            node = node.head
        return False

    def has_own_subject(self, verb: Token) -> bool:
        """Whether a passive clause names a party as its subject: "X say Y's troops were sent":
        an agentless passive whose subject is a party is done to that party by someone unnamed, not by
        the reporter. A subjectless clause ("the deal signed today," Putin said) takes the speaker."""
        return any((c.dep_ == "nsubjpass" and self.actors_in(c)) or (
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() not in SPEAKER_SIDE)
            for c in verb.children)

    def military_patient(self, verb: Token) -> list[Mention]:
        """The owners of the soldiers an agentless passive moves ("North Korean troops were sent to X")."""
        for child in verb.children:
            if child.dep_ == "nsubjpass" and self.is_military(child):
                return self.actors_in(child)
        return []

    @staticmethod
    def is_military(subject: Token) -> bool:
        """Whether a subject phrase names soldiers or a deployment rather than a visiting person."""
        heads = [subject] + [c for c in subject.children if c.dep_ == "prep" for c in c.children if c.dep_ == "pobj"]
        return any(h.lemma_.lower() in MILITARY_NOUNS for h in heads)

    @staticmethod
    def has_unless(verb: Token) -> bool:
        """Whether the verb carries an "unless ..." condition (an advcl marked "unless")."""
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ULTIMATUM_MARKS for m in c.children)
                   for c in verb.children)

    def is_agentless_passive(self, verb: Token) -> bool:
        children = list(verb.children)
        return (any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
                and not any(c.dep_ == "agent" for c in children))

    def place_actor(self, trigger: Token) -> list[Mention]:
        """The country the clause happens in, as a bare-country actor."""
        if self.lexicon.context is None:
            return []
        country = place_of(trigger, self.lexicon.context, self.mentions, self.doc)
        if country is None:
            return []
        return [Mention(trigger.idx, trigger.idx, "", country, "country", "context")]

    def adjust(self, entry: LexEntry, code: str, state: str) -> str | None:
        """The code under negation / futurity, or None when the clause is not coded."""
        if state == "unreal" or ("intent_only" in entry.flags and state != "future"):
            return None  # intent_only: building ties up is news as a stated plan; done, it is a lasting state
        if state == "negated":
            return entry.negated if entry.negated and entry.negated != "-" else None
        if code == "-":
            return None
        if state == "future":
            if "future_intent" in entry.flags:
                return "036"
            if code.startswith("07"):
                return FUTURE_AID.get(code[:3], "033")
            if code.startswith("06"):
                return "031"
            if code.startswith("08"):
                return FUTURE_YIELD.get(code[:3], "035")
            if code.startswith("05") and code != "057":
                return "032"
            if code[:2] in ("18", "19", "20"):
                return "138"
            if code[:3] == "172":  # a curfew, ban or martial law announced ahead is a threat (132x)
                return FUTURE_COERCION.get(code, "132")
        return code
