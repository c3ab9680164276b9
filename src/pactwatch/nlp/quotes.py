"""Direct quotations and who said them.

``extract_quotes(doc, mentions)`` finds every span in quotation marks (``quote_marks``), drops
what is not reported speech (one-word quotes, titles of treaties or exercises in quotes, a
document's name of any length), and
attributes each quote through the parse:

1. a cue verb from ``data/lexicon/speech_verbs.tsv`` (or "according to") in the sentence(s) the
   quote sits in, outside any quotation, nearest to the quote first (``quote_cues``) — this
   covers ``X said: "…"``, ``"…," X said``, ``"…," said X``, ``X said the deal is "…"`` and
   ``X told reporters``;
2. its subject (climbing from "adding"/"and added" to the verb whose subject it shares; in the
   inverted order ``"…," warned X, flanked by …`` the name right after the cue), the agent of a
   passive speech verb (``Y was accused by X of "…"``), or the object of "according to", or a
   name after a dash (``"…" — X``);
3. otherwise a transcript label ("PENCE: …"), a signature after a dash, a document whose terms
   the sentence reports ("under the treaty", ``quote_sources``), the attribution of the sentence
   before (ending in a colon, or naming a speaker with a cue), the subject of a clause that
   introduces the quote with a colon and no speech verb ("X was blunt: \"…\""), for a quote the page cuts off the
   sentence that introduced it, or the speaker of the quote just before (a quotation running on).

Subjects become speakers in ``quote_subjects`` (the records and the article's context:
``quote_speakers``); institutions get one common name each (``quote_institutions``: "Ministry of
Foreign Affairs of Japan" -> "Japanese Foreign Ministry"). A quotation repeated (near-)verbatim
in the article is one Quote with ``mentions`` counting its occurrences.
"""

from __future__ import annotations

import re
from typing import Any

from pactwatch.nlp.doc_text import char_span, doc_text
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.reference_candidates import BODY_NOUNS, PERSON_NOUNS
from pactwatch.nlp.grammar.words import words
from pactwatch.nlp.quote_cues import cue_construction, cue_subject, cues_near, ends_with_cue, quote_frame, relay_of
from pactwatch.nlp.quote_marks import QuotedRanges, QuoteSpan, find_quote_spans
from pactwatch.nlp.quote_sources import (
    DOCUMENTS,
    dash_speaker,
    document_under,
    inside,
    signature_follows,
    transcript_label,
)
from pactwatch.nlp.quote_speakers import Speaker, SpeakerContext, head_start
from pactwatch.nlp.quote_subjects import speaker_for
from pactwatch.records import Mention, Quote

MIN_WORDS = 2  # one-word quotes ("respect", 'reset') are not quotations of speech
TITLE_MAX_WORDS = 6
_WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
_FUNCTION_WORDS = words("title_function_words")
_NAMING = sorted(words("quote_naming_words"), key=len, reverse=True)  # longest first: "so-called" before "called"
_REACTIONS = words("speech_act_nouns")
SUBJECT_PRONOUNS = words("subject_pronouns")
_ACCORDING = words("according_words")
_GIVER_PREPS = words("reaction_giver_preps")
# Attributions read by a mechanism rather than a construction of quotes.jsonl (named in show --explain).
FALLBACK = "quote.fallback."


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
    """A capitalised 2-6 word name without a verb: "Strategic Mutual Defence Agreement"; a
    document's name of any length when it opens with the document noun ("Agreement on Security
    Cooperation between Ukraine and the Federal Republic of Germany")."""
    if len(words) > TITLE_MAX_WORDS and words[0].lower() not in DOCUMENTS:
        return False
    inner = doc_text(doc)[span.start : span.end].rstrip(".,")  # "…," with the comma inside the marks
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
def _attribute(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], context: SpeakerContext,
               previous: tuple[QuoteSpan, Speaker | None, str | None] | None, how: list[tuple[str, str]]
               ) -> tuple[Speaker | None, str | None]:
    """Who said the quote and by which cue; ``how`` gets the construction (or fallback) that
    attributed it, with the cue's clause status."""
    labelled = transcript_label(doc_text(doc), span, context)
    if labelled is not None:
        how.append((FALLBACK + "transcript_label", ""))
        return labelled, None
    lo, hi = quote_frame(doc, span)
    for cue in cues_near(doc, lo, hi, span, quoted):
        relay = relay_of(cue)
        subject = relay.tokens["person"] if relay is not None else cue_subject(cue, quoted)
        if subject is None or inside(subject, quoted):
            continue
        speaker = speaker_for(subject, context, span.start)
        if speaker is not None:
            match = relay or cue_construction(cue)
            how.append((match.name if match else "", clause_of(cue).describe()))
            return speaker, "according to" if cue.lemma_.lower() in _ACCORDING else cue.lemma_.lower()
    dashed = dash_speaker(doc, span, context)
    if dashed is not None:
        how.append((FALLBACK + "dash_signature", ""))
        return dashed, None
    document = document_under(doc, lo, hi, span, quoted)
    if document is not None:
        speaker = speaker_for(document, context, span.start)
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
            cues = [c for c in cues_near(doc, before.start, before.end, fake, quoted, governed=False)
                    if c.lemma_.lower() not in _ACCORDING]
            ends_colon = before.text.rstrip().endswith(":")
            for cue in cues:
                subject = cue_subject(cue, quoted)
                if subject is None or inside(subject, quoted):
                    continue
                if ends_colon or (previous is None or previous[0].end < before.start_char):
                    speaker = speaker_for(subject, context, span.start)
                    if speaker is not None and (ends_colon or ends_with_cue(before, cue)):
                        match = cue_construction(cue)
                        how.append((FALLBACK + "sentence_before:" + (match.name if match else ""),
                                    clause_of(cue).describe()))
                        return speaker, cue.lemma_.lower()
    speaker = _colon_lead(doc, span, quoted, context)
    if speaker is not None:
        how.append((FALLBACK + "colon_lead", ""))
        return speaker, None
    cut = _cut_off_source(doc, span, quoted, context, lo)
    if cut is not None:
        how.append((FALLBACK + "cut_off_source", ""))
        return cut, None
    starts_sentence = not doc_text(doc)[doc[lo].idx if lo < len(doc) else span.open_mark: span.open_mark].strip(
        ).strip("\"“”‘’'«»„")
    if previous is not None and previous[1] is not None and starts_sentence and not signature_follows(doc, span):
        prev_span = previous[0]
        between = doc_text(doc)[(prev_span.close_mark or prev_span.end) : span.open_mark]
        if between.count("\n") <= 2 and len(between) < 400:
            how.append((FALLBACK + "running_on", ""))
            return previous[1], previous[2]
    return None, None


def _colon_lead(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], context: SpeakerContext
                ) -> Speaker | None:
    """"The Estonian prime minister was blunt:" then the quotation: a clause that introduces the
    quote with a colon and no speech verb (a cue would have attributed it) gives it to the subject
    of the colon's clause, a person or a body; a pronoun left unresolved or a thing is no speaker."""
    text = doc_text(doc)
    at = len(text[: span.open_mark].rstrip())
    if at == 0 or text[at - 1] != ":":
        return None
    colon = char_span(doc, at - 1, at)
    if colon is None or not len(colon) or colon[0].i == 0:
        return None
    last = doc[colon[0].i - 1]  # the clause the colon closes, from its last word up
    for verb in [last, *last.ancestors][:4]:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not inside(c, quoted)
                    and c.i < colon[0].i]
        if subjects:
            speaker = speaker_for(subjects[0], context, span.start)
            if speaker is None or speaker.name == subjects[0].text and subjects[0].pos_ == "PRON":
                return None
            head = subjects[0].lemma_.lower()
            return speaker if speaker.person or speaker.actor or head in PERSON_NOUNS | BODY_NOUNS else None
    return None


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
                if prep.dep_ == "prep" and prep.lower_ in _GIVER_PREPS:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return speaker_for(obj, context, span.start)
    return None


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
