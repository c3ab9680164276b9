"""Who an act is aimed at, where the reading used to take the wrong party or invent a missing one:
the one asked, not whom the asked act concerns ('urged X to arrest Y'); halted talks coded from the
halter only, even when the other party comes from context; a warning aimed at the subject of what it
says; no missing target ('---') for an act named as background ('following the sanctions').
Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)


@pytest.fixture
def coder(code_text):
    """The folder's shared coder (conftest ``code_text``), as (source, target, code) triples."""
    return lambda text: {(e.source, e.target, e.cameo_code) for e in code_text(text, ON)}


@pytest.mark.parametrize("text, asked, concerned", [
    ("Ukraine has urged Mongolia to arrest Putin.", "MNG", "RUS"),  # object + infinitive
    ("Japan called on Seoul to release the Chinese sailors.", "KOR", "CHN"),  # 'call on' + infinitive
    ('"We asked Ankara to hand the suspects over to Greece," the Cypriot minister said.', "TUR", "GRC"),  # quoted
])
def test_the_one_asked_is_the_target(coder, text, asked, concerned):
    appeals = {(s[:3], t[:3]) for s, t, c in coder(text) if c.startswith("02")}
    assert any(t == asked for _, t in appeals), appeals
    assert not any(t == concerned for _, t in appeals), appeals


def test_an_infinitive_with_no_one_asked_keeps_its_object(coder):
    assert ("KEN", "UGA", "036") in coder("Kenya agreed to meet Uganda.")


def test_an_act_aimed_abroad_stays(coder):
    assert ("GEOGOV", "RUS", "112") in coder("Georgia's president accused Russia of meddling.")


@pytest.mark.parametrize("text, halter, other", [
    ("Georgia said it would freeze its bid to join the European Union. "
     "As a result, Brussels has put accession talks on hold.", "EU", "GEO"),  # noun, other party from context
    ("Serbia recognised the breakaway region on Monday. "
     "In response, the European Union put the membership talks on hold.", "EU", "SRB"),
])
def test_halted_talks_are_the_halters_act(coder, text, halter, other):
    halts = {(s[:3] if s[:2] != "EU" else s, t[:3] if t[:2] != "EU" else t) for s, t, c in coder(text) if c == "164"}
    assert (halter, other) in halts, halts
    assert (other, halter) not in halts, halts


@pytest.mark.parametrize("text, pair", [
    ("Russia's deputy foreign minister warned last week that Yerevan could ruin its military ties with Moscow.",
     ("RUS", "ARM")),  # a possible act
    ('"Tallinn may regret this decision," the Russian envoy warned.', ("RUS", "EST")),  # quoted, verb after
    ("Beijing warned on Friday that Manila would be responsible for any escalation.", ("CHN", "PHL")),  # copula
])
def test_a_warning_is_aimed_at_the_subject_of_what_it_says(coder, text, pair):
    warnings = {(s[:3], t[:3]) for s, t, c in coder(text) if c.startswith("13")}
    assert pair in warnings, warnings


def test_a_warning_about_the_own_side_looks_further(coder):
    """"warned that Moscow has the right to respond": the speaker's own side is not the target."""
    events = coder("The Russian president warned that Moscow had the right to respond as tensions rose with the West.")
    warnings = {(s[:3], t[:3]) for s, t, c in events if c.startswith("13")}
    assert ("RUS", "WST") in warnings and not any(t == "RUS" for _, t in warnings), warnings


@pytest.mark.parametrize("text", [
    "India became a major buyer of Russian oil following Western sanctions.",  # 'following'
    "Prices rose sharply after the Chinese blockade.",  # 'after'
    "Trade has collapsed since the American embargo.",  # 'since'
])
def test_an_act_named_as_background_has_no_missing_target(coder, text):
    assert not any(t == "---" for _, t, _ in coder(text)), coder(text)


def test_the_same_act_as_the_sentence_subject_stays(coder):
    assert ("WST", "RUS", "163") in coder("Western sanctions hit the Russian economy.")


@pytest.mark.parametrize("text, event", [
    # the bloc as the subject of a reported failing, outside a quotation
    ("Chad left the Economic Community of Central African States. N'Djamena said the bloc had failed to "
     "protect its borders.", ("TCDGOV", "ECCAS", "111")),
    # inside a quotation
    ("Libya criticised the Arab League on Monday. \"The organisation ignored our requests,\" the Libyan foreign "
     "minister said.", ("LBYGOV", "ARL", "111")),
    # as the object of an accusation
    ("NATO held a summit in Madrid. Belarus accused the alliance of preparing a war.", ("BLR", "NATO", "112")),
])
def test_a_bloc_noun_is_the_organisation_named_before(coder, text, event):
    assert event in coder(text)


@pytest.mark.parametrize("text, event", [
    ("Britain sent tanks to Kyiv last year.", ("GBR", "UKR", "072")),  # active, a capital after 'to'
    ("The jets were delivered to Taipei by the United States.", ("USA", "TWN", "072")),  # passive
    ("Germany sent humanitarian aid to Khartoum.", ("DEU", "SDN", "073")),  # an aid noun
    ('"We will deliver the jets to Taipei next year," the US defence secretary said.',
     ("USAGOV", "TWN", "0332")),  # quoted, planned
    ("Ministers said Germany would not be sending its missiles to Kyiv.", ("DEU", "UKR", "1222")),  # a refusal
])
def test_a_capital_things_are_sent_to_is_the_receiving_state(coder, text, event):
    assert event in coder(text)


def test_a_capital_things_are_sent_from_or_in_is_no_recipient(coder):
    got = coder("Russia sent troops from Minsk into the border area.")
    assert not any(t.startswith("BLR") for _, t, _ in got), got
