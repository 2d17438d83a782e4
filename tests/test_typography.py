"""Russian and Kazakh typography: no line starts with a dash, no line ends with a short
Russian preposition or conjunction (no-break spaces), checked on the typeset PDF with
``pdftotext -layout`` and on the DOCX text."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest

from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from workflow import languages
from workflow.export.pipeline import export_project
from workflow.languages.model import NBSP

#: Long sentences full of dashes and short words, so line breaks land next to them.
DASHED = {
    "ru": " ".join(
        f"Слово {n} — это металл, и в нём — сила, а с ним — и к нам приходит богатство"
        for n in range(1, 13)
    )
    + ".",
    "kk": " ".join(
        f"Бұл {n} — металл, ал оның күші — зауытта, және Өскемен — орталық" for n in range(1, 13)
    )
    + ".",
}
RU_SHORT_WORDS = {"и", "в", "а", "с", "к"}


def test_typeset_binds_dashes_and_short_words() -> None:
    ru = languages.get("ru").typography
    assert ru.typeset("Город — центр и в степи") == f"Город{NBSP}— центр и{NBSP}в{NBSP}степи"
    assert ru.typeset("что-то в нём") == f"что-то в{NBSP}нём"  # "то" after a hyphen is no word
    assert ru.separator("— Да.") == NBSP and ru.separator("Да.") == " "
    kk = languages.get("kk").typography
    assert kk.typeset("Өскемен — орталық және") == f"Өскемен{NBSP}— орталық және"
    assert languages.get("ja").typography.typeset("東京 — 大阪") == "東京 — 大阪"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("typography"))
    for lang, sentence in DASHED.items():
        texts = list(TRANSLATIONS[lang])
        texts[4] = sentence
        texts[8] = sentence.replace("1", "2")
        write_catalog(project, lang, texts)
    export_project(project, list(DASHED), ["pdf", "docx"], draft=True)  # numbers vary: Q101
    return project.root


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_pdf_line_starts_with_a_dash(exported: Path, lang: str) -> None:
    pdf = exported / "exports" / lang / "118.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert sum("—" in line for line in lines) >= 20  # the dashed paragraphs are there
    assert not [line for line in lines if line[0] in "—–"]
    if lang == "ru":
        ends = [line.rsplit(None, 1)[-1] for line in lines]
        assert not [word for word in ends if word.lower() in RU_SHORT_WORDS]


def test_docx_text_carries_the_no_break_spaces(exported: Path) -> None:
    text = "\n".join(
        p.text for p in docx.Document(str(exported / "exports/ru/118.docx")).paragraphs
    )
    assert f"Слово 1{NBSP}— это металл, и{NBSP}в{NBSP}нём" in text
    assert not re.search(r" [—–]", text)
