"""Findings of the checks and their renderings: text, JSON and SARIF 2.1.0.

A :class:`Diagnostic` points at one PO entry (``path:line``) and carries a stable code from
a :class:`Rule` catalog (e.g. ``G001``).  Waived findings (see :mod:`workflow.checks`) stay in
the report, marked as waived, but never count as errors.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import Literal

from workflow import __version__
from workflow.wording import plural

Severity = Literal["error", "warning", "info"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@dataclass(frozen=True)
class Rule:
    """A kind of finding: stable code, short kebab-case name, default severity, help text."""

    code: str
    name: str
    severity: Severity
    summary: str
    help: str


@dataclass(frozen=True)
class Diagnostic:
    """One finding at ``path:line`` (path relative to the project root, with ``/``)."""

    path: str
    line: int
    code: str
    severity: Severity
    message: str
    term: str | None = None
    detail: str | None = None
    hint: str | None = None
    waived: bool = False
    #: When a waiver is the right answer ("" always): suggested after the hint until waived.
    waiver: str | None = None

    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        """``path:line: severity CODE message (hint)``, as in the text report."""
        label = f"{self.severity} (waived)" if self.waived else self.severity
        text = f"{self.location()}: {label} {self.code} {self.message}"
        hint = self.full_hint()
        return f"{text} ({hint})" if hint else text

    def full_hint(self) -> str | None:
        """The hint, followed by the waiver suggestion unless the finding is waived."""
        if self.waiver is None or self.waived:
            return self.hint
        when = f" {self.waiver}" if self.waiver else ""
        suggestion = f"waive with '# workflow: ignore {self.code}'{when}"
        return f"{self.hint}; or {suggestion}" if self.hint else suggestion

    def strict(self) -> Diagnostic:
        """This finding with warnings raised to errors (``--strict``)."""
        return replace(self, severity="error") if self.severity == "warning" else self

    def waive(self) -> Diagnostic:
        """This finding waived by a translator comment."""
        return replace(self, waived=True)

    def counts_as_error(self) -> bool:
        return self.severity == "error" and not self.waived


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, str]:
    return diagnostic.path, diagnostic.line, diagnostic.code


def summary(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    """Counts by severity (waived findings counted apart)."""
    counts: Counter[str] = Counter()
    for diagnostic in diagnostics:
        counts["waived" if diagnostic.waived else diagnostic.severity] += 1
    return {key: counts[key] for key in ("error", "warning", "info", "waived")}


#: Codes listed once per entry in JSON and SARIF but summarised per catalog in text.
SUMMARISED = {"Q201": "untranslated", "Q202": "fuzzy"}


def render_text(diagnostics: list[Diagnostic]) -> str:
    """One line per finding, ``path:line: severity CODE message (hint)``, then a summary.

    Untranslated and fuzzy entries (Q201, Q202) get one line per catalog with their lines.
    """
    lines = []
    grouped: dict[tuple[str, str], list[Diagnostic]] = {}
    for item in sorted(diagnostics, key=sort_key):
        if item.code in SUMMARISED:
            grouped.setdefault((item.path, item.code), []).append(item)
        else:
            lines.append(str(item))
    for (path, code), items in grouped.items():
        where = ", ".join(str(item.line) for item in items[:10])
        more = f" and {len(items) - 10} more" if len(items) > 10 else ""
        lines.append(
            f"{path}:{items[0].line}: {items[0].severity} {code} {len(items)} "
            f"{SUMMARISED[code]} entr{'y' if len(items) == 1 else 'ies'} (lines {where}{more})"
        )
    counts = summary(diagnostics)
    lines.append(
        f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
        f"{counts['info']} info, {counts['waived']} waived"
    )
    return "\n".join(lines) + "\n"


def render_json(diagnostics: list[Diagnostic]) -> str:
    """``{"diagnostics": [...], "summary": {...}}`` as indented JSON."""
    payload = {
        "diagnostics": [_json_finding(item) for item in sorted(diagnostics, key=sort_key)],
        "summary": summary(diagnostics),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _json_finding(item: Diagnostic) -> dict[str, object]:
    fields = asdict(item)
    del fields["waiver"]
    return {**fields, "hint": item.full_hint()}


def render_sarif(diagnostics: list[Diagnostic], rules: Mapping[str, Rule]) -> str:
    """A SARIF 2.1.0 log with one run: every rule in ``tool.driver.rules``, one result per
    finding (waived ones carry an accepted in-source suppression)."""
    ordered = sorted(rules)
    index = {code: position for position, code in enumerate(ordered)}
    run = {
        "tool": {
            "driver": {
                "name": "workflow-check",
                "version": __version__,
                "rules": [_sarif_rule(rules[code]) for code in ordered],
            }
        },
        "originalUriBaseIds": {"SRCROOT": {"description": {"text": "project root"}}},
        "results": [_sarif_result(item, index) for item in sorted(diagnostics, key=sort_key)],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_rule(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.help},
        "help": {"text": rule.help},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
    }


def _sarif_result(item: Diagnostic, index: Mapping[str, int]) -> dict[str, object]:
    hint = item.full_hint()
    text = f"{item.message} ({hint})" if hint else item.message
    result: dict[str, object] = {
        "ruleId": item.code,
        "level": _SARIF_LEVELS[item.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": item.path, "uriBaseId": "SRCROOT"},
                    "region": {"startLine": item.line},
                }
            }
        ],
    }
    if item.code in index:
        result["ruleIndex"] = index[item.code]
    if item.term or item.detail:
        result["properties"] = {
            key: value for key, value in (("term", item.term), ("detail", item.detail)) if value
        }
    if item.waived:
        result["suppressions"] = [
            {
                "kind": "inSource",
                "status": "accepted",
                "justification": f"translator comment '# workflow: ignore {item.code}'",
            }
        ]
    return result
