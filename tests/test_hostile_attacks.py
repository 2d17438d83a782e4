"""The second round of attacks: data loss, leaks, writes outside the project, crashes.

Each case is run as an attacker would, through the real CLI on a real project: the
command must refuse with one ``workflow: error: path:line: ...`` line (exit 2), or succeed
without losing anything, and no file outside the project may change.
"""

from __future__ import annotations

import csv
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import polib
import pytest

from tests.conftest import PYPROJECT, SAMPLE_SOURCE, start_workflow
from tests.export_samples import TRANSLATIONS, write_catalog
from tests.export_samples import make_project as make_export_project
from tests.test_hostile_inputs import project_files
from workflow.catalog import require_translations_kept
from workflow.cli import main
from workflow.errors import InputError
from workflow.fsio import LOCK_NAME, TEMP_MARKER
from workflow.po import load_po, render_po
from workflow.po.writer import format_catalog

SECRET = "root:x:0:0:SECRET-TOKEN-4242:/root:/bin/bash\n"


@pytest.fixture
def project(make_project, capsys) -> Path:
    """A sample project after ``update``, with every Russian entry translated."""
    root = make_project()
    (root / "glossary").mkdir()
    shutil.copy(Path(__file__).parent / "data" / "glossary" / "terms.yaml", root / "glossary")
    assert main(["--project", str(root), "update"]) == 0
    ru = root / "locales" / "ru" / "7.po"
    po = load_po(ru)
    for number, entry in enumerate(po, start=1):
        entry.msgstr = f"Перевод {number}: металл"
    ru.write_text(format_catalog(po), encoding="utf-8")
    capsys.readouterr()
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the project, holding something secret."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def refused(root: Path, argv: list[str], capsys, location: str, phrase: str) -> str:
    """Run *argv*; expect exit 2, one error line starting with *location*; nothing changed."""
    before = project_files(root)
    capsys.readouterr()
    code = main(["--project", str(root), *argv])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith(f"workflow: error: {location}"), err
    assert phrase in err and err.count("\n") == 1 and "Traceback" not in err, err
    assert project_files(root) == before
    return err


# --- 1. the lock --------------------------------------------------------------------------


@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symlink", "hardlink"])
def test_lock_never_writes_through_a_planted_link(project, outside, capsys, link) -> None:
    (project / LOCK_NAME).unlink()
    link(outside, project / LOCK_NAME)
    err = refused(project, ["update"], capsys, f"{project / LOCK_NAME}: ", "project lock")
    assert outside.read_text(encoding="utf-8") == SECRET
    assert "SECRET" not in err


# --- 2. a UTF-8 catalog that declares another charset -------------------------------------


def _charset_line(text: str, charset: str) -> int:
    """The line of the header's ``charset=`` (where the reader reports a charset problem)."""
    return next(n for n, row in enumerate(text.splitlines(), 1) if f"charset={charset}" in row)


@pytest.mark.parametrize("charset", ["KOI8-R", "ISO-8859-1", "CP1251"])
def test_utf8_catalog_declaring_another_charset_is_refused(project, capsys, charset) -> None:
    ru = project / "locales" / "ru" / "7.po"
    text = ru.read_text(encoding="utf-8").replace("charset=UTF-8", f"charset={charset}")
    ru.write_bytes(text.encode("utf-8"))
    line = _charset_line(text, charset)
    for command in (["update"], ["status"], ["check"]):
        refused(project, command, capsys, f"{ru}:{line}: ", "but the file is UTF-8")


def test_genuine_koi8r_catalog_is_still_accepted() -> None:
    path = Path(__file__).parent / "data" / "po" / "accepted" / "koi8r.po"
    assert path.read_bytes().decode("koi8-r").count("charset=KOI8-R") == 1
    assert any(re.search("[а-я]", entry.msgstr) for entry in load_po(path))


def test_a_merge_that_lost_a_translation_is_never_written(tmp_path) -> None:
    old = polib.POFile()
    old.append(polib.POEntry(msgid="Сохранить", msgstr="Save", linenum=12))
    new = polib.POFile()
    new.append(polib.POEntry(msgid="Сохранить", msgstr=""))
    with pytest.raises(InputError, match="would drop the translation") as caught:
        require_translations_kept(old, new, tmp_path / "ru.po")
    assert caught.value.line == 12


# --- 3. the temp-file sweep -----------------------------------------------------------------


def test_sweep_removes_only_the_tools_own_temp_files(project, tmp_path) -> None:
    foreign = [
        project / "locales" / ".notes.v2.draft.tmp",
        project / "locales" / "ru" / ".backup.7.po.tmp",
        project / "exports" / ".a.b.c.tmp",
    ]
    for path in foreign:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("mine", encoding="utf-8")
    ours = project / "locales" / "ru" / f".7.po{TEMP_MARKER}abcd_123.tmp"
    ours.write_text("half-written", encoding="utf-8")
    assert main(["--project", str(project), "update"]) == 0
    assert all(path.read_text(encoding="utf-8") == "mine" for path in foreign)
    assert not ours.exists()


# --- 4. sources that would make invalid catalogs --------------------------------------------

FRONT = "---\ntitle: 題\nseries: 叢書\nnumber: 7\ndate: 2025-12-01\n---\n\n"
BAD_SOURCES = {
    "heading_alone": (FRONT + "本文です。\n\n#\n\n次の文です。\n", 10, "empty heading"),
    "empty_title": (FRONT.replace("title: 題", 'title: " "') + "本文。\n", 2, "'title' is empty"),
    "control_in_body": (FRONT + "本文\x01です。\n", 8, "U+0001"),
    "control_in_front_matter": (FRONT.replace("題", '"題\\x01"') + "本文。\n", 2, "U+0001"),
    "surrogate_in_front_matter": (FRONT.replace("叢書", '"\\ud800"') + "本文。\n", 3, "U+D800"),
}


@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_source_that_would_break_the_catalogs_is_refused(project, capsys, name) -> None:
    text, line, phrase = BAD_SOURCES[name]
    source = project / "sources" / "ja" / "7.md"
    source.write_text(text, encoding="utf-8")
    for command in (["update"], ["export", "--draft"]):
        refused(project, command, capsys, f"{source}:{line}: ", phrase)


def test_no_catalog_the_reader_refuses_is_ever_rendered(tmp_path) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="", msgstr="second header"))
    with pytest.raises(InputError, match="would be invalid: second header entry"):
        render_po(po, tmp_path / "x.po")
    po[0].msgid = "a\x01b"
    with pytest.raises(InputError, match="U\\+0001"):
        render_po(po, tmp_path / "x.po")


# --- 5. inputs that leak ---------------------------------------------------------------------


def test_symlinked_catalog_leading_outside_is_refused_unread(project, outside, capsys) -> None:
    ru = project / "locales" / "ru" / "7.po"
    ru.unlink()
    ru.symlink_to(outside)
    for command in (["update"], ["status"], ["check"], ["export", "--lang", "ru", "--draft"]):
        err = refused(project, command, capsys, f"{ru}: ", "outside the project")
        assert "SECRET" not in err and "root:x" not in err


def test_symlinked_source_folder_leading_outside_is_refused(project, outside, capsys) -> None:
    (outside.parent / "7.md").write_text(SAMPLE_SOURCE, encoding="utf-8")
    shutil.rmtree(project / "sources" / "ja")
    (project / "sources" / "ja").symlink_to(outside.parent)
    refused(project, ["update"], capsys, f"{project / 'sources' / 'ja' / '7.md'}: ", "outside")


def test_a_link_inside_the_project_is_fine(project, capsys) -> None:
    glossary = project / "glossary" / "terms.yaml"
    shutil.move(glossary, project / "terms.yaml")
    glossary.symlink_to(project / "terms.yaml")
    capsys.readouterr()
    assert main(["--project", str(project), "glossary", "validate"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{glossary}: ") and out.endswith(" terms, valid\n") and err == ""


@pytest.mark.slow  # a real process, which would hang on reading the FIFO
@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_fifo_folder_or_device_input_is_refused_before_reading(project, capsys, kind) -> None:
    glossary = project / "glossary" / "terms.yaml"
    glossary.unlink()
    if kind == "fifo":
        os.mkfifo(glossary)
    elif kind == "folder":
        glossary.mkdir()
    else:
        os.mknod(glossary, 0o600 | 0o020000, os.makedev(1, 5))  # a /dev/zero of our own
    child = start_workflow(project, "glossary", "validate")
    _, err = child.communicate(timeout=30)  # reading a FIFO or /dev/zero would never end
    assert child.returncode == 2, err
    assert err.decode().startswith(f"workflow: error: {glossary}: "), err
    assert b"not a regular file" in err


def test_errors_never_quote_file_content(project, capsys) -> None:
    ru = project / "locales" / "ru" / "7.po"
    ru.write_text(SECRET * 3, encoding="utf-8")
    err = refused(project, ["status"], capsys, f"{ru}:1: ", "unexpected text")
    assert "SECRET" not in err and "root:x" not in err


# --- 6. settings and outputs outside the project ----------------------------------------------


@pytest.mark.parametrize(
    ("setting", "phrase"),
    [
        ('locales-dir = "/tmp"', "is absolute"),
        ('exports-dir = "../exports"', "leaves the project folder"),
        ('glossary = "~/terms.yaml"', "is absolute"),
        ('sources-dir = "linked"', "leads outside the project folder"),
        ('review-dir = "linked"', "leads outside the project folder"),
        ('[tool.workflow.mt]\npackages-dir = "/var/tmp/packages"', "is absolute"),
        (
            '[tool.workflow.mt.engines]\nkk = { engine = "nllb", model = "../m" }',
            "leaves the project folder",
        ),
    ],
)
def test_path_settings_leading_outside_are_refused(project, outside, capsys, setting, phrase):
    (project / "linked").symlink_to(outside.parent)
    pyproject = project / "pyproject.toml"
    text = PYPROJECT + setting + "\n"
    pyproject.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    refused(project, ["status"], capsys, f"{pyproject}:{line}: ", phrase)
    assert sorted(os.listdir(outside.parent)) == ["secret.txt"]


@pytest.mark.parametrize(
    "target", ["locales/ru/7.po", "locales/7.pot", "sources/ja/7.md", "pyproject.toml"]
)
def test_an_output_option_never_overwrites_a_project_input(project, capsys, target) -> None:
    output = project / target
    refused(project, ["check", "-o", str(output)], capsys, f"{output}: ", "project input")
    refused(
        project, ["glossary", "export", "-o", str(output)], capsys, f"{output}: ", "project input"
    )


# --- 7. spreadsheet formulas in CSV -----------------------------------------------------------


def test_csv_export_neutralises_formulas(project) -> None:
    glossary = project / "glossary" / "terms.yaml"
    text = glossary.read_text(encoding="utf-8").replace(
        "note: Soviet", 'note: "=HYPERLINK(\\"http://evil.example\\", \\"x\\")" # Soviet', 1
    )
    text = text.replace("en: Raznoimport", 'en: "@SUM(1+1)"', 1)
    glossary.write_text(text, encoding="utf-8")
    out = project / "terms.csv"
    assert (
        main(["--project", str(project), "glossary", "export", "--format", "csv", "-o", str(out)])
        == 0
    )
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil.example", "x")' in cells and "'@SUM(1+1)" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]


# --- 8. crashes ---------------------------------------------------------------------------------


def test_overlong_title_and_author_export_to_docx(tmp_path) -> None:
    project = make_export_project(tmp_path / "project")
    texts = list(TRANSLATIONS["en"])
    texts[0] = "A title that goes on " * 20
    texts[-1] = "An author with a very long name " * 10
    write_catalog(project, "en", texts)
    assert main(["--project", str(project.root), "export", "--lang", "en"]) == 0
    core = docx.Document(str(project.root / "exports" / "en" / "118.docx")).core_properties
    assert len(core.title) == 255 and core.title.endswith("…")
    assert core.title.startswith("A title that goes on")


@pytest.mark.parametrize("charset", ["base64", "rot13", "unicode_escape", "utf-16", "hex"])
def test_exotic_charsets_are_refused_at_the_header(project, capsys, charset) -> None:
    ru = project / "locales" / "ru" / "7.po"
    text = ru.read_text(encoding="utf-8").replace("charset=UTF-8", f"charset={charset}")
    ru.write_text(text, encoding="utf-8")
    line = _charset_line(text, charset)
    refused(project, ["status"], capsys, f"{ru}:{line}: ", "not one gettext accepts")


def test_model_archive_with_a_bad_crc_is_refused(project, tmp_path, capsys) -> None:
    from tests import modelfactory

    archive = modelfactory.build_argos_package(tmp_path / "build", "ja", "en", seed=1)
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(next(n for n in zf.namelist() if n.endswith("model/model.bin")))
    data = bytearray(archive.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    pyproject = project / "pyproject.toml"
    pyproject.write_text(PYPROJECT + '[tool.workflow.mt]\npackages-dir = "packages"\n')
    refused(project, ["models", "install", str(archive)], capsys, f"{archive}: ", "corrupt")
    assert os.listdir(project / "packages") == []


def test_model_package_with_a_path_as_language_code_is_refused(project, tmp_path, capsys):
    from tests import modelfactory

    archive = modelfactory.build_argos_package(tmp_path / "build", "ja", "en", seed=1)
    evil = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(evil, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("metadata.json"):
                data = data.replace(b'"ja"', b'"../../ja"')
            target.writestr(info, data)
    refused(project, ["models", "install", str(evil)], capsys, f"{evil}: ", "language code")


# --- 9. hyphenation cost --------------------------------------------------------------------


@pytest.mark.slow  # typesets a pathological paragraph: a minute on two busy cores
def test_a_20000_character_token_exports_in_seconds(tmp_path) -> None:
    project = make_export_project(tmp_path / "project")
    texts = list(TRANSLATIONS["ru"])
    texts[4] = "Слово " + "металлургия" * 1_800 + " конец."
    write_catalog(project, "ru", texts)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    argv = ["--project", str(project.root), "export", "--lang", "ru", "--format", "pdf", "--draft"]
    run = subprocess.run(
        [sys.executable, "-m", "workflow", *argv], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr
    cpu_seconds = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
    assert cpu_seconds < 60, cpu_seconds  # CPU time, not wall time: the machine may be busy
    assert (project.root / "exports" / "ru" / "118.pdf").stat().st_size > 0


# --- 10. Shift_JIS with a 0x5C trail byte -----------------------------------------------------


def test_shift_jis_catalog_with_backslash_trail_bytes_is_read_losslessly(project, capsys):
    ru = project / "locales" / "ru" / "7.po"
    po = load_po(ru)
    po[0].msgstr = "表ソ能\\予"  # 0x95 0x5C, 0x83 0x5C, 0x94 0x5C in Shift_JIS, and a backslash
    text = format_catalog(po).replace("charset=UTF-8", "charset=Shift_JIS")
    data = text.encode("shift_jis")
    assert b"\x95\\" in data
    ru.write_bytes(data)
    assert load_po(ru)[0].msgstr == "表ソ能\\予"
    assert main(["--project", str(project), "update"]) == 0, capsys.readouterr().err
    assert load_po(ru)[0].msgstr == "表ソ能\\予"


# --- 11. what msgmerge keeps ------------------------------------------------------------------


def test_update_keeps_a_repeated_header_field_and_obsolete_flags(project) -> None:
    ru = project / "locales" / "ru" / "7.po"
    text = ru.read_text(encoding="utf-8").replace(
        '"Language: ru\\n"', '"Language: ru\\n"\n"X-Note: first\\n"\n"X-Note: second\\n"'
    )
    text += '\n#, fuzzy, c-format, no-wrap\n#~ msgid "gone %d"\n#~ msgstr "ушло %d"\n'
    ru.write_text(text, encoding="utf-8")
    assert main(["--project", str(project), "update"]) == 0
    after = ru.read_text(encoding="utf-8")
    assert '"X-Note: first\\n"\n"X-Note: second\\n"' in after
    assert '#, fuzzy, c-format, no-wrap\n#~ msgid "gone %d"' in after


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_rewritten_catalog_keeps_owner_group_and_mode(project) -> None:
    ru = project / "locales" / "ru" / "7.po"
    os.chown(ru, 4321, 8765)
    ru.chmod(0o640)
    (project / "sources" / "ja" / "7.md").write_text(SAMPLE_SOURCE + "\n新しい文。\n")
    assert main(["--project", str(project), "update"]) == 0
    info = ru.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (4321, 8765, 0o640)
    assert "新しい文。" in ru.read_text(encoding="utf-8")


def test_staging_folder_of_a_killed_install_is_swept(project, tmp_path, capsys) -> None:
    from tests import modelfactory

    archive = modelfactory.build_argos_package(tmp_path / "build", "ja", "en", seed=1)
    (project / "pyproject.toml").write_text(PYPROJECT + '[tool.workflow.mt]\npackages-dir = "p"\n')
    stale = project / "p" / ".workflow-install-k1lled_0"
    (stale / "translate-ja_en-1_9").mkdir(parents=True)
    foreign = project / "p" / ".install-someone-else"
    foreign.mkdir()
    assert main(["--project", str(project), "models", "install", str(archive)]) == 0
    assert sorted(os.listdir(project / "p")) == [".install-someone-else", "translate-ja_en-1_9"]


# --- 12. messages ------------------------------------------------------------------------------


def test_source_language_among_targets_names_the_settings_line(project, capsys) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(PYPROJECT.replace('["en", "ru", "kk"]', '["ja", "en"]'))
    line = PYPROJECT.splitlines().index('languages = ["en", "ru", "kk"]') + 1
    refused(project, ["status"], capsys, f"{pyproject}:{line}: ", "is the source language")


def test_models_install_of_a_folder_says_so(project, capsys) -> None:
    folder = project / "sources"
    refused(project, ["models", "install", str(folder)], capsys, f"{folder}: ", "is a folder")


def test_output_onto_a_device_is_refused_by_name(project, capsys) -> None:
    report = project / "exports" / "report.txt"
    report.parent.mkdir()
    report.symlink_to("/dev/full")
    code = main(["--project", str(project), "check", "-o", str(report)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(f"workflow: error: {report}: "), err


@pytest.fixture
def tiny_filesystem(project: Path) -> Iterator[Path]:
    """``project/p``: a 64 KiB tmpfs (root only), so a write runs out of space for real."""
    folder = project / "p"
    folder.mkdir()
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)])
    if mount.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_no_space_left_names_the_path(project, tiny_filesystem, tmp_path, capsys) -> None:
    from tests import modelfactory

    archive = modelfactory.build_argos_package(tmp_path / "build", "ja", "en", seed=1)
    assert archive.stat().st_size > 64 * 1024
    (project / "pyproject.toml").write_text(PYPROJECT + '[tool.workflow.mt]\npackages-dir = "p"\n')
    code = main(["--project", str(project), "models", "install", str(archive)])
    err = capsys.readouterr().err
    assert code == 2 and "No space left on device" in err, err
    assert err.startswith(f"workflow: error: {tiny_filesystem}"), err
    assert os.listdir(tiny_filesystem) == []
