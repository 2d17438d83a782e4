"""Exports rendered in worker processes are the bytes a serial run writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.series_corpus import generate_series
from workflow.cli import main
from workflow.export import pipeline
from workflow.export.pipeline import export_project
from workflow.project import Project


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_series(tmp_path_factory.mktemp("series") / "p", documents=2, jobs=1)


def _outputs(root: Path) -> dict[str, bytes]:
    exports = root / "exports"
    return {
        path.relative_to(exports).as_posix(): path.read_bytes()
        for path in sorted(exports.rglob("*"))
        if path.is_file() and ".stamps" not in path.parts
    }


@pytest.mark.slow  # races worker processes over a whole series
def test_parallel_and_serial_exports_are_byte_identical(series: Path, tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    shutil.copytree(series, serial)
    shutil.copytree(series, parallel)
    langs, formats = ["ja", "ru"], ["pdf", "docx"]
    first = export_project(Project.open(serial), langs, formats, jobs=1)
    second = export_project(Project.open(parallel), langs, formats, jobs=2)
    assert [(r.lang, r.doc_id, r.fmt, r.status) for r in first] == [
        (r.lang, r.doc_id, r.fmt, r.status) for r in second
    ]
    assert {r.status for r in first} == {"written"}
    outputs = _outputs(serial)
    assert len(outputs) == 2 * len(langs) * len(formats)
    assert outputs == _outputs(parallel)


def test_up_to_date_check_hashes_shared_inputs_once(series: Path, monkeypatch) -> None:
    """Stamps of unchanged outputs are checked without re-hashing fonts and code each time."""
    project = Project.open(series)
    export_project(project, ["ja"], ["docx"], jobs=1)
    calls: list[str] = []
    fingerprint = pipeline.fonts.FontFile.fingerprint

    def counted(self: pipeline.fonts.FontFile) -> str:
        calls.append(self.family)
        return fingerprint(self)

    monkeypatch.setattr(pipeline.fonts.FontFile, "fingerprint", counted)
    results = export_project(project, ["ja"], ["docx"], jobs=2)
    assert [r.status for r in results] == ["unchanged", "unchanged"]
    assert calls and len(calls) == len(set(calls))  # once per font family per run, not per output


def test_jobs_option_is_validated(series: Path, capsys) -> None:
    assert main(["--project", str(series), "export", "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err
