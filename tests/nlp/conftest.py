"""Fixtures shared by the event-coding tests of this folder."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def code_text():
    """``code_text(text, on)``: the events the coder reads in one invented sentence, dated against ``on``
    (the model, actor tables and lexicon loaded once)."""
    from pactwatch.nlp.actor_tables import ActorTables
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.event_lexicon import EventLexicon
    from pactwatch.nlp.events import code_events
    from pactwatch.nlp.pipeline import load_spacy

    nlp, tables, lexicon = load_spacy(), ActorTables.load(), EventLexicon.load()

    def run(text: str, on: date | None = None):
        doc = nlp(text)
        return code_events(doc, find_mentions(doc, tables, on), lexicon, on)

    return run
