"""Numbers and quantities: Q101 (number missing) and Q117 (percentage or unit missing)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from workflow import languages
from workflow.checks.context import CheckContext
from workflow.checks.rules import Entry
from workflow.diagnostics import Diagnostic
from workflow.morphology import normalize, words

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")


def _digits_text(text: str) -> str:
    """*text* with full-width digits made ASCII and thousands separators removed."""
    return _THOUSANDS.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1024)
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


def check_numbers(entry: Entry, context: CheckContext) -> list[Diagnostic]:
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
    language = languages.get(entry.lang)
    if unit == "月" and 1 <= value <= 12:
        keys = frozenset(normalize(token.group()) for token in words(entry.translation))
        return language.mentions_month(value, keys)
    word = language.number_words.get(value)
    return word is not None and _has_number_word(entry.lang, word, entry.translation)


def _has_number_word(lang: str, word: str, text: str) -> bool:
    matcher = languages.get(lang).number_word_matcher
    if matcher is not None:
        return matcher(word, text)
    from workflow.morphology import find_term

    return bool(find_term(lang, [word], text))


# --- percentages and units -------------------------------------------------------------------

#: unit → the Japanese pattern after a number; each language's record has its own pattern.
_UNITS: dict[str, str] = {
    "percent": r"%|パーセント",
    "tonne": r"トン",
    "kilogram": r"キログラム|kg",
    "kilometre": r"キロメートル|km",
    "hectare": r"ヘクタール|ha\b",
    "megawatt": r"メガワット|MW",
    "dollar": r"ドル|\$",
    "yen": r"円",
    "rouble": r"ルーブル",
    "tenge": r"テンゲ",
    "degree": r"℃|°C|度C",
}
_NUMBER_PREFIX = r"\d(?:[\d,.]*\d)?\s*(?:万|億|千|百|兆)?\s*(?:余り|以上|強|弱)?\s*"
_SOURCE_UNITS = {
    unit: re.compile(_NUMBER_PREFIX + f"(?:{source})") for unit, source in _UNITS.items()
}


@lru_cache(maxsize=64)
def _target_unit(lang: str, unit: str) -> re.Pattern[str] | None:
    """*unit* as a *lang* translation writes it (symbol or word), if the registry has it."""
    pattern = languages.get(lang).units.get(unit)
    return re.compile(pattern, re.IGNORECASE) if pattern else None


@lru_cache(maxsize=16)
def _percent_after(lang: str) -> re.Pattern[str]:
    """A percent sign or word right after a number."""
    return re.compile(rf"\s*(?:{languages.get(lang).units.get('percent', '%')})", re.IGNORECASE)


def check_units(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q117: every unit of a source quantity (percent, tonnes, km, dollars …) is in the
    translation; a percentage written in digits keeps its % (or the word) right after it."""
    source = unicodedata.normalize("NFKC", entry.source)
    findings = []
    for unit in source_units(entry.source):
        target = _target_unit(entry.lang, unit)
        if target is None:
            continue
        if not target.search(entry.translation):
            findings.append(_unit_finding(entry, unit, f"{unit} of the source is missing"))
        elif unit == "percent":
            findings += _bare_percentages(entry, source)
    return findings


@lru_cache(maxsize=1024)
def source_units(source: str) -> tuple[str, ...]:
    """Units of the quantities in a Japanese *source* (``percent``, ``tonne`` …).

    >>> source_units("約３０％、1,000トン。")
    ('percent', 'tonne')
    """
    text = unicodedata.normalize("NFKC", source)
    if not _DIGIT.search(text):
        return ()
    return tuple(unit for unit, pattern in _SOURCE_UNITS.items() if pattern.search(text))


_DIGIT = re.compile(r"\d")


def _bare_percentages(entry: Entry, source: str) -> list[Diagnostic]:
    """Percentages of the source whose number stands in the translation without %."""
    percents = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|パーセント)")
    wanted = {_canonical(match.group(1)) for match in percents.finditer(source)}
    translation = _digits_text(entry.translation)
    bare = [
        match.group()
        for match in _NUMBER.finditer(translation)
        if _canonical(match.group()) in wanted
        and not _percent_after(entry.lang).match(translation, match.end())
    ]
    return [_unit_finding(entry, "percent", f"{number} has lost its %") for number in bare]


def _canonical(number: str) -> str:
    return number.replace(",", ".")


def _unit_finding(entry: Entry, unit: str, message: str) -> Diagnostic:
    return entry.finding(
        "Q117",
        message,
        detail=unit,
        hint="carry the unit over (symbol or word of the target language)",
    )
