"""``workflow check`` findings spelled out in full: glossary messages and hints, waivers
(several codes, several lines, unknown codes), counts and a missing catalog."""

from __future__ import annotations

import shutil
from contextlib import chdir
from pathlib import Path

import polib
import pytest

from workflow.checks import RULES, check_catalog, check_project, glossary_findings_count
from workflow.cli import main
from workflow.glossary import load_glossary
from workflow.project import Project

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary" / "terms.yaml"

#: (msgid, msgstr, translator comment) of the Russian catalog.
ENTRIES = [
    # The term twice in the source, a near miss in the translation: one finding.
    ("ラズノインポルトの統計とラズノインポルトの現場。", "Статистика Разноэкспорта и жизнь.", ""),
    # Two terms missing, nothing close: two findings, without "found … instead".
    ("ラズノインポルトとタンタル。", "Статистика без названий.", ""),
    # A keep-as-is term written in Cyrillic.
    ("鉄道ルート修復のODAの調印。", "Подписание соглашения ОДА.", ""),
    # Two codes on one line, one of them unknown.
    ("タンタルの話。", "Рассказ о металле.", "workflow: ignore G001, Q999"),
    # Two waiver lines.
    ("タンタルとODA。", "Металл и ОДА.", "workflow: ignore G001\nworkflow: ignore G002"),
    # A waiver covers only its own code: the missing full stop is still reported.
    ("タンタルの資料は揃っている。", "Данные есть", "workflow: ignore G001"),
    # "Импорт" is not close enough to "Разноимпорт" (ratio 0.71 < 0.75) to be named.
    ("ラズノインポルトの輸入。", "Импорт в цифрах.", ""),
]


@pytest.fixture
def project(make_project) -> Path:
    root = make_project()
    (root / "glossary").mkdir()
    shutil.copy(GLOSSARY_FILE, root / "glossary" / "terms.yaml")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    for msgid, msgstr, comment in ENTRIES:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, tcomment=comment))
    (root / "locales" / "ru").mkdir(parents=True)
    po.save(str(root / "locales" / "ru" / "7.po"))
    return root


def line_of(root: Path, msgid: str) -> int:
    lines = (root / "locales" / "ru" / "7.po").read_text(encoding="utf-8").splitlines()
    return lines.index(f'msgid "{msgid}"') + 1


def code_of(report_line: str) -> str:
    """The code of a text report line (``path:line: severity [(waived)] CODE message``)."""
    words = report_line.partition(": ")[2].replace(" (waived)", "").split()
    return words[1] if len(words) > 1 else ""


def test_glossary_and_waiver_findings_in_full(project: Path, capsys) -> None:
    with chdir(project):
        assert main(["check", "--lang", "ru"]) == 1
    out = capsys.readouterr().out.splitlines()
    at = [f"locales/ru/7.po:{line_of(project, msgid)}" for msgid, _, _ in ENTRIES]
    ru = "use Разноимпорт (inflected as needed); or waive with '# workflow: ignore G001'"
    ta = "use тантал (inflected as needed); or waive with '# workflow: ignore G001'"
    expected = [
        f"{at[0]}: error G001 glossary term 'Разноимпорт' (raznoimport) missing for "
        f"ラズノインポルト; found 'Разноэкспорта' instead ({ru})",
        f"{at[1]}: error G001 glossary term 'Разноимпорт' (raznoimport) missing for "
        f"ラズノインポルト ({ru})",
        f"{at[1]}: error G001 glossary term 'тантал' (tantalum) missing for タンタル ({ta})",
        f"{at[2]}: error G002 'ODA' (oda) must appear verbatim for ODA (write exactly: ODA)",
        f"{at[3]}: error (waived) G001 glossary term 'тантал' (tantalum) missing for タンタル "
        "(use тантал (inflected as needed))",
        f"{at[4]}: error (waived) G001 glossary term 'тантал' (tantalum) missing for タンタル "
        "(use тантал (inflected as needed))",
        f"{at[4]}: error (waived) G002 'ODA' (oda) must appear verbatim for ODA "
        "(write exactly: ODA)",
        f"{at[5]}: error (waived) G001 glossary term 'тантал' (tantalum) missing for タンタル "
        "(use тантал (inflected as needed))",
        f"{at[6]}: error G001 glossary term 'Разноимпорт' (raznoimport) missing for "
        f"ラズノインポルト ({ru})",
    ]
    assert [line for line in out if code_of(line).startswith("G")] == expected
    known = ", ".join(sorted(RULES))
    assert [line for line in out if code_of(line) == "W001"] == [
        f"{at[3]}: warning W001 waiver names unknown code Q999 (known codes: {known})"
    ]
    assert known.startswith("G001, G002, Q101, ") and known.endswith(", W001")
    assert [line for line in out if line.startswith(f"{at[5]}: ") and " Q103 " in line]


def test_only_unwaived_glossary_findings_count(project: Path) -> None:
    findings = check_project(Project.discover(project), ["ru"])
    assert glossary_findings_count(findings) == 5
    assert sum(1 for item in findings if item.code.startswith("G") and item.waived) == 4


def test_findings_name_the_catalog_as_given(project: Path) -> None:
    po = polib.pofile(str(project / "locales" / "ru" / "7.po"))
    glossary = load_glossary(GLOSSARY_FILE)
    findings = check_catalog(po, "locales/ru/7.po", "ru", glossary)
    assert findings and {item.path for item in findings} == {"locales/ru/7.po"}


def test_a_missing_catalog_is_one_line_naming_it(project: Path, capsys) -> None:
    with chdir(project):
        assert main(["check", "--lang", "kk"]) == 2
    assert capsys.readouterr().err == (
        f"workflow: error: {project / 'locales' / 'kk' / '7.po'}: catalog not found "
        "(run 'workflow update' to create the catalogs)\n"
    )
