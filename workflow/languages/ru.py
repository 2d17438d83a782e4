"""Russian: cases and agreement through pymorphy3 (loaded on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workflow.languages import GUILLEMETS, NOTO_SERIF, NOTO_SERIF_CJK
from workflow.languages.model import Language, Typography

if TYPE_CHECKING:
    from workflow.morphology import PhrasePattern

#: Month stems: the month itself and adjectives such as июньских, майский.
_MONTH_STEMS = (
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
_MONTH_ENDINGS = ("", "ь", "я", "е", "ю", "ем", "а", "у", "ом", "й", "ей")


def _mentions_month(month: int, words: frozenset[str]) -> bool:
    """A declined month (июня, маем) or a month adjective (июньских, майский)."""
    stem = _MONTH_STEMS[month - 1]
    return any(stem + ending in words for ending in _MONTH_ENDINGS) or any(
        word.startswith(stem if len(stem) > 2 else "майск") for word in words
    )


def _has_number_word(word: str, text: str) -> bool:
    """A number word in any case (двух, тремя): pymorphy3's normal form."""
    from workflow.morphology import words
    from workflow.morphology.ru import analyzer

    return any(
        parse.normal_form == word
        for token in words(text)
        for parse in analyzer().parse(token.group())
    )


def _phrase_pattern(term: str) -> PhrasePattern:
    from workflow.morphology import ru

    return ru.phrase_pattern(term)


#: Russian typesetting binds one- and two-letter prepositions, conjunctions and particles to
#: the next word (и, в, к, с, у, о, а, на, по, за, из, от, до, не, но, об, со, ко, во, то …).
_BOUND = frozenset(
    "а в и к о с у я во ко со об от до за из на по не ни но же ли бы то".split()  # noqa: SIM905
)

LANGUAGE = Language(
    code="ru",
    locale="ru",
    html_tag="ru",
    proofing_tag="ru-RU",
    script="Cyrillic",
    fonts=(NOTO_SERIF, NOTO_SERIF_CJK),
    typography=Typography(
        joiner=" ",
        quotes=GUILLEMETS,
        spaced_dash=True,
        bound_words=_BOUND,
    ),
    night_pattern="Ночь {number}",
    draft_label="Черновик",
    draft_notice=(
        "Черновик: проверено {reviewed} из {total} сегментов ({percent}\u00a0%). "
        "Выделенные фрагменты ещё не проверены: неточные переводы — жёлтым, "
        "японский оригинал без перевода — красным."
    ),
    date_pattern="d MMMM y\u00a0'г'.",  # CLDR has a plain space before г.
    # GNU gettext's header (msginit); Babel writes the same rule differently.
    plural_forms_override=(
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    number_words={
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
    units={
        "percent": r"%|процент",
        "tonne": r"\bт\b|\bтонн",
        "kilogram": r"килограмм|\bкг\b",
        "kilometre": r"километр|\bкм\b",
        "hectare": r"гектар|\bга\b",
        "megawatt": r"мегаватт|МВт",
        "dollar": r"доллар|\bдолл\b|\$",
        "yen": r"\b[ий]ен|¥",
        "rouble": r"рубл|\bруб\b",
        "tenge": r"тенге|₸",
        "degree": r"градус|°",
    },
    length_ratio=(1.9, 4.2),
    morphology=_phrase_pattern,
    month_matcher=_mentions_month,
    number_word_matcher=_has_number_word,
    nllb_code="rus_Cyrl",
)
