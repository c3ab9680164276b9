"""Attributions that need no cue verb: signatures, transcript labels and documents.

- ``"…" ― Name``: a name right after the closing mark and a dash signs the quote;
- ``"PENCE: Well, …"``: a transcript line's capitalised label is its speaker;
- ``Under the treaty, both are obliged to act "in the event of an attack"``: the document whose
  terms the sentence reports is the source, named as the article named it ("the treaty" -> the
  last "… Treaty" before).
"""

from __future__ import annotations

import re
from typing import Any

from pactwatch.nlp.doc_text import char_span, doc_text
from pactwatch.nlp.grammar.words import words
from pactwatch.nlp.quote_marks import QuoteSpan, is_quoted
from pactwatch.nlp.quote_speakers import Speaker, SpeakerContext, clean_span_text, strip_title_text


def inside(token: Any, quoted: list[tuple[int, int]]) -> bool:
    """Whether ``token`` sits inside one of the quoted spans (marks included)."""
    return is_quoted(token.idx, quoted)


DOCUMENTS = words("document_nouns")
_NAMED_DOCUMENT = re.compile(
    r"(?:[A-Z][\w'’-]*\s+(?:(?:of|on|for|and|the|de)\s+)*){1,6}(Treaty|Agreement|Pact|Accord|Charter|Convention"
    r"|Declaration|Protocol|Memorandum|Constitution|Resolution)\b")
_LABEL = re.compile(r"([A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,}){0,2}):\s")
_NOT_LABELS = words("not_speaker_labels")
_TERMS_PREPS = words("terms_preps")


def document_name(token: Any, lo: int, hi: int, quoted: list[tuple[int, int]]) -> str | None:
    """A document speaking: its own name ("the Pukpuk Treaty"), or for "the treaty" the last
    document of that kind the article named before (news names a pact once, then says "the pact")."""
    text = doc_text(token.doc)
    if token.text[:1].isupper():
        return clean_span_text(text[lo:hi])
    if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in token.children):
        return None  # "a new defence agreement": a description, not a reference back
    noun = token.lemma_.lower()
    last = None
    for match in _NAMED_DOCUMENT.finditer(text, 0, lo):
        if match.group(1).lower() == noun:
            last = match
    if last is not None:
        return clean_span_text(last.group(0))
    # never named: the fullest description of it so far ("a bilateral security agreement")
    for earlier in reversed(token.doc[: token.i]):
        if earlier.lemma_.lower() == noun and earlier.pos_ == "NOUN" and not inside(earlier, quoted):
            words = [c for c in earlier.lefts if c.dep_ in ("amod", "compound") and c.i >= earlier.i - 4]
            if words:
                return clean_span_text(text[words[0].idx : earlier.idx + len(earlier.text)])
    return None


def document_under(doc: Any, lo: int, hi: int, span: QuoteSpan, quoted: list[tuple[int, int]]) -> Any | None:
    """"Under the treaty, both states are obliged to act 'in the event of an attack'": with no
    speech verb, the document whose terms the sentence reports is the quote's source."""
    for token in doc[lo:hi]:
        if token.lower_ not in _TERMS_PREPS or token.idx > span.open_mark or inside(token, quoted):
            continue
        if token.head.dep_ != "ROOT":
            continue  # only a sentence-level "under …", not "troops under the command of"
        for obj in token.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in DOCUMENTS:
                return obj
    return None


def transcript_label(text: str, span: QuoteSpan, context: SpeakerContext) -> Speaker | None:
    """A quoted transcript line: "PENCE: Well, look, …" — the capitalised label is the speaker."""
    match = _LABEL.match(text, span.start, span.end)
    if match is None or match.group(1).lower() in _NOT_LABELS:
        return None
    label = " ".join(w.capitalize() for w in match.group(1).split())
    name = context.canonical(label)
    name = label if name.isupper() else name  # the label itself was all the article gave
    return Speaker(name, context.person_codes.get(name), match.start(1), match.end(1), True)


def dash_speaker(doc: Any, span: QuoteSpan, context: SpeakerContext) -> Speaker | None:
    """``"…" — X``: a name right after the closing mark and a dash."""
    at = _signature_at(doc, span)
    if at is None:
        return None
    # the name ends with its line and before the next quotation (a list of "…" ― Name lines)
    stop = re.search(r"[\n\"“”«»]", doc_text(doc)[at : at + 60])
    end = at + stop.start() if stop else min(at + 60, len(doc_text(doc)))
    if end <= at:
        return None
    hit = char_span(doc, at, end)
    if hit is None or not len(hit):
        return None
    person = context.person_at(hit.start_char, hit.end_char)
    if person is None:
        return _signed_line(doc, at, end)
    # the name (or a title before it) must follow the dash: "― just as he did with Romney" is prose
    if not re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+)*", doc_text(doc)[at : person.start]):
        return None
    whole = _signed_line(doc, at, end)
    if whole is not None and len(whole.name) > len(person.name) and whole.name.endswith(person.name) \
            and strip_title_text(whole.name) == whole.name:
        # "― Tadeo N Ruiz Alanoca": the parser read only part of the name as one; the line is the name
        return Speaker(whole.name, person.actor, whole.start, whole.end, True)
    return person


_PARAGRAPH_SIGNATURE = re.compile(r"[”\"»’][ \t\u00a0]*[—–―‒][ \t\u00a0]*(?=[^\n]{3,60}$)")


def _signature_at(doc: Any, span: QuoteSpan) -> int | None:
    """Where the signing name starts: right after the closing mark and a dash, or, in a paragraph
    that ends '…” ― Name' (a vox-pop line whose inner marks the pairing could not follow), there."""
    text = doc_text(doc)
    if span.close_mark is not None:
        match = re.match(r"\s*[—–―‒-]{1,2}\s*", text[span.close_mark + 1 : span.close_mark + 80])
        if match:
            return span.close_mark + 1 + match.end()
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    ends = [m.end() for m in _PARAGRAPH_SIGNATURE.finditer(text, span.end, end)]
    return ends[-1] if ends else None


_SIGNATURE = re.compile(r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,4}")


def _signed_line(doc: Any, at: int, end: int) -> Speaker | None:
    """'"…" ― Carla Ines Montero' closing its line: two to five capitalised words alone after the
    dash sign the quote as a name, though no table or entity knows the person (vox pops, letters)."""
    line = doc_text(doc)[at:end]
    name = line.strip()
    after = doc_text(doc)[end : end + 1]
    if after not in ("", "\n") or not _SIGNATURE.fullmatch(name):
        return None
    start = at + line.index(name)
    return Speaker(name, None, start, start + len(name), True)


def signature_follows(doc: Any, span: QuoteSpan) -> bool:
    """The quote is signed with a dash (after its closing mark or at its paragraph's end), whether
    or not the name can be read: it does not run on from the quote before."""
    return _signature_at(doc, span) is not None
