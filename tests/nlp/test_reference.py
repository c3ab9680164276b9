"""The shared reference component (``token._.reference``), on invented sentences of different shapes."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from pactwatch.nlp.pipeline import load_spacy

    return load_spacy()


def antecedent(nlp, text, word, nth=0):
    doc = nlp(text)
    token = [t for t in doc if t.text == word][nth]
    found = token._.antecedent
    return found.text if found is not None else None


def test_component_is_registered_with_what_it_needs_and_gives(nlp):
    from pactwatch.nlp.pipeline import SHARED_COMPONENTS

    assert "pactwatch_reference" in SHARED_COMPONENTS and "pactwatch_reference" in nlp.pipe_names
    meta = nlp.get_pipe_meta("pactwatch_reference")
    assert {"token._.reference", "token._.antecedent"} <= set(meta.assigns)
    assert "token.dep" in meta.requires and "token.ent_type" in meta.requires


@pytest.mark.parametrize("text,word,expected", [
    # subject preference across sentences: "A told B that ..." -> "he" is A
    ("President Emmanuel Macron told Chancellor Olaf Scholz that the plan was dead. "
     "\"We need a new start,\" he said.", "he", "President Emmanuel Macron"),
    # gender: the only woman named before is "she"
    ("Prime Minister Mette Frederiksen met Mr. Jonas Gahr Store in Oslo. She said the talks went well.",
     "She", "Prime Minister Mette Frederiksen"),
    # a subordinate clause's pronoun: the subject of the clause above it, not the first subject
    ("Fiji signed a pact with Tonga, while Japan has built ties in the region since it opened an embassy "
     "in Suva.", "it", "Japan"),
    # an addressee: "X told Y that it must ..."
    ("Sweden told Latvia that it must close the port.", "it", "Latvia"),
])
def test_pronouns(nlp, text, word, expected):
    assert antecedent(nlp, text, word) == expected


def test_a_pronoun_never_reaches_into_a_quotation(nlp):
    text = ("Kenya's Foreign Minister Amina Mohamed spoke after the vote. "
            "\"Ruto will never accept this,\" she said.")
    assert antecedent(nlp, text, "she") == "Kenya's Foreign Minister Amina Mohamed"


def test_an_object_before_a_subject_pronoun_in_its_own_sentence_is_not_its_antecedent(nlp):
    text = "Viktor Tamm spoke in parliament. When asked by a reporter why he stayed, he said he had no choice."
    assert antecedent(nlp, text, "he", 1) == "Viktor Tamm"


@pytest.mark.parametrize("text,word,expected", [
    ("The Kenyan Foreign Ministry issued a note on Monday. \"We reject these claims,\" the ministry wrote.",
     "ministry", "The Kenyan Foreign Ministry"),
    ("The Japanese Defence Ministry released a report on Friday. \"The threat is real,\" the report says.",
     "report", "The Japanese Defence Ministry"),
    ("The Chilean navy issued a statement late on Sunday. The statement accused Peru of a provocation.",
     "statement", "The Chilean navy"),
])
def test_generic_nouns_go_to_the_body_named_before(nlp, text, word, expected):
    assert antecedent(nlp, text, word, -1) == expected


@pytest.mark.parametrize("text,word,expected", [
    # a subject, outside a quotation, with a leader participle
    ("Chad left the Economic Community of Central African States in March. Its president said the "
     "French-backed bloc had ignored his requests.", "bloc", "Central African States"),
    # inside a quotation, after a plain name
    ("The Arab League met in Cairo. \"The organisation has lost its way,\" the Libyan envoy said.",
     "organisation", "The Arab League"),
    # an object whose "of" phrase is the accusation's, not the name's
    ("NATO held a summit in Madrid. Belarus accused the alliance of preparing a war.", "alliance", "NATO"),
])
def test_a_bloc_noun_goes_to_the_organisation_named_before(nlp, text, word, expected):
    assert antecedent(nlp, text, word) == expected


@pytest.mark.parametrize("text,word", [
    ("The alliance of opposition parties won the vote.", "alliance"),  # nothing named before
    ("NATO met in Oslo. The bloc of Nordic parties in parliament voted no.", "bloc"),  # a name of its own
])
def test_a_bloc_noun_with_a_name_of_its_own_or_nothing_before_refers_to_nothing(nlp, text, word):
    assert antecedent(nlp, text, word) is None


@pytest.mark.parametrize("text,expected", [
    ("North Korea fired two missiles on Sunday. Seoul said the North had violated the accord.", "North Korea"),
    ("Talks between the North and the South resumed. South Korea sent a delegation.", None),
    ("South Sudan closed its border crossings. Khartoum said the South must reopen them.", "South Sudan"),
])
def test_the_north_and_the_south(nlp, text, expected):
    word = "North" if "the North" in text else "South"
    assert antecedent(nlp, text, word, -1 if expected else 0) == expected


def test_a_shared_surname_goes_to_the_one_named_last(nlp):
    text = ("Kim Jong-un inspected the launch site. His sister Kim Yo-jong later warned Seoul. "
            "Kim said the drills must end.")
    doc = nlp(text)
    kim = [t for t in doc if t.text == "Kim"][-1]
    assert kim._.reference.rule == "surname"
    assert kim._.antecedent.text == "Kim Yo-jong"


def test_they_means_several_parties_or_a_people(nlp):
    assert antecedent(nlp, "Bosnian Croats said on Friday their units had left the town.", "their") == "Bosnian Croats"
    assert antecedent(nlp, "The Fijian strikers said they will end the blockade.", "they") == "The Fijian strikers"


@pytest.mark.parametrize("text,word,nth,expected", [
    # two subjects of one speech verb (the parser reads the host's apposition as a subject):
    # the one who spoke, nearest the verb
    ("At a banquet hosted by the prime minister of Portugal, Dr Anton Weller, Margaret said, "
     "\"We owe you an apology,\" reports Radio Lusa.\n\"We can build something better,\" she concluded.",
     "she", 0, "Margaret"),
    # the speech verb's own subject, not a second title in its apposition
    ("Ingrida Kaleta, Lithuanian Deputy Prime Minister and Minister of Energy, said in a post that she had "
     "signed the treaty.\n\"We are building a grid,\" she wrote.", "she", 1, "Ingrida Kaleta"),
    # a speaker the entity tagger read as an organisation or a title, continuing in a new paragraph
    ("The defence minister of Estonia said his country was ready.\n\"Estonia takes its place among the "
     "allies,\" Kaja Tamm said on Facebook.\nShe added: \"A long road ended today.\"", "She", 0, "Kaja Tamm"),
    ("\"The talks went well,\" Bishop Adelino Costa told reporters in Lisbon.\nHe added: \"We will meet again.\"",
     "He", 0, "Bishop Adelino Costa"),
])
def test_a_reporting_pronoun_goes_on_with_the_last_speaker(nlp, text, word, nth, expected):
    assert antecedent(nlp, text, word, nth) == expected


def test_a_name_like_organisation_is_no_antecedent_of_a_pronoun_that_does_not_report(nlp):
    text = "\"Estonia is ready,\" Kaja Tamm said on Facebook. Later he visited the border."
    assert antecedent(nlp, text, "he") != "Kaja Tamm"


@pytest.mark.parametrize("text,word,expected", [
    # a bare title after the person it titled in apposition
    ("The talks were led by the United Nations envoy for Yemen, former Swedish diplomat Hans Lindqvist. "
     "The envoy noted that the parties had agreed.", "envoy",
     "the United Nations envoy for Yemen, former Swedish diplomat Hans Lindqvist"),
    # an anonymous source referred to again, "the same source"
    ("A Belgian diplomatic source told reporters that three citizens were held. The same source added that "
     "they were well.", "source", "A Belgian diplomatic source"),
    # a source is a person: "she"
    ("A Belgian diplomatic source told reporters that three citizens were held. \"They are well,\" she continued.",
     "she", "A Belgian diplomatic source"),
])
def test_titles_and_sources_refer_back_to_the_person_described(nlp, text, word, expected):
    assert antecedent(nlp, text, word, -1) == expected


@pytest.mark.parametrize("text,word,expected", [
    ("A note issued by the Kenyan Foreign Ministry rejected the claims. \"Our border stays,\" the note said.",
     "note", "the Kenyan Foreign Ministry"),
    ("Chile will quit the forum, according to a statement released by the Chilean navy. The statement "
     "accused Peru of bad faith.", "statement", "the Chilean navy"),
    ("The release, published by the Polish Defence Ministry on Friday, was short. \"We are ready,\" the "
     "release said.", "release", "the Polish Defence Ministry"),
])
def test_a_document_issued_by_a_body_in_a_participle_speaks_for_it(nlp, text, word, expected):
    assert antecedent(nlp, text, word, -1) == expected
