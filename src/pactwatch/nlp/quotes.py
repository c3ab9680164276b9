"""Direct quotations and who said them.

``extract_quotes(doc, mentions)`` finds every span in quotation marks (``quote_marks``), drops
what is not reported speech (one-word quotes, titles of treaties or exercises in quotes), and
attributes each quote through the parse:

1. a cue verb from ``data/lexicon/speech_verbs.tsv`` (or "according to") in the sentence(s) the
   quote sits in, outside any quotation, nearest to the quote first — this covers ``X said: "…"``,
   ``"…," X said``, ``"…," said X``, ``X said the deal is "…"`` and ``X told reporters``;
2. its subject (climbing from "adding"/"and added" to the verb whose subject it shares), or
   the object of "according to", or a name after a dash (``"…" — X``);
3. otherwise a transcript label ("PENCE: …"), a signature after a dash, a document whose terms
   the sentence reports ("under the treaty", ``quote_sources``), the attribution of the sentence
   before (ending in a colon, or naming a speaker with a cue), for a quote the page cuts off the
   sentence that introduced it, or the speaker of the quote just before (a quotation running on).

Subjects become speakers in ``quote_speakers``; institutions get one common name each
(``quote_institutions``: "Ministry of Foreign Affairs of Japan" -> "Japanese Foreign Ministry").
A quotation repeated (near-)verbatim in the
article is one Quote with ``mentions`` counting its occurrences.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from pactwatch.nlp.doc_text import char_span, doc_text, sent_at
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.engine import Grammar, Match
from pactwatch.nlp.grammar.words import word_sequence, words
from pactwatch.nlp.quote_marks import QuotedRanges, QuoteSpan, find_quote_spans
from pactwatch.nlp.quote_sources import (
    DOCUMENTS,
    dash_speaker,
    document_name,
    document_under,
    inside,
    transcript_label,
)
from pactwatch.nlp.quote_speakers import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    RELATIVE,
    Speaker,
    SpeakerContext,
    clean_name,
    clean_span_text,
    head_start,
    speech_verbs,
    strip_title_text,
)
from pactwatch.records import Mention, Quote

MIN_WORDS = 2  # one-word quotes ("respect", 'reset') are not quotations of speech
TITLE_MAX_WORDS = 6
_WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
_FUNCTION_WORDS = words("title_function_words")
_NAMING = sorted(words("quote_naming_words"), key=len, reverse=True)  # longest first: "so-called" before "called"
_VEHICLES = words("speech_vehicles")
_REACTIONS = words("speech_act_nouns")
_SUBJECT_DEPS = word_sequence("speaker_subject_deps")
_CLIMB_DEPS = word_sequence("cue_climb_deps")
_NP_SKIP = word_sequence("noun_phrase_cut_deps")
SUBJECT_PRONOUNS = words("subject_pronouns")
# Attributions read by a mechanism rather than a construction of quotes.jsonl (named in show --explain).
FALLBACK = "quote.fallback."
MAX_CUE_DISTANCE = 40  # tokens between the quote and its cue verb
MAX_FRAME_EXTENSION = 3  # sentences a quote's frame reaches back over marks the parser split off


def extract_quotes(doc: Any, mentions: list[Mention]) -> list[Quote]:
    """Direct quotations in ``doc`` (a spaCy Doc over ``Article.body``) with their speakers."""
    text = doc_text(doc)
    spans = [s for s in find_quote_spans(text) if _is_speech(doc, s)]
    quoted = QuotedRanges([(s.open_mark, s.close_mark if s.close_mark is not None else s.end) for s in spans])
    context = SpeakerContext(doc, sorted(mentions, key=lambda m: (m.start, m.end)), quoted)
    found: list[tuple[QuoteSpan, Speaker | None, str | None, tuple[str, str]]] = []
    previous: tuple[QuoteSpan, Speaker | None, str | None] | None = None
    for span in spans:
        how: list[tuple[str, str]] = []  # (construction, clause) of the attribution, set where it is found
        speaker, cue = _attribute(doc, span, quoted, context, previous, how)
        if speaker is not None:
            context.remember(span.start, speaker, "")
        found.append((span, speaker, cue, how[-1] if how else ("", "")))
        previous = (span, speaker, cue)
    return _merge_repeats(text, found)


@functools.lru_cache(maxsize=4)
def quote_grammar(vocab: Any) -> Grammar:
    """The quote-attribution constructions (data/grammar/quotes.jsonl) over the speech-verb lexicon."""
    return Grammar(vocab, "quotes", {"speech_verbs": frozenset(speech_verbs())})


def cue_construction(cue: Any) -> Match | None:
    """The construction that makes a token a cue (or blocks it), the first that applies."""
    matches = quote_grammar(cue.doc.vocab).by_anchor(cue.doc).get(cue.i)
    return matches[0] if matches else None


# -- what counts as a quotation -------------------------------------------------------------
def _is_speech(doc: Any, span: QuoteSpan) -> bool:
    words = _WORD.findall(doc_text(doc)[span.start : span.end])
    if len(words) < MIN_WORDS:
        return False
    return not _looks_like_title(doc, span, words) and not _named_term(doc, span)


def _named_term(doc: Any, span: QuoteSpan) -> bool:
    """A name or term the sentence gives in quotation marks: "a treaty called '…'", "the drills,
    code-named '…'", "the so-called '…'", "a doctrine known as '…'". The naming word has no subject
    of its own ("what the minister called '…'" quotes the minister's words, and stays speech)."""
    before = doc_text(doc)[max(0, span.open_mark - 24) : span.open_mark].lower()
    before = re.sub(r"\s+", " ", before).rstrip(" ,:")
    named = next((w for w in _NAMING if before.endswith(w) and (len(before) == len(w)
                                                                or not before[-len(w) - 1].isalnum())), None)
    if named is None:
        return False
    near = doc.char_span(max(0, span.open_mark - len(named) - 3), span.open_mark, alignment_mode="expand")
    verbs = [t for t in near or () if t.pos_ == "VERB" and t.idx < span.open_mark]
    return not any(c.dep_ in ("nsubj", "nsubjpass") for v in verbs for c in v.children)


def _looks_like_title(doc: Any, span: QuoteSpan, words: list[str]) -> bool:
    """A capitalised 2-6 word name without a verb: "Strategic Mutual Defence Agreement"."""
    if len(words) > TITLE_MAX_WORDS:
        return False
    inner = doc_text(doc)[span.start : span.end].rstrip(".")
    if re.search(r"[.!?;:,]", inner):
        return False
    capitalised = [w for w in words if w[0].isupper() or w[0].isdigit()]
    if any(not (w[0].isupper() or w[0].isdigit()) and w.lower() not in _FUNCTION_WORDS for w in words):
        return False
    if len(capitalised) < 2:
        return False
    if words[0].lower() in SUBJECT_PRONOUNS:
        return False
    tokens = char_span(doc, span.start, span.end)
    return not any(t.pos_ in ("VERB", "AUX") and not t.text[0].isupper() for t in tokens or ())


# -- attribution ----------------------------------------------------------------------------
def _frame(doc: Any, span: QuoteSpan) -> tuple[int, int]:
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
        if not (lo > 0 and doc[lo].idx > para_lo and doc[lo].text in ('"', "”", "’", "'")):
            break
        lo = sent_at(doc, lo - 1).start
    while lo < first.start and doc[lo].idx < para_lo:
        lo += 1  # a closing mark of the paragraph before, glued to this sentence by the parser
    return lo, hi


def _cue_leads(sent: Any) -> bool:
    """A short sentence such as 'said Putin.' or 'he added.' that only attributes."""
    verbs = speech_verbs()
    words = [t for t in sent if not t.is_punct]
    return 0 < len(words) <= 6 and any(t.lemma_.lower() in verbs and t.pos_ == "VERB" for t in words)


def _cues(doc: Any, lo: int, hi: int, span: QuoteSpan, quoted: list[tuple[int, int]]) -> list[Any]:
    """Cue tokens in the frame, nearest to the quote first (weak verbs count a little further)."""
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


def _relay(cue: Any) -> Match | None:
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


def _subject(token: Any, quoted: list[tuple[int, int]] = ()) -> Any | None:  # type: ignore[assignment]
    """The subject of a cue verb, climbing to the verb it hangs from ("…, adding that").

    Subjects inside quotation marks are the quoted words, not the speaker; of several subjects
    ("…," Niger junta spokesman, Amadou Abdramane said: a comma splits one subject into two)
    the proper name is preferred."""
    if token.lemma_.lower() == "accord":
        for child in token.doc[token.i + 1].children:
            if child.dep_ == "pobj":
                return child
        return None
    if token.pos_ == "NOUN" and token.dep_ == "ROOT":  # "the official IRNA news agency reports"
        lefts = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ in ("PROPN", "NOUN")]
        return lefts[-1] if lefts else None
    cue = token
    for _ in range(4):
        found = [c for c in token.children if c.dep_ in _SUBJECT_DEPS and any(ch.isalnum() for ch in c.text)
                 and not inside(c, quoted)]
        if found:
            named = [c for c in found if c.pos_ == "PROPN" or c.ent_type_ == "PERSON"]
            return (named or found)[-1] if len(found) > 1 else found[0]
        if token.dep_ in _CLIMB_DEPS and token.head is not token:
            token = token.head
        else:
            break
    return _left_neighbour(cue)


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


def _np_bounds(token: Any) -> tuple[int, int]:
    """Char span of the noun phrase headed by ``token`` without clauses or appositions."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in _NP_SKIP or (c.dep_ == "prep" and c.i > token.i
                                                                     and c.lower_ in ("of", "for"))]
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
        if node.dep_ == "prep" and node.lower_ not in ("of", "for"):
            return False
        node = node.head
    return node.i == head.i


def _speaker_for(token: Any, context: SpeakerContext, pos: int) -> Speaker | None:
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
            # the first of the component's candidates the actor tables agree is a person, for "he"
            ranked = list(reference.candidates)
            for antecedent in (c.span for c in ranked):
                found = _speaker_for(antecedent.root, context, antecedent.start_char)
                if found is not None and (found.person or lower not in PERSON_PRONOUNS):
                    break
                found = None
        if found is None:  # nobody to resolve it to: the pronoun itself is the best we know
            return Speaker(token.text, None, start, end, lower in PERSON_PRONOUNS)
        return Speaker(found.name, found.actor, start, end, found.person)
    reference = token._.reference
    if reference is not None and reference.rule in ("body", "surname", "issuer"):
        # "the ministry wrote" -> the Kenyan Foreign Ministry named before; "Kim said" after two
        # Kims -> the one named last; "the statement said" -> its issuer (the reference component)
        if reference.rule == "surname":  # the full name as written: a table's alias of the
            # surname ("Kim" -> another Kim) must not win over the article's own second person
            name = clean_name(strip_title_text(reference.antecedent.text) or reference.antecedent.text)
            found = Speaker(name, context.person_codes.get(name), -1, -1, True)
        else:
            found = _speaker_for(reference.antecedent.root, context, pos)
        if found is not None:
            lo, hi = _np_bounds(token)
            return Speaker(found.name, found.actor, lo, hi, found.person)
    lo, hi = _np_bounds(token)
    # the person must be the phrase's head ("Russian President Vladimir Putin"), not a
    # complement ("the press service of the president" speaks for, but is not, the president)
    person = context.person_at(lo, token.idx + len(token.text))
    if person is None:
        for child in token.children:  # "the Kremlin spokesman, Dmitry Peskov, said"
            if child.dep_ == "appos":
                person = context.person_at(*_np_bounds(child))
                if person:
                    break
    if person is not None:
        return Speaker(person.name, person.actor or _affiliation(token, context, lo, hi), lo, hi, True)
    described = context.described(token)
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
            owner = _speaker_for(issuer.root, context, pos)
        if owner is None and any(c.lower_ == "the" for c in token.children):
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


def _vehicle_owner(token: Any, context: SpeakerContext, pos: int) -> Speaker | None:
    """Who a statement or spokesman speaks for: "a statement from the ministry" -> ministry."""
    for child in token.children:
        if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN"):
            return _speaker_for(child, context, pos)
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "for", "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _speaker_for(obj, context, pos)
    return None


def _attribute(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], context: SpeakerContext,
               previous: tuple[QuoteSpan, Speaker | None, str | None] | None, how: list[tuple[str, str]]
               ) -> tuple[Speaker | None, str | None]:
    """Who said the quote and by which cue; ``how`` gets the construction (or fallback) that
    attributed it, with the cue's clause status."""
    labelled = transcript_label(doc_text(doc), span, context)
    if labelled is not None:
        how.append((FALLBACK + "transcript_label", ""))
        return labelled, None
    lo, hi = _frame(doc, span)
    for cue in _cues(doc, lo, hi, span, quoted):
        relay = _relay(cue)
        subject = relay.tokens["person"] if relay is not None else _subject(cue, quoted)
        if subject is None or inside(subject, quoted):
            continue
        speaker = _speaker_for(subject, context, span.start)
        if speaker is not None:
            match = relay or cue_construction(cue)
            how.append((match.name if match else "", clause_of(cue).describe()))
            return speaker, "according to" if cue.lemma_.lower() == "accord" else cue.lemma_.lower()
    dashed = dash_speaker(doc, span, context)
    if dashed is not None:
        how.append((FALLBACK + "dash_signature", ""))
        return dashed, None
    document = document_under(doc, lo, hi, span, quoted)
    if document is not None:
        speaker = _speaker_for(document, context, span.start)
        if speaker is not None:
            how.append((FALLBACK + "document_terms", ""))
            return speaker, None
    return _from_neighbours(doc, span, quoted, context, previous, lo, how)


def _from_neighbours(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], context: SpeakerContext,
                     previous: tuple[QuoteSpan, Speaker | None, str | None] | None, lo: int,
                     how: list[tuple[str, str]]) -> tuple[Speaker | None, str | None]:
    """No cue beside the quote: the sentence before, or the quote before, attributes it."""
    if lo > 0:
        before = doc[lo - 1].sent
        gap = doc_text(doc)[before.end_char : span.open_mark]
        if gap.count("\n") <= 2:
            fake = type(span)(before.start_char, before.end_char, before.start_char, before.end_char, "")
            cues = [c for c in _cues(doc, before.start, before.end, fake, quoted)
                    if c.lemma_.lower() != "accord"]
            ends_colon = before.text.rstrip().endswith(":")
            for cue in cues:
                subject = _subject(cue, quoted)
                if subject is None or inside(subject, quoted):
                    continue
                if ends_colon or (previous is None or previous[0].end < before.start_char):
                    speaker = _speaker_for(subject, context, span.start)
                    if speaker is not None and (ends_colon or _ends_with_cue(before, cue)):
                        match = cue_construction(cue)
                        how.append((FALLBACK + "sentence_before:" + (match.name if match else ""),
                                    clause_of(cue).describe()))
                        return speaker, cue.lemma_.lower()
    cut = _cut_off_source(doc, span, quoted, context, lo)
    if cut is not None:
        how.append((FALLBACK + "cut_off_source", ""))
        return cut, None
    starts_sentence = not doc_text(doc)[doc[lo].idx if lo < len(doc) else span.open_mark: span.open_mark].strip(
        ).strip("\"“”‘’'«»„")
    if previous is not None and previous[1] is not None and starts_sentence:
        prev_span = previous[0]
        between = doc_text(doc)[(prev_span.close_mark or prev_span.end) : span.open_mark]
        if between.count("\n") <= 2 and len(between) < 400:
            how.append((FALLBACK + "running_on", ""))
            return previous[1], previous[2]
    return None, None


def _cut_off_source(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], context: SpeakerContext,
                    lo: int) -> Speaker | None:
    """A quotation the text ends inside (a truncated page) lost its attribution; the sentence
    that introduced it names the source: its person subject ("Lukashenko requested …") or who a
    reaction came from ("… elicited a rebuke from U.S. officials")."""
    if span.close_mark is not None or doc_text(doc)[span.end :].strip() or lo <= 0:
        return None
    before = doc[lo - 1].sent
    if doc_text(doc)[before.end_char : span.open_mark].count("\n") > 2:
        return None
    for token in before:
        if inside(token, quoted):
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            person = context.person_at(head_start(token), token.idx + len(token.text))
            if person is not None:
                return person
        if token.lemma_.lower() in _REACTIONS and token.pos_ == "NOUN":
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return _speaker_for(obj, context, span.start)
    return None


def _ends_with_cue(sent: Any, cue: Any) -> bool:
    """The sentence before a bare quote reports speech as its main verb (X said/told/warned …)."""
    return cue.dep_ == "ROOT" or cue.head.dep_ == "ROOT" and cue.dep_ in ("conj", "ccomp")


# -- repeats --------------------------------------------------------------------------------
def _normalised(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text.replace("’", "'")))


def _merge_repeats(text: str, found: list[tuple[QuoteSpan, Speaker | None, str | None, tuple[str, str]]]
                   ) -> list[Quote]:
    """One Quote per distinct quotation, in order of first appearance; unattributed ones dropped."""
    merged: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for span, speaker, cue, how in found:
        key = _normalised(text[span.start : span.end])
        entry = merged.get(key)
        if entry is None:
            merged[key] = {"span": span, "speaker": speaker, "cue": cue, "count": 1, "how": how}
            order.append(key)
        else:
            entry["count"] += 1
            if entry["speaker"] is None and speaker is not None:
                entry["speaker"], entry["cue"], entry["how"] = speaker, cue, how
    quotes = []
    for key in order:
        entry = merged[key]
        span, speaker = entry["span"], entry["speaker"]
        if speaker is None:
            continue  # only an identifiable speaker's words count as a quotation
        quotes.append(Quote(
            text=text[span.start : span.end], start=span.start, end=span.end,
            speaker=speaker.name, speaker_actor=speaker.actor, cue=entry["cue"],
            speaker_start=speaker.start if speaker.start >= 0 else None,
            speaker_end=speaker.end if speaker.end >= 0 else None, mentions=entry["count"],
            construction=entry["how"][0], clause=entry["how"][1],
        ))
    return quotes
