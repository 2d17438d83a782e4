"""What the rules need besides the entry: the glossary and the project's check settings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from workflow import languages
from workflow.config import CheckSettings
from workflow.glossary import Glossary, SourceMatch
from workflow.morphology import normalize


@dataclass(frozen=True)
class CheckContext:
    """The glossary (``None``: no glossary rules) and the ``[tool.workflow.check]`` settings."""

    glossary: Glossary | None = None
    settings: CheckSettings = field(default_factory=CheckSettings)
    _source_terms: dict[str, list[SourceMatch]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def source_terms(self, source: str) -> list[SourceMatch]:
        """Glossary terms in a Japanese *source* (remembered: every language checks it)."""
        if self.glossary is None:
            return []
        found = self._source_terms.get(source)
        if found is None:
            if len(self._source_terms) >= 4096:
                self._source_terms.clear()
            found = self._source_terms[source] = self.glossary.find_source_terms(source)
        return found

    def length_ratio(self, lang: str) -> tuple[float, float] | None:
        """``(low, high)`` bounds of translation/source length for *lang*, if known: the
        ``[tool.workflow.check] length-ratio`` setting, else the registry's default (both
        calibrated on reviewed entries by ``workflow check --calibrate``)."""
        return self.settings.length_ratio.get(lang) or languages.get(lang).length_ratio

    def allowed_words(self, lang: str) -> frozenset[str]:
        """Normalized words that *lang* text may write in another script (see Q109)."""
        return self._allowed.get(lang, frozenset()) | self._glossary_words.get(lang, frozenset())

    @cached_property
    def _allowed(self) -> dict[str, frozenset[str]]:
        return {
            lang: frozenset(normalize(word) for item in items for word in _words(item))
            for lang, items in self.settings.allowed_words.items()
        }

    @cached_property
    def _glossary_words(self) -> dict[str, frozenset[str]]:
        """Every word of every target form of every glossary term, per language."""
        if self.glossary is None:
            return {}
        found: dict[str, set[str]] = {}
        for term in self.glossary.terms:
            for lang in term.languages:
                for form in term.accepted_forms(lang):
                    found.setdefault(lang, set()).update(normalize(w) for w in _words(form))
        return {lang: frozenset(items) for lang, items in found.items()}


#: A run of letters: Q109 compares the translation's runs of one script (split at hyphens,
#: apostrophes and every other non-letter), so allowed words are split the same way.
_LETTERS = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    """The letter runs of an allowed word or glossary form (O’Neill → O, Neill)."""
    return _LETTERS.findall(text)
