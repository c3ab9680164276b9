"""PETRARCH records read tolerantly: validation files are not well-formed XML."""

from __future__ import annotations

from pathlib import Path

from pactwatch.eval.petrarch import read_records_reporting

# Invented records in the shape of PETRARCH's validation files: a self-closed <Sentence .../>
# later closed again, a <PLEvent {json}> line, comments, a parse block, an entity in the text.
VALIDATION_STYLE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<Environment><Verbfile>verbs.txt</Verbfile></Environment>
<Sentences>
<!-- a comment with <Sentence id="COMMENTED"> inside -->
<Sentence category="DEMO" date="19950102" id="DEMO-A" evaluate="true"/>
<EventCoding eventcode="043" sourcecode="ARN" targetcode="GON" />
<PLEvent {"event": "043", "source": [{"code": "ARN"}]}>
<Text>
Arnor's envoy was received by Gondor &amp; its allies.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
</Parse></Sentence>
<Sentence category="DEMO" date="19950103" id="DEMO-B" evaluate="true">
<EventCoding noevents="True" />
<Text>Nothing happened in Osgiliath.</Text>
</Sentence>
<Sentence category="DEMO" date="19950104" id="DEMO-C">
<EventCoding sourcecode="ARN" />
</Sentence>
<Sentence category="DEMO" date="19950105" id="DEMO-D" evaluate="false">
<Text>Bypassed by PETRARCH.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def read_text_as_file(tmp_path: Path, text: str) -> tuple[list[dict], list[str]]:
    path = tmp_path / "records.xml"
    path.write_text(text, encoding="utf-8")
    return read_records_reporting(path)


def test_validation_style_file_is_read_and_problems_named(tmp_path: Path):
    records, problems = read_text_as_file(tmp_path, VALIDATION_STYLE)
    assert [r["id"] for r in records] == ["DEMO-A", "DEMO-B"]
    first = records[0]
    assert first["text"] == "Arnor's envoy was received by Gondor & its allies."
    assert first["expected"] == [("ARN", "GON", "043")] and not first["noevents"]
    assert first["date"].isoformat() == "1995-01-02"
    assert records[1]["noevents"] and records[1]["expected"] == []
    assert problems[0].startswith("not well-formed XML (") and problems[0].endswith("read tag by tag")
    assert any(p.startswith("DEMO-C: no <Text>") for p in problems)
    assert any(p.startswith("DEMO-D: evaluate=\"false\"") for p in problems)
    assert any("PLEvent" in p for p in problems)


def test_self_closed_then_closed_sentence(tmp_path: Path):
    records, problems = read_text_as_file(tmp_path, '<Sentences><Sentence id="Y-1" date="20010203"/><EventCoding eventcode="042" '
                    'sourcecode="GON" targetcode="ARN"/><Text>Gondor visited Arnor.</Text></Sentence>'
                    '</Sentences>')
    assert "mismatched tag" in problems[0]
    assert [(r["id"], r["expected"]) for r in records] == [("Y-1", [("GON", "ARN", "042")])]


def test_unclosed_codings_and_a_repeated_declaration(tmp_path: Path):
    # the shape of PETRARCH's GSR validation records: <EventCoding ...> opened and never closed
    records, problems = read_text_as_file(tmp_path, "<?xml version='1.0' encoding='utf-8'?>\n<?xml version='1.0' encoding='utf-8'?>\n"
                    '<Validation><Sentences><Sentence id="Z-1" date="20080806" evaluate="true">\n'
                    '<EventCoding eventcode="031" sourcecode="ARN" targetcode="GON" >\n'
                    '<EventCoding eventcode="031" sourcecode="GON" targetcode="ARN" >\n'
                    "<Text>\nArnor and Gondor seek a deeper partnership.\n</Text>\n<Parse>\n1\tArnor\n</Parse>"
                    "</Sentence></Sentences></Validation>\n")
    assert problems[0].startswith("not well-formed XML (")
    assert records == [{"id": "Z-1", "category": None, "date": records[0]["date"],
                        "text": "Arnor and Gondor seek a deeper partnership.",
                        "expected": [("ARN", "GON", "031"), ("GON", "ARN", "031")], "noevents": False}]


def test_well_formed_file_reads_as_xml(tmp_path: Path):
    records, problems = read_text_as_file(tmp_path, '<Sentences><Sentence id="X-1" date="20000101"><EventCoding eventcode="010" '
                    'sourcecode="ARN" targetcode="GON"/><EventCoding error="discard"/><Text>Arnor spoke.</Text>'
                    '</Sentence></Sentences>')
    assert problems == []
    assert records[0]["expected"] == [("ARN", "GON", "010")] and records[0]["noevents"]


def test_shared_unit_records_read_the_same_both_ways():
    from pactwatch.eval.petrarch import _read_tolerantly
    from tests.conftest import require_shared

    path = require_shared("testdata", "events", "gold", "petrarch_unittest", "PETR.UnitTest.records.xml")
    records, problems = read_records_reporting(path)
    tolerant, _ = _read_tolerantly(path.read_text(encoding="utf-8"))
    assert len(records) == 284 and records == tolerant
    assert problems == []


def test_eval_command_says_what_it_could_not_read(runner, tmp_path: Path):
    from pactwatch.cli import main
    from tests.conftest import require_shared

    folder = require_shared("testdata", "events", "gold", "petrarch_unittest")
    path = tmp_path / "validate.xml"
    path.write_text(VALIDATION_STYLE, encoding="utf-8")
    result = runner.invoke(main, ["eval", "--petrarch-xml", str(path),
                                  "--actors", str(folder / "PETR.Validate.actors.txt"),
                                  "--verbs", str(folder / "PETR.Validate.verbs.txt")])
    assert result.exit_code == 0, result.output
    assert "read 2 sentence(s); could not read" in result.output
    assert "DEMO-C: no <Text>, skipped" in result.output
