"""``workflow check`` findings spelled out in full: glossary messages and hints, waivers
(several codes, several lines, unknown codes), counts and a missing catalog."""

from __future__ import annotations

import json
import shutil
from contextlib import chdir
from pathlib import Path

import polib
import pytest

from workflow import languages
from workflow.checks import (
    RULES,
    Entry,
    check_catalog,
    check_entry,
    check_project,
    glossary_findings_count,
)
from workflow.cli import main
from workflow.glossary import load_glossary
from workflow.project import Project

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary" / "terms.yaml"
REPOSITORY_GLOSSARY = Path(__file__).parent.parent / "glossary" / "terms.yaml"
FRONT_MATTER = "---\ntitle: 題名\nseries: 叢書\nnumber: 3\ndate: 2025-01-01\n---\n\n"

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
    assert [line for line in out if line.startswith(f"{at[5]}: warning Q103 ")]  # not waived


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


def russian_catalog() -> polib.POFile:
    """An empty Russian catalog with its plural rule."""
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "ru",
        "Plural-Forms": languages.get("ru").plural_forms,
    }
    return po


def test_every_plural_form_is_checked_and_obsolete_entries_are_not(project: Path) -> None:
    po = russian_catalog()
    plural = polib.POEntry(
        msgid="タンタル%d個。",
        msgid_plural="タンタル%d個。",
        msgstr_plural={0: "%d слиток тантала.", 1: "%d слитка тантала.", 2: "%d слитков тантала."},
    )
    missing = polib.POEntry(
        msgid="タンタル%d本。",
        msgid_plural="タンタル%d本。",
        msgstr_plural={0: "%d пруток.", 1: "%d прутка.", 2: "%d прутков."},
    )
    gone = polib.POEntry(msgid="タンタル。", msgstr="Металл.", obsolete=True)
    po.extend([plural, missing, gone])
    path = project / "locales" / "ru" / "7.po"
    po.save(str(path))
    findings = check_project(Project.discover(project), ["ru"])
    lines = path.read_text(encoding="utf-8").splitlines()
    first, second = (lines.index(f'msgid "{e.msgid}"') + 1 for e in (plural, missing))
    assert [(item.code, item.line) for item in findings if item.code.startswith("G")] == [
        ("G001", second)
    ]
    # Each form is checked on its own, against msgid or msgid_plural: a clean plural entry
    # has no finding, and a term missing from every form is one finding.
    assert not [item for item in findings if item.line == first]
    assert not [item for item in findings if item.line > second]  # the obsolete entry


def test_a_plural_entry_without_line_breaks_gets_no_q106(project: Path) -> None:
    po = russian_catalog()
    forms = {0: "%d слиток тантала.", 1: "%d слитка тантала.", 2: "%d слитков тантала."}
    po.append(
        polib.POEntry(msgid="タンタル%d個。", msgid_plural="タンタル%d個。", msgstr_plural=forms)
    )
    path = project / "locales" / "ru" / "7.po"
    po.save(str(path))
    assert "Q106" not in {item.code for item in check_project(Project.discover(project), ["ru"])}


def test_status_counts_entries_by_state(make_project, capsys) -> None:
    root = make_project({"3": FRONT_MATTER + "タンタル。\n\nチタン。\n\nニオブ。\n\n鉄。\n"})
    assert main(["--project", str(root), "update", "--lang", "ru"]) == 0
    path = root / "locales" / "ru" / "3.po"
    po = polib.pofile(str(path))
    for msgid, msgstr in (("タンタル。", "Тантал."), ("チタン。", "Титан."), ("鉄。", "Железо.")):
        po.find(msgid).msgstr = msgstr
    po.find("チタン。").flags.append("fuzzy")
    po.save()
    source = root / "sources" / "ja" / "3.md"
    source.write_text(FRONT_MATTER + "チタン。\n\nニオブ。\n", encoding="utf-8")  # 2 obsolete
    assert main(["--project", str(root), "update", "--lang", "ru"]) == 0
    capsys.readouterr()
    assert main(["--project", str(root), "status", "--json", "--lang", "ru"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    counts = {key: row[key] for key in ("total", "reviewed", "fuzzy", "untranslated", "obsolete")}
    assert counts == {"total": 4, "reviewed": 0, "fuzzy": 1, "untranslated": 3, "obsolete": 2}
    assert row["stale"] is False
    source.write_text(FRONT_MATTER + "チタン。\n", encoding="utf-8")
    assert main(["--project", str(root), "status", "--json", "--lang", "ru"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["stale"] is True


def test_check_of_one_document_and_with_a_given_glossary(make_project, capsys) -> None:
    root = make_project({"3": FRONT_MATTER + "タンタル。\n", "4": FRONT_MATTER + "タンタル。\n"})
    assert main(["--project", str(root), "update", "--lang", "ru"]) == 0
    for doc in ("3", "4"):
        po = polib.pofile(str(root / "locales" / "ru" / f"{doc}.po"))
        po.find("タンタル。").msgstr = "Металл."
        po.save()
    project = Project.discover(root)
    # No glossary file: an error naming it, unless a glossary is given.
    capsys.readouterr()
    assert main(["--project", str(root), "check", "--lang", "ru"]) == 2
    assert f"{root / 'glossary' / 'terms.yaml'}: " in capsys.readouterr().err
    glossary = load_glossary(GLOSSARY_FILE)
    found = check_project(project, ["ru"], ["4"], glossary)
    assert [(item.path, item.code, item.term) for item in found if item.code == "G001"] == [
        ("locales/ru/4.po", "G001", "tantalum")
    ]
    # Another glossary object is another cache key: its findings, not the cached ones.
    only_one = root / "one-term.yaml"
    only_one.write_text(GLOSSARY_FILE.read_text(encoding="utf-8").split("  - id: ust-")[0], "utf-8")
    other = load_glossary(only_one)
    assert [term.id for term in other.terms] == ["raznoimport"]
    assert not [item for item in check_project(project, ["ru"], ["4"], other) if item.term]


def test_a_malformed_catalog_is_named_with_its_line(project: Path, capsys) -> None:
    (project / "locales" / "ru" / "7.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "x\n',
        encoding="utf-8",
    )
    assert main(["--project", str(project), "check", "--lang", "ru"]) == 2
    assert capsys.readouterr().err.startswith(
        f"workflow: error: {project / 'locales' / 'ru' / '7.po'}:5: "
    )


def reviewed_catalog(path: Path, count: int) -> None:
    """*count* reviewed entries, and a fuzzy, an untranslated and an obsolete one."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    for n in range(count):
        po.append(
            polib.POEntry(
                msgid=f"タンタルの第{n}の文は十分に長いものである。",
                msgstr=f"Предложение номер {n} о тантале достаточно длинное.",
            )
        )
    long_source, long_target = (
        "タンタルの草稿の文は十分に長いものである。",
        "Черновик о тантале, длинный.",
    )
    po.append(polib.POEntry(msgid=long_source, msgstr=long_target, flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="未訳の文。", msgstr=""))
    po.append(polib.POEntry(msgid="消" + long_source, msgstr=long_target, obsolete=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))


def test_calibration_reads_only_reviewed_entries(make_project, capsys) -> None:
    docs = {doc: FRONT_MATTER + "文。\n" for doc in ("2", "3", "4")}
    root = make_project(docs)
    reviewed_catalog(root / "locales" / "ru" / "3.po", 12)  # 2.po does not exist
    reviewed_catalog(root / "locales" / "ru" / "4.po", 10)
    capsys.readouterr()
    assert main(["--project", str(root), "check", "--calibrate", "--lang", "ru", "--doc", "3"]) == 0
    assert capsys.readouterr().out.endswith(" # from 12 reviewed entries\n")
    assert (
        main(["--project", str(root), "check", "--calibrate", "--lang", "ru", "--lang", "kk"]) == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "[tool.workflow.check.length-ratio]"
    assert out[1].startswith("ru = [") and out[1].endswith("]  # from 22 reviewed entries")
    assert out[2:] == ["# kk: fewer than 10 reviewed entries, built-in bounds apply"]


def test_the_hint_lists_every_accepted_form() -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "kk"}
    po.append(polib.POEntry(msgid="ラズノインポルトの統計。", msgstr="Статистика бар."))
    (finding,) = [
        item
        for item in check_catalog(po, "locales/kk/7.po", "kk", load_glossary(GLOSSARY_FILE))
        if item.code == "G001"
    ]
    assert finding.hint == "use Разноимпорт, Разноимпорт бірлестігі (inflected as needed)"


def test_every_term_is_checked_after_a_found_or_repeated_one(project: Path) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    source = "ラズノインポルトとラズノインポルト、そしてタンタルとODA。"
    po.append(polib.POEntry(msgid=source, msgstr="Разноимпорт и металл, и ОДА."))
    glossary = load_glossary(GLOSSARY_FILE)
    found = check_catalog(po, "locales/ru/7.po", "ru", glossary)
    assert [(item.code, item.term) for item in found if item.code.startswith("G")] == [
        ("G001", "tantalum"),
        ("G002", "oda"),
    ]


def test_status_reads_each_language_after_a_missing_catalog(project: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["--project", str(project), "status", "--json"]) == 0
    rows = {row["lang"]: row for row in json.loads(capsys.readouterr().out)}
    assert (rows["en"]["exists"], rows["ru"]["exists"], rows["kk"]["exists"]) == (
        False,
        True,
        False,
    )
    assert rows["ru"]["total"] == len(ENTRIES) and rows["ru"]["glossary_findings"] == 5


def test_a_term_named_twice_in_the_source_is_one_finding() -> None:
    glossary = load_glossary(REPOSITORY_GLOSSARY, ("en", "ru", "kk"))
    source = "キルギスタン（キルギス）の鉱山。"  # both source forms of one term
    entry = Entry("locales/ru/7.po", 12, source, "Рудник в горах.", "ru")
    assert [(item.code, item.line, item.message) for item in check_entry(entry, glossary)] == [
        ("G001", 12, "glossary term 'Кыргызстан' (kyrgyzstan) missing for キルギスタン")
    ]


def test_each_plural_form_is_checked_against_its_own_source(project: Path) -> None:
    po = russian_catalog()
    # the term is in msgid only: form 0 must carry it, the other forms need not
    lacking = polib.POEntry(
        msgid="タンタル%d個。",
        msgid_plural="%d個。",
        msgstr_plural={0: "%d слиток.", 1: "%d слитка.", 2: "%d слитков."},
    )
    carrying = polib.POEntry(
        msgid="タンタル%d本。",
        msgid_plural="%d本。",
        msgstr_plural={0: "%d пруток тантала.", 1: "%d прутка.", 2: "%d прутков."},
    )
    po.extend([lacking, carrying])
    path = project / "locales" / "ru" / "7.po"
    po.save(str(path))
    findings = check_project(Project.discover(project), ["ru"])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [(item.code, item.line) for item in findings if item.code.startswith("G")] == [
        ("G001", lines.index(f'msgid "{lacking.msgid}"') + 1)
    ]
