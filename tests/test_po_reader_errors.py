"""The strict PO reader, refusal by refusal, and against GNU gettext and polib.

A translator who breaks a catalog gets one message naming the file, the exact line, what
is wrong and what to do: each case below is a small real file and its whole message.  A
catalog GNU gettext accepts is read as ``msgcat`` and polib read it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from workflow.errors import InputError
from workflow.fsio import file_digest
from workflow.po import format_po, load_po, render_po, save_po
from workflow.po.reader import RepeatedKey

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'  # lines 1-4
SYNTAX = "(compare with the PO format: comments, msgctxt, msgid, msgstr, quoted strings)"
MIXED = (
    "entry mixes obsolete (#~) and active lines (prefix every line of an obsolete entry with #~)"
)
NOT_UTF8 = "(re-encode the file as UTF-8, or declare its real charset in the header)"
HEADER_COMMENTS = "the header entry has #. #: or #| lines (keep only # comments on the header)"
#: An entry above the header whose text holds a charset= (lines 1-8; the body from line 9).
MISLEADING = ('msgctxt "menu"\nmsgid ""\nmsgstr "charset=KOI8-R"\n\n' + HEADER).encode()
GNU = shutil.which("msgcat") is not None
needs_gnu = pytest.mark.skipif(not GNU, reason="GNU gettext (msgcat) is the reference")


def _header(*fields: str) -> str:
    """A header entry (lines 1-2, one line per field, then a blank line)."""
    return 'msgid ""\nmsgstr ""\n' + "".join(f'"{field}\\n"\n' for field in fields) + "\n"


def case(content: str | bytes, line: int, message: str, *, gnu: bool, id: str):
    """A malformed catalog, the line and the whole text (message and hint) of its refusal,
    and whether GNU msgcat refuses the file too (False: the reader is stricter on purpose)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return pytest.param(data, line, message, gnu, id=id)


REFUSED = [
    # --- bytes and charsets
    case(b"", 1, "empty file, not a PO catalog "
         "(restore the file or regenerate it with `workflow update`)", gnu=False, id="empty"),
    case(b"\n" + HEADER.encode() + b'msgid "a"\nmsgstr "\xff"\n', 7,
         f"invalid UTF-8 byte sequence (byte 0xff) {NOT_UTF8}", gnu=True, id="invalid-utf8"),
    case(_header("Content-Type: text/plain").encode() + b'msgid "a"\nmsgstr "caf\xe9"\n', 6,
         f"invalid UTF-8 byte sequence (byte 0xe9) {NOT_UTF8}", gnu=True,
         id="undeclared-latin1"),
    case(_header("Content-Type: text/plain; charset=ASCII").encode()
         + b'msgid "a"\n\nmsgstr "caf\xe9"\n', 7,
         "byte 0xe9 is not valid ascii (fix the charset= in the header or re-encode the file)",
         gnu=True, id="invalid-in-declared"),
    case(_header("Content-Type: text/plain; charset=KOI8-R") + 'msgid "a"\nmsgstr "мир"\n', 3,
         "the header declares charset koi8-r but the file is UTF-8 "
         "(change the header to charset=UTF-8 (the text is UTF-8 already))",
         gnu=False, id="utf8-labelled-koi8r"),
    case('msgid ""\nmsgstr "Content-Type: text/plain; charset=KOI8-R\\n"\n\n'
         'msgid "a"\nmsgstr "мир"\n', 2, "the header declares charset koi8-r but the file is UTF-8 "
         "(change the header to charset=UTF-8 (the text is UTF-8 already))",
         gnu=False, id="utf8-labelled-koi8r-one-line-header"),
    # a charset= in a message above the header is not the file's: the header's decides
    case(MISLEADING + b'msgid "a"\nmsgstr "\xd0\xbc\xff"\n', 10,
         f"invalid UTF-8 byte sequence (byte 0xff) {NOT_UTF8}", gnu=True,
         id="misleading-charset-invalid-utf8"),
    case(MISLEADING + 'msgid "a"\nmsgstr "\uffff"\n'.encode(), 10,
         "control character U+FFFF in text "
         "(remove it: only tab and newline are allowed in messages)", gnu=False,
         id="misleading-charset-noncharacter"),
    case(_header("Content-Type: text/plain; charset=" + "x" * 45) + 'msgid "a"\nmsgstr ""\n', 3,
         f"unknown charset {'x' * 40!r} in the header (not one gettext accepts) "
         "(declare charset=UTF-8)", gnu=True, id="unknown-charset"),
    case(_header("Project-Id-Version: 1", "Content-Type: text/plain; ", "charset=VISCII")
         + 'msgid "a"\nmsgstr ""\n', 5,
         "charset VISCII is not supported here "
         "(convert the file to UTF-8 (msgconv -t UTF-8) and declare charset=UTF-8)",
         gnu=False, id="charset-python-lacks"),
    # --- lines the lexer cannot read
    case(HEADER + 'msgid "a"\nmsgstr "b"\nhello\n', 7,
         f"unexpected text (not a keyword, comment or string) {SYNTAX}", gnu=True, id="garbage"),
    case(HEADER + 'msgid "a" x\nmsgstr "b"\n', 5, f"unexpected text after a string {SYNTAX}",
         gnu=True, id="text-after-string"),
    case(HEADER + "msgid a\nmsgstr \"b\"\n", 5, f"msgid without a quoted string {SYNTAX}",
         gnu=True, id="unquoted"),
    case(HEADER + 'msgid "a\nmsgstr "b"\n', 5,
         "unterminated string (close the string with \" on the same line)", gnu=True,
         id="unterminated"),
    case(HEADER + '# note\n"stray"\nmsgid "a"\nmsgstr "b"\n', 6,
         f"string without a keyword before it {SYNTAX}", gnu=True, id="stray-string"),
    case(HEADER + '#| msgstr "old"\nmsgid "a"\nmsgstr "b"\n', 5,
         f"#| previous strings hold no msgstr {SYNTAX}", gnu=True, id="previous-msgstr"),
    case(HEADER + "# see C:\\\nmsgid \"a\"\nmsgstr \"b\"\n", 5,
         "comment ends with a backslash "
         "(GNU gettext would join it with the next line; remove the \\)", gnu=True,
         id="comment-backslash"),
    # --- escapes and characters
    case(HEADER + 'msgid "a"\nmsgstr "\\q"\n', 6, "invalid escape sequence \\q "
         "(write \\\\ for a backslash, \\\" for a quote)", gnu=True, id="escape-q"),
    case(HEADER + 'msgid "a"\nmsgstr "\\x"\n', 6, "invalid escape sequence \\x "
         "(write \\\\ for a backslash, \\\" for a quote)", gnu=True, id="escape-x-no-digit"),
    case(HEADER + 'msgid "a"\nmsgstr "\\8"\n', 6, "invalid escape sequence \\8 "
         "(write \\\\ for a backslash, \\\" for a quote)", gnu=True, id="escape-8"),
    case(HEADER + 'msgid "a"\nmsgstr "\\x80"\n', 6,
         "escape \\x80 encodes a byte, not a character (write the character itself)",
         gnu=True, id="escape-x80"),
    case(HEADER + 'msgid "a"\nmsgstr "\\200"\n', 6,
         "escape \\200 encodes a byte, not a character (write the character itself)",
         gnu=True, id="escape-octal-200"),
    case(HEADER + 'msgid "a"\nmsgstr "\\a"\n', 6, "control character U+0007 in text "
         "(remove it: only tab and newline are allowed in messages)", gnu=False,
         id="bell-escape"),
    case(HEADER + '# a\x0bb\nmsgid "a"\nmsgstr "b"\n', 5, "control character U+000B in text "
         "(remove it: only tab and newline are allowed in messages)", gnu=False,
         id="control-in-comment"),
    # --- entries out of shape
    case(HEADER + 'msgid "a"\n#~ msgstr "b"\n', 6, MIXED, gnu=True, id="obsolete-msgstr"),
    case(HEADER + 'msgid "a"\n#~ "more"\nmsgstr "b"\n', 6, MIXED, gnu=True,
         id="obsolete-continuation"),
    case(HEADER + '#| msgid "old"\n#~ msgid "a"\n#~ msgstr "b"\n', 6, MIXED, gnu=True,
         id="active-previous-obsolete-entry"),
    case(HEADER + '#~| msgid "old"\nmsgid "a"\nmsgstr "b"\n', 6, MIXED, gnu=True,
         id="obsolete-previous-active-entry"),
    case(HEADER + '#| msgid "old"\n# note\nmsgid "a"\nmsgstr "b"\n', 6,
         "comment after the #| previous strings (put the comments before the #| lines)",
         gnu=True,
         id="comment-after-previous"),
    case(HEADER + '#| msgctxt "c"\nmsgid "a"\nmsgstr "b"\n', 5,
         f"#| previous strings without #| msgid {SYNTAX}", gnu=True, id="previous-no-msgid"),
    case(HEADER + '#~| msgctxt "c"\n#~ msgid "a"\n#~ msgstr "b"\n', 5,
         f"#| previous strings without #| msgid {SYNTAX}", gnu=True,
         id="obsolete-previous-no-msgid"),
    case(HEADER + 'msgid "a"\nmsgstr "b"\n\n#| msgctxt "c"\n#| msgid "old"\n', 8,
         f"#| previous string without an entry {SYNTAX}", gnu=True, id="previous-at-end"),
    case(HEADER + 'msgid "a"\nmsgstr "b"\n\n# lost\n#, fuzzy\n', 8,
         "comments that belong to no entry "
         "(remove them or add the msgid/msgstr they describe)", gnu=False,
         id="comments-at-end"),
    case(HEADER + '# note\nmsgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 6,
         "msgid has no msgstr (add msgstr \"\" after the msgid)", gnu=True, id="no-msgstr"),
    case(HEADER + 'msgid "a"\nmsgctxt "c"\nmsgid "b"\nmsgstr ""\n', 5,
         "msgid has no msgstr (add msgstr \"\" after the msgid)", gnu=True,
         id="msgctxt-after-msgid"),
    case(HEADER + 'msgid "a"\nmsgid "b"\nmsgstr ""\n', 5,
         "msgid has no msgstr (add msgstr \"\" after the msgid)", gnu=True, id="second-msgid"),
    case(HEADER + 'msgctxt "c"\nmsgstr "b"\n', 5, f"msgctxt without a msgid {SYNTAX}",
         gnu=True, id="msgctxt-no-msgid"),
    case(HEADER + '#, fuzzy\nmsgstr "b"\n', 6, f"msgstr without a msgid before it {SYNTAX}",
         gnu=True, id="msgstr-no-msgid"),
    case(HEADER + '# note\nmsgid_plural "p"\nmsgstr[0] "b"\n', 6,
         f"msgid_plural without a msgid before it {SYNTAX}", gnu=True, id="plural-no-msgid"),
    case(HEADER + 'msgid "a"\nmsgid_plural "p"\nmsgstr "b"\n', 7,
         f"msgid_plural entry needs msgstr[0], msgstr[1]... {SYNTAX}", gnu=True,
         id="plural-plain-msgstr"),
    case(HEADER + 'msgid "a"\nmsgstr[0] "b"\n', 6,
         f"msgstr[0] in an entry without msgid_plural {SYNTAX}", gnu=True,
         id="indexed-without-plural"),
    case(HEADER + 'msgid "a"\nmsgid_plural "p"\nmsgstr[1] "b"\nmsgstr[0] "c"\n', 7,
         f"msgstr[1] out of order, expected msgstr[0] {SYNTAX}", gnu=True, id="plural-order"),
    # --- the header
    case('msgid "a"\nmsgstr "b"\n', 1, 'no header entry (msgid "") '
         "(add the header with Content-Type: text/plain; charset=UTF-8)", gnu=False,
         id="no-header"),
    case('# title\n#. extracted\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain\\n"\n', 3,
         HEADER_COMMENTS, gnu=False, id="header-extracted-comment"),
    case('#: f.md:1\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain\\n"\n', 2,
         HEADER_COMMENTS, gnu=False, id="header-reference"),
    case('#| msgid "x"\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain\\n"\n', 2,
         HEADER_COMMENTS, gnu=False, id="header-previous"),
    case(_header("Language: ru", "\\n", "no colon here", "Content-Type: text/plain"), 5,
         "header field is not 'Name: value' (fix the header field)", gnu=False,
         id="header-field"),
    case('msgid ""\nmsgstr ""\n""\n"no colon here\\n"\n""\n"Content-Type: text/plain\\n"\n', 4,
         "header field is not 'Name: value' (fix the header field)", gnu=False,
         id="header-field-after-empty-string"),
    case(_header("A: 1", "B: 2", "x", "Content-Type: text/plain"), 5,
         "header field is not 'Name: value' (fix the header field)", gnu=False,
         id="header-field-short"),
    case('msgid ""\nmsgstr ""\n"Content-Type: text/plain\\n"\n"n"\n"o colon\\n"\n', 4,
         "header field is not 'Name: value' (fix the header field)", gnu=False,
         id="header-field-split-over-lines"),
    case(_header("Language: ru", ": nameless"), 4,
         "header field is not 'Name: value' (fix the header field)", gnu=False,
         id="header-field-without-name"),
    case(_header("Language: ru"), 2, "the header has no Content-Type field "
         '(add "Content-Type: text/plain; charset=UTF-8\\n" to the header)', gnu=False,
         id="no-content-type"),
    case("# title\n" + _header("Content-Type: text/plain",
                                "Plural-Forms: nplurals=0; plural=n==1 ? 0 : 1;"), 5,
         "Plural-Forms has no valid nplurals: 'nplurals=0; plural=n==1 ? 0 : 1;' "
         "(e.g. nplurals=2; plural=(n != 1);)", gnu=False, id="nplurals-zero"),
    case(_header("Content-Type: text/plain", "Plural-Forms: plural=n!=1;"), 4,
         "Plural-Forms has no valid nplurals: 'plural=n!=1;' "
         "(e.g. nplurals=2; plural=(n != 1);)", gnu=False, id="nplurals-missing"),
    case(_header("Content-Type: text/plain", "Plural-Forms: nplurals=3; plural=0;")
         + 'msgid "a"\nmsgid_plural "p"\nmsgstr[0] "b"\nmsgstr[1] "c"\n', 6,
         "2 plural forms, the header says nplurals=3 "
         "(give exactly one msgstr[n] per plural form)", gnu=False, id="plural-count"),
    # --- the whole catalog
    case(HEADER + 'msgid ""\nmsgstr "again"\n', 5,
         'second header entry (msgid "") (keep one header)', gnu=True, id="second-header"),
    case(HEADER + 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 8,
         "duplicate message, first defined at line 5 (merge the two entries into one)",
         gnu=True, id="duplicate"),
    case(HEADER + '#~ msgid "a"\n#~ msgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 8,
         "duplicate obsolete message, first defined at line 5 "
         "(merge the two entries into one)", gnu=True, id="duplicate-obsolete"),
    case(HEADER + 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 8,
         "message is both active and obsolete (other copy at line 5) "
         "(delete the obsolete (#~) copy)", gnu=True, id="active-and-obsolete"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "line", "message", "gnu"), REFUSED)
def test_a_broken_catalog_gets_one_message_with_its_line(
    data: bytes, line: int, message: str, gnu: bool, tmp_path: Path
) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load_po(path)
    assert str(caught.value) == f"{path}:{line}: {message}"
    assert (caught.value.path, caught.value.line) == (path, line)
    assert path.read_bytes() == data


@needs_gnu
@pytest.mark.parametrize(("data", "line", "message", "gnu"), REFUSED)
def test_gnu_gettext_refuses_the_same_files_unless_we_are_stricter(
    data: bytes, line: int, message: str, gnu: bool, tmp_path: Path
) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(data)
    result = subprocess.run(["msgcat", str(path)], capture_output=True, check=False)
    assert (result.returncode != 0) == gnu, result.stderr.decode("utf-8", "replace")


def _write(tmp_path: Path, content: str | bytes, name: str = "ru.po") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _msgcat(path: Path) -> str:
    return subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout.decode()


#: Valid for GNU gettext, though no PO editor writes it so: comments without a space after
#: the mark, indented keywords, several strings on a line, a bare ``#~``, ``#|`` and ``#~|``
#: without a space, a hex escape of one digit, trailing spaces in a comment.
ODD_LAYOUT = (
    "# Catalog title\n"
    "# second line\n"
    "#, fuzzy\n"
    + _header("Project-Id-Version: odd", "Content-Type: text/plain; charset=UTF-8",
              "Plural-Forms: nplurals=1; plural=0;")
    + "#translator note without a space\n"
    "# trailing spaces kept  \n"
    "# written on Mac OS X\n"
    "#.extracted without a space\n"
    "#. second extracted line\n"
    "#:a/b:c.md:12 plain\n"
    "#: x.md:y f.md:3\n"
    "#,fuzzy,c-format\n"
    '#|msgid "old"\n'
    'msgid "a"\n'
    'msgstr "b" "c"\n'
    '"d" "e"\n'
    "\n"
    '  msgctxt "ctx"\n'
    '  msgid "one"\n'
    '\tmsgid_plural "many"\n'
    '  msgstr[0] "x\\xAy"\n'
    "\n"
    "#. on an obsolete entry\n"
    "#: gone.md:4\n"
    '#~|msgid "older"\n'
    '#~ msgid "gone"\n'
    "#~\n"
    '#~ msgstr "w"\n'
)  # fmt: skip


@needs_gnu
def test_an_odd_but_valid_layout_reads_as_msgcat_reads_it(tmp_path: Path) -> None:
    path = _write(tmp_path, ODD_LAYOUT)
    po = load_po(path)
    assert format_po(po) == _msgcat(path)
    first, plural, gone = po
    assert (
        first.tcomment
        == "translator note without a space\ntrailing spaces kept  \nwritten on Mac OS X"
    )
    assert first.comment == "extracted without a space\nsecond extracted line"
    assert first.occurrences == [("a/b:c.md", "12"), ("plain", ""), ("x.md:y", ""), ("f.md", "3")]
    assert (first.flags, first.previous_msgid, first.msgstr) == (
        ["fuzzy", "c-format"],
        "old",
        "bcde",
    )
    assert (plural.msgctxt, plural.msgid_plural, plural.msgstr_plural) == (
        "ctx",
        "many",
        {0: "x\ny"},
    )
    assert (gone.obsolete, gone.previous_msgid, gone.msgstr) == (True, "older", "w")
    assert [entry.linenum for entry in po] == [19, 24, 31]
    assert (po.header, po.metadata_is_fuzzy) == ("Catalog title\nsecond line", True)


#: Every kind of line in the spacing polib's own parser expects.
CANONICAL = (
    "# Catalog title\n"
    "# second line\n"
    + _header("Project-Id-Version: canonical", "Language: ru",
              "Content-Type: text/plain; charset=UTF-8",
              "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
              "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    + "# first translator line\n"
    "# second translator line\n"
    "#. first extracted line\n"
    "#. second extracted line\n"
    "#: sources/ja/118.md:12 lib/a:b.md:3 plain\n"
    "#: other.md:x\n"
    "#, fuzzy\n"
    "#, python-format\n"
    '#| msgctxt "old context"\n'
    '#| msgid "%d old file"\n'
    '#| msgid_plural "%d old files"\n'
    'msgctxt "files"\n'
    'msgid "%d file"\n'
    'msgid_plural "%d files"\n'
    'msgstr[0] "%d файл"\n'
    'msgstr[1] "%d файла"\n'
    'msgstr[2] "%d файлов"\n'
    "\n"
    'msgid "short"\n'
    'msgstr "короткая"\n'
    + "".join(
        f'\nmsgid "line {n}"\nmsgstr "{" ".join(["слово"] * (n // 6))}{"." * (n % 6)}"\n'
        for n in range(60, 90)
    )
    + '\n#~ msgid "gone"\n#~ msgstr "ушло"\n'
)  # fmt: skip


def _fields(entry: polib.POEntry) -> list[object]:
    names = (
        "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "tcomment", "comment",
        "occurrences", "flags", "previous_msgctxt", "previous_msgid", "previous_msgid_plural",
        "obsolete",
    )  # fmt: skip
    return [getattr(entry, name) for name in names]


def test_a_canonical_catalog_reads_as_polib_reads_it(tmp_path: Path) -> None:
    path = _write(tmp_path, CANONICAL)
    ours, theirs = load_po(path), polib.pofile(str(path), wrapwidth=79)
    assert [_fields(entry) for entry in ours] == [_fields(entry) for entry in theirs]
    assert (ours.header, ours.metadata, ours.fpath) == (theirs.header, theirs.metadata, str(path))
    assert not ours.metadata_is_fuzzy
    # polib's own writers (its PO text at msgcat's width, its MO compiler) work on the catalog
    assert str(ours) == str(theirs)
    ours.save_as_mofile(str(tmp_path / "ours.mo"))
    theirs.save_as_mofile(str(tmp_path / "theirs.mo"))
    assert (tmp_path / "ours.mo").read_bytes() == (tmp_path / "theirs.mo").read_bytes()


def test_a_repeated_header_field_keeps_every_value(tmp_path: Path) -> None:
    path = _write(tmp_path, _header("X-Note: first", "Content-Type: text/plain", "X-Note: second"))
    po = load_po(path)
    (first, content_type, again), values = list(po.metadata), list(po.metadata.values())
    assert (first, content_type, str(again)) == ("X-Note", "Content-Type", "X-Note")
    assert values == ["first", "text/plain", "second"]
    # the repetition is its own key: looking the field up by name finds the first value only
    assert isinstance(again, RepeatedKey) and again != "X-Note"
    assert [key for key in po.metadata if key == "X-Note"] == ["X-Note"]
    assert po.metadata["X-Note"] == "first"
    assert '"X-Note: first\\n"\n' in format_po(po) and '"X-Note: second\\n"\n' in format_po(po)


def test_an_empty_line_inside_the_header_is_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, _header("Language: kk", "", "Content-Type: text/plain", "X-A: b"))
    assert load_po(path).metadata == {"Language": "kk", "Content-Type": "text/plain", "X-A": "b"}


@pytest.mark.parametrize(
    ("plural_forms", "forms"),
    [(None, 2), ("Plural-Forms: nplurals=1; plural=0;", 1), ("Plural-Forms: nplurals=3;", 3)],
)
def test_plural_forms_default_to_two(plural_forms: str | None, forms: int, tmp_path: Path) -> None:
    fields = ["Content-Type: text/plain", plural_forms] if plural_forms else ["Content-Type: x"]
    strings = "".join(f'msgstr[{n}] "form {n}"\n' for n in range(forms))
    path = _write(tmp_path, _header(*fields) + f'msgid "file"\nmsgid_plural "files"\n{strings}')
    assert load_po(path)[0].msgstr_plural == {n: f"form {n}" for n in range(forms)}


def test_a_template_placeholder_charset_reads_as_utf8(tmp_path: Path) -> None:
    pot = _header("Content-Type: text/plain; charset=CHARSET") + 'msgid "中央アジア"\nmsgstr ""\n'
    assert load_po(_write(tmp_path, pot, "118.pot"))[0].msgid == "中央アジア"


def test_a_header_without_charset_reads_as_utf8(tmp_path: Path) -> None:
    path = _write(tmp_path, _header("Content-Type: text/plain") + 'msgid "a"\nmsgstr "мир"\n')
    assert load_po(path)[0].msgstr == "мир"


def test_declared_charsets_decode_and_a_bom_is_dropped(tmp_path: Path) -> None:
    for charset, codec in (("KOI8-R", "koi8-r"), ("CP1251", "cp1251"), ("ISO-8859-5", "iso8859-5")):
        text = _header(f"Content-Type: text/plain; charset={charset}") + 'msgid "a"\nmsgstr "мир"\n'
        assert load_po(_write(tmp_path, text.encode(codec)))[0].msgstr == "мир"
    bom = b"\xef\xbb\xbf" + (HEADER + 'msgid "a"\nmsgstr "мир"\n').encode()
    assert load_po(_write(tmp_path, bom))[0].msgstr == "мир"


def test_entries_before_the_header_decide_neither_header_nor_charset(tmp_path: Path) -> None:
    # an entry with a context and an empty msgid is not the header, and the charset= in
    # its text (the first one in the file) is not the file's charset
    path = _write(
        tmp_path,
        'msgctxt "menu"\nmsgid ""\nmsgstr "Кодировка: charset=KOI8-R"\n\n'
        + HEADER
        + 'msgid "a"\nmsgstr "мир"\n',
    )
    po = load_po(path)
    assert [(e.msgctxt, e.msgstr) for e in po] == [
        ("menu", "Кодировка: charset=KOI8-R"),
        (None, "мир"),
    ]
    assert po.metadata == {"Content-Type": "text/plain; charset=UTF-8"}


def test_render_po_refuses_what_the_reader_would_refuse(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + 'msgid "a"\nmsgstr "b"\n')
    po = load_po(path)
    po[0].msgstr = "ring\a"
    fix = "(fix the source text or translation it came from; the file is unchanged)"
    with pytest.raises(InputError) as caught:
        render_po(po, path)
    assert str(caught.value) == (
        f"{path}: not written: the new catalog would be invalid: control character U+0007 "
        f"in text (line 5 of the new file) {fix}"
    )
    po[0].msgstr = "half \ud800 surrogate"
    with pytest.raises(InputError) as caught:
        save_po(po, path)
    assert str(caught.value) == (
        f"{path}: not written: the new catalog would be invalid: "
        f"character U+D800 cannot be written {fix}"
    )
    assert path.read_text(encoding="utf-8") == HEADER + 'msgid "a"\nmsgstr "b"\n'


def test_save_po_keeps_the_layout_of_unchanged_entries(tmp_path: Path) -> None:
    wrapped = '#: a.md:1\nmsgid "a"\nmsgstr ""\n"kept "\n"as wrapped"\n'
    path = _write(tmp_path, HEADER + wrapped + '\nmsgid "b"\nmsgstr "old"\n')
    po = load_po(path)
    po[1].msgstr = "new"
    assert save_po(po, path) is True
    assert path.read_text(encoding="utf-8") == HEADER + wrapped + '\nmsgid "b"\nmsgstr "new"\n'


def test_save_po_names_a_target_it_cannot_read(tmp_path: Path) -> None:
    po = load_po(_write(tmp_path, HEADER + 'msgid "a"\nmsgstr "b"\n'))
    with pytest.raises(InputError, match=r"cannot read PO file") as caught:
        save_po(po, tmp_path)
    assert caught.value.path == tmp_path


@needs_gnu
def test_flags_on_several_lines_are_all_kept(tmp_path: Path) -> None:
    # msgcat keeps only the last "#," line's flags; dropping a "fuzzy" there would pass a
    # draft off as reviewed, so the reader keeps every line's flags, as polib does
    path = _write(tmp_path, HEADER + '#, fuzzy\n#, python-format\nmsgid "a %s"\nmsgstr "б %s"\n')
    assert load_po(path)[0].flags == polib.pofile(str(path))[0].flags == ["fuzzy", "python-format"]
    assert "#, fuzzy" not in _msgcat(path)


def test_save_po_leaves_a_file_edited_meanwhile_alone(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + 'msgid "a"\nmsgstr "b"\n')
    digest = file_digest(path, "PO file")
    po = load_po(path)
    edited = HEADER + 'msgid "a"\nmsgstr "saved in an editor"\n'
    path.write_text(edited, encoding="utf-8")
    po[0].msgstr = "machine draft"
    with pytest.raises(InputError) as caught:
        save_po(po, path, expected_digest=digest)
    assert str(caught.value) == (
        f"{path}: changed on disk while this command ran; left as it is "
        "(run the command again: it will work from the saved file)"
    )
    assert path.read_text(encoding="utf-8") == edited
