"""CAMEO event coding: who did what to whom, read from the dependency parse of each sentence.

For each sentence that has an actor mention and a lexicon trigger (a cheap pre-filter before
any tree work), each trigger verb or noun is matched to its most specific lexicon entry; the
source comes from the subject (the "by" agent for passives, the owner for nouns), the target
from objects and prepositional phrases. Negated, conditional, interrogative and merely possible
clauses are not facts and are not coded; planned meetings are coded as intent (036). Compound
subjects of reciprocal verbs ("X and Y signed") code both directions. A clause with no subject
inside reported speech takes the speaker as source ("the agreement signed today ...," Putin said).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from pactwatch.nlp.dates import is_period_reference, resolve_date
from pactwatch.nlp.event_lexicon import EventLexicon, LexEntry
from pactwatch.nlp.petrarch_match import code_petrarch_events
from pactwatch.nlp.types import Event, Mention

Token = Any  # spacy.tokens.Token; kept loose so this module imports without spaCy

CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "pcomp"}
SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd", "obj", "iobj"}
TARGET_PREP_ORDER = ("with", "to", "against", "on", "toward", "towards", "at", "into", "in", "upon", "from",
                     "for", "over", "between", "of", "across")
POSSIBILITY_MODALS = {"could", "might", "may", "should", "can", "must", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
FUTURE_GOVERNORS = {"plan", "expect", "due", "set", "schedule", "intend", "want", "hope", "aim", "prepare", "going"}
NEGATING_GOVERNORS = {"refuse", "fail", "decline", "reject", "deny", "avoid", "cancel", "postpone", "scrap", "suspend",
                      "halt", "freeze", "end", "abandon", "undermine"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
REPORT_VERBS = {"say", "tell", "announce", "state", "add", "note", "stress", "emphasize", "emphasise", "declare",
                "report", "confirm", "claim", "write", "insist", "explain", "affirm", "reiterate", "remark",
                "comment", "assert", "according"}
RECIPROCAL_WORDS = {"each other", "one another"}


def code_events(doc: Any, mentions: list[Mention], lexicon: EventLexicon, on: date | None = None) -> list[Event]:
    """Events in ``doc`` between the actors in ``mentions``, dated against the publication day ``on``."""
    if not mentions:
        return []
    owner = _token_owners(doc, mentions)
    events: list[Event] = []
    for sent in doc.sents:
        if not any(i in owner for i in range(sent.start, sent.end)):
            continue  # no actor: no event
        triggers = [t for t in sent if lexicon.is_trigger(t.lemma_, t.pos_)]
        if not triggers or sent.text.rstrip().rstrip("\"'”’»)").endswith("?"):
            continue
        coder = _SentenceCoder(doc, sent, owner, lexicon, on, mentions)
        seen: set[tuple[str, str, str]] = set()
        for trigger in triggers:
            for event in coder.code(trigger):
                key = (event.source, event.target, event.cameo_code)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
    return events + code_petrarch_events(doc, mentions, lexicon, on, events)


def _token_owners(doc: Any, mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the longest mention covering it (nested mentions lose to their container)."""
    owner: dict[int, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.end - m.start):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            owner[token.i] = mention
    return owner


class _SentenceCoder:
    def __init__(self, doc: Any, sent: Any, owner: dict[int, Mention], lexicon: EventLexicon,
                 on: date | None, mentions: list[Mention]) -> None:
        self.doc, self.sent, self.owner, self.lexicon, self.on = doc, sent, owner, lexicon, on
        self.mentions = mentions
        self.hits: dict[int, list[str]] = {}

    # ---- actors -------------------------------------------------------------------------
    def actors_in(self, token: Token, stop: set[str] = CLAUSE_DEPS) -> list[Mention]:
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
                    if child.dep_ == "prep":  # one level of "of/in/to" at most: no deep modifiers
                        if levels > 0:
                            stack.append((child, levels - 1))
                    else:
                        stack.append((child, levels))
            if found:
                found.sort(key=lambda m: m.start)
                return _distinct_codes(found)
        return []

    def subject_of(self, verb: Token) -> tuple[list[Mention], Token | None]:
        """Source actors of a verb: its subject, the passive agent, or inherited from the governing verb."""
        node = verb
        for _ in range(4):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
            if passive:
                for child in node.children:
                    if child.dep_ == "agent":
                        return self.actors_in(child), child
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS and not passive]
            for child in subjects:  # a dateline can parse as a second subject: take one with actors
                if child.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                    return self.actors_in(node.head), node.head
                actors = self.actors_in(child)
                if actors:
                    return actors, child
            if subjects:
                return [], subjects[0]
            if node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
                node = node.head  # "agreed to help": the helper is the one who agreed
                continue
            if node.dep_ == "relcl":
                return self.actors_in(node.head), node.head
            break
        return [], None

    def speaker_of(self, token: Token) -> list[Mention]:
        """Subject of the reporting verb that frames ``token`` ("..., Putin said")."""
        node = token
        while node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in REPORT_VERBS:
                actors, _ = self.subject_of(node)
                return actors
        # The reporting clause may be the sentence root with the quote as a sibling clause.
        root = self.sent.root
        if root.lemma_.lower() in REPORT_VERBS and root.i != token.i:
            actors, _ = self.subject_of(root)
            return actors
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

    # ---- clause status ------------------------------------------------------------------
    def clause_path(self, token: Token) -> Iterator[Token]:
        """The token and its governing verbs up to (not past) the nearest reporting verb."""
        node = token
        yield node
        while node.head.i != node.i and node.dep_ not in ("ccomp", "parataxis"):
            node = node.head
            if node.lemma_.lower() in REPORT_VERBS:
                return
            yield node

    def status(self, token: Token) -> str:
        """'fact', 'negated', 'future' or 'unreal' (conditional / merely possible)."""
        state = "fact"
        for node in self.clause_path(token):
            for child in node.children:
                low = child.lower_
                if child.dep_ == "neg" or (low in ("never", "no") and child.dep_ in ("neg", "advmod", "det") and node.i == token.i):
                    return "negated"
                if child.dep_ == "mark" and low in CONDITIONAL_MARKS:
                    return "unreal"
                if child.dep_ == "aux" and low in POSSIBILITY_MODALS:
                    return "unreal"
                if child.dep_ == "aux" and low in FUTURE_AUX:
                    state = "future"
            lemma = node.lemma_.lower()
            if node.i != token.i and lemma in NEGATING_GOVERNORS:
                return "negated"
            if node.i != token.i and (lemma in FUTURE_GOVERNORS or node.lower_ == "due"):
                state = "future"
            if node.pos_ == "VERB" and node.i != token.i and node.dep_ not in ("xcomp", "conj", "acomp"):
                break
        return state

    # ---- matching -----------------------------------------------------------------------
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
                for grand in child.children:
                    if grand.dep_ in OBJECT_DEPS:
                        add_phrase(grand)
                    if grand.dep_ == "prep":
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                add_phrase(pobj)
            elif dep in ("compound", "amod") and token.pos_ in ("NOUN", "PROPN"):
                lemmas.add(child.lemma_.lower())
                lemmas.add(child.lower_)
        if token.dep_ in ("amod", "compound", "acl"):  # "air strikes", "the agreement signed today"
            lemmas.add(token.head.lemma_.lower())
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ == "of":
            lemmas.add(token.head.head.lemma_.lower())  # "closure of the consulate" seen from consulate
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

    # ---- coding -------------------------------------------------------------------------
    def code(self, trigger: Token) -> list[Event]:
        lemma = trigger.lemma_.lower()
        if trigger.pos_ in ("VERB", "AUX"):
            if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in self.lexicon.verbs:
                return []  # "agreed to help", "urged X to arrest": the governing verb codes the event
            entries = self.lexicon.verbs.get(lemma, [])
            entry = self.select(trigger, entries) if entries else None
            return self.code_verb(trigger, entry) if entry else []
        entries = self.lexicon.nouns.get(lemma, [])
        entry = self.select(trigger, entries) if entries else None
        return self.code_noun(trigger, entry) if entry else []

    def code_verb(self, verb: Token, entry: LexEntry) -> list[Event]:
        state = self.status(verb)
        code = self.adjust(entry, entry.code, state)
        if code is None:
            return []
        sources, _ = self.subject_of(verb)
        if not sources:
            sources = self.speaker_of(verb)
        targets = self.targets_of(verb, entry, sources)
        return self.pairs(verb, entry, code, sources, targets, verb)

    def adjust(self, entry: LexEntry, code: str, state: str) -> str | None:
        """The code under negation / futurity, or None when the clause is not coded."""
        if state == "unreal":
            return None
        if state == "negated":
            return entry.negated if entry.negated and entry.negated != "-" else None
        if code == "-":
            return None
        if state == "future":
            if "future_intent" in entry.flags:
                return "036"
            if code.startswith("07"):
                return "0332" if code.startswith("072") else "033"
            if code.startswith("06"):
                return "031"
        return code

    def targets_of(self, verb: Token, entry: LexEntry, sources: list[Mention]) -> list[Mention]:
        source_codes = {m.code for m in sources}
        by_prep: dict[str, list[Mention]] = {}
        ordered: list[Mention] = []
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
                ordered += self.actors_in(child)
            elif child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP"):
                by_prep.setdefault(child.lower_, []).extend(self.actors_in(child))
            elif child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                for grand in child.children:  # "urged Mongolia to arrest", "agreed to meet X"
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
        return [m for m in _distinct_codes(candidates) if m.code not in source_codes]

    def code_noun(self, noun: Token, entry: LexEntry) -> list[Event]:
        governor = self.governing_verb(noun)
        if "needs_verb" in entry.flags and governor is None:
            return []
        state = self.status(governor) if governor is not None else self.status(noun)
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ("case", "event"):
            state = "unreal"  # "in case of an attack on X"
        if governor is not None and governor.lemma_.lower() in NEGATING_GOVERNORS:
            state = "negated"
        code = self.adjust(entry, entry.code, state)
        if code is None:
            return []
        sources: list[Mention] = []
        targets: list[Mention] = []
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.i in self.owner):
                sources += self.actors_in(child)
            elif child.dep_ == "prep" and child.lower_ not in entry.preps and (
                    child.lower_ == "by" or (child.lower_ == "of" and entry.code.startswith("04"))):
                sources += self.actors_in(child)
            elif child.dep_ == "prep" and (not entry.preps or child.lower_ in entry.preps):
                targets += self.actors_in(child)
            elif child.dep_ == "amod" and child.i in self.owner:  # "Russian sanctions"? owner, not target
                sources += self.actors_in(child)
        if not sources and governor is not None:
            sources, _ = self.subject_of(governor)
        if not sources:
            sources = self.speaker_of(noun)
        if not targets and governor is not None and code[:2] in ("16", "19", "15", "17", "07"):
            targets = [m for m in self.actors_in(noun, stop={"relcl"}) if m not in sources]
        if not targets and governor is not None:  # "imposed sanctions on Russia", "held talks with X"
            for child in governor.children:
                if child.dep_ == "prep" and (not entry.preps or child.lower_ in entry.preps):
                    targets += self.actors_in(child)
        source_codes = {m.code for m in sources}
        targets = [m for m in _distinct_codes(targets) if m.code not in source_codes]
        return self.pairs(noun, entry, code, sources, targets, governor or noun)

    def governing_verb(self, noun: Token) -> Token | None:
        node = noun
        for _ in range(4):
            if node.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative"):
                return node.head if node.head.pos_ in ("VERB", "AUX") else None
            if node.dep_ in ("conj", "appos", "compound"):
                node = node.head
                continue
            if node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent"):
                head = node.head.head
                if head.pos_ in ("VERB", "AUX"):
                    return head
                node = head
                continue
            return None
        return None

    def pairs(self, trigger: Token, entry: LexEntry, code: str, sources: list[Mention],
              targets: list[Mention], clause: Token) -> list[Event]:
        reciprocal = "reciprocal" in entry.flags or self.says_each_other(trigger)
        if not targets and "fallback_target" in entry.flags:
            targets = [m for m in self.speaker_of(trigger) if m.code[:3] not in {s.code[:3] for s in sources}]
        if sources and not targets and not reciprocal:
            targets = self.sentence_target(trigger, sources)
        if not sources and reciprocal and len(targets) > 1:
            sources, targets = targets, []  # "the talks between X and Y"
        if sources and not targets and reciprocal and len(sources) == 1 and code[:2] in ("04", "05") \
                and code in ("057", "040", "041", "043", "044", "046"):
            targets = self.context_counterpart(sources)
        pairs: list[tuple[Mention, Mention]] = []
        if targets:
            pairs = [(s, t) for s in sources for t in targets if s.code != t.code]
            if reciprocal:
                pairs += [(t, s) for s, t in pairs]
        elif reciprocal and len(sources) > 1:
            pairs = [(a, b) for a in sources for b in sources if a.code[:3] != b.code[:3]]
        # Domestic pairs are coded only for protest and coercion; else they are misreadings here.
        pairs = [(s, t) for s, t in pairs if s.code[:3] != t.code[:3] or code[:2] in ("14", "17", "18")]
        if not pairs:
            return []
        info = self.lexicon.code_info(code)
        if info is None:  # a PETRARCH dictionary's own code (validation files use WEIS-era codes)
            from pactwatch.nlp.event_lexicon import CameoCode

            info = CameoCode(code, "", code[:2], 0, 0.0)
        when = self.event_date(clause)
        sent = _paragraph_part(self.sent, trigger)
        matched = self.label(trigger, entry) if entry.code == code else f"{self.label(trigger, entry)}>{code}"
        return [
            Event(source=s.code, target=t.code, cameo_code=code, root_code=info.root, quad_class=info.quad_class,
                  goldstein=info.goldstein, date=when, sentence=sent.text, start=sent.start_char,
                  end=sent.end_char, matched=matched)
            for s, t in pairs
        ]

    def sentence_target(self, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """Last resort: the nearest actor of another country after the trigger in the same clause
        chain (not inside a conditional or another reported clause)."""
        countries = {m.code[:3] for m in sources}
        for index in range(trigger.i + 1, self.sent.end):
            mention = self.owner.get(index)
            if mention is None or mention.code[:3] in countries or mention.kind == "pronoun":
                continue
            token = self.doc[index]
            if any(a.dep_ in ("ccomp", "relcl", "parataxis") and a.i > trigger.i for a in token.ancestors
                   if a.i != trigger.i and trigger not in list(a.ancestors) + [a]):
                continue
            if self.status(token) == "unreal":
                continue
            return [mention]
        return []

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

    def says_each_other(self, trigger: Token) -> bool:
        window = self.doc[trigger.i: min(trigger.i + 8, self.sent.end)].text.lower()
        return any(word in window for word in RECIPROCAL_WORDS)

    def event_date(self, clause: Token) -> date | None:
        """Day named in the trigger's own clause; the publication day when none; None for a period."""
        texts: list[str] = []
        stack = [clause]
        while stack:
            node = stack.pop()
            if node.ent_type_ in ("DATE", "TIME") or node.lower_ in ("yesterday", "today", "tonight"):
                texts.append(node.text)
            stack.extend(c for c in node.children if c.dep_ not in CLAUSE_DEPS or c.dep_ == "xcomp")
        if not texts:
            return self.on
        spans = _date_spans(self.sent, {t for t in texts})
        for text in spans:
            resolved = resolve_date(text, self.on)
            if resolved is not None:
                return resolved
        if any(is_period_reference(t) for t in spans):
            return None
        return self.on


def _paragraph_part(sent: Any, token: Token) -> Any:
    """The part of the parser's sentence inside the trigger's paragraph (sentences may run over "\n\n")."""
    text = sent.text
    if "\n\n" not in text:
        return sent
    offset = token.idx - sent.start_char
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    start = 0 if start < 0 else start + 2
    end = len(text) if end < 0 else end
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return span if span is not None else sent


def _date_spans(sent: Any, words: set[str]) -> list[str]:
    """Contiguous date-entity texts in the sentence that contain one of ``words``."""
    out: list[str] = []
    for ent in sent.ents:
        if ent.label_ in ("DATE", "TIME") and any(t.text in words for t in ent):
            out.append(ent.text)
    for word in ("yesterday", "today", "tonight"):
        if word in {w.lower() for w in words} and word not in " ".join(out).lower():
            out.append(word)
    return out


def _distinct_codes(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out: list[Mention] = []
    for mention in mentions:
        if mention.code not in seen:
            seen.add(mention.code)
            out.append(mention)
    return out
