"""Direct quotations: quote marks, attribution forms, speakers, repeats — on sentences written here."""

from __future__ import annotations

import pytest

from pactwatch.ingest import read_all
from pactwatch.nlp.quote_marks import find_quote_spans
from pactwatch.nlp.quote_speakers import speech_verbs
from pactwatch.nlp.quotes import extract_quotes
from pactwatch.records import Article


@pytest.fixture(scope="module")
def nlp():
    from pactwatch.nlp.pipeline import load_spacy

    return load_spacy()


def quotes_of(nlp, text: str):
    return extract_quotes(nlp(text), [])


def by_text(quotes):
    return {q.text.rstrip(",. "): q for q in quotes}


# -- quote marks ----------------------------------------------------------------------------
def inner(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def test_straight_curly_and_guillemet_marks():
    assert inner('He said "we will stay here" today.') == ["we will stay here"]
    assert inner("She said “we will stay here” today.") == ["we will stay here"]
    assert inner("The agency spoke of an «unlawful act of force» on Monday.") == ["unlawful act of force"]


def test_single_marks_are_quotes_but_apostrophes_are_not():
    text = "The minister's aide said Oslo can't accept a 'forced settlement' of the '90s dispute."
    assert inner(text) == ["forced settlement"]
    assert inner("The generals’ view was ‘a grave mistake’, he said.") == ["a grave mistake"]
    assert inner("Don't touch the members' funds, it's the 1990s' rule.") == []


def test_single_quotes_inside_double_quotes_are_part_of_the_quote():
    assert inner("\"We call it 'a new chapter' for both,\" she said.") == ["We call it 'a new chapter' for both,"]


@pytest.mark.parametrize("text,expected", [
    # a quotation inside a quotation written with the same curly marks, in the middle
    ("“We will not accept what they call “peace” if it means surrender,” she said.",
     ["We will not accept what they call “peace” if it means surrender,"]),
    # at the end, both closing marks together
    ("The envoy said: “Nobody here believes in the so-called “reset.””",
     ["Nobody here believes in the so-called “reset.”"]),
    # guillemets inside guillemets
    ("Le ministre a dit «nous refusons ce «compromis» imposé» hier.", ["nous refusons ce «compromis» imposé"]),
])
def test_a_quote_inside_a_quote_with_the_same_marks_stays_inside(text, expected):
    assert inner(text) == expected


def test_an_opening_mark_while_one_is_open_still_ends_an_unclosed_quote():
    # the next marks are not two closing ones: the first quotation was never closed
    text = "“The first part never closes. “The second one does,” he said."
    assert inner(text) == ["The first part never closes.", "The second one does,"]


def test_open_quote_ends_with_its_paragraph():
    text = "\"We will not give up the harbour.\n\n\"Our navy stays there,\" he said."
    assert inner(text) == ["We will not give up the harbour.", "Our navy stays there,"]


# -- attribution forms ----------------------------------------------------------------------
@pytest.mark.parametrize("text, speaker, cue", [
    ('Foreign Minister Anna Berglund said: "Our border will stay open to trade."', "Anna Berglund", "say"),
    ('"Our border will stay open to trade," Anna Berglund said.', "Anna Berglund", "say"),
    ('"Our border will stay open to trade," said Anna Berglund.', "Anna Berglund", "say"),
    ('"Our border will stay open to trade," Anna Berglund told reporters in Oslo.', "Anna Berglund", "tell"),
    ('Anna Berglund warned in a statement, "Our border will stay open to trade."', "Anna Berglund", "warn"),
    ('"Our border will stay open to trade," according to Anna Berglund.', "Anna Berglund", "according to"),
    ('"Our border will stay open to trade." — Anna Berglund', "Anna Berglund", None),
])
def test_attribution_in_every_order(nlp, text, speaker, cue):
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert quotes[0].cue == cue
    assert quotes[0].text.startswith("Our border will stay open")
    assert text[quotes[0].start : quotes[0].end] == quotes[0].text


def test_speaker_offsets_point_at_the_speaker(nlp):
    text = '"The talks were useful," Tomas Lindqvist said.'
    quote = quotes_of(nlp, text)[0]
    assert text[quote.speaker_start : quote.speaker_end] == "Tomas Lindqvist"


def test_partial_quote_inside_reported_speech(nlp):
    text = 'Rafael Moreno said the pact was "purely defensive in character," adding that it threatened nobody.'
    quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.text) for q in quotes] == [("Rafael Moreno", "purely defensive in character,")]


def test_one_word_quotes_and_titles_are_not_quotations(nlp):
    text = ('The two navies began the "Northern Shield 24" drills under the "Joint Maritime Security Pact", '
            'which Rafael Moreno called a "milestone".')
    assert quotes_of(nlp, text) == []


def test_a_capitalised_sentence_in_quotes_is_still_a_quote(nlp):
    quotes = quotes_of(nlp, '"We Stand Together," Rafael Moreno said.')
    assert [q.speaker for q in quotes] == ["Rafael Moreno"]


def test_split_quotation_gives_two_quotes(nlp):
    text = '"The treaty binds us both," Helga Sorensen said, "and it will be kept."'
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["The treaty binds us both,", "and it will be kept."]
    assert {q.speaker for q in quotes} == {"Helga Sorensen"}


def test_pronoun_goes_to_the_last_person_speaker_and_surname_to_full_name(nlp):
    text = ("Prime Minister Helga Sorensen met the envoy in Copenhagen on Monday.\n\n"
            "\"We have agreed on a timetable for the withdrawal,\" she said.\n\n"
            "Sorensen added that talks would resume in May.\n\n"
            "\"Nobody should doubt our resolve on this question,\" she stressed.")
    quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Helga Sorensen", "say"), ("Helga Sorensen", "stress")]


def test_description_resolves_to_the_person_it_titled(nlp):
    text = ("Defence Minister Pavel Novak arrived in Warsaw on Tuesday.\n\n"
            "The defence minister told reporters the deal was \"a turning point for the region\".")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Pavel Novak"]


def test_quote_paragraph_after_a_colon_takes_that_speaker(nlp):
    text = ("Rafael Moreno described the agreement to parliament as follows:\n\n"
            "\"This accord protects our coast and our fishermen.\"")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Rafael Moreno"]


def test_continued_quotation_inherits_the_speaker(nlp):
    text = ("\"We have waited long enough,\" insisted Helga Sorensen. \"The vote must happen this week.\"\n\n"
            "\"There will be no more delays.\"")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Helga Sorensen"] * 3


def test_institution_speaker_uses_its_name(nlp):
    text = '"The ambassador was summoned to explain the incident," the Foreign Ministry said in a statement.'
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Foreign Ministry"]


def test_repeated_quotation_is_one_quote_with_a_count(nlp):
    text = ("\"We will defend every ally without exception,\" Tomas Lindqvist said.\n\n"
            "Later he repeated it: \"We will defend every  ally without exception.\"")
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].mentions == 2
    assert quotes[0].speaker == "Tomas Lindqvist"


def test_unattributed_scare_quotes_are_dropped(nlp):
    assert quotes_of(nlp, 'The so-called "peace dividend" never arrived in the region.') == []


def test_deterministic(nlp):
    text = '"The talks were useful," Tomas Lindqvist said. "We meet again in June," he added.'
    assert quotes_of(nlp, text) == quotes_of(nlp, text)


def test_cue_lexicon_is_data():
    verbs = speech_verbs()
    assert {"say", "tell", "stress", "emphasise", "emphasize", "warn", "tweet"} <= set(verbs)
    assert set(verbs.values()) <= {"strong", "weak"}


# -- the seed article -----------------------------------------------------------------------
def test_seed_gives_three_quotes(seed_path, nlp):
    from pactwatch.nlp.pipeline import Annotator

    article = next(a for a in read_all([str(seed_path)]) if isinstance(a, Article))
    quotes = Annotator().annotate(article).quotes
    assert [(q.speaker, q.mentions) for q in quotes] == [
        ("Vladimir Putin", 2), ("Kim Jong-un", 1), ("Kim Jong-un", 1)]
    assert quotes[1].text.startswith("peace-loving, defensive in nature")
    assert quotes[2].cue == "stress"
    for q in quotes:
        assert article.body[q.start : q.end] == q.text
    # related headlines are not in the body and yield nothing
    assert not any("ideology" in q.text for q in quotes)


# -- speakers: institutions, documents, spellings, cut-off quotes ----------------------------
@pytest.fixture(scope="module")
def annotator():
    from pactwatch.nlp.pipeline import Annotator

    return Annotator()


def speakers_of(annotator, text: str) -> list[tuple[str, str]]:
    """(speaker, first words) with the actor resolver's mentions, as the pipeline runs it."""
    from pactwatch.nlp.actors import find_mentions

    doc = next(iter(annotator.parse([Article(title=None, paragraphs=text.split("\n\n"), origin="t",
                                             language="en")])))
    quotes = extract_quotes(doc, find_mentions(doc, annotator.actor_tables, None))
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in quotes]


def test_institution_phrasings_share_one_common_name():
    from pactwatch.nlp.quote_institutions import institution_names

    names = institution_names()
    for phrase in ("the Ministry of Foreign Affairs of Japan", "Japan's foreign ministry",
                   "a Japanese Foreign Ministry statement", "the Japanese foreign affairs ministry"):
        assert names.canonical(phrase) == "Japanese Foreign Ministry", phrase
    assert names.canonical("the foreign ministry", "JPNGOV") == "Japanese Foreign Ministry"
    assert names.canonical("the ministry of foreign affairs", "USAGOV") == "State Department"
    assert names.canonical("Israel's military") == names.canonical("the IDF") == "Israel Defense Forces"
    assert names.canonical("the official IRNA news agency") == "IRNA"
    assert names.canonical("the Korean Central News Agency") == "KCNA"
    assert names.canonical("Russia's defense ministry") == "Russian Defense Ministry"
    assert names.canonical("the presidential press service", "BLRGOV") == "Press service of the President of Belarus"
    # nothing we know: left alone
    assert names.canonical("the organising committee") is None
    assert names.canonical("the foreign ministry") is None  # no country to name it by
    assert names.capital_country("Tehran") == "IRN" and names.capital_country("Kremlin") is None


@pytest.mark.parametrize("text, expected", [
    ('Earlier, the Ministry of Foreign Affairs of Japan said the sides would speed up the "entry into '
     'force" of the pact.', [("Japanese Foreign Ministry", "entry into force")]),
    ('"We struck radar sites and drone factories near the border," an Israeli military statement said.',
     [("Israel Defense Forces", "We struck radar")]),
    ("Israel's military called the raids \"limited and targeted strikes on air defences,\" without "
     "giving details.", [("Israel Defense Forces", "limited and targeted")]),
    ('"The envoy was handed a note of protest," the official IRNA news agency reports.',
     [("IRNA", "The envoy was")]),
    ('The press service of the Belarusian president said the law covers "every lawful means of '
     'defence."', [("Press service of the President of Belarus", "every lawful means")]),
])
def test_institutional_speakers_get_their_common_name(annotator, text, expected):
    assert speakers_of(annotator, text) == expected


def test_a_capital_speaks_for_the_body_its_state_named_before(annotator):
    text = ("The Iranian Foreign Ministry summoned the Danish envoy on Monday.\n\n"
            "Tehran also protested a \"grave insult to the nation\" during the march.")
    assert speakers_of(annotator, text) == [("Iranian Foreign Ministry", "grave insult to")]


def test_comma_split_subject_prefers_the_name(nlp):
    text = ('"After ten years of talks, the fishermen of both coasts finally see results," coast guard '
            'spokesman, Ivo Marek said in the statement.')
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Ivo Marek"]


def test_an_infinitive_after_a_noun_is_not_the_cue(nlp):
    text = ('Karl Brandt warned that Berlin has the right to respond "in whatever way it chooses," '
            'as tensions rose.')
    quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Karl Brandt", "warn")]


def test_the_articles_spelling_of_a_listed_person_wins(annotator):
    # the leaders table spells him "Radoslaw"; this text says "Radek", a listed alias
    text = ("Polish Foreign Minister Radek Sikorski spoke in Gdansk on Tuesday.\n\n"
            "\"We will close the consulate before the end of the week,\" Sikorski said.")
    assert speakers_of(annotator, text) == [("Radek Sikorski", "We will close")]


def test_a_treaty_is_the_source_of_its_own_terms(annotator):
    text = ("Valdonia and Ruritania signed the Amber Coast Treaty on Friday.\n\n"
            "Under the treaty, each state must come to the aid of the other \"in case of an armed "
            "attack on its territory\".")
    assert speakers_of(annotator, text) == [("Amber Coast Treaty", "in case of")]


def test_the_text_of_an_unnamed_agreement_speaks_for_it(annotator):
    text = ("The two states signed a maritime security agreement in March.\n\n"
            "The text of the agreement says that joint patrols serve \"the peace of the whole gulf\".")
    assert speakers_of(annotator, text) == [("maritime security agreement", "the peace of")]


@pytest.mark.parametrize("text, speaker", [
    ("On Monday, Helga Sorensen inspected the new patrol ships.\n\n"
     "\"We need vessels that can stay at sea for", "Helga Sorensen"),
    ("The visit drew a sharp rebuke from Valdonian officials.\n\n"
     "\"No state should host a man who has", "Valdonian officials"),
])
def test_a_quote_the_page_cuts_off_takes_the_sentence_that_introduced_it(annotator, text, speaker):
    assert [s for s, _ in speakers_of(annotator, text)] == [speaker]


def test_a_closed_quote_without_attribution_is_still_dropped(annotator):
    # the same as above, but the page did not cut it: nothing attributes it
    text = ("On Monday, Helga Sorensen inspected the new patrol ships.\n\n"
            "\"We need vessels that can stay at sea for weeks.\" The talks end on Friday.")
    assert speakers_of(annotator, text) == []


def test_transcript_labels_name_the_speaker(nlp):
    text = ("On Sunday, Lena Hartmann interviewed Governor Paul Okafor.\n\n"
            "\"HARTMANN: Will the bridge be finished this year?\n\n"
            "\"OKAFOR: We have the money and the workers, so yes, it will.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Lena Hartmann", "Paul Okafor"]
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["HARTMANN", "OKAFOR"]


def test_a_list_of_quotes_signed_with_a_bar_takes_each_line_s_name(nlp):
    text = ("“The mayor ignored our street for years.”― Nadia Kovacs\n"
            "“Mayor Brandt Oliver never answered a single letter.” ― Tomas Lindqvist\n")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Nadia Kovacs", "Tomas Lindqvist"]


def test_a_dash_before_prose_is_not_a_signature(nlp):
    text = ("Senator Ada Quinn has called the plan a “costly illusion” ― just as she did with the last "
            "budget of Peter Vance.")
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Ada Quinn"]


def test_a_passive_verb_is_no_cue(nlp):
    doc = nlp('According to the ministry, the pact obliges each side to help "at once" if the other '
              'is put under attack by a third state.')
    quotes = extract_quotes(doc, [])
    assert [(q.speaker, q.cue) for q in quotes if q.text.startswith("at once")] == [("ministry", "according to")]


def quotes_with_actors(nlp, text: str):
    from datetime import date

    from pactwatch.nlp.actor_tables import ActorTables
    from pactwatch.nlp.actors import find_mentions

    doc = nlp(text)
    return extract_quotes(doc, find_mentions(doc, ActorTables.load(), date(2024, 6, 1)))


@pytest.mark.parametrize("text, code", [
    ('China\u2019s coast guard spokesperson Li Wen said the ships "must leave at once".', "CHNCOP"),
    ('Li Wen, a spokesman for the Chinese coast guard, said the ships "must leave at once".', "CHNCOP"),
    ('"The ships must leave at once," said Li Wen, spokesperson of the Chinese Foreign Ministry.', "CHNGOV"),
])
def test_a_person_the_tables_do_not_know_speaks_for_the_body_named_with_them(nlp, text: str, code: str) -> None:
    (quote,) = quotes_with_actors(nlp, text)
    assert quote.speaker == "Li Wen" and quote.speaker_actor == code


def test_a_body_under_another_preposition_is_not_the_speakers(nlp) -> None:
    (quote,) = quotes_with_actors(nlp, 'The envoy to China Li Wen said the talks "went well".')
    assert quote.speaker_actor != "CHN"
