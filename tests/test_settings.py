"""Every ``[tool.workflow]`` and ``[tool.workflow.mt]`` setting in README.md takes effect."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.conftest import GLOSSARY, PYPROJECT, SAMPLE_SOURCE
from tests.mt_fixtures import MtModels, mt_models, write_project
from tests.test_boundaries import RecordingTranslator
from workflow.cli import main
from workflow.mt.engines import available_engine, open_engine
from workflow.pretranslate import pretranslate_project
from workflow.project import Project
from workflow.similarity import similarity

__all__ = ["mt_models"]  # fixture used below


def run(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


def test_layout_settings_move_every_folder_and_the_glossary(tmp_path: Path, capsys) -> None:
    root = tmp_path / "project"
    (root / "text" / "ja").mkdir(parents=True)
    (root / "text" / "ja" / "7.md").write_text(SAMPLE_SOURCE, encoding="utf-8")
    (root / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        PYPROJECT + 'sources-dir = "text"\nlocales-dir = "po"\nexports-dir = "out"\n'
        'glossary = "terms.yaml"\n',
        encoding="utf-8",
    )
    assert run(root, "update") == 0
    assert sorted(p.relative_to(root).as_posix() for p in (root / "po").rglob("*.po*")) == [
        "po/7.pot",
        "po/en/7.po",
        "po/kk/7.po",
        "po/ru/7.po",
    ]
    po = polib.pofile(str(root / "po" / "en" / "7.po"))
    po.find("私は1989年にモスクワを訪れた。").msgstr = "I visited Leningrad in 1989."
    po.save()
    capsys.readouterr()
    assert run(root, "check", "--lang", "en") == 1
    assert "po/en/7.po:" in capsys.readouterr().out  # G001 from terms.yaml
    assert run(root, "export", "--draft", "--lang", "en", "--format", "docx") == 0
    assert (root / "out" / "en" / "7.docx").is_file()
    assert not (root / "locales").exists() and not (root / "exports").exists()


def test_languages_and_translation_team(make_project) -> None:
    root = make_project(
        pyproject=PYPROJECT.replace('["en", "ru", "kk"]', '["kk"]').replace(
            "Sample team", "Qazaq team"
        )
    )
    assert run(root, "update") == 0
    assert [p.name for p in (root / "locales").iterdir() if p.is_dir()] == ["kk"]
    po = polib.pofile(str(root / "locales" / "kk" / "7.po"))
    assert po.metadata["Last-Translator"] == "Qazaq team"
    assert po.metadata["Language-Team"] == "Kazakh, Qazaq team"
    assert po.metadata["Project-Id-Version"] == "sample 7"  # project-id


def test_paragraph_segmentation(make_project) -> None:
    root = make_project(pyproject=PYPROJECT + 'segmentation = "paragraph"\n')
    assert run(root, "update", "--lang", "en") == 0
    msgids = [e.msgid for e in polib.pofile(str(root / "locales" / "en" / "7.po"))]
    assert (
        "私は1989年にモスクワを訪れた。ラズノインポルトの統計はあるが現場がない――。"
        "それはペレストロイカ(改革)のお陰である。"
    ) in msgids
    assert "私は1989年にモスクワを訪れた。" not in msgids


def test_source_language_names_the_source_folder(make_project) -> None:
    root = make_project(
        pyproject=PYPROJECT.replace('source-language = "ja"', 'source-language = "ru"').replace(
            '["en", "ru", "kk"]', '["en"]'
        )
    )
    (root / "sources" / "ja").rename(root / "sources" / "ru")
    assert run(root, "update") == 0
    assert (root / "locales" / "en" / "7.po").is_file()
    assert run(root, "update", "--lang", "ru") == 2  # the source language is not a target


# --- [tool.workflow.mt] ------------------------------------------------------------------------


def mt_settings(mt_models: MtModels, extra: str = "") -> str:
    return f'packages-dir = "{mt_models.packages_dir}"\nmax-decoding-length = 3\n' + extra


def test_decoding_settings_reach_ctranslate2(tmp_path: Path, mt_models: MtModels) -> None:
    project = write_project(
        tmp_path,
        mt_settings(
            mt_models,
            'beam-size = 3\ndevice = "cpu"\ncompute-type = "float32"\nthreads = 1\n'
            "max-batch-tokens = 40\n",
        ),
        languages='["en"]',
    )
    model = open_engine(project, "en").model(0)
    assert model.translator.device == "cpu"
    assert model.translator.compute_type == "float32"
    assert model.translator.num_translators == 1  # threads = 1: one worker
    recording = RecordingTranslator(model.translator)
    model.translator = recording
    recorded: list[dict] = []
    real = recording.translate_batch

    def keep_kwargs(sources, **kwargs):
        recorded.append(kwargs)
        return real(sources, **kwargs)

    recording.translate_batch = keep_kwargs
    outputs = model.translate_tokens([model.encode("中央アジアの資源。")] * 30)
    assert all(len(tokens) <= 3 for tokens in outputs)  # max-decoding-length
    assert {kwargs["beam_size"] for kwargs in recorded} == {3}
    assert {kwargs["max_decoding_length"] for kwargs in recorded} == {3}
    assert all(kwargs["max_batch_size"] <= 64 for kwargs in recorded)


def test_pivot_setting_chooses_the_route(tmp_path: Path, mt_models: MtModels) -> None:
    through_en = write_project(tmp_path / "en", mt_settings(mt_models, 'pivot = "en"\n'))
    assert open_engine(through_en, "ru").pivots == ["en"]
    through_kk = write_project(tmp_path / "kk", mt_settings(mt_models, 'pivot = "kk"\n'))
    assert available_engine(through_kk, "ru") is None
    assert available_engine(through_kk, "en") == "argos"  # a direct pair needs no pivot


@pytest.mark.parametrize(("threshold", "filled"), [(0.75, True), (0.95, False)])
def test_tm_threshold(tmp_path: Path, mt_models: MtModels, threshold: float, filled: bool) -> None:
    project = write_project(tmp_path, f"tm-threshold = {threshold}\n", languages='["ru"]')
    entries = [e for e in polib.pofile(str(project.po_path("ru", "118"))) if e.msgid]
    target = next(e.msgid for e in entries if len(e.msgid) > 20)
    memory = polib.POFile()
    memory.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    similar = target[: len(target) * 4 // 5] + "ね。"
    assert 0.75 <= similarity(similar, target) < 0.95
    memory.append(polib.POEntry(msgid=similar, msgstr="Похожий перевод."))
    memory.save(str(project.po_path("ru", "117")))
    pretranslate_project(Project.discover(project.root), ["ru"], engine="none")
    entry = polib.pofile(str(project.po_path("ru", "118"))).find(target)
    assert (entry.msgstr == "Похожий перевод.") is filled
