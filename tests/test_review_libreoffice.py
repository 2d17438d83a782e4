"""A review document through a real office suite: LibreOffice opens and saves it as DOCX.

Skipped only where ``soffice`` is missing; ``.ci/setup`` installs Debian's
``libreoffice-writer-nogui``, so CI runs it.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from tests.test_review import (
    COMMENT,
    SOURCE,
    TRANSLATION,
    entries,
    export,
    po_path,
    run,
    set_cell,
    tracked_cell_xml,
)
from workflow.review.reader import read_review

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def libreoffice_resave(path: Path, workdir: Path) -> Path:
    """Open *path* in LibreOffice headless and save it as Word 2007+ DOCX; return the copy."""
    outdir = workdir / "saved-by-libreoffice"
    profile = (workdir / "lo-profile").as_uri()
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = outdir / path.name
    assert saved.is_file()
    return saved


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1771286400")


def test_libreoffice_round_trip_changes_exactly_the_edited_entries(
    essay_project: Path, tmp_path: Path
) -> None:
    before = entries(essay_project, "kk")
    path = export(essay_project, "kk")
    new_text = "Мен Орталық Азиямен алғаш рет 1989 жылы,\nКСРО әлі бар кезде бетпе-бет келдім."
    set_cell(path, 8, TRANSLATION, new_text)
    set_cell(path, 14, COMMENT, "Разноимпорт — дұрыс па?")
    document = docx.Document(str(path))
    rows = document.tables[0].rows
    cell = rows[20].cells[TRANSLATION]
    cell._tc.replace(cell.paragraphs[0]._p, parse_xml(tracked_cell_xml()))
    document.add_comment(rows[30].cells[SOURCE].paragraphs[0].runs, "Сөз тәртібі?", author="Aigul")
    document.save(str(path))
    saved = libreoffice_resave(path, tmp_path)
    assert saved.read_bytes() != path.read_bytes()  # really rewritten by LibreOffice

    document = read_review(saved)  # fingerprints (custom properties) and table survived
    assert len(document.rows) == len(document.identity.rows) == len(before)
    assert [row.source for row in document.rows] == [entry.msgid for entry in before]
    with zipfile.ZipFile(saved) as package:
        assert b"<Application>LibreOffice" in package.read("docProps/app.xml")

    assert run(essay_project, "import", str(saved)) == 0
    after = entries(essay_project, "kk")
    assert after[7].msgstr == new_text
    assert "Разноимпорт — дұрыс па?" in after[13].tcomment
    assert after[19].msgstr == "Это было в 1989\u00a0г., при СССР."  # tracked changes kept
    assert after[29].tcomment.endswith("Aigul: Сөз тәртібі?")  # the Word comment kept
    changed = [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if str(a) != str(b)]
    assert changed == [7, 13, 19, 29]
    saved_po = po_path(essay_project, "kk").read_bytes()
    assert run(essay_project, "import", str(saved)) == 0
    assert po_path(essay_project, "kk").read_bytes() == saved_po
