"""The shared actor and date components: registered with what they need and give, run once per
article by the Annotator, and read by the steps (invented sentences of different shapes)."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.records import Article


@pytest.fixture(scope="module")
def annotator():
    from pactwatch.nlp.pipeline import Annotator

    return Annotator()


@pytest.mark.parametrize("name,requires,assigns", [
    ("pactwatch_actors", "doc._.article_day", "token._.actor"),
    ("pactwatch_dates", "doc._.article_day", "doc._.dates"),
])
def test_components_declare_what_they_need_and_give(annotator, name, requires, assigns):
    meta = annotator.nlp.get_pipe_meta(name)
    assert requires in meta.requires and assigns in meta.assigns


def test_actor_component_marks_every_token_of_a_mention(annotator):
    doc = annotator.nlp("The Kenyan foreign ministry summoned the ambassador of Uganda on Friday.")
    by_token = {t.text: t._.actor for t in doc if t._.actor is not None}
    assert by_token["ambassador"] is by_token["Uganda"] and by_token["Uganda"].code == "UGAGOV"
    assert by_token["ministry"].code.startswith("KEN") and by_token["Kenyan"] is by_token["ministry"]
    assert "summoned" not in by_token and "Friday" not in by_token
    assert [m for m in doc._.mentions if m.code == "UGAGOV"] == [by_token["Uganda"]]


def test_actor_component_resolves_an_office_by_the_article_day(annotator):
    from pactwatch.nlp.grammar.dates import set_article_day

    text = "The French president flew to Dakar."
    doc = annotator.nlp.make_doc(text)
    for name, pipe in annotator.nlp.pipeline:
        if name != "pactwatch_actors":
            doc = pipe(doc)
    set_article_day(doc, date(2015, 3, 2))
    doc = annotator.nlp.get_pipe("pactwatch_actors")(doc)
    president = next(t for t in doc if t.text == "president")
    assert president._.actor is not None and president._.actor.code.startswith("FRA")


def test_the_annotator_reads_actors_and_dates_from_the_components_against_the_article_day(annotator):
    from datetime import datetime

    body = "Chile and Peru signed a border treaty in Lima on Tuesday."
    article = Article(title="t", paragraphs=[body], origin="<test>", published=datetime(2024, 5, 9, 8, 0))
    doc = next(iter(annotator.parse([article])))
    seen = {}

    def steps(article, doc):  # what the steps find on the Doc when they run
        seen.update(day=doc._.article_day, mentions=doc._.mentions, dates=doc._.dates.references)
        return original(article, doc)

    original, annotator._steps = annotator._steps, steps
    try:
        result = annotator.run_steps(article, doc)
    finally:
        del annotator._steps
    assert seen["day"] == date(2024, 5, 9)
    assert result.mentions is seen["mentions"] and {m.code for m in result.mentions} >= {"CHL", "PER"}
    assert [value for _, value, _ in seen["dates"]] == [date(2024, 5, 7)]
    assert {e.date for e in result.events} == {date(2024, 5, 7)}
    assert "pactwatch.mentions" not in doc.user_data  # dropped with the steps' caches afterwards


@pytest.mark.parametrize("text,day,expected", [
    ("Ghana and Togo signed the pact on Tuesday.", date(2024, 5, 9), [date(2024, 5, 7)]),
    ("The accord, signed on 3 March, entered into force yesterday.", date(2024, 5, 9),
     [date(2024, 3, 3), date(2024, 5, 8)]),
    ("Officials met this morning.\nTalks resume on June 2, 2025.", date(2024, 5, 9),
     [date(2024, 5, 9), date(2025, 6, 2)]),
])
def test_date_component_reads_every_day_reference_once(annotator, text, day, expected):
    from pactwatch.nlp.grammar.dates import dates_of, set_article_day

    doc = annotator.nlp.make_doc(text)
    for name, pipe in annotator.nlp.pipeline:
        if name != "pactwatch_dates":
            doc = pipe(doc)
    set_article_day(doc, day)
    doc = annotator.nlp.get_pipe("pactwatch_dates")(doc)
    assert [value for _, value, _ in doc._.dates.references] == expected
    assert dates_of(doc, day) is doc._.dates  # a step asking about the same day reads the stored readings
    assert dates_of(doc, None) is not doc._.dates  # another day is read again


def test_date_component_reads_entities_as_a_day_or_a_period(annotator):
    from pactwatch.nlp.grammar.dates import dates_of

    doc = annotator.nlp("Mali left the bloc last month and Niger followed on Monday.")
    readings = {doc[start:start + 1].text: r for start, r in dates_of(doc, date(2024, 5, 9)).entities.items()}
    assert any(r.period and r.value is None for r in readings.values())
    assert date(2024, 5, 6) in {r.value for r in readings.values()}
