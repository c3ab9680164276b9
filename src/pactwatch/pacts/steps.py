"""Which words of a sentence are commitment steps: the lifecycle terms of the lexicon that act as
verbs, participles or step nouns, and the constructions of ``data/grammar/commitments.jsonl`` that
name a step themselves ("signed it into law", "put the pact on hold", "will buy frigates under a
new deal")."""

from __future__ import annotations

import functools
from typing import Any

from pactwatch.nlp.grammar.engine import Grammar
from pactwatch.nlp.grammar.words import words
from pactwatch.pacts.lexicon import EVENTS, CommitmentLexicon, Match, Term

NOMINAL_TRIGGERS = words("nominal_step_triggers")
VERBAL_DEPS = words("verb_only_deps")


@functools.lru_cache(maxsize=4)
def commitment_grammar(vocab: Any, lexicon: CommitmentLexicon) -> Grammar:
    """The commitment-step constructions over the lifecycle terms' first words."""
    words = frozenset(t.words[0] for t in lexicon.terms if t.type == "lifecycle")
    heads = frozenset(t.words[-1] for t in lexicon.terms if t.type == "agreement")
    # the modifiers by which an agreement's own words name its kind ("defence" pact, "security" deal)
    kinds = frozenset(w for t in lexicon.terms if t.type == "agreement" and t.value for w in t.words[:-1])
    return Grammar(vocab, "commitments", {"lifecycle_words": words, "agreement_words": heads, "kind_words": kinds})


def decision_takes_effect(token: Any, match: Match, trigger_ids: set[int]) -> bool:
    """"Their decision to withdraw took effect without delay", "Bolivia's exit from the pact took
    effect on Monday": the step told is the subject's own (the declared decision, the exit, the
    suspension: the subject is its own trigger), not an entry into force."""
    if match.value != "entered_into_force":
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i in trigger_ids


def construction_steps(sent: Any, triggers: list[Match], anchored: dict[int, list[Any]]) -> list[Match]:
    """Steps whose construction names the event: "signed it into law" is a ratification (the
    construction overrides the lexicon's "signed"), "put the pact on hold" a suspension (a trigger
    construction: its words are apart, so the lexicon cannot see them)."""
    out: list[Match] = []
    for match in triggers:
        how = anchored.get(match.start, [None])[0]
        event = how.construction.assigns.get("event") if how is not None else None
        out.append(Match(Term("lifecycle", event, match.term.words), match.start, match.end)
                   if event in EVENTS and event != match.value else match)
    taken = {m.start for m in triggers}
    for i, found in sorted(anchored.items()):
        how = found[0]
        event = how.construction.assigns.get("event")
        if sent.start <= i < sent.end and i not in taken and how.construction.trigger and event in EVENTS:
            out.append(Match(Term("lifecycle", event, (sent.doc[i].lower_,)), i, i + 1))
    return out


def is_trigger(token: Any) -> bool:
    if token.lower_ in NOMINAL_TRIGGERS and token.pos_ in ("NOUN", "VERB"):
        return True
    if token.tag_ == "VBG":  # "procedures for entering and leaving" is no step; "are signing" is
        return any(c.dep_ == "aux" for c in token.children)
    if token.pos_ in ("VERB", "AUX"):
        return True
    if token.tag_ == "VBN" or token.pos_ == "ADJ" and token.lower_.endswith("ed"):
        return True
    return scare_quoted(token) and any(c.dep_ in VERBAL_DEPS for c in token.children)


def scare_quoted(token: Any) -> bool:
    """'Armenia "froze" its membership': a word set in quotation marks, which the tagger often
    misreads (an adjective, a foreign word) though it keeps its subject and object."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].is_quote and doc[token.i + 1].is_quote
