"""The project glossary (``glossary/terms.yaml``): loading, validation, source-side lookup.

The file is a YAML mapping with one key, ``terms``, a list of entries::

    terms:
      - id: raznoimport
        kind: organization
        ja: [ラズノインポルト]
        en: Raznoimport
        ru: Разноимпорт
        kk: Разноимпорт
        forms: {kk: [Разноимпорт бірлестігі]}
        note: Soviet foreign-trade association.
        keep: false

Each target language of the project (``[tool.workflow] languages``) is a field holding its
target term; every term must have all of them.  A field for another language of the registry
(:mod:`workflow.languages`) is kept but not required, so one glossary can serve projects with
different languages.  Loading is safe (no YAML tags beyond the standard ones) and every
problem is reported as an :class:`~workflow.errors.InputError` naming ``path:line`` and the
field, using the line marks of the composed YAML tree.  Target-side (inflection-aware)
matching lives in :mod:`workflow.morphology`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from workflow import languages as registry
from workflow.errors import InputError
from workflow.fsio import read_input_text
from workflow.yamlio import construct, line_of, load_yaml

TermKind = Literal["organization", "place", "person", "material", "historical", "concept"]

_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")
_LATIN = re.compile(r"[A-Za-z]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clean(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


@dataclass(frozen=True)
class TargetForms:
    """The target term for one language plus its extra accepted forms."""

    lang: str
    term: str
    extra: tuple[str, ...] = ()

    @property
    def all(self) -> list[str]:
        """The term first, then the extra forms (no duplicates)."""
        return list(dict.fromkeys((self.term, *self.extra)))


class Term(_Strict):
    """One glossary entry.  The YAML fields named by a language code (``en: Raznoimport``)
    are gathered into :attr:`targets`."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: TermKind
    ja: list[str] = Field(min_length=1)
    targets: dict[str, Annotated[str, AfterValidator(_clean)]] = Field(default_factory=dict)
    forms: dict[str, list[str]] = Field(default_factory=dict)
    note: str = ""
    keep: bool = False

    @model_validator(mode="before")
    @classmethod
    def _gather_targets(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "targets" in data:
            return data
        fields = {key: value for key, value in data.items() if not _is_target_field(key)}
        targets = {key: value for key, value in data.items() if _is_target_field(key)}
        return {**fields, "targets": targets}

    @field_validator("ja")
    @classmethod
    def _nonempty_forms(cls, value: list[str]) -> list[str]:
        forms = [_clean(form) for form in value]
        if len(set(forms)) != len(forms):
            raise ValueError("lists the same Japanese form twice")
        return forms

    @field_validator("forms")
    @classmethod
    def _nonempty_extra(
        cls, value: dict[str, list[str]], info: ValidationInfo
    ) -> dict[str, list[str]]:
        targets = info.data.get("targets", {})
        for lang in value:
            if lang not in targets:
                raise ValueError(f"{lang!r} is not a target language of this term")
        return {lang: [_clean(form) for form in forms] for lang, forms in value.items()}

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this term has a target term for, in the file's order."""
        return tuple(self.targets)

    def target(self, lang: str) -> str:
        """The target term in *lang*."""
        if lang not in self.targets:
            raise KeyError(f"term {self.id!r} has no target term in {lang!r}")
        return self.targets[lang]

    def target_forms(self, lang: str) -> TargetForms:
        """The target term and extra forms for *lang*."""
        return TargetForms(lang, self.target(lang), tuple(self.forms.get(lang, ())))

    def accepted_forms(self, lang: str) -> list[str]:
        """Every form a translation into *lang* may use: the target term, then extra forms."""
        return self.target_forms(lang).all


@dataclass(frozen=True)
class SourceMatch:
    """A glossary term found in a Japanese source text at ``text[start:end]``."""

    term: Term
    start: int
    end: int
    form: str


def _is_target_field(key: object) -> bool:
    return key not in Term.model_fields and key in registry.codes()


class Glossary(BaseModel):
    """All terms, with a Japanese-side lookup (longest match first).

    :attr:`languages` are the project's target languages (every term has them), in the
    order of the settings; TBX and CSV exports write these.
    """

    model_config = ConfigDict(frozen=True)

    terms: list[Term]
    languages: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _default_languages(self) -> Glossary:
        if not self.languages:  # built in code: the languages the terms have
            found = dict.fromkeys(lang for term in self.terms for lang in term.languages)
            object.__setattr__(self, "languages", tuple(found))
        return self

    def get(self, term_id: str) -> Term:
        """The term with id *term_id* (``KeyError`` if unknown)."""
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(term_id)

    @cached_property
    def _source_pattern(self) -> tuple[re.Pattern[str] | None, dict[str, Term]]:
        by_form = {form: term for term in self.terms for form in term.ja}
        if not by_form:
            return None, by_form
        longest_first = sorted(by_form, key=len, reverse=True)
        pattern = re.compile("|".join(_source_alternative(form) for form in longest_first))
        return pattern, by_form

    def find_source_terms(self, text: str) -> list[SourceMatch]:
        """Terms in the Japanese *text*: longest form first, non-overlapping, in text order.

        A form that starts (ends) with katakana does not match right after (before) another
        katakana character, so ウラン is not found inside ウランバートル; likewise a Latin
        form is not found inside a longer Latin word (ODA in CODA).
        """
        pattern, by_form = self._source_pattern
        if pattern is None:
            return []
        return [
            SourceMatch(by_form[match.group()], match.start(), match.end(), match.group())
            for match in pattern.finditer(text)
        ]


def _source_alternative(form: str) -> str:
    body = re.escape(form)
    if _KATAKANA.match(form[0]):
        body = r"(?<![\u30a1-\u30fa\u30fc])" + body
    if _KATAKANA.match(form[-1]):
        body += r"(?![\u30a1-\u30fa\u30fc])"
    if _LATIN.match(form[0]):
        body = r"(?<![A-Za-z])" + body
    if _LATIN.match(form[-1]):
        body += r"(?![A-Za-z])"
    return body


# --- loading -------------------------------------------------------------------------------


def load_glossary(path: Path, languages: Sequence[str] = registry.DEFAULT_TARGETS) -> Glossary:
    """Read and validate a glossary file whose terms all name *languages* (the project's
    ``[tool.workflow] languages``); any problem raises :class:`InputError`."""
    text = read_input_text(
        path, "glossary", hint="create glossary/terms.yaml (see README, section Glossary)"
    )
    return parse_glossary(text, path, languages)


def parse_glossary(
    text: str, path: Path, languages: Sequence[str] = registry.DEFAULT_TARGETS
) -> Glossary:
    """Validate the glossary YAML *text* (read from *path*, used in messages)."""
    root = _compose(text, path)
    entries = _term_nodes(root, path)
    terms = [_validate_term(node, path, tuple(languages)) for node in entries]
    _check_unique(terms, entries, path)
    return Glossary(terms=terms, languages=tuple(languages))


def _compose(text: str, path: Path) -> yaml.Node:
    document = load_yaml(text, path, what="glossary")
    if document is None:
        raise InputError("glossary is empty", path=path, hint="add a 'terms:' list")
    return document.root


def _term_nodes(root: yaml.Node, path: Path) -> list[yaml.MappingNode]:
    line = root.start_mark.line + 1
    if not isinstance(root, yaml.MappingNode):
        raise InputError("glossary must be a mapping with a 'terms' list", path=path, line=line)
    keys = {str(key.value): (key, value) for key, value in root.value}
    unknown = sorted(set(keys) - {"terms"})
    if unknown:
        raise InputError(
            f"unknown top-level key {unknown[0]!r}",
            path=path,
            line=keys[unknown[0]][0].start_mark.line + 1,
            hint="only 'terms' is allowed",
        )
    if "terms" not in keys:
        raise InputError("missing 'terms' list", path=path, line=line)
    terms = keys["terms"][1]
    if not isinstance(terms, yaml.SequenceNode):
        raise InputError(
            "'terms' must be a list of entries", path=path, line=terms.start_mark.line + 1
        )
    for node in terms.value:
        if not isinstance(node, yaml.MappingNode):
            raise InputError(
                "each term must be a mapping (id, kind, ja, en, ru, kk ...)",
                path=path,
                line=node.start_mark.line + 1,
            )
    return list(terms.value)


def _validate_term(node: yaml.MappingNode, path: Path, languages: tuple[str, ...]) -> Term:
    data = construct(node)
    entry_id = data.get("id") if isinstance(data.get("id"), str) else None
    where = f"term {entry_id!r}" if entry_id else "term"
    required = f"id, kind, ja, {', '.join(languages)}"
    try:
        term = Term.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [part for part in error["loc"] if part is not None]
        if loc[:1] == ["targets"]:  # a language field: name it as the file does
            loc = loc[1:]
        field = ".".join(str(part) for part in loc) or "entry"
        if error["type"] == "extra_forbidden":
            message = f"{where}: unknown field {field!r}"
            hint = f"allowed: {required}, forms, note, keep (languages: {_LANGUAGES_SETTING})"
        elif error["type"] == "missing":
            message = f"{where}: missing field {field!r}"
            hint = f"every term needs {required}"
        else:
            reason = str(error["msg"]).removeprefix("Value error, ")
            message = f"{where}: invalid {field!r}: {reason}"
            hint = _field_hint(str(loc[0]) if loc else "")
        raise InputError(message, path=path, line=line_of(node, loc), hint=hint) from exc
    missing = [lang for lang in languages if lang not in term.targets]
    if missing:
        raise InputError(
            f"{where}: missing field {missing[0]!r}",
            path=path,
            line=node.start_mark.line + 1,
            hint=f"every term needs {required} (languages: {_LANGUAGES_SETTING})",
        )
    return term


_LANGUAGES_SETTING = "[tool.workflow] languages in pyproject.toml"


def _field_hint(field: str) -> str:
    return {
        "id": "use lowercase ascii letters, digits and '-'",
        "kind": "one of organization, place, person, material, historical, concept",
        "ja": "a list of the Japanese forms, e.g. [ラズノインポルト]",
        "forms": "a mapping such as {ru: [form, ...]} for the term's target languages",
        "keep": "true or false",
    }.get(field, "see README, section Glossary")


def _check_unique(terms: list[Term], nodes: list[yaml.MappingNode], path: Path) -> None:
    ids: dict[str, int] = {}
    forms: dict[str, tuple[str, int]] = {}
    for term, node in zip(terms, nodes, strict=True):
        line = node.start_mark.line + 1
        if term.id in ids:
            raise InputError(
                f"duplicate term id {term.id!r} (lines {ids[term.id]} and {line})",
                path=path,
                line=line,
                hint="give each term a unique id",
            )
        ids[term.id] = line
        for form in term.ja:
            form_line = line_of(node, ["ja", term.ja.index(form)])
            if form in forms:
                other_id, other_line = forms[form]
                raise InputError(
                    f"Japanese form {form!r} belongs to both {other_id!r} (line {other_line}) "
                    f"and {term.id!r} (line {form_line})",
                    path=path,
                    line=form_line,
                    hint="each Japanese form may belong to one term only",
                )
            forms[form] = (term.id, form_line)
