"""The rule catalog (stable codes, names, severities, help) and the entry under check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workflow.diagnostics import Diagnostic, Rule

_RULES = (
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
        "Q106",
        "edge-whitespace",
        "warning",
        "Leading or trailing whitespace",
        "The translation starts or ends with whitespace (a space, tab, newline or no-break "
        "space), or has a line break inside, that the source does not have.",
    ),
    Rule(
        "Q107",
        "doubled-word",
        "error",
        "Doubled word",
        "The same word is written twice in a row ('the the', 'в в', 'және және').",
    ),
    Rule(
        "Q108",
        "source-script",
        "error",
        "Japanese left in the translation",
        "The translation contains kana, kanji or Japanese punctuation (。、「」・――) "
        "copied from the source.",
    ),
    Rule(
        "Q109",
        "foreign-word",
        "error",
        "Word in the wrong script",
        "A Latin word in Russian or Kazakh text (or a Cyrillic word in English text) that is "
        "neither in the source, a glossary term, a Roman numeral or chemical symbol, nor in "
        "the language's allow-list ([tool.workflow.check] allowed-words); a Kazakh word in "
        "Russian text; a Kazakh translation of 30+ letters without any Kazakh letter.",
    ),
    Rule(
        "Q110",
        "full-width",
        "error",
        "Full-width letters or digits",
        "Full-width ASCII letters, digits, signs (Ａ１％) or the ideographic space belong to "
        "Japanese text; use the ordinary characters.",
    ),
    Rule(
        "Q111",
        "quote-style",
        "error",
        "Wrong quotation marks",
        "Quotation marks follow the language: « » (nested „ “) in Russian and Kazakh, “ ” "
        "(nested ‘ ’) in English. Straight quotes (\" ') and another language's marks are "
        "wrong in published text; an apostrophe is ’.",
    ),
    Rule(
        "Q112",
        "dash-style",
        "warning",
        "Hyphen or Japanese dash used as a dash",
        "A dash between words is an em dash (—), not a hyphen ( - ), a double hyphen (--) or "
        "the Japanese ―; in Russian and Kazakh it is spaced, not an en dash.",
    ),
    Rule(
        "Q113",
        "markup",
        "error",
        "Markup or entity in plain text",
        "The translation contains an HTML/XML tag (<b>, <br/>), a character entity (&amp;, "
        "&#8212;) or Markdown emphasis (**, `) that the source does not have.",
    ),
    Rule(
        "Q114",
        "sentence-count",
        "warning",
        "Sentence count differs",
        "The translation has more or fewer sentences than the source (。！？); a source "
        "sentence ending in ――。 may continue into the next entry.",
    ),
    Rule(
        "Q115",
        "length-ratio",
        "warning",
        "Translation length out of range",
        "The translation is much shorter or longer than the project's reviewed translations "
        "of the same language (bounds from 'workflow check --calibrate'); it may be "
        "truncated, padded or belong to another entry.",
    ),
    Rule(
        "Q116",
        "url-email",
        "error",
        "URL or e-mail address changed",
        "Every URL and e-mail address of the source appears unchanged in the translation, "
        "and the translation adds none.",
    ),
    Rule(
        "Q117",
        "percent-unit",
        "error",
        "Percentage or unit not carried over",
        "A percentage or a quantity with a unit (トン, km, ドル …) of the source needs the same "
        "unit in the translation (%, процент, tonnes, т, км, доллар …).",
    ),
    Rule(
        "Q201",
        "untranslated",
        "info",
        "Untranslated entries",
        "An entry without a translation (one finding per entry; text output summarises).",
    ),
    Rule(
        "Q202",
        "fuzzy",
        "info",
        "Fuzzy entries",
        "An entry marked fuzzy (machine or outdated translation awaiting review; one finding "
        "per entry; text output summarises).",
    ),
    Rule(
        "W001",
        "bad-waiver",
        "warning",
        "Waiver names an unknown code",
        "A '# workflow: ignore CODE' comment lists a code that no check produces.",
    ),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}

GLOSSARY_CODES = frozenset({"G001", "G002"})


@dataclass(frozen=True)
class Entry:
    """The parts of a PO entry the checks look at."""

    path: str
    line: int
    source: str
    translation: str
    lang: str

    def finding(self, code: str, message: str, **extra: Any) -> Diagnostic:
        rule = RULES[code]
        return Diagnostic(self.path, self.line, code, rule.severity, message, **extra)
