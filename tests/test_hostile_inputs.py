"""Hostile and broken input through the real CLI: one clear line, exit 2, nothing touched.

Each broken file is put in place of a project file; every command that reads it must
fail with ``workflow: error: path:line: reason (hint)`` on stderr, leave every project
file byte for byte as it was and leave no temporary file.  Odd but valid catalogs go
through ``update`` with every entry kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PYPROJECT, SAMPLE_SOURCE, snapshot
from tests.test_pofile_load import BROKEN
from workflow.cache import CACHE_DIR
from workflow.cli import main
from workflow.fsio import LOCK_NAME, TEMP_SUFFIX
from workflow.po import load_po

DATA = Path(__file__).parent / "data"
HOSTILE = DATA / "hostile"
GLOSSARY = DATA / "glossary" / "terms.yaml"

#: glossary file -> (line, phrase of the message)
BAD_GLOSSARIES = {
    "glossary_list_for_string.yaml": (5, "invalid 'en': Input should be a valid string"),
    "glossary_mapping_for_list.yaml": (4, "invalid 'ja': Input should be a valid list"),
    "glossary_number_id.yaml": (2, "invalid 'id'"),
    "glossary_bad_bool.yaml": (8, "invalid 'keep'"),
    "glossary_duplicate_id.yaml": (8, "duplicate term id 'moscow' (lines 2 and 8)"),
    "glossary_python_tag.yaml": (2, "python/object/apply:os.system"),
    "glossary_python_tag_in_field.yaml": (5, "python/object/apply:os.system"),
    "glossary_billion_laughs.yaml": (1, "unknown top-level key 'lol0'"),
    "glossary_billion_laughs_in_term.yaml": (16, "invalid 'ja.0'"),
    "glossary_impossible_date.yaml": (8, "month must be in 1..12"),
}

#: TBX files given to ``glossary validate --tbx``: all rejected at their DOCTYPE (line 2)
BAD_TBX = sorted(path.name for path in HOSTILE.glob("tbx_*.tbx"))

#: source file -> (line, phrase of the message)
BAD_SOURCES = {
    "source_no_opening_fence.md": (1, "missing front matter"),
    "source_unclosed.md": (1, "front matter is not closed"),
    "source_bad_yaml.md": (3, "front matter: invalid YAML: expected ',' or ']'"),
    "source_number_not_int.md": (4, "front matter field 'number'"),
    "source_bad_date.md": (5, "front matter: invalid date (month must be in 1..12)"),
    "source_unknown_field.md": (6, "front matter field 'colour': unknown field"),
    "source_list_title.md": (2, "front matter field 'title'"),
    "source_not_mapping.md": (2, "front matter must be a mapping"),
    "source_python_tag.md": (2, "python/object/apply:os.system"),
    "source_billion_laughs.md": (12, "front matter field 'title'"),
    "source_invalid_utf8.md": (8, "invalid UTF-8 (byte 0xff)"),
}

PO_COMMANDS = (["update"], ["check"], ["status"], ["export", "--lang", "ru", "--draft"])
GLOSSARY_COMMANDS = (["glossary", "validate"], ["check"], ["status"])
SOURCE_COMMANDS = (["update"], ["status"], ["export", "--draft"])


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project after one ``update``, with the test glossary; copied for every case."""
    root = tmp_path_factory.mktemp("pristine") / "project"
    (root / "sources" / "ja").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "sources" / "ja" / "7.md").write_text(SAMPLE_SOURCE, encoding="utf-8")
    shutil.copy(GLOSSARY, root / "glossary" / "terms.yaml")
    assert main(["--project", str(root), "update"]) == 0
    return root


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(pristine, root)
    return root


def project_files(root: Path) -> dict[str, bytes]:
    """Every file but the lock, whose content names the last run by design."""
    return {name: data for name, data in snapshot(root).items() if name != LOCK_NAME}


def temp_files(root: Path) -> list[Path]:
    return [
        path
        for path in root.rglob("*")
        if path.is_file()
        and (path.name.endswith(TEMP_SUFFIX) or path.name.startswith("."))
        and path.name != LOCK_NAME
        and CACHE_DIR not in path.parts  # the tool's own cache folder ignores itself in git
    ]


def assert_rejected(
    root: Path, argv: list[str], path: Path, line: int, phrase: str, capsys
) -> None:
    """Run *argv*; expect exit 2, one ``path:line: reason (hint)`` line, nothing changed."""
    before = project_files(root)
    capsys.readouterr()
    code = main(["--project", str(root), *argv])
    out, err = capsys.readouterr()
    assert code == 2, (argv, out, err)
    assert err.count("\n") == 1 and err.endswith(")\n"), err
    assert err.startswith(f"workflow: error: {path}:{line}: "), err
    assert phrase in err and " (" in err and "Traceback" not in err, err
    assert project_files(root) == before
    assert temp_files(root) == []


@pytest.mark.parametrize("command", PO_COMMANDS, ids=lambda argv: argv[0])
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_catalog_is_rejected_by_every_command(project, capsys, name, command) -> None:
    target = project / "locales" / "ru" / "7.po"
    shutil.copy(DATA / "po" / "broken" / name, target)
    line, phrase = BROKEN[name]
    assert_rejected(project, command, target, line, phrase, capsys)


@pytest.mark.parametrize("command", GLOSSARY_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", sorted(BAD_GLOSSARIES))
def test_bad_glossary_is_rejected(project, capsys, name, command) -> None:
    target = project / "glossary" / "terms.yaml"
    shutil.copy(HOSTILE / name, target)
    line, phrase = BAD_GLOSSARIES[name]
    assert_rejected(project, command, target, line, phrase, capsys)
    assert not list(project.rglob("pwned*")) and not Path("pwned-by-glossary").exists()


@pytest.mark.parametrize("name", BAD_TBX)
def test_tbx_with_doctype_or_entities_is_rejected(project, capsys, name) -> None:
    target = project / name
    shutil.copy(HOSTILE / name, target)
    argv = ["glossary", "validate", "--tbx", str(target)]
    assert_rejected(project, argv, target, 2, "DOCTYPE or entities, which are not allowed", capsys)


@pytest.mark.parametrize("command", SOURCE_COMMANDS, ids=lambda argv: argv[0])
@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_broken_source_is_rejected(project, capsys, name, command) -> None:
    target = project / "sources" / "ja" / "7.md"
    shutil.copy(HOSTILE / name, target)
    line, phrase = BAD_SOURCES[name]
    assert_rejected(project, command, target, line, phrase, capsys)
    assert not list(project.rglob("pwned*")) and not Path("pwned-by-source").exists()


def test_every_hostile_file_has_an_expectation() -> None:
    expected = {*BAD_GLOSSARIES, *BAD_TBX, *BAD_SOURCES}
    assert sorted(path.name for path in HOSTILE.iterdir()) == sorted(expected)


# --- accepted and preserved ------------------------------------------------------------


def entry_fields(path: Path) -> dict[tuple[str | None, str, str], dict[str, object]]:
    """The entries of a catalog keyed by (msgctxt, msgid, msgid_plural), with what must last."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): {
            "msgstr": entry.msgstr,
            "msgstr_plural": dict(entry.msgstr_plural),
            "flags": sorted(entry.flags),
            "previous": (
                entry.previous_msgctxt,
                entry.previous_msgid,
                entry.previous_msgid_plural,
            ),
            "tcomment": entry.tcomment,
            "obsolete": entry.obsolete,
        }
        for entry in [*load_po(path), *load_po(path).obsolete_entries()]
    }


def source_with(msgids: list[str]) -> str:
    """A source whose paragraphs are *msgids*, so update finds them again."""
    front = "---\ntitle: 題\nseries: 叢書\nnumber: 7\ndate: 2025-12-01\n---\n\n"
    return front + "\n\n".join(msgids) + "\n"


@pytest.mark.parametrize(
    "name", sorted(path.name for path in (DATA / "po" / "accepted").glob("*.po"))
)
def test_update_keeps_every_entry_of_an_odd_but_valid_catalog(
    make_project, capsys, name: str
) -> None:
    original = DATA / "po" / "accepted" / name
    before = entry_fields(original)
    sentences = [
        msgid
        for (ctxt, msgid, plural), fields in before.items()
        if ctxt is None
        and not plural
        and not fields["obsolete"]
        and "\n" not in msgid
        and msgid.strip() == msgid
        and msgid
    ]
    root = make_project({"7": source_with(sentences)})
    target = root / "locales" / "ru" / "7.po"
    target.parent.mkdir(parents=True)
    shutil.copy(original, target)
    assert main(["--project", str(root), "update", "--lang", "ru"]) == 0, capsys.readouterr().err
    extracted = {key[1] for key in entry_fields(root / "locales" / "7.pot")}
    after = entry_fields(target)
    assert before.keys() <= after.keys()
    for key, fields in before.items():  # gone from the source: kept as obsolete, as msgmerge does
        in_source = key[0] is None and not key[2] and key[1] in extracted
        assert after[key] == {**fields, "obsolete": not in_source}, key
    for key in after.keys() - before.keys():  # the front matter's new, untranslated entries
        assert after[key]["msgstr"] == "" and not after[key]["obsolete"], key
    assert temp_files(root) == []
