"""``workflow build``: every stage in order; drafts where translations are incomplete."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import polib
import pytest

from workflow.cli import main

GLOSSARY = """\
terms:
  - id: moscow
    kind: place
    ja: [モスクワ]
    en: Moscow
    ru: Москва
    kk: Мәскеу
"""

EN = {
    "中央アジアの資源": "Resources of Central Asia",
    "レアメタル千夜一夜": "Rare Metals: A Thousand and One Nights",
    "著者": "The author",
    "私は1989年にモスクワを訪れた。": "I visited Moscow in 1989.",
    "ラズノインポルトの統計はあるが現場がない――。": "There were statistics, but no sites —",
    "それはペレストロイカ(改革)のお陰である。": "that I owed to perestroika.",
    "カザフスタンの「周期表の交差点」は、ウスチ・カメノゴルスクである。": (
        "Kazakhstan’s “crossroads of the periodic table” is Ust-Kamenogorsk."
    ),
}


@pytest.fixture
def project(make_project) -> Path:
    root = make_project()
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert main(["--project", str(root), "update"]) == 0
    po_path = root / "locales" / "en" / "7.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = EN[entry.msgid]
    po.save()
    return root


def build(root: Path, *args: str) -> int:
    return main(["--project", str(root), "build", "--format", "docx", *args])


def docx_text(path: Path) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)


def test_build_exports_original_final_and_drafts(project: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(project)  # paths are shown relative to the current folder
    assert build(project) == 0
    out = capsys.readouterr().out
    # three catalogs and one template, counted apart
    assert "update       catalogs: 0 updated, 3 unchanged; templates: 0 updated, 1 unchanged" in out
    assert "pretranslate warning: ru: machine translation skipped, 7 untranslated segments" in out
    assert "check        0 errors, 0 warnings" in out
    assert "export       en/7: docx written" in out
    assert "export       ru/7 (draft): docx written" in out
    summary = out[out.index("\nSummary\n") :]
    assert "  ja/7  original\n      written   exports/ja/7.docx\n" in summary
    assert "  en/7  final: 7 of 7 segments reviewed\n      written   exports/en/7.docx\n" in summary
    assert "  ru/7  draft: 0 of 7 segments reviewed (7 untranslated)\n" in summary
    assert "  checks: 0 errors, 0 warnings\n" in summary
    assert summary.endswith("exit 0: everything published (ru/7, kk/7 as draft), no check error\n")
    assert "I visited Moscow in 1989." in docx_text(project / "exports" / "en" / "7.docx")
    assert "Черновик" in docx_text(project / "exports" / "ru" / "7.docx")
    assert build(project) == 0
    assert "      unchanged exports/en/7.docx" in capsys.readouterr().out


def test_the_original_is_never_built_as_a_draft(project: Path, capsys) -> None:
    """Drafts are decided per translation; the original is published as it is, so an
    ``export`` of it after a build has nothing to redo."""
    assert build(project) == 0
    stamp = json.loads((project / "exports" / ".stamps" / "ja" / "7.docx.json").read_text())
    assert stamp["draft"] is False
    assert "草稿" not in docx_text(project / "exports" / "ja" / "7.docx")
    capsys.readouterr()
    assert main(["--project", str(project), "export", "--lang", "ja", "--format", "docx"]) == 0
    assert capsys.readouterr().out.startswith("unchanged ")


def test_build_summary_paths_outside_the_current_folder_are_absolute(project: Path, capsys):
    assert build(project, "--lang", "en") == 0
    assert f"      written   {project / 'exports' / 'en' / '7.docx'}\n" in capsys.readouterr().out


def test_unreadable_argos_folder_skips_mt_with_a_warning(project: Path, capsys, monkeypatch):
    blocker = project / "argos-packages"
    blocker.write_text("not a folder", encoding="utf-8")  # unreadable as a folder, even by root
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(blocker))
    assert build(project, "--lang", "ru") == 0
    out = capsys.readouterr().out
    assert (
        "pretranslate warning: ru: machine translation skipped, 7 untranslated segments left as "
        f"they are: {blocker}: cannot read the packages folder: Not a directory"
    ) in out
    assert (project / "exports" / "ru" / "7.docx").exists()


def test_missing_argos_folder_skips_mt_with_a_warning(project: Path, capsys, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(project / "nowhere"))
    assert build(project, "--lang", "ru") == 0
    out = capsys.readouterr().out
    assert "warning: ru: machine translation skipped, 7 untranslated segments" in out


def test_final_build_refuses_incomplete_languages(project: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(project)
    assert build(project, "--final", "--lang", "en", "--lang", "ru") == 1
    out = capsys.readouterr().out
    assert "export       ru/7: docx incomplete" in out
    assert "not reviewed: locales/ru/7.po:" in out
    assert "export       en/7: docx written" in out
    assert "  ru/7  refused: 7 of 7 segments not reviewed (--final)\n  checks" in out
    assert out.endswith("exit 1: ru/7 refused\n")
    assert not (project / "exports" / "ja").exists()  # languages chosen: no original
    assert not (project / "exports" / "ru" / "7.docx").exists()


def test_glossary_error_fails_the_build_but_still_exports(project: Path, capsys) -> None:
    po_path = project / "locales" / "en" / "7.po"
    po = polib.pofile(str(po_path))
    po.find("私は1989年にモスクワを訪れた。").msgstr = "I visited Leningrad in 1989."
    po.save()
    assert build(project, "--lang", "en") == 1
    out = capsys.readouterr().out
    assert "check        1 error, 0 warnings" in out
    assert "  checks: 1 error, 0 warnings (list them: workflow check)\n" in out
    assert out.endswith("exit 1: 1 check error\n")
    assert (project / "exports" / "en" / "7.docx").exists()
