"""Glossary rules: G001 (term missing or replaced) and G002 (keep-as-is term not verbatim)."""

from __future__ import annotations

import difflib

from workflow.checks.context import CheckContext
from workflow.checks.rules import Entry
from workflow.diagnostics import Diagnostic
from workflow.glossary import Term
from workflow.morphology import find_target_term, normalize, words


def check_glossary(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """G001/G002: every term found in the source must be in the translation."""
    findings = []
    seen: set[str] = set()
    for match in context.source_terms(entry.source):
        term = match.term
        if term.id in seen:
            continue
        seen.add(term.id)
        if find_target_term(entry.lang, term, entry.translation):
            continue
        findings.append(_glossary_finding(entry, term, match.form))
    return findings


def _glossary_finding(entry: Entry, term: Term, source_form: str) -> Diagnostic:
    target = term.target(entry.lang)
    forms = ", ".join(term.accepted_forms(entry.lang))
    if term.keep:
        return entry.finding(
            "G002",
            f"'{target}' ({term.id}) must appear verbatim for {source_form}",
            term=term.id,
            hint=f"write exactly: {forms}",
        )
    near = _near_miss(target, entry.translation)
    replaced = f"; found '{near}' instead" if near else ""
    return entry.finding(
        "G001",
        f"glossary term '{target}' ({term.id}) missing for {source_form}{replaced}",
        term=term.id,
        detail=near,
        hint=f"use {forms} (inflected as needed)",
        waiver="",
    )


def _near_miss(target: str, translation: str) -> str | None:
    """A word of *translation* that looks like the target's first word (a likely variant)."""
    head = normalize(target.split()[0])
    candidates = {normalize(token.group()): token.group() for token in words(translation)}
    close = difflib.get_close_matches(head, list(candidates), n=1, cutoff=0.75)
    return candidates[close[0]] if close else None
