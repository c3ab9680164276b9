"""Who a cue's subject is, as a speaker: a person, a pronoun's antecedent, a description, an
institution, or the body behind a statement or document.

``speaker_for(token, context, pos)`` reads the subject's noun phrase (without its clauses and
appositions): a person named in apposition to a title ("the Kremlin spokesman, Dmitry Peskov":
before the tables' holder of the office), or the person the phrase is headed by, never the
possessor of a body ("Macron's office" speaks for itself) nor a name before a person noun ("a
Trump adviser", "the Burkinabè source"); a pronoun,
"the ministry", "the envoy" or "the same source" through the reference component; a group that
names one member ("several governments, including Nigeria") through that member; a description
("the North Korean leader") through the person named before with that code; a statement's or
spokesman's owner; a capital for its state's body; a document by its name. Finding the subject
is ``quote_cues``; the speaker records and the article's context are ``quote_speakers``.
"""

from __future__ import annotations

from typing import Any

from pactwatch.nlp.doc_text import doc_text
from pactwatch.nlp.grammar.reference_candidates import BODY_NOUNS, PERSON_NOUNS, name_like
from pactwatch.nlp.grammar.words import word_sequence, words
from pactwatch.nlp.quote_sources import DOCUMENTS, document_name
from pactwatch.nlp.quote_speakers import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    RELATIVE,
    Speaker,
    SpeakerContext,
    clean_name,
    clean_span_text,
    strip_title_text,
)
from pactwatch.records import Mention

_VEHICLES = words("speech_vehicles")
_NP_SKIP = word_sequence("noun_phrase_cut_deps")
_MEMBER_WORDS = words("member_naming_preps")
_OWN_BODY_PREPS = words("own_body_preps")
_SPEAKS_FOR_PREPS = words("speaks_for_preps")
_THE = words("definite_article")


def _np_bounds(token: Any) -> tuple[int, int]:
    """Char span of the noun phrase headed by ``token`` without clauses or appositions."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in _NP_SKIP or (c.dep_ == "prep" and c.i > token.i
                                                                     and c.lower_ in _OWN_BODY_PREPS)]
    while stack:
        node = stack.pop()
        keep.append(node)
        stack.extend(c for c in node.children if c.dep_ not in ("relcl", "acl", "appos", "punct"))
    lo = min(t.idx for t in keep)
    hi = max(t.idx + len(t.text) for t in keep)
    return lo, hi


def _affiliation(token: Any, context: SpeakerContext, lo: int, hi: int) -> str | None:
    """The body a person the tables do not know speaks for, named in the person's own phrase or
    apposition: "China's coast guard spokesperson Gan Yu", "Gan Yu, a spokesman for the coast
    guard". A body under any other preposition ("envoy to China") is not the person's own."""
    ranges = [(lo, hi)] + [_np_bounds(c) for c in token.children if c.dep_ == "appos"]
    found = []
    for start, end in ranges:
        for m in context.mentions:
            if start <= m.start and m.end <= end and not m.name and m.code and _own_body(context.doc, m, token):
                found.append(m)
    if not found:
        return None
    return max(found, key=lambda m: (len(m.code), m.end - m.start, m.start)).code


def _own_body(doc: Any, mention: Mention, head: Any) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ not in _OWN_BODY_PREPS:
            return False
        node = node.head
    return node.i == head.i


def speaker_for(token: Any, context: SpeakerContext, pos: int) -> Speaker | None:
    """Turn a subject token into a speaker: person, pronoun, description or institution."""
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head
    lower = token.lower_
    start, end = token.idx, token.idx + len(token.text)
    if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
        for m in context.mentions:  # the resolver may already have resolved the pronoun
            if m.start == start and m.name:
                return Speaker(m.name, m.code, start, end, True)
        found = None
        reference = token._.reference  # the reference component (nlp/grammar/reference.py)
        if reference is not None and (lower in PERSON_PRONOUNS | GROUP_PRONOUNS):
            # the first of the component's candidates the actor tables agree is a person, for "he":
            # a person, a person's description ("a diplomatic source"), or a name the tables do not
            # know at all ("Kaja Tamm", which the tagger read as an organisation)
            for candidate in reference.candidates:
                antecedent = candidate.span
                found = speaker_for(antecedent.root, context, antecedent.start_char)
                if found is not None and lower in PERSON_PRONOUNS and not found.person and (
                        antecedent.root.lemma_.lower() in PERSON_NOUNS
                        or found.actor is None and name_like(antecedent)):
                    found = Speaker(found.name, found.actor, found.start, found.end, True)
                if found is not None and (found.person or lower not in PERSON_PRONOUNS):
                    break
                found = None
        if found is None:  # nobody to resolve it to: the pronoun itself is the best we know
            return Speaker(token.text, None, start, end, lower in PERSON_PRONOUNS)
        return Speaker(found.name, found.actor, start, end, found.person)
    reference = token._.reference
    if reference is not None and reference.rule in ("body", "surname", "issuer", "title"):
        # "the ministry wrote" -> the Kenyan Foreign Ministry named before; "Kim said" after two
        # Kims -> the one named last; "the statement said" -> its issuer; "the envoy noted" -> the
        # person described as the envoy before (the reference component)
        if reference.rule == "surname":  # the full name as written: a table's alias of the
            # surname ("Kim" -> another Kim) must not win over the article's own second person
            name = clean_name(strip_title_text(reference.antecedent.text) or reference.antecedent.text)
            found = Speaker(name, context.person_codes.get(name), -1, -1, True)
        else:
            found = speaker_for(reference.antecedent.root, context, pos)
        if found is not None:
            lo, hi = _np_bounds(token)
            return Speaker(found.name, found.actor, lo, hi, found.person)
    named = _named_member(token)
    if named is not None:  # "many countries, including Poland, accusing …": the one the text names
        return speaker_for(named, context, pos)
    lo, hi = _np_bounds(token)
    # the person must be the phrase's head ("Russian President Vladimir Putin"), not a
    # complement ("the press service of the president" speaks for, but is not, the president)
    # nor the possessor of a body ("the French president's office", "Meloni's government": the
    # office speaks, not its head)
    body = token.pos_ == "NOUN" and token.lemma_.lower() in BODY_NOUNS
    # "the Kremlin spokesman, Dmitry Peskov, said": the name in apposition to a title first (the
    # tables' holder of "Kenya's foreign minister" is not the one the article names beside it)
    person = None
    for child in token.children if token.pos_ == "NOUN" else ():
        if child.dep_ == "appos":
            person = context.person_at(*_np_bounds(child))
            if person:
                break
    if person is None and not body:
        person = context.person_at(lo, token.idx + len(token.text))
        if person is not None and token.pos_ == "NOUN" and person.end <= token.idx \
                and token.lemma_.lower() in PERSON_NOUNS - _VEHICLES:
            # "the Burkinabè source", "a Trump adviser": a name (or a demonym the tagger took for
            # one) before a person noun says whose or where from; the source or adviser speaks
            person = None
    if person is None and token.pos_ != "NOUN":
        for child in token.children:
            if child.dep_ == "appos":
                person = context.person_at(*_np_bounds(child))
                if person:
                    break
    if person is not None:
        return Speaker(person.name, person.actor or _affiliation(token, context, lo, hi), lo, hi, True)
    described = None if body else context.described(token)
    if described is not None:
        return Speaker(described.name, described.actor, lo, hi, True)
    mention = context.actor_in(lo, hi)
    # "the North Korean leader said" is the leader; "the press service of the Belarusian
    # president" speaks for him but is not him: the description must cover the head word
    if mention is not None and mention.kind == "description" and mention.code \
            and mention.start <= token.idx < mention.end:
        known = context.recent_with_code(mention.code, pos)
        if known is not None:
            return Speaker(known.name, known.actor, lo, hi, True)
    if token.lemma_.lower() in _VEHICLES:
        owner = _vehicle_owner(token, context, pos)
        issuer = token._.antecedent  # "the report says": whoever issued it (the reference component)
        if owner is None and issuer is not None:
            owner = speaker_for(issuer.root, context, pos)
        if owner is None and any(c.lower_ in _THE for c in token.children):
            owner = context.recent_group(lo)  # "according to the statement": the one just quoted
        if owner is not None:
            return Speaker(owner.name, owner.actor, lo, hi, owner.person)
    if mention is not None and mention.kind == "capital":
        # "Tehran protested": a capital speaks for the body of its state the article named
        country = context.institutions.capital_country(mention.text)
        body = context.recent_institution(country, pos) if country else None
        if body is not None:
            return Speaker(body.name, body.actor, lo, hi, False)
    if token.lemma_.lower() in DOCUMENTS:
        named = document_name(token, lo, hi, context.quoted)
        if named is not None:
            return Speaker(named, mention.code if mention else None, lo, hi, False)
    name = clean_span_text(doc_text(token.doc)[lo:hi])
    if not name:
        return None
    name = context.institution_name(context.acronyms.get(name.lower(), name), mention.code if mention else None)
    return Speaker(name, mention.code if mention else None, lo, hi, False)


def _named_member(token: Any) -> Any | None:
    """"several governments, including Nigeria": a plural common noun that names one member of
    its own ("including", "among them") speaks through that member; two members stay the group."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in _MEMBER_WORDS:
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if len(objects) == 1 and not any(c.dep_ == "conj" for c in objects[0].children):
                return objects[0]
    return None


def _vehicle_owner(token: Any, context: SpeakerContext, pos: int) -> Speaker | None:
    """Who a statement or spokesman speaks for: "a statement from the ministry" -> ministry."""
    for child in token.children:
        if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN"):
            return speaker_for(child, context, pos)
        if child.dep_ == "prep" and child.lower_ in _SPEAKS_FOR_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return speaker_for(obj, context, pos)
    return None
