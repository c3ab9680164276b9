"""PETRARCH verb-dictionary reader and matcher, on a small dictionary written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.nlp.petrarch_verbs import load_verb_dictionary
from tests.conftest import require_shared

DICTIONARY = """\
<!-- a test dictionary -->
&PACT
+TREATY
+ACCORD_

--- SIGN [057] ---
SIGN {SIGNS SIGNED}
- * &PACT WITH +  [0571]  # a treaty with someone
- $ NOT * [---]

--- FREEZE [---] ---
FREEZE {FROZE FROZEN}
+CRACK_DOWN [1723]
- * ASSETS [163]
- * {BANK ACCOUNT} [163]

--- BROKEN [12
- * TALKS [164]
stray line outside any block
--- OK [040] ---
- * WITHOUT CODE
- NO VERB MARKER [040]
"""


def load(tmp_path: Path):
    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return load_verb_dictionary(path)


def test_blocks_forms_and_synsets(tmp_path):
    d = load(tmp_path)
    assert "sign" in d.lemmas and "freeze" in d.lemmas
    assert d.forms["froze"] == "freeze"
    assert d.synsets["&PACT"] == ["TREATY", "ACCORD_"]


def test_malformed_lines_reported_with_numbers(tmp_path):
    d = load(tmp_path)
    numbers = {n for n, _ in d.problems}
    text = DICTIONARY.splitlines()
    for needle in ("--- BROKEN [12", "stray line outside any block", "- * WITHOUT CODE", "- NO VERB MARKER [040]"):
        assert text.index(needle) + 1 in numbers, needle


@pytest.fixture(scope="module")
def nlp():
    from pactwatch.nlp.pipeline import load_spacy

    return load_spacy()


def coded(nlp, tmp_path, text):
    """(source, target, code, construction) of each event the test dictionary codes in ``text``."""
    from pactwatch.nlp.event_lexicon import EventLexicon
    from pactwatch.nlp.events import code_events

    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    lexicon = EventLexicon.load(verb_dictionaries=[path], use_own=False)
    doc = nlp(text)
    return [(e.source, e.target, e.cameo_code, e.construction) for e in code_events(doc, doc._.mentions, lexicon)]


def test_the_dictionary_is_one_construction_of_the_event_grammar(nlp, tmp_path):
    from pactwatch.nlp.event_lexicon import EventLexicon

    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    grammar = EventLexicon.load(verb_dictionaries=[path], use_own=False).grammar(nlp.vocab)
    rows = [c for c in grammar.constructions if c.act == "petrarch"]
    assert [c.name for c in rows] == ["petrarch.verbs"]
    doc = nlp("Chile froze the assets and signed nothing.")
    anchors = {m.anchor.text for m in grammar.matches(doc) if m.construction.act == "petrarch"}
    assert anchors == {"froze", "signed"}


def test_pattern_with_synset_and_target(nlp, tmp_path):
    assert coded(nlp, tmp_path, "Chile signed the treaty with Peru.") == [("CHL", "PER", "0571", "petrarch.verbs")]


def test_noun_phrase_pattern_and_default(nlp, tmp_path):
    assert [e[2] for e in coded(nlp, tmp_path, "Chile froze the bank account of Peru.")] == ["163"]
    # no pattern matches and the block has no default code: nothing
    assert coded(nlp, tmp_path, "Chile froze its plans with Peru.") == []
    # a block default applies when no pattern matches
    assert [e[2] for e in coded(nlp, tmp_path, "Chile signed a letter to Peru.")] == ["057"]


def test_exact_word_marker(nlp, tmp_path):
    # ACCORD_ is exact: "accords" is not a member of &PACT, so the block's default applies
    assert [e[2] for e in coded(nlp, tmp_path, "Chile signed the accords with Peru.")] == ["057"]
    assert [e[2] for e in coded(nlp, tmp_path, "Chile signed the accord with Peru.")] == ["0571"]


def test_shared_dictionaries_parse():
    for parts in (("events", "dictionaries", "CAMEO.2.0.txt"),
                  ("events", "gold", "petrarch_unittest", "PETR.Validate.verbs.txt")):
        d = load_verb_dictionary(require_shared("testdata", *parts))
        assert len(d.lemmas) > 200
        assert len(d.problems) < 20  # a handful of odd lines, each reported, none fatal
