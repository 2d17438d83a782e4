"""One definition of an entry's state: a whitespace-only msgstr is untranslated everywhere
(status, check, export, build, pretranslate, translation memory)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import polib
import pytest

from tests.test_build import EN, GLOSSARY
from workflow.cli import main
from workflow.po import entry_state, has_translation, is_live, load_po, translation_state
from workflow.project import Project
from workflow.tm import reviewed_units

BLANKS = [" ", "\t", "\n", "\u3000", "\u00a0", " \n\u3000"]
TITLE = "中央アジアの資源"
MOSCOW = "私は1989年にモスクワを訪れた。"


@pytest.mark.parametrize("blank", BLANKS)
def test_whitespace_only_msgstr_is_untranslated(blank: str) -> None:
    entry = polib.POEntry(msgid="源", msgstr=blank)
    assert entry_state(entry) == "untranslated"
    assert not has_translation(entry)
    entry.flags.append("fuzzy")
    assert entry_state(entry) == "untranslated"


def test_states_of_ordinary_entries() -> None:
    assert entry_state(polib.POEntry(msgid="源", msgstr="")) == "untranslated"
    assert entry_state(polib.POEntry(msgid="源", msgstr=" Source ")) == "reviewed"
    assert entry_state(polib.POEntry(msgid="源", msgstr="S", flags=["fuzzy"])) == "fuzzy"
    obsolete = polib.POEntry(msgid="源", msgstr="Source", obsolete=True)
    assert entry_state(obsolete) == "obsolete"
    assert translation_state(obsolete) == "reviewed"


def test_plural_entry_with_a_blank_form_is_untranslated() -> None:
    entry = polib.POEntry(msgid="a", msgid_plural="as", msgstr_plural={0: "x", 1: " "})
    assert entry_state(entry) == "untranslated"
    entry.msgstr_plural[1] = "xs"
    assert entry_state(entry) == "reviewed"


@pytest.fixture
def blank_project(make_project) -> Path:
    """English fully reviewed except the title, whose msgstr is one space (not fuzzy)."""
    root = make_project()
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert main(["--project", str(root), "update"]) == 0
    blank_entry(root, TITLE, " ")
    return root


def blank_entry(root: Path, msgid: str, blank: str) -> Path:
    path = root / "locales" / "en" / "7.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = blank if entry.msgid == msgid else EN[entry.msgid]
    po.save()
    return path


def cli(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


@pytest.mark.parametrize("blank", BLANKS)
def test_status_counts_whitespace_only_as_untranslated(blank_project, blank, capsys) -> None:
    blank_entry(blank_project, TITLE, blank)
    assert cli(blank_project, "status", "--json", "--lang", "en") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["reviewed"], row["untranslated"], row["total"]) == (6, 1, 7)
    assert row["percent_reviewed"] < 100


def test_check_lists_whitespace_only_as_q201(blank_project, capsys) -> None:
    path = blank_entry(blank_project, TITLE, "\u3000")
    line = next(entry.linenum for entry in load_po(path) if entry.msgid == TITLE)
    assert cli(blank_project, "check", "--lang", "en", "--format", "json") == 0
    findings = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(item["code"], item["line"]) for item in findings] == [("Q201", line)]


def test_export_refuses_whitespace_only_and_draft_shows_the_source(blank_project, capsys) -> None:
    assert cli(blank_project, "export", "--lang", "en", "--format", "docx") == 1
    assert "untranslated" in capsys.readouterr().err
    output = blank_project / "exports" / "en" / "7.docx"
    assert not output.exists()
    assert cli(blank_project, "export", "--lang", "en", "--format", "docx", "--draft") == 0
    paragraphs = [p.text for p in docx.Document(str(output)).paragraphs]
    assert TITLE in paragraphs  # the original stands in, marked, instead of a blank title
    assert docx.Document(str(output)).core_properties.title == TITLE


def test_build_makes_whitespace_only_a_draft(blank_project, capsys) -> None:
    assert cli(blank_project, "build", "--format", "docx", "--lang", "en") == 0
    out = capsys.readouterr().out
    assert "export       en/7 (draft): docx written" in out
    assert "en/7  draft: 6 of 7 segments reviewed (1 untranslated)" in out
    assert cli(blank_project, "build", "--final", "--format", "docx", "--lang", "en") == 1


def test_pretranslate_fills_whitespace_only_from_memory(blank_project, capsys) -> None:
    (blank_project / "sources" / "ja" / "8.md").write_text(
        "---\ntitle: 中央アジアの資源\nseries: レアメタル千夜一夜\nnumber: 8\n"
        "date: 2025-12-02\n---\n\n本文。\n",
        encoding="utf-8",
    )
    assert cli(blank_project, "update") == 0
    other = blank_project / "locales" / "en" / "8.po"
    po = polib.pofile(str(other))
    for entry in po:
        entry.msgstr = "Resources of Central Asia" if entry.msgid == TITLE else "Text."
    po.save()
    path = blank_project / "locales" / "en" / "7.po"
    reviewed_before = {e.msgid: e.msgstr for e in load_po(path) if e.msgid != TITLE and e.msgid}
    assert cli(blank_project, "pretranslate", "--lang", "en", "--engine", "none") == 0
    after = {entry.msgid: entry for entry in load_po(path) if entry.msgid}
    title = after.pop(TITLE)
    assert title.msgstr == "Resources of Central Asia"
    assert title.fuzzy and "tm: 100% locales/en/8.po" in title.tcomment
    assert {msgid: entry.msgstr for msgid, entry in after.items()} == reviewed_before


def test_memory_ignores_whitespace_only_translations(blank_project) -> None:
    po = load_po(blank_project / "locales" / "en" / "7.po")
    sources = [unit.source for unit in reviewed_units(po, "locales/en/7.po")]
    assert TITLE not in sources and MOSCOW in sources


def test_project_status_api_agrees(blank_project) -> None:
    from workflow.status import project_status

    (row,) = project_status(Project.open(blank_project), langs=["en"])
    assert (row.reviewed, row.untranslated) == (6, 1)


def test_an_entry_with_a_context_and_an_empty_msgid_is_a_message() -> None:
    """Only an empty msgid without context is the header; with a context it is checked,
    counted and merged like any message."""
    assert is_live(polib.POEntry(msgctxt="caption", msgid="", msgstr="Подпись"))
    assert not is_live(polib.POEntry(msgid="", msgstr="Content-Type: text/plain\n"))
    assert not is_live(polib.POEntry(msgctxt="caption", msgid="", obsolete=True))
