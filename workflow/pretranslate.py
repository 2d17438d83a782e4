"""Pre-translation: fill untranslated entries from translation memory, then machine translation.

Only untranslated entries are touched (live, singular entries whose msgstr is empty or
whitespace only, :func:`workflow.po.entry_state`); a reviewed or draft translation is never
changed.  Everything written is marked ``fuzzy`` and carries
its provenance as translator comments, which msgmerge, msgcat and PO editors keep::

    # tm: 87% locales/ru/117.po:42
    # mt: argos ja→ru translate-ja_en-1_9 1.9 + translate-en_ru-1_9 1.9; pivot en
    # mt-glossary: Разноимпорт (raznoimport) missing; check the term

All pending segments of a language (every selected document) go to the engine together, in
large batches.  Callers hold the project lock (``project.lock("pretranslate")``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import polib

from workflow.errors import InputError, ModelError
from workflow.fsio import file_digest
from workflow.mt.registry import AUTO, MEMORY_ONLY, engine_choices
from workflow.po import entry_state, is_live, load_po, save_po
from workflow.project import Project
from workflow.tm import TmMatch, language_memory

if TYPE_CHECKING:
    from workflow.glossary import Glossary
    from workflow.mt.base import Engine
    from workflow.mt.protect import MtOutput
    from workflow.mt.runs import MtRun

#: Translator-comment prefixes written by this stage (replaced when an entry is refilled).
PROVENANCE_PREFIXES = ("mt: ", "tm: ", "mt-glossary: ")
#: Show the progress bar on a non-terminal stream only from this many segments.
PROGRESS_MIN_SEGMENTS = 200


@dataclass
class FileSummary:
    """What happened to one PO file."""

    lang: str
    doc: str
    path: Path
    pending: int = 0
    tm_exact: int = 0
    tm_fuzzy: int = 0
    mt: int = 0
    glossary_warnings: int = 0
    written: bool = False

    @property
    def left(self) -> int:
        return self.pending - self.tm_exact - self.tm_fuzzy - self.mt

    def line(self) -> str:
        text = (
            f"{self.lang}/{self.doc}: {self.tm_exact + self.tm_fuzzy} from memory "
            f"({self.tm_exact} exact, {self.tm_fuzzy} fuzzy), {self.mt} machine-translated, "
            f"{self.left} left empty"
        )
        if self.glossary_warnings:
            text += f"; {self.glossary_warnings} with a glossary term to check"
        return text


@dataclass
class Summary:
    """Result of a pre-translation run."""

    files: list[FileSummary] = field(default_factory=list)
    engines: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def filled(self) -> int:
        return sum(f.tm_exact + f.tm_fuzzy + f.mt for f in self.files)

    def format(self) -> str:
        lines = [f.line() for f in self.files] or ["no documents to pre-translate"]
        lines += [f"engine {lang}: {text}" for lang, text in self.engines.items()]
        lines += [f"note: {note}" for note in self.notes]
        if self.filled:
            lines.append(f"{self.filled} entries written as fuzzy: review them in a PO editor")
        return "\n".join(lines)


@dataclass
class _Pending:
    summary: FileSummary
    entry: polib.POEntry


class ProgressLine:
    """A one-line progress bar on *stream* (shown on a terminal or for long runs only)."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.label, self.total, self.done = label, total, 0
        self.tty = self.stream.isatty()
        self.enabled = total > 0 and (self.tty or total >= PROGRESS_MIN_SEGMENTS)

    def __call__(self, count: int) -> None:
        self.done = min(self.total, self.done + count)
        if self.enabled:
            width = 30
            bar = "#" * (width * self.done // self.total)
            start = "\r" if self.tty else ""  # redraw on a terminal, one line per step in logs
            end = "\n" if self.done >= self.total or not self.tty else ""
            self.stream.write(f"{start}{self.label} [{bar:<{width}}] {self.done}/{self.total}{end}")
            self.stream.flush()


def pretranslate_project(
    project: Project,
    langs: list[str],
    docs: list[str] | None = None,
    engine: str | None = None,
    stream: TextIO | None = None,
) -> Summary:
    """Pre-translate *docs* (default all) into *langs*; see the module docstring.

    *engine*: None or ``"auto"`` uses the configured engine per language and, if none is
    usable, fills from memory only (saying why in ``Summary.notes``); an engine's name
    (:data:`workflow.mt.registry.ENGINES`) insists on it (:class:`ModelError` if unusable);
    ``"none"`` = memory only.
    """
    if engine not in (None, *engine_choices()):
        raise ModelError(f"unknown engine {engine!r}", hint=f"use one of {engine_choices()}")
    doc_ids = [path.stem for path in project.source_paths(docs)]
    glossary = None if engine == MEMORY_ONLY else _load_glossary(project)  # MT protection only
    summary = Summary()
    run = _new_run(engine)
    for lang in langs:
        _pretranslate_language(project, lang, doc_ids, engine, glossary, summary, stream, run)
    return summary


def _new_run(engine_name: str | None) -> MtRun | None:
    """Models and stage outputs shared by the languages of this run (None: no MT)."""
    if engine_name == MEMORY_ONLY:
        return None
    from workflow.mt.runs import MtRun

    return MtRun()


def _load_glossary(project: Project) -> Glossary | None:
    if not project.glossary_path.is_file():
        return None
    from workflow.glossary import load_glossary

    return load_glossary(project.glossary_path, project.languages)


def _pretranslate_language(
    project: Project,
    lang: str,
    doc_ids: list[str],
    engine_name: str | None,
    glossary: Glossary | None,
    summary: Summary,
    stream: TextIO | None,
    run: MtRun | None = None,
) -> None:
    digests = {doc: file_digest(project.po_path(lang, doc), "PO file") for doc in doc_ids}
    catalogs = _load_catalogs(project, lang, doc_ids)
    memory = language_memory(project, lang)
    threshold = project.config.mt.tm_threshold
    files: list[tuple[FileSummary, polib.POFile]] = []
    untranslated: list[_Pending] = []
    for doc in doc_ids:
        path = project.po_path(lang, doc)
        file_summary = FileSummary(lang, doc, path)
        files.append((file_summary, catalogs[path]))
        for entry in _empty_entries(catalogs[path]):
            file_summary.pending += 1
            match = memory.lookup(entry.msgid, threshold)
            if match is None:
                untranslated.append(_Pending(file_summary, entry))
            else:
                _fill_from_memory(file_summary, entry, match)
    if untranslated:
        engine = _open_engine(project, lang, engine_name, summary, run)
        if engine is not None:
            _fill_from_engine(engine, untranslated, glossary, stream)
            summary.engines[lang] = engine.provenance()
    for file_summary, po in files:
        summary.files.append(file_summary)
        if file_summary.pending - file_summary.left:
            file_summary.written = save_po(
                po, file_summary.path, expected_digest=digests[file_summary.doc]
            )


def _load_catalogs(project: Project, lang: str, doc_ids: list[str]) -> dict[Path, polib.POFile]:
    """The selected documents' PO files of *lang*; each must exist."""
    paths = [project.po_path(lang, doc) for doc in doc_ids]
    for path in paths:
        if not path.is_file():
            raise InputError(
                "no PO file to pre-translate",
                path=path,
                hint=f"run `workflow update --lang {lang}` first",
            )
    return {path: load_po(path) for path in paths}


def _empty_entries(po: polib.POFile) -> list[polib.POEntry]:
    """Live singular entries without a translation (empty or whitespace-only msgstr)."""
    return [
        entry
        for entry in po
        if not entry.msgid_plural and is_live(entry) and entry_state(entry) == "untranslated"
    ]


def _open_engine(
    project: Project, lang: str, engine_name: str | None, summary: Summary, run: MtRun | None
) -> Engine | None:
    if engine_name == MEMORY_ONLY:
        return None
    from workflow.mt.engines import open_engine

    name = None if engine_name in (None, AUTO) else engine_name
    try:
        return open_engine(project, lang, name, run)
    except ModelError as exc:
        if name is not None:
            raise
        summary.notes.append(f"{lang}: no machine translation: {exc}")
        return None


def _fill_from_engine(
    engine: Engine,
    untranslated: list[_Pending],
    glossary: Glossary | None,
    stream: TextIO | None,
) -> None:
    from workflow.mt.protect import translate_with_glossary

    unique = list(dict.fromkeys(item.entry.msgid for item in untranslated))
    label = f"pretranslate {engine.target}"
    progress = ProgressLine(label, len(unique) * len(engine.stages), stream)
    outputs = dict(
        zip(unique, translate_with_glossary(engine, unique, glossary, progress), strict=True)
    )
    provenance = f"mt: {engine.provenance()}"
    for item in untranslated:
        _fill_from_mt(item, outputs[item.entry.msgid], provenance)


def _fill_from_memory(file_summary: FileSummary, entry: polib.POEntry, match: TmMatch) -> None:
    if match.exact:
        file_summary.tm_exact += 1
    else:
        file_summary.tm_fuzzy += 1
    _write(entry, match.unit.target, [match.provenance()])


def _fill_from_mt(item: _Pending, output: MtOutput, provenance: str) -> None:
    if not output.text:
        return
    item.summary.mt += 1
    lines = [provenance]
    for term in output.missing:
        lines.append(
            f"mt-glossary: {term.target(item.summary.lang)} ({term.id}) missing; check the term"
        )
    item.summary.glossary_warnings += bool(output.missing)
    _write(item.entry, output.text, lines)


def _write(entry: polib.POEntry, text: str, provenance: list[str]) -> None:
    """Set msgstr, mark fuzzy and replace earlier provenance lines of this stage."""
    entry.msgstr = text
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    kept = [
        line for line in entry.tcomment.splitlines() if not line.startswith(PROVENANCE_PREFIXES)
    ]
    entry.tcomment = "\n".join(kept + provenance)
