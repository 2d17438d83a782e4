"""``workflow build``: every stage in order; drafts where translations are incomplete."""

from __future__ import annotations

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


def test_build_exports_original_final_and_drafts(project: Path, capsys) -> None:
    assert build(project) == 0
    out = capsys.readouterr().out
    assert "update       0 catalog(s) updated, 4 unchanged" in out
    assert "pretranslate ru: 7 untranslated segment(s) left as they are: no MT engine" in out
    assert "check        0 error(s), 0 warning(s)" in out
    assert "export       written exports/en/7.docx" in out
    assert "export       written (draft) exports/ru/7.docx" in out
    assert "export       written exports/ja/7.docx" in out
    assert "I visited Moscow in 1989." in docx_text(project / "exports" / "en" / "7.docx")
    assert "Черновик" in docx_text(project / "exports" / "ru" / "7.docx")
    assert build(project) == 0
    assert "export       unchanged exports/en/7.docx" in capsys.readouterr().out


def test_final_build_refuses_incomplete_languages(project: Path, capsys) -> None:
    assert build(project, "--final", "--lang", "en", "--lang", "ru") == 1
    out = capsys.readouterr().out
    assert "export       incomplete exports/ru/7.docx" in out
    assert "not reviewed: locales/ru/7.po:" in out
    assert "export       written exports/en/7.docx" in out
    assert not (project / "exports" / "ja").exists()  # languages chosen: no original
    assert not (project / "exports" / "ru" / "7.docx").exists()


def test_glossary_error_fails_the_build_but_still_exports(project: Path, capsys) -> None:
    po_path = project / "locales" / "en" / "7.po"
    po = polib.pofile(str(po_path))
    po.find("私は1989年にモスクワを訪れた。").msgstr = "I visited Leningrad in 1989."
    po.save()
    assert build(project, "--lang", "en") == 1
    out = capsys.readouterr().out
    assert "check        1 error(s)" in out
    assert (project / "exports" / "en" / "7.docx").exists()
