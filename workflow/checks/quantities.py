"""Numbers and quantities: Q101 (number missing) and Q117 (percentage or unit missing)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from workflow.checks.context import CheckContext
from workflow.checks.rules import Entry
from workflow.diagnostics import Diagnostic
from workflow.export.conventions import conventions
from workflow.morphology import normalize, words

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


# --- percentages and units -------------------------------------------------------------------

#: unit → (Japanese pattern after a number, {language: pattern in the translation}).
_UNITS: dict[str, tuple[str, dict[str, str]]] = {
    "percent": (
        r"%|パーセント",
        {"en": r"%|per\s?cent", "ru": r"%|процент", "kk": r"%|пайыз|процент"},
    ),
    "tonne": (
        r"トン",
        {"en": r"\btonne|\btons?\b|\bt\b", "ru": r"\bт\b|\bтонн", "kk": r"\bт\b|\bтонна"},
    ),
    "kilogram": (
        r"キログラム|kg",
        {"en": r"kilogram|\bkg\b", "ru": r"килограмм|\bкг\b", "kk": r"килограмм|\bкг\b"},
    ),
    "kilometre": (
        r"キロメートル|km",
        {"en": r"kilomet|\bkm\b", "ru": r"километр|\bкм\b", "kk": r"шақырым|километр|\bкм\b"},
    ),
    "hectare": (
        r"ヘクタール|ha\b",
        {"en": r"hectare|\bha\b", "ru": r"гектар|\bга\b", "kk": r"гектар|\bга\b"},
    ),
    "megawatt": (
        r"メガワット|MW",
        {"en": r"megawatt|\bMW\b", "ru": r"мегаватт|МВт", "kk": r"мегаватт|МВт"},
    ),
    "dollar": (
        r"ドル|\$",
        {"en": r"dollar|\$|\bUSD\b", "ru": r"доллар|\bдолл\b|\$", "kk": r"доллар|\$"},
    ),
    "yen": (r"円", {"en": r"\byen\b|¥", "ru": r"\b[ий]ен|¥", "kk": r"\b[ий]ена|¥"}),
    "rouble": (
        r"ルーブル",
        {"en": r"roubles?|rubles?", "ru": r"рубл|\bруб\b", "kk": r"рубль|рубл"},
    ),
    "tenge": (r"テンゲ", {"en": r"tenge|₸", "ru": r"тенге|₸", "kk": r"теңге|₸"}),
    "degree": (r"℃|°C|度C", {"en": r"degree|°", "ru": r"градус|°", "kk": r"градус|°"}),
}
_NUMBER_PREFIX = r"\d(?:[\d,.]*\d)?\s*(?:万|億|千|百|兆)?\s*(?:余り|以上|強|弱)?\s*"
_SOURCE_UNITS = {
    unit: re.compile(_NUMBER_PREFIX + f"(?:{source})") for unit, (source, _) in _UNITS.items()
}
_TARGET_UNITS = {
    (unit, lang): re.compile(target, re.IGNORECASE)
    for unit, (_, targets) in _UNITS.items()
    for lang, target in targets.items()
}
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent|процент|пайыз)", re.IGNORECASE)


def check_units(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q117: every unit of a source quantity (percent, tonnes, km, dollars …) is in the
    translation; a percentage written in digits keeps its % (or the word) right after it."""
    source = unicodedata.normalize("NFKC", entry.source)
    findings = []
    for unit in source_units(entry.source):
        target = _TARGET_UNITS.get((unit, entry.lang))
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
        and not _PERCENT_AFTER.match(translation, match.end())
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
