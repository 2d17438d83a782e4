"""A review document through a real office suite: LibreOffice edits and saves it as DOCX.

LibreOffice (headless, in a throwaway profile) runs a small Basic macro that opens the
exported document, turns Track Changes on, replaces one translation and saves it as Word
2007+ DOCX, so the tracked change is LibreOffice's own; after comments are added the file
goes through LibreOffice once more.  Skipped only where ``soffice`` is missing;
``.ci/setup`` installs Debian's ``libreoffice-writer-nogui``, so CI runs it.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest

from tests.test_review import COMMENT, SOURCE, entries, export, po_path, run, set_cell
from workflow.review.reader import read_review

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

#: Basic: open *url* hidden, record changes, replace the text of table cell *cell_name*
#: (e.g. C9) with the UTF-8 text in *text_url*, save as DOCX over *url*.
EDIT_BASIC = """\
Sub ReviewEdit(url As String, cellName As String, textUrl As String)
    Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
    loadArgs(0).Name = "Hidden"
    loadArgs(0).Value = True
    doc = StarDesktop.loadComponentFromURL(url, "_blank", 0, loadArgs())
    doc.RecordChanges = True
    stream = createUnoService("com.sun.star.io.TextInputStream")
    files = createUnoService("com.sun.star.ucb.SimpleFileAccess")
    stream.setInputStream(files.openFileRead(textUrl))
    stream.setEncoding("UTF-8")
    newText = stream.readString(Array(), False)
    stream.closeInput()
    cell = doc.getTextTables().getByIndex(0).getCellByName(cellName)
    cursor = cell.createTextCursor()
    cursor.gotoEnd(True)
    cell.insertString(cursor, newText, True)
    Dim saveArgs(0) As New com.sun.star.beans.PropertyValue
    saveArgs(0).Name = "FilterName"
    saveArgs(0).Value = "MS Word 2007 XML"
    doc.storeToURL(url, saveArgs())
    doc.close(True)
End Sub
"""
EDIT_MACRO = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"'
    ' script:language="StarBasic">' + escape(EDIT_BASIC, {'"': "&quot;"}) + "</script:module>\n"
)


def _soffice(profile: Path, *args: str) -> None:
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless", *args],
        check=True,
        capture_output=True,
        timeout=180,
    )


def libreoffice_edit(path: Path, segment: int, text: str, workdir: Path) -> None:
    """Replace segment *segment*'s translation in LibreOffice with Track Changes on; save."""
    profile = workdir / "lo-profile"
    _soffice(profile, "--terminate_after_init")  # creates the profile and its Basic library
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(
        EDIT_MACRO, encoding="utf-8"
    )
    text_file = workdir / "new-translation.txt"
    text_file.write_text(text, encoding="utf-8")
    cell = f"C{segment + 1}"  # column C, row 1 is the header
    _soffice(
        profile,
        f'macro:///Standard.Module1.ReviewEdit("{path.as_uri()}","{cell}","{text_file.as_uri()}")',
    )


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1771286400")


def libreoffice_resave(path: Path, workdir: Path) -> Path:
    """Open *path* in LibreOffice and save it as DOCX (``--convert-to``); return the copy."""
    outdir = workdir / "saved-by-libreoffice"
    _soffice(
        workdir / "lo-profile",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(outdir),
        str(path),
    )
    return outdir / path.name


def test_libreoffice_edit_changes_exactly_the_edited_entries(
    essay_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LibreOffice edits with Track Changes and saves; comments are added (python-docx, as
    Word writes them) and the file goes through LibreOffice once more before the import.

    (LibreOffice 7.4 aborts when a macro edits a document that already has comments, hence
    the two passes.)"""
    before = entries(essay_project, "kk")
    path = export(essay_project, "kk")
    exported = path.read_bytes()
    new_text = "Мен Орталық Азиямен алғаш рет 1989 жылы, КСРО әлі бар кезде бетпе-бет келдім."
    libreoffice_edit(path, 8, new_text, tmp_path)
    assert path.read_bytes() != exported
    set_cell(path, 14, COMMENT, "Разноимпорт — дұрыс па?")
    document = docx.Document(str(path))
    source = document.tables[0].rows[30].cells[SOURCE].paragraphs[0].runs
    document.add_comment(source, "Сөз тәртібі?", author="Aigul")
    document.save(str(path))
    saved = libreoffice_resave(path, tmp_path)

    with zipfile.ZipFile(saved) as package:  # saved by LibreOffice, with its tracked change
        assert b"<Application>LibreOffice" in package.read("docProps/app.xml")
        body = package.read("word/document.xml")
        assert b"<w:ins " in body and b"<w:del " in body and b"<w:commentReference" in body
    reviewed = read_review(saved)  # fingerprints (custom properties) and the table survived
    assert len(reviewed.rows) == len(reviewed.identity.rows) == len(before)
    assert [row.source for row in reviewed.rows] == [entry.msgid for entry in before]

    assert run(essay_project, "import", str(saved)) == 0
    assert "tracked changes read as the proposal" in capsys.readouterr().out
    after = entries(essay_project, "kk")
    assert after[7].msgstr == new_text
    assert "Разноимпорт — дұрыс па?" in after[13].tcomment
    assert after[29].tcomment.endswith("Aigul: Сөз тәртібі?")
    changed = [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if str(a) != str(b)]
    assert changed == [7, 13, 29]
    saved_po = po_path(essay_project, "kk").read_bytes()
    assert run(essay_project, "import", str(saved)) == 0
    assert po_path(essay_project, "kk").read_bytes() == saved_po
