"""Every YAML input (front matter, glossary) is read by one adapter: duplicate keys, syntax
errors, tags and impossible dates are refused with ``path:line``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SOURCE
from workflow.cli import main
from workflow.errors import InputError
from workflow.glossary import load_glossary
from workflow.source import read_document

FRONT = "---\ntitle: 資源\nseries: 叢書\nnumber: 7\ndate: 2025-12-01\n{extra}---\n\n本文。\n"
TERM = "terms:\n  - id: moscow\n    kind: place\n    ja: [モスクワ]\n    en: Moscow\n{extra}"
TERM_END = "    ru: Москва\n    kk: Мәскеу\n"


def read_front_matter(tmp_path: Path, text: str) -> None:
    path = tmp_path / "7.md"
    path.write_text(text, encoding="utf-8")
    read_document(path, root=tmp_path, language="ja")


def read_glossary(tmp_path: Path, text: str) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text(text, encoding="utf-8")
    load_glossary(path)


#: (reader, text, line, phrase)
CASES = {
    "front matter: duplicate title": (
        read_front_matter,
        FRONT.format(extra="title: 別の題\n"),
        6,
        "front matter: key 'title' given twice (first on line 2)",
    ),
    "front matter: duplicate key in a nested mapping": (
        read_front_matter,
        FRONT.format(extra="subtitle: {a: 1, a: 2}\n"),
        6,
        "front matter: key 'a' given twice (first on line 6)",
    ),
    "front matter: syntax error": (
        read_front_matter,
        FRONT.format(extra="author: [unclosed\n"),
        6,
        "front matter: invalid YAML: expected ',' or ']'",
    ),
    "front matter: tag": (
        read_front_matter,
        FRONT.format(extra="author: !!python/name:os.system\n"),
        6,
        "front matter: invalid YAML: could not determine a constructor",
    ),
    "front matter: impossible date": (
        read_front_matter,
        FRONT.replace("2025-12-01", "2025-02-30").format(extra=""),
        5,
        "front matter: invalid date (day is out of range for month)",
    ),
    "glossary: duplicate field": (
        read_glossary,
        TERM.format(extra="    en: Moskva\n" + TERM_END),
        6,
        "glossary: key 'en' given twice (first on line 5)",
    ),
    "glossary: duplicate top-level key": (
        read_glossary,
        TERM.format(extra=TERM_END) + "terms: []\n",
        8,
        "glossary: key 'terms' given twice (first on line 1)",
    ),
    "glossary: syntax error": (
        read_glossary,
        TERM.format(extra="    ru: [Москва\n    kk: Мәскеу\n"),
        7,
        "glossary: invalid YAML: expected ',' or ']'",
    ),
    "glossary: impossible date": (
        read_glossary,
        TERM.format(extra=TERM_END + "    note: 2025-13-01\n"),
        8,
        "glossary: invalid date (month must be in 1..12)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_yaml_inputs_refuse_with_path_and_line(tmp_path: Path, case: str) -> None:
    reader, text, line, phrase = CASES[case]
    with pytest.raises(InputError) as caught:
        reader(tmp_path, text)
    error = caught.value
    assert (error.line, error.path.name) == (line, "7.md" if "front" in case else "terms.yaml")
    assert phrase in error.message and error.hint


def test_update_refuses_a_duplicated_title_in_one_line(make_project, capsys) -> None:
    source = SAMPLE_SOURCE.replace("author: 著者\n", "author: 著者\ntitle: 二つ目\n")
    root = make_project({"7": source})
    assert main(["--project", str(root), "update"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"workflow: error: {root / 'sources' / 'ja' / '7.md'}:7: front matter: key 'title' "
        "given twice (first on line 2) (remove one of them)\n"
    )
    assert not (root / "locales").exists()
