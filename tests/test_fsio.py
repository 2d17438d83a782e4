"""Atomic writes keep permissions, refuse to overwrite concurrent edits, report write errors."""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest

import workflow.catalog
from tests.conftest import snapshot
from workflow.cli import main
from workflow.errors import InputError, WorkflowError
from workflow.fsio import atomic_write_bytes, file_digest


def test_replacing_a_file_keeps_its_permissions_and_new_files_follow_the_umask(
    tmp_path: Path,
) -> None:
    old = tmp_path / "old.po"
    old.write_bytes(b"old")
    old.chmod(0o640)
    assert atomic_write_bytes(old, b"new")
    assert old.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0o022)
    try:
        assert atomic_write_bytes(tmp_path / "new.po", b"data")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.po").stat().st_mode & 0o777 == 0o644


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "118.po"
    path.write_bytes(b"as loaded")
    digest = file_digest(path, "PO file")
    path.write_bytes(b"saved by a translator meanwhile")
    with pytest.raises(InputError, match="changed on disk while this command ran"):
        atomic_write_bytes(path, b"merged", expected_digest=digest)
    assert path.read_bytes() == b"saved by a translator meanwhile"
    assert [p.name for p in tmp_path.iterdir()] == ["118.po"]


def test_update_leaves_a_catalog_edited_during_the_run(make_project, monkeypatch, capsys) -> None:
    root = make_project()
    assert main(["--project", str(root), "update"]) == 0
    po_path = root / "locales" / "ru" / "7.po"
    real_merge = workflow.catalog.merge

    def merge_while_a_translator_saves(pot: polib.POFile, old: polib.POFile) -> polib.POFile:
        if old.metadata.get("Language") == "ru":
            edited = polib.pofile(str(po_path))
            edited.find("私は1989年にモスクワを訪れた。").msgstr = "Я посетил Москву в 1989 году."
            edited.save()
        return real_merge(pot, old)

    monkeypatch.setattr(workflow.catalog, "merge", merge_while_a_translator_saves)
    source = root / "sources" / "ja" / "7.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n新しい段落。\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(root), "update"]) == 2
    assert "locales/ru/7.po: changed on disk while this command ran" in capsys.readouterr().err
    saved = polib.pofile(str(po_path)).find("私は1989年にモスクワを訪れた。")
    assert saved.msgstr == "Я посетил Москву в 1989 году."


def test_write_error_is_one_line_naming_the_file(make_project, capsys) -> None:
    root = make_project()
    (root / "locales").write_text("a file where a folder should be", encoding="utf-8")
    (root / ".workflow-lock").touch()
    before = snapshot(root)
    assert main(["--project", str(root), "update"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"workflow: error: {root / 'locales'}") and err.count("\n") == 1
    assert "(check that its folder exists" in err or "Not a directory" in err
    del before[".workflow-lock"]
    assert {k: v for k, v in snapshot(root).items() if k != ".workflow-lock"} == before


def test_project_option_must_name_the_project_folder(make_project, capsys) -> None:
    root = make_project()
    assert main(["--project", str(root / "sources"), "status"]) == 2
    assert "no pyproject.toml here" in capsys.readouterr().err
    written_under_a_file = r"toml/x: cannot write file: (Not a directory|File exists)"
    with pytest.raises(WorkflowError, match=written_under_a_file):
        atomic_write_bytes(root / "pyproject.toml" / "x", b"")
