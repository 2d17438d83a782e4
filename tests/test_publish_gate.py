"""The publish gate: final exports refuse a language with check errors and remove stale files;
the result cache and the status that reads it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from tests.conftest import PYPROJECT, SAMPLE_SOURCE
from tests.test_build import EN, GLOSSARY
from workflow.checks import run as check_run
from workflow.cli import main
from workflow.po import load_po
from workflow.project import Project
from workflow.status import project_status

RU = {
    "中央アジアの資源": "Ресурсы Центральной Азии",
    "レアメタル千夜一夜": "Редкие металлы: тысяча и одна ночь",
    "著者": "Автор",
    "私は1989年にモスクワを訪れた。": "В 1989 году я посетил Москву.",
    "ラズノインポルトの統計はあるが現場がない――。": "Статистика была, а объектов не было —",
    "それはペレストロイカ(改革)のお陰である。": "этим я был обязан перестройке.",
    "カザフスタンの「周期表の交差点」は、ウスチ・カメノゴルスクである。": (
        "«Перекрёсток таблицы Менделеева» Казахстана — это Усть-Каменогорск."
    ),
}
MOSCOW = "私は1989年にモスクワを訪れた。"


def fill(root: Path, lang: str, texts: dict[str, str], **changes: str) -> Path:
    """Translate every entry of ``locales/<lang>/7.po`` (reviewed), with *changes* by msgid."""
    path = root / "locales" / lang / "7.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = changes.get(entry.msgid, texts[entry.msgid])
    po.save()
    return path


def line_of(path: Path, msgid: str) -> int:
    """The line of *msgid*'s entry, as the checks report it."""
    return next(entry.linenum for entry in load_po(path) if entry.msgid == msgid)


@pytest.fixture
def project(make_project) -> Path:
    root = make_project()
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert main(["--project", str(root), "update"]) == 0
    fill(root, "en", EN)
    fill(root, "ru", RU)
    return root


def cli(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


def test_final_build_refuses_a_language_with_a_glossary_error(project, capsys):
    assert cli(project, "build", "--final", "--format", "docx", "--lang", "en", "--lang", "ru") == 0
    stale = project / "exports" / "ru" / "7.docx"
    assert stale.exists()
    capsys.readouterr()
    po_path = fill(project, "ru", RU, **{MOSCOW: "В 1989 году я посетил Мосвку."})
    assert cli(project, "build", "--final", "--format", "docx", "--lang", "en", "--lang", "ru") == 1
    line = line_of(po_path, MOSCOW)  # after update rewrote the catalog
    out = capsys.readouterr().out
    assert "export       ru/7: docx refused" in out
    assert "ru/7  refused: 1 check error; previous exports removed" in out
    assert f"check error: locales/ru/7.po:{line}: error G001 glossary term 'Москва'" in out
    assert "export       en/7: docx unchanged" in out
    assert not stale.exists()
    assert not (project / "exports" / ".stamps" / "ru" / "7.docx.json").exists()


def test_draft_build_marks_a_language_with_errors_as_draft(project, capsys):
    fill(project, "ru", RU, **{MOSCOW: "В 1989 году я посетил Мосвку."})
    assert cli(project, "build", "--format", "docx", "--lang", "ru") == 1  # the check failed
    assert "export       ru/7 (draft): docx written" in capsys.readouterr().out


def test_export_refuses_check_errors_removes_stale_output_and_draft_still_exports(project, capsys):
    assert cli(project, "export", "--lang", "ru", "--format", "docx") == 0
    output = project / "exports" / "ru" / "7.docx"
    assert output.exists()
    po_path = fill(project, "ru", RU, **{MOSCOW: "В １９８９ году я посетил Москву."})
    line = line_of(po_path, MOSCOW)
    capsys.readouterr()
    assert cli(project, "export", "--lang", "ru", "--format", "docx") == 1
    err = capsys.readouterr().err
    assert "refused ru/7: 1 check error; previous exports removed" in err
    assert f"  locales/ru/7.po:{line}: error Q110 full-width characters" in err
    assert not output.exists()
    assert cli(project, "export", "--lang", "ru", "--format", "docx", "--draft") == 0
    assert output.exists()


def test_warnings_and_waived_errors_do_not_block(project, capsys):
    path = fill(project, "ru", RU, **{MOSCOW: "В 1989 году  я посетил Мосвку."})
    po = polib.pofile(str(path))
    next(entry for entry in po if entry.msgid == MOSCOW).tcomment = "workflow: ignore G001"
    po.save()
    assert cli(project, "export", "--lang", "ru", "--format", "docx") == 0
    assert capsys.readouterr().out.startswith("written   ")


def test_json_and_sarif_list_every_untranslated_and_fuzzy_entry(project, capsys, tmp_path):
    path = project / "locales" / "ru" / "7.po"
    po = polib.pofile(str(path))
    for entry in po[:3]:
        entry.msgstr = ""
    for entry in po[3:5]:
        entry.flags.append("fuzzy")
    po.save()
    entries = [entry for entry in load_po(path) if entry.msgid]
    expected = {("Q201", entry.linenum) for entry in entries[:3]} | {
        ("Q202", entry.linenum) for entry in entries[3:5]
    }
    assert cli(project, "check", "--lang", "ru", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert {(d["code"], d["line"]) for d in data["diagnostics"]} == expected
    sarif_path = tmp_path / "out.sarif"
    assert cli(project, "check", "--lang", "ru", "--format", "sarif", "-o", str(sarif_path)) == 0
    results = json.loads(sarif_path.read_text("utf-8"))["runs"][0]["results"]
    lines = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results
    }
    assert lines == expected
    assert cli(project, "check", "--lang", "ru") == 0
    text = capsys.readouterr().out
    assert "info Q201 3 untranslated entries (lines " in text
    assert "info Q202 2 fuzzy entries (lines " in text


# --- result cache -----------------------------------------------------------------------------


def count_checked(monkeypatch) -> list[str]:
    """Record the catalogs actually checked (cache misses)."""
    checked: list[str] = []
    original = check_run.analyse_catalog

    def spy(po, path, lang, context):
        checked.append(path)
        return original(po, path, lang, context)

    monkeypatch.setattr(check_run, "analyse_catalog", spy)
    return checked


def test_cache_reuses_results_until_an_input_changes(project, capsys, monkeypatch):
    checked = count_checked(monkeypatch)
    assert cli(project, "check") == 0
    first = capsys.readouterr().out
    assert sorted(checked) == ["locales/en/7.po", "locales/kk/7.po", "locales/ru/7.po"]
    cache = project / ".workflow-cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").exists()
    checked.clear()
    assert cli(project, "check") == 0
    assert checked == [] and capsys.readouterr().out == first
    fill(project, "ru", RU, **{MOSCOW: "В 1989 году я посетил Мосвку."})
    assert cli(project, "check") == 1
    assert checked == ["locales/ru/7.po"]
    assert "G001" in capsys.readouterr().out
    checked.clear()
    glossary = project / "glossary" / "terms.yaml"
    glossary.write_text(GLOSSARY.replace("ru: Москва", "ru: Мосвка"), encoding="utf-8")
    assert cli(project, "check") == 0  # the slip is now the glossary's term
    assert sorted(checked) == ["locales/en/7.po", "locales/kk/7.po", "locales/ru/7.po"]
    checked.clear()
    assert cli(project, "check", "--no-cache") == 0
    assert len(checked) == 3
    capsys.readouterr()


def test_settings_change_invalidates_the_cache(project, capsys, monkeypatch):
    checked = count_checked(monkeypatch)
    assert cli(project, "check", "--lang", "ru") == 0
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text("utf-8")
        + "\n[tool.workflow.check]\nlength-ratio = {ru = [3.0, 3.1]}\n",
        encoding="utf-8",
    )
    checked.clear()
    assert cli(project, "check", "--lang", "ru") == 0
    assert checked == ["locales/ru/7.po"]
    assert "Q115" in capsys.readouterr().out


def test_a_new_code_version_invalidates_the_cache(project, capsys, monkeypatch):
    checked = count_checked(monkeypatch)
    assert cli(project, "check", "--lang", "ru") == 0
    checked.clear()
    assert cli(project, "check", "--lang", "ru") == 0
    assert checked == []
    monkeypatch.setattr(check_run, "code_version", lambda: "a changed rule")
    assert cli(project, "check", "--lang", "ru") == 0
    assert checked == ["locales/ru/7.po"]


def test_status_reads_the_check_results_without_checking_again(project, capsys, monkeypatch):
    fill(project, "ru", RU, **{MOSCOW: "В 1989 году я посетил Мосвку."})
    assert cli(project, "check") == 1
    checked = count_checked(monkeypatch)
    assert cli(project, "status") == 0
    assert checked == []  # the counts came with the check results
    capsys.readouterr()
    monkeypatch.setattr(
        "workflow.status.read_document", lambda *a, **k: pytest.fail("source segmented again")
    )
    assert cli(project, "status", "--json") == 0
    rows = {row["lang"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["ru"]["glossary_findings"] == 1 and rows["ru"]["reviewed"] == 7
    assert rows["kk"]["untranslated"] == 7 and not rows["kk"]["stale"]


def test_status_notices_a_changed_source(project):
    source = project / "sources" / "ja" / "7.md"
    project_status(Project.discover(project))
    source.write_text(source.read_text("utf-8") + "\n新しい文。\n", encoding="utf-8")
    rows = project_status(Project.discover(project))
    assert len(rows) == 3 and all(row.stale for row in rows)  # en, ru, kk of night 7


def test_parallel_workers_give_the_same_findings(project, monkeypatch):
    fill(project, "ru", RU, **{MOSCOW: "В 1989 году я посетил Мосвку the the."})
    root = Project.discover(project)
    serial = check_run.check_project(root, ["en", "ru", "kk"], use_cache=False, jobs=1)
    monkeypatch.setattr(check_run, "PARALLEL_THRESHOLD", 1)
    parallel = check_run.check_project(root, ["en", "ru", "kk"], use_cache=False, jobs=2)
    assert parallel == serial and {item.code for item in serial} >= {"G001", "Q107", "Q109"}


def test_parallel_check_of_many_catalogs_gives_the_serial_findings(make_project, monkeypatch):
    sources = {doc: SAMPLE_SOURCE.replace("number: 7", f"number: {doc}") for doc in "789"}
    root = make_project(sources)
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert cli(root, "update") == 0
    fill(root, "ru", RU, **{MOSCOW: "В 1989 году я посетил Мосвку."})
    project = Project.discover(root)
    serial = check_run.check_project(project, ["en", "ru", "kk"], use_cache=False, jobs=1)
    monkeypatch.setattr(check_run, "PARALLEL_THRESHOLD", 1)
    # nine catalogs on two workers: several chunks of work per worker
    parallel = check_run.check_project(project, ["en", "ru", "kk"], use_cache=False, jobs=2)
    assert parallel == serial
    assert [item.code for item in serial].count("Q201") == 8 * 7  # all but ru/7 untranslated
    assert [item.path for item in serial if item.code == "G001"] == ["locales/ru/7.po"]


def test_a_warm_check_reads_no_catalog(project, capsys, monkeypatch):
    assert cli(project, "check") == 0
    first = capsys.readouterr().out

    def refuse(path, what="file"):
        pytest.fail(f"{path} read although the cache knew its size and time")

    monkeypatch.setattr("workflow.cache.read_input_bytes", refuse)
    assert cli(project, "check") == 0
    assert capsys.readouterr().out == first


def test_status_lists_the_other_documents_when_a_catalog_is_missing(make_project):
    sources = {"7": SAMPLE_SOURCE, "8": SAMPLE_SOURCE.replace("number: 7", "number: 8")}
    root = make_project(sources)
    assert cli(root, "update") == 0
    (root / "locales" / "ru" / "7.po").unlink()
    rows = {(row.doc, row.lang): row for row in project_status(Project.discover(root))}
    assert len(rows) == 6
    assert not rows[("7", "ru")].exists and rows[("7", "ru")].stale
    assert rows[("8", "ru")].exists and rows[("8", "ru")].untranslated == 7
    assert rows[("8", "en")].exists and rows[("7", "en")].exists


def test_the_glossary_needs_only_the_projects_languages(make_project, capsys):
    pyproject = PYPROJECT.replace('languages = ["en", "ru", "kk"]', 'languages = ["en", "ru"]')
    root = make_project(pyproject=pyproject)
    (root / "glossary").mkdir()
    terms = "terms:\n  - {id: moscow, kind: place, ja: [モスクワ], en: Moscow, ru: Москва}\n"
    (root / "glossary" / "terms.yaml").write_text(terms, encoding="utf-8")
    assert cli(root, "update") == 0
    fill(root, "ru", RU, **{MOSCOW: "В 1989 году я посетил Мосвку."})
    capsys.readouterr()
    assert cli(root, "check", "--lang", "ru") == 1  # no Kazakh in the project, none needed
    assert "error G001 glossary term 'Москва' (moscow)" in capsys.readouterr().out


def test_unwritable_cache_is_skipped(project, capsys):
    shutil.rmtree(project / ".workflow-cache", ignore_errors=True)
    (project / ".workflow-cache").write_text("not a folder", encoding="utf-8")
    capsys.readouterr()
    assert cli(project, "check") == 0
    first = capsys.readouterr().out
    assert cli(project, "check") == 0
    assert capsys.readouterr().out == first
    assert first.endswith("\n0 errors, 0 warnings, 7 info, 0 waived\n")  # kk untranslated
    assert (project / ".workflow-cache").read_text(encoding="utf-8") == "not a folder"
