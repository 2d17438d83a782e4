"""Assembly of translated documents from real PO catalogs (no typesetting here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polib
import pytest

from tests.export_samples import TRANSLATIONS, make_project, msgid_line, write_catalog
from workflow import languages
from workflow.errors import ExportError
from workflow.export import fonts
from workflow.export.assemble import IncompleteTranslationError, assemble
from workflow.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path)


def test_reviewed_translations_joined_with_language_spacing(project: Project) -> None:
    write_catalog(project, "ru")
    translated = assemble(project, project.documents()[0], "ru")
    ru = TRANSLATIONS["ru"]
    assert translated.field("title") == ru[0]
    assert translated.field("subtitle") == ru[1]
    assert translated.field("series") == ru[2]
    assert translated.field("author") == ru[3]
    assert [translated.text_of(block) for block in translated.body] == [
        " ".join(ru[4:7]),
        ru[7],
        " ".join(ru[8:11]),
    ]
    assert [block.kind for block in translated.body] == ["paragraph", "heading", "paragraph"]
    assert translated.problems == () and translated.reviewed_percent == 100
    assert translated.revised == dt.datetime(2026, 2, 20, 9, 30, tzinfo=dt.UTC)


def test_original_is_the_source_text_without_spaces(project: Project) -> None:
    translated = assemble(project, project.documents()[0], "ja")
    assert translated.text_of(translated.body[0]) == (
        "私が初めてウスケメンを訪れたのは1995年の冬だった。気温は零下三十度まで下がっていた。"
        "この町はカザフスタンの冶金の中心である。"
    )
    assert translated.po_path is None and not translated.draft


def test_final_mode_refuses_fuzzy_and_untranslated_with_locations(project: Project) -> None:
    texts = list(TRANSLATIONS["kk"])
    texts[5] = ""
    po_path = write_catalog(project, "kk", texts, fuzzy=frozenset({8}))
    with pytest.raises(IncompleteTranslationError) as caught:
        assemble(project, project.documents()[0], "kk")
    problems = caught.value.problems
    assert [(p.reason, p.segment.text) for p in problems] == [
        ("untranslated", "気温は零下三十度まで下がっていた。"),
        ("fuzzy", "工場の中は驚くほど暖かかった。"),
    ]
    first = str(problems[0])
    line = msgid_line(po_path, "気温は零下三十度まで下がっていた。")
    assert first.startswith(f"locales/kk/118.po:{line}: untranslated")
    assert "source sources/ja/118.md:10" in first
    assert "2 of 11 segments" in str(caught.value)


def test_draft_uses_fuzzy_msgstr_and_source_fallback(project: Project) -> None:
    texts = list(TRANSLATIONS["en"])
    texts[0] = ""
    write_catalog(project, "en", texts, fuzzy=frozenset({4}))
    translated = assemble(project, project.documents()[0], "en", draft=True)
    title = translated.blocks[0].pieces[0]
    assert (title.text, title.status) == ("草原の下の金属", "untranslated")
    first_sentence = translated.body[0].pieces[0]
    assert (first_sentence.text, first_sentence.status) == (TRANSLATIONS["en"][4], "fuzzy")
    assert translated.reviewed == 9 and translated.total == 11
    assert translated.reviewed_percent == 81


def test_missing_catalog_and_obsolete_entries_are_not_translations(project: Project) -> None:
    with pytest.raises(ExportError, match="no ru catalog for") as missing:
        assemble(project, project.documents()[0], "ru")
    assert "run `workflow update`" in str(missing.value) and missing.value.path is not None
    draft = assemble(project, project.documents()[0], "ru", draft=True)
    assert len(draft.problems) == 11
    path = write_catalog(project, "ru")
    po = polib.pofile(str(path))
    po[4].obsolete = True
    po.save()
    with pytest.raises(IncompleteTranslationError) as caught:
        assemble(project, project.documents()[0], "ru")
    assert [p.segment.line for p in caught.value.problems] == [10]


def test_language_table_dates_and_nights() -> None:
    day = dt.date(2026, 2, 17)
    assert languages.get("kk").format_date(day) == "2026 жылғы 17 ақпан"
    assert languages.get("ru").format_date(day) == "17 февраля 2026\u00a0г."
    assert [languages.get(x).night(118) for x in ("en", "ru", "kk", "ja")] == [
        "Night 118",
        "Ночь 118",
        "118-түн",
        "第118夜",
    ]
    assert [languages.get(x).typography.joiner for x in ("en", "ru", "kk", "ja")] == [
        " ",
        " ",
        " ",
        "",
    ]


def test_fonts_cover_kazakh_and_japanese_but_not_unknown_symbols() -> None:
    stack = fonts.resolve_stack(languages.get("kk").font_families)
    assert fonts.uncovered("ӘҒҚҢӨҰҮҺІ әғқңөұүһі «» – 中央アジア", stack) == ""
    assert fonts.uncovered("ok \U0001f600 \ue000", stack) == "\U0001f600\ue000"


def test_uncovered_character_is_an_error_naming_the_segment(project: Project) -> None:
    texts = list(TRANSLATIONS["ru"])
    texts[9] = "Инженеры смеялись \U0001f600"
    po_path = write_catalog(project, "ru", texts)
    line = msgid_line(po_path, "技術者たちは「ここには周期表の半分がある」と笑った。")
    translated = assemble(project, project.documents()[0], "ru")
    with pytest.raises(fonts.ExportError) as caught:
        fonts.check_coverage(translated)
    message = str(caught.value)
    assert message.startswith(f"locales/ru/118.po:{line}: no font has U+1F600")
    assert "sources/ja/118.md:14" in message
