"""load_po: broken input is rejected at the right path:line, odd but valid input is kept."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import examples
from workflow.errors import InputError
from workflow.po import format_po, load_po

DATA = Path(__file__).parent / "data" / "po"

# file name -> (line, phrase of the message)
BROKEN = {
    "unterminated_string.po": (13, "unterminated string"),
    "eof_in_string.po": (12, "unterminated string"),
    "eof_in_entry.po": (15, "msgid has no msgstr"),
    "msgid_without_msgstr.po": (11, "msgid has no msgstr"),
    "comment_inside_entry.po": (11, "msgid has no msgstr"),
    "garbage_line.po": (13, "unexpected text"),
    "text_after_string.po": (11, "unexpected text after a string"),
    "stray_string.po": (1, "string without a keyword"),
    "invalid_escape.po": (14, "invalid escape sequence \\q"),
    "high_octal_escape.po": (12, "encodes a byte"),
    "invalid_utf8.po": (12, "invalid UTF-8"),
    "invalid_ascii.po": (12, "not valid ascii"),
    "unknown_charset.po": (7, "unknown charset"),
    "nul_raw.po": (12, "U+0000"),
    "nul_escape.po": (12, "U+0000"),
    "control_char.po": (13, "U+0007"),
    "control_escape.po": (12, "U+0008"),
    "noncharacter.po": (12, "U+FFFF"),
    "noncharacter_fffe.po": (12, "U+FFFE"),
    "duplicate_msgid.po": (18, "duplicate message, first defined at line 11"),
    "duplicate_obsolete.po": (17, "duplicate obsolete message, first defined at line 14"),
    "duplicate_header.po": (11, "second header entry"),
    "active_and_obsolete.po": (14, "both active and obsolete (other copy at line 11)"),
    "plural_count.po": (11, "2 plural forms, the header says nplurals=3"),
    "plural_order.po": (14, "msgstr[2] out of order"),
    "missing_header.po": (1, "no header entry"),
    "bad_header_line.po": (4, "is not 'Name: value'"),
    "header_without_content_type.po": (3, "no Content-Type"),
    "empty.po": (1, "empty file"),
    "mixed_obsolete.po": (12, "mixes obsolete"),
    "msgstr_without_msgid.po": (13, "msgstr without a msgid"),
    "msgctxt_without_msgid.po": (11, "msgctxt without a msgid"),
    "trailing_comment.po": (14, "belong to no entry"),
    "previous_without_msgid.po": (6, "without #| msgid"),
    "comment_backslash.po": (6, "comment ends with a backslash"),
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_broken_file_has_an_expectation() -> None:
    assert sorted(p.name for p in (DATA / "broken").glob("*.po")) == sorted(BROKEN)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_is_rejected_at_its_line(name: str) -> None:
    path = DATA / "broken" / name
    before = _digest(path)
    line, phrase = BROKEN[name]
    with pytest.raises(InputError) as caught:
        load_po(path)
    error = caught.value
    assert (error.path, error.line) == (path, line)
    assert phrase in error.message
    text = str(error)
    assert text.startswith(f"{path}:{line}: ")
    assert "\n" not in text and error.hint
    assert _digest(path) == before


def test_unreadable_path_is_an_input_error(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.po", tmp_path):
        with pytest.raises(InputError, match="cannot read PO file") as caught:
            load_po(path)
        assert caught.value.path == path


def test_cli_reports_a_broken_catalog_in_one_line(make_project, capsys) -> None:
    from workflow.cli import main

    root = make_project()
    broken = root / "locales" / "ru" / "7.po"
    broken.parent.mkdir(parents=True)
    shutil.copy(DATA / "broken" / "unterminated_string.po", broken)
    assert main(["--project", str(root), "status", "--lang", "ru"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "7.po:13: unterminated string" in err


def _entries(po: polib.POFile) -> list[tuple]:
    return [
        (
            e.msgctxt,
            e.msgid,
            e.msgid_plural,
            e.msgstr,
            sorted(e.msgstr_plural.items()),
            e.flags,
            e.tcomment,
            e.comment,
            e.occurrences,
            e.previous_msgctxt,
            e.previous_msgid,
            e.previous_msgid_plural,
            e.obsolete,
        )
        for e in po
    ]


@pytest.mark.parametrize("path", sorted((DATA / "accepted").glob("*.po")), ids=lambda p: p.name)
def test_accepted_file_round_trips(path: Path, tmp_path: Path) -> None:
    before = _digest(path)
    po = load_po(path)
    assert _digest(path) == before
    copy = tmp_path / path.name
    copy.write_text(format_po(po), encoding="utf-8")
    again = load_po(copy)
    assert _entries(again) == _entries(po)
    assert again.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert format_po(again) == format_po(po)


def _load(name: str) -> polib.POFile:
    return load_po(DATA / "accepted" / name)


def test_bom_crlf_and_mixed_newlines_are_read() -> None:
    assert _load("bom.po")[0].msgstr == "бом"
    crlf = _load("crlf.po")[0]
    assert (crlf.msgid, crlf.msgstr, crlf.linenum) == ("改行", "перевод строки", 12)
    assert [e.msgstr for e in _load("mixed_newlines.po")] == ["один", "два"]


def test_declared_charsets_are_decoded() -> None:
    assert _load("koi8r.po")[0].msgstr == "Привет, мир"
    assert _load("iso8859_5.po")[0].msgstr == "Мир"
    assert "charset=UTF-8" in format_po(_load("koi8r.po"))


def test_raw_tab_long_lines_and_unspaced_cjk() -> None:
    assert _load("raw_tab.po")[0].msgstr == "с\tтабуляцией"
    long = _load("long_lines.po")[0]
    assert len(long.msgid) == 3000 + 5 * 500 and long.msgstr == "д" * 6000
    cjk = _load("cjk_unspaced.po")[0]
    assert cjk.msgid.startswith("中央アジア") and cjk.occurrences == [("sources/ja/118.md", "10")]


def test_contexts_fuzzy_previous_and_obsolete() -> None:
    assert [(e.msgctxt, e.msgid) for e in _load("contexts.po")] == [
        ("paragraph 1", "同じ文。"),
        ("paragraph 2", "同じ文。"),
        (None, "同じ文。"),
    ]
    first, second, third = _load("fuzzy_previous.po")
    assert first.fuzzy and first.previous_msgid == "古い文。" and first.linenum == 13
    assert second.fuzzy and second.previous_msgid is None
    assert (third.previous_msgctxt, third.previous_msgid) == ("old", "長い前の文")
    active, old, removed = _load("obsolete_previous.po")
    assert not active.obsolete
    assert old.obsolete and old.fuzzy and old.previous_msgid == "前の古い文"
    assert old.tcomment == "translator note"
    assert removed.obsolete and removed.msgstr == "Удалённое предложение"


def test_plural_and_escapes() -> None:
    plural = _load("plural_ru.po")[0]
    assert plural.msgstr_plural == {0: "%d файл", 1: "%d файла", 2: "%d файлов"}
    joined, escapes = _load("strings_on_one_line.po")
    assert (joined.msgid, joined.msgstr) == ("ab", "вг")
    assert escapes.msgid == "ascii A A AA escapes"


def test_header_fields_and_comment() -> None:
    po = _load("plural_ru.po")
    assert po.header == "Test catalog."
    assert po.metadata["Language"] == "ru"
    assert next(iter(po.metadata)) == "Project-Id-Version"


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    b'msgid ""\n',
                    b'msgstr ""\n',
                    b'"Content-Type: text/plain; charset=UTF-8\\n"\n',
                    b'"Plural-Forms: nplurals=2; plural=n != 1;\\n"\n',
                    b'msgid "a"\n',
                    b'msgstr "b"\n',
                    b'msgid_plural "p"\n',
                    b'msgstr[0] "x"\n',
                    b'msgstr[1] "y"\n',
                    b'msgctxt "c"\n',
                    b'#~ msgid "o"\n',
                    b'#~ msgstr "p"\n',
                    b'#| msgid "q"\n',
                    b"#, fuzzy\n",
                    b"# t\n",
                    b"#: f.md:1\n",
                    b"\n",
                    b'"\\\n',
                    b'"x\\q"\n',
                    b"\xff\n",
                    b'"\xe3\x81\x82"\n',
                    b"\r\n",
                    b"\x00",
                    b'"charset=KOI8-R\\n"\n',
                    b'"charset=nope\\n"\n',
                ]
            ),
            max_size=30,
        ).map(b"".join),
    )
)
def test_load_po_never_fails_with_anything_but_input_error(data: bytes, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.po"
    path.write_bytes(data)
    try:
        po = load_po(path)
    except InputError as error:
        assert error.path == path and error.line is not None and "\n" not in str(error)
        return
    text = format_po(po)
    path.write_text(text, encoding="utf-8")
    assert format_po(load_po(path)) == text


def test_a_charset_mentioned_in_a_comment_does_not_decide_the_decoding(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    text = (
        "# Converted from charset=UTF-8 by hand.\n"
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CP1251\\n"\n\n'
        'msgid "Moscow"\nmsgstr "Москва"\n'
    )
    path.write_bytes(text.encode("cp1251"))
    assert [entry.msgstr for entry in load_po(path)] == ["Москва"]
