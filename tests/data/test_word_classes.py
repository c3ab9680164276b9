"""The word-class table (data/grammar/word_classes.tsv): every class explained, valid and used."""

from __future__ import annotations

import re
from pathlib import Path

from pactwatch.data import read_table
from pactwatch.nlp.grammar.words import TABLE, class_names, words

SRC = Path(__file__).resolve().parents[2] / "src" / "pactwatch"


def test_every_class_has_a_reason_a_kind_and_items():
    for row in read_table(TABLE):
        assert row["kind"] in ("words", "deps", "codes"), row["class"]
        assert len(row["why"]) > 20, row["class"]
        items = [i for i in row["items"].split("|") if i.strip()]
        assert items and len(items) == len(set(items)), row["class"]
        if row["kind"] == "words":
            assert all(i == i.lower() for i in items), row["class"]


def test_every_class_is_used_by_code_or_a_construction():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    grammar = "\n".join(p.read_text(encoding="utf-8") for p in (SRC / "data" / "grammar").glob("*.jsonl"))
    used = set(re.findall(r'words\("([a-z_]+)"\)', code)) | set(re.findall(r'word_sequence\("([a-z_]+)"\)', code))
    used |= set(re.findall(r'"@([a-z_]+)"', grammar))
    lexicon = "\n".join(p.read_text(encoding="utf-8") for p in (SRC / "data" / "lexicon").glob("*.tsv"))
    used |= set(re.findall(r'(?:^|[\t|])@([a-z_]+)', lexicon, flags=re.MULTILINE))  # "@class" cells
    assert set(class_names()) - used == set()


def test_unknown_class_is_an_error():
    import pytest

    with pytest.raises(KeyError):
        words("no_such_class")
