"""PETRARCH verb-dictionary reader and matcher, on a small dictionary written here."""

from __future__ import annotations

from pathlib import Path

from pactwatch.nlp.petrarch_verbs import load_verb_dictionary, match_verb
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


def test_pattern_with_synset_and_target(tmp_path):
    d = load(tmp_path)
    words = "Chile signed the treaty with Peru".split()
    code, label, source, target = match_verb(d, "sign", 1, words, {0: 1, 5: 6}, "signed")
    assert code == "0571" and target == 5
    assert "SIGN" in label


def test_noun_phrase_pattern_and_default(tmp_path):
    d = load(tmp_path)
    words = "Chile froze the bank account of Peru".split()
    assert match_verb(d, "freeze", 1, words, {0: 1, 6: 7}, "froze")[0] == "163"
    # no pattern matches and the block has no default code: nothing
    assert match_verb(d, "freeze", 1, "Chile froze".split(), {0: 1}, "froze") is None
    # a block default applies when no pattern matches
    assert match_verb(d, "sign", 1, "Chile signed".split(), {0: 1}, "signed")[0] == "057"


def test_exact_word_marker(tmp_path):
    d = load(tmp_path)
    words = "Chile signed the accords with Peru".split()  # ACCORD_ is exact: "accords" does not match
    assert match_verb(d, "sign", 1, words, {0: 1, 5: 6}, "signed")[0] == "057"


def test_shared_dictionaries_parse():
    for parts in (("events", "dictionaries", "CAMEO.2.0.txt"),
                  ("events", "gold", "petrarch_unittest", "PETR.Validate.verbs.txt")):
        d = load_verb_dictionary(require_shared("testdata", *parts))
        assert len(d.lemmas) > 200
        assert len(d.problems) < 20  # a handful of odd lines, each reported, none fatal
