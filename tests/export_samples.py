"""A small essay with reviewed English, Russian and Kazakh catalogs, for export tests.

Catalogs are built with polib from :meth:`Project.documents`, the same segmentation that
``update`` uses, with msgid = segment text and ``#:`` references to the source lines.
"""

from __future__ import annotations

from pathlib import Path

import polib

from workflow.project import Project

PYPROJECT = """\
[project]
name = "export-sample"
version = "0"

[tool.workflow]
project-id = "export-sample"
source-language = "ja"
languages = ["en", "ru", "kk"]
"""

SOURCE = """\
---
title: 草原の下の金属
subtitle: ウスケメンの冬
series: レアメタル千夜一夜
number: 118
date: 2026-02-17
author: 中村繁夫
---

私が初めてウスケメンを訪れたのは1995年の冬だった。気温は零下三十度まで下がっていた。この町はカザフスタンの冶金の中心である。

# 精錬所の記憶

工場の中は驚くほど暖かかった。技術者たちは「ここには周期表の半分がある」と笑った。その言葉は今も忘れられない。
"""

#: Reviewed translations, in segment order.
TRANSLATIONS: dict[str, list[str]] = {
    "en": [
        "Metals Beneath the Steppe",
        "Winter in Oskemen",
        "Rare Metals: A Thousand and One Nights",
        "Shigeo Nakamura",
        "I first visited Oskemen in the winter of 1995.",
        "The temperature had dropped to thirty degrees below zero.",
        "This town is the centre of Kazakhstan’s metallurgy.",
        "Memories of the Smelter",
        "Inside, the plant was surprisingly warm.",
        "The engineers laughed: “Half the periodic table is here.”",
        "I have never forgotten those words.",
    ],
    "ru": [
        "Металлы под степью",
        "Зима в Усть-Каменогорске",
        "Редкие металлы: тысяча и одна ночь",
        "Сигэо Накамура",
        "Впервые я приехал в Усть-Каменогорск зимой 1995 года.",
        "Температура опускалась до тридцати градусов мороза.",
        "Этот город — центр металлургии Казахстана.",
        "Воспоминания о заводе",
        "Внутри завода было на удивление тепло.",
        "Инженеры смеялись: «Здесь у нас половина таблицы Менделеева».",
        "Эти слова я помню до сих пор.",
    ],
    "kk": [
        "Дала астындағы металдар",
        "Өскемендегі қыс",
        "Сирек металдар: мың бір түн",
        "Сигэо Накамура",
        "Мен Өскеменге алғаш рет 1995 жылдың қысында бардым.",
        "Ауа температурасы отыз градус аязға дейін төмендеді.",
        "Бұл шаһар — Қазақстан металлургиясының орталығы.",
        "Зауыт туралы естеліктер",
        "Зауыттың іші таңғаларлықтай жылы болды.",
        "Инженерлер күліп: «Мұнда Менделеев кестесінің жартысы бар», – деді.",
        "Ол сөздер әлі күнге дейін есімде.",
    ],
}


def make_project(root: Path) -> Project:
    """Write the sample project (source only) under *root* and return it."""
    (root / "sources" / "ja").mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "sources" / "ja" / "118.md").write_text(SOURCE, encoding="utf-8")
    return Project.discover(root)


def write_catalog(
    project: Project,
    lang: str,
    translations: list[str] | None = None,
    fuzzy: frozenset[int] = frozenset(),
    revision: str = "2026-02-20 09:30+0000",
    doc_id: str = "118",
) -> Path:
    """Write ``locales/<lang>/<doc_id>.po``; indexes in *fuzzy* are fuzzy, "" is untranslated."""
    document = project.documents([doc_id])[0]
    texts = TRANSLATIONS[lang] if translations is None else translations
    po = polib.POFile(wrapwidth=79)
    po.metadata = {
        "Project-Id-Version": "export-sample",
        "PO-Revision-Date": revision,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for index, (segment, text) in enumerate(zip(document.segments(), texts, strict=True)):
        entry = polib.POEntry(
            msgid=segment.text,
            msgstr=text,
            occurrences=[(document.path.as_posix(), str(segment.line))],
            flags=["fuzzy"] if index in fuzzy else [],
        )
        po.append(entry)
    path = project.po_path(lang, doc_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def msgid_line(path: Path, msgid: str) -> int:
    """The 1-based line of ``msgid "<msgid>"`` in the PO file at *path* (short msgids only)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines.index(f'msgid "{msgid}"') + 1
