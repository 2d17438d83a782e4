"""The language registry: one module per language, each defining ``LANGUAGE``.

A module named by the language's code (``ja``, ``en``, ``ru``, ``kk`` ...) holds a
:class:`~workflow.languages.model.Language` record: names and plural forms (from CLDR through
Babel), proofing tags, typography, fonts, hyphenation, morphology, number words, units and
machine-translation codes.  Every other module asks this registry; adding a language is
adding one module here (and its fields in the glossary).

>>> get("kk").format_date(__import__("datetime").date(2026, 2, 17))
'2026 жылғы 17 ақпан'
>>> [get(code).night(118) for code in ("en", "ru", "kk", "ja")]
['Night 118', 'Ночь 118', '118-түн', '第118夜']
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re

from workflow.errors import ConfigError
from workflow.languages.model import Font, Language, Quotes, Typography

__all__ = [
    "DEFAULT_PIVOT",
    "DEFAULT_SOURCE",
    "DEFAULT_TARGETS",
    "Font",
    "Language",
    "Quotes",
    "Typography",
    "UnknownLanguageError",
    "codes",
    "font_package",
    "get",
    "require_known",
]

#: The project defaults of ``[tool.workflow]`` (source-language, languages, mt.pivot).
DEFAULT_SOURCE = "ja"
DEFAULT_TARGETS = ("en", "ru", "kk")
DEFAULT_PIVOT = "en"

#: Language modules are named by their code; helper modules (``model``) are longer.
_CODE = re.compile(r"[a-z]{2,3}")
_SETTING = "pyproject.toml [tool.workflow] languages"

# Shared by the language modules: Noto covers Latin, Cyrillic (with ә ғ қ ң ө ұ ү һ і) and CJK.
NOTO_SERIF = Font("Noto Serif", "fonts-noto-core")
NOTO_SERIF_CJK = Font("Noto Serif CJK JP", "fonts-noto-cjk")
#: Russian and Kazakh quotation marks: « » outside, „ “ nested; English ” ‘ ’ are slips.
GUILLEMETS = Quotes(
    primary=("«", "»"),
    nested=("„", "“"),
    wrong={"”": "» or “", "‘": "„", "’": "“", "‚": "„"},
)


class UnknownLanguageError(ConfigError):
    """A language code with no module in :mod:`workflow.languages`."""


@functools.cache
def codes() -> tuple[str, ...]:
    """Every language code the registry has a module for, sorted."""
    return tuple(
        sorted(info.name for info in pkgutil.iter_modules(__path__) if _CODE.fullmatch(info.name))
    )


def require_known(code: str) -> None:
    """Raise ValueError (for settings validation) unless *code* has a registry module."""
    if code not in codes():
        raise ValueError(
            f"unknown language {code!r}; known: {', '.join(codes())} (a new language is a "
            f"module workflow/languages/{code}.py: README, Adding a language)"
        )


@functools.cache
def get(code: str) -> Language:
    """The record of language *code*; :class:`UnknownLanguageError` naming the known codes."""
    if code not in codes():
        raise UnknownLanguageError(
            f"unknown language {code!r}; known: {', '.join(codes())}",
            hint=f"fix {_SETTING} (or --lang), or add workflow/languages/{code}.py",
        )
    language = importlib.import_module(f"{__name__}.{code}").LANGUAGE
    if not isinstance(language, Language) or language.code != code:
        raise TypeError(f"workflow/languages/{code}.py must define LANGUAGE = Language({code!r}…)")
    return language


def font_package(family: str) -> str | None:
    """The Debian package that installs font *family*, if a language uses it."""
    return next(
        (font.package for code in codes() for font in get(code).fonts if font.family == family),
        None,
    )
