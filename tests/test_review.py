"""``workflow review export|import`` on the real essay: real PO files, real DOCX (python-docx).

The documents a reviewer sends back are edited here with python-docx and lxml; Word's
tracked changes and comments are written with the same elements Word uses (``w:ins``,
``w:del``, ``word/comments.xml`` with ``w:commentRangeStart``/``End``/``Reference``).  The
LibreOffice round trip is in ``test_review_libreoffice.py``.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import polib
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from tests.conftest import snapshot
from workflow.catalog import server_flags
from workflow.checks import CheckContext
from workflow.cli import main
from workflow.fsio import project_lock
from workflow.po import load_po
from workflow.review.reader import read_review
from workflow.review.rows import build_rows, reviewable_entries
from workflow.review.writer import COMMENT, ID, SOURCE, TRANSLATION

EPOCH = "1771286400"  # 2026-02-17


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def run(root: Path, *args: str) -> int:
    return main(["--project", str(root), "review", *args])


def export(root: Path, lang: str = "ru", *extra: str) -> Path:
    assert run(root, "export", "--lang", lang, *extra) == 0
    return root / "review" / lang / "118.docx"


def po_path(root: Path, lang: str = "ru") -> Path:
    return root / "locales" / lang / "118.po"


def entries(root: Path, lang: str = "ru") -> list[polib.POEntry]:
    return reviewable_entries(load_po(po_path(root, lang)))


def edit_po(root: Path, segment: int, **changes: object) -> None:
    po = load_po(po_path(root))
    entry = reviewable_entries(po)[segment - 1]
    for name, value in changes.items():
        setattr(entry, name, value)
    po.save(str(po_path(root)))


def table_row(document: docx.document.Document, segment: int):
    return document.tables[0].rows[segment]


def set_cell(path: Path, segment: int, column: int, text: str) -> None:
    """Replace a cell's text as a reviewer typing in it would (style kept)."""
    document = docx.Document(str(path))
    cell = table_row(document, segment).cells[column]
    paragraphs = cell.paragraphs
    for paragraph in paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    for run_element in list(paragraphs[0]._p.iter(qn("w:r"))):
        run_element.getparent().remove(run_element)
    lines = text.split("\n")
    paragraphs[0].add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line, style=paragraphs[0].style)
    document.save(str(path))


def test_export_shows_each_segment_with_state_terms_findings(essay_project: Path) -> None:
    edit_po(essay_project, 8, msgstr="Впервые я попал в Центральную Азию в 1988 году.")
    edit_po(essay_project, 9, flags=["fuzzy"], tcomment="mt: argos ja→ru model 1.9")
    edit_po(essay_project, 10, flags=["fuzzy"], tcomment="tm: 87% locales/ru/117.po:4")
    edit_po(essay_project, 11, flags=["fuzzy"])
    edit_po(essay_project, 12, msgstr="", flags=[])
    path = export(essay_project)
    document = docx.Document(str(path))
    table = document.tables[0]
    po_entries = entries(essay_project)
    assert len(table.rows) == 1 + len(po_entries) == 60
    for segment, entry in enumerate(po_entries, start=1):
        cells = table.rows[segment].cells
        assert cells[ID].paragraphs[0].text == str(segment)
        assert cells[SOURCE].text == entry.msgid
        assert cells[TRANSLATION].text == entry.msgstr
        assert cells[COMMENT].text == ""
    states = [table.rows[n].cells[3].text.split("\n")[0] for n in (7, 8, 9, 10, 11, 12)]
    assert states == ["reviewed", "reviewed", "machine", "machine", "fuzzy", "untranslated"]
    assert table.rows[9].cells[3].text == "machine\nMT argos"
    assert "Q101 number 1989" in table.rows[8].cells[5].text
    assert "ラズノインポルト → Разноимпорт" in table.rows[14].cells[4].text
    assert "¶ 1" in table.rows[5].cells[ID].text  # paragraph starts are labelled
    assert "Russian translation" in table.rows[0].cells[TRANSLATION].text
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert _style_lang(document, "Review Source") == "ja-JP"
    assert _style_lang(document, "Review Translation") == "ru-RU"
    assert table.rows[5].cells[TRANSLATION].paragraphs[0].style.name == "Review Translation"


def _style_lang(document: docx.document.Document, style: str) -> str:
    rpr = document.styles[style].element.rPr
    return rpr.find(qn("w:lang")).get(qn("w:val"))


def test_export_only_and_line_breaks(essay_project: Path) -> None:
    edit_po(essay_project, 5, msgstr="Первая строка\nвторая строка", flags=["fuzzy"])
    path = export(essay_project, "ru", "--only", "fuzzy")
    table = docx.Document(str(path)).tables[0]
    assert len(table.rows) == 2
    cell = table.rows[1].cells[TRANSLATION]
    assert [p.text for p in cell.paragraphs] == ["Первая строка", "вторая строка"]
    set_cell(path, 1, TRANSLATION, "Первая строка\nвторая, исправленная")
    assert run(essay_project, "import", str(path)) == 0
    assert entries(essay_project)[4].msgstr == "Первая строка\nвторая, исправленная"


def test_reviewer_change_lands_and_second_import_changes_nothing(
    essay_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = entries(essay_project)
    edit_po(essay_project, 9, flags=["fuzzy"], tcomment="mt: argos ja→ru model 1.9")
    path = export(essay_project)
    set_cell(path, 9, TRANSLATION, "После событий на площади Тяньаньмэнь в июне мир двинулся.")
    set_cell(path, 20, COMMENT, "Проверить дату.")
    assert run(essay_project, "import", str(path)) == 0
    after = entries(essay_project)
    assert after[8].msgstr == "После событий на площади Тяньаньмэнь в июне мир двинулся."
    assert "fuzzy" not in after[8].flags
    assert after[8].tcomment == "review 118.docx 2026-02-17: translation from the reviewer"
    assert after[19].tcomment.endswith("review 118.docx 2026-02-17, reviewer: Проверить дату.")
    assert after[19].msgstr == before[19].msgstr
    untouched = [n for n in range(len(after)) if n not in (8, 19)]
    assert [after[n].msgstr for n in untouched] == [before[n].msgstr for n in untouched]
    out = capsys.readouterr().out
    assert "118.docx:9: segment 9 (locales/ru/118.po:" in out
    assert "1 updated, 1 comment, 0 conflict, 0 stale" in out
    saved = po_path(essay_project).read_bytes()
    mtime = po_path(essay_project).stat().st_mtime_ns
    assert run(essay_project, "import", str(path)) == 0
    assert po_path(essay_project).read_bytes() == saved
    assert po_path(essay_project).stat().st_mtime_ns == mtime
    assert "locales/ru/118.po unchanged" in capsys.readouterr().out


def test_import_as_fuzzy_and_dry_run(essay_project: Path, capsys: pytest.CaptureFixture) -> None:
    path = export(essay_project)
    set_cell(path, 6, TRANSLATION, "Новый текст.")
    before = snapshot(essay_project / "locales")
    assert run(essay_project, "import", str(path), "--dry-run") == 0
    assert "dry run: would change the catalog" in capsys.readouterr().out
    assert snapshot(essay_project / "locales") == before
    assert run(essay_project, "import", str(path), "--as", "fuzzy") == 0
    entry = entries(essay_project)[5]
    assert (entry.msgstr, entry.flags) == ("Новый текст.", ["fuzzy", *server_flags(entry.msgid)])


def test_conflict_keeps_po_text_marks_fuzzy_and_keeps_reviewer_text(
    essay_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export(essay_project)
    edit_po(essay_project, 7, msgstr="Перевод переводчика.")
    set_cell(path, 7, TRANSLATION, "Перевод рецензента,\nв две строки.")
    assert run(essay_project, "import", str(path)) == 1
    entry = entries(essay_project)[6]
    assert entry.msgstr == "Перевод переводчика."
    assert "fuzzy" in entry.flags
    assert entry.tcomment == (
        "review 118.docx 2026-02-17: conflict, the catalog changed since export; "
        "the reviewer proposed:\n> Перевод рецензента,\n> в две строки."
    )
    assert "118.docx:7: segment 7" in capsys.readouterr().err
    saved = po_path(essay_project).read_bytes()
    assert run(essay_project, "import", str(path)) == 1  # still unresolved, recorded once
    assert po_path(essay_project).read_bytes() == saved


def test_same_change_on_both_sides_is_no_conflict(essay_project: Path) -> None:
    path = export(essay_project)
    edit_po(essay_project, 7, msgstr="Одинаково.")
    set_cell(path, 7, TRANSLATION, "Одинаково.")
    saved = po_path(essay_project).read_bytes()
    assert run(essay_project, "import", str(path)) == 0
    assert po_path(essay_project).read_bytes() == saved


def test_emptied_cell_never_deletes_a_translation(essay_project: Path) -> None:
    path = export(essay_project)
    set_cell(path, 7, TRANSLATION, "")
    saved = po_path(essay_project).read_bytes()
    assert run(essay_project, "import", str(path)) == 0
    assert po_path(essay_project).read_bytes() == saved


def test_segment_gone_from_catalog_is_reported_with_reviewer_text(
    essay_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export(essay_project)
    edit_po(essay_project, 7, obsolete=True)
    set_cell(path, 7, TRANSLATION, "Текст рецензента.")
    assert run(essay_project, "import", str(path)) == 1
    assert "stale" in (err := capsys.readouterr().err) and "Текст рецензента." in err


WORD_DATE = 'w:date="2026-02-20T10:00:00Z"'


def tracked_cell_xml() -> str:
    """A translation paragraph as Word writes it with Track Changes on."""
    return (
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="ReviewTranslation"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">Это было </w:t></w:r>'
        f'<w:del w:id="101" w:author="Anna Petrova" {WORD_DATE}>'
        "<w:r><w:delText>в 1989 году</w:delText></w:r></w:del>"
        f'<w:ins w:id="102" w:author="Anna Petrova" {WORD_DATE}>'
        '<w:r><w:t xml:space="preserve">в 1989\u00a0г.</w:t></w:r></w:ins>'
        "<w:r><w:t>, при СССР.</w:t></w:r></w:p>"
    )


def test_word_tracked_changes_and_comments(
    essay_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export(essay_project)
    document = docx.Document(str(path))
    cell = table_row(document, 8).cells[TRANSLATION]
    cell._tc.replace(cell.paragraphs[0]._p, parse_xml(tracked_cell_xml()))
    source_runs = table_row(document, 12).cells[SOURCE].paragraphs[0].runs
    document.add_comment(source_runs, "Слишком буквально?", author="Anna Petrova", initials="AP")
    document.add_comment(document.paragraphs[0].runs, "Title page looks fine", author="Ed")
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode()
        assert "word/comments.xml" in package.namelist()
    for marker in ("<w:ins ", "<w:del ", "<w:commentRangeStart", "<w:commentRangeEnd"):
        assert marker in body
    assert "<w:commentReference" in body

    assert run(essay_project, "import", str(path)) == 0
    after = entries(essay_project)
    assert after[7].msgstr == "Это было в 1989\u00a0г., при СССР."
    assert "review 118.docx 2026-02-17, Anna Petrova: Слишком буквально?" in after[11].tcomment
    captured = capsys.readouterr()
    assert "tracked changes read as the proposal: 1 deletion by Anna Petrova; " in captured.out
    assert "1 insertion by Anna Petrova" in captured.out
    assert "not imported: Ed: Title page looks fine" in captured.err


def test_reader_joins_paragraphs_whose_mark_was_deleted(essay_project: Path) -> None:
    path = export(essay_project)
    document = docx.Document(str(path))
    cell = table_row(document, 5).cells[TRANSLATION]
    cell.add_paragraph("Вторая строка", style="Review Translation")
    mark = parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="7" w:author="A" {WORD_DATE}/></w:rPr>')
    cell.paragraphs[0]._p.get_or_add_pPr().append(mark)
    document.save(str(path))
    row = read_review(path).rows[4]
    assert row.translation == entries(essay_project)[4].msgstr + "Вторая строка"


def _edit_id(document: docx.document.Document) -> None:
    table_row(document, 3).cells[ID].paragraphs[0].runs[0].text = "33"


def _edit_source(document: docx.document.Document) -> None:
    table_row(document, 3).cells[SOURCE].paragraphs[0].runs[0].text += "!"


def _delete_row(document: docx.document.Document) -> None:
    tr = table_row(document, 3)._tr
    tr.getparent().remove(tr)


def _duplicate_row(document: docx.document.Document) -> None:
    import copy

    tr = table_row(document, 3)._tr
    tr.addnext(copy.deepcopy(tr))


def _merge_cells(document: docx.document.Document) -> None:
    cells = table_row(document, 3).cells
    cells[TRANSLATION].merge(cells[TRANSLATION + 1])


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (_edit_id, "118.docx:3: row 3: the id cell reads '33' but the row holds segment 3"),
        (_edit_source, "118.docx:3: row 3: the source text of segment 3 was edited"),
        (_delete_row, "118.docx: segment 3 is missing: its row was deleted"),
        (_duplicate_row, "118.docx:4: row 4: repeats segment 3 of row 3 (a duplicated row)"),
        (_merge_cells, "118.docx:3: row 3 has 6 cells instead of 7"),
    ],
)
def test_tampered_rows_are_refused_and_nothing_changes(
    essay_project: Path, capsys: pytest.CaptureFixture[str], tamper, expected: str
) -> None:
    path = export(essay_project)
    set_cell(path, 5, TRANSLATION, "Правка, которая не должна попасть в каталог.")
    document = docx.Document(str(path))
    tamper(document)
    document.save(str(path))
    before = snapshot(essay_project / "locales")
    assert run(essay_project, "import", str(path)) == 2
    assert expected in capsys.readouterr().err
    assert snapshot(essay_project / "locales") == before


def test_foreign_and_broken_files_are_refused(
    essay_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export(essay_project)
    before = snapshot(essay_project / "locales")
    other = tmp_path / "other"
    shutil.copytree(essay_project, other)
    pyproject = other / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace('project-id = "', 'project-id = "other-'), encoding="utf-8"
    )
    text_file = tmp_path / "notes.docx"
    text_file.write_text("not a document", encoding="utf-8")
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    cases = [
        (other, path, "exported from project 'rare-metals-1001-nights', not 'other-"),
        (essay_project, text_file, "notes.docx: not a DOCX file"),
        (essay_project, plain, "plain.docx: not a review document"),
    ]
    for root, file, message in cases:
        assert run(root, "import", str(file)) == 2
        assert message in capsys.readouterr().err
    kk_only = essay_project / "pyproject.toml"
    kk_only.write_text(
        kk_only.read_text().replace('languages = ["en", "ru", "kk"]', 'languages = ["kk"]'),
        encoding="utf-8",
    )
    assert run(essay_project, "import", str(path)) == 2
    assert "language 'ru', which this project does not have" in capsys.readouterr().err
    assert snapshot(essay_project / "locales") == before


def test_export_never_replaces_unimported_review_work(
    essay_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export(essay_project)
    set_cell(path, 5, COMMENT, "Хорошо.")
    edited = path.read_bytes()
    assert run(essay_project, "export", "--lang", "ru") == 2
    assert "holds reviewer work not yet imported" in capsys.readouterr().err
    assert path.read_bytes() == edited
    assert run(essay_project, "import", str(path)) == 0
    assert run(essay_project, "export", "--lang", "ru") == 0  # imported: may be replaced
    assert path.read_bytes() != edited
    set_cell(path, 5, COMMENT, "Ещё раз.")
    assert run(essay_project, "export", "--lang", "ru", "--force") == 0


def test_import_takes_the_project_lock(
    essay_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export(essay_project)
    set_cell(path, 5, TRANSLATION, "Другой текст.")
    with project_lock(essay_project, "update"):
        assert run(essay_project, "import", str(path)) == 2
    assert "project is locked" in capsys.readouterr().err
    assert entries(essay_project)[4].msgstr != "Другой текст."


def test_review_folder_is_configurable(essay_project: Path) -> None:
    pyproject = essay_project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace("[tool.workflow]\n", '[tool.workflow]\nreview-dir = "out"\n'),
        encoding="utf-8",
    )
    assert run(essay_project, "export", "--lang", "kk") == 0
    assert (essay_project / "out" / "kk" / "118.docx").is_file()


def test_entries_told_apart_by_context(essay_project: Path) -> None:
    po = load_po(po_path(essay_project))
    original = reviewable_entries(po)[4]
    variant = polib.POEntry(msgctxt="variant", msgid=original.msgid, msgstr="Вариант.")
    po.insert(po.index(original) + 1, variant)
    po.save(str(po_path(essay_project)))
    path = export(essay_project)
    set_cell(path, 6, TRANSLATION, "Вариант, исправленный.")
    assert run(essay_project, "import", str(path)) == 0
    after = entries(essay_project)
    assert (after[5].msgctxt, after[5].msgstr) == ("variant", "Вариант, исправленный.")
    assert after[4].msgstr == original.msgstr


def test_only_keeps_the_paragraph_start_on_the_first_shown_row() -> None:
    po = load_po(Path(__file__).parent.parent / "locales" / "ru" / "118.po")
    entries = reviewable_entries(po)
    middle = next(
        number
        for number, row in enumerate(build_rows(po, "ru.po", "ru", CheckContext()), start=1)
        if not row.starts_block
    )
    entries[middle - 1].flags.append("fuzzy")
    (row,) = build_rows(po, "ru.po", "ru", CheckContext(), only={"fuzzy"})
    assert (row.row_id, row.state, row.starts_block) == (middle, "fuzzy", True)


def test_a_title_longer_than_a_core_property_is_cut_in_the_properties_only(essay_project):
    po = load_po(po_path(essay_project))
    title = next(entry for entry in po if entry.comment == "front matter: title")
    title.msgstr = "Очень длинное название " * 20  # 460 characters
    po.save(str(po_path(essay_project)))
    document = docx.Document(str(export(essay_project)))
    shown = document.core_properties.title
    assert len(shown) == 255 and shown.startswith("Review: Очень длинное") and shown.endswith("…")
    assert title.msgstr.strip() in "\n".join(p.text for p in document.paragraphs)
