"""Generate a whole series as one project: *documents* distinct nights with reviewed catalogs.

Every night is made from the essay's sentences (``sources/ja/118.md`` with its reviewed
translations in ``locales/<lang>/118.po``), drawn at random, shuffled and regrouped into
paragraphs. Numbers vary per night, in the source and every translation alike:

* each four-digit year (1800–2099) is shifted by the night's own offset;
* each body sentence starts with a reference number unique in the series (``§11803`` and a
  space), so no two entries anywhere are identical and nothing can be served from a cache
  keyed on a whole string (a bracketed number after 。 would be a citation mark of the
  sentence before, so the segmenter would attach it there);
* the title carries the night's number.

The catalogs are made by the workflow's own extraction and merge (so they are what
``workflow update`` would write) and every entry is reviewed, so ``workflow check`` passes.
The same arguments always give the same bytes.

    python benchmarks/series_corpus.py DEST [--documents 1001] [--languages en,ru,kk]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from workflow.catalog import extract, new_catalog  # noqa: E402
from workflow.config import load_config  # noqa: E402
from workflow.po import load_po, save_po  # noqa: E402
from workflow.source import read_document  # noqa: E402

ESSAY_ID = "118"
CREATION_DATE = "2026-11-28 12:48+0000"
FIRST_DATE = dt.date(2026, 2, 17) - dt.timedelta(weeks=117)  # night 1; one night a week
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
FRONT_MATTER_KINDS = ("title", "subtitle", "series", "author")

PYPROJECT = """\
[tool.workflow]
project-id = "rare-metals-1001-nights"
source-language = "ja"
languages = [{languages}]
segmentation = "sentence"
translation-team = "Rare Metals 1001 Nights translation team"
"""


@dataclass(frozen=True)
class Unit:
    """One source segment with its reviewed translation per language."""

    source: str
    translations: dict[str, str]


@dataclass(frozen=True)
class Essay:
    """The essay's front matter units and its body sentences, in reading order."""

    front: dict[str, Unit]
    sentences: list[Unit]
    series: str
    author: str


def load_essay(repo: Path = REPO, languages: tuple[str, ...] = ("en", "ru", "kk")) -> Essay:
    """The essay and its reviewed translations; every segment must be translated."""
    document = read_document(repo / "sources" / "ja" / f"{ESSAY_ID}.md", root=repo, language="ja")
    catalogs = {
        lang: {e.msgid: e.msgstr for e in load_po(repo / "locales" / lang / f"{ESSAY_ID}.po")}
        for lang in languages
    }
    front: dict[str, Unit] = {}
    sentences: list[Unit] = []
    for block in document.blocks:
        for segment in block.segments:
            translations = {lang: catalogs[lang].get(segment.text, "") for lang in languages}
            missing = [lang for lang, text in translations.items() if not text]
            if missing:
                raise SystemExit(f"{ESSAY_ID}.po ({missing[0]}): no translation of {segment.text}")
            unit = Unit(segment.text, translations)
            if block.kind in FRONT_MATTER_KINDS:
                front[block.kind] = unit
            else:
                sentences.append(unit)
    meta = document.front_matter
    return Essay(front, sentences, meta.series, meta.author)


def shift_years(text: str, offset: int) -> str:
    """*text* with every four-digit year moved by *offset* years."""
    return YEAR.sub(lambda match: str(int(match.group()) + offset), text)


def _vary(unit: Unit, offset: int, reference: int | None) -> Unit:
    """The unit with its years shifted and, for body sentences, a reference number first."""
    source = shift_years(unit.source, offset)
    translations = {lang: shift_years(text, offset) for lang, text in unit.translations.items()}
    if reference is not None:
        source = f"§{reference}　{source}"
        translations = {lang: f"§{reference} {text}" for lang, text in translations.items()}
    return Unit(source, translations)


@dataclass(frozen=True)
class Night:
    """One generated document: front matter, paragraphs of units."""

    number: int
    title: Unit
    subtitle: Unit
    paragraphs: list[list[Unit]]

    def units(self) -> list[Unit]:
        return [self.title, self.subtitle, *(u for p in self.paragraphs for u in p)]


def make_night(essay: Essay, number: int, seed: int = 0) -> Night:
    """Night *number*: a random selection of the essay's sentences, regrouped and varied."""
    rng = random.Random(seed * 1_000_003 + number)
    offset = rng.choice([d for d in range(-40, 41) if d])
    count = rng.randint(len(essay.sentences) * 2 // 3, len(essay.sentences))
    chosen = rng.sample(essay.sentences, count)
    paragraphs: list[list[Unit]] = []
    position = 0
    while position < len(chosen):
        size = rng.randint(2, 6)
        paragraphs.append(
            [
                _vary(unit, offset, number * 100 + position + index + 1)
                for index, unit in enumerate(chosen[position : position + size])
            ]
        )
        position += size
    title = essay.front["title"]
    numbered_title = Unit(
        f"{title.source}（{number}）",
        {lang: f"{text} ({number})" for lang, text in title.translations.items()},
    )
    return Night(number, numbered_title, _vary(essay.front["subtitle"], offset, None), paragraphs)


def night_markdown(night: Night, essay: Essay) -> str:
    """The source file of *night*: front matter, then one paragraph per blank-line block."""
    date = FIRST_DATE + dt.timedelta(weeks=night.number - 1)
    front = [
        "---",
        f"title: {night.title.source}",
        f"subtitle: {night.subtitle.source}",
        f"series: {essay.series}",
        f"number: {night.number}",
        f"date: {date.isoformat()}",
        f"author: {essay.author}",
        "---",
    ]
    body = ["".join(unit.source for unit in paragraph) for paragraph in night.paragraphs]
    return "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"


def _write_catalogs(dest: Path, night: Night, essay: Essay, languages: tuple[str, ...]) -> None:
    config = load_config(dest / "pyproject.toml")
    path = dest / "sources" / "ja" / f"{night.number}.md"
    document = read_document(path, root=dest, language="ja")
    pot = extract(document, config, CREATION_DATE)
    save_po(pot, dest / "locales" / f"{night.number}.pot")
    translations = {
        unit.source: unit.translations
        for unit in (*night.units(), essay.front["series"], essay.front["author"])
    }
    for lang in languages:
        po = new_catalog(pot, lang, config)
        for entry in po:
            if entry.msgid not in translations:
                raise SystemExit(f"{path}: segment not generated as written: {entry.msgid}")
            entry.msgstr = translations[entry.msgid][lang]
        save_po(po, dest / "locales" / lang / f"{night.number}.po")


def generate_series(
    dest: Path,
    documents: int = 1001,
    languages: tuple[str, ...] = ("en", "ru", "kk"),
    seed: int = 0,
    jobs: int | None = None,
) -> Path:
    """Create the project folder *dest* holding nights 1 … *documents*; returns *dest*.

    Nights are written by *jobs* worker processes (default: all cores); the files do not
    depend on *jobs*.
    """
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise SystemExit(f"{dest}: not empty; the series is generated into a new folder")
    essay = load_essay(REPO, languages)
    (dest / "sources" / "ja").mkdir(parents=True, exist_ok=True)
    for lang in languages:
        (dest / "locales" / lang).mkdir(parents=True, exist_ok=True)
    (dest / "glossary").mkdir(exist_ok=True)
    shutil.copyfile(REPO / "glossary" / "terms.yaml", dest / "glossary" / "terms.yaml")
    quoted = ", ".join(f'"{lang}"' for lang in languages)
    (dest / "pyproject.toml").write_text(PYPROJECT.format(languages=quoted), encoding="utf-8")
    write = partial(_write_night, dest, essay, languages, seed)
    numbers = range(1, documents + 1)
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        list(map(write, numbers))
    else:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(write, numbers, chunksize=max(1, documents // (jobs * 8))))
    return dest


def _write_night(
    dest: Path, essay: Essay, languages: tuple[str, ...], seed: int, number: int
) -> None:
    night = make_night(essay, number, seed)
    source = dest / "sources" / "ja" / f"{number}.md"
    source.write_text(night_markdown(night, essay), encoding="utf-8")
    _write_catalogs(dest, night, essay, languages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="new project folder")
    parser.add_argument("--documents", type=int, default=1001)
    parser.add_argument("--languages", default="en,ru,kk")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (all cores)")
    args = parser.parse_args(argv)
    languages = tuple(lang for lang in args.languages.split(",") if lang)
    generate_series(args.dest, args.documents, languages, args.seed, args.jobs)
    print(f"{args.dest}: {args.documents} documents, languages {', '.join(languages)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
