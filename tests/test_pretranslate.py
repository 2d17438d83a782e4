"""``workflow pretranslate`` with tiny real models: what gets filled, how it is marked."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.mt_fixtures import MtModels, mt_models, mt_project, write_project
from workflow.catalog import server_flags
from workflow.cli import main
from workflow.errors import ModelError
from workflow.mt.engines import available_engine, open_engine
from workflow.mt.protect import translate_with_glossary
from workflow.mt.runs import MtRun
from workflow.po import load_po, save_po
from workflow.pretranslate import (
    PROGRESS_MIN_SEGMENTS,
    ProgressLine,
    pretranslate_project,
)
from workflow.project import Project

__all__ = ["mt_models", "mt_project"]  # fixtures used by the tests below

PIVOT = "mt: argos ja→ru translate-ja_en-1_9 1.9 + translate-en_ru-1_9 1.9; pivot en"


def _review(project: Project, lang: str, count: int) -> dict[str, str]:
    """Translate the first *count* entries (the last as a fuzzy draft); return their PO text."""
    path = project.po_path(lang, "118")
    po = load_po(path)
    for index, entry in enumerate(po[:count]):
        entry.msgstr = f"Проверенный перевод {index}."
        entry.tcomment = "translator note"
    po[count - 1].flags.append("fuzzy")  # a draft is not empty either: kept as it is
    save_po(po, path)
    return {entry.msgid: str(entry) for entry in load_po(path)[:count]}


def _entries(project: Project, lang: str) -> list[polib.POEntry]:
    return [e for e in load_po(project.po_path(lang, "118")) if not e.obsolete]


def test_fills_only_empty_entries_as_fuzzy_with_pivot_provenance(mt_project: Project) -> None:
    reviewed = _review(mt_project, "ru", 3)
    before = mt_project.po_path("ru", "118").read_bytes()

    assert main(["--project", str(mt_project.root), "pretranslate", "--lang", "ru"]) == 0

    after = mt_project.po_path("ru", "118").read_bytes()
    entries = _entries(mt_project, "ru")
    assert reviewed.keys() <= {entry.msgid for entry in entries} and len(entries) > 40
    for entry in entries:
        if entry.msgid in reviewed:
            assert str(entry) == reviewed[entry.msgid]
            assert str(entry).encode() in before and str(entry).encode() in after
        else:
            assert entry.msgstr
            assert entry.flags == ["fuzzy", *server_flags(entry.msgid)]
            assert PIVOT in entry.tcomment.splitlines()
    assert _entries(mt_project, "en")[0].msgstr == ""  # other languages untouched


def test_second_run_changes_nothing(mt_project: Project) -> None:
    assert pretranslate_project(mt_project, ["en"], engine="argos").filled > 0
    first = mt_project.po_path("en", "118").read_bytes()
    summary = pretranslate_project(mt_project, ["en"], engine="argos")
    assert mt_project.po_path("en", "118").read_bytes() == first
    assert summary.filled == 0


def test_pivot_runs_each_stage_as_one_batched_call(mt_project: Project) -> None:
    engine = open_engine(mt_project, "ru")
    texts = [entry.msgid for entry in _entries(mt_project, "ru")]
    outputs = translate_with_glossary(engine, texts, None)
    assert len(outputs) == len(texts) > 40
    assert [stage.target for stage in engine.stages] == ["en", "ru"]
    assert engine.model(0).batch_calls == 1
    assert engine.model(1).batch_calls == 1


def test_small_batches_still_cover_many_segments_per_call(tmp_path: Path, mt_models: MtModels):
    project = write_project(
        tmp_path,
        f'packages-dir = "{mt_models.packages_dir}"\n'
        "max-decoding-length = 4\nmax-batch-tokens = 32\n",
    )
    engine = open_engine(project, "en")
    texts = [entry.msgid for entry in _entries(project, "en")]
    done: list[int] = []
    engine.translate_stage(0, texts, done.append)
    assert sum(done) == len(texts)
    assert 1 < engine.batch_calls < len(texts) / 4


def test_translation_memory_before_mt(mt_project: Project) -> None:
    entries = _entries(mt_project, "ru")
    exact, similar = entries[5].msgid, entries[6].msgid
    other = polib.POFile()
    other.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    other.append(polib.POEntry(msgid=exact, msgstr="Точный перевод."))
    other.append(polib.POEntry(msgid=similar[:-1] + "ね。", msgstr="Похожий перевод."))
    other.append(polib.POEntry(msgid=entries[7].msgid, msgstr="Черновик.", flags=["fuzzy"]))
    save_po(other, mt_project.po_path("ru", "117"))

    summary = pretranslate_project(mt_project, ["ru"], engine="none")

    by_id = {entry.msgid: entry for entry in _entries(mt_project, "ru")}
    assert by_id[exact].msgstr == "Точный перевод."
    lines = mt_project.po_path("ru", "117").read_text(encoding="utf-8").splitlines()
    line = next(  # the line of the msgid keyword (the text may be wrapped below it)
        i + 1
        for i, text in enumerate(lines)
        if text.startswith("msgid") and exact[:10] in "".join(lines[i : i + 3])
    )
    assert by_id[exact].tcomment == f"tm: 100% locales/ru/117.po:{line}"
    assert by_id[similar].msgstr == "Похожий перевод."
    assert by_id[similar].tcomment.startswith("tm: 9")
    for entry in (by_id[exact], by_id[similar]):
        assert entry.flags == ["fuzzy", *server_flags(entry.msgid)]
    assert by_id[entries[7].msgid].msgstr == ""  # a fuzzy entry is no memory
    assert (summary.files[0].tm_exact, summary.files[0].tm_fuzzy, summary.files[0].mt) == (1, 1, 0)
    left = summary.files[0].pending - 2
    assert summary.format().splitlines()[0] == (
        f"ru/118: 2 from memory (1 exact, 1 fuzzy), 0 machine-translated, {left} left empty"
    )
    assert summary.format().splitlines()[-1] == (
        "2 entries written as fuzzy: review them in a PO editor"
    )
    assert pretranslate_project(mt_project, [], engine="none").format() == (
        "no documents to pre-translate"
    )


def test_provenance_survives_msgmerge_and_msgcat(mt_project: Project, tmp_path: Path) -> None:
    pretranslate_project(mt_project, ["ru"])
    po_path = mt_project.po_path("ru", "118")
    merged = tmp_path / "merged.po"
    subprocess.run(
        ["msgmerge", "-q", "-o", str(merged), str(po_path), str(mt_project.pot_path("118"))],
        check=True,
    )
    catted = tmp_path / "cat.po"
    subprocess.run(["msgcat", "-o", str(catted), str(merged)], check=True)
    entries = [entry for entry in polib.pofile(str(catted)) if entry.msgid]
    assert len(entries) > 40 and all(entry.msgstr for entry in entries)
    for entry in entries:
        assert "fuzzy" in entry.flags
        assert PIVOT in entry.tcomment.splitlines()


def test_nllb_engine_for_kazakh(mt_project: Project) -> None:
    assert available_engine(mt_project, "kk") == "nllb"
    summary = pretranslate_project(mt_project, ["kk"])
    assert summary.engines["kk"] == "nllb ja→kk nllb-tiny"
    entries = _entries(mt_project, "kk")
    assert len(entries) > 40
    assert all(e.msgstr and "mt: nllb ja→kk nllb-tiny" in e.tcomment for e in entries)
    assert not any("kaz_Cyrl" in e.msgstr or "jpn_Jpan" in e.msgstr for e in entries)
    engine = open_engine(mt_project, "kk")
    engine.translate_stage(0, [e.msgid for e in entries])
    assert engine.batch_calls == 1
    tokens = engine.source_tokens("ウスチ・カメノゴルスク。")
    assert tokens[0] == "jpn_Jpan" and tokens[-1] == "</s>" and len(tokens) > 3


def test_nllb_token_missing_from_vocabulary(tmp_path: Path, mt_models: MtModels) -> None:
    project = write_project(
        tmp_path,
        "",
        f'kk = {{ engine = "nllb", model = "{mt_models.nllb_dir}", target-token = "xyz_Latn" }}\n',
    )
    with pytest.raises(ModelError, match="xyz_Latn"):
        open_engine(project, "kk")
    assert available_engine(project, "kk") is None


def test_no_engine_fills_memory_only_and_says_why(
    tmp_path: Path, mt_models: MtModels, capsys: pytest.CaptureFixture[str]
) -> None:
    project = write_project(tmp_path, f'packages-dir = "{tmp_path / "none"}"\n')
    assert available_engine(project, "ru") is None
    assert main(["--project", str(project.root), "pretranslate", "--lang", "ru"]) == 0
    assert "ru: no machine translation" in capsys.readouterr().out
    entries = _entries(project, "ru")
    assert len(entries) > 40 and all(not e.msgstr for e in entries)
    assert main(["--project", str(project.root), "pretranslate", "--engine", "argos"]) == 2
    assert "no Argos package for ja→en" in capsys.readouterr().err


def test_glossary_term_lost_by_the_model_is_flagged(mt_project: Project) -> None:
    pretranslate_project(mt_project, ["ru"])
    entry = next(e for e in _entries(mt_project, "ru") if "ラズノインポルト" in e.msgid)
    assert "mt-glossary: Разноимпорт (raznoimport) missing; check the term" in entry.tcomment


def test_cli_import_does_not_load_the_mt_stack() -> None:
    code = (
        "import sys, workflow.cli; workflow.cli.build_parser(); "
        "import workflow.pretranslate, workflow.mt.engines; "
        "print(sorted(m for m in ('ctranslate2', 'sentencepiece', 'torch') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_progress_line_only_on_terminals_or_long_runs() -> None:
    short, long = io.StringIO(), io.StringIO()
    for stream, total in ((short, 10), (long, PROGRESS_MIN_SEGMENTS)):
        progress = ProgressLine("pretranslate ru", total, stream)
        progress(total // 2)
        progress(total - total // 2)
    assert short.getvalue() == ""
    assert long.getvalue().endswith(f"] {PROGRESS_MIN_SEGMENTS}/{PROGRESS_MIN_SEGMENTS}\n")
    assert long.getvalue().count("\n") == 2 and "\r" not in long.getvalue()


def test_languages_of_one_run_share_the_pivot_stage_and_models(mt_project: Project) -> None:
    run = MtRun()
    english, russian = (
        open_engine(mt_project, "en", run=run),
        open_engine(mt_project, "ru", run=run),
    )
    texts = [entry.msgid for entry in _entries(mt_project, "en")]
    en_out = translate_with_glossary(english, texts, None)
    translate_with_glossary(russian, texts, None)
    assert len(run.models) == 2  # ja→en loaded once, en→ru
    assert russian.model(0) is english.model(0) and russian.model(0).batch_calls == 1
    assert run.reused == len(set(texts))
    alone = translate_with_glossary(open_engine(mt_project, "en"), texts, None)
    assert [out.text for out in alone] == [out.text for out in en_out]


def test_one_run_for_two_languages_writes_what_two_runs_write(
    mt_project: Project, tmp_path: Path
) -> None:
    separate = Project.open(shutil.copytree(mt_project.root, tmp_path / "separate"))
    pretranslate_project(mt_project, ["en", "ru"])
    for lang in ("en", "ru"):
        pretranslate_project(separate, [lang])
        assert mt_project.po_path(lang, "118").read_bytes() == (
            separate.po_path(lang, "118").read_bytes()
        )
