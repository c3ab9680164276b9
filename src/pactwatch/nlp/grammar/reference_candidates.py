"""The candidate antecedents of one article for the reference component (``reference.py``):
every noun phrase that a later "he", "it", "they", "the ministry" or "the statement" may stand
for, with what the ranking reads of it (kind, sentence, subject of which clause, quoted, number,
gender, whether it reports speech)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pactwatch.nlp.doc_text import doc_ents, doc_sents
from pactwatch.nlp.grammar.words import word_sequence, words
from pactwatch.nlp.quote_marks import QuotedRanges

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span

FEMALE = words("female_words")
MALE = words("male_words")
PERSON_NOUNS = words("reference_person_nouns")
TITLES = words("person_titles")
BODY_NOUNS = words("body_nouns") | words("reference_generic_bodies")
DOCUMENT_NOUNS = words("document_nouns")
SUBJECT_DEPS = words("subject_deps_reference")
QUANTITY_HEADS = words("quantity_heads")
CHAIN_DEPS = word_sequence("name_chain_deps")
ACCORDING = words("according_words")
ACCORDING_LINK = words("according_link_preps")
OF = words("genitive_preps")
HYPHENS = words("name_hyphens")
NOT_REFERENTS = ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY")


@dataclass
class Candidate:
    span: Span
    kind: str  # person | thing (state, body, place) | document | group (several named together)
    sent: int
    subject: bool
    main: bool  # subject of the sentence's main clause
    quoted: bool
    plural: bool
    gender: str = ""
    reporter: bool = False  # subject of a speech verb ("the ministry said")
    speaker: bool = False  # the speech verb's own subject, not a title in apposition to it

    @cached_property
    def head(self) -> Token:  # Span.root walks the span's tokens; every rule asks for it
        return self.span.root


# -- candidates -------------------------------------------------------------------------------
def _gender(token: Token) -> str:
    found = {t.lower_ for t in token.subtree if t.i <= token.i or t.dep_ == "appos"}
    if found & FEMALE:
        return "f"
    if found & MALE:
        return "m"
    return ""


def reports_speech(token: Token) -> bool:
    """The word is the subject of a speech verb ("the ministry said", "it added")."""
    from pactwatch.nlp.quote_speakers import speech_verbs

    node = token
    while node.dep_ in CHAIN_DEPS and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in ACCORDING_LINK and node.head.head.lemma_.lower() in ACCORDING:
        return True
    return node.dep_ in SUBJECT_DEPS and node.head.lemma_.lower() in speech_verbs()


def clause_of_subject(token: Token) -> Token | None:
    """The verb whose subject the phrase is, or None."""
    node = token
    while node.dep_ in (*CHAIN_DEPS, "poss") and node.head.i != node.i:
        node = node.head
    return node.head if node.dep_ in SUBJECT_DEPS else None


def _is_subject(token: Token) -> tuple[bool, bool]:
    """(subject of some clause, subject of the main clause), through compounds, appositions,
    coordination and a possessor ("Putin's plane landed": Putin is the topic)."""
    node = token
    while node.dep_ in (*CHAIN_DEPS, "poss") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in ACCORDING_LINK and node.head.head.lemma_.lower() in ACCORDING:
        return True, True  # "according to X": X speaks
    if node.dep_ == "pobj" and node.head.lower_ in OF and node.head.head.lower_ in QUANTITY_HEADS:
        node = node.head.head  # "A group of Yoruba leaders announced": the counted actor is the subject
        while node.dep_ in CHAIN_DEPS and node.head.i != node.i:
            node = node.head
    if node.dep_ not in SUBJECT_DEPS:
        return False, False
    verb = node.head
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return True, main


def _phrase(doc: Any, head: Token) -> Span:
    start = head.i
    for left in reversed(list(head.lefts)):
        if left.right_edge.i == start - 1 and (left.dep_ in ("compound", "amod", "flat", "nmod", "poss", "case", "det")
                                              or left.text in HYPHENS):
            start = left.left_edge.i  # "Prime Minister X": the title's own words come along
        else:
            break
    return doc[start:head.i + 1]


def _kind(token: Token, surnames: frozenset[str]) -> str | None:
    ent = token.ent_type_
    low = token.lemma_.lower()
    if token.pos_ == "PRON":
        return None
    body = low in BODY_NOUNS or token.lower_ in BODY_NOUNS or low in DOCUMENT_NOUNS
    titled = ent not in ("ORG", "GPE", "NORP") and any(c.dep_ == "compound" and c.lower_ in TITLES for c in token.lefts)
    if token.pos_ == "PROPN" and not body and (ent == "PERSON" or token.lower_ in surnames or titled):
        return "person"  # a name, the surname of a name the article gives in full, or titled
    if token.pos_ in ("NOUN", "PROPN") and low in PERSON_NOUNS:
        return "person"
    if ent in ("GPE", "ORG", "NORP", "FAC", "LOC") and token.pos_ == "PROPN":
        return "thing"
    if token.pos_ in ("NOUN", "PROPN") and (low in BODY_NOUNS or token.lower_ in BODY_NOUNS):
        return "thing"
    if token.pos_ in ("NOUN", "PROPN") and low in DOCUMENT_NOUNS:
        return "document"
    if token.pos_ in ("NOUN", "PROPN") and ent not in NOT_REFERENTS:
        return "other"  # "the rebels", "farmers": a plural "they" may mean them
    return None


def _surnames(doc: Any) -> frozenset[str]:
    """Last words of the people the article names in full ("Viktor Orban" -> "orban")."""
    return frozenset(ent[-1].lower_ for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1)


def candidates_of(doc: Any, quoted: QuotedRanges) -> list[Candidate]:
    sent_of = sentence_index(doc)
    surnames = _surnames(doc)
    found: list[Candidate] = []
    for token in doc:
        if token.dep_ in ("compound", "flat") and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # a name's earlier words: the phrase is its last word's
        kind = _kind(token, surnames)
        if kind is None:
            continue
        if token.dep_ == "appos" and (_kind(token.head, surnames) == kind or kind == "other") \
                and not verb_next_name(token):
            continue  # "the Nigerian Union of Teachers, the umbrella union": one referent, named once
        subject, main = _is_subject(token)
        # "the Philippines", "the United States" name one state; "officials", "the authorities" many
        plural = token.tag_ == "NNS" or (token.tag_ == "NNPS" and kind != "thing")
        if kind == "person" and plural:
            kind = "other"  # "Bosnian Serbs", "officials": people, a "they" and never a "he"
        span = _phrase(doc, token)
        named = [c for c in token.rights if c.dep_ == "appos" and _kind(c, surnames) == kind]
        own = [c for c in named if verb_next_name(c)]
        if named and not own:  # "the foreign minister, Amina Mohamed": the title and its name are one phrase
            span = doc[span.start:named[0].i + 1]
        reporter = reports_speech(token)
        speaker = reporter and (verb_next_name(token) or token.dep_ in SUBJECT_DEPS and not own)
        found.append(Candidate(span, kind, sent_of[token.i], subject, main,
                               quoted.contains(token.idx), plural, _gender(token) if kind == "person" else "",
                               reporter, speaker))
        conj = [c for c in token.children if c.dep_ == "conj" and _kind(c, surnames) == kind]
        if conj and kind == "thing":  # "Chile and Peru signed": a group "they" can mean
            last = max(conj, key=lambda c: c.i)
            found.append(Candidate(doc[_phrase(doc, token).start:last.i + 1], "group", sent_of[token.i],
                                   subject, main, quoted.contains(token.idx), True))
    return found


def verb_next_name(token: Token) -> bool:
    """"… hosted by the president, Dr Anton Weller, Margaret Holm said": a name the parser hangs
    after a comma as an apposition on a name, running up to the verb with no comma, is the verb's
    own subject (an apposition closes with a comma before the verb; "Foreign Minister Amina
    Mohamed spoke" has no comma and is one phrase)."""
    return token.dep_ == "appos" and token.pos_ == "PROPN" and token.head.pos_ == "PROPN" \
        and token.head.dep_ in SUBJECT_DEPS and token.right_edge.i + 1 == token.head.head.i \
        and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","


def sentence_index(doc: Any) -> dict[int, int]:
    index: dict[int, int] = {}
    for n, sent in enumerate(doc_sents(doc)):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


INSTITUTION_WORDS = words("institution_words")


def name_like(span: Span) -> bool:
    """Two or more capitalised proper nouns with no body or place among them: a personal name
    the entity tagger may have read as an organisation ("Kaja Tamm")."""
    names = [t for t in span if t.pos_ == "PROPN"]
    return len(names) >= 2 and all(t.text[:1].isupper() and t.lower_ not in INSTITUTION_WORDS | BODY_NOUNS
                                   and t.ent_type_ not in ("GPE", "NORP", "LOC", "FAC") for t in names) \
        and names[-1].i == span.root.i
