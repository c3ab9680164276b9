"""One act, one event (pactwatch.nlp.event_identity): an article's statements of one act become one
event whose other statements are its mentions; different acts stay apart. Sentences invented here,
run through the whole annotation pipeline (the step runs after events and confidence)."""

from __future__ import annotations

from datetime import datetime

import pytest

from pactwatch.data import read_table
from pactwatch.records import Article

ON = datetime(2024, 6, 20)


@pytest.fixture(scope="module")
def annotate():
    from pactwatch.nlp.pipeline import Annotator

    annotator = Annotator()

    def run(*paragraphs: str):
        article = Article(title=None, paragraphs=list(paragraphs), origin="invented", published=ON)
        return article, annotator.annotate(article).events

    return run


def of_root(events, root):
    return [e for e in events if e.root_code == root]


@pytest.mark.parametrize("paragraphs, root, kept_first", [
    # a joint signing, told again in the reverse order of the parties (verb, active)
    (("Chile and Peru signed a fisheries accord on Monday.",
      "Peru and Chile signed the accord after two years of talks, officials said."), "05", True),
    # a visit told by a verb, then by a noun with the visitor's short name
    (("Kenyan President William Ruto arrived in Kampala on Thursday for a state visit.",
      "Ruto's visit to Uganda is his third this year."), "04", True),
    # sanctions announced, then restated as a passive with the same parties
    (("Ghana imposed sanctions on Togo over the border closure.",
      "On Tuesday sanctions were imposed on Togo by Ghana after the talks failed."), "16", False),
])
def test_an_act_told_twice_is_one_event_with_a_mention(annotate, paragraphs, root, kept_first):
    article, events = annotate(*paragraphs)
    found = of_root(events, root)
    assert len(found) == 1, found
    event = found[0]
    assert len(event.mentions) == 1
    mention = event.mentions[0]
    assert mention.merged_as == "restated in another sentence"
    assert {event.start, mention.start} == {0, len(paragraphs[0]) + 2}
    # the kept event is the telling that names the day; the other keeps its own provenance
    assert (event.start == 0) == kept_first
    assert article.body[mention.start:mention.end] == mention.sentence
    assert mention.construction and mention.matched


def test_the_meeting_held_during_a_visit_is_the_visit(annotate):
    _, events = annotate("Vietnamese President To Lam met Putin during a state visit to Moscow on Thursday.")
    found = of_root(events, "04")
    assert [e.cameo_code for e in found] == ["042"]  # the specific act kept, the meeting its mention
    assert [m.cameo_code for m in found[0].mentions] == ["040"]


def test_the_pairs_of_one_multilateral_signing_are_one_event(annotate):
    _, events = annotate("The foreign ministers of Chile, Peru and Bolivia signed a water treaty on Monday.")
    found = of_root(events, "05")
    assert len(found) == 1
    assert (found[0].source[:3], found[0].target[:3]) == ("CHL", "PER")  # the first-named pair
    assert [(m.target[:3], m.merged_as) for m in found[0].mentions] == [
        ("BOL", "another pair of one multilateral act")]


@pytest.mark.parametrize("paragraphs, root, count", [
    # two pacts concluded with two partners: the partners are not listed with the signer
    (("Japan has concluded such pacts with Australia and Britain.",), "05", 2),
    # the same kind of act on two days the sentences name
    (("Ghana imposed sanctions on Togo on 3 May.", "Ghana imposed sanctions on Togo on 20 June."), "16", 2),
    # a sentence that tells repeated acts is not the one act told before
    (("Chile and Peru signed a fisheries accord on Monday.",
      "Chile and Peru have signed such accords twice before."), "05", 2),
    (("Ghanaian President John Mahama met Togolese President Faure Gnassingbe in Accra on Friday.",
      "Mahama and Gnassingbe met again on Saturday."), "04", 2),
    # a visit and a meeting elsewhere are two acts, whoever takes part
    (("Indian Prime Minister Narendra Modi arrived in Kyiv on Friday.",
      "In June, Modi met Zelensky in Italy during a summit."), "04", 2),
])
def test_different_acts_stay_apart(annotate, paragraphs, root, count):
    _, events = annotate(*paragraphs)
    found = of_root(events, root)
    assert len(found) >= count, found
    assert not any(m.merged_as == "restated in another sentence" for e in found for m in e.mentions)


def test_a_threat_and_the_attack_stay_two_events(annotate):
    _, events = annotate("Russia threatened Ukraine with new strikes on Monday.",
                         "On Tuesday Russia attacked Ukraine with drones.")
    assert {e.root_code for e in events} >= {"13", "19"}
    assert not any(e.mentions for e in events)


def test_the_same_act_table_is_well_formed():
    rows = read_table("grammar/same_act.tsv")
    assert rows[0]["codes"] == "*"
    for row in rows:
        assert row["parties"] in ("joint", "directed"), row
        assert row["in_sentence"] in ("root", "code"), row
        assert row["across"] in ("code", "no"), row
        assert row["codes"] == "*" or (row["codes"].isdigit() and row["family"].isdigit()), row
        assert row["why"], row
