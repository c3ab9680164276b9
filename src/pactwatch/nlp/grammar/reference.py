"""Reference, computed once per article and read by every step: what "he", "it", "they", "the
ministry", "the statement", "the North" or "the two countries" stands for.

``pactwatch_reference`` is a spaCy component (``requires`` the parse and the entities,
``assigns`` ``token._.reference`` and ``token._.antecedent``). It knows nothing of actor codes:
its answer is an earlier noun phrase of the same article (a ``Span``), which each step reads as
its own kind of thing (an actor mention, a quote's speaker, a treaty party).

How an antecedent is chosen (the same for every step):

* **compatibility** — a person pronoun ("he", "her") wants a person of that gender (from the
  words around the name: "Mrs", "spokeswoman", and from a pronoun already resolved to it); "it"
  a state, body or document in the singular; "they" a body, a group or several named together;
  "the ministry" / "the agency" a named body whose head is that noun, and "the bloc" / "the
  organisation" / "the Russian-led alliance" with none such any organisation named by name (an
  ORG entity), nearest first, which the steps' tables then accept or pass over; "the envoy" / "the same
  source" the person last described with that noun; "the statement" / "the report" / "a post"
  whoever issued the latest such text ("X issued a statement", "a note issued by X"); "the North"
  the country the article names "North …";
* **salience** — the nearest sentence that has a compatible candidate wins; inside it, the
  subject of the main clause first, then other subjects, then other positions, nearest first
  ("A told B that …. 'No,' he said": A); "he added" / "she concluded" goes on with whoever spoke
  last (a speech verb's own subject, even a name the entity tagger took for an organisation);
* **never from inside a quotation** for a word outside it (the speaker's own words name other
  people), and a bare surname two people of the article share goes to the one named last.

``Reference.distance`` says how many sentences back the antecedent is; a step that only trusts a
near antecedent (event coding: three sentences; "it": one) reads that, not a second resolver.
Word classes are ``data/grammar/word_classes.tsv`` (``reference_*``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pactwatch.nlp.doc_text import doc_text
from pactwatch.nlp.grammar.reference_candidates import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    PERSON_NOUNS,
    Candidate,
    Span,
    Token,
    candidates_of,
    clause_of_subject,
    name_like,
    reports_speech,
    sentence_index,
)
from pactwatch.nlp.grammar.words import words
from pactwatch.nlp.quote_marks import QuotedRanges, find_quote_spans

PERSON_PRONOUNS = words("reference_person_pronouns")
THING_PRONOUNS = words("reference_thing_pronouns")
GROUP_PRONOUNS = words("reference_group_pronouns")
FEMALE_PRONOUNS = words("reference_female_pronouns")
MALE_PRONOUNS = words("reference_male_pronouns")
SAME_WORDS = words("reference_same_words")
ISSUED_NOUNS = (words("speech_vehicles") | words("statement_nouns_event")) - words("reference_person_nouns")
ISSUE_VERBS = words("issue_verbs")
REGION_WORDS = words("reference_region_shorthands")
DEFINITE = words("definite_determiners")
ISSUER_PREPS = words("issuer_preps")
ADDRESSEE_PREPS = words("addressee_preps")
MEDIUM_PREPS = words("medium_preps")
ORGANISATION_NOUNS = words("organisation_nouns")
LEADER_PARTICIPLES = words("affiliation_participles")
_KEY = "pactwatch.reference"
COMPONENT = "pactwatch_reference"
MAX_RANKED = 24  # candidates kept per referring word, best first


@dataclass(frozen=True)
class Reference:
    antecedent: Span  # the earlier noun phrase (its root is the head word)
    rule: str  # person | thing | group | body | issuer | document | title | region | surname | addressee | organisation
    distance: int  # sentences between the referring word and its antecedent (0: the same one)
    # the ranked candidates, best first (the antecedent's own first): a step whose tables rule the
    # first out (a place the parser took for a person) reads the next, never re-ranks them
    candidates: tuple[Candidate, ...] = ()

    @property
    def ranked(self) -> tuple[Span, ...]:
        return tuple(c.span for c in self.candidates) or (self.antecedent,)


# -- referring words ---------------------------------------------------------------------------
def _definite(token: Token) -> bool:
    return any(c.lower_ in DEFINITE and c.dep_ == "det" for c in token.children)


def _bare_organisation(token: Token) -> bool:
    """"the bloc", "the Russian-led bloc" (a modifier that names its leader or backer), "accused the
    alliance of provoking ..." (an "of" that is the accusation's, not the name's): no name of its own
    ("the alliance of Sahel states", "the African union", "its bloc" are not bare)."""
    return not any((c.dep_ in ("compound", "amod", "poss", "nmod", "nummod") and not (
        c.dep_ == "amod" and c.lower_ in LEADER_PARTICIPLES)) or (c.dep_ == "prep" and any(
            g.dep_ == "pobj" for g in c.children)) for c in token.children)


def _modifiers(token: Token) -> frozenset[str]:
    """The words of a title's own adjectives and nouns ("the high representative": "high")."""
    return frozenset(c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.lower_ not in SAME_WORDS)


def _bare(token: Token, title: bool = False) -> bool:
    """A generic noun alone: no name, adjective or possessor of its own ("the ministry", not
    "the Kenyan ministry" or "a new report"); an adjective that only points back leaves it bare
    ("the same source"), and a title's own words may come along ("the foreign minister": they
    must then be words of the antecedent)."""
    own = ("compound", "amod") if title else ()
    return not any(c.dep_ in ("compound", "amod", "poss", "nmod", "nummod") and c.lower_ not in SAME_WORDS
                   and c.dep_ not in own for c in token.children) and not any(
        c.dep_ == "prep" and c.lower_ in ISSUER_PREPS for c in token.children)


class Resolver:
    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.sent_of = sentence_index(doc)
        text = doc_text(doc)
        self.quoted = QuotedRanges([(s.open_mark, s.close_mark if s.close_mark is not None else s.end)
                                    for s in find_quote_spans(text)])
        self.candidates = candidates_of(doc, self.quoted)
        self.found: dict[int, Reference] = {}
        # antecedent head -> the gender letters of the person pronouns resolved to it, in order
        self.genders: dict[int, list[str]] = {}

    def resolve(self) -> dict[int, Reference]:
        for token in self.doc:
            ref = self._resolve(token)
            if ref is not None:
                self.found[token.i] = ref
                low = token.lower_
                if ref.rule == "person" and (low in FEMALE_PRONOUNS or low in MALE_PRONOUNS):
                    letter = "f" if low in FEMALE_PRONOUNS else "m"
                    self.genders.setdefault(ref.antecedent.root.i, []).append(letter)
        return self.found

    def _resolve(self, token: Token) -> Reference | None:
        low = token.lower_
        if token.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
            if low in PERSON_PRONOUNS:
                return self._person(token, "f" if low in FEMALE_PRONOUNS else "m" if low in MALE_PRONOUNS else "")
            if low in THING_PRONOUNS:
                return self._addressee(token) or self._nearest(token, ("thing", "document"), "thing", plural=False)
            if low in GROUP_PRONOUNS:
                return self._nearest(token, ("thing", "group", "other"), "group", plural_others=True)
            return None
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        if low in REGION_WORDS and token.text[:1].isupper() and _definite(token):
            return self._region(token)
        lemma = token.lemma_.lower()
        if lemma in ISSUED_NOUNS and _bare(token) and token.pos_ == "NOUN":
            return self._issuer(token)
        if lemma in BODY_NOUNS and _definite(token) and _bare(token) and token.pos_ == "NOUN":
            named = self._same_head(token, "body")
            return named or (self._organisation(token) if lemma in ORGANISATION_NOUNS else None)
        if lemma in ORGANISATION_NOUNS and _definite(token) and token.text.islower() and _bare_organisation(token):
            # lower case tells the common noun (the tagger may call "the bloc" a proper noun)
            return self._organisation(token)
        if lemma in DOCUMENT_NOUNS and _definite(token) and _bare(token) and token.pos_ == "NOUN":
            return self._same_head(token, "document")
        if lemma in PERSON_NOUNS and _definite(token) and _bare(token, title=True) and token.pos_ == "NOUN":
            # "the envoy noted" -> "the UN envoy for Yemen, Hans Lindqvist"; "the same source";
            # "the high representative" -> "the AU High Representative …, X" (its words repeated)
            return self._same_head(token, "title", _modifiers(token))
        if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "") and not any(
                c.dep_ in ("compound", "flat") for c in token.children) and token.dep_ not in ("compound", "flat"):
            return self._surname(token)
        return None

    # each rule ------------------------------------------------------------------------------
    def _before(self, token: Token, reach: int) -> list[Candidate]:
        here = self.sent_of[token.i]
        outside = not self.quoted.contains(token.idx)
        return [c for c in self.candidates
                if c.span.end <= token.i and here - c.sent <= reach and not (outside and c.quoted)
                and not (c.span.start <= token.i < c.span.end)]

    def _pick(self, token: Token, pool: list[Candidate], rule: str, reporting: bool = False) -> Reference | None:
        """Nearest sentence first; inside one, the main clause's subject, another subject, then the
        nearest other position. The ranked rest stay as ``alternatives`` for a step whose tables
        rule the first out (a place the parser took for a person).

        A ``reporting`` word ("he added", "she concluded") goes on with whoever spoke last: in the
        nearest sentence, a subject of a speech verb first, the one nearest the word first ("At a
        dinner hosted by X, Y said: '…'. '…,' he concluded": Y, the parser's second subject)."""
        if not pool:
            return None
        here = self.sent_of[token.i]
        governors = [a.i for a in token.ancestors]

        def governing(c: Candidate) -> int:
            # in the word's own sentence, the subject of a clause above it comes first, the nearest
            # clause first ("PNG signed …, while China has sought … since it concluded": China)
            verb = clause_of_subject(c.head)
            return governors.index(verb.i) if c.sent == here and verb is not None and verb.i in governors else 99

        def speaker_first(c: Candidate) -> bool:
            return not (reporting and c.reporter)

        def position(c: Candidate) -> tuple[bool, int]:
            if not speaker_first(c):  # the speech verb's own subject, not a title in its apposition
                return not c.speaker, -c.span.start
            return False, c.span.start if c.subject else -c.span.start

        ranked = sorted(pool, key=lambda c: (here - c.sent, governing(c), speaker_first(c), not c.main, not c.subject,
                                             position(c)))
        return self._ranked(token, ranked, rule)

    def _ranked(self, token: Token, ranked: list[Candidate], rule: str) -> Reference:
        best = ranked[0]
        return Reference(best.span, rule, self.sent_of[token.i] - best.sent, tuple(ranked[:MAX_RANKED]))

    def _person(self, token: Token, gender: str) -> Reference | None:
        here = self.sent_of[token.i]
        reporting = reports_speech(token)
        # in its own sentence a pronoun follows a subject, not an object before it ("When asked by
        # a lawmaker why he ..., he said": the lawmaker asks, "he" is the one asked); "he added"
        # may also mean a speaker the parser took for an organisation ("Kaja Tamm said")
        pool = [c for c in self._before(token, len(self.doc))
                if (c.kind == "person" or reporting and c.reporter and c.kind in ("thing", "other")
                    and name_like(c.span))
                and not c.plural and (c.sent < here or c.subject)
                and (not gender or not self._gender_of(c) or self._gender_of(c) == gender)]
        return self._pick(token, pool, "person", reporting)

    def _gender_of(self, candidate: Candidate) -> str:
        if candidate.gender:
            return candidate.gender
        # a pronoun already resolved to the same person tells its gender (the first one that has one)
        letters = self.genders.get(candidate.head.i)
        return letters[0] if letters else ""

    def _nearest(self, token: Token, kinds: tuple[str, ...], rule: str, plural: bool | None = None,
                 plural_others: bool = False) -> Reference | None:
        pool = [c for c in self._before(token, len(self.doc)) if c.kind in kinds
                and (plural is None or c.plural == plural) and (not plural_others or c.kind != "other" or c.plural)]
        reporters = [c for c in pool if c.reporter]
        if reporters and reports_speech(token):
            # "It added that …": a body that reports goes on reporting; the last body that spoke
            # comes before what it spoke about, unless another subject acts in between in the
            # word's own sentence ("Ethiopia wanted a port, and it accused Somalia": Ethiopia)
            last = max(reporters, key=lambda c: c.span.start)
            here = self.sent_of[token.i]
            if not any(c.subject and c.span.start > last.span.start and c.sent == here for c in pool):
                return self._ranked(token, [last] + [c for c in pool if c is not last], rule)
        return self._pick(token, pool, rule)

    def _addressee(self, pronoun: Token) -> Reference | None:
        """"X told Iraq it must …", "a reminder to Iraq that it must …": the addressee of a word that
        governs the pronoun's clause."""
        ancestors = {a.i for a in pronoun.ancestors}
        found = []
        for c in self.candidates:
            if c.kind != "thing" or c.span.end > pronoun.i:
                continue
            head = c.head
            governor = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ADDRESSEE_PREPS else (
                head.head if head.dep_ in ("dobj", "dative") else None)
            if governor is not None and governor.i in ancestors:
                found.append(c)
        if len({c.span.text.lower() for c in found}) != 1:
            return None
        return self._ranked(pronoun, found[:1], "addressee")

    def _same_head(self, noun: Token, rule: str, modifiers: frozenset[str] = frozenset()) -> Reference | None:
        """"the ministry" -> the last named "… Ministry" before it ("the foreign minister": one whose
        phrase has the word "foreign" too)."""
        lemma = noun.lemma_.lower()
        pool = [c for c in self._before(noun, len(self.doc))
                if c.head.lemma_.lower() == lemma and len(c.span) > 1 and not _is_bare_phrase(c.span)
                and modifiers <= {t.lower_ for t in c.span}]
        if not pool:
            return None
        return self._ranked(noun, [max(pool, key=lambda c: c.span.start)], rule)

    def _organisation(self, noun: Token) -> Reference | None:
        """"the bloc", "the organisation", "the Russian-led alliance": the organisations named before
        by name (an ORG entity), nearest first; which of them is an actor the steps' tables say."""
        pool = [c for c in self._before(noun, len(self.doc)) if c.kind == "thing"
                and c.head.pos_ == "PROPN" and c.head.ent_type_ == "ORG"]
        if not pool:
            return None
        here = self.sent_of[noun.i]
        return self._ranked(noun, sorted(pool, key=lambda c: (here - c.sent, -c.span.start)), "organisation")

    def _issuer(self, noun: Token) -> Reference | None:
        """"the statement said", "a post said": whoever issued the latest such text named before
        ("X issued a statement", "X said in a statement", "a statement from X", "X's report")."""
        lemma = noun.lemma_.lower()
        for i in range(noun.i - 1, -1, -1):
            word = self.doc[i]
            if word.lemma_.lower() not in ISSUED_NOUNS or word.pos_ not in ("NOUN", "PROPN"):
                continue
            if word.lemma_.lower() != lemma and lemma not in words("statement_nouns_event"):
                continue
            holder = self._holder(word)
            if holder is not None:
                return self._ranked(noun, [holder], "issuer")
        return None

    def _holder(self, word: Token) -> Candidate | None:
        heads = [c for c in word.children if c.dep_ in ("poss", "compound")]
        heads += [g for c in word.children if c.dep_ == "prep" and c.lower_ in ISSUER_PREPS for g in c.children
                  if g.dep_ == "pobj"]
        # "a statement released by the two countries", "a note issued by Kenya": the participle's agent
        heads += [g for c in word.children if c.dep_ == "acl" and c.lemma_.lower() in ISSUE_VERBS
                  for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        verb = word.head.head if word.dep_ == "pobj" and word.head.lower_ in MEDIUM_PREPS else (
            word.head if word.dep_ == "dobj" and word.head.lemma_.lower() in ISSUE_VERBS | {"carry"} else None)
        if verb is not None:
            heads += [c for c in verb.children if c.dep_ == "nsubj"]
        if word.dep_ == "pobj" and word.head.lower_ == "in" and word.head.i < word.i:
            # "In a statement released on Monday, the X warned …" however the parser hangs the
            # opening phrase: the first subject after it in its sentence issued it
            heads += [t for t in word.sent if t.i > word.i and t.dep_ == "nsubj"][:1]
        for head in heads:
            # "Kenya and Uganda said in a joint statement": issued by both, a group
            for kinds in (("group",), ("thing", "person")):
                for c in self.candidates:
                    if c.kind in kinds and c.span.start <= head.i < c.span.end:
                        return c
        return None

    def _region(self, token: Token) -> Reference | None:
        """"the North" -> the country the article names "North …" (before it, else after)."""
        named = [c for c in self.candidates if c.kind == "thing" and len(c.span) >= 2
                 and c.span[0].text == token.text and c.span.root.i != token.i]
        if not named:
            return None
        before = [c for c in named if c.span.end <= token.i]
        best = max(before, key=lambda c: c.span.start) if before else min(named, key=lambda c: c.span.start)
        return self._ranked(token, [best], "region")

    def _surname(self, token: Token) -> Reference | None:
        """A bare surname after two full names that share it ("Kim Jong-un", "Kim Yo-jong"): the
        one named last; one full name alone needs no reference (the steps' own name tables)."""
        fulls = {c.span.text: c for c in self._before(token, len(self.doc)) if c.kind == "person" and len(c.span) > 1
                 and c.span[0].text == token.text}
        if len(fulls) < 2:
            return None
        best = max(fulls.values(), key=lambda c: c.span.start)
        return self._ranked(token, [best], "surname")


def _is_bare_phrase(span: Span) -> bool:
    return all(t.dep_ == "det" or t.i == span.root.i for t in span)


# -- the component ----------------------------------------------------------------------------
def references(doc: Any) -> dict[int, Reference]:
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = Resolver(doc).resolve()
    return found  # type: ignore[no-any-return]


def reference_of(token: Token) -> Reference | None:
    """``token._.reference``: what the word refers back to, or None."""
    return references(token.doc).get(token.i)


def antecedent_of(token: Token) -> Span | None:
    """``token._.antecedent``: the noun phrase the word refers back to, or None."""
    ref = reference_of(token)
    return ref.antecedent if ref is not None else None


def annotate_references(doc: Any) -> Any:
    references(doc)
    return doc


def register() -> None:
    """The ``reference`` / ``antecedent`` extensions and the ``pactwatch_reference`` factory."""
    from spacy.language import Language
    from spacy.tokens import Token as SpacyToken

    if not SpacyToken.has_extension("reference"):
        SpacyToken.set_extension("reference", getter=reference_of)
    if not SpacyToken.has_extension("antecedent"):
        SpacyToken.set_extension("antecedent", getter=antecedent_of)
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, requires=["token.dep", "token.head", "token.lemma", "token.pos", "token.tag",
                                              "token.ent_type"],
                         assigns=["token._.reference", "token._.antecedent"],
                         func=lambda nlp, name: annotate_references)
