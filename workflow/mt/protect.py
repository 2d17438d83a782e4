"""Glossary terms through machine translation: pre-substitute, carry across stages, verify.

Before the first stage every Japanese term form (``find_source_terms``) is replaced by the
glossary target in that stage's output language, so the model copies ``Raznoimport`` instead of
transliterating ラズノインポルト its own way.  Between pivot stages (and after the last one)
the pivot-language forms are replaced by the next language's target term.  Finally each term
is looked up in the output with the inflection-aware ``target_term_present``; terms still
missing are returned so the translator is told in the entry's comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workflow.mt.base import Engine
from workflow.mt.ct2 import Progress

if TYPE_CHECKING:
    from workflow.glossary import Glossary, Term


@dataclass(frozen=True)
class Protected:
    """A source text with its glossary terms already substituted."""

    text: str
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True)
class MtOutput:
    """A machine translation and the glossary terms it failed to keep."""

    text: str
    missing: tuple[Term, ...] = ()


def protect_source(glossary: Glossary | None, text: str, lang: str) -> Protected:
    """Replace every glossary term in the Japanese *text* by its target in *lang*."""
    if glossary is None:
        return Protected(text)
    matches = glossary.find_source_terms(text)
    for match in reversed(matches):
        text = text[: match.start] + match.term.target(lang) + text[match.end :]
    terms = tuple({match.term.id: match.term for match in matches}.values())
    return Protected(text, terms)


def carry_terms(text: str, terms: Sequence[Term], from_lang: str, to_lang: str) -> str:
    """Replace the *from_lang* forms of *terms* in *text* by their *to_lang* targets."""
    if from_lang == to_lang:
        return text
    for term in terms:
        for form in sorted(term.accepted_forms(from_lang), key=len, reverse=True):
            text = text.replace(form, term.target(to_lang))
    return text


def missing_terms(text: str, terms: Sequence[Term], lang: str) -> tuple[Term, ...]:
    """The *terms* that *text* (in *lang*) does not contain in any accepted form."""
    from workflow.morphology import target_term_present

    return tuple(term for term in terms if not target_term_present(lang, term, text))


def translate_with_glossary(
    engine: Engine,
    texts: list[str],
    glossary: Glossary | None,
    progress: Progress | None = None,
) -> list[MtOutput]:
    """Translate *texts* through every stage of *engine*, protecting glossary terms.

    Stages go through the engine's run, so a stage another language of the run already
    computed (ja→en for English and as the pivot for Russian) is not run again."""
    first = engine.stages[0]
    protected = [protect_source(glossary, text, first.target) for text in texts]
    current = [item.text for item in protected]
    for index, stage in enumerate(engine.stages):
        if index:
            current = [
                carry_terms(text, item.terms, stage.source, stage.target)
                for text, item in zip(current, protected, strict=True)
            ]
        current = engine.run.translate_stage(engine, index, current, progress)
    outputs = []
    for text, item in zip(current, protected, strict=True):
        for pivot in engine.pivots:
            text = carry_terms(text, item.terms, pivot, engine.target)
        outputs.append(MtOutput(text, missing_terms(text, item.terms, engine.target)))
    return outputs
