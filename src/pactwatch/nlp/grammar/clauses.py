"""Clause status, computed once per token and read by every step: is this clause a fact?

A token's clause is negated ("did not sign", "refused to sign"), conditional ("if X attacks"),
modal ("could attack", "must leave"), wished (asked for or permitted: "asked that Y deploy",
"allowed Y to join", "the way for Y to join"), planned ("will sign", "plans to visit"), a question, and
reported by some verb ("X said Y attacked": reported by "said"). The walk goes from the token up
through the verbs that govern it and stops at the nearest reporting verb, because "X said Y
attacked" reports an attack as a fact. ``state`` is the single reading event coding uses: the
first of negated / unreal (conditional, modal or wished) the walk meets, else future, else fact.

``pactwatch_clauses`` is a spaCy component (``requires`` the parse, ``assigns`` ``token._.clause``);
``token._.clause`` also works on a Doc the component has not run on (it is computed on first
read and kept), so steps called on a bare parse read the same status.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pactwatch.nlp.doc_text import doc_text, sent_at
from pactwatch.nlp.grammar.words import words

Token = Any  # spacy.tokens.Token

POSSIBILITY_MODALS = words("possibility_modals")
FUTURE_AUX = words("future_auxiliaries")
FUTURE_GOVERNORS = words("planning_governors")
NEGATING_GOVERNORS = words("negating_governors")
WISH_GOVERNORS = words("wish_governors")
CONDITIONAL_MARKS = words("conditional_marks")
REPORT_VERBS = words("report_verbs")
NEGATORS = words("negating_determiners")  # "never", "no": negate only the word they modify
REPORTED_DEPS = words("reported_clause_deps")
SCHEDULE_WORDS = words("schedule_words")
_KEY = "pactwatch.clauses"
_QUESTIONS = "pactwatch.questions"  # sentence start -> is a question
COMPONENT = "pactwatch_clauses"


@dataclass(frozen=True)
class ClauseStatus:
    state: str  # fact | negated | future | unreal
    negated: bool = False
    conditional: bool = False
    modal: bool = False
    planned: bool = False
    interrogative: bool = False
    wished: bool = False  # asked for or permitted ("requested that Y deploy"): not done, though not unlikely
    reported_by: int | None = None  # token index of the reporting verb ("said"), if any

    def describe(self) -> str:
        """"fact", or the flags that hold, e.g. "planned, reported by said"."""
        flags = [name for name in ("negated", "conditional", "modal", "planned", "interrogative", "wished")
                 if getattr(self, name)]
        return ", ".join(flags) or "fact"


def clause_path(token: Token) -> Iterator[Token]:
    """The token and its governing verbs up to (not past) the nearest reporting verb."""
    node = token
    yield node
    while node.head.i != node.i and node.dep_ not in REPORTED_DEPS:
        node = node.head
        if node.lemma_.lower() in REPORT_VERBS:
            return
        yield node


def compute_status(token: Token) -> ClauseStatus:
    state = "fact"
    negated = conditional = modal = planned = wished = False
    last = token
    for node in clause_path(token):
        last = node
        for child in node.children:
            low = child.lower_
            if child.dep_ == "neg" or (low in NEGATORS and child.dep_ in ("neg", "advmod", "det")
                                       and node.i == token.i):
                negated = True
                state = state if state in ("negated", "unreal") else "negated"
            if child.dep_ == "mark" and low in CONDITIONAL_MARKS:
                conditional = True
                state = state if state in ("negated", "unreal") else "unreal"
            if child.dep_ == "aux" and low in POSSIBILITY_MODALS:
                modal = True
                state = state if state in ("negated", "unreal") else "unreal"
            if child.dep_ == "aux" and low in FUTURE_AUX:
                planned = True
                state = "future" if state == "fact" else state
        if _wished(node):
            wished = True  # "requested that Y deploy", "allowed Y to join", "the way for Y to join": not done
            state = state if state in ("negated", "unreal") else "unreal"
        lemma = node.lemma_.lower()
        if node.i != token.i and lemma in NEGATING_GOVERNORS:
            negated = True
            state = state if state in ("negated", "unreal") else "negated"
        if node.i != token.i and (lemma in FUTURE_GOVERNORS or node.lower_ in SCHEDULE_WORDS):
            planned = True
            state = "future" if state == "fact" else state
        if state in ("negated", "unreal"):
            break  # the walk that decides a clause's reading stops at the first negation or condition
        if node.pos_ == "VERB" and node.i != token.i and node.dep_ not in ("xcomp", "conj", "acomp"):
            break
    return ClauseStatus(state, negated, conditional, modal, planned, _interrogative(token), wished, _reporter(last))


def _wished(node: Token) -> bool:
    """Whether a clause is an act asked for or permitted ("requested that Y deploy", "allowed Y to
    join") or a "for X to do" infinitive ("cleared the way for Y to join", "easier for X to help"):
    wished, made possible or judged, not done."""
    if node.pos_ not in ("VERB", "AUX"):
        return False
    if node.dep_ in ("xcomp", "ccomp") and node.head.lemma_.lower() in WISH_GOVERNORS:
        return True
    children = [(c.dep_, c.lower_) for c in node.children]
    return ("mark", "for") in children and ("aux", "to") in children


def _reporter(last: Token) -> int | None:
    """The reporting verb above the clause's top: its head when it hangs as a reported clause, or
    the verb the walk stopped at."""
    if last.head.i != last.i and last.head.lemma_.lower() in REPORT_VERBS:
        return int(last.head.i)
    return None


def _interrogative(token: Token) -> bool:
    """Whether the token's sentence is a question, found once per sentence (``Token.sent`` walks
    the sentence, which made this quadratic in a long sentence's verbs)."""
    doc = token.doc
    sent = sent_at(doc, token.i)
    asked = doc.user_data.setdefault(_QUESTIONS, {})
    found = asked.get(sent.start)
    if found is None:
        text = doc_text(doc)[sent.start_char:sent.end_char]
        found = asked[sent.start] = text.rstrip().rstrip("\"'”’»)").endswith("?")
    return bool(found)


def clause_of(token: Token) -> ClauseStatus:
    """``token._.clause``: the stored status, computed on first read."""
    store = token.doc.user_data.setdefault(_KEY, {})
    status = store.get(token.i)
    if status is None:
        status = store[token.i] = compute_status(token)
    return status


def annotate_clauses(doc: Any) -> Any:
    """Status of every clause head (verbs and auxiliaries); other tokens on first read."""
    store = doc.user_data.setdefault(_KEY, {})
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and token.i not in store:
            store[token.i] = compute_status(token)
    return doc


def register() -> None:
    """The ``clause`` extension and the ``pactwatch_clauses`` factory (idempotent)."""
    from spacy.language import Language
    from spacy.tokens import Token as SpacyToken

    if not SpacyToken.has_extension("clause"):
        SpacyToken.set_extension("clause", getter=clause_of)
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, requires=["token.dep", "token.head", "token.lemma", "token.pos"],
                         assigns=["token._.clause"], func=lambda nlp, name: annotate_clauses)
