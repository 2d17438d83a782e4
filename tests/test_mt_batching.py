"""Engines and one run's shared stages on the tiny real models: what reaches
``translate_batch`` (length penalty, target prefix), stage outputs kept per stage, progress."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from tests.mt_fixtures import MtModels, mt_models, mt_project, write_project
from workflow.cli import main
from workflow.errors import ModelError
from workflow.mt.argos import ARGOS_LENGTH_PENALTY
from workflow.mt.ct2 import available_cores, thread_plan
from workflow.mt.engines import open_engine
from workflow.mt.runs import MtRun
from workflow.po import load_po, save_po
from workflow.pretranslate import PROGRESS_MIN_SEGMENTS, ProgressLine, pretranslate_project
from workflow.project import Project

__all__ = ["mt_models", "mt_project"]  # fixtures used below

TEXTS = ["鉄鉱石の輸出。", "タンタルの価格。", "鉄鉱石の輸出。"]


class RecordingTranslator:
    """A real CTranslate2 translator that records the keyword arguments of each call."""

    def __init__(self, translator: object) -> None:
        self.translator = translator
        self.calls: list[dict[str, object]] = []

    def translate_batch(self, sources: list[list[str]], **kwargs: object) -> object:
        self.calls.append(kwargs)
        return self.translator.translate_batch(sources, **kwargs)


@pytest.fixture
def prefixed_project(tmp_path: Path, mt_models: MtModels) -> tuple[Project, str]:
    """A project whose ja→en package asks for a target prefix (a piece of its vocabulary)."""
    packages = tmp_path / "packages"
    shutil.copytree(mt_models.packages_dir, packages)
    package = next(packages.glob("translate-ja_en-*"))
    vocabulary = (package / "model" / "shared_vocabulary.json").read_text(encoding="utf-8")
    prefix = next(piece for piece in json.loads(vocabulary)[10:] if piece.startswith("▁"))
    metadata = json.loads((package / "metadata.json").read_text(encoding="utf-8"))
    (package / "metadata.json").write_text(
        json.dumps({**metadata, "target_prefix": prefix}), encoding="utf-8"
    )
    project = write_project(
        tmp_path / "project", f'packages-dir = "{packages}"\n', languages='["en"]'
    )
    return project, prefix


def test_argos_decodes_with_its_length_penalty_and_target_prefix(prefixed_project) -> None:
    project, prefix = prefixed_project
    engine = open_engine(project, "en")
    model = engine.model(0)
    model.translator = RecordingTranslator(model.translator)
    outputs = engine.translate_stage(0, TEXTS)
    (call,) = model.translator.calls
    assert call["length_penalty"] == ARGOS_LENGTH_PENALTY == 0.2
    assert call["batch_type"] == "tokens" and call["replace_unknowns"] is True
    assert call["target_prefix"] == [[prefix]] * len(TEXTS)
    assert len(outputs) == len(TEXTS)
    assert not any(output.startswith(prefix.lstrip("▁")) for output in outputs)  # stripped
    assert engine.stage_key(0).endswith(f" prefix={prefix!r}")


def test_a_package_without_prefix_gets_none(mt_project: Project) -> None:
    engine = open_engine(mt_project, "en")
    model = engine.model(0)
    model.translator = RecordingTranslator(model.translator)
    engine.translate_stage(0, TEXTS)
    (call,) = model.translator.calls
    assert "target_prefix" not in call and call["length_penalty"] == ARGOS_LENGTH_PENALTY


def test_a_run_keeps_each_stages_outputs_apart(mt_project: Project) -> None:
    """ja→en (Argos) and ja→kk (NLLB) read the same Japanese texts: each keeps its own."""
    run = MtRun()
    english, kazakh = (open_engine(mt_project, lang, run=run) for lang in ("en", "kk"))
    en = run.translate_stage(english, 0, TEXTS)
    kk = run.translate_stage(kazakh, 0, TEXTS)
    assert en == english.translate_stage(0, TEXTS) and kk == kazakh.translate_stage(0, TEXTS)
    assert en != kk


def test_progress_counts_every_text_once(mt_project: Project) -> None:
    run = MtRun()
    engine = open_engine(mt_project, "en", run=run)
    done: list[int] = []
    run.translate_stage(engine, 0, TEXTS, progress=done.append)
    assert done == [1, 2]  # the repeated text at once, then the two translated
    done.clear()
    run.translate_stage(engine, 0, ["銅。"], progress=done.append)
    assert done == [1]
    done.clear()
    run.translate_stage(engine, 0, TEXTS, progress=done.append)
    assert done == [3] and run.reused == 2  # both distinct texts were translated before


def test_settings_reach_the_translator(tmp_path: Path, mt_models: MtModels) -> None:
    settings = f'packages-dir = "{mt_models.packages_dir}"\ncompute-type = "int8"\nthreads = 2\n'
    project = write_project(tmp_path, settings, languages='["en"]')
    translator = open_engine(project, "en").model(0).translator
    assert (translator.device, translator.compute_type) == ("cpu", "int8_float32")  # int8 on CPU
    assert translator.num_translators == 2  # two cores: two batches in parallel


def test_a_model_that_cannot_load_is_one_line_naming_it(
    tmp_path: Path, mt_models: MtModels, capsys
) -> None:
    packages = tmp_path / "packages"
    shutil.copytree(mt_models.packages_dir, packages)
    (next(packages.glob("translate-ja_en-*")) / "model" / "model.bin").write_bytes(b"broken")
    project = write_project(
        tmp_path / "project", f'packages-dir = "{packages}"\n', languages='["en"]'
    )
    capsys.readouterr()
    assert main(["--project", str(project.root), "pretranslate", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    model = project.root / "models" / "packages" / "translate-ja_en-1_9" / "model"
    assert err.startswith(f"workflow: error: {model}: cannot load the model: ")
    assert err.endswith(" (reinstall the package or reconvert the model)\n")
    assert err.count("\n") == 1


def test_thread_plan_splits_the_cores_in_whole_threads() -> None:
    assert thread_plan() == thread_plan(available_cores())
    assert thread_plan(6) == (4, 1) and thread_plan(8) == (4, 2) and thread_plan(1) == (1, 1)
    assert all(type(threads) is int for threads in thread_plan(6))


def test_pretranslate_reports_per_file_per_engine_and_in_total(mt_project: Project, capsys) -> None:
    root = str(mt_project.root)
    po_path = mt_project.po_path("en", "118")
    po = load_po(po_path)
    po[0].tcomment = "translator note\nmt: argos ja→en an older model"  # replaced, note kept
    save_po(po, po_path)
    capsys.readouterr()
    assert main(["--project", root, "pretranslate", "--lang", "en", "--lang", "kk"]) == 0
    out = capsys.readouterr().out.splitlines()
    provenance = {"en": "argos ja→en translate-ja_en-1_9 1.9", "kk": "nllb ja→kk nllb-tiny"}
    lines = []
    for lang in ("en", "kk"):
        entries = [e for e in load_po(mt_project.po_path(lang, "118")) if e.msgid]
        filled = [e for e in entries if e.fuzzy and f"mt: {provenance[lang]}" in e.tcomment]
        flagged = [e for e in filled if "\nmt-glossary: " in e.tcomment]
        assert len(filled) == len(entries) and flagged
        lines.append(
            f"{lang}/118: 0 from memory (0 exact, 0 fuzzy), {len(filled)} machine-translated, "
            f"0 left empty; {len(flagged)} with a glossary term to check"
        )
    assert out == [
        *lines,
        f"engine en: {provenance['en']}",
        f"engine kk: {provenance['kk']}",
        f"{2 * len(filled)} entries written as fuzzy: review them in a PO editor",
    ]
    first = load_po(po_path)[0]
    assert first.tcomment.splitlines()[:2] == ["translator note", f"mt: {provenance['en']}"]
    assert "an older model" not in first.tcomment
    assert main(["--project", root, "pretranslate", "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "en/118: 0 from memory (0 exact, 0 fuzzy), 0 machine-translated, 0 left empty\n"
    )


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_redraws_one_line_on_a_terminal() -> None:
    terminal = Terminal()
    progress = ProgressLine("pretranslate ru", 4, terminal)
    for count in (1, 2, 5):  # more than announced stops at the total
        progress(count)
    bars = ["#" * 7 + " " * 23, "#" * 22 + " " * 8, "#" * 30]
    assert terminal.getvalue() == (
        f"\rpretranslate ru [{bars[0]}] 1/4\rpretranslate ru [{bars[1]}] 3/4"
        f"\rpretranslate ru [{bars[2]}] 4/4\n"
    )
    quiet = Terminal()
    ProgressLine("pretranslate ru", 0, quiet)(0)  # nothing to do: no bar
    assert quiet.getvalue() == ""
    one = Terminal()
    ProgressLine("pretranslate ru", 1, one)(1)
    assert one.getvalue() == f"\rpretranslate ru [{'#' * 30}] 1/1\n"
    log = io.StringIO()  # not a terminal: one plain line per step, long runs only
    ProgressLine("pretranslate ru", PROGRESS_MIN_SEGMENTS, log)(PROGRESS_MIN_SEGMENTS)
    total = PROGRESS_MIN_SEGMENTS
    assert log.getvalue() == f"pretranslate ru [{'#' * 30}] {total}/{total}\n"


def test_a_short_run_in_a_log_shows_no_bar(mt_project: Project, capsys) -> None:
    """Not a terminal, fewer steps than PROGRESS_MIN_SEGMENTS (both stages of the pivot)."""
    capsys.readouterr()
    assert main(["--project", str(mt_project.root), "pretranslate", "--lang", "ru"]) == 0
    unique = {e.msgid for e in load_po(mt_project.po_path("ru", "118")) if e.msgid}
    assert 2 * len(unique) < PROGRESS_MIN_SEGMENTS
    assert capsys.readouterr().err == ""


def test_an_unknown_engine_is_refused_with_the_choices(mt_project: Project) -> None:
    with pytest.raises(ModelError) as caught:
        pretranslate_project(mt_project, ["en"], engine="deepl")
    assert str(caught.value) == (
        "unknown engine 'deepl' (use one of ('auto', 'argos', 'nllb', 'none'))"
    )


def test_a_missing_catalog_says_to_run_update(mt_project: Project, capsys) -> None:
    mt_project.po_path("ru", "118").unlink()
    capsys.readouterr()
    assert main(["--project", str(mt_project.root), "pretranslate", "--lang", "ru"]) == 2
    assert capsys.readouterr().err == (
        f"workflow: error: {mt_project.po_path('ru', '118')}: no PO file to pre-translate "
        "(run `workflow update --lang ru` first)\n"
    )


def test_memory_only_does_not_read_the_glossary(mt_project: Project, capsys) -> None:
    mt_project.glossary_path.write_text("terms: [\n", encoding="utf-8")  # broken
    root = str(mt_project.root)
    assert main(["--project", root, "pretranslate", "--lang", "ru", "--engine", "none"]) == 0
    assert main(["--project", root, "pretranslate", "--lang", "ru"]) == 2
    assert f"{mt_project.glossary_path}:" in capsys.readouterr().err
