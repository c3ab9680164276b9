"""Quotes signed with a dash ('"…" ― Name'): vox pops and readers' letters whose names no table
knows, a signature at the paragraph's end, and signed quotes that do not run on from the one
before (issue 12 items 3, 4; invented lines)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def annotator():
    from pactwatch.nlp.pipeline import Annotator

    return Annotator()


def speakers(annotator, text):
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.quotes import extract_quotes

    doc = annotator.nlp(text)
    return [(q.speaker, q.text) for q in extract_quotes(doc, find_mentions(doc, annotator.actor_tables, None))]


VOX_POP = ("Readers told us what they think of the new border fence.\n"
           "“It divides families that have lived on both sides for a century.” ― Marta Quispe Huamani\n"
           "“Nobody asked the farmers. We will lose our wells.” ―\u00a0Tadeo N Ruiz Alanoca\n"
           "“The fence is the first thing this government has done right.” — Ilse Warnke-Otieno")


@pytest.mark.parametrize("line,name", [
    (1, "Marta Quispe Huamani"),   # a three-word name after a horizontal bar
    (2, "Tadeo N Ruiz Alanoca"),   # a no-break space after the bar, an initial inside the name
    (3, "Ilse Warnke-Otieno"),     # an em dash, a hyphenated surname
])
def test_unknown_names_after_a_dash_sign_their_line(annotator, line, name):
    found = dict((text[:12], who) for who, text in speakers(annotator, VOX_POP))
    quote = VOX_POP.split("\n")[line].split("”")[0].lstrip("“")
    assert found.get(quote[:12]) == name


def test_a_signature_at_the_paragraphs_end_signs_a_quote_whose_marks_are_broken(annotator):
    # the inner quotation opens with one kind of mark and closes with another, so the pairing
    # ends the outer quote early; the paragraph's closing '” ― Name' still signs it
    text = ("Letters to the editor.\n"
            "“No voter I know wants this. To quote my grandmother ‘Those who shout loudest have least to say.” "
            "And that is all they do, ‘shout’.” ― Pilar Ugarte Mena.")
    assert [who for who, _ in speakers(annotator, text)][:1] == ["Pilar Ugarte Mena"]


def test_a_signed_quote_does_not_run_on_from_the_speaker_before(annotator):
    text = ("“We will rebuild the bridge by spring,” Mayor Ivo Brandt said.\n"
            "“Nobody believes him any more.” ― hundreds of messages like this one")
    found = speakers(annotator, text)
    assert len(found) == 1 and found[0][0].endswith("Ivo Brandt")
