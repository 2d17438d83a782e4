"""TBX-Basic and CSV export, safe TBX parsing, and the glossary command."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from workflow.cli import main
from workflow.errors import InputError
from workflow.glossary import load_glossary
from workflow.termbase import XML_LANG, parse_tbx, read_tbx, to_csv, to_tbx

DATA = Path(__file__).parent / "data" / "glossary" / "terms.yaml"
GLOSSARY = load_glossary(DATA)


def test_tbx_round_trips_through_a_safe_parser(tmp_path):
    data = to_tbx(GLOSSARY, title="Test glossary")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    entries = {entry.id: entry for entry in parse_tbx(data, tmp_path / "g.tbx")}
    assert list(entries) == [term.id for term in GLOSSARY.terms]
    razno = entries["raznoimport"]
    assert razno.terms["ja"] == ["ラズノインポルト"]
    assert razno.terms["kk"] == ["Разноимпорт", "Разноимпорт бірлестігі"]
    assert razno.descrips["subjectField"] == "organization"
    assert razno.descrips["definition"].startswith("Soviet foreign-trade")


def test_tbx_basic_structure():
    import defusedxml.ElementTree as SafeET

    root = SafeET.fromstring(to_tbx(GLOSSARY))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.find("martifHeader/fileDesc/titleStmt/title") is not None
    entry = root.find("text/body/termEntry[@id='ust-kamenogorsk']")
    langs = [lang_set.get(XML_LANG) for lang_set in entry.findall("langSet")]
    assert langs == ["ja", "en", "ru", "kk"]
    tig = entry.find("langSet/tig")
    assert tig.find("term").text == "ウスチ・カメノゴルスク"
    assert tig.find("termNote[@type='partOfSpeech']").text == "properNoun"
    oda = root.find("text/body/termEntry[@id='oda']")
    assert oda.find("note").text.startswith("keep as is")


@pytest.mark.parametrize(
    "prefix",
    [
        b'<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n',
        b'<!DOCTYPE martif [\n<!ENTITY boom "boom">\n]>\n',
    ],
)
def test_tbx_with_doctype_or_entities_is_rejected_with_line(tmp_path, prefix):
    data = to_tbx(GLOSSARY).replace(b"?>\n", b"?>\n" + prefix, 1)
    path = tmp_path / "evil.tbx"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_tbx(path)
    assert caught.value.line == 2
    assert str(caught.value).startswith(f"{path}:2: ")


def test_malformed_and_foreign_xml(tmp_path):
    with pytest.raises(InputError) as caught:
        parse_tbx(b"<martif>\n<text>\n</martif>", tmp_path / "bad.tbx")
    assert caught.value.line == 3
    with pytest.raises(InputError, match="not a TBX file"):
        parse_tbx(b"<html/>", tmp_path / "page.tbx")


def test_csv_has_header_and_one_row_per_term():
    rows = list(csv.reader(io.StringIO(to_csv(GLOSSARY))))
    assert rows[0] == ["id", "kind", "ja", "en", "ru", "kk", "note"]
    assert len(rows) == len(GLOSSARY.terms) + 1
    ust = next(row for row in rows if row[0] == "ust-kamenogorsk")
    assert ust[2] == "ウスチ・カメノゴルスク | ウスチカメノゴルスク"
    assert ust[4] == "Усть-Каменогорск"


@pytest.fixture
def project(make_project) -> Path:
    root = make_project()
    (root / "glossary").mkdir()
    shutil.copy(DATA, root / "glossary" / "terms.yaml")
    return root


def test_glossary_command_exports_and_validates(project, capsys):
    tbx = project / "out" / "glossary.tbx"
    assert (
        main(["--project", str(project), "glossary", "export", "--format", "tbx", "-o", str(tbx)])
        == 0
    )
    assert len(read_tbx(tbx)) == len(GLOSSARY.terms)
    assert main(["--project", str(project), "glossary", "export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("id,kind,ja,en,ru,kk,note\n")
    assert main(["--project", str(project), "glossary", "validate", "--tbx", str(tbx)]) == 0
    out = capsys.readouterr().out
    assert "7 terms, valid" in out and "7 term entries, valid" in out


def test_glossary_command_reports_invalid_glossary(project, capsys):
    path = project / "glossary" / "terms.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("kind: material", "kind: metal", 1),
        encoding="utf-8",
    )
    assert main(["--project", str(project), "glossary", "validate"]) == 2
    assert "terms.yaml:25: term 'titanium-sponge': invalid 'kind'" in capsys.readouterr().err


def test_english_notes_are_tagged_english_inside_the_japanese_document():
    import defusedxml.ElementTree as SafeET

    root = SafeET.fromstring(to_tbx(GLOSSARY))
    assert root.get(XML_LANG) == "ja"
    oda = root.find("text/body/termEntry[@id='oda']")
    assert oda.find("note").get(XML_LANG) == "en"
    razno = root.find("text/body/termEntry[@id='raznoimport']")
    assert razno.find("descrip[@type='definition']").get(XML_LANG) == "en"
    assert razno.find("descrip[@type='subjectField']").get(XML_LANG) is None
    assert root.find("martifHeader/fileDesc/titleStmt/title").get(XML_LANG) == "en"


def test_tbx_for_one_language_has_one_entry_per_pair_of_forms(tmp_path):
    """Weblate reads the first two langSets and the first term of each: with --lang every
    pair of forms is an entry of its own, the Japanese one first, no other language."""
    import defusedxml.ElementTree as SafeET

    data = to_tbx(GLOSSARY, target_lang="kk")
    entries = {entry.id: entry.terms for entry in parse_tbx(data, tmp_path / "kk.tbx")}
    assert entries["raznoimport"] == {"ja": ["ラズノインポルト"], "kk": ["Разноимпорт"]}
    assert entries["raznoimport.2"] == {
        "ja": ["ラズノインポルト"],
        "kk": ["Разноимпорт бірлестігі"],
    }
    assert entries["ust-kamenogorsk"] == {"ja": ["ウスチ・カメノゴルスク"], "kk": ["Өскемен"]}
    assert entries["ust-kamenogorsk.2"] == {"ja": ["ウスチカメノゴルスク"], "kk": ["Өскемен"]}
    pairs = sum(len(term.ja) + len(term.accepted_forms("kk")) - 1 for term in GLOSSARY.terms)
    assert len(entries) == pairs
    root = SafeET.fromstring(data)
    for entry in root.iter("termEntry"):
        assert [s.get(XML_LANG) for s in entry.findall("langSet")] == ["ja", "kk"]
        assert [len(s.findall("tig")) for s in entry.findall("langSet")] == [1, 1]
    status = "tig/termNote[@type='administrativeStatus']"
    admitted = root.find("text/body/termEntry[@id='raznoimport.2']/langSet[2]")
    assert admitted.find(status).text == "admittedTerm-admn-sts"
    variant = root.find("text/body/termEntry[@id='ust-kamenogorsk.2']/langSet[1]")
    assert variant.find(status).text == "admittedTerm-admn-sts"
    note = root.find("text/body/termEntry[@id='raznoimport.2']/note[@from='translator']")
    assert note.text.startswith("Soviet foreign-trade")  # Weblate's explanation
    oda = root.find("text/body/termEntry[@id='oda']/langSet[2]/tig")
    assert oda.find("termNote[@type='usageNote']").text.startswith("keep as is")


def test_glossary_command_exports_one_language(project, capsys):
    args = ["--project", str(project), "glossary", "export", "--lang", "ru"]
    assert main(args) == 0
    entries = parse_tbx(capsys.readouterr().out.encode(), project / "-")
    assert {lang for entry in entries for lang in entry.terms} == {"ja", "ru"}
    assert main([*args, "--format", "csv"]) == 2
    assert "--lang applies to TBX only" in capsys.readouterr().err
    assert main([*args[:-1], "ja"]) == 2  # the source language is no target
    assert main([*args[:-1], "de"]) == 2
