"""The record a language module fills in: :class:`Language` and its parts.

Facts that CLDR holds (names, plural rules, month names, the long date pattern) are read
from Babel through :attr:`Language.locale`; a module sets an override only where the house
style differs from CLDR (the Kazakh date ``2026 жылғы 17 ақпан``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from babel import Locale
from babel.dates import format_date, get_month_names
from babel.messages.plurals import get_plural

if TYPE_CHECKING:
    from workflow.morphology import PhrasePattern

NBSP = "\u00a0"
#: Writing systems the checks tell apart (Q109 words of the other script, distinctive letters).
Script = Literal["Latin", "Cyrillic", "Japanese"]
_EAST_ASIAN_SCRIPTS = frozenset({"Japanese"})
#: Dashes between words: em dash, en dash (Kazakh and Russian typesetting use both).
DASHES = "—–"
#: A space before a dash: the dash stays at the end of the line, never starts one.
_SPACE_BEFORE_DASH = re.compile(rf" +(?=[{DASHES}](?:\s|$))")


@dataclass(frozen=True)
class Font:
    """A fontconfig family and the Debian package that installs it (for error hints)."""

    family: str
    package: str


@dataclass(frozen=True, eq=False)  # one record per language: compared by identity
class Quotes:
    """Quotation marks: the right ones, and what each wrong one should be instead."""

    primary: tuple[str, str]
    nested: tuple[str, str]
    #: A mark another language uses → what to write instead (Q111).
    wrong: Mapping[str, str] = field(default_factory=dict)
    #: The apostrophe, when the language has one worth naming in a hint.
    apostrophe: str = ""

    @property
    def hint(self) -> str:
        """``use « » (nested „ “)``, plus the apostrophe where the language has one."""
        text = f"use {' '.join(self.primary)} (nested {' '.join(self.nested)})"
        return text + (f", and {self.apostrophe} as apostrophe" if self.apostrophe else "")

    @property
    def closes_low_nested(self) -> bool:
        """Whether ``“`` only closes a nested ``„`` (Russian style), never opens a quote."""
        return self.nested == ("„", "“")


@dataclass(frozen=True)
class Typography:
    """How text of the language is set: sentence joins, no-break spaces, quotes, dashes."""

    #: Placed between the sentences of a paragraph (``""`` for Japanese).
    joiner: str
    quotes: Quotes
    #: A dash between words is a spaced em dash (`` — ``), never a spaced en dash.
    spaced_dash: bool = False
    #: Short words bound to the next word by a no-break space (prepositions, conjunctions).
    bound_words: frozenset[str] = frozenset()
    #: The subtitle is set in italics (CJK has none; Word would slant the glyphs).
    italic: bool = True
    #: Line spacing of body text in DOCX.
    docx_line_spacing: float = 1.3

    @property
    def spaced(self) -> bool:
        """Whether words and sentences are separated by spaces."""
        return self.joiner == " "

    def typeset(self, text: str) -> str:
        """*text* with the language's no-break spaces: before a dash, and after the short
        words of :attr:`bound_words` (``в\u00a0Москве``), so no line starts with a dash and
        no line ends with a one- or two-letter preposition."""
        if not self.spaced:
            return text
        text = _SPACE_BEFORE_DASH.sub(NBSP, text)
        if self.bound_words:
            text = _bound_pattern(self.bound_words).sub(lambda m: m.group(1) + NBSP, text)
        return text

    def separator(self, following: str) -> str:
        """What goes between two sentences of a paragraph when the second is *following*: a
        sentence that opens with a dash is bound to the one before it."""
        return NBSP if self.spaced and following[:1] in DASHES else self.joiner


#: (month number, normalized words of a text) → whether the text names that month.
MonthMatcher = Callable[[int, frozenset[str]], bool]
#: (number word, text) → whether the text contains the word in some form.
NumberWordMatcher = Callable[[str, str], bool]
#: A glossary target term → the inflected forms a translation may use.
Morphology = Callable[[str], "PhrasePattern"]


@dataclass(frozen=True, eq=False)  # one record per language: compared by identity
class Language:
    """Everything the workflow knows about one language; one module per language fills it."""

    code: str  # as in pyproject.toml, locales/<code>/ and glossary fields
    locale: str  # Babel/CLDR locale: names, plural rules, month names, date pattern
    html_tag: str  # BCP 47 tag for the HTML lang attribute and PDF /Lang
    proofing_tag: str  # tag Word proofs with (w:lang)
    script: Script
    fonts: tuple[Font, ...]  # first choice first
    typography: Typography
    night_pattern: str  # the series' episode label; str.format field: number
    draft_label: str
    draft_notice: str  # str.format fields: reviewed, total, percent
    #: CLDR date pattern where the house style differs from the locale's long date.
    date_pattern: str | None = None
    #: gettext Plural-Forms where the house header differs from Babel's.
    plural_forms_override: str | None = None
    #: Letters that tell this language from others in its script (Kazakh ә ғ қ ...).
    distinctive_letters: str = ""
    #: Numbers spelt out (a source number written as a word still counts, Q101).
    number_words: Mapping[int, str] = field(default_factory=dict)
    #: Unit (percent, tonne ...) → regular expression of it in a translation (Q117).
    units: Mapping[str, str] = field(default_factory=dict)
    #: Words that may legitimately stand twice in a row (Q107).
    allowed_doubles: frozenset[str] = frozenset()
    #: Default (low, high) bounds of translation/source length; None: not calibrated.
    length_ratio: tuple[float, float] | None = None
    #: Inflection of glossary terms; None: exact (case-insensitive) word match only.
    morphology: Morphology | None = None
    #: How a month is recognised in a translation; None: its CLDR name as a whole word.
    month_matcher: MonthMatcher | None = None
    #: How a number word is recognised; None: through :attr:`morphology`.
    number_word_matcher: NumberWordMatcher | None = None
    #: NLLB-200 (FLORES-200) language code, e.g. ``kaz_Cyrl``.
    nllb_code: str | None = None
    #: Whether Argos Translate publishes models for the language.
    argos: bool = True

    @property
    def english_name(self) -> str:
        """The language's English name (CLDR), e.g. ``Kazakh``."""
        return str(self._base_locale.english_name)

    @property
    def native_name(self) -> str:
        """The language's name in itself (CLDR), e.g. ``қазақ тілі``."""
        return str(self._base_locale.display_name)

    @property
    def _base_locale(self) -> Locale:
        return Locale.parse(self.locale.split("_")[0])

    @property
    def plural_forms(self) -> str:
        """The gettext ``Plural-Forms`` header value for new catalogs."""
        return self.plural_forms_override or get_plural(self.locale).plural_forms

    @property
    def months(self) -> tuple[str, ...]:
        """Month names as a date writes them (CLDR ``format`` context: ``февраля``)."""
        names = get_month_names("wide", "format", self.locale)
        return tuple(names[number] for number in range(1, 13))

    @property
    def hyphenates(self) -> bool:
        """Whether the PDF hyphenates (pyphen, WeasyPrint's hyphenator, has a dictionary)."""
        return _pyphen_has(self.html_tag)

    @property
    def ragged_right(self) -> bool:
        """Set flush left: justified lines without hyphenation would gape between words."""
        return self.typography.spaced and not self.hyphenates

    @property
    def east_asian(self) -> bool:
        """Whether Word should proof and lay out the text as East Asian (``w:eastAsia``)."""
        return self.script in _EAST_ASIAN_SCRIPTS

    @property
    def font_families(self) -> tuple[str, ...]:
        """The fontconfig families, first choice first."""
        return tuple(font.family for font in self.fonts)

    def format_date(self, day: dt.date) -> str:
        """The long date, e.g. ``17 February 2026``."""
        return str(format_date(day, self.date_pattern or "long", locale=self.locale))

    def night(self, number: int) -> str:
        """The episode label of the series, e.g. ``Night 118``."""
        return self.night_pattern.format(number=number)

    def mentions_month(self, month: int, words: frozenset[str]) -> bool:
        """Whether the normalized *words* of a text name *month* (1-12)."""
        if self.month_matcher is not None:
            return self.month_matcher(month, words)
        return self.months[month - 1].lower() in words


@functools.cache
def _pyphen_has(tag: str) -> bool:
    import pyphen

    return pyphen.language_fallback(tag.replace("-", "_")) is not None


@functools.cache
def _bound_pattern(bound_words: frozenset[str]) -> re.Pattern[str]:
    """A space after one of *bound_words* (longest first), to become a no-break space."""
    words = "|".join(sorted(bound_words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])((?:{words})) (?=\S)", re.IGNORECASE)
