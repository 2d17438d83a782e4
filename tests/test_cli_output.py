"""What a person reads: update reports, export lines, waived findings, models list, help
texts, and a quiet exit when the reader of the output goes away."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.conftest import start_workflow
from tests.test_build import EN
from workflow.cli import build_parser, main
from workflow.exitcodes import EXIT_BROKEN_PIPE
from workflow.mt.ct2 import pip_command

WORKFLOW = (sys.executable, "-m", "workflow")
EDITED = {
    "私は1989年にモスクワを訪れた。": "私は1990年にモスクワを訪れた。",  # similar: fuzzy
    "それはペレストロイカ(改革)のお陰である。": "",  # removed: obsolete (translated)
    "カザフスタンの「周期表の交差点」は、ウスチ・カメノゴルスクである。": (
        "カザフスタンの「周期表の交差点」は、ウスチ・カメノゴルスクである。全く新しい文。"
    ),
}


def run(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


@pytest.fixture
def translated(make_project, monkeypatch) -> Path:
    """The sample project with every English entry translated; the cwd is the project."""
    root = make_project()
    monkeypatch.chdir(root)
    assert run(root, "update", "--lang", "en") == 0
    po = polib.pofile(str(root / "locales" / "en" / "7.po"))
    for entry in po:
        entry.msgstr = EN[entry.msgid]
    po.save()
    return root


def edit_source(root: Path, replacements: dict[str, str]) -> None:
    path = root / "sources" / "ja" / "7.md"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_update_reports_new_fuzzy_obsolete_revived_per_catalog(translated: Path, capsys) -> None:
    capsys.readouterr()
    edit_source(translated, EDITED)
    assert run(translated, "update", "--lang", "en") == 0
    assert capsys.readouterr().out.splitlines() == [
        "updated   locales/7.pot: 2 new, 2 removed",
        "updated   locales/en/7.po: 1 new, 1 fuzzy, 1 obsolete",
    ]
    edit_source(translated, {v: k for k, v in EDITED.items() if v})
    (translated / "sources" / "ja" / "7.md").write_text(
        (translated / "sources" / "ja" / "7.md")
        .read_text(encoding="utf-8")
        .replace("\nカザフスタン", "それはペレストロイカ(改革)のお陰である。\n\nカザフスタン"),
        encoding="utf-8",
    )
    assert run(translated, "update", "--lang", "en") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "updated   locales/en/7.po: 1 fuzzy, 1 revived, 1 removed"
    assert run(translated, "update", "--lang", "en") == 0
    assert capsys.readouterr().out.splitlines() == [
        "unchanged locales/7.pot",
        "unchanged locales/en/7.po",
    ]


def test_export_draft_says_draft_and_counts_in_the_singular(translated: Path, capsys) -> None:
    po = polib.pofile(str(translated / "locales" / "en" / "7.po"))
    po[0].flags.append("fuzzy")
    po.save()
    capsys.readouterr()
    args = ("export", "--lang", "en", "--format", "docx")
    assert run(translated, *args) == 1
    assert "refused en/7: 1 segment not reviewed (use --draft" in capsys.readouterr().err
    assert run(translated, *args, "--draft") == 0
    assert capsys.readouterr().out == "written (draft) exports/en/7.docx\n"


def test_waived_finding_does_not_suggest_waiving_it(translated: Path, capsys) -> None:
    (translated / "glossary").mkdir()
    (translated / "glossary" / "terms.yaml").write_text(
        "terms:\n  - id: moscow\n    kind: place\n    ja: [モスクワ]\n"
        "    en: Moscow\n    ru: Москва\n    kk: Мәскеу\n",
        encoding="utf-8",
    )
    po = polib.pofile(str(translated / "locales" / "en" / "7.po"))
    po.find("私は1989年にモスクワを訪れた。").msgstr = "I visited the capital in 1989."
    po.save()
    assert run(translated, "check", "--lang", "en") == 1
    unwaived = capsys.readouterr().out
    assert "G001" in unwaived and "waive with '# workflow: ignore G001'" in unwaived
    po = polib.pofile(str(translated / "locales" / "en" / "7.po"))
    po.find("私は1989年にモスクワを訪れた。").tcomment = "workflow: ignore G001"
    po.save()
    assert run(translated, "check", "--lang", "en") == 0
    text = capsys.readouterr().out
    assert "error (waived) G001" in text and "waive with" not in text
    assert run(translated, "check", "--lang", "en", "--format", "json") == 0
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    (finding,) = [item for item in diagnostics if item["code"] == "G001"]
    assert finding["waived"] and "waive with" not in (finding["hint"] or "")
    assert run(translated, "check", "--lang", "en", "--format", "sarif") == 0
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    (result,) = [item for item in results if item["ruleId"] == "G001"]
    assert result["suppressions"] and "waive with" not in result["message"]["text"]


@pytest.mark.slow  # a real process whose reader goes away (SIGPIPE)
def test_closed_pipe_ends_quietly(translated: Path) -> None:
    child = start_workflow(translated, "status", "--json")
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before the first write, like `| head -0`
    assert child.wait(timeout=60) == EXIT_BROKEN_PIPE
    assert child.stderr.read() == b""


def test_models_list_one_line_per_language_with_the_fixing_command(
    translated: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(translated / "no-packages-yet"))
    assert run(translated, "models", "list") == 0
    out = capsys.readouterr().out
    folder = translated / "no-packages-yet"
    assert f"Argos packages in {folder} (does not exist yet;" in out
    engines = out[out.index("Engines") :].splitlines()[1:]
    assert engines == [
        "  en: none: no Argos package for ja→en; fix: workflow models install --from-index ja en",
        "  ru: none: no Argos package for ja→ru (nor through en); fix: workflow models install"
        " --from-index ja en && workflow models install --from-index en ru",
        "  kk: none: Argos publishes no kk model; fix: configure an NLLB-200 model for kk in"
        " [tool.workflow.mt.engines] (README: Kazakh: NLLB-200)",
    ]


def test_install_hints_name_the_pip_of_this_environment() -> None:
    command = pip_command()
    if sys.prefix == sys.base_prefix:
        assert command.endswith(" -m pip")
    else:
        assert Path(command).resolve() == (Path(sys.prefix) / "bin" / "pip").resolve()


def test_from_index_offline_prints_one_clean_line(translated: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",  # nothing listens on the discard port
    }
    done = subprocess.run(
        [*WORKFLOW, "--project", str(translated), "models", "install", "--from-index", "ja", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    if importlib.util.find_spec("argostranslate") is None:  # the test environment: no argos
        expected = (
            "workflow: error: installing from the package index needs argostranslate "
            f"({pip_command()} install --no-deps argostranslate (no torch needed))"
        )
    else:
        expected = (
            "workflow: error: cannot download the Argos package index from "
            "http://127.0.0.1:9/index.json (no network? download the .argosmodel elsewhere, "
            "then `workflow models install FILE`)"
        )
    assert done.stderr.splitlines() == [expected]


def help_of(*command: str) -> str:
    parser = build_parser()
    for name in command:
        parser = next(
            action.choices[name]
            for action in parser._actions
            if isinstance(getattr(action, "choices", None), dict) and name in action.choices
        )
    return " ".join(parser.format_help().split())


def test_help_texts_describe_every_argument() -> None:
    assert "sources/ja/118.md" in help_of("status")
    glossary = help_of("glossary", "export")
    assert "TBX-Basic" in glossary and "columns id,kind,ja,en,ru,kk,note" in glossary
    assert "default: tbx" in glossary
    install = help_of("models", "install")
    assert "a downloaded Argos package" in install and "language codes, e.g. ja en" in install
    assert "Takes no arguments" in help_of("models", "list")
    assert "Exit 0: every language published" in help_of("build")
