"""Glossary and QA checks over translated PO entries.

Every reviewed entry (translated, not fuzzy, not obsolete) is checked; untranslated and
fuzzy entries are only counted.  Each finding is a :class:`~workflow.diagnostics.Diagnostic`
with a stable code from :data:`RULES`.

Waivers: a translator comment on the entry ``# workflow: ignore G001`` (several codes may be
listed, separated by spaces or commas) waives those codes on that entry only.  Waived
findings stay in the report, marked as waived, and do not count as errors.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from workflow.diagnostics import Diagnostic, Rule
from workflow.errors import InputError
from workflow.export.conventions import conventions
from workflow.glossary import Glossary, Term, load_glossary
from workflow.morphology import find_target_term, normalize, words
from workflow.pofile import load_po
from workflow.project import Project
from workflow.segment import BRACKET_PAIRS

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(
            "G001",
            "glossary-missing",
            "error",
            "Glossary term missing or replaced",
            "The source contains a glossary term but the translation has none of its accepted "
            "forms (inflected forms count). Use the glossary term, add the form to 'forms' in "
            "glossary/terms.yaml, or waive with '# workflow: ignore G001'.",
        ),
        Rule(
            "G002",
            "glossary-keep",
            "error",
            "Keep-as-is term not verbatim",
            "A glossary term marked 'keep: true' must appear exactly as written (e.g. ODA).",
        ),
        Rule(
            "Q101",
            "number-missing",
            "error",
            "Number not carried over",
            "Every number written with digits in the source (years, quantities) must appear in "
            "the translation. Month numbers (10月) may be month names; 1-12 and round tens may "
            "be spelled out.",
        ),
        Rule(
            "Q102",
            "unbalanced-brackets",
            "warning",
            "Unbalanced quotes or brackets",
            "The translation opens a quote or bracket it does not close, or closes one it "
            "did not open.",
        ),
        Rule(
            "Q103",
            "end-punctuation",
            "warning",
            "End punctuation mismatch",
            "A source sentence ending in 。, ？ or ！ needs a translation ending in sentence "
            "punctuation (closing quotes may follow); one ending in ―― may end with an em dash; "
            "a question stays a question; a title without a full stop gets none.",
        ),
        Rule(
            "Q104",
            "mixed-script",
            "error",
            "Latin/Cyrillic homoglyphs in a word",
            "A word mixes letters of different scripts, e.g. Latin 'a' in a Cyrillic word; "
            "retype it in one script.",
        ),
        Rule(
            "Q105",
            "double-space",
            "warning",
            "Doubled space",
            "The translation contains two or more consecutive spaces.",
        ),
        Rule(
            "Q201",
            "untranslated",
            "info",
            "Untranslated entries",
            "Entries without a translation (count per catalog, at the first one).",
        ),
        Rule(
            "Q202",
            "fuzzy",
            "info",
            "Fuzzy entries",
            "Entries marked fuzzy (machine or outdated translations awaiting review).",
        ),
        Rule(
            "W001",
            "bad-waiver",
            "warning",
            "Waiver names an unknown code",
            "A '# workflow: ignore CODE' comment lists a code that no check produces.",
        ),
    )
}

GLOSSARY_CODES = frozenset({"G001", "G002"})

WAIVER = re.compile(r"^\s*workflow:\s*ignore\s+(?P<codes>.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Entry:
    """The parts of a PO entry the checks look at."""

    path: str
    line: int
    source: str
    translation: str
    lang: str

    def finding(self, code: str, message: str, **extra: str | None) -> Diagnostic:
        rule = RULES[code]
        return Diagnostic(self.path, self.line, code, rule.severity, message, **extra)


# --- glossary --------------------------------------------------------------------------------


def check_glossary(entry: Entry, glossary: Glossary) -> list[Diagnostic]:
    """G001/G002: every term found in the source must be in the translation."""
    findings = []
    seen: set[str] = set()
    for match in glossary.find_source_terms(entry.source):
        term = match.term
        if term.id in seen:
            continue
        seen.add(term.id)
        if find_target_term(entry.lang, term, entry.translation):
            continue
        findings.append(_glossary_finding(entry, term, match.form))
    return findings


def _glossary_finding(entry: Entry, term: Term, source_form: str) -> Diagnostic:
    target = term.target(entry.lang)
    forms = ", ".join(term.accepted_forms(entry.lang))
    if term.keep:
        return entry.finding(
            "G002",
            f"'{target}' ({term.id}) must appear verbatim for {source_form}",
            term=term.id,
            hint=f"write exactly: {forms}",
        )
    near = _near_miss(target, entry.translation)
    replaced = f"; found '{near}' instead" if near else ""
    return entry.finding(
        "G001",
        f"glossary term '{target}' ({term.id}) missing for {source_form}{replaced}",
        term=term.id,
        detail=near,
        hint=f"use {forms} (inflected as needed) or waive with '# workflow: ignore G001'",
    )


def _near_miss(target: str, translation: str) -> str | None:
    """A word of *translation* that looks like the target's first word (a likely variant)."""
    head = normalize(target.split()[0])
    candidates = {normalize(token.group()): token.group() for token in words(translation)}
    close = difflib.get_close_matches(head, list(candidates), n=1, cutoff=0.75)
    return candidates[close[0]] if close else None


# --- numbers ---------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")
#: Russian month stems (the month itself, and adjectives such as июньских, майский).
_RU_MONTH_STEMS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
_RU_MONTH_ENDINGS = ("", "ь", "я", "е", "ю", "ем", "а", "у", "ом", "й", "ей")
_NUMBER_WORDS = {
    "en": {
        1: "one",
        2: "two",
        3: "three",
        4: "four",
        5: "five",
        6: "six",
        7: "seven",
        8: "eight",
        9: "nine",
        10: "ten",
        11: "eleven",
        12: "twelve",
        20: "twenty",
        30: "thirty",
        40: "forty",
        50: "fifty",
        60: "sixty",
        70: "seventy",
        80: "eighty",
        90: "ninety",
        100: "hundred",
    },
    "ru": {
        1: "один",
        2: "два",
        3: "три",
        4: "четыре",
        5: "пять",
        6: "шесть",
        7: "семь",
        8: "восемь",
        9: "девять",
        10: "десять",
        11: "одиннадцать",
        12: "двенадцать",
        20: "двадцать",
        30: "тридцать",
        40: "сорок",
        50: "пятьдесят",
        60: "шестьдесят",
        70: "семьдесят",
        80: "восемьдесят",
        90: "девяносто",
        100: "сто",
    },
    "kk": {
        1: "бір",
        2: "екі",
        3: "үш",
        4: "төрт",
        5: "бес",
        6: "алты",
        7: "жеті",
        8: "сегіз",
        9: "тоғыз",
        10: "он",
        11: "он бір",
        12: "он екі",
        20: "жиырма",
        30: "отыз",
        40: "қырық",
        50: "елу",
        60: "алпыс",
        70: "жетпіс",
        80: "сексен",
        90: "тоқсан",
        100: "жүз",
    },
}


def _digits_text(text: str) -> str:
    """*text* with full-width digits made ASCII and thousands separators removed."""
    return _THOUSANDS.sub("", unicodedata.normalize("NFKC", text))


def numbers(text: str) -> list[tuple[str, str]]:
    """Numbers written with digits (full-width too): (canonical number, character after it).

    >>> numbers("１９８９年、約1,000トン")
    [('1989', '年'), ('1000', 'ト')]
    """
    text = _digits_text(text)
    return [
        (match.group().replace(",", "."), text[match.end() : match.end() + 1])
        for match in _NUMBER.finditer(text)
    ]


def check_numbers(entry: Entry) -> list[Diagnostic]:
    """Q101: every digit-written number of the source appears in the translation."""
    present = {number for number, _unit in numbers(entry.translation)}
    findings = []
    seen: set[str] = set()
    for number, unit in numbers(entry.source):
        if number in seen or number in present or _spelled_out(entry, number, unit):
            continue
        seen.add(number)
        findings.append(
            entry.finding(
                "Q101",
                f"number {number} of the source is missing in the translation",
                detail=number,
                hint="copy the number (digits) into the translation",
            )
        )
    return findings


def _spelled_out(entry: Entry, number: str, unit: str) -> bool:
    if not number.isdigit():
        return False
    value = int(number)
    keys = {normalize(token.group()) for token in words(entry.translation)}
    if unit == "月" and 1 <= value <= 12:
        stem = _month_stem(entry.lang, value)
        if entry.lang == "ru":  # also month adjectives: июньских, майский
            return any(stem + ending in keys for ending in _RU_MONTH_ENDINGS) or any(
                key.startswith(stem if len(stem) > 2 else "майск") for key in keys
            )
        if entry.lang == "kk":
            return any(key == stem or key.startswith(stem) for key in keys)
        return stem in keys
    word = _NUMBER_WORDS.get(entry.lang, {}).get(value)
    return word is not None and _has_number_word(entry.lang, word, entry.translation)


def _month_stem(lang: str, month: int) -> str:
    if lang == "ru":
        return _RU_MONTH_STEMS[month - 1]
    return conventions(lang).months[month - 1].lower()


def _has_number_word(lang: str, word: str, text: str) -> bool:
    if lang == "ru":
        from workflow.morphology.ru import analyzer

        return any(
            parse.normal_form == word
            for token in words(text)
            for parse in analyzer().parse(token.group())
        )
    from workflow.morphology import find_term

    return bool(find_term(lang, [word], text))


# --- punctuation and typography --------------------------------------------------------------

_TARGET_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "„": "“", "“": "”"}
_CLOSING = "」』）)】〉》”»’\"'"
_SENTENCE_END_JA = "。．.！？!?"
_SENTENCE_END = ".!?…"
_DASHES = "—–―"


def balanced(text: str, pairs: dict[str, str]) -> bool:
    """Whether quotes and brackets of *text* nest properly (``“`` closes ``„`` if open)."""
    closers = {close: open_ for open_, close in pairs.items()}
    stack: list[str] = []
    for char in text:
        if stack and pairs.get(stack[-1]) == char:
            stack.pop()
        elif char in pairs:
            stack.append(char)
        elif char in closers:
            return False
    return not stack and text.count('"') % 2 == 0


def check_brackets(entry: Entry) -> list[Diagnostic]:
    """Q102: quotes and brackets of the translation are balanced (when the source's are)."""
    if not balanced(entry.source, BRACKET_PAIRS) or balanced(entry.translation, _TARGET_PAIRS):
        return []
    return [
        entry.finding(
            "Q102",
            "unbalanced quotes or brackets in the translation",
            hint="close every « ( [ „ “ you open, and open every one you close",
        )
    ]


def check_ending(entry: Entry) -> list[Diagnostic]:
    """Q103: sentence-final punctuation matches the source.

    A source ending in ``――`` (with or without ``。``) may end with a dash (— – ―) or with
    sentence punctuation; closing quotes and brackets after the punctuation are ignored.
    """
    source = entry.source.rstrip().rstrip(_CLOSING)
    target = entry.translation.rstrip().rstrip(_CLOSING).rstrip()
    if not source or not target:
        return []
    if source.rstrip("。").endswith("――"):
        if target[-1] in _SENTENCE_END + _DASHES:
            return []
        return [
            _ending(
                entry,
                "source ends with ―― but the translation ends without punctuation",
                "end with an em dash (—) or . ! ?",
            )
        ]
    if source[-1] in _SENTENCE_END_JA:
        if target[-1] not in _SENTENCE_END:
            return [
                _ending(
                    entry,
                    "source ends a sentence but the translation has no end punctuation",
                    "end with . ! ? or …",
                )
            ]
        if source[-1] in "？?" and target[-1] != "?":
            return [
                _ending(
                    entry,
                    "source is a question but the translation does not end with ?",
                    "end with ?",
                )
            ]
        return []
    if target[-1] == "." and not target.endswith(".."):
        return [
            _ending(
                entry,
                "translation ends with a full stop the source does not have",
                "remove the final full stop (titles, headings)",
            )
        ]
    return []


def _ending(entry: Entry, message: str, hint: str) -> Diagnostic:
    return entry.finding("Q103", message, hint=hint)


_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((script for script in _SCRIPTS if name.startswith(script)), None)


def check_mixed_script(entry: Entry) -> list[Diagnostic]:
    """Q104: no word mixes Latin, Cyrillic or Greek letters (homoglyphs)."""
    findings = []
    for token in words(entry.translation):
        for part in re.split(r"[-'’‐]", token.group()):
            scripts = [_script(char) for char in part if char.isalpha()]
            found = [script for script in dict.fromkeys(scripts) if script]
            if len(found) < 2:
                continue
            major = max(found, key=scripts.count)
            odd = [char for char in part if char.isalpha() and _script(char) != major]
            findings.append(
                entry.finding(
                    "Q104",
                    f"word '{part}' mixes {' and '.join(s.title() for s in found)} "
                    f"letters ({', '.join(repr(c) for c in dict.fromkeys(odd))} not "
                    f"{major.title()})",
                    detail=part,
                    hint=f"retype the word in {major.title()}",
                )
            )
    return findings


def check_spaces(entry: Entry) -> list[Diagnostic]:
    """Q105: no doubled spaces inside the translation."""
    if re.search(r"[ \u00a0]{2,}", entry.translation.strip()):
        return [
            entry.finding("Q105", "doubled space in the translation", hint="use a single space")
        ]
    return []


ENTRY_CHECKS = (check_numbers, check_brackets, check_ending, check_mixed_script, check_spaces)


def check_entry(entry: Entry, glossary: Glossary | None) -> list[Diagnostic]:
    """All findings for one reviewed entry (before waivers)."""
    findings = check_glossary(entry, glossary) if glossary else []
    for check in ENTRY_CHECKS:
        findings += check(entry)
    return findings


# --- catalogs --------------------------------------------------------------------------------


def waived_codes(entry: polib.POEntry) -> list[str]:
    """Codes listed in ``# workflow: ignore CODE[, CODE...]`` translator comments."""
    codes: list[str] = []
    for match in WAIVER.finditer(entry.tcomment or ""):
        codes += [code for code in re.split(r"[\s,]+", match.group("codes").upper()) if code]
    return codes


def _translation(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return "\n".join(entry.msgstr_plural[key] for key in sorted(entry.msgstr_plural))
    return entry.msgstr


def check_catalog(
    po: polib.POFile, path: str, lang: str, glossary: Glossary | None
) -> list[Diagnostic]:
    """Findings for one catalog; *path* is how the file is named in the findings."""
    findings: list[Diagnostic] = []
    untranslated: list[polib.POEntry] = []
    fuzzy: list[polib.POEntry] = []
    for po_entry in po:
        if po_entry.obsolete or not po_entry.msgid:
            continue
        translation = _translation(po_entry)
        if not translation.strip():
            untranslated.append(po_entry)
        elif "fuzzy" in po_entry.flags:
            fuzzy.append(po_entry)
        else:
            entry = Entry(path, po_entry.linenum, po_entry.msgid, translation, lang)
            findings += _apply_waivers(po_entry, entry, check_entry(entry, glossary))
    for code, entries in (("Q201", untranslated), ("Q202", fuzzy)):
        if entries:
            what = RULES[code].summary.lower()
            findings.append(
                Diagnostic(
                    path,
                    entries[0].linenum,
                    code,
                    RULES[code].severity,
                    f"{len(entries)} of {_count(po)} entries: {what}",
                )
            )
    return findings


def _count(po: polib.POFile) -> int:
    return sum(1 for entry in po if not entry.obsolete and entry.msgid)


def _apply_waivers(
    po_entry: polib.POEntry, entry: Entry, findings: list[Diagnostic]
) -> list[Diagnostic]:
    codes = waived_codes(po_entry)
    result = [item.waive() if item.code in codes else item for item in findings]
    for code in codes:
        if code not in RULES:
            result.append(
                entry.finding(
                    "W001",
                    f"waiver names unknown code {code}",
                    hint=f"known codes: {', '.join(sorted(RULES))}",
                )
            )
    return result


def relative(project: Project, path: Path) -> str:
    """*path* relative to the project root, with ``/`` (as findings name files)."""
    try:
        return path.relative_to(project.root).as_posix()
    except ValueError:
        return path.as_posix()


def check_project(
    project: Project,
    langs: Iterable[str],
    doc_ids: list[str] | None = None,
    glossary: Glossary | None = None,
) -> list[Diagnostic]:
    """Findings for every catalog ``locales/<lang>/<doc>.po`` of *langs* (and documents).

    The glossary is loaded from the project unless given; a missing catalog is an error.
    """
    glossary = glossary or load_glossary(project.glossary_path)
    findings: list[Diagnostic] = []
    for lang in langs:
        for source in project.source_paths(doc_ids):
            po_path = project.po_path(lang, source.stem)
            if not po_path.is_file():
                raise InputError(
                    "catalog not found",
                    path=po_path,
                    hint="run 'workflow update' to create the catalogs",
                )
            findings += check_catalog(load_po(po_path), relative(project, po_path), lang, glossary)
    return findings


def glossary_findings_count(findings: Iterable[Diagnostic]) -> int:
    """Unwaived glossary findings (G001, G002) among *findings*."""
    return sum(1 for item in findings if item.code in GLOSSARY_CODES and not item.waived)
