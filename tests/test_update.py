"""``workflow update`` and ``status`` on real files: stable, valid, safe on bad input."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import PYPROJECT, SAMPLE_SOURCE, snapshot
from workflow.catalog import server_flags
from workflow.cli import main
from workflow.fsio import project_lock


def run(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


def catalogs(root: Path) -> list[Path]:
    return sorted((root / "locales").rglob("*.po*"))


def test_update_writes_pot_and_one_po_per_language(make_project) -> None:
    root = make_project()
    assert run(root, "update") == 0
    assert [p.relative_to(root).as_posix() for p in catalogs(root)] == [
        "locales/7.pot",
        "locales/en/7.po",
        "locales/kk/7.po",
        "locales/ru/7.po",
    ]
    po = polib.pofile(str(root / "locales" / "ru" / "7.po"))
    assert po.metadata["Language"] == "ru"
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Project-Id-Version"] == "sample 7"
    first = po.find("私は1989年にモスクワを訪れた。")
    assert first.occurrences == [("sources/ja/7.md", "9")]
    assert first.comment == "paragraph 1, sentence 1"
    assert po.find("中央アジアの資源").comment == "front matter: title"
    assert po.find("それはペレストロイカ(改革)のお陰である。").occurrences == [
        ("sources/ja/7.md", "10")
    ]


def test_second_update_changes_no_byte(make_project) -> None:
    root = make_project()
    assert run(root, "update") == 0
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in catalogs(root)}
    assert run(root, "update") == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in catalogs(root)} == before


def test_catalogs_pass_msgfmt_check_and_msgcat_round_trip(essay_project: Path) -> None:
    assert run(essay_project, "update") == 0
    assert len(catalogs(essay_project)) == 4  # the POT and en, ru, kk
    for path in catalogs(essay_project):
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)
        round_trip = subprocess.run(["msgcat", str(path)], check=True, capture_output=True).stdout
        assert round_trip == without_weblate_flags(path.read_bytes()), path


def without_weblate_flags(data: bytes) -> bytes:
    """*data* without the Weblate flag ``ignore-end-stop``: GNU gettext keeps only the flags
    it knows (fuzzy, formats, range, wrap), everything else byte for byte."""
    data = re.sub(rb"(?m)^#, ignore-end-stop\n", b"", data)
    return re.sub(rb"(?m)^(#, .*), ignore-end-stop$", rb"\1", data)


def test_source_change_keeps_reviewed_translation(make_project) -> None:
    root = make_project()
    assert run(root, "update") == 0
    po_path = root / "locales" / "en" / "7.po"
    po = polib.pofile(str(po_path))
    po.find("私は1989年にモスクワを訪れた。").msgstr = "I visited Moscow in 1989."
    po.save()
    source = root / "sources" / "ja" / "7.md"
    source.write_text(source.read_text(encoding="utf-8").replace("1989年", "1990年"), "utf-8")
    assert run(root, "update") == 0
    entry = polib.pofile(str(po_path)).find("私は1990年にモスクワを訪れた。")
    assert entry.msgstr == "I visited Moscow in 1989."
    assert entry.fuzzy and entry.previous_msgid == "私は1989年にモスクワを訪れた。"


@pytest.mark.parametrize(
    ("path", "content", "expected"),
    [
        ("locales/en/7.po", 'msgid ""\nmsgstr ""\n\nmsgid "x\nmsgstr ""\n', "locales/en/7.po:"),
        ("locales/7.pot", 'msgid ""\nmsgstr ""\n\nmsgid "x\nmsgstr ""\n', "locales/7.pot:4: "),
        ("sources/ja/7.md", "no front matter\n", "sources/ja/7.md:1: missing front matter"),
        ("sources/ja/7.md", "---\ntitle: [\n---\n", "sources/ja/7.md:"),
        (
            "sources/ja/7.md",
            "---\ntitle: t\nseries: s\nnumber: x\ndate: 2025-01-01\n---\n",
            "sources/ja/7.md:4: front matter field 'number'",
        ),
        ("sources/ja/7.md", b"---\n\xff\n", "sources/ja/7.md:2: invalid UTF-8"),
        (
            "pyproject.toml",
            PYPROJECT.replace('"kk"]', '"xx"]'),
            "pyproject.toml:8: invalid value for 'languages'",
        ),
        (
            "pyproject.toml",
            PYPROJECT + "colour = 1\n",
            "pyproject.toml:10: unknown key 'colour' in [tool.workflow]",
        ),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    make_project, capsys, path: str, content: str | bytes, expected: str
) -> None:
    root = make_project()
    assert run(root, "update") == 0
    target = root / path
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    before = snapshot(root)
    capsys.readouterr()
    assert run(root, "update") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err
    assert snapshot(root) == before


def test_unknown_language_option_is_rejected(make_project, capsys) -> None:
    root = make_project()
    assert run(root, "update", "--lang", "de") == 2
    assert "unknown language 'de'" in capsys.readouterr().err
    assert not (root / "locales").exists()


def test_update_fails_fast_while_another_run_holds_the_lock(make_project, capsys) -> None:
    root = make_project()
    with project_lock(root, "update"):
        assert run(root, "update") == 2
    assert "project is locked by workflow update" in capsys.readouterr().err
    assert not (root / "locales").exists()


def test_status_counts_reviewed_fuzzy_untranslated(make_project, capsys) -> None:
    root = make_project({"7": SAMPLE_SOURCE})
    assert run(root, "update") == 0
    po_path = root / "locales" / "kk" / "7.po"
    po = polib.pofile(str(po_path))
    active = list(po)
    active[0].msgstr = "Орталық Азияның ресурстары"
    active[1].msgstr = "Сирек металдар"
    active[1].flags.append("fuzzy")
    po.save()
    capsys.readouterr()
    assert run(root, "status", "--json", "--lang", "kk") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["reviewed"], row["fuzzy"], row["untranslated"]) == (1, 1, row["total"] - 2)
    assert row["stale"] is False
    assert run(root, "status") == 0
    table = capsys.readouterr().out
    assert "kk" in table and f"1/{row['total']}" in table


def test_status_reports_missing_catalog(make_project, capsys) -> None:
    root = make_project()
    assert run(root, "status", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(row["lang"] for row in rows) == ["en", "kk", "ru"]
    assert all(not row["exists"] and row["stale"] for row in rows)


def test_status_counts_glossary_findings(make_project, capsys) -> None:
    root = make_project()
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(
        "terms:\n  - id: moscow\n    kind: place\n    ja: [モスクワ]\n"
        "    en: Moscow\n    ru: Москва\n    kk: Мәскеу\n",
        encoding="utf-8",
    )
    assert run(root, "update") == 0
    po_path = root / "locales" / "ru" / "7.po"
    po = polib.pofile(str(po_path))
    po.find("私は1989年にモスクワを訪れた。").msgstr = "В 1989 году я побывал в Москве."
    po.find("ラズノインポルトの統計はあるが現場がない――。").msgstr = "Я посетил Ленинград."
    po.save()
    capsys.readouterr()
    assert run(root, "status", "--json", "--lang", "ru") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["glossary_findings"] == 0  # Москве is an inflected Москва; no term in the other
    po.find("私は1989年にモスクワを訪れた。").msgstr = "В 1989 году я побывал в Ленинграде."
    po.save()
    assert run(root, "status", "--json", "--lang", "ru") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["glossary_findings"] == 1


def test_sentences_ending_in_a_dash_tell_weblate_to_skip_its_full_stop_check(make_project):
    """A ――。 sentence ends with a dash in translation (house style, Q103); Weblate reads the
    ``ignore-end-stop`` flag from the catalog instead of reporting a missing full stop."""
    root = make_project()
    assert run(root, "update") == 0
    for path in catalogs(root):
        po = polib.pofile(str(path))
        flagged = {entry.msgid for entry in po if "ignore-end-stop" in entry.flags}
        assert flagged == {"ラズノインポルトの統計はあるが現場がない――。"}, path


@pytest.mark.parametrize(
    ("sentence", "flags"),
    [
        ("現場がない――。", ["ignore-end-stop"]),
        ("現場がない――", ["ignore-end-stop"]),
        ("現場がない――。 ", ["ignore-end-stop"]),
        ("その元素の名は――X。", []),
        ("――そう思った。", []),
        ("現場がない―。", []),
    ],
    ids=["dash-stop", "dash", "dash-stop-blank", "letter-after-dash", "opening-dash", "one-bar"],
)
def test_only_a_sentence_that_trails_off_in_a_dash_gets_the_flag(sentence, flags) -> None:
    assert server_flags(sentence) == flags
