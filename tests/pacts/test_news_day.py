"""The day of a step the text leaves undated: a step told in the simple past, with no time
expression in its sentence and outside background clauses, continues the article's news and
takes the day the lead gives (pactwatch.pacts.dates.news_day). Sentences invented for these
tests; 2024-03-06, the publication day, is a Wednesday."""

from __future__ import annotations

from datetime import date

LEAD = ("Kenya and Uganda agreed on Monday to deepen their military ties. "
        "The talks in Kampala lasted two days. Officials described the mood as warm. ")


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


def test_an_undated_signing_after_a_dated_lead_takes_the_leads_day(extract):
    got = keys(extract(LEAD + "The defence ministers of Kenya and Uganda signed a defence cooperation agreement."))
    assert got == {(("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}


def test_a_passive_step_and_a_reported_decision_take_the_leads_day(extract):
    text = LEAD + "A defence cooperation agreement between Kenya and Uganda was ratified by the Kenyan Senate."
    assert keys(extract(text)) == {(("KEN", "UGA"), "military_cooperation", "ratified", date(2024, 3, 4))}
    text = (LEAD + "Kenya and Uganda signed a border security pact in 2019. "
            "The Kenyan government said its decision to withdraw from the pact with Uganda took effect at once.")
    assert (("KEN", "UGA"), "withdrawal", "announced", date(2024, 3, 4)) in keys(extract(text))


def test_a_lead_kept_apart_dates_the_first_sentences_of_the_body(extract):
    lead = "Chad and Sudan said on Monday they were quitting their border security accord."
    text = "The two governments said their decision to withdraw from the border security accord took effect at once."
    got = keys(extract("Chad and Sudan signed a border security accord. " + text, lead=lead))
    assert (("SDN", "TCD"), "withdrawal", "announced", date(2024, 3, 4)) in got
    # a lead kept apart with no day of its own: the news is the publication day's
    got = keys(extract("Ghana and Togo signed a border security pact.", lead="Two neighbours seal a pact."))
    assert got == {(("GHA", "TGO"), "military_cooperation", "signed", date(2024, 3, 6))}


def test_background_and_perfect_steps_stay_undated(extract):
    for step in ("Kenya and Uganda had signed a defence cooperation agreement.",
                 "Kenya and Uganda have signed a defence cooperation agreement.",
                 "Kenya and Uganda signed a defence cooperation agreement in September.",
                 "Kenya and Uganda signed a defence cooperation agreement last year."):
        assert {k[3] for k in keys(extract(LEAD + step))} == {None}, step


def test_a_lead_without_a_day_or_a_step_of_the_lead_itself_stays_undated(extract):
    assert {k[3] for k in keys(extract("Kenya and Uganda signed a defence cooperation agreement."))} == {None}
    undated = ("Kenya and Uganda want closer military ties. The talks in Kampala lasted two days. "
               "Officials described the mood as warm. ")
    got = keys(extract(undated + "Kenya and Uganda signed a defence cooperation agreement."))
    assert {k[3] for k in got} == {None}


def test_a_step_restated_without_a_day_is_the_dated_one(extract):
    text = (LEAD + "Kenya and Uganda signed a defence cooperation agreement on Tuesday. "
            "Officials said the agreement was signed after long talks.")
    assert keys(extract(text)) == {(("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 5))}
