"""Glossary interchange: TBX-Basic (ISO 30042, TBX v2 ``martif``) and CSV export, TBX reading.

TBX layout, one ``termEntry`` per glossary term::

    <termEntry id="raznoimport">
      <descrip type="subjectField">organization</descrip>      (the term's kind)
      <descrip type="definition" xml:lang="en">Soviet ...</descrip>  (the note, in English)
      <note xml:lang="en">keep as is: ...</note>  (keep terms only)
      <langSet xml:lang="ja"><tig><term>ラズノインポルト</term>
        <termNote type="partOfSpeech">properNoun</termNote></tig></langSet>
      <langSet xml:lang="ru"><tig><term>Разноимпорт</term> ... preferredTerm-admn-sts
                             <tig><term>extra form</term> ... admittedTerm-admn-sts

With ``target_lang`` (``workflow glossary export --lang ru``) the document is bilingual, for
servers that read a TBX as source → target: Weblate's import takes the first two langSets
whatever their ``xml:lang`` and only the first term of each. Every term then gives one
``termEntry`` per pair of forms, so no form is lost: the first Japanese form with the
preferred target term (``id="raznoimport"``), each other Japanese form with the preferred
term, and the first Japanese form with each admitted target form (``id="kyrgyzstan.2"``,
``administrativeStatus`` admitted). Weblate keeps the entry id as the context and
``termNote`` elements as notes, so a ``keep`` term carries :data:`KEEP_NOTE` as a
``usageNote`` there. The term's note is also written as ``<note from="translator">``, the
form Weblate's own TBX export gives a term's explanation: Weblate 5.14 shows it with the
term, while the ``definition`` reaches its source string only on a later re-import.

XML input is parsed with defusedxml only: a file with a DOCTYPE or entity declarations is
rejected, naming ``path:line``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, indent, tostring

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from workflow.errors import InputError
from workflow.fsio import read_input_bytes
from workflow.glossary import Glossary, Term
from workflow.languages import DEFAULT_SOURCE

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Language of the glossary's notes and of the title; the document itself is tagged with the
#: source language, so every element holding English prose says so.
NOTE_LANG = "en"
#: The note on a ``keep: true`` term (ODA): its forms are written exactly, never inflected.
KEEP_NOTE = "keep as is: write exactly as given for each language"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
#: Several forms in one CSV cell are separated by this string.
CSV_SEPARATOR = " | "
_PROPER_KINDS = {"organization", "place", "person"}
_FORMULA_STARTS = frozenset("=+-@\t\r")


def part_of_speech(term: Term) -> str:
    """TBX-Basic ``partOfSpeech``: names are ``properNoun``, other terms ``noun``."""
    return "properNoun" if term.kind in _PROPER_KINDS else "noun"


def to_tbx(
    glossary: Glossary,
    *,
    title: str = "Glossary",
    source_lang: str = DEFAULT_SOURCE,
    target_lang: str | None = None,
) -> bytes:
    """The glossary as a TBX-Basic document (UTF-8 bytes with an XML declaration): every
    target language, or only *target_lang* in the bilingual shape (module docstring)."""
    martif = Element("martif", {"type": "TBX-Basic", XML_LANG: source_lang})
    header = SubElement(martif, "martifHeader")
    file_desc = SubElement(header, "fileDesc")
    SubElement(SubElement(file_desc, "titleStmt"), "title", {XML_LANG: NOTE_LANG}).text = title
    SubElement(SubElement(file_desc, "sourceDesc"), "p").text = "glossary/terms.yaml"
    SubElement(
        SubElement(header, "encodingDesc"), "p", {"type": "XCSURI"}
    ).text = "TBXBasicXCSV02.xcs"
    body = SubElement(SubElement(martif, "text"), "body")
    for term in glossary.terms:
        if target_lang is None:
            _term_entry(body, term, source_lang, glossary.languages)
        else:
            _pair_entries(body, term, source_lang, target_lang)
    indent(martif, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(martif, "utf-8") + b"\n"


def _term_entry(body: Element, term: Term, source_lang: str, languages: tuple[str, ...]) -> None:
    entry = _entry_head(body, term, term.id, keep_note=True)
    _lang_set(entry, source_lang, term.ja, term)
    for lang in languages:
        _lang_set(entry, lang, term.accepted_forms(lang), term)


def _entry_head(body: Element, term: Term, entry_id: str, *, keep_note: bool = False) -> Element:
    """A ``termEntry`` with the term's kind, note and (with *keep_note*) the keep note."""
    entry = SubElement(body, "termEntry", {"id": entry_id})
    SubElement(entry, "descrip", {"type": "subjectField"}).text = term.kind
    if term.note:
        SubElement(entry, "descrip", {"type": "definition", XML_LANG: NOTE_LANG}).text = term.note
    if term.keep and keep_note:
        SubElement(entry, "note", {XML_LANG: NOTE_LANG}).text = KEEP_NOTE
    return entry


def _pair_entries(body: Element, term: Term, source_lang: str, target_lang: str) -> None:
    """One bilingual ``termEntry`` per pair of forms of *term* (module docstring)."""
    preferred, *admitted = term.accepted_forms(target_lang)
    pairs = [(form, preferred) for form in term.ja] + [(term.ja[0], form) for form in admitted]
    usage = KEEP_NOTE if term.keep else None
    for number, (source_form, target_form) in enumerate(pairs, start=1):
        entry = _entry_head(body, term, term.id if number == 1 else f"{term.id}.{number}")
        if term.note:
            SubElement(entry, "note", {"from": "translator", XML_LANG: NOTE_LANG}).text = term.note
        source_admitted = source_form != term.ja[0]
        _lang_set(entry, source_lang, [source_form], term, admitted_from=int(not source_admitted))
        target_admitted = target_form != preferred
        _lang_set(
            entry,
            target_lang,
            [target_form],
            term,
            admitted_from=int(not target_admitted),
            usage=usage,
        )


def _lang_set(
    entry: Element,
    lang: str,
    forms: list[str],
    term: Term,
    *,
    admitted_from: int = 1,
    usage: str | None = None,
) -> None:
    """A ``langSet`` of *forms*: preferred up to position *admitted_from*, admitted after,
    each with the *usage* note if given."""
    lang_set = SubElement(entry, "langSet", {XML_LANG: lang})
    for position, form in enumerate(forms):
        tig = SubElement(lang_set, "tig")
        SubElement(tig, "term").text = form
        SubElement(tig, "termNote", {"type": "partOfSpeech"}).text = part_of_speech(term)
        status = ADMITTED if position >= admitted_from else PREFERRED
        SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status
        if usage:
            SubElement(tig, "termNote", {"type": "usageNote"}).text = usage


def to_csv(glossary: Glossary) -> str:
    """The glossary as CSV with a header row (:func:`csv_columns`: ``id,kind,ja,en,ru,kk,note``).

    Cells with several forms (Japanese variants, extra target forms) join them with ``" | "``.
    A cell a spreadsheet would run as a formula is neutralised (:func:`spreadsheet_safe`).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_columns(glossary))
    for term in glossary.terms:
        cells = [
            term.id,
            term.kind,
            CSV_SEPARATOR.join(term.ja),
            *(CSV_SEPARATOR.join(term.accepted_forms(lang)) for lang in glossary.languages),
            term.note,
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return buffer.getvalue()


def csv_columns(glossary: Glossary) -> tuple[str, ...]:
    """The CSV header: id, kind, the Japanese forms, one column per target language, note."""
    return ("id", "kind", "ja", *glossary.languages, "note")


def spreadsheet_safe(cell: str) -> str:
    """*cell* with a leading ``'`` when it starts like a formula (``= + - @``, tab, CR).

    The OWASP advice against CSV injection: spreadsheets show the quote-prefixed text
    as text instead of running ``=HYPERLINK(...)`` or ``=cmd|...``.
    """
    return f"'{cell}" if cell[:1] in _FORMULA_STARTS else cell


@dataclass(frozen=True)
class TbxEntry:
    """A ``termEntry`` read back from TBX: its id and the terms of each language."""

    id: str
    terms: dict[str, list[str]]
    descrips: dict[str, str]


def read_tbx(path: Path) -> list[TbxEntry]:
    """Parse a TBX file safely (defusedxml); malformed or unsafe XML raises InputError."""
    return parse_tbx(read_input_bytes(path, "TBX file"), path)


def parse_tbx(data: bytes, path: Path) -> list[TbxEntry]:
    """The term entries of TBX *data* (read from *path*, used in messages)."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InputError(
            "TBX declares a DOCTYPE or entities, which are not allowed",
            path=path,
            line=_line_of_declaration(data),
            hint="remove the <!DOCTYPE ...> declaration",
        ) from exc
    except SafeET.ParseError as exc:
        raise InputError(f"malformed XML: {exc}", path=path, line=exc.position[0]) from exc
    if root.tag != "martif":
        raise InputError(
            f"not a TBX file (root element <{root.tag}>)",
            path=path,
            line=1,
            hint="expected <martif>",
        )
    return [_read_entry(entry) for entry in root.iter("termEntry")]


def _read_entry(entry: Element) -> TbxEntry:
    terms = {
        lang_set.get(XML_LANG, ""): [term.text or "" for term in lang_set.iter("term")]
        for lang_set in entry.iter("langSet")
    }
    descrips = {descrip.get("type", ""): descrip.text or "" for descrip in entry.findall("descrip")}
    return TbxEntry(entry.get("id", ""), terms, descrips)


def _line_of_declaration(data: bytes) -> int | None:
    for marker in (b"<!DOCTYPE", b"<!ENTITY"):
        position = data.find(marker)
        if position >= 0:
            return data.count(b"\n", 0, position) + 1
    return None
