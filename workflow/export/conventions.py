"""Per-language typographic conventions for published documents, kept in one small table.

Dates follow each language's usual long form, and the series' "night number" is written the
way a reader of that language would expect:

>>> import datetime as dt
>>> day = dt.date(2026, 2, 17)
>>> print(" | ".join(CONVENTIONS[lang].format_date(day) for lang in ("en", "ru", "kk", "ja")))
17 February 2026 | 17 февраля 2026 г. | 2026 жылғы 17 ақпан | 2026年2月17日
>>> [CONVENTIONS[lang].night(118) for lang in ("en", "ru", "kk", "ja")]
['Night 118', 'Ночь 118', '118-түн', '第118夜']
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

NBSP = "\u00a0"
_DASHES = "—–"  # em dash, en dash (Kazakh and Russian typesetting use both as a dash)
#: A space before a dash: the dash stays at the end of the line, never starts one.
_SPACE_BEFORE_DASH = re.compile(rf" +(?=[{_DASHES}](?:\s|$))")

_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_RU_MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_KK_MONTHS = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)


@dataclass(frozen=True)
class Conventions:
    """How one language is typeset: joins, dates, labels, language tags and fonts."""

    lang: str
    joiner: str  # placed between the sentences of a paragraph
    date_pattern: str  # str.format fields: day, month (name), month_number, year
    months: tuple[str, ...]
    night_pattern: str  # str.format field: number
    html_lang: str  # BCP 47 tag for the HTML lang attribute and PDF /Lang
    word_lang: str  # tag Word uses for proofing (w:lang)
    hyphenate: bool  # pyphen has a dictionary for the language
    fonts: tuple[str, ...]  # fontconfig families, first choice first
    draft_label: str
    draft_notice: str  # str.format fields: reviewed, total, percent
    #: Short words bound to the next word by a no-break space (prepositions, conjunctions).
    bound_words: frozenset[str] = frozenset()

    def typeset(self, text: str) -> str:
        """*text* with the language's no-break spaces: before a dash, and after the short
        words of :attr:`bound_words` (``в\u00a0Москве``), so no line starts with a dash and
        no line ends with a one- or two-letter preposition."""
        if self.lang == "ja":
            return text
        text = _SPACE_BEFORE_DASH.sub(NBSP, text)
        if self.bound_words:
            text = _bound_pattern(self.bound_words).sub(lambda m: m.group(1) + NBSP, text)
        return text

    def separator(self, following: str) -> str:
        """What goes between two sentences of a paragraph when the second is *following*: a
        sentence that opens with a dash is bound to the one before it."""
        return NBSP if self.joiner == " " and following[:1] in _DASHES else self.joiner

    def format_date(self, day: dt.date) -> str:
        """The long date, e.g. ``17 February 2026``."""
        return self.date_pattern.format(
            day=day.day, month=self.months[day.month - 1], month_number=day.month, year=day.year
        )

    def night(self, number: int) -> str:
        """The episode label of the series, e.g. ``Night 118``."""
        return self.night_pattern.format(number=number)


_LATIN_CYRILLIC_FONTS = ("Noto Serif", "Noto Serif CJK JP")

#: Russian typesetting binds one- and two-letter prepositions, conjunctions and particles to
#: the next word (и, в, к, с, у, о, а, на, по, за, из, от, до, не, но, об, со, ко, во, то …).
_RU_BOUND = frozenset(
    "а в и к о с у я во ко со об от до за из на по не ни но же ли бы то".split()  # noqa: SIM905
)

CONVENTIONS: dict[str, Conventions] = {
    "en": Conventions(
        lang="en",
        joiner=" ",
        date_pattern="{day} {month} {year}",
        months=_EN_MONTHS,
        night_pattern="Night {number}",
        html_lang="en-GB",
        word_lang="en-GB",
        hyphenate=True,
        fonts=_LATIN_CYRILLIC_FONTS,
        draft_label="Draft",
        draft_notice=(
            "Draft: {reviewed} of {total} segments reviewed ({percent}%). "
            "Highlighted passages are not reviewed yet: fuzzy translations in yellow, "
            "untranslated Japanese source in red."
        ),
    ),
    "ru": Conventions(
        lang="ru",
        joiner=" ",
        date_pattern="{day} {month} {year}\u00a0г.",
        months=_RU_MONTHS_GENITIVE,
        night_pattern="Ночь {number}",
        html_lang="ru",
        word_lang="ru-RU",
        hyphenate=True,
        fonts=_LATIN_CYRILLIC_FONTS,
        draft_label="Черновик",
        bound_words=_RU_BOUND,
        draft_notice=(
            "Черновик: проверено {reviewed} из {total} сегментов ({percent}\u00a0%). "
            "Выделенные фрагменты ещё не проверены: неточные переводы — жёлтым, "
            "японский оригинал без перевода — красным."
        ),
    ),
    "kk": Conventions(
        lang="kk",
        joiner=" ",
        date_pattern="{year} жылғы {day} {month}",
        months=_KK_MONTHS,
        night_pattern="{number}-түн",
        html_lang="kk",
        word_lang="kk-KZ",
        hyphenate=False,
        fonts=_LATIN_CYRILLIC_FONTS,
        draft_label="Нобай",
        draft_notice=(
            "Нобай: {total} сегменттің {reviewed} тексерілген ({percent}%). "
            "Белгіленген үзінділер әлі тексерілмеген: анық емес аудармалар — сары түспен, "
            "аударылмаған жапон мәтіні — қызыл түспен."
        ),
    ),
    "ja": Conventions(
        lang="ja",
        joiner="",
        date_pattern="{year}年{month_number}月{day}日",
        months=_EN_MONTHS,
        night_pattern="第{number}夜",
        html_lang="ja",
        word_lang="ja-JP",
        hyphenate=False,
        fonts=("Noto Serif CJK JP", "Noto Serif"),
        draft_label="草稿",
        draft_notice="草稿:{total}文中{reviewed}文が確認済み({percent}%)。",
    ),
}


def conventions(lang: str) -> Conventions:
    """The conventions for *lang* (every language in ``config.KNOWN_LANGUAGES``)."""
    return CONVENTIONS[lang]


@functools.cache
def _bound_pattern(bound_words: frozenset[str]) -> re.Pattern[str]:
    """A space after one of *bound_words* (longest first), to become a no-break space."""
    words = "|".join(sorted(bound_words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])((?:{words})) (?=\S)", re.IGNORECASE)
