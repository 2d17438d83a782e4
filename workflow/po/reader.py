"""Strict PO reader: a line-oriented lexer and parser that build a :class:`polib.POFile`.

polib's own parser is lenient (an unterminated string can make an entry vanish), so PO
input is read here instead, and every problem becomes an :class:`InputError` naming the
file and line: syntax errors, invalid escapes, bytes that are not valid in the declared
charset, control characters (they break the XML of DOCX exports), duplicate messages,
plural forms that don't match ``nplurals`` and a missing header.

Accepted as GNU gettext accepts them: a UTF-8 byte-order mark, CRLF or mixed line ends,
raw tabs inside strings, several strings on one line, octal/hex escapes of ASCII
characters, every charset GNU gettext accepts (:data:`GETTEXT_CHARSETS`; the bytes are
decoded before lexing, so a Shift_JIS or Big5 trail byte 0x5C is never taken for a
backslash).  A file that is valid UTF-8 with non-ASCII text but declares another charset
is refused: decoding it would turn every translation into mojibake.  Messages never quote
the file's content, which may be anything a mistaken path points to.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polib

from workflow.errors import InputError

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[\s\"]|$)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.?)")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
}
#: Characters no message may hold: controls (they break DOCX XML), surrogates, noncharacters.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_CHARSET = re.compile(r"charset=([^ \t\n\\\"]+)")
#: ``charset=`` outside comment lines (a comment may mention another charset).
_CHARSET_BYTES = re.compile(rb"(?m)^[^#\n]*charset=([^ \t\n\\\"]+)")
#: The charsets GNU gettext accepts in a PO header (gettext's po-charset.c).
GETTEXT_CHARSETS = frozenset(
    (
        "ASCII ANSI_X3.4-1968 US-ASCII KOI8-R KOI8-U KOI8-T CP850 CP866 CP874 CP932 CP949 "
        "CP950 CP1250 CP1251 CP1252 CP1253 CP1254 CP1255 CP1256 CP1257 CP1258 GB2312 EUC-JP "
        "EUC-KR EUC-TW BIG5 BIG5-HKSCS GBK GB18030 SHIFT_JIS JOHAB TIS-620 VISCII GEORGIAN-PS "
        "UTF-8 " + " ".join(f"ISO-8859-{n} ISO_8859-{n}" for n in (*range(1, 12), 13, 14, 15))
    ).split()
)
#: The number of plural forms in a Plural-Forms header (shared with the writer).
NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_SYNTAX_HINT = "compare with the PO format: comments, msgctxt, msgid, msgstr, quoted strings"


@dataclass
class _Token:
    """One lexed line: its kind, line number, obsolete marker and payload."""

    kind: str  # comment, extracted, reference, flags, previous, keyword, string, blank
    line: int
    obsolete: bool
    name: str = ""
    text: str = ""
    strings: list[str] = field(default_factory=list)


@dataclass
class _Field:
    name: str
    line: int
    value: str
    #: ``(offset in value, line)`` of each continuation line's strings
    continued: list[tuple[int, int]] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        """The line of the character at *offset* in the value (for messages)."""
        return next(
            (line for start, line in reversed(self.continued) if start <= offset), self.line
        )


@dataclass
class _Entry:
    """Comments and fields of one message as read, before checks."""

    line: int
    obsolete: bool | None = None
    tcomments: list[str] = field(default_factory=list)
    ecomments: list[str] = field(default_factory=list)
    references: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: list[_Field] = field(default_factory=list)
    fields: list[_Field] = field(default_factory=list)

    def value(self, name: str) -> _Field | None:
        return next((item for item in self.fields if item.name == name), None)

    @property
    def msgid_line(self) -> int:
        msgid = self.value("msgid")
        return msgid.line if msgid else self.line


def parse_po_bytes(data: bytes, path: Path) -> polib.POFile:
    """Decode, lex and parse PO *data* read from *path* (used in error messages)."""
    if not data:
        raise InputError(
            "empty file, not a PO catalog",
            path=path,
            line=1,
            hint="restore the file or regenerate it with `workflow update`",
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return _build(_decode_and_parse(data, path), path)


def _decode_and_parse(data: bytes, path: Path) -> list[_Entry]:
    """Entries of the file decoded in its declared charset.

    The charset is first looked up in the raw bytes, then confirmed from the parsed
    header; if they differ (a ``charset=`` in a comment above the header) the file is
    decoded again with the header's.
    """
    charset = _charset_in_bytes(data, path)
    entries = _Parser(path).parse(_decode(data, charset, path))
    declared, line = _declared_charset(entries, path)
    if declared != charset:
        entries = _Parser(path).parse(_decode(data, declared, path))
    if declared != "utf-8":
        _refuse_mislabelled_utf8(data, declared, path, line)
    return entries


def _charset_in_bytes(data: bytes, path: Path) -> str:
    """The codec for a first reading (latin-1 when unknown: the header check reports it)."""
    match = _CHARSET_BYTES.search(data)
    if match is None:
        return "utf-8"
    try:
        return _codec(match.group(1).decode("latin-1"), path, 0)
    except InputError:
        return "latin-1"


def _decode(data: bytes, charset: str, path: Path) -> str:
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if charset == "utf-8":
            raise InputError(
                f"invalid UTF-8 byte sequence (byte 0x{data[exc.start]:02x})",
                path=path,
                line=line,
                hint="re-encode the file as UTF-8, or declare its real charset in the header",
            ) from None
        raise InputError(
            f"byte 0x{data[exc.start]:02x} is not valid {charset}",
            path=path,
            line=line,
            hint="fix the charset= in the header or re-encode the file",
        ) from None


def _refuse_mislabelled_utf8(data: bytes, charset: str, path: Path, line: int) -> None:
    """A UTF-8 file with non-ASCII text that declares another charset would become mojibake."""
    if data.isascii():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    raise InputError(
        f"the header declares charset {charset} but the file is UTF-8",
        path=path,
        line=line,
        hint="change the header to charset=UTF-8 (the text is UTF-8 already)",
    )


def _declared_charset(entries: list[_Entry], path: Path) -> tuple[str, int]:
    """The codec of the header's ``charset=`` (UTF-8 when absent or CHARSET), and its line."""
    header = _find_header(entries)
    msgstr = header.value("msgstr") if header else None
    match = _CHARSET.search(msgstr.value) if msgstr else None
    if match is None or msgstr is None:
        return "utf-8", 1
    line = msgstr.line_at(match.start())
    return _codec(match.group(1), path, line), line


def _codec(name: str, path: Path, line: int) -> str:
    """The Python codec of a gettext charset *name*; anything gettext refuses is refused."""
    if name.upper() == "CHARSET":  # the template placeholder: gettext reads it as ASCII/UTF-8
        return "utf-8"
    if name.upper() not in GETTEXT_CHARSETS:
        raise InputError(
            f"unknown charset {name[:40]!r} in the header (not one gettext accepts)",
            path=path,
            line=line,
            hint="declare charset=UTF-8",
        )
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(
            f"charset {name} is not supported here",
            path=path,
            line=line,
            hint="convert the file to UTF-8 (msgconv -t UTF-8) and declare charset=UTF-8",
        ) from None


def _find_header(entries: list[_Entry]) -> _Entry | None:
    for entry in entries:
        msgid = entry.value("msgid")
        if not entry.obsolete and msgid and msgid.value == "" and not entry.value("msgctxt"):
            return entry
    return None


class _Parser:
    """Turns PO text into :class:`_Entry` records, rejecting malformed syntax."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, line: int, message: str, hint: str = _SYNTAX_HINT) -> InputError:
        return InputError(message, path=self.path, line=line, hint=hint)

    def parse(self, text: str) -> list[_Entry]:
        entries: list[_Entry] = []
        entry: _Entry | None = None
        current: _Field | None = None  # the field continuation strings extend
        for number, raw in enumerate(text.split("\n"), start=1):
            token = self.lex(raw.rstrip("\r"), number)
            if token.kind == "blank":
                continue
            if token.kind in ("string", "previous-string"):
                if current is None or (token.kind == "string") != (current.name[:1] != "|"):
                    raise self.error(number, "string without a keyword before it")
                self.check_marker(entry, token)
                current.continued.append((len(current.value), number))
                current.value += "".join(token.strings)
                continue
            if entry is not None and entry.fields and self.starts_entry(token, entry):
                entries.append(self.finish(entry))
                entry = None
            if entry is None:
                entry = _Entry(line=number)
            self.check_marker(entry, token)
            current = self.add(entry, token)
        if entry is not None:
            entries.append(self.finish(entry))
        return entries

    @staticmethod
    def starts_entry(token: _Token, entry: _Entry) -> bool:
        """Whether *token* begins the next message rather than continuing *entry*."""
        if token.kind != "keyword":
            return True
        last = entry.fields[-1].name
        if token.name == "msgid_plural":
            return last != "msgid"
        if token.name.startswith("msgstr"):
            return not (last.startswith("msgid") or last.startswith("msgstr["))
        return not (token.name == "msgid" and last == "msgctxt")

    def check_marker(self, entry: _Entry | None, token: _Token) -> None:
        """An entry is either all obsolete (``#~``) or all active."""
        if entry is None or token.kind in ("comment", "extracted", "reference", "flags"):
            return
        if entry.obsolete is None:
            entry.obsolete = token.obsolete
        elif entry.obsolete != token.obsolete:
            raise self.error(
                token.line,
                "entry mixes obsolete (#~) and active lines",
                hint="prefix every line of an obsolete entry with #~",
            )

    def add(self, entry: _Entry, token: _Token) -> _Field | None:
        """Record *token* in *entry*; returns the field later strings continue."""
        if token.kind in ("comment", "extracted", "reference", "flags"):
            if entry.previous:  # (a comment after the msgstr starts the next entry)
                raise self.error(
                    token.line,
                    "comment after the #| previous strings",
                    hint="put the comments before the #| lines",
                )
            if token.kind == "comment":
                entry.tcomments.append(token.text)
            elif token.kind == "extracted":
                entry.ecomments.append(token.text)
            elif token.kind == "reference":
                entry.references += _references(token.text)
            else:
                entry.flags += [flag.strip() for flag in token.text.split(",") if flag.strip()]
            return None
        item = _Field(token.name, token.line, "".join(token.strings))
        if token.kind == "previous":  # (after a msgid it starts the next entry)
            item.name = "|" + item.name  # marks the field that #| strings continue
            entry.previous.append(item)
        else:
            self.check_order(entry, token)
            entry.fields.append(item)
        return item

    def check_order(self, entry: _Entry, token: _Token) -> None:
        """Refuse a field out of place (a msgctxt or msgid after the msgid starts the next
        entry, see :meth:`starts_entry`)."""
        names = [item.name for item in entry.fields]
        if token.name == "msgid_plural" and names[-1:] != ["msgid"]:
            raise self.error(token.line, "msgid_plural without a msgid before it")
        if token.name.startswith("msgstr") and "msgid" not in names:
            raise self.error(token.line, f"{token.name} without a msgid before it")
        if token.name == "msgstr" and "msgid_plural" in names:
            raise self.error(token.line, "msgid_plural entry needs msgstr[0], msgstr[1]...")
        if token.name.startswith("msgstr["):
            if "msgid_plural" not in names:
                raise self.error(token.line, f"{token.name} in an entry without msgid_plural")
            expected = sum(name.startswith("msgstr[") for name in names)
            if token.name != f"msgstr[{expected}]":
                raise self.error(
                    token.line, f"{token.name} out of order, expected msgstr[{expected}]"
                )

    def finish(self, entry: _Entry) -> _Entry:
        names = [item.name for item in entry.fields]
        if "msgid" not in names:
            if entry.fields:
                raise self.error(entry.fields[0].line, f"{names[0]} without a msgid")
            if entry.previous:
                raise self.error(entry.previous[0].line, "#| previous string without an entry")
            raise self.error(
                entry.line,
                "comments that belong to no entry",
                hint="remove them or add the msgid/msgstr they describe",
            )
        previous = [item.name for item in entry.previous]
        if previous and "|msgid" not in previous:
            raise self.error(entry.previous[0].line, "#| previous strings without #| msgid")
        if not any(name.startswith("msgstr") for name in names):
            raise self.error(
                entry.msgid_line, "msgid has no msgstr", hint='add msgstr "" after the msgid'
            )
        return entry

    def lex(self, line: str, number: int) -> _Token:
        """Classify one physical line."""
        stripped = line.lstrip()
        if not stripped.strip():
            return _Token("blank", number, False)
        obsolete = stripped.startswith("#~")
        if obsolete:
            stripped = stripped[2:].strip()
            if not stripped:
                return _Token("blank", number, True)
            if stripped.startswith("|"):
                return self.lex_strings(stripped[1:].lstrip(), number, True, "previous")
            return self.lex_strings(stripped, number, True, "keyword")
        if stripped.startswith("#"):
            return self.lex_comment(stripped, number)
        return self.lex_strings(stripped.rstrip(), number, False, "keyword")

    def lex_comment(self, line: str, number: int) -> _Token:
        mark = line[1:2]
        if mark == "|":
            return self.lex_strings(line[2:].strip(), number, False, "previous")
        kinds = {".": "extracted", ":": "reference", ",": "flags"}
        kind = kinds.get(mark, "comment")
        text = line[1:] if kind == "comment" else line[2:]
        text = text.removeprefix(" ")
        if text.endswith("\\"):
            raise self.error(
                number,
                "comment ends with a backslash",
                hint="GNU gettext would join it with the next line; remove the \\",
            )
        self.check_text(text, number)
        return _Token(kind, number, False, text=text)

    def lex_strings(self, line: str, number: int, obsolete: bool, kind: str) -> _Token:
        """A ``keyword "string"`` line (or a bare continuation string)."""
        name = ""
        if not line.startswith('"'):
            match = _KEYWORD.match(line)
            if match is None:
                raise self.error(number, "unexpected text (not a keyword, comment or string)")
            name = match.group(1)
            if kind == "previous" and name.startswith("msgstr"):
                raise self.error(number, "#| previous strings hold no msgstr")
            line = line[match.end() :].lstrip()
            if not line.startswith('"'):
                raise self.error(number, f"{name} without a quoted string")
        strings = []
        while line:
            match = _STRING.match(line)
            if match is None:
                if line.startswith('"'):
                    raise self.error(
                        number,
                        "unterminated string",
                        hint='close the string with " on the same line',
                    )
                raise self.error(number, "unexpected text after a string")
            strings.append(self.unescape(match.group(1), number))
            line = line[match.end() :].lstrip()
        if not name:
            kind = "previous-string" if kind == "previous" else "string"
        return _Token(kind, number, obsolete, name=name, strings=strings)

    def unescape(self, raw: str, number: int) -> str:
        def replace(match: re.Match[str]) -> str:
            code = match.group(1)
            if code in _SIMPLE_ESCAPES:
                return _SIMPLE_ESCAPES[code]
            if code[:1] == "x" and len(code) > 1:
                value = int(code[1:], 16)
            elif code[:1].isdigit() and code[0] in "01234567":
                value = int(code, 8)
            else:
                raise self.error(
                    number,
                    f"invalid escape sequence \\{code}",
                    hint='write \\\\ for a backslash, \\" for a quote',
                )
            if value >= 0x80:
                raise self.error(
                    number,
                    f"escape \\{code} encodes a byte, not a character",
                    hint="write the character itself",
                )
            return chr(value)

        text = _ESCAPE.sub(replace, raw) if "\\" in raw else raw
        self.check_text(text, number)
        return text

    def check_text(self, text: str, number: int) -> None:
        bad = FORBIDDEN_CHARACTERS.search(text)
        if bad is not None:
            raise self.error(
                number,
                f"control character U+{ord(bad.group()):04X} in text",
                hint="remove it: only tab and newline are allowed in messages",
            )


def _references(text: str) -> list[tuple[str, str]]:
    result = []
    for token in text.split():
        path, _, line = token.rpartition(":")
        result.append((path, line) if path and line.isdigit() else (token, ""))
    return result


def _build(entries: list[_Entry], path: Path) -> polib.POFile:
    """The polib catalog, after the checks that need the whole file."""
    header = _find_header(entries)
    if header is None:
        raise InputError(
            'no header entry (msgid "")',
            path=path,
            line=1,
            hint="add the header with Content-Type: text/plain; charset=UTF-8",
        )
    metadata = _metadata(header, path)
    nplurals = _nplurals(metadata, header, path)
    po = polib.POFile(wrapwidth=79, encoding="utf-8")
    po.fpath = str(path)
    po.header = "\n".join(header.tcomments)
    po.metadata = metadata
    po.metadata_is_fuzzy = "fuzzy" in header.flags
    seen: dict[tuple[str | None, str], tuple[bool, int]] = {(None, ""): (False, 0)}
    for entry in entries:
        if entry is header:
            continue
        po.append(_polib_entry(entry, path, nplurals, seen))
    return po


def _metadata(header: _Entry, path: Path) -> dict[str, str]:
    if header.ecomments or header.references or header.previous:
        raise InputError(
            "the header entry has #. #: or #| lines",
            path=path,
            line=header.msgid_line,
            hint="keep only # comments on the header",
        )
    msgstr = header.value("msgstr")
    assert msgstr is not None  # guaranteed by _Parser.finish
    metadata: dict[str, str] = {}
    for start, line in _header_lines(msgstr.value):
        key, colon, value = line.partition(":")
        if not colon or not key.strip():
            raise InputError(
                "header field is not 'Name: value'",
                path=path,
                line=msgstr.line_at(start),
                hint="fix the header field",
            )
        name = key.strip()
        metadata[RepeatedKey(name) if name in metadata else name] = value.strip()
    if "Content-Type" not in metadata:
        raise InputError(
            "the header has no Content-Type field",
            path=path,
            line=msgstr.line,
            hint='add "Content-Type: text/plain; charset=UTF-8\\n" to the header',
        )
    return metadata


def _header_lines(value: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines of the header's msgstr, each with its offset in *value*."""
    offset = 0
    for line in value.split("\n"):
        if line.strip():
            yield offset, line
        offset += len(line) + 1


def _field_line(header: _Entry, name: str) -> int:
    """The line of the header's field *name* (the first, if repeated)."""
    msgstr = header.value("msgstr")
    assert msgstr is not None  # guaranteed by _Parser.finish
    start = next(
        start
        for start, line in _header_lines(msgstr.value)
        if line.partition(":")[0].strip() == name
    )
    return msgstr.line_at(start)


class RepeatedKey(str):
    """A header field name seen before: its own dict key, written back under the same name.

    ``msgmerge`` keeps every line of a header; a plain dict would keep only one value of a
    repeated field, so the later ones get keys that compare equal only to themselves.
    """

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    def __hash__(self) -> int:
        return id(self)


def _nplurals(metadata: dict[str, str], header: _Entry, path: Path) -> int:
    forms = metadata.get("Plural-Forms")
    if forms is None:
        return 2
    match = NPLURALS.search(forms)
    if match is None or int(match.group(1)) < 1:
        raise InputError(
            f"Plural-Forms has no valid nplurals: {forms!r}",
            path=path,
            line=_field_line(header, "Plural-Forms"),
            hint="e.g. nplurals=2; plural=(n != 1);",
        )
    return int(match.group(1))


def _polib_entry(
    entry: _Entry, path: Path, nplurals: int, seen: dict[tuple[str | None, str], tuple[bool, int]]
) -> polib.POEntry:
    fields = {item.name: item.value for item in entry.fields}
    obsolete = bool(entry.obsolete)
    key = (fields.get("msgctxt"), fields["msgid"])
    if key in seen:
        _check_duplicate(seen[key], obsolete, path, entry.msgid_line)
    seen[key] = (obsolete, entry.msgid_line)
    plural = {
        int(name[7:-1]): value for name, value in fields.items() if name.startswith("msgstr[")
    }
    if "msgid_plural" in fields and len(plural) != nplurals:
        raise InputError(
            f"{len(plural)} plural forms, the header says nplurals={nplurals}",
            path=path,
            line=entry.msgid_line,
            hint="give exactly one msgstr[n] per plural form",
        )
    previous = {item.name[1:]: item.value for item in entry.previous}
    return polib.POEntry(
        msgid=fields["msgid"],
        msgstr=fields.get("msgstr", ""),
        msgctxt=fields.get("msgctxt"),
        msgid_plural=fields.get("msgid_plural", ""),
        msgstr_plural=plural,
        tcomment="\n".join(entry.tcomments),
        comment="\n".join(entry.ecomments),
        occurrences=entry.references,
        flags=entry.flags,
        obsolete=obsolete,
        previous_msgctxt=previous.get("msgctxt"),
        previous_msgid=previous.get("msgid"),
        previous_msgid_plural=previous.get("msgid_plural"),
        linenum=entry.msgid_line,
    )


def _check_duplicate(first: tuple[bool, int], obsolete: bool, path: Path, line: int) -> None:
    """Raise for a second message with the same msgctxt and msgid (GNU gettext does too)."""
    first_obsolete, first_line = first
    if first_line == 0:
        raise InputError(
            'second header entry (msgid "")', path=path, line=line, hint="keep one header"
        )
    if first_obsolete == obsolete:
        kind = "obsolete message" if obsolete else "message"
        raise InputError(
            f"duplicate {kind}, first defined at line {first_line}",
            path=path,
            line=line,
            hint="merge the two entries into one",
        )
    raise InputError(
        f"message is both active and obsolete (other copy at line {first_line})",
        path=path,
        line=line,
        hint="delete the obsolete (#~) copy",
    )
