"""Clause status and dating for the event coder: is a trigger's clause a fact, and on which day?

A trigger is coded only when its clause reports something that happened (or, for meetings and
aid, something planned: see ``events.adjust``). The status itself is the shared clause component
(``pactwatch.nlp.grammar.clauses``); this module adds the event's date and reciprocity.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pactwatch.nlp.doc_text import sent_ents
from pactwatch.nlp.grammar.clauses import REPORT_VERBS, clause_of
from pactwatch.nlp.grammar.dates import BARE_DAY_WORDS, ArticleDates, DateReading, dates_of
from pactwatch.nlp.grammar.words import words

Token = Any  # spacy.tokens.Token; kept loose so this module imports without spaCy

CLAUSE_DEPS = words("clause_deps")
REPORT_NOUNS = words("report_nouns")
RECIPROCAL_WORDS = words("reciprocal_phrases")
MUTUAL_WORDS = words("mutual_pledge_phrases")
COPULAS = words("copulas")


class ClauseMixin:
    """Clause status and date of a trigger; mixed into the sentence coder (needs doc, sent, on)."""

    doc: Any
    sent: Any
    on: date | None

    def status(self, token: Token) -> str:
        """'fact', 'negated', 'future' or 'unreal' (conditional / merely possible): the shared clause
        status (``pactwatch.nlp.grammar.clauses``)."""
        return clause_of(token).state

    def says_each_other(self, trigger: Token) -> bool:
        return self._says_after(trigger, RECIPROCAL_WORDS)

    def says_mutual(self, trigger: Token) -> bool:
        """'agreed to help each other': each side does the act to the other (two acts, not one joint one)."""
        return self._says_after(trigger, MUTUAL_WORDS)

    def _says_after(self, trigger: Token, phrases: frozenset[str]) -> bool:
        window = self.doc[trigger.i: min(trigger.i + 8, self.sent.end)].text.lower()
        return any(word in window for word in phrases)

    def event_date(self, clause: Token) -> date | None:
        """Day named in the trigger's own clause; the publication day when none; None for a period."""
        texts: list[str] = []
        stack = [clause]
        while stack:
            node = stack.pop()
            if node.ent_type_ in ("DATE", "TIME") or node.lower_ in BARE_DAY_WORDS:
                texts.append(node.text)
            stack.extend(c for c in node.children if c.dep_ not in CLAUSE_DEPS or c.dep_ == "xcomp")
        if not texts:
            return self.on
        readings = _date_readings(self.sent, set(texts), dates_of(self.doc, self.on))
        for reading in readings:
            if reading.value is not None:
                return reading.value
        if any(reading.period for reading in readings):
            return None
        return self.on


AGENT_DEPS = words("agent_deps")


def depth_to(token: Token, head: Token) -> int:
    """How many arcs lead from ``token`` up to ``head`` (0 for the head itself)."""
    return next((n for n, a in enumerate([token, *token.ancestors]) if a.i == head.i), 0)


def characterises(token: Token, traits: set[str]) -> bool:
    """"He said X's move was a provocation": the complement of a reported copula names the act."""
    copula = token.head
    return token.dep_ in ("attr", "acomp") and token.lemma_.lower() in traits and copula.lemma_ in COPULAS \
        and copula.dep_ == "ccomp" and copula.head.lemma_.lower() in REPORT_VERBS


def paragraph_part(sent: Any, token: Token) -> Any:
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


def _date_readings(sent: Any, words: set[str], dates: ArticleDates) -> list[DateReading]:
    """The readings of the sentence's date entities that contain one of ``words``, then of the bare
    day words among ``words`` that no such entity holds."""
    texts: list[str] = []
    out: list[DateReading] = []
    for ent in sent_ents(sent):
        if ent.label_ in ("DATE", "TIME") and any(t.text in words for t in ent):
            texts.append(ent.text)
            out.append(dates.entities[ent.start])
    lowered = {w.lower() for w in words}
    for word in BARE_DAY_WORDS:
        if word in lowered and word not in " ".join(texts).lower():
            texts.append(word)
            out.append(dates.words[word])
    return out
