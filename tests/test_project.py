"""Finding the project, its paths, its documents and its languages, message by message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PYPROJECT, SAMPLE_SOURCE
from workflow.errors import ConfigError, InputError
from workflow.project import Project


def test_open_needs_the_folder_holding_pyproject(make_project) -> None:
    root = make_project()
    assert Project.open(root).root == root.resolve()
    with pytest.raises(ConfigError) as caught:
        Project.open(root / "sources")
    assert str(caught.value) == (
        f"{root / 'sources'}: no pyproject.toml here "
        "(pass the project folder, the one holding pyproject.toml)"
    )


def test_discover_walks_up_past_pyprojects_without_the_table(make_project) -> None:
    root = make_project()
    inner = root / "sources" / "ja"
    (inner / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")
    assert Project.discover(inner).root == root.resolve()
    assert Project.discover(root).config.project_id == "sample"


def test_discover_without_a_project_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        Project.discover(tmp_path)
    assert str(caught.value) == (
        f"no pyproject.toml with a [tool.workflow] table in {tmp_path.resolve()} or above "
        "(run inside a workflow project or pass --project DIR)"
    )


def test_paths_follow_the_settings(make_project) -> None:
    root = make_project(
        pyproject=PYPROJECT + 'locales-dir = "po"\nexports-dir = "out"\nglossary = "g.yaml"\n'
    ).resolve()
    project = Project.discover(root)
    assert project.languages == ("en", "ru", "kk")
    assert project.source_dir == root / "sources" / "ja"
    assert project.locales_dir == root / "po"
    assert project.glossary_path == root / "g.yaml"
    assert project.pot_path("7") == root / "po" / "7.pot"
    assert project.po_path("kk", "7") == root / "po" / "kk" / "7.po"
    assert project.exports_dir == root / "out"
    assert project.export_path("ru", "7", "pdf") == root / "out" / "ru" / "7.pdf"


def test_documents_are_sorted_or_taken_in_the_order_asked(make_project) -> None:
    root = make_project({"b": SAMPLE_SOURCE, "a": SAMPLE_SOURCE, "c": SAMPLE_SOURCE}).resolve()
    project = Project.discover(root)
    assert [p.stem for p in project.source_paths()] == ["a", "b", "c"]
    assert [p.stem for p in project.source_paths(["c", "a"])] == ["c", "a"]
    assert [d.doc_id for d in project.documents(["b"])] == ["b"]
    with pytest.raises(InputError) as caught:
        project.source_paths(["a", "z"])
    assert str(caught.value) == (
        f"{root / 'sources' / 'ja'}: unknown document 'z' (known documents: a, b, c)"
    )


def test_unknown_document_in_an_empty_project(make_project) -> None:
    root = make_project().resolve()
    (root / "sources" / "ja" / "7.md").unlink()
    with pytest.raises(InputError, match=r"unknown document '7' \(known documents: none\)"):
        Project.discover(root).source_paths(["7"])


def test_require_language(make_project) -> None:
    root = make_project().resolve()
    project = Project.discover(root)
    assert project.require_language("ru") == "ru"
    assert project.require_language("ja") == "ja"
    with pytest.raises(ConfigError) as caught:
        project.require_language("ja", source_allowed=False)
    assert str(caught.value) == (
        "'ja' is the source language; this command works on translations (choose from en, ru, kk)"
    )
    with pytest.raises(ConfigError) as caught:
        project.require_language("de")
    assert str(caught.value) == (
        f"{root / 'pyproject.toml'}: unknown language 'de' (project languages: en, ru, kk)"
    )


def test_documents_follow_the_source_language_and_segmentation(make_project) -> None:
    root = make_project(pyproject=PYPROJECT + 'segmentation = "paragraph"\n')
    (document,) = Project.discover(root).documents()
    assert document.language == "ja"
    body = [s.text for s in document.segments()][-2:]
    assert body == [
        "私は1989年にモスクワを訪れた。ラズノインポルトの統計はあるが現場がない――。"
        "それはペレストロイカ(改革)のお陰である。",
        "カザフスタンの「周期表の交差点」は、ウスチ・カメノゴルスクである。",
    ]


@pytest.mark.parametrize(
    ("extra", "line", "phrase", "hint"),
    [
        ('languages = ["en"]\n', 10, "Cannot overwrite a value", "remove one of them"),
        ("[tool.workflow]\n", 10, "Cannot declare ('tool', 'workflow') twice", "remove one"),
        ("segmentation = \n", 10, "Invalid value", "fix the syntax"),
    ],
)
def test_settings_name_the_line_of_a_duplicate_or_a_syntax_error(
    make_project, extra: str, line: int, phrase: str, hint: str
) -> None:
    root = make_project(pyproject=PYPROJECT + extra)
    with pytest.raises(ConfigError) as caught:
        Project.open(root)
    error = caught.value
    assert (error.path, error.line) == (root / "pyproject.toml", line)
    assert error.message.startswith(f"not valid TOML: {phrase}") and hint in error.hint
