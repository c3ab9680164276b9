"""The TreeMatcher finds exactly the matches spaCy's DependencyMatcher finds for the same patterns
(``pactwatch.nlp.grammar.tree_match``): on every construction's example sentences, on the
examples' articles and, when ../shared is present, on news-dev and the PolNeAR bodies; and on
invented patterns that use the relations, operators and fallback the constructions do not."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

import pytest

from tests.conftest import require_shared
from tests.corpora import example_bodies, shared_bodies


@lru_cache(maxsize=1)
def _annotator() -> Any:
    from pactwatch.nlp.pipeline import Annotator

    return Annotator()


def _grammars(annotator: Any, petrarch: bool = False) -> list[Any]:
    from pactwatch.nlp.event_lexicon import EventLexicon
    from pactwatch.nlp.quote_cues import quote_grammar
    from pactwatch.pacts.extract import commitment_grammar

    vocab = annotator.nlp.vocab
    out = [annotator.event_lexicon.grammar(vocab), quote_grammar(vocab),
           commitment_grammar(vocab, annotator.pact_resources.lexicon)]
    if petrarch:  # a user's verb dictionary: an anchor on the `forms` extension (INTERSECTS)
        verbs = require_shared("testdata", "events", "gold", "petrarch_unittest") / "PETR.Validate.verbs.txt"
        out.append(EventLexicon.load(verb_dictionaries=(verbs,)).grammar(vocab))
    return out


def _same(matcher: Any, reference: Any, doc: Any) -> int:
    new = Counter((key, tuple(ids)) for key, ids in matcher(doc))
    old = Counter((key, tuple(ids)) for key, ids in reference(doc))
    assert new == old, (doc.text[:80], old - new, new - old)
    return sum(old.values())


def _compare_articles(texts: list[str], petrarch: bool = False) -> int:
    from pactwatch.nlp.doc_text import forget

    annotator = _annotator()
    grammars = _grammars(annotator, petrarch)
    found = 0
    for doc in annotator.nlp.pipe(texts):  # the shared components included, as the steps see it
        found += sum(_same(g.tree_matcher, g.matcher, doc) for g in grammars)
        forget(doc)
    return found


def test_same_matches_on_every_construction_example() -> None:
    from pactwatch.nlp.grammar.engine import FAMILIES, load_constructions

    texts = [str(e["text"]) for f in FAMILIES for c in load_constructions(f) for e in c.examples]
    assert _compare_articles(texts) > len(texts)


def test_same_matches_on_the_examples_articles() -> None:
    texts = example_bodies() + ["", "Talks ended.\n\nNATO met in Brussels on Tuesday."]
    assert _compare_articles(texts) > 500


@pytest.mark.slow
def test_same_matches_on_real_news() -> None:
    assert _compare_articles(shared_bodies(), petrarch=True) > 20_000


# Invented patterns: every relation; REGEX, NOT_IN, INTERSECTS and a plain value on a str extension;
# an attribute this module does not read (IS_TITLE, LENGTH: the fallback Matcher), an empty node.
PATTERNS: dict[str, list[dict[str, Any]]] = {
    "subject_of_said": [
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "say"}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubjpass"]}}}],
    "any_head_any_child": [
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {}},
        {"LEFT_ID": "a", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {"POS": {"NOT_IN": ["PUNCT"]}}}],
    "title_word_in_subtree": [
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB", "_": {"lemma_lower": {"REGEX": "^(sign|meet|say)"}}}},
        {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "t", "RIGHT_ATTRS": {"IS_TITLE": True}}],
    "long_word_before": [
        {"RIGHT_ID": "n", "RIGHT_ATTRS": {"_": {"forms": {"INTERSECTS": ["talks", "treaty", "pact"]}}}},
        {"LEFT_ID": "n", "REL_OP": ";*", "RIGHT_ID": "w", "RIGHT_ATTRS": {"LENGTH": {">=": 6}}}],
    "next_word_and_siblings": [
        {"RIGHT_ID": "x", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^[a-z]+s$"}}},
        {"LEFT_ID": "x", "REL_OP": ".", "RIGHT_ID": "y", "RIGHT_ATTRS": {"ENT_TYPE": ""}},
        {"LEFT_ID": "x", "REL_OP": "$++", "RIGHT_ID": "z", "RIGHT_ATTRS": {"TEXT": {"IN": [".", ",", "and"]}}}],
    "lemma_lower_equals": [
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"_": {"lemma_lower": "sign"}}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "o", "RIGHT_ATTRS": {"DEP": "dobj"}}],
    "lemma_lower_in": [
        {"RIGHT_ID": "w", "RIGHT_ATTRS": {"_": {"lemma_lower": {"IN": ["kenya", "agreement", "minister"]}}}},
        {"LEFT_ID": "w", "REL_OP": "<<", "RIGHT_ID": "r", "RIGHT_ATTRS": {"DEP": "ROOT"}},
        {"LEFT_ID": "r", "REL_OP": ">--", "RIGHT_ID": "l", "RIGHT_ATTRS": {"TAG": {"IN": ["NNP", "NN", "PRP"]}}}],
}

SENTENCES = [
    "Kenya and Uganda signed the treaty in Nairobi on Tuesday, the foreign minister said.",
    "\"The talks are over,\" said the Norwegian envoy, who had met both sides twice.",
    "The pact was signed by Chile, Peru and Bolivia. Talks on the annex resume in May.",
    "Officials said that the agreement would be ratified, and the Minister of Defence agreed.",
]


def test_same_matches_for_invented_patterns() -> None:
    from spacy.matcher import DependencyMatcher

    from pactwatch.nlp.grammar.engine import register_extensions
    from pactwatch.nlp.grammar.tree_match import TreeMatcher

    nlp = _annotator().nlp
    register_extensions()
    reference, matcher = DependencyMatcher(nlp.vocab), TreeMatcher(nlp.vocab)
    for name, pattern in PATTERNS.items():
        reference.add(name, [pattern])
        matcher.add(nlp.vocab.strings[name], pattern)
    doc = nlp(" ".join(SENTENCES) + "\n\n" + SENTENCES[0])
    found = Counter(nlp.vocab.strings[key] for key, _ in matcher(doc))
    assert _same(matcher, reference, doc) > 50
    assert set(found) == set(PATTERNS), set(PATTERNS) - set(found)  # every pattern matched something


def test_extension_columns_equal_the_getters() -> None:
    from pactwatch.nlp.grammar.engine import register_extensions
    from pactwatch.nlp.grammar.tree_match import EXTENSION_COLUMNS, doc_columns

    nlp = _annotator().nlp
    register_extensions()
    doc = nlp("The PRESIDENT's envoys SIGNED it; Kenya's ministers were meeting in Nairobi.")
    for name, column in EXTENSION_COLUMNS.items():
        assert column(doc, doc_columns(doc)) == [token._.get(name) for token in doc], name
