"""Writing systems: Q104 homoglyphs, Q108 Japanese left over, Q109 words in the wrong script,
Q110 full-width characters.  Every scan is one compiled regular expression."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from workflow import languages
from workflow.checks.context import CheckContext
from workflow.checks.rules import Entry
from workflow.diagnostics import Diagnostic
from workflow.languages import Language
from workflow.morphology import normalize, words

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_CYRILLIC = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_SCRIPT_CLASSES = {"Latin": _LATIN, "Cyrillic": _CYRILLIC, "Greek": _GREEK}
_SCRIPT_OF = [(name, re.compile(f"[{chars}]")) for name, chars in _SCRIPT_CLASSES.items()]


def _script(char: str) -> str | None:
    return next((name for name, pattern in _SCRIPT_OF if pattern.match(char)), None)


def check_mixed_script(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q104: no word mixes Latin, Cyrillic or Greek letters (homoglyphs)."""
    if sum(1 for _name, pattern in _SCRIPT_OF if pattern.search(entry.translation)) < 2:
        return []
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
                    f"word '{part}' mixes {' and '.join(found)} letters "
                    f"({', '.join(repr(c) for c in dict.fromkeys(odd))} not {major})",
                    detail=part,
                    hint=f"retype the word in {major}",
                )
            )
    return findings


#: Kana, kanji, Japanese punctuation (not the ideographic space, see Q110), half-width kana.
_JAPANESE = re.compile(
    "[\u3001-\u303f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff61-\uff9f]+"
)


def check_source_script(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q108: no kana, kanji or Japanese punctuation in the translation."""
    found = list(dict.fromkeys(match.group() for match in _JAPANESE.finditer(entry.translation)))
    if not found:
        return []
    listed = ", ".join(f"'{text}'" for text in found)
    return [
        entry.finding(
            "Q108",
            f"Japanese text left in the translation: {listed}",
            detail=found[0],
            hint="translate it, or write the punctuation of the target language (. , « » —)",
        )
    ]


#: Full-width ASCII (Ａ１％！), full-width signs (￥￡) and the ideographic space.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\uffe0-\uffe6\u3000]+")


def check_full_width(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q110: no full-width letters, digits, signs or ideographic spaces."""
    found = list(dict.fromkeys(m.group() for m in _FULL_WIDTH.finditer(entry.translation)))
    if not found:
        return []
    fixed = ", ".join(f"'{text}' → '{unicodedata.normalize('NFKC', text)}'" for text in found)
    return [
        entry.finding(
            "Q110",
            f"full-width characters: {fixed}",
            detail=found[0],
            hint="type the ordinary (half-width) characters",
        )
    ]


#: The script foreign to text in a language's script (the language records name theirs).
#: A run of the foreign script that is a whole word, or a whole part of a hyphenated word
#: (ODA in ODA-ның); runs inside a word of mixed letters are Q104's.
_FOREIGN = {
    own: (foreign, re.compile(f"(?<![^\\W\\d_])[{_SCRIPT_CLASSES[foreign]}]+(?![^\\W\\d_])"))
    for own, foreign in (("Cyrillic", "Latin"), ("Latin", "Cyrillic"))
}
_ROMAN = re.compile(r"^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
#: Chemical element symbols, written in Latin in every language (Ta, Nb, Be, W).
_ELEMENTS = frozenset(
    [
        "H",
        "He",
        "Li",
        "Be",
        "B",
        "C",
        "N",
        "O",
        "F",
        "Ne",
        "Na",
        "Mg",
        "Al",
        "Si",
        "P",
        "S",
        "Cl",
        "Ar",
        "K",
        "Ca",
        "Sc",
        "Ti",
        "V",
        "Cr",
        "Mn",
        "Fe",
        "Co",
        "Ni",
        "Cu",
        "Zn",
        "Ga",
        "Ge",
        "As",
        "Se",
        "Br",
        "Kr",
        "Rb",
        "Sr",
        "Y",
        "Zr",
        "Nb",
        "Mo",
        "Tc",
        "Ru",
        "Rh",
        "Pd",
        "Ag",
        "Cd",
        "In",
        "Sn",
        "Sb",
        "Te",
        "I",
        "Xe",
        "Cs",
        "Ba",
        "La",
        "Ce",
        "Pr",
        "Nd",
        "Pm",
        "Sm",
        "Eu",
        "Gd",
        "Tb",
        "Dy",
        "Ho",
        "Er",
        "Tm",
        "Yb",
        "Lu",
        "Hf",
        "Ta",
        "W",
        "Re",
        "Os",
        "Ir",
        "Pt",
        "Au",
        "Hg",
        "Tl",
        "Pb",
        "Bi",
        "Po",
        "At",
        "Rn",
        "Fr",
        "Ra",
        "Ac",
        "Th",
        "Pa",
        "U",
        "Np",
        "Pu",
        "Am",
        "Cm",
        "Bk",
        "Cf",
        "Es",
        "Fm",
        "Md",
        "No",
        "Lr",
        "Rf",
        "Db",
        "Sg",
        "Bh",
        "Hs",
        "Mt",
        "Ds",
        "Rg",
        "Cn",
        "Nh",
        "Fl",
        "Mc",
        "Lv",
        "Ts",
        "Og",
    ]
)


def check_foreign_words(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q109: no word of another script (English left in Russian text, Russian in English).

    Allowed: words that are in the source, glossary target forms of the language, the
    language's ``allowed-words``, Roman numerals and chemical element symbols.
    """
    own = languages.get(entry.lang).script
    if own not in _FOREIGN:
        return []
    foreign, run = _FOREIGN[own]
    allowed: frozenset[str] | None = None
    found: list[str] = []
    for match in run.finditer(entry.translation):
        part = match.group()
        if _ROMAN.match(part) or part in _ELEMENTS:
            continue
        if allowed is None:
            allowed = context.allowed_words(entry.lang) | _source_words(entry.source)
        if normalize(part) not in allowed:
            found.append(part)
    if not found:
        return []
    listed = ", ".join(f"'{word}'" for word in dict.fromkeys(found))
    return [
        entry.finding(
            "Q109",
            f"{foreign} word(s) in {own} text: {listed}",
            detail=found[0],
            hint="translate it, or add it to [tool.workflow.check] allowed-words if it is kept "
            "on purpose",
        )
    ]


_ALPHABETIC_RUN = re.compile(f"[{_LATIN}{_CYRILLIC}]+")


@lru_cache(maxsize=1024)
def _source_words(source: str) -> frozenset[str]:
    """Latin and Cyrillic words of the (Japanese) source, full-width letters made ASCII."""
    text = unicodedata.normalize("NFKC", source)
    return frozenset(normalize(run) for run in _ALPHABETIC_RUN.findall(text))


_LETTER = re.compile(r"[^\W\d_]")
#: A translation this long (in letters) always has one of its language's distinctive letters.
DISTINCTIVE_MIN_LETTERS = 30


def check_same_script_language(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q109 between languages of one script (e.g. Russian and Kazakh in Cyrillic): words with
    another language's distinctive letters (Kazakh ә ғ қ ң ө ұ ү һ і in Russian text), and a
    translation of 30+ letters without any of its own language's (Russian left in Kazakh)."""
    language = languages.get(entry.lang)
    neighbours = _same_script(entry.lang)
    found: list[str] = []
    allowed = context.allowed_words(entry.lang)
    for other in neighbours:
        letters = "".join(
            c for c in other.distinctive_letters if c not in language.distinctive_letters
        )
        if not letters:
            continue
        words = dict.fromkeys(m.group() for m in _word_with(letters).finditer(entry.translation))
        found = [word for word in words if normalize(word) not in allowed]
        if found:
            listed = ", ".join(f"'{word}'" for word in found)
            message = f"{other.english_name} word(s) in {language.english_name} text: {listed}"
            break
    else:
        message = _no_distinctive_letter(entry.translation, language, neighbours)
        found = [entry.translation[:40]] if message else []
    if not found:
        return []
    return [
        entry.finding(
            "Q109",
            message,
            detail=found[0],
            hint="translate it into the catalog's language",
        )
    ]


def _no_distinctive_letter(text: str, language: Language, neighbours: list[Language]) -> str:
    """The message for a long *text* without any of *language*'s distinctive letters."""
    own = language.distinctive_letters
    letters = len(_LETTER.findall(text))
    if not own or letters < DISTINCTIVE_MIN_LETTERS or _word_with(own).search(text):
        return ""
    others = " or ".join(other.english_name for other in neighbours) or "another language's"
    return (
        f"no {language.english_name} letter ({' '.join(own)}) in {letters} letters: {others} text?"
    )


@lru_cache(maxsize=16)
def _same_script(lang: str) -> list[Language]:
    """The other registry languages written in the script of *lang*."""
    script = languages.get(lang).script
    return [
        languages.get(code)
        for code in languages.codes()
        if code != lang and languages.get(code).script == script
    ]


@lru_cache(maxsize=16)
def _word_with(letters: str) -> re.Pattern[str]:
    """A word containing one of *letters* (either case)."""
    chars = re.escape(letters + letters.upper())
    return re.compile(f"[^\\W\\d_]*[{chars}][^\\W\\d_]*")
