"""Glossary and QA checks over translated PO entries, one module per rule family.

Every reviewed entry (translated, not fuzzy, not obsolete) is checked; untranslated and
fuzzy entries are listed as info findings.  Each finding is a
:class:`~workflow.diagnostics.Diagnostic` with a stable code from :data:`RULES`:

* :mod:`~workflow.checks.terms` — glossary (G001, G002);
* :mod:`~workflow.checks.quantities` — numbers, percentages and units (Q101, Q117);
* :mod:`~workflow.checks.typography` — brackets, end punctuation, spaces, doubled words,
  quotation marks, dashes (Q102, Q103, Q105, Q106, Q107, Q111, Q112);
* :mod:`~workflow.checks.script` — homoglyphs, Japanese left over, foreign words,
  full-width characters (Q104, Q108, Q109, Q110);
* :mod:`~workflow.checks.markup` — markup and entities, URLs and e-mail (Q113, Q116);
* :mod:`~workflow.checks.structure` — sentence count and length ratio (Q114, Q115);
* :mod:`~workflow.checks.run` — entries, catalogs, projects, waivers, the result cache.

Waivers: a translator comment on the entry ``# workflow: ignore G001`` (several codes may be
listed, separated by spaces or commas) waives those codes on that entry only.  Waived
findings stay in the report, marked as waived, and do not count as errors.
"""

from workflow.checks.context import CheckContext
from workflow.checks.rules import GLOSSARY_CODES, RULES, Entry
from workflow.checks.run import (
    CatalogResult,
    analyse_catalog,
    analyse_project,
    check_catalog,
    check_entry,
    check_project,
    glossary_findings_count,
    waived_codes,
)

__all__ = [
    "GLOSSARY_CODES",
    "RULES",
    "CatalogResult",
    "CheckContext",
    "Entry",
    "analyse_catalog",
    "analyse_project",
    "check_catalog",
    "check_entry",
    "check_project",
    "glossary_findings_count",
    "waived_codes",
]
