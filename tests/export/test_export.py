"""`pactwatch export` on both backends: GDELT 2.0 event rows and typed table exports read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pactwatch.cli import main
from pactwatch.data import read_table
from pactwatch.dedup.merge import merge_events
from pactwatch.export.actor_codes import ActorCodebook
from pactwatch.export.gdelt import column_names
from pactwatch.records import Annotation, Article, CommitmentReport, Event, Mention, Quote
from pactwatch.store import open_database
from pactwatch.store.articles import save_article

CODES = {r["code"]: r for r in read_table("cameo/codes.tsv")}


def make_event(source: str, target: str, code: str, day: date | None, body: str, sentence: str) -> Event:
    info = CODES[code]
    start = body.index(sentence)
    return Event(source=source, target=target, cameo_code=code, root_code=info["root"],
                 quad_class=int(info["quad_class"]), goldstein=float(info["goldstein"]), date=day,
                 sentence=sentence, start=start, end=start + len(sentence), matched="verb:test")


def add_article(db, title: str, paragraphs: list[str], publisher: str | None, url: str | None,
                published: datetime | None, events: list[tuple], quotes: list[Quote] = (),
                mentions: list[Mention] = (), commitments: list[CommitmentReport] = ()) -> int:
    article = Article(title=title, paragraphs=paragraphs, origin=f"test:{title}", publisher=publisher,
                      url=url, published=published, authors=["A. Writer", "B. Editor"])
    body = article.body
    annotation = Annotation(
        events=[make_event(s, t, c, d, body, sentence) for s, t, c, d, sentence in events],
        quotes=list(quotes), mentions=list(mentions), commitments=list(commitments))
    return save_article(db, article, annotation).article_id


SIGNING = "Russia and North Korea signed a defence pact on Wednesday."
STRIKE = "Russian forces struck a border post in Ukraine on Friday."
NATO_TALKS = "NATO said it would meet Finnish officials next week."


@pytest.fixture
def filled(db_url: str) -> str:
    """Three articles from two outlets: one event reported twice, two reported once."""
    db = open_database(db_url)
    try:
        first = add_article(
            db, "Pact signed", [SIGNING, "Tab\tand newline in nothing but this paragraph."], "Wire One",
            "https://one.example/pact", datetime(2024, 6, 19, 8, 0, tzinfo=UTC),
            [("RUSGOV", "PRKGOV", "057", date(2024, 6, 19), SIGNING)],
            quotes=[Quote(text="a real breakthrough", start=10, end=29, speaker="Vladimir Putin",
                          speaker_actor="RUSGOV", cue="say", mentions=2)],
            mentions=[Mention(0, 6, "Russia", "RUS", "country", "table"),
                      Mention(11, 22, "North Korea", "PRK", "country", "table")],
            commitments=[CommitmentReport(parties=("PRK", "RUS"), kinds=("mutual_defense",),
                                          lifecycle_event="signed", date=date(2024, 6, 19),
                                          sentence=SIGNING, start=0, end=len(SIGNING))])
        second = add_article(
            db, "Moscow and Pyongyang sign", ["Background first.", SIGNING], "Wire Two", None,
            datetime(2024, 6, 20, 10, 0, tzinfo=UTC),
            [("RUSGOV", "PRKGOV", "057", date(2024, 6, 19), SIGNING)])
        add_article(
            db, "Strike and talks", [STRIKE, NATO_TALKS], "Wire One", "https://one.example/strike",
            datetime(2024, 7, 5, 12, 0, tzinfo=UTC),
            [("RUSMIL", "UKR", "190", date(2024, 7, 5), STRIKE),
             ("NATO", "FIN", "036", None, NATO_TALKS)])
        assert (first, second) == (1, 2)
        merge_events(db)
    finally:
        db.close()
    return db_url


def run(runner, db_url: str, *args: str):
    return runner.invoke(main, ["--db", db_url, "export", *args], catch_exceptions=False)


def gdelt_rows(text: str) -> list[dict[str, str]]:
    names = column_names()
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for cells in reader:
        assert len(cells) == 61, cells
        rows.append(dict(zip(names, cells, strict=False)))
    return rows


def check_gdelt_types(row: dict[str, str]) -> None:
    assert len(row["Day"]) == 8 and row["Day"].isdigit()
    day = datetime.strptime(row["Day"], "%Y%m%d").date()
    assert row["MonthYear"] == row["Day"][:6] and row["Year"] == row["Day"][:4]
    assert int(float(row["FractionDate"])) == day.year and len(row["FractionDate"].split(".")[1]) == 4
    assert -10.0 <= float(row["GoldsteinScale"]) <= 10.0
    assert int(row["QuadClass"]) in (1, 2, 3, 4)
    assert len(row["EventRootCode"]) == 2 and row["EventRootCode"].isdigit()
    assert row["EventCode"].startswith(row["EventRootCode"]) and row["EventBaseCode"] == row["EventCode"][:3]
    assert row["IsRootEvent"] in ("0", "1")
    assert int(row["GlobalEventID"]) > 0
    for name in ("NumMentions", "NumSources", "NumArticles"):
        assert int(row[name]) >= 1
    assert len(row["DATEADDED"]) == 14 and row["DATEADDED"].isdigit()
    assert row["AvgTone"] == ""
    assert all(row[n] == "" for n in column_names() if "Geo_" in n)


def test_column_table_matches_gdelt_2_layout():
    names = column_names()
    assert len(names) == 61 and len(set(names)) == 61
    assert names[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code")
    assert names[15] == "Actor2Code" and names[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert names[35] == "Actor1Geo_Type" and names[43] == "Actor2Geo_Type" and names[51] == "ActionGeo_Type"
    assert names[58] == "ActionGeo_FeatureID" and names[-2:] == ("DATEADDED", "SOURCEURL")


def test_actor_codes_split_into_gdelt_parts():
    book = ActorCodebook.load()
    rus = book.split("RUSGOV")
    assert (rus.code, rus.country, rus.type1, rus.known_group) == ("RUSGOV", "RUS", "GOV", "")
    assert rus.name == "RUSSIA"
    nato = book.split("NATO")
    assert (nato.code, nato.country, nato.type1, nato.known_group) == ("IGOWSTNAT", "", "IGO", "NAT")
    assert book.split("UNO").known_group == "UNO" and book.split("EU").known_group == "EEC"
    assert book.split("WST").country == "WST"
    assert (book.split("USAGOVMIL").type1, book.split("USAGOVMIL").type2) == ("GOV", "MIL")
    assert book.split("").cells() == [""] * 10
    csto = book.split("CSTO")  # organisation code longer than three letters
    assert (csto.code, csto.type1, csto.known_group) == ("IGOCSTO", "IGO", "CSTO")
    assert book.split("UNHCR").known_group == "HCR" and book.split("UNHCR").type2 == "REF"


def test_gdelt_merged_rows(filled, runner):
    result = run(runner, filled, "events", "--format", "gdelt")
    assert result.exit_code == 0, result.output
    rows = gdelt_rows(result.stdout)
    assert len(rows) == 3  # the pact reported twice merges into one row
    for row in rows:
        check_gdelt_types(row)
    pact = next(r for r in rows if r["EventCode"] == "057")
    assert (pact["NumMentions"], pact["NumSources"], pact["NumArticles"]) == ("2", "2", "2")
    actor1 = (pact["Actor1Code"], pact["Actor1CountryCode"], pact["Actor1Type1Code"])
    assert actor1 == ("RUSGOV", "RUS", "GOV")
    assert (pact["Actor2Code"], pact["Actor2CountryCode"]) == ("PRKGOV", "PRK")
    assert pact["Day"] == "20240619" and pact["EventRootCode"] == "05" and pact["QuadClass"] == "1"
    assert float(pact["GoldsteinScale"]) == 8.0
    assert pact["SOURCEURL"] == "https://one.example/pact"
    assert pact["IsRootEvent"] == "1"  # first paragraph of the first article
    talks = next(r for r in rows if r["EventCode"] == "036")
    assert talks["Actor1Code"] == "IGOWSTNAT" and talks["Actor1KnownGroupCode"] == "NAT"
    assert talks["Day"] == "20240705"  # undated event: the article's publication date
    assert talks["IsRootEvent"] == "0"
    strike = next(r for r in rows if r["EventCode"] == "190")
    assert float(strike["GoldsteinScale"]) == -10.0 and strike["QuadClass"] == "4"
    assert strike["Actor2Code"] == "UKR" and strike["Actor2Type1Code"] == ""


def test_gdelt_file_loads_with_typed_columns(filled, runner, tmp_path: Path):
    """A typed TSV reader (pyarrow.csv, GDELT column types) loads every cell without a parse error."""
    import pyarrow.csv as pcsv

    spec = sorted(read_table("export/gdelt_event_columns.tsv"), key=lambda r: int(r["index"]))
    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    out = tmp_path / "events.tsv"
    assert run(runner, filled, "events", "--format", "gdelt", "-o", str(out)).exit_code == 0
    table = pcsv.read_csv(
        out, read_options=pcsv.ReadOptions(column_names=[c["name"] for c in spec]),
        parse_options=pcsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pcsv.ConvertOptions(column_types={c["name"]: types[c["type"]] for c in spec}))
    assert table.num_rows == 3 and table.num_columns == 61
    assert sorted(table.column("EventCode").to_pylist()) == ["036", "057", "190"]  # zeros kept
    assert sorted(table.column("NumArticles").to_pylist()) == [1, 1, 2]
    assert table.column("AvgTone").null_count == 3


def test_gdelt_raw_rows_to_file(filled, runner, tmp_path: Path):
    out = tmp_path / "events.export.CSV"
    result = run(runner, filled, "events", "--format", "gdelt", "--raw", "--output", str(out))
    assert result.exit_code == 0, result.output
    rows = gdelt_rows(out.read_text(encoding="utf-8"))
    assert len(rows) == 4
    for row in rows:
        check_gdelt_types(row)
        assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    pacts = [r for r in rows if r["EventCode"] == "057"]
    assert sorted(r["SOURCEURL"] for r in pacts) == ["https://one.example/pact", "pactwatch:article/2"]
    # the second article reports the pact in its second paragraph
    assert {r["SOURCEURL"]: r["IsRootEvent"] for r in pacts}["pactwatch:article/2"] == "0"
    assert "exported 4 rows" in result.stderr


def test_gdelt_cells_never_split_columns(db_url, runner):
    db = open_database(db_url)
    try:
        add_article(db, "Odd URL", [SIGNING], None, "https://odd.example/a\tb\nc", None,
                    [("RUSGOV", "PRKGOV", "057", None, SIGNING)])
        merge_events(db)
    finally:
        db.close()
    rows = gdelt_rows(run(runner, db_url, "events", "--format", "gdelt").stdout)
    assert len(rows) == 1 and rows[0]["SOURCEURL"] == "https://odd.example/a b c"
    # no event or publication date: empty date cells, never the ingest day
    assert [rows[0][c] for c in ("Day", "MonthYear", "Year", "FractionDate")] == ["", "", "", ""]
    assert len(rows[0]["DATEADDED"]) == 14 and rows[0]["DATEADDED"].isdigit()


def test_gdelt_date_range(filled, runner):
    july = gdelt_rows(run(runner, filled, "events", "--format", "gdelt", "--since", "2024-07-01").stdout)
    assert sorted(r["EventCode"] for r in july) == ["036", "190"]
    june = gdelt_rows(run(runner, filled, "events", "--format", "gdelt", "--raw",
                          "--until", "2024-06-30").stdout)
    assert [r["EventCode"] for r in june] == ["057", "057"]


def test_csv_tables(filled, runner):
    events = list(csv.DictReader(io.StringIO(run(runner, filled, "events", "--format", "csv").stdout)))
    assert len(events) == 4
    assert list(events[0]) == ["id", "article_id", "date", "source", "target", "cameo_code", "root_code",
                               "quad_class", "goldstein", "sentence", "start_char", "end_char", "matched",
                               "confidence", "confidence_from"]
    assert events[0]["cameo_code"] == "057" and float(events[0]["goldstein"]) == 8.0
    assert events[3]["date"] == ""  # NULL is an empty cell
    merged = list(csv.DictReader(io.StringIO(run(runner, filled, "merged-events", "--format", "csv").stdout)))
    assert sorted(int(r["num_articles"]) for r in merged) == [1, 1, 2]
    articles = list(csv.DictReader(io.StringIO(run(runner, filled, "articles").stdout)))
    assert [a["title"] for a in articles] == ["Pact signed", "Moscow and Pyongyang sign", "Strike and talks"]
    assert json.loads(articles[0]["authors"]) == ["A. Writer", "B. Editor"]
    assert "\t" in articles[0]["body"]  # text survives CSV quoting intact
    assert articles[0]["published"].startswith("2024-06-19T08:00")


def test_json_and_jsonl_tables(filled, runner):
    quotes = json.loads(run(runner, filled, "quotes", "--format", "json").stdout)
    assert len(quotes) == 1
    assert quotes[0]["speaker"] == "Vladimir Putin" and quotes[0]["mentions"] == 2
    assert isinstance(quotes[0]["start_char"], int) and quotes[0]["speaker_start"] is None
    lines = run(runner, filled, "mentions", "--format", "jsonl").stdout.splitlines()
    mentions = [json.loads(line) for line in lines]
    assert [m["actor_code"] for m in mentions] == ["RUS", "PRK"]
    reports = json.loads(run(runner, filled, "commitment-reports", "--format", "json").stdout)
    assert reports[0]["parties"] == ["PRK", "RUS"] and reports[0]["kinds"] == ["mutual_defense"]
    events = [json.loads(x) for x in run(runner, filled, "events", "--format", "jsonl").stdout.splitlines()]
    assert isinstance(events[0]["goldstein"], float) and events[0]["quad_class"] == 1
    empty = run(runner, filled, "quotes", "--format", "json", "--since", "2030-01-01")
    assert json.loads(empty.stdout) == []


def test_parquet_tables(filled, runner, tmp_path: Path):
    out = tmp_path / "events.parquet"
    result = run(runner, filled, "events", "--format", "parquet", "--output", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 4
    assert table.schema.field("id").type == pa.int64()
    assert table.schema.field("goldstein").type == pa.float64()
    assert table.schema.field("cameo_code").type == pa.string()
    assert table.column("cameo_code").to_pylist() == ["057", "057", "190", "036"]
    assert table.schema.field("date").type == pa.date32()
    assert table.column("date").to_pylist() == [date(2024, 6, 19), date(2024, 6, 19), date(2024, 7, 5), None]

    out = tmp_path / "articles.parquet"
    run(runner, filled, "articles", "--format", "parquet", "--output", str(out), "--since", "2024-06-20")
    articles = pq.read_table(out)
    assert articles.column("id").to_pylist() == [2, 3]
    assert articles.schema.field("authors").type == pa.list_(pa.string())
    assert articles.column("authors").to_pylist()[0] == ["A. Writer", "B. Editor"]
    assert articles.schema.field("published").type == pa.timestamp("ms")
    assert articles.column("published").to_pylist()[0] == datetime(2024, 6, 20, 10, 0)  # stored in UTC
    assert articles.schema.field("ingested_at").type == pa.timestamp("ms")

    out = tmp_path / "none.parquet"
    run(runner, filled, "quotes", "--format", "parquet", "--output", str(out), "--since", "2030-01-01")
    empty = pq.read_table(out)
    assert empty.num_rows == 0 and "speaker" in empty.column_names


def test_parquet_row_groups(filled, tmp_path: Path):
    from pactwatch.export.tables import write_parquet

    db = open_database(filled)
    try:
        count = write_parquet(db, "events", tmp_path / "e.parquet", chunk=3)
    finally:
        db.close()
    meta = pq.ParquetFile(tmp_path / "e.parquet").metadata
    assert count == 4 and meta.num_rows == 4 and meta.num_row_groups == 2


def test_commitments_table(filled, runner):
    db = open_database(filled)
    try:
        has_table = True
        try:
            db.query("SELECT id FROM commitments WHERE 1 = 0")
        except Exception:  # noqa: BLE001 - the commitments migration is not on this backend yet
            has_table = False
        if has_table:
            with db.transaction():
                cid = db.scalar("INSERT INTO commitments (key, name, kinds, origin, signed, defense)"
                                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                ("test:pact", "Test pact", '["mutual_defense"]', "article", "2024-06-19", 1))
                db.executemany("INSERT INTO commitment_parties (commitment_id, party, joined)"
                               " VALUES (?, ?, ?)", [(cid, "RUS", "2024-06-19"), (cid, "PRK", "2024-06-19")])
    finally:
        db.close()
    result = run(runner, filled, "commitments", "--format", "json")
    if not has_table:
        assert result.exit_code == 2 and "no commitments table" in result.stderr
        return
    rows = [r for r in json.loads(result.stdout) if r["key"] == "test:pact"]
    assert rows[0]["parties"] == ["PRK", "RUS"] and rows[0]["defense"] == 1
    assert rows[0]["kinds"] == ["mutual_defense"]


@pytest.mark.parametrize("args, needle", [
    (["quotes", "--format", "gdelt"], "gdelt exports events only"),
    (["events", "--format", "parquet"], "--output"),
    (["events", "--format", "csv", "--raw"], "--raw only applies"),
    (["merged-events", "--format", "gdelt", "--raw"], "--raw only applies"),
    (["events", "--since", "2024-07-01", "--until", "2024-06-01"], "after --until"),
])
def test_bad_combinations_exit_2(db_url, runner, args, needle):
    result = run(runner, db_url, *args)
    assert result.exit_code == 2
    assert needle in result.stderr


def test_unknown_table_and_bad_date_exit_2(db_url, runner):
    assert run(runner, db_url, "paragraphs").exit_code == 2
    assert run(runner, db_url, "events", "--since", "June").exit_code == 2


def test_missing_output_folder_exit_2(db_url, runner, tmp_path: Path):
    out = tmp_path / "missing-dir" / "x.parquet"
    result = run(runner, db_url, "events", "--format", "parquet", "-o", str(out))
    assert result.exit_code == 2 and "does not exist" in result.stderr and not out.exists()


def test_failed_export_leaves_no_partial_file(tmp_path: Path):
    from pactwatch.cli.export import _target

    out = tmp_path / "x.csv"
    with pytest.raises(RuntimeError), _target(out) as partial:
        partial.write_text("half")
        raise RuntimeError("writer failed")
    assert list(tmp_path.iterdir()) == []


def _undated_db(db_url: str) -> None:
    db = open_database(db_url)
    try:
        add_article(db, "Undated wire copy", [STRIKE, NATO_TALKS], "Wire Three", None, None,
                    [("RUSMIL", "UKR", "190", None, STRIKE), ("NATO", "FIN", "036", None, NATO_TALKS)])
        add_article(db, "Dated copy", [SIGNING], "Wire One", None, datetime(2024, 6, 19),
                    [("RUSGOV", "PRKGOV", "057", None, SIGNING)])
        merge_events(db)
    finally:
        db.close()


def test_undated_events_are_empty_or_left_out_with_a_count(db_url, runner):
    _undated_db(db_url)
    kept = gdelt_rows(run(runner, db_url, "events", "--format", "gdelt").stdout)
    assert sorted((r["EventCode"], r["Day"]) for r in kept) == [("036", ""), ("057", "20240619"), ("190", "")]
    result = run(runner, db_url, "events", "--format", "gdelt", "--raw", "--undated", "skip")
    skipped = gdelt_rows(result.stdout)
    assert [r["EventCode"] for r in skipped] == ["057"]
    assert "left out 2 undated event(s)" in result.stderr
    # an unknown date is not outside a range: kept unless the user says skip
    ranged = gdelt_rows(run(runner, db_url, "events", "--format", "gdelt", "--since", "2024-07-01").stdout)
    assert sorted(r["EventCode"] for r in ranged) == ["036", "190"]


def test_global_event_ids_survive_reannotation(filled, runner):
    from pactwatch.store.annotations import write_annotation

    before = {(r["EventCode"], r["SOURCEURL"]): r["GlobalEventID"]
              for r in gdelt_rows(run(runner, filled, "events", "--format", "gdelt", "--raw").stdout)}
    merged_before = sorted(r["GlobalEventID"] for r in gdelt_rows(run(runner, filled, "events", "--format",
                                                                       "gdelt").stdout))
    db = open_database(filled)
    try:
        # annotate again: the same events are written anew, with new row ids
        old_ids = {int(r["id"]) for r in db.query("SELECT id FROM events")}
        body = db.scalar("SELECT body FROM articles WHERE id = 1")
        write_annotation(db, 1, Annotation(events=[
            make_event("RUSGOV", "PRKGOV", "057", date(2024, 6, 19), body, SIGNING)]))
        assert {int(r["id"]) for r in db.query("SELECT id FROM events")} != old_ids
        merge_events(db)
    finally:
        db.close()
    after = {(r["EventCode"], r["SOURCEURL"]): r["GlobalEventID"]
             for r in gdelt_rows(run(runner, filled, "events", "--format", "gdelt", "--raw").stdout)}
    assert after == before and len(set(after.values())) == 4
    assert sorted(r["GlobalEventID"] for r in gdelt_rows(run(runner, filled, "events", "--format",
                                                              "gdelt").stdout)) == merged_before


def test_event_ids_differ_for_different_events():
    from pactwatch.export.gdelt import stable_event_id

    base = stable_event_id("abc", 0, 40, "RUS", "PRK", "057")
    assert 0 < base < 2**53
    others = {stable_event_id("abd", 0, 40, "RUS", "PRK", "057"), stable_event_id("abc", 1, 40, "RUS", "PRK", "057"),
              stable_event_id("abc", 0, 40, "PRK", "RUS", "057"), stable_event_id("abc", 0, 40, "RUS", "PRK", "036")}
    assert base not in others and len(others) == 4


def test_every_exported_column_is_documented(runner):
    from pactwatch.export.tables import TABLES, column_docs

    for name, spec in TABLES.items():
        documented = [d["column"] for d in column_docs(name)]
        expected = [c for c, _ in spec.columns] + (["parties"] if name == "commitments" else [])
        assert documented == expected, name
        kinds = {c: k for c, k in spec.columns}
        assert all(d["type"] == kinds.get(d["column"], "list") and d["description"] for d in column_docs(name))
    assert all(r["description"] for r in read_table("export/gdelt_event_columns.tsv")
               if r["name"] not in ("Actor1EthnicCode", "Actor2EthnicCode"))
    shown = runner.invoke(main, ["export", "quotes", "--columns"]).stdout
    assert "speaker_actor" in shown and "The speaker's actor code" in shown
