"""The language registry: facts from CLDR with house overrides, settings errors, the exact-match
fallback, the glossary following the configured languages, and a fourth target language
(Uzbek, Latin script) whose only code is ``workflow/languages/uz.py``, run end to end."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import polib
import pytest

from workflow import languages
from workflow.errors import ConfigError, InputError
from workflow.glossary import load_glossary
from workflow.morphology import find_term
from workflow.project import Project
from workflow.termbase import parse_tbx, to_csv, to_tbx

WORKFLOW = Path(languages.__file__).parent.parent

PYPROJECT = """\
[tool.workflow]
project-id = "uz-sample"
languages = ["en", "ru", "kk", "uz"]
"""

SOURCE = """\
---
title: 中央アジアの資源
series: レアメタル千夜一夜
number: 7
date: 2025-12-01
author: 著者
---

私は1989年にモスクワを訪れた。カザフスタンは資源の国である。
"""

GLOSSARY = """\
terms:
  - id: moscow
    kind: place
    ja: [モスクワ]
    en: Moscow
    ru: Москва
    kk: Мәскеу
    uz: Moskva
  - id: kazakhstan
    kind: place
    ja: [カザフスタン]
    en: Kazakhstan
    ru: Казахстан
    kk: Қазақстан
    uz: Qozogʻiston
"""

#: Reviewed Uzbek translations by source segment; the Kazakhstan sentence is seeded with a
#: glossary violation (a straight apostrophe for the letter ʻ, the usual slip) that the
#: check must report before it is corrected.
UZBEK = {
    "中央アジアの資源": "Markaziy Osiyo resurslari",
    "レアメタル千夜一夜": "Nodir metallar: ming bir kecha",
    "著者": "Muallif",
    "私は1989年にモスクワを訪れた。": "Men 1989-yilda Moskva shahriga bordim.",
    "カザフスタンは資源の国である。": "Qozog'iston — resurslar mamlakati.",
}
CORRECTED = "Qozogʻiston — resurslar mamlakati."


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``workflow ARGS`` in a fresh process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "workflow", "--project", str(root), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1771286400"},
        cwd=root,
        check=False,
    )


@pytest.fixture
def uz_project(tmp_path: Path) -> Path:
    root = tmp_path / "uz-project"
    (root / "sources" / "ja").mkdir(parents=True)
    (root / "sources" / "ja" / "7.md").write_text(SOURCE, encoding="utf-8")
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    return root


def fill(po_path: Path, translations: dict[str, str]) -> dict[str, int]:
    """Write reviewed *translations* into the catalog; the line of each msgid."""
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = translations[entry.msgid]
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    po.save()
    lines = po_path.read_text(encoding="utf-8").splitlines()
    return {msgid: lines.index(f'msgid "{msgid}"') + 1 for msgid in translations}


def test_uzbek_is_one_module_and_runs_update_check_export(uz_project: Path, tmp_path) -> None:
    root = uz_project
    update = cli(root, "update")
    assert update.returncode == 0, update.stderr
    po_path = root / "locales" / "uz" / "7.po"
    header = polib.pofile(str(po_path)).metadata
    assert header["Language"] == "uz"
    assert header["Language-Team"].startswith("Uzbek, ")
    assert header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"  # CLDR, through Babel

    lines = fill(po_path, UZBEK)
    check = cli(root, "check", "--lang", "uz")
    assert check.returncode == 1, check.stdout + check.stderr
    line = lines["カザフスタンは資源の国である。"]
    assert re.search(
        rf"locales/uz/7\.po:{line}: error G001 glossary term 'Qozogʻiston' \(kazakhstan\) "
        r"missing for カザフスタン; found 'Qozog'iston' instead",
        check.stdout,
    ), check.stdout

    fill(po_path, {**UZBEK, "カザフスタンは資源の国である。": CORRECTED})
    check = cli(root, "check", "--lang", "uz")
    assert check.returncode == 0, check.stdout + check.stderr
    export = cli(root, "export", "--lang", "uz")
    assert export.returncode == 0, export.stdout + export.stderr

    pdf = root / "exports" / "uz" / "7.pdf"
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for translation in [*list(UZBEK.values())[:4], CORRECTED]:
        assert translation.replace(" — ", "\u00a0— ") in flat or translation in flat, translation
    assert "7-kecha" in flat and "1-dekabr, 2025" in flat  # night label; CLDR's Uzbek date
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Nodir metallar: ming bir kecha, 7-kecha" in info.stdout  # the subject line

    out = docx.Document(str(root / "exports" / "uz" / "7.docx"))
    body = "\n".join(paragraph.text for paragraph in out.paragraphs)
    assert "Men 1989-yilda Moskva shahriga bordim." in body
    assert "Qozogʻiston\u00a0— resurslar mamlakati." in body  # no line starts with a dash
    assert out.core_properties.language == "uz-Latn-UZ"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "uz")],
        check=True,
    )
    assert (tmp_path / "uz-1.png").stat().st_size > 0


def test_only_the_language_module_names_uzbek() -> None:
    """Adding Uzbek touched no module outside its registry file."""
    naming = [
        path.relative_to(WORKFLOW).as_posix()
        for path in sorted(WORKFLOW.rglob("*.py"))
        if re.search(r"\buz\b", path.read_text(encoding="utf-8"))
    ]
    assert naming == ["languages/uz.py"]


def test_cldr_facts_and_house_overrides() -> None:
    day = dt.date(2026, 2, 17)
    assert languages.get("en").format_date(day) == "17 February 2026"  # CLDR en-GB
    assert languages.get("ja").format_date(day) == "2026年2月17日"
    assert languages.get("kk").format_date(day) == "2026 жылғы 17 ақпан"  # house, not CLDR's
    assert languages.get("ru").format_date(day) == "17 февраля 2026\u00a0г."
    assert languages.get("uz").format_date(day) == "17-fevral, 2026"
    assert languages.get("ru").months[1] == "февраля"  # genitive: a date's form
    assert [languages.get(code).english_name for code in ("ja", "en", "ru", "kk", "uz")] == [
        "Japanese",
        "English",
        "Russian",
        "Kazakh",
        "Uzbek",
    ]
    assert languages.get("kk").native_name == "қазақ тілі"
    assert languages.get("ja").plural_forms == "nplurals=1; plural=0;"
    assert languages.get("ru").plural_forms.startswith("nplurals=3; plural=(n%10==1")


def test_hyphenation_follows_the_hyphenation_dictionaries() -> None:
    from workflow.export.pdf import language_css

    assert language_css(languages.get("en")) == "main p { hyphens: auto; }"
    assert language_css(languages.get("ru")) == "main p { hyphens: auto; }"
    assert language_css(languages.get("kk")) == "main p { text-align: left; }"  # no dictionary
    assert language_css(languages.get("uz")) == "main p { text-align: left; }"
    assert language_css(languages.get("ja")) == ""  # CJK justifies between characters


def test_unknown_language_names_the_setting_and_the_known_codes(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.workflow]\nproject-id = "p"\nlanguages = ["en", "tg"]\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        Project.open(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path.resolve() / 'pyproject.toml'}:3: ")
    assert "unknown language 'tg'; known: en, ja, kk, ru, uz" in caught.value.message
    with pytest.raises(languages.UnknownLanguageError, match="known: en, ja, kk, ru, uz"):
        languages.get("tg")


def test_a_language_without_morphology_matches_terms_word_for_word() -> None:
    assert languages.get("uz").morphology is None
    assert [span.text for span in find_term("uz", ["Moskva"], "Men MOSKVA shahriga")] == ["MOSKVA"]
    assert find_term("uz", ["Moskva"], "Moskvada") == []  # no suffix model: list it in forms
    assert find_term("uz", ["Markaziy Osiyo"], "Markaziy Osiyo davlatlari")[0].text == (
        "Markaziy Osiyo"
    )


def test_glossary_fields_follow_the_configured_languages(tmp_path: Path) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    glossary = load_glossary(path, ("en", "ru", "kk", "uz"))
    assert glossary.get("kazakhstan").target("uz") == "Qozogʻiston"
    assert to_csv(glossary).splitlines()[0] == "id,kind,ja,en,ru,kk,uz,note"
    entry = parse_tbx(to_tbx(glossary), path)[1]
    assert list(entry.terms) == ["ja", "en", "ru", "kk", "uz"]
    assert load_glossary(path).languages == ("en", "ru", "kk")  # uz kept, not required

    path.write_text(GLOSSARY.replace("    uz: Qozogʻiston\n", ""), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossary(path, ("en", "ru", "kk", "uz"))
    assert (caught.value.line, "term 'kazakhstan': missing field 'uz'") == (
        9,
        caught.value.message,
    )
    assert "[tool.workflow] languages" in str(caught.value.hint)

    path.write_text(GLOSSARY.replace("    uz: Moskva\n", "    xx: Moskva\n"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossary(path, ("en", "ru", "kk"))
    assert (caught.value.line, caught.value.message) == (8, "term 'moscow': unknown field 'xx'")

    bad_forms = GLOSSARY.replace("    uz: Moskva\n", "    forms: {uz: [Moskvada]}\n")
    path.write_text(bad_forms, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossary(path, ("en", "ru", "kk"))
    assert caught.value.line == 8
    assert "invalid 'forms': 'uz' is not a target language of this term" in caught.value.message
