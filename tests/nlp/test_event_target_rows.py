"""The target rows (data/grammar/event_targets.jsonl): each names a finder the coder has, and each
row's invented example sentences are coded with the events it states (and not with the ones it
rules out, such as the reverse copy of a one-sided act), which go when the row is taken out of the
table (so the row, not another path, produces them). Who an act is aimed at in particular
constructions is tested in test_event_targets.py."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.nlp import event_pairs
from pactwatch.nlp.event_targets import STAGES, parse_rows, target_rows

ON = date(2024, 6, 19)
EXAMPLES = [(row.name, ex["text"], [tuple(e) for e in ex["events"]], [tuple(e) for e in ex.get("not_events", ())])
            for row in target_rows() for ex in row.examples]


def test_every_row_names_a_finder_and_checks_the_coder_has_and_gives_examples():
    from pactwatch.nlp.events import _SentenceCoder

    for row in target_rows():
        assert callable(getattr(_SentenceCoder, row.finder, None)), row.name
        assert all(callable(getattr(_SentenceCoder, c, None)) for c in row.when.get("checks", ())), row.name
        assert row.stage in STAGES and len(row.why) > 20 and len(row.examples) >= 2, row.name


@pytest.mark.parametrize("row, message", [
    ('{"name": "t.a", "stage": "unnamed", "finder": "f", "when": {"target": "none"}}', "unknown condition"),
    ('{"name": "t.a", "stage": "afterwards", "finder": "f"}', "unknown stage"),
    ('{"name": "t.a", "stage": "unnamed", "finder": "f", "sets": {"targets": []}}', "unknown condition or setting"),
])
def test_a_misspelt_row_fails_at_load(row, message):
    with pytest.raises(ValueError, match=message):
        parse_rows(row, "rows.jsonl")


def test_a_row_defined_twice_fails_at_load():
    row = '{"name": "t.a", "stage": "unnamed", "finder": "f"}'
    with pytest.raises(ValueError, match="defined twice"):
        parse_rows(row + "\n" + row, "rows.jsonl")


def test_rows_of_a_stage_keep_their_file_order():
    names = [row.name for row in target_rows()]
    assert names.index("target.rest_of_sentence") < names.index("target.act_author")  # the sentence first
    assert names.index("target.place_of_force") < names.index("target.missing")  # "---" last


@pytest.mark.parametrize("name, text, expected, ruled_out", EXAMPLES, ids=[f"{n}:{t[:30]}" for n, t, _, _ in EXAMPLES])
def test_each_example_needs_its_row(code_text, monkeypatch, name, text, expected, ruled_out):
    coded = {(e.source, e.target, e.cameo_code) for e in code_text(text, ON)}
    assert set(expected) <= coded, coded
    assert not set(ruled_out) & coded, coded
    without = tuple(row for row in target_rows() if row.name != name)
    monkeypatch.setattr(event_pairs, "target_rows", lambda: without)
    coded = {(e.source, e.target, e.cameo_code) for e in code_text(text, ON)}
    assert not set(expected) & coded
