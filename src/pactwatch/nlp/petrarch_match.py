"""PETRARCH-style coding with users' verb dictionaries (``pactwatch.nlp.petrarch_verbs``).

PETRARCH reads a verb phrase as: the words before the verb (the "lower" side, where the source
stands) and the words after it inside its phrase (the "upper" side, where the target stands).
Here the phrase comes from the spaCy dependency parse, and the verbs from the event grammar: each
dictionary is one construction (``petrarch.<file>``) of the same ``DependencyMatcher`` as the own
event constructions, and this module is its act. Actors (``token._.actor``), dates
(``doc._.dates``) and the question test (``token._.clause``) are the shared components'.

* the verb is found by its surface form (regular inflections and the dictionary's irregular
  forms), else by its lemma; multi-word verbs (``+CORDON_OFF``, ``WIRE_+TAP``) need their
  words right before / after it and take their own code;
* a pattern's upper words are matched, in order, over the verb's right-hand subtree (without
  coordinated verbs, which are coded on their own), its lower words outward over the sentence
  before the verb; ``_`` joins words that must be adjacent; ``&SET`` matches any member of a
  synonym set (members may be several words); ``$``/``+``/``%`` match an actor mention and give
  the source / target / compound; ``^`` is a gap. The heaviest matching pattern wins; a null
  pattern (``[---]``) blocks coding; otherwise the verb line's code, then the block's applies;
* source and target default to the actors of the subject and of the first complement holding
  an actor (objects, prepositional phrases, clause complements), searched level by level so
  "ties with X" and "a resumption of ties between X and Y" reach X (and Y);
* coordinated actors ("X, Y and Z") give one event per source/target pair; a ``%`` before the
  verb codes the compound's members with each other ("X and Y agree"); ``[a:b]`` codes add the
  target's reply event (visit 032 -> receive 033); a passive verb takes the ``by`` agent as source;
* a negation, a possibility modal or a condition on the verb stops coding unless the matched
  pattern itself contains those words ("WILL NOT *", "&NEGATVAUXVRB *").

Called once per document from ``pactwatch.nlp.events.code_events``, after the own
constructions; events they already coded for the same sentence and actor pair are not repeated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pactwatch.nlp.doc_text import sent_at
from pactwatch.nlp.event_actors import distinct_codes
from pactwatch.nlp.event_lexicon import CameoCode, EventLexicon
from pactwatch.nlp.grammar.actors import token_owners
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.dates import dates_of
from pactwatch.nlp.grammar.engine import Match
from pactwatch.nlp.grammar.words import words
from pactwatch.nlp.petrarch_verbs import Pattern, VerbDictionary, VerbEntry
from pactwatch.records import Event, Mention

Token = Any  # spacy.tokens.Token

LOWER_WINDOW = 12  # how far before the verb (in words) a lower pattern word may stand
CLAUSE_DEPS = words("petrarch_clause_deps")
SUBJECT_DEPS = words("event_subject_deps")
COMPLEMENT_DEPS = words("petrarch_complement_deps")
CLAUSE_COMPLEMENTS = words("clause_complement_deps")
OUTER_DEPS = words("outer_phrase_deps")
MODALS = words("possibility_modals_petrarch")
CONDITIONS = words("conditional_marks")
NO_TARGET = "---"


@dataclass(frozen=True)
class _Match:
    code: str | None
    paired: str | None
    label: str
    source: tuple[Mention, ...] | None = None  # from "$" in the pattern
    target: tuple[Mention, ...] | None = None  # from "+" (or a "%" after the verb)
    compound: tuple[Mention, ...] | None = None  # from "%" before the verb
    consumed: frozenset[int] = frozenset()  # token indices the pattern's words matched


def code_petrarch_events(doc: Any, mentions: list[Mention], lexicon: EventLexicon, on: date | None,
                         coded: list[Event]) -> list[Event]:
    """Events from the PETRARCH dictionaries in ``lexicon`` not already in ``coded``.

    The verbs are the anchors of the dictionaries' constructions in the event grammar (one
    ``DependencyMatcher`` with the own constructions, ``petrarch_verbs.construction``); this is
    their act, run after the sentence's own constructions."""
    if not lexicon.petrarch or not mentions:
        return []
    owner = token_owners(doc, mentions)
    done = {(e.start, e.source, e.target) for e in coded}
    out: list[Event] = []
    seen: set[tuple[int, str, str, str]] = set()
    anchors = sorted({m.anchor.i: m for m in lexicon.grammar(doc.vocab).matches(doc)
                      if m.construction.act == "petrarch"}.items())
    coders: dict[int, _SentenceCoder] = {}
    for i, match in anchors:
        verb = doc[i]
        sent = sent_at(doc, i)
        if not any(t in owner for t in range(sent.start, sent.end)):
            continue  # no actor: no event
        if clause_of(verb).interrogative:
            continue
        coder = coders.setdefault(sent.start, _SentenceCoder(doc, sent, owner, lexicon, on))
        for event in coder.code(verb, match):
            key = (event.start, event.source, event.target, event.cameo_code)
            if key in seen or key[:3] in done:
                continue
            seen.add(key)
            out.append(event)
    return out


def verb_entries(dictionary: VerbDictionary, verb: Token) -> list[tuple[VerbEntry, list[int]]]:
    """Dictionary lines naming ``verb`` whose extra words stand around it, most words first.

    Each comes with the token indices of its extra words (particles, prefixes).
    """
    heads = set(dictionary.surface.get(verb.lower_, ()))
    lemma = verb.lemma_.lower()
    if not heads and lemma in dictionary.entries:
        heads = {lemma}
    doc = verb.doc
    found: list[tuple[VerbEntry, list[int]]] = []
    for head in sorted(heads):
        for entry in dictionary.entries.get(head, []):
            used: list[int] = []
            ok = True
            for k, word in enumerate(reversed(entry.before)):
                i = verb.i - 1 - k
                if i < 0 or doc[i].text.upper() != word:
                    ok = False
                    break
                used.append(i)
            particles = [c for c in verb.children if c.dep_ == "prt"]
            for k, word in enumerate(entry.after):
                i = verb.i + 1 + k
                if i < len(doc) and doc[i].text.upper() == word:
                    used.append(i)
                elif k == 0 and any(p.text.upper() == word for p in particles):
                    used.append(next(p.i for p in particles if p.text.upper() == word))
                else:
                    ok = False
                    break
            if ok:
                found.append((entry, used))
    found.sort(key=lambda pair: -len(pair[1]))
    if found and found[0][1]:  # a multi-word verb found: its plain reading does not apply
        found = [pair for pair in found if pair[1]]
    return found


class _SentenceCoder:
    def __init__(self, doc: Any, sent: Any, owner: dict[int, Mention], lexicon: EventLexicon,
                 on: date | None) -> None:
        self.doc, self.sent, self.owner, self.lexicon, self.on = doc, sent, owner, lexicon, on
        self.texts = {t.i: t.text.upper() for t in sent}  # dictionary words are upper case

    # ---- actors ---------------------------------------------------------------------------
    def group_of(self, index: int) -> tuple[Mention, ...]:
        """The mention at ``index`` with the actors coordinated with it ("X, Y and Z")."""
        token = self.doc[index]
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        members: list[Mention] = []
        stack = [first]
        while stack:
            node = stack.pop(0)
            mention = self.owner.get(node.i)
            if mention is None:  # the conjunct's phrase may hold the actor: "the government of X"
                found = self.phrase_actors(node, follow_conj=False)
                members.extend(found)
            elif mention not in members:
                members.append(mention)
            stack.extend(c for c in node.children if c.dep_ == "conj")
        mention = self.owner[index]
        if mention not in members:
            members.insert(0, mention)
        return _distinct(members)

    def phrase_actors(self, head: Token, follow_conj: bool = True, depth: int = 6) -> tuple[Mention, ...]:
        """Actors of the phrase headed by ``head``, nearest first.

        The noun phrase itself (head, modifiers, possessor, coordinated nouns) is searched first;
        only when it names no actor are its prepositional phrases and reduced clauses searched,
        one level at a time ("a resumption of ties with X" reaches X).
        """
        level = [head]
        for _ in range(depth):
            found: list[Token] = []
            outer: list[Token] = []
            stack = list(level)
            while stack:
                node = stack.pop(0)
                if node.i in self.owner:
                    found.append(node)
                for child in node.children:
                    if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and not follow_conj):
                        continue
                    (outer if child.dep_ in OUTER_DEPS else stack).append(child)
            if found:
                found.sort(key=lambda t: t.i)
                return self.carry_agents(_distinct(self.owner[t.i] for t in found))
            level = outer
            if not level:
                break
        return ()

    def carry_agents(self, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        """An agent over coordinated actors applies to each: "the ambassadors of X, Y and Z"."""
        out: list[Mention] = []
        for mention in mentions:
            out.append(mention)
            if len(mention.code) <= 3:
                continue
            suffix = mention.code[3:]
            for token in self.tokens_of(mention):
                if token.dep_ != "pobj":
                    continue
                for other in token.subtree:
                    owned = self.owner.get(other.i)
                    if owned is not None and owned is not mention and other.dep_ == "conj" \
                            and len(owned.code) == 3 and owned not in out:
                        out.append(Mention(owned.start, owned.end, owned.text, owned.code + suffix,
                                           owned.kind, owned.resolved_by, owned.name))
        return _distinct(out)

    def tokens_of(self, mention: Mention) -> list[Token]:
        return [t for t in self.sent if self.owner.get(t.i) is mention]

    def subject(self, verb: Token) -> tuple[tuple[Mention, ...], bool]:
        """(source actors, passive) of a verb, climbing to the governing verb when it has no subject.

        A passive verb takes its "by" agent as source; without an agent its subject is the source
        (PETRARCH reads "X was criticized over ... with Y" as X against Y). A pronoun subject of
        a clause takes the governing clause's subject ("X indicated it would act").
        """
        node = verb
        for _ in range(6):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
            agents = [c for c in node.children if c.dep_ == "agent"]
            if passive and agents:
                return self.phrase_actors(agents[0]), True
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"]
            if subjects:
                if subjects[0].tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                    return self.phrase_actors(node.head), False
                found = self.phrase_actors(subjects[0])
                if found or subjects[0].pos_ != "PRON" or node.dep_ not in ("ccomp", "xcomp", "advcl", "conj"):
                    return found, False
            if node.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "ccomp") and node.head.i != node.i:
                node = node.head  # "is about to restore", "condemned ... and promised"
                continue
            if node.dep_ in ("relcl", "acl"):
                return self.phrase_actors(node.head), False
            break
        return (), False

    def objects(self, verb: Token, passive: bool, skip: set[str]) -> tuple[Mention, ...]:
        """The first complement of the verb (in text order, clauses last) holding an actor not in ``skip``."""
        candidates: list[Token] = []
        if passive:
            candidates += [c for c in verb.children if c.dep_ == "nsubjpass"]
        right = [c for c in verb.children if c.i > verb.i]
        candidates += [c for c in right if c.dep_ in COMPLEMENT_DEPS]
        candidates += [c for c in right if c.dep_ in CLAUSE_COMPLEMENTS]
        for child in candidates:
            found = tuple(m for m in self.phrase_actors(child) if m.code not in skip)
            if found:
                return found
        return ()

    # ---- patterns -------------------------------------------------------------------------
    def upper_positions(self, verb: Token, used: list[int]) -> list[int]:
        """Token indices after the verb inside its phrase, without coordinated verbs' phrases."""
        cut: set[int] = set()
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                cut.update(t.i for t in child.subtree)
            elif child.dep_ == "cc":
                cut.add(child.i)
        end = max(t.i for t in verb.subtree)
        start = max([verb.i] + [i for i in used if i > verb.i]) + 1
        return [i for i in range(start, min(end, self.sent.end - 1) + 1)
                if i not in cut and not self.doc[i].is_punct]

    def lower_positions(self, verb: Token, used: list[int]) -> list[int]:
        start = min([verb.i] + used)
        return [i for i in range(start - 1, self.sent.start - 1, -1) if not self.doc[i].is_punct]

    def match_pattern(self, pattern: Pattern, dictionary: VerbDictionary, upper: list[int],
                      lower: list[int]) -> _Match | None:
        # Cheap test first: every plain word of the pattern must occur on its side at all.
        for elements, side in ((pattern.upper, upper), (pattern.lower, lower)):
            for element, _ in elements:
                if element[0] not in "&$+%^" and not any(_word_ok(element, self.texts[i]) for i in side):
                    return None
        up = self.match_side(pattern.upper, upper, dictionary, forward=True)
        if up is None:
            return None
        low = self.match_side(pattern.lower, lower, dictionary, forward=False)
        if low is None:
            return None
        actors = {**low[0], **up[0]}
        target = up[0].get("+") or up[0].get("%") or low[0].get("+")
        return _Match(pattern.code, pattern.paired, pattern.text, actors.get("$"), target, low[0].get("%"),
                      frozenset(up[1] | low[1]))

    def match_side(self, elements: tuple[tuple[str, bool], ...], positions: list[int],
                   dictionary: VerbDictionary, forward: bool) -> tuple[dict[str, tuple[Mention, ...]], set[int]] | None:
        """Match pattern elements over ``positions`` (ordered outward from the verb)."""
        actors: dict[str, tuple[Mention, ...]] = {}
        consumed: set[int] = set()
        cursor, adjacent = 0, False
        for element, joined in elements:
            if element == "^":  # skip one noun phrase (a whole actor mention counts as one)
                cursor = self.skip_phrase(positions, cursor)
                adjacent = False
                continue
            limit = cursor + 1 if adjacent else (len(positions) if forward else cursor + LOWER_WINDOW)
            found: tuple[int, int] | None = None  # (first, last+1) slot of positions matched
            for k in range(cursor, min(limit, len(positions))):
                index = positions[k]
                if element in ("$", "+", "%"):
                    if index in self.owner:
                        mention = self.owner[index]
                        end = k
                        while end < len(positions) and self.owner.get(positions[end]) is mention:
                            end += 1
                        actors.setdefault(element, self.group_of(index))
                        found = (k, end)
                        break
                    continue
                length = self.words_match(element, positions, k, dictionary, forward)
                if length:
                    found = (k, k + length)
                    consumed.update(positions[k:k + length])
                    break
            if found is None:
                return None
            cursor, adjacent = found[1], joined
        return actors, consumed

    def skip_phrase(self, positions: list[int], cursor: int) -> int:
        for k in range(cursor, len(positions)):
            token = self.doc[positions[k]]
            mention = self.owner.get(token.i)
            if mention is not None:
                while k < len(positions) and self.owner.get(positions[k]) is mention:
                    k += 1
                return k
            if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                return k + 1
        return cursor

    def words_match(self, element: str, positions: list[int], k: int, dictionary: VerbDictionary,
                    forward: bool, depth: int = 0) -> int:
        """How many positions from ``k`` the element matches (0: no match)."""
        texts = self.texts
        if element.startswith("&"):
            if depth > 3:
                return 0
            best = 0
            for words in dictionary.members.get(element.rstrip("_").upper(), ()):
                if len(words) == 1 and words[0].startswith("&"):
                    best = max(best, self.words_match(words[0], positions, k, dictionary, forward, depth + 1))
                    continue
                if k + len(words) > len(positions) or len(words) <= best:
                    continue
                ordered = words if forward else words[::-1]
                if all(_word_ok(w, texts[positions[k + j]]) for j, w in enumerate(ordered)):
                    best = len(words)
            return best
        return 1 if _word_ok(element, texts[positions[k]]) else 0

    def find(self, verb: Token) -> tuple[_Match, VerbEntry] | None:
        for dictionary in self.lexicon.petrarch:
            for entry, used in verb_entries(dictionary, verb):
                upper, lower = self.upper_positions(verb, used), self.lower_positions(verb, used)
                patterns = sorted(entry.block.patterns, key=lambda p: (-p.weight, p.line))
                for pattern in patterns:
                    match = self.match_pattern(pattern, dictionary, upper, lower)
                    if match is not None:
                        return _Match(match.code, match.paired, f"{entry.block.name.upper()}:{pattern.text}",
                                      match.source, match.target, match.compound,
                                      match.consumed | frozenset(used)), entry
                code = entry.code or entry.block.code
                if code is not None:
                    paired = entry.paired if entry.code else entry.block.paired
                    return _Match(code, paired, entry.block.name.upper(), consumed=frozenset(used)), entry
        return None

    # ---- coding ---------------------------------------------------------------------------
    def blocked(self, verb: Token, consumed: frozenset[int]) -> bool:
        """A negation, possibility modal or condition on the verb that the pattern did not match."""
        node = verb
        for _ in range(4):
            for child in node.children:
                low = child.lower_
                if (child.dep_ == "neg" or low == "never") and child.i not in consumed:
                    return True
                if child.dep_ == "aux" and low in MODALS and child.i not in consumed:
                    return True
                if child.dep_ == "mark" and low in CONDITIONS and child.i not in consumed:
                    return True
            if node.dep_ in ("xcomp", "acomp") and node.head.i != node.i:
                node = node.head  # "is not about to restore"
                continue
            break
        return False

    def code(self, verb: Token, row: Match) -> list[Event]:
        """The events of ``verb``, anchored by the dictionary construction ``row``."""
        construction = row.name
        found = self.find(verb)
        if found is None:
            return []
        match, _ = found
        if match.code is None or self.blocked(verb, match.consumed):
            return []
        sources, passive = (match.source, False) if match.source else self.subject(verb)
        pairs: list[tuple[Mention, Mention | None, str]] = []
        if match.compound and len(match.compound) > 1:
            members = match.compound
            pairs = [(a, b, match.code) for a in members for b in members if a.code != b.code]
        else:
            if not sources:
                return []
            skip = {m.code for m in sources}
            targets = match.target or self.objects(verb, passive and not match.source, skip)
            if not targets:
                pairs = [(s, None, match.code) for s in sources]
            else:
                pairs = [(s, t, match.code) for s in sources for t in targets if s.code != t.code]
                if match.paired:
                    pairs += [(t, s, match.paired) for s in sources for t in targets if s.code != t.code]
        when = self.event_date(verb)
        label = f"petrarch:{match.label}"
        events: list[Event] = []
        expanded = [(a, b, code) for source, target, code in pairs
                    for a in source.code.split("/") if a  # "FRO/BIL/SAM": one event per actor
                    for b in (target.code.split("/") if target is not None else [NO_TARGET]) if b and a != b]
        for source_code, target_code, code in dict.fromkeys(expanded):
            info = self.lexicon.code_info(code) or CameoCode(code, "", code[:2], 0, 0.0)
            events.append(Event(
                source=source_code, target=target_code, cameo_code=code,
                root_code=info.root, quad_class=info.quad_class, goldstein=info.goldstein, date=when,
                sentence=self.sent.text, start=self.sent.start_char, end=self.sent.end_char, matched=label,
                construction=construction, clause=clause_of(verb).describe()))
        return events

    def event_date(self, verb: Token) -> date | None:
        """A day named in the verb's own clause, else the publication day; None for a period."""
        dates = dates_of(self.doc, self.on)
        readings = [dates.entities[ent.start] for ent in self.sent.ents
                    if ent.label_ in ("DATE", "TIME") and any(_governed_by(t, verb) for t in ent)]
        for reading in readings:
            if reading.value is not None:
                return reading.value
        if any(reading.period for reading in readings):
            return None
        return self.on


def _governed_by(token: Token, verb: Token) -> bool:
    """Whether ``token`` sits in ``verb``'s own clause (not inside a subordinate clause)."""
    node = token
    for _ in range(12):
        if node.i == verb.i:
            return True
        if node.dep_ in CLAUSE_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


def _word_ok(word: str, text: str) -> bool:
    """An upper-case dictionary word against an upper-case token: exact when it ends in ``_``,
    else as a prefix (TABARI stemming)."""
    if word[-1] == "_":
        return text == word[:-1]
    return text.startswith(word)


def _distinct(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(distinct_codes(mentions))
