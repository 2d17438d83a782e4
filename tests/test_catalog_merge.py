"""``workflow update`` merges like GNU ``msgmerge --previous``: compared on real edits."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import examples
from workflow.cli import main
from workflow.similarity import lcs_length, similarity

FRONT = "---\ntitle: 題\nseries: 叢書\nnumber: 1\ndate: 2025-01-01\n---\n\n"

BASE = [
    ["私は1989年にモスクワを訪れた。", "資料は揃っているが実態が見えない。", "埋蔵量は莫大だ。"],
    ["この転換期に、私は中央アジアへと向かう。", "ここは一大集積地である。"],
    ["そして歴史は再び動く。", "これは派手な同盟宣言ではない。"],
]


def render(paragraphs: list[list[str]]) -> str:
    return FRONT + "\n\n".join("".join(p) for p in paragraphs) + "\n"


def translate_all(po_path: Path, *, fuzzy_every: int = 0, empty_every: int = 0) -> None:
    """Give every entry a translation; some fuzzy, some left empty.

    The last sentence gets a translator-made plural entry, and the header a fuzzy flag, so
    the merge is compared on those too.
    """
    po = polib.pofile(str(po_path))
    for number, entry in enumerate(po, start=1):
        if empty_every and number % empty_every == 0:
            continue
        entry.msgstr = f"T{number}: {entry.msgid}"
        if number % 2:
            entry.tcomment = f"workflow: ignore G001\nnote {number}"
        if fuzzy_every and number % fuzzy_every == 0:
            entry.flags.append("fuzzy")
    last = po[-1]
    last.msgid_plural, last.msgstr = last.msgid + "（複数）", ""
    last.msgstr_plural = {0: f"P0: {last.msgid}", 1: f"P1: {last.msgid}"}
    po.metadata_is_fuzzy = True
    po.save()


def semantic(po: polib.POFile) -> list[tuple[object, ...]]:
    entries = [
        (
            e.obsolete,
            e.msgctxt,
            e.msgid,
            e.msgid_plural,
            e.msgstr,
            tuple(sorted(e.msgstr_plural.items())),
            tuple(e.flags),
            e.tcomment,
            e.comment,
            e.previous_msgctxt,
            e.previous_msgid,
            e.previous_msgid_plural,
            tuple(e.occurrences),
        )
        for e in po
    ]
    return [("header", po.header, po.metadata_is_fuzzy, sorted(po.metadata.items())), *entries]


def update_and_compare(root: Path, new_paragraphs: list[list[str]]) -> polib.POFile:
    """Change the source, run our update and msgmerge on the same inputs; compare."""
    old_po = root / "old.po"
    shutil.copy(root / "locales" / "en" / "1.po", old_po)
    (root / "sources" / "ja" / "1.md").write_text(render(new_paragraphs), encoding="utf-8")
    assert main(["--project", str(root), "update", "--lang", "en"]) == 0
    ours = polib.pofile(str(root / "locales" / "en" / "1.po"))
    reference = subprocess.run(
        [
            "msgmerge",
            "--quiet",
            "--previous",
            "-o",
            "-",
            str(old_po),
            str(root / "locales" / "1.pot"),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert semantic(ours) == semantic(polib.pofile(reference))
    return ours


@pytest.fixture
def translated(make_project) -> Path:
    root = make_project({"1": render(BASE)})
    assert main(["--project", str(root), "update", "--lang", "en"]) == 0
    translate_all(root / "locales" / "en" / "1.po", fuzzy_every=4, empty_every=5)
    return root


def test_insert_sentence(translated: Path) -> None:
    edited = [[*BASE[0][:1], "新しい文が入る。", *BASE[0][1:]], *BASE[1:]]
    update_and_compare(translated, edited)


def test_delete_sentence_becomes_obsolete(translated: Path) -> None:
    ours = update_and_compare(translated, [BASE[0][1:], *BASE[1:]])
    obsolete = [e for e in ours if e.obsolete]
    assert [e.msgid for e in obsolete] == [BASE[0][0]]
    assert obsolete[0].msgstr.endswith(BASE[0][0])


def test_edited_sentence_keeps_translation_as_fuzzy_with_previous(translated: Path) -> None:
    edited = [["私は1990年にモスクワを訪れた。", *BASE[0][1:]], *BASE[1:]]
    ours = update_and_compare(translated, edited)
    entry = ours.find("私は1990年にモスクワを訪れた。")
    assert entry.fuzzy and entry.previous_msgid == BASE[0][0]
    assert entry.msgstr.endswith(BASE[0][0])


def test_reorder_sentences_and_paragraphs(translated: Path) -> None:
    update_and_compare(translated, [BASE[2], BASE[0][::-1], BASE[1]])


def test_duplicate_sentence_is_one_entry_with_two_references(translated: Path) -> None:
    ours = update_and_compare(translated, [*BASE, [BASE[1][0]]])
    entry = ours.find(BASE[1][0])
    assert len(entry.occurrences) == 2


def test_removed_then_restored_sentence_is_revived(translated: Path) -> None:
    update_and_compare(translated, BASE[1:])
    ours = update_and_compare(translated, BASE)
    assert not any(e.obsolete for e in ours)
    assert ours.find(BASE[0][0]).msgstr.endswith(BASE[0][0])


def test_rewritten_sentence_without_similar_one_is_untranslated(translated: Path) -> None:
    edited = [["全く別の内容に書き換えた。", *BASE[0][1:]], *BASE[1:]]
    ours = update_and_compare(translated, edited)
    assert ours.find("全く別の内容に書き換えた。").msgstr == ""


SENTENCES = [s for paragraph in BASE for s in paragraph] + [
    "私は1993年にモスクワを訪れた。",
    "資料は揃っていないが実態は見える。",
    "全く新しい文。",
]


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), min_size=1, max_size=4)
)
def test_random_edits_match_msgmerge(make_project, paragraphs: list[list[str]]) -> None:
    root = make_project({"1": render(BASE)})
    try:
        assert main(["--project", str(root), "update", "--lang", "en"]) == 0
        translate_all(root / "locales" / "en" / "1.po", fuzzy_every=3, empty_every=4)
        update_and_compare(root, paragraphs)
    finally:
        shutil.rmtree(root)


@given(st.binary(max_size=40), st.binary(max_size=40))
def test_lcs_matches_dynamic_programming(first: bytes, second: bytes) -> None:
    table = [[0] * (len(second) + 1) for _ in range(len(first) + 1)]
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if a == b else max(table[i][j + 1], table[i + 1][j])
            )
    assert lcs_length(first, second) == table[-1][-1]


def test_similarity_threshold_matches_gettext() -> None:
    assert similarity(b"ABCDEFGHIJ", b"ABCDEFXXXX") == 0.6
    assert similarity(b"ABCDEFGHIJ", b"ABCDEXXXXX") == 0.5


def test_header_fields_follow_msgmerge(make_project) -> None:
    """POT and PO disagree on Project-Id-Version and Report-Msgid-Bugs-To: GNU msgmerge keeps
    the PO's Project-Id-Version and takes Report-Msgid-Bugs-To (and POT-Creation-Date) from
    the POT; so does ``update``."""
    root = make_project({"1": render(BASE)})
    assert main(["--project", str(root), "update", "--lang", "en"]) == 0
    po_path = root / "locales" / "en" / "1.po"
    po = polib.pofile(str(po_path))
    po.metadata["Project-Id-Version"] = "essays 1 (translators' edition)"
    po.metadata["Report-Msgid-Bugs-To"] = "old-bugs@example.org"
    po.save()
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8").replace('"sample"', '"renamed"')
    pyproject.write_text(text + 'bug-reports = "bugs@example.org"\n', encoding="utf-8")
    ours = update_and_compare(root, [*BASE, ["新しい段落。"]])
    pot = root / "locales" / "1.pot"
    reference = polib.pofile(
        subprocess.run(
            ["msgmerge", "--quiet", "--previous", "-o", "-", str(root / "old.po"), str(pot)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    fields = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date")
    assert {key: ours.metadata[key] for key in fields} == {
        key: reference.metadata[key] for key in fields
    }
    assert ours.metadata["Project-Id-Version"] == "essays 1 (translators' edition)"
    assert ours.metadata["Report-Msgid-Bugs-To"] == "bugs@example.org"
