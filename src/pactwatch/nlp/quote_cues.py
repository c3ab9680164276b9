"""Where a quotation's attribution is: its frame, the cue verbs near it, and the cue's subject.

The frame is the sentence(s) the quote sits in, within its paragraph (reaching over sentence
breaks the parser puts inside a quotation). Cues are the tokens a construction of
``data/grammar/quotes.jsonl`` anchors on (speech verbs, "according to"), outside any quotation,
nearest to the quote first; a reporting verb that governs a weak cue goes before it. The subject
of a cue climbs from "adding" / "and added" to the verb whose subject it shares; a relay
("quoted X as saying", "said, citing X") or a passive's agent ("was condemned by X, calling it")
gives that person instead; in the inverted order ('"…," warned X, flanked by …') the name right
after the cue is the subject, whatever label the parser gave it. Turning that subject
into a speaker is ``quote_subjects``.
"""

from __future__ import annotations

import functools
from typing import Any

from pactwatch.nlp.doc_text import char_span, doc_text, sent_at
from pactwatch.nlp.grammar.engine import Grammar, Match
from pactwatch.nlp.grammar.reference_candidates import BODY_NOUNS, PERSON_NOUNS, verb_next_name
from pactwatch.nlp.grammar.words import word_sequence, words
from pactwatch.nlp.quote_marks import DOUBLE_CLOSE, SINGLE_CLOSE, STRAIGHT_DOUBLE, STRAIGHT_SINGLE, QuoteSpan
from pactwatch.nlp.quote_sources import inside
from pactwatch.nlp.quote_speakers import speech_verbs

_SUBJECT_DEPS = word_sequence("speaker_subject_deps")
_CLIMB_DEPS = word_sequence("cue_climb_deps")
_INVERTED_DEPS = word_sequence("inverted_speaker_deps")
_ACCORDING = words("according_words")
_CONTENT_DEPS = words("reported_content_deps")
_NOT_SPEAKERS = words("speech_vehicles") | words("document_nouns")  # they keep climbing to who issued them
_SPEAKER_NOUNS = PERSON_NOUNS | BODY_NOUNS | words("state_nouns")
MAX_CUE_DISTANCE = 40  # tokens between the quote and its cue verb
# closing marks, as quote_marks defines them (one the parser split off into the next sentence, ...)
_CLOSING_MARKS = frozenset(DOUBLE_CLOSE + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE)
MAX_FRAME_EXTENSION = 3  # sentences a quote's frame reaches back over marks the parser split off


@functools.lru_cache(maxsize=4)
def quote_grammar(vocab: Any) -> Grammar:
    """The quote-attribution constructions (data/grammar/quotes.jsonl) over the speech-verb lexicon."""
    return Grammar(vocab, "quotes", {"speech_verbs": frozenset(speech_verbs())})


def cue_construction(cue: Any) -> Match | None:
    """The construction that makes a token a cue (or blocks it), the first that applies."""
    matches = quote_grammar(cue.doc.vocab).by_anchor(cue.doc).get(cue.i)
    return matches[0] if matches else None


def quote_frame(doc: Any, span: QuoteSpan) -> tuple[int, int]:
    """Token range of the sentence(s) the quote sits in, kept within its paragraph."""
    first = char_span(doc, span.start, span.end)
    if first is None or not len(first):
        return 0, 0
    lo, hi = sent_at(doc, first.start).start, sent_at(doc, first.end - 1).end
    para_lo = doc_text(doc).rfind("\n", 0, span.open_mark) + 1
    para_hi = doc_text(doc).find("\n", span.end)
    para_hi = len(doc_text(doc)) if para_hi < 0 else para_hi
    # spaCy sometimes ends a sentence at '."' before "he said": the attribution belongs here
    # (only as far as a cue can be: MAX_CUE_DISTANCE tokens past the quote)
    while hi < len(doc) and hi <= first.end + MAX_CUE_DISTANCE and doc[hi].idx < para_hi \
            and sent_at(doc, hi).start == hi:
        nxt = sent_at(doc, hi)
        head = nxt.text.lstrip("\"”’' ")
        if head[:1].islower() or _cue_leads(nxt):
            hi = nxt.end
        else:
            break
    # (a few sentences at most: a paragraph of sentences that each open with a mark would
    # otherwise be walked back whole for every quote in it, quadratic in the paragraph)
    for _ in range(MAX_FRAME_EXTENSION):
        if not (lo > 0 and doc[lo].idx > para_lo and doc[lo].text in _CLOSING_MARKS):
            break
        lo = sent_at(doc, lo - 1).start
    while lo < first.start and doc[lo].idx < para_lo:
        lo += 1  # a closing mark of the paragraph before, glued to this sentence by the parser
    return lo, hi


def _introduces(cue: Any, span: QuoteSpan) -> bool:
    """The cue's own phrase ends at the comma or colon before the opening mark ('X said, "…"')."""
    end = cue.right_edge.idx + len(cue.right_edge.text)
    gap = doc_text(cue.doc)[end : span.open_mark]
    return end <= span.open_mark and len(gap) <= 3 and any(c in gap for c in ",:") and not gap.strip(" ,:")


def _paragraph(doc: Any, span: QuoteSpan) -> tuple[int, int]:
    text = doc_text(doc)
    end = text.find("\n", span.end)
    return text.rfind("\n", 0, span.open_mark) + 1, len(text) if end < 0 else end


def _cue_leads(sent: Any) -> bool:
    """A short sentence such as 'said Putin.' or 'he added.' that only attributes."""
    verbs = speech_verbs()
    words = [t for t in sent if not t.is_punct]
    return 0 < len(words) <= 6 and any(t.lemma_.lower() in verbs and t.pos_ == "VERB" for t in words)


def cues_near(doc: Any, lo: int, hi: int, span: QuoteSpan, quoted: list[tuple[int, int]],
              governed: bool = True) -> list[Any]:
    """Cue tokens in the frame, nearest to the quote first (weak verbs count a little further);
    with ``governed``, a cue the quotation is the complement of goes before the nearer ones."""
    verbs = speech_verbs()
    q_first = char_span(doc, span.start, span.end)
    if q_first is None:  # a quote that no token boundary delimits has no frame to search
        return []
    q_lo, q_hi = q_first.start, q_first.end
    scored = []
    anchored = quote_grammar(doc.vocab).by_anchor(doc)  # cue constructions, data/grammar/quotes.jsonl
    # only tokens within MAX_CUE_DISTANCE of the quote can be its cue: visiting the whole frame
    # made attribution quadratic in a paragraph of many quotes
    for token in doc[max(lo, q_lo - MAX_CUE_DISTANCE):min(hi, q_hi + MAX_CUE_DISTANCE + 1)]:
        if inside(token, quoted) or token.i not in anchored:
            continue
        act = anchored[token.i][0].construction.act  # the first construction that applies decides
        if act == "not_a_cue":
            continue
        lemma = token.lemma_.lower()
        is_according = act == "according_to"
        distance = q_lo - token.i if token.i < q_lo else token.i - q_hi
        if distance > MAX_CUE_DISTANCE:
            continue
        weak = not is_according and verbs.get(lemma) == "weak"
        scored.append((distance + (8 if weak else 0), token.i, token))
    ordered = [t for _, _, t in sorted(scored, key=lambda x: (x[0], x[1]))]
    if governed:
        # 'X told a woman who suggested … that "…"', '"…," but he said that "…"': the speech verb
        # whose complement holds the whole quotation reports it, before a nearer verb that does not
        # unless a cue introduces the quotation itself ('footage of X saying during the debate, "…"');
        # a weak verb above it ('X agreed to "…", the statement said') does not outrank a nearer cue
        ruling = [t for t in _governors(q_first, *_paragraph(doc, span))
                  if t in ordered and verbs.get(t.lemma_.lower()) != "weak"]
        if ruling and not any(_introduces(t, span) for t in ordered):
            ordered = ruling + [t for t in ordered if t not in ruling]
    # "both countries agreed to X, the ministry said": the reporting verb that governs a weak
    # cue is the source, so a strong ancestor cue goes first
    result: list[Any] = []
    for token in ordered:
        if verbs.get(token.lemma_.lower()) == "weak":
            for ancestor in token.ancestors:
                if ancestor in ordered and verbs.get(ancestor.lemma_.lower()) == "strong" \
                        and ancestor not in result:
                    result.append(ancestor)
        if token not in result:
            result.append(token)
    return result


def _governors(words: Any, para_lo: int, para_hi: int) -> list[Any]:
    """The words the whole quotation is the reported content of, nearest first: the lowest word
    outside it that all its words hang from, and the words above that one reached only through
    complement labels ('said that … did not give "…"'), within its paragraph. A clause that hangs
    by another label ('as a memo put it', a relative clause) is not the content of the verb above."""
    common: list[Any] | None = None
    for token in words:
        if token.is_punct:
            continue
        chain = [a for a in token.ancestors if not words.start <= a.i < words.end]
        if common is None:
            common = chain
        else:
            kept = {a.i for a in chain}
            common = [a for a in common if a.i in kept]
        if not common:
            return []
    if not common:
        return []
    found = [common[0]]
    while found[-1].dep_ in _CONTENT_DEPS and found[-1].head is not found[-1]:
        found.append(found[-1].head)
    return [t for t in found if para_lo <= t.idx < para_hi]


def relay_of(cue: Any) -> Match | None:
    """A relay construction on the cue or on the verb it climbs to ("quoted X as saying", "said,
    citing X"): the relayed person speaks, not the medium."""
    node = cue
    for _ in range(4):
        match = cue_construction(node)
        if match is not None and match.construction.act == "relay":
            return match
        if node.dep_ in _CLIMB_DEPS and node.head is not node:
            node = node.head
        else:
            break
    return None


def cue_subject(token: Any, quoted: list[tuple[int, int]] = ()) -> Any | None:  # type: ignore[assignment]
    """The subject of a cue verb, climbing to the verb it hangs from ("…, adding that").

    Subjects inside quotation marks are the quoted words, not the speaker; of several subjects
    ("…," Niger junta spokesman, Amadou Abdramane said: a comma splits one subject into two)
    the proper name is preferred."""
    if token.lemma_.lower() in _ACCORDING:
        for child in token.doc[token.i + 1].children:
            if child.dep_ == "pobj":
                return child
        return None
    if token.pos_ == "NOUN" and token.dep_ == "ROOT":  # "the official IRNA news agency reports"
        lefts = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ in ("PROPN", "NOUN")]
        return lefts[-1] if lefts else None
    inverted = _inverted_subject(token)
    if inverted is not None:
        return inverted
    cue = token
    for _ in range(4):
        found = [c for c in token.children if c.dep_ in _SUBJECT_DEPS and any(ch.isalnum() for ch in c.text)
                 and not inside(c, quoted)]
        if found:
            named = [c for c in found if c.pos_ == "PROPN" or c.ent_type_ == "PERSON"]
            subject = (named or found)[-1] if len(found) > 1 else found[0]
            # "hosted by the president, Dr X, Margaret Holm said": the name next to the verb
            return next((c for c in subject.children if verb_next_name(c)), subject)
        if token.dep_ == "acl":  # 'protesters chanting "…"', 'a clip of General X saying, "…"'
            speaker = _participle_speaker(token.head)
            if speaker is not None:
                return speaker
        shown = _shown_speaker(token)
        if shown is not None:
            return shown
        if token.dep_ in _CLIMB_DEPS and token.head is not token:
            token = token.head
        else:
            break
    return _left_neighbour(cue)


def _shown_speaker(verb: Any) -> Any | None:
    """'the video shows the envoy telling …': a participle complementing a verb's object is said by
    that object ('summoned the envoy to protest' is a purpose: the subject acts); 'posted a clip of
    the minister saying …' is the recorded person's, also where the parser hangs the participle
    from the verb, when it follows the recording's phrase with no comma."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "advcl"):
        return None
    for obj in verb.head.children:
        if obj.dep_ != "dobj" or obj.i > verb.i:
            continue
        if verb.dep_ == "xcomp":
            return _participle_speaker(obj)
        if obj.right_edge.i + 1 == verb.i and not _can_speak(obj):
            return _participle_speaker(obj)
    return None


def _participle_speaker(noun: Any) -> Any | None:
    """A speech participle's understood subject is the noun it modifies when that noun can speak
    (a name, a person or body noun, people in the plural: 'the rebels chanting'), or the one a
    recording of it names ('a clip of X saying', however the parser hangs the participle); not a
    thing ('a sign saying') nor a statement, which its issuer speaks through."""
    if _can_speak(noun):
        return noun
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in _NOT_SPEAKERS:
        return None
    named = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
             if o.dep_ == "pobj" and _can_speak(o)]
    return named[0] if named else None


def _can_speak(noun: Any) -> bool:
    lemma = noun.lemma_.lower()
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    return noun.pos_ == "NOUN" and lemma not in _NOT_SPEAKERS and (lemma in _SPEAKER_NOUNS or noun.tag_ == "NNS")


def _inverted_subject(cue: Any) -> Any | None:
    """'"…," warned Obasanjo, flanked by …: former Vice-President X': in the inverted order the
    noun phrase right after a cue that follows the closing mark is the speaker, whatever label the
    parser gives it (an attribute, an object) and whatever subject it finds further on."""
    i = cue.i - 1
    if i >= 0 and cue.doc[i].text == ",":
        i -= 1
    if i < 0 or cue.doc[i].text not in _CLOSING_MARKS or cue.i + 1 >= len(cue.doc):
        return None
    for child in cue.children:
        if child.i > cue.i and child.dep_ in _INVERTED_DEPS and child.pos_ in ("PROPN", "NOUN") \
                and child.left_edge.i == cue.i + 1:
            return child
    return None


def _left_neighbour(cue: Any) -> Any | None:
    """When the parse gives a cue no subject (a headline glued to the next paragraph makes
    "Joe Biden said" a prepositional object), the noun right before the cue is its subject."""
    i = cue.i - 1
    while i >= 0 and cue.doc[i].pos_ in ("ADV", "AUX", "PART") and cue.i - i <= 3:
        i -= 1
    if i < 0 or "\n" in doc_text(cue.doc)[cue.doc[i].idx : cue.idx]:
        return None
    left = cue.doc[i]
    return left if left.pos_ in ("PROPN", "NOUN", "PRON") else None


def ends_with_cue(sent: Any, cue: Any) -> bool:
    """The sentence before a bare quote reports speech as its main verb (X said/told/warned …)."""
    return cue.dep_ == "ROOT" or cue.head.dep_ == "ROOT" and cue.dep_ in ("conj", "ccomp")
