"""``merge`` against GNU ``msgmerge --previous`` on everything a PO entry carries.

Translator comments (and so ``# workflow: ignore`` waivers), msgctxt, every flag, previous
msgids, obsolete entries and the header are compared, byte for byte, on hand-made catalogs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from workflow.catalog import merge
from workflow.po import format_po, load_po
from workflow.similarity import similarity

OLD_PO = """\
# Russian translation of night 7.
# Translator One <one@example.org>, 2025.
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: sample 7\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: 2025-01-01 00:00+0000\\n"
"PO-Revision-Date: 2025-02-03 04:05+0600\\n"
"Last-Translator: Translator One <one@example.org>\\n"
"Language-Team: Russian <ru@example.org>\\n"
"Language: ru\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
"(n%100<10 || n%100>=20) ? 1 : 2);\\n"
"X-Generator: Poedit 3.4\\n"

# workflow: ignore G001
# checked with the editor
#. paragraph 1, sentence 1
#: sources/ja/7.md:9
#, no-wrap
msgid "KEEP sentence one"
msgstr "Reviewed one"

# workflow: ignore Q101, Q103
#: sources/ja/7.md:10
#, fuzzy, python-format
#| msgid "OLDER wording"
msgid "FUZZY sentence two"
msgstr "Draft two"

#. title
msgctxt "title"
msgid "Same words"
msgstr "Title words"

msgctxt "body"
msgid "Same words"
msgstr "Body words"

# translator note on an edited sentence
msgid "ABCDEFGHIJ"
msgstr "Edited at exactly 0.6"

msgid "KLMNOPQRST"
msgstr "Edited just below 0.6"

# goes obsolete with its comment
#, c-format
msgid "REMOVED sentence"
msgstr "Removed translation"

#~ msgid "COMES back"
#~ msgstr "Revived translation"
"""

POT = """\
# Catalog template.
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: sample 7\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: 2026-02-17 00:00+0000\\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"
"Language-Team: LANGUAGE <LL@li.org>\\n"
"Language: \\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

#. paragraph 1, sentence 1
#: sources/ja/7.md:9
msgid "KEEP sentence one"
msgstr ""

#: sources/ja/7.md:11
msgid "FUZZY sentence two"
msgstr ""

msgctxt "title"
msgid "Same words"
msgstr ""

msgctxt "body"
msgid "Same words"
msgstr ""

msgid "ABCDEFXXXX"
msgstr ""

msgid "KLMNOXXXXX"
msgstr ""

msgid "COMES back"
msgstr ""

#, c-format
msgid "NEW with a format flag %d"
msgstr ""
"""


def msgmerge(old: Path, pot: Path) -> str:
    return subprocess.run(
        ["msgmerge", "--quiet", "--previous", "-o", "-", str(old), str(pot)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def catalogs(tmp_path: Path) -> tuple[Path, Path]:
    old, pot = tmp_path / "old.po", tmp_path / "new.pot"
    old.write_text(OLD_PO, encoding="utf-8")
    pot.write_text(POT, encoding="utf-8")
    return old, pot


def test_the_edited_pair_sits_exactly_on_gettexts_threshold() -> None:
    assert similarity(b"ABCDEFXXXX", b"ABCDEFGHIJ") == 0.6
    assert similarity(b"KLMNOXXXXX", b"KLMNOPQRST") == 0.5


def test_merge_is_byte_identical_to_msgmerge(catalogs: tuple[Path, Path]) -> None:
    old, pot = catalogs
    ours = format_po(merge(load_po(pot), load_po(old)))
    assert ours == msgmerge(old, pot)


def test_merge_keeps_what_translators_wrote(catalogs: tuple[Path, Path]) -> None:
    """The same promises, spelled out, so a failure names the one that broke."""
    old, pot = catalogs
    merged = merge(load_po(pot), load_po(old))
    keep = merged.find("KEEP sentence one")
    assert keep.tcomment == "workflow: ignore G001\nchecked with the editor"
    assert keep.flags == [] and keep.msgstr == "Reviewed one"  # flags come from the POT
    fuzzy = merged.find("FUZZY sentence two")
    assert fuzzy.tcomment == "workflow: ignore Q101, Q103"
    assert fuzzy.flags == ["fuzzy"]
    assert fuzzy.previous_msgid == "OLDER wording"
    assert fuzzy.occurrences == [("sources/ja/7.md", "11")]
    assert merged.find("Same words", msgctxt="title").msgstr == "Title words"
    assert merged.find("Same words", msgctxt="body").msgstr == "Body words"
    at_threshold = merged.find("ABCDEFXXXX")
    assert at_threshold.msgstr == "Edited at exactly 0.6" and at_threshold.fuzzy
    assert at_threshold.previous_msgid == "ABCDEFGHIJ"
    assert at_threshold.tcomment == "translator note on an edited sentence"
    assert merged.find("KLMNOXXXXX").msgstr == ""
    assert merged.find("COMES back").msgstr == "Revived translation"
    assert merged.find("NEW with a format flag %d").flags == ["c-format"]
    removed = merged.find("REMOVED sentence", include_obsolete_entries=True)
    assert removed.obsolete and removed.tcomment == "goes obsolete with its comment"
    below = merged.find("KLMNOPQRST", include_obsolete_entries=True)
    assert below.obsolete and below.msgstr == "Edited just below 0.6"
    assert (
        merged.header == "Russian translation of night 7.\nTranslator One <one@example.org>, 2025."
    )
    assert merged.metadata_is_fuzzy
    assert merged.metadata["POT-Creation-Date"] == "2026-02-17 00:00+0000"
    assert merged.metadata["PO-Revision-Date"] == "2025-02-03 04:05+0600"
    assert merged.metadata["Last-Translator"] == "Translator One <one@example.org>"
    assert merged.metadata["X-Generator"] == "Poedit 3.4"


OBSOLETE = """\
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

# comment
#, c-format
#~ msgid "REMOVED %d"
#~ msgstr "Removed translation %d"

#, fuzzy, no-wrap
#~ msgid "{long}"
#~ msgstr "{long}"
""".format(long="word " * 30)


def test_obsolete_entries_keep_their_flags_and_no_wrap_like_msgcat(tmp_path: Path) -> None:
    path = tmp_path / "obsolete.po"
    path.write_text(OBSOLETE, encoding="utf-8")
    gnu = subprocess.run(["msgcat", str(path)], check=True, capture_output=True, text=True)
    assert format_po(load_po(path)) == gnu.stdout
    assert "#, fuzzy, no-wrap\n" in gnu.stdout and "#, c-format\n" in gnu.stdout


#: What leaves a catalog, and ties: an obsolete entry keeps its msgctxt, a draft its previous
#: msgctxt/msgid/msgid_plural and flags, a plural entry every form; a singular template
#: takes a plural entry's first form (fuzzy); of two equally similar entries the first wins;
#: a kept draft keeps its previous msgctxt, a similar entry gives its msgctxt as previous,
#: "fuzzy" goes before the template's flags, and a template's own "fuzzy" is dropped.
LEAVING_PO = """\
msgid ""
msgstr ""
"POT-Creation-Date: 2026-01-01 00:00+0000\\n"
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
"(n%100<10 || n%100>=20) ? 1 : 2);\\n"

# context goes obsolete
msgctxt "caption"
msgid "GONE with its context"
msgstr "Ушло с контекстом"

# draft goes obsolete with its previous msgid
#, fuzzy, no-wrap
#| msgctxt "older"
#| msgid "OLDER gone draft"
msgctxt "caption"
msgid "GONE draft"
msgstr "Черновик"

#, fuzzy
#| msgid "OLD one file"
#| msgid_plural "OLD %d files"
msgid "GONE %d file"
msgid_plural "GONE %d files"
msgstr[0] "%d файл"
msgstr[1] "%d файла"
msgstr[2] "%d файлов"

msgid "PLURAL %d word"
msgid_plural "PLURAL %d words"
msgstr[0] "%d слово"
msgstr[1] "%d слова"
msgstr[2] "%d слов"

# reviewed, goes obsolete: no previous kept
#, c-format
msgid "GONE reviewed %d"
msgstr "Проверено %d"

msgid "UNTRANSLATED gone"
msgstr ""

#, fuzzy
#| msgid "EARLIER"
msgid "DRAFT sentence here"
msgstr "Черновик предложения"

msgid "ABCDEFGHIJ"
msgstr "First of two equally similar"

msgid "ABCDEFYYYY"
msgstr "Second of two equally similar"

#, fuzzy
#| msgctxt "older"
#| msgid "DRAFT kept older"
msgctxt "caption"
msgid "DRAFT kept"
msgstr "Черновик остался"

msgctxt "caption"
msgid "SIMILAR caption test"
msgstr "Подпись"

#, c-format
msgid "SIMILAR %d with formal"
msgstr "Похожее %d"

msgid "REVIEWED under a fuzzy template %d"
msgstr "Проверено %d"
"""

LEAVING_POT = """\
msgid ""
msgstr ""
"POT-Creation-Date: 2026-03-01 00:00+0000\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "PLURAL %d word"
msgstr ""

msgid "DRAFT sentence HERE"
msgstr ""

msgid "ABCDEFXXXX"
msgstr ""

msgctxt "caption"
msgid "DRAFT kept"
msgstr ""

msgctxt "caption"
msgid "SIMILAR caption text"
msgstr ""

#, c-format
msgid "SIMILAR %d with format"
msgstr ""

#, fuzzy
msgid "FUZZY template without a match"
msgstr ""

#, fuzzy, c-format
msgid "REVIEWED under a fuzzy template %d"
msgstr ""
"""


def test_leaving_entries_and_ties_match_msgmerge(tmp_path: Path) -> None:
    old, pot = tmp_path / "old.po", tmp_path / "new.pot"
    old.write_text(LEAVING_PO, encoding="utf-8")
    pot.write_text(LEAVING_POT, encoding="utf-8")
    gnu = msgmerge(old, pot)
    assert format_po(merge(load_po(pot), load_po(old))) == gnu
    assert '#~| msgctxt "older"\n#~| msgid "OLDER gone draft"\n#~ msgctxt "caption"\n' in gnu
    assert '#~| msgid_plural "OLD %d files"\n' in gnu and '#~ msgstr[2] "%d файлов"\n' in gnu
    assert '#| msgid "ABCDEFGHIJ"\nmsgid "ABCDEFXXXX"\nmsgstr "First of two' in gnu
    assert '#, fuzzy\n#| msgctxt "older"\n#| msgid "DRAFT kept older"\n' in gnu
    assert '#| msgctxt "caption"\n#| msgid "SIMILAR caption test"\n' in gnu
    assert '#, fuzzy, c-format\n#| msgid "SIMILAR %d with formal"\n' in gnu
    assert '\n\nmsgid "FUZZY template without a match"\n' in gnu
    assert '\n\n#, c-format\nmsgid "REVIEWED under a fuzzy template %d"\n' in gnu


HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def both_merges(tmp_path: Path, old_text: str, pot_entries: str) -> tuple[str, str]:
    """Our merge and msgmerge's of *old_text* with a POT of *pot_entries*."""
    old, pot = tmp_path / "old.po", tmp_path / "new.pot"
    old.write_text(old_text, encoding="utf-8")
    pot.write_text(HEADER + pot_entries, encoding="utf-8")
    return format_po(merge(load_po(pot), load_po(old))), msgmerge(old, pot)


STALE_PREVIOUS_PO = (
    HEADER
    + """\
#| msgid "STALE kept"
msgid "KEPT reviewed"
msgstr "Kept"

#| msgid "STALE gone"
msgid "GONE reviewed"
msgstr "Gone"
"""
)


def test_a_reviewed_entry_going_obsolete_keeps_its_previous_msgid(tmp_path: Path) -> None:
    ours, gnu = both_merges(tmp_path, STALE_PREVIOUS_PO, 'msgid "KEPT reviewed"\nmsgstr ""\n')
    assert '#~| msgid "STALE gone"\n' in gnu and "STALE kept" not in gnu
    assert ours == gnu


def test_an_entry_with_a_context_and_an_empty_msgid_is_kept_like_msgmerge(tmp_path: Path) -> None:
    old = HEADER + 'msgctxt "caption"\nmsgid ""\nmsgstr "Подпись"\n'
    ours, gnu = both_merges(tmp_path, old, 'msgid "NEW"\nmsgstr ""\n')
    assert '#~ msgctxt "caption"\n#~ msgid ""\n#~ msgstr "Подпись"\n' in gnu
    assert ours == gnu
