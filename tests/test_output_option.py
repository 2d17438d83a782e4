"""An output option (``check --output``, ``glossary export --output``) never overwrites a
project input: the settings, the glossary, a source or a catalog, also through a link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, snapshot
from workflow.cli import main

INPUTS = (
    "pyproject.toml",
    "glossary/terms.yaml",
    "locales/ru/7.po",
    "locales/7.pot",
    "sources/ja/7.md",
    "locales/ru/notes.txt",  # not a catalog yet, but inside the catalogs' folder
    "sources/new.md",
)
COMMANDS = {
    "check": ["check", "--format", "json", "--output"],
    "glossary export": ["glossary", "export", "--format", "tbx", "--lang", "ru", "--output"],
}


@pytest.fixture
def project(make_project) -> Path:
    root = make_project()
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert main(["--project", str(root), "update"]) == 0
    return root


def inputs(root: Path) -> dict[str, bytes]:
    """Every file of the project but the cache that ``check`` fills."""
    return {name: data for name, data in snapshot(root).items() if ".workflow-cache" not in name}


def refusal(path: Path) -> str:
    return (
        f"workflow: error: {path}: is a project input; an output option never overwrites one "
        "(write the output to another file, e.g. under exports/)\n"
    )


@pytest.mark.parametrize("command", COMMANDS, ids=str)
@pytest.mark.parametrize("target", INPUTS)
def test_an_output_option_never_overwrites_a_project_input(
    project: Path, capsys: pytest.CaptureFixture[str], command: str, target: str
) -> None:
    before = inputs(project)
    capsys.readouterr()
    output = project / target
    assert main(["--project", str(project), *COMMANDS[command], str(output)]) == 2
    assert capsys.readouterr().err == refusal(output)
    assert inputs(project) == before


@pytest.mark.parametrize("target", ["pyproject.toml", "glossary/terms.yaml"])
def test_a_link_to_a_project_input_is_refused_too(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    link = tmp_path / "report.json"
    link.symlink_to(project / target)
    before = inputs(project)
    capsys.readouterr()
    assert main(["--project", str(project), *COMMANDS["check"], str(link)]) == 2
    assert capsys.readouterr().err == refusal(link)
    assert inputs(project) == before and link.is_symlink()


@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_an_output_elsewhere_is_written(
    project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    output = project / "exports" / "report"
    output.parent.mkdir()
    assert main(["--project", str(project), *COMMANDS[command], str(output)]) == 0
    data = output.read_text(encoding="utf-8")
    if command == "check":
        assert {item["code"] for item in json.loads(data)["diagnostics"]} == {"Q201"}
    else:
        assert data.startswith("<?xml") and "<martif" in data and "Москва" in data
    assert capsys.readouterr().out == ""
