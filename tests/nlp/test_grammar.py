"""The grammar documents and tests itself: every example sentence of every construction is
parsed, and the construction must fire on it with exactly the roles the row states, and the
step must produce exactly the facts the example lists (each naming its construction)."""

from __future__ import annotations

import pytest

from pactwatch.nlp.grammar.engine import FAMILIES, load_constructions

EXAMPLES = [(c, i) for family in FAMILIES for c in load_constructions(family) for i in range(len(c.examples))]


@pytest.fixture(scope="module")
def annotator():
    from pactwatch.nlp.pipeline import Annotator

    return Annotator()


def test_every_construction_has_an_example_and_a_reason():
    constructions = [c for family in FAMILIES for c in load_constructions(family)]
    assert len(constructions) >= 8
    for construction in constructions:
        assert construction.examples, construction.name
        assert construction.why, construction.name
        assert construction.name.startswith(construction.family.rstrip("s") + "."), construction.name


def _grammar(annotator, family, vocab):
    if family == "events":
        return annotator.event_lexicon.grammar(vocab)
    if family == "commitments":
        from pactwatch.pacts.extract import commitment_grammar

        return commitment_grammar(vocab, annotator.pact_resources.lexicon)
    from pactwatch.nlp.quote_cues import quote_grammar

    return quote_grammar(vocab)


@pytest.mark.parametrize("construction,number", EXAMPLES, ids=[f"{c.name}#{i}" for c, i in EXAMPLES])
def test_example_fires_with_its_roles(annotator, construction, number):
    example = construction.examples[number]
    doc = annotator.nlp(example["text"])
    grammar = _grammar(annotator, construction.family, doc.vocab)
    found = [{role: token.text for role, token in m.tokens.items()} for m in grammar.matches(doc)
             if m.name == construction.name]
    assert example["roles"] in found, (example["text"], found)


@pytest.mark.parametrize("construction,number", [(c, i) for c, i in EXAMPLES if c.family == "events"],
                         ids=[f"{c.name}#{i}" for c, i in EXAMPLES if c.family == "events"])
def test_event_example_codes_exactly_its_events(annotator, construction, number):
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.events import code_events

    example = construction.examples[number]
    doc = annotator.nlp(example["text"])
    events = code_events(doc, find_mentions(doc, annotator.actor_tables, None), annotator.event_lexicon, None)
    got = sorted([e.source, e.target, e.cameo_code, e.construction] for e in events)
    assert got == sorted(example["events"]), example["text"]


@pytest.mark.parametrize("construction,number", [(c, i) for c, i in EXAMPLES if c.family == "quotes"],
                         ids=[f"{c.name}#{i}" for c, i in EXAMPLES if c.family == "quotes"])
def test_quote_example_attributes_exactly_its_quotes(annotator, construction, number):
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.quotes import extract_quotes

    example = construction.examples[number]
    doc = annotator.nlp(example["text"])
    quotes = extract_quotes(doc, find_mentions(doc, annotator.actor_tables, None))
    assert sorted([q.speaker, q.cue, q.construction] for q in quotes) == sorted(example["quotes"]), example["text"]


@pytest.mark.parametrize("construction,number", [(c, i) for c, i in EXAMPLES if c.family == "commitments"],
                         ids=[f"{c.name}#{i}" for c, i in EXAMPLES if c.family == "commitments"])
def test_commitment_example_reports_exactly_its_steps(annotator, construction, number):
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.pacts.extract import extract_commitments

    example = construction.examples[number]
    doc = annotator.nlp(example["text"])
    reports = extract_commitments(doc, find_mentions(doc, annotator.actor_tables, None), None,
                                  annotator.pact_resources)
    got = sorted([list(r.parties), r.lifecycle_event, r.construction] for r in reports)
    assert got == sorted(example["commitments"]), example["text"]
