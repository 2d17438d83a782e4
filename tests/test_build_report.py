"""``build``'s report and its draft/final decision, line by line, with two documents."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.conftest import GLOSSARY, SAMPLE_SOURCE
from tests.mt_fixtures import MtModels, models_inside, mt_models
from tests.test_build import EN
from tests.test_readme_behaviours import OTHER_SOURCE
from workflow.build import build_project
from workflow.cli import main
from workflow.project import Project

__all__ = ["mt_models"]  # fixture used below

KZ = SAMPLE_SOURCE.splitlines()[-1]
EN_7 = {**EN, KZ: EN[KZ].replace(" ", "  ", 1)}  # one double space: a Q105 warning
PAD = " " * 12
NO_EN_ENGINE = (
    "pretranslate warning: en: machine translation skipped, 7 untranslated segments left as "
    "they are: no Argos package for ja→en (workflow models install --from-index ja en)"
)


@pytest.fixture
def project(make_project) -> Project:
    """Two documents; en of document 7 reviewed (one warning), everything else untranslated."""
    root = make_project({"7": SAMPLE_SOURCE, "8": OTHER_SOURCE})
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert main(["--project", str(root), "update"]) == 0
    po = polib.pofile(str(root / "locales" / "en" / "7.po"))
    for entry in po:
        entry.msgstr = EN_7[entry.msgid]
    po.save()
    return Project.discover(root)


def build(project: Project, langs: list[str], docs: list[str] | None, **options) -> list[str]:
    echoed: list[str] = []
    report = build_project(project, langs, docs, ["docx"], echo=echoed.append, **options)
    assert [(r.lang, r.doc_id) for r in report.exports] == [
        (lang, doc)
        for lang in ([] if options.get("export_original") is False else ["ja"]) + langs
        for doc in docs or ["7", "8"]
    ]
    return echoed


def test_defaults_export_the_original_and_drafts(project: Project) -> None:
    (project.root / "locales" / "kk" / "8.po").unlink()
    lines = build(project, ["en", "kk"], None)
    assert lines == [
        "update       catalogs: 1 updated, 3 unchanged; templates: 0 updated, 2 unchanged",
        "update         locales/kk/8.po: 7 new",
        NO_EN_ENGINE,
        "pretranslate warning: kk: machine translation skipped, 14 untranslated segments left "
        "as they are: Argos publishes no kk model (configure an NLLB-200 model for kk in "
        "[tool.workflow.mt.engines] (README: Kazakh: NLLB-200))",
        "check        0 errors, 1 warning",
        "export       ja/7: docx written",
        "export       ja/8: docx written",
        "export       en/7: docx written",
        "export       en/8 (draft): docx written",
        "export       kk/7 (draft): docx written",
        "export       kk/8 (draft): docx written",
    ]
    assert not (project.root / "exports" / "ru").exists()


def test_final_refuses_and_lists_each_segment(project: Project) -> None:
    lines = build(project, ["en"], ["8"], final=True, export_original=False)
    assert lines[:2] == [
        "update       catalogs: 0 updated, 1 unchanged; templates: 0 updated, 1 unchanged",
        NO_EN_ENGINE,
    ]
    assert lines[2] == "check        0 errors, 0 warnings"
    assert lines[3] == "export       en/8: docx incomplete"
    assert len(lines) == 4 + 7
    assert all(line.startswith(f"{PAD}   not reviewed: locales/en/8.po:") for line in lines[4:])


def test_doc_and_lang_restrict_every_stage(project: Project) -> None:
    """Catalogs outside the selection are not read: a broken one does not stop the build."""
    (project.root / "locales" / "kk" / "7.po").write_text('msgid "x\n', encoding="utf-8")
    (project.root / "locales" / "en" / "8.po").write_text('msgid "x\n', encoding="utf-8")
    (project.root / "locales" / "kk" / "8.po").unlink()
    lines = build(project, ["en"], ["7"])
    assert lines == [
        "update       catalogs: 0 updated, 1 unchanged; templates: 0 updated, 1 unchanged",
        "pretranslate en: nothing to fill",
        "check        0 errors, 1 warning",
        "export       ja/7: docx written",
        "export       en/7: docx written",
    ]
    assert not (project.root / "locales" / "kk" / "8.po").exists()
    assert sorted(p.name for p in (project.root / "exports" / "en").iterdir()) == ["7.docx"]


def test_a_waived_warning_is_not_counted(project: Project) -> None:
    po_path = project.root / "locales" / "en" / "7.po"
    po = polib.pofile(str(po_path))
    po.find(KZ).tcomment = "workflow: ignore Q105"
    po.save()
    lines = build(project, ["en"], ["7"], export_original=False)
    assert "check        0 errors, 0 warnings" in lines


def test_build_pretranslates_each_language_with_an_engine(
    tmp_path: Path, mt_models: MtModels, make_project
) -> None:
    root = make_project(
        {"7": SAMPLE_SOURCE, "8": OTHER_SOURCE},
        pyproject='[tool.workflow]\nproject-id = "p"\nlanguages = ["en", "ru", "kk"]\n\n'
        "[tool.workflow.mt]\n"
        + models_inside(tmp_path / "project", f'packages-dir = "{mt_models.packages_dir}"\n')
        + "max-decoding-length = 4\n",
    )
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    project = Project.discover(root)
    lines = build(project, ["kk", "en", "ru"], ["8"], export_original=False)
    assert lines[:6] == [
        "update       catalogs: 3 updated, 0 unchanged; templates: 1 updated, 0 unchanged",
        "update         locales/8.pot: 7 new",
        "update         locales/kk/8.po: 7 new",
        "update         locales/en/8.po: 7 new",
        "update         locales/ru/8.po: 7 new",
        "pretranslate warning: kk: machine translation skipped, 7 untranslated segments left "
        "as they are: Argos publishes no kk model (configure an NLLB-200 model for kk in "
        "[tool.workflow.mt.engines] (README: Kazakh: NLLB-200))",
    ]
    pretranslated = [line for line in lines if line.startswith("pretranslate en/8: ")]
    assert pretranslated and "7 machine-translated" in pretranslated[0]
    assert any(line.startswith("pretranslate ru/8: ") for line in lines)
    for lang in ("en", "ru"):
        entries = [e for e in polib.pofile(str(root / "locales" / lang / "8.po")) if e.msgid]
        assert len(entries) == 7 and all(e.msgstr and e.fuzzy for e in entries)
    assert not (root / "locales" / "en" / "7.po").exists()  # --doc 8 only
    assert lines[-4:] == [
        "check        0 errors, 0 warnings",
        "export       kk/8 (draft): docx written",
        "export       en/8 (draft): docx written",
        "export       ru/8 (draft): docx written",
    ]
