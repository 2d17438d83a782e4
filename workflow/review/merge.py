"""Three-way merge of a review document into its PO catalog.

For each row, *base* is the translation at export (its fingerprint), *theirs* the reviewer's
cell, *ours* the catalog now:

* reviewer changed it, catalog did not → the reviewer's text is written (reviewed, or fuzzy
  with ``--as fuzzy``) with a translator comment naming the review file and date;
* both changed it (differently) → **conflict**: the catalog's text stays, the entry becomes
  fuzzy and the reviewer's text is kept in a translator comment;
* the reviewer's comments (comment column, Word comments) become translator comments.

Every comment line is added once: importing the same file again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NoReturn

import polib

from workflow.errors import InputError
from workflow.pretranslate import PROVENANCE_PREFIXES
from workflow.review.reader import ReviewedDocument, ReviewedRow
from workflow.review.rows import Fingerprints, entry_key, fingerprint, reviewable_entries

Outcome = Literal["updated", "conflict", "comment", "stale", "ignored", "tracked"]
#: Outcomes that need a person's attention (the import exits 1).
PROBLEMS: frozenset[Outcome] = frozenset({"conflict", "stale"})


@dataclass(frozen=True)
class RowResult:
    """What the merge did (or would do) for one row."""

    outcome: Outcome
    row: int
    segment: int
    po_line: int | None
    message: str
    changed: bool


@dataclass
class MergeReport:
    """All row results; ``changed`` when the catalog differs from before."""

    results: list[RowResult] = field(default_factory=list)
    stray_comments: list[str] = field(default_factory=list)  # Word comments outside the rows

    @property
    def changed(self) -> bool:
        return any(result.changed for result in self.results)

    @property
    def problems(self) -> list[RowResult]:
        return [result for result in self.results if result.outcome in PROBLEMS]


def validated_rows(document: ReviewedDocument) -> list[tuple[ReviewedRow, int, Fingerprints]]:
    """Each row with its segment id and export fingerprints; tampering raises InputError.

    Refused: an id cell that names no exported segment or repeats one (edited or duplicated
    row), a source cell that differs from the exported source, and a missing segment.
    """
    exported = document.identity.rows
    seen: dict[int, int] = {}
    checked = []
    for row in document.rows:
        segment = int(row.id_text) if row.id_text.isdigit() else None
        if segment is None or segment not in exported:
            _row_error(document, row.number, f"the id cell reads {row.id_text!r}, not an id")
        if segment in seen:
            _row_error(
                document,
                row.number,
                f"repeats segment {segment} of row {seen[segment]} (a duplicated row)",
                "delete the copy; put alternatives in the Comment column",
            )
        prints = exported[segment]
        source = fingerprint(None, row.source)
        if source != prints.source:
            owner = next((n for n, other in exported.items() if other.source == source), None)
            problem = (
                f"the id cell reads {row.id_text!r} but the row holds segment {owner}"
                if owner is not None
                else f"the source text of segment {segment} was edited"
            )
            _row_error(document, row.number, problem)
        seen[segment] = row.number
        checked.append((row, segment, prints))
    missing = [segment for segment in exported if segment not in seen]
    if missing:
        raise InputError(
            f"segment {missing[0]} is missing: its row was deleted"
            + (f" ({len(missing) - 1} more)" if len(missing) > 1 else ""),
            path=document.path,
            hint="restore the row (undo), or export a fresh review document",
        )
    return checked


def _row_error(document: ReviewedDocument, row: int, problem: str, hint: str = "") -> NoReturn:
    raise InputError(
        f"row {row}: {problem}",
        path=document.path,
        line=row,
        hint=hint or "undo that edit: only the translation and comment cells may change",
    )


def merge_review(
    document: ReviewedDocument, po: polib.POFile, *, as_state: str = "reviewed"
) -> MergeReport:
    """Merge *document* into *po* (modified in place); see the module docstring."""
    rows = validated_rows(document)
    entries = {entry_key(entry): entry for entry in reviewable_entries(po)}
    stamp = f"review {document.path.name} {document.reviewed_on.isoformat()}"
    report = MergeReport(
        stray_comments=[f"{comment.author}: {comment.text}" for comment in document.stray_comments]
    )
    for row, segment, prints in rows:
        entry = entries.get(prints.key)
        result = _merge_row(row, segment, prints, entry, stamp, as_state)
        if result is not None:
            report.results.append(result)
        if entry is not None:
            report.results += _merge_comments(row, segment, entry, stamp)
            if row.tracked_changes:
                message = "tracked changes read as the proposal: " + "; ".join(row.tracked_changes)
                report.results.append(
                    RowResult("tracked", row.number, segment, entry.linenum, message, False)
                )
    return report


def _merge_row(
    row: ReviewedRow,
    segment: int,
    prints: Fingerprints,
    entry: polib.POEntry | None,
    stamp: str,
    as_state: str,
) -> RowResult | None:
    theirs = row.translation
    if entry is None:
        notes = [row.comment, *(comment.text for comment in row.word_comments)]
        if not _changed_by_reviewer(row, prints) and not any(notes):
            return None
        return RowResult(
            "stale",
            row.number,
            segment,
            None,
            "the segment left the catalog since export (source updated); not applied: "
            f"translation {theirs!r}, comments {[note for note in notes if note]!r}",
            False,
        )
    if fingerprint(entry.msgctxt, entry.msgid, theirs) == prints.base or theirs == entry.msgstr:
        return None
    if not theirs.strip():
        message = "translation cell emptied; a review never deletes a translation (left as is)"
        return RowResult("ignored", row.number, segment, entry.linenum, message, False)
    if fingerprint(entry.msgctxt, entry.msgid, entry.msgstr) == prints.base:
        _apply(entry, theirs, as_state, f"{stamp}: translation from the reviewer")
        message = f"translation replaced ({as_state})"
        return RowResult("updated", row.number, segment, entry.linenum, message, True)
    note = f"{stamp}: conflict, the catalog changed since export; the reviewer proposed:"
    block = "\n".join([note, *(f"> {line}" for line in theirs.split("\n"))])
    changed = _add_comment(entry, block)
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
        changed = True
    message = (
        "the catalog and the reviewer both changed it; catalog text kept, entry fuzzy, "
        "reviewer's text in a translator comment" + ("" if changed else " (already recorded)")
    )
    return RowResult("conflict", row.number, segment, entry.linenum, message, changed)


def _changed_by_reviewer(row: ReviewedRow, prints: Fingerprints) -> bool:
    """Whether the cell differs from the export, for an entry that has left the catalog.

    Without the entry its context is unknown: try the usual none and empty contexts."""
    return all(
        fingerprint(context, row.source, row.translation) != prints.base for context in (None, "")
    )


def _apply(entry: polib.POEntry, text: str, as_state: str, note: str) -> None:
    entry.msgstr = text
    if as_state == "fuzzy":
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
    else:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = entry.previous_msgctxt = None
        kept = [
            line for line in entry.tcomment.splitlines() if not line.startswith(PROVENANCE_PREFIXES)
        ]
        entry.tcomment = "\n".join(kept)
    _add_comment(entry, note)


def _merge_comments(
    row: ReviewedRow, segment: int, entry: polib.POEntry, stamp: str
) -> list[RowResult]:
    notes = [("reviewer", row.comment)] if row.comment else []
    notes += [(comment.author, comment.text) for comment in row.word_comments if comment.text]
    results = []
    for author, text in notes:
        changed = _add_comment(entry, f"{stamp}, {author}: {text}")
        message = f"comment by {author}" + ("" if changed else " (already recorded)")
        results.append(RowResult("comment", row.number, segment, entry.linenum, message, changed))
    return results


def _add_comment(entry: polib.POEntry, block: str) -> bool:
    """Append *block* to the translator comments unless it is there already."""
    if f"\n{block}\n" in f"\n{entry.tcomment}\n":
        return False
    entry.tcomment = f"{entry.tcomment}\n{block}" if entry.tcomment else block
    return True
