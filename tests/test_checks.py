"""QA and glossary checks over real PO files (polib), waivers, renderers and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from workflow.checks import (
    Entry,
    check_catalog,
    check_entry,
    check_project,
    glossary_findings_count,
)
from workflow.cli import main
from workflow.glossary import load_glossary
from workflow.project import Project

GLOSSARY = load_glossary(Path(__file__).parent / "data" / "glossary" / "terms.yaml")


#: Rules about the shape of a whole translation; the short examples here are not realistic.
SHAPE_CODES = ("Q114", "Q115")


def codes(source: str, translation: str, lang: str = "ru") -> list[str]:
    """Codes found for one entry, apart from the sentence-count and length rules."""
    entry = Entry("locales/ru/7.po", 10, source, translation, lang)
    return [item.code for item in check_entry(entry, GLOSSARY) if item.code not in SHAPE_CODES]


def test_glossary_term_inflected_is_accepted_and_missing_is_reported():
    source = "ラズノインポルトの統計はあるが現場がない。"
    assert codes(source, "Статистика Разноимпорта есть, а реальности нет.") == []
    assert codes(source, "Статистика Разноэкспорта есть, а реальности нет.") == ["G001"]
    assert codes(source, "Статистика Разноимпорттың бар.", "kk") == []


def test_glossary_finding_names_term_and_near_miss():
    entry = Entry("x.po", 3, "ラズノインポルトの統計。", "Статистика Разноэкспорта.", "ru")
    [finding] = check_entry(entry, GLOSSARY)
    assert finding.term == "raznoimport"
    assert finding.detail == "Разноэкспорта"
    assert "Разноимпорт" in finding.message and "Разноэкспорта" in finding.message


def test_keep_term_must_be_verbatim():
    source = "鉄道ルート修復のODAの調印。"
    assert codes(source, "подписание соглашения ODA.") == []
    assert codes(source, "подписание соглашения ОДА.") == ["G002"]


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        ("1989年、モスクワ。", "In 1989, Moscow.", []),
        ("1989年、モスクワ。", "In 1998, Moscow.", ["Q101"]),
        ("１９８９年のこと。", "It was 1989.", []),
        ("2025年12月に確認した。", "It was confirmed in December 2025.", []),
        ("同年10月、訪れた。", "In October that year, I visited.", []),
        ("同年10月、訪れた。", "That year, I visited.", ["Q101"]),
        ("約10年にわたり。", "For about ten years.", []),
        ("30年以上を経て。", "More than 30 years later.", []),
        ("五カ国は確認した。", "The five countries confirmed it.", []),
        ("約1,000トン。", "About 1000 tonnes.", []),
    ],
)
def test_numbers(source, translation, expected):
    assert [code for code in codes(source, translation, "en") if code == "Q101"] == expected


def test_numbers_in_russian_and_kazakh_words():
    assert "Q101" not in codes("同年10月、訪れた。", "В октябре того же года я приехал.")
    assert "Q101" not in codes("約10年にわたり。", "Около десяти лет.")
    assert "Q101" not in codes("6月の事件。", "После июньских событий.")
    assert "Q101" not in codes("同年10月、訪れた。", "Сол жылы қазанда бардым.", "kk")


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        ("«Закрытая ресурсная империя».", []),
        ("«Закрытая ресурсная империя.", ["Q102"]),
        ("Перестройка (реформа.", ["Q102"]),
        ("„Доверие“ и «время».", []),
        ("“Trust” matters.", []),
    ],
)
def test_brackets(translation, expected):
    assert [c for c in codes("「信頼」である。", translation) if c == "Q102"] == expected


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        ("資料は揃っている。", "Данные есть.", []),
        ("資料は揃っている。", "Данные есть", ["Q103"]),
        ("それは「信頼」である。」", "Это «доверие».»", []),
        ("誰がどう管理しているのか？", "Кто управляет?", []),
        ("誰がどう管理しているのか？", "Кто управляет.", ["Q103"]),
        ("時間――。", "время —.", []),
        ("時間――。", "время —", []),
        ("時間――。", "время, которое я прожил.", []),
        ("時間――。", "время", ["Q103"]),
        ("ユーラシアの心臓に眠る戦略資源", "Стратегические ресурсы", []),
        ("ユーラシアの心臓に眠る戦略資源", "Стратегические ресурсы.", ["Q103"]),
    ],
)
def test_end_punctuation(source, translation, expected):
    found = [c for c in codes(source, translation) if c == "Q103"]
    assert found == expected


def test_homoglyphs_and_double_spaces():
    assert "Q104" in codes("ラズノインポルト。", "Рaзноимпорт.")  # Latin a
    assert "Q104" not in codes("ODA。", "ODA-ның.", "kk")
    assert "Q105" in codes("資料。", "Данные  есть.")
    assert "Q105" not in codes("資料。", "Данные есть. ")


def po_file(path: Path, entries: list[dict]) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    for fields in entries:
        po.append(polib.POEntry(**fields))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


ENTRIES = [
    {"msgid": "ラズノインポルトの統計。", "msgstr": "Статистика Разноэкспорта."},
    {
        "msgid": "ラズノインポルトの1989年。",
        "msgstr": "Разноэкспорт в 1989 году.",
        "tcomment": "workflow: ignore G001",
    },
    {"msgid": "ウスチ・カメノゴルスク。", "msgstr": "Усть-Каменогорск", "flags": ["fuzzy"]},
    {"msgid": "タンタル。", "msgstr": ""},
    {
        "msgid": "タンタルの1993年。",
        "msgstr": "Тантал в 1993 г.",
        "tcomment": "workflow: ignore Q999",
    },
]


def test_catalog_waivers_counts_and_lines(tmp_path):
    path = po_file(tmp_path / "7.po", ENTRIES)
    po = polib.pofile(str(path))
    findings = check_catalog(po, "locales/ru/7.po", "ru", GLOSSARY)
    by_code = {(item.code, item.waived): item for item in findings}
    assert by_code[("G001", False)].line == po[0].linenum
    assert by_code[("G001", True)].line == po[1].linenum
    assert by_code[("W001", False)].line == po[4].linenum
    assert by_code[("Q201", False)].message == "untranslated entry (1 of 1; the catalog has 5)"
    assert by_code[("Q202", False)].line == po[2].linenum
    assert len(findings) == 5


@pytest.fixture
def project(make_project, tmp_path) -> Path:
    root = make_project()
    (root / "glossary").mkdir()
    shutil.copy(Path(__file__).parent / "data" / "glossary" / "terms.yaml", root / "glossary")
    po_file(root / "locales" / "ru" / "7.po", ENTRIES)
    po_file(root / "locales" / "en" / "7.po", [{"msgid": "タンタル。", "msgstr": "Tantalum."}])
    po_file(root / "locales" / "kk" / "7.po", [{"msgid": "タンタル。", "msgstr": ""}])
    return root


def run_cli(root: Path, *args: str) -> int:
    return main(["--project", str(root), "check", *args])


def test_cli_text_report_and_exit_codes(project, capsys):
    assert run_cli(project, "--lang", "en") == 0
    assert capsys.readouterr().out.startswith("0 errors, 0 warnings")
    assert run_cli(project, "--lang", "ru") == 1
    out = capsys.readouterr().out
    assert "locales/ru/7.po:" in out
    assert "error G001 glossary term 'Разноимпорт' (raznoimport) missing" in out
    assert "error (waived) G001" in out
    assert "1 error, 1 warning, 2 info, 1 waived" in out


def test_cli_strict_turns_warnings_into_errors(project, capsys):
    po_file(project / "locales" / "en" / "7.po", [{"msgid": "タンタル。", "msgstr": "Tantalum"}])
    assert run_cli(project, "--lang", "en") == 0
    assert "warning Q103" in capsys.readouterr().out
    assert run_cli(project, "--lang", "en", "--strict") == 1


def test_cli_json_and_sarif(project, capsys, tmp_path):
    assert run_cli(project, "--lang", "ru", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"error": 1, "warning": 1, "info": 2, "waived": 1}
    assert {"path", "line", "code", "severity", "message", "hint", "waived"} <= set(
        data["diagnostics"][0]
    )
    out = tmp_path / "check.sarif"
    assert run_cli(project, "--format", "sarif", "-o", str(out)) == 1
    sarif = json.loads(out.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"G001", "Q101", "Q104"} <= {rule["id"] for rule in rules}
    assert all(rule["help"]["text"] for rule in rules)
    result = next(r for r in run["results"] if r["ruleId"] == "G001" and "suppressions" not in r)
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "locales/ru/7.po"
    po_lines = (project / "locales" / "ru" / "7.po").read_text(encoding="utf-8").splitlines()
    assert location["region"]["startLine"] == po_lines.index('msgid "ラズノインポルトの統計。"') + 1
    assert location["region"]["startLine"] == 7
    assert rules[result["ruleIndex"]]["id"] == "G001"
    waived = [r for r in run["results"] if r.get("suppressions")]
    assert waived and waived[0]["suppressions"][0]["kind"] == "inSource"


def test_cli_missing_catalog_and_bad_glossary_exit_2(project, capsys):
    (project / "locales" / "kk" / "7.po").unlink()
    assert run_cli(project, "--lang", "kk") == 2
    assert "run 'workflow update'" in capsys.readouterr().err
    (project / "glossary" / "terms.yaml").write_text("terms:\n  - id: x\n", encoding="utf-8")
    assert run_cli(project, "--lang", "en") == 2
    assert "terms.yaml:2:" in capsys.readouterr().err


def test_glossary_findings_count(project):
    root = Project.discover(project)
    assert glossary_findings_count(check_project(root, ["ru"])) == 1
    assert glossary_findings_count(check_project(root, ["en"])) == 0
