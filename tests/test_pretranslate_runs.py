"""``workflow pretranslate`` runs: document selection, engine choice, memory counts, the
progress bar on a log, and a catalog saved in a PO editor while the models run."""

from __future__ import annotations

import io
import shutil

import pytest

from tests.mt_fixtures import MtModels, mt_models, mt_project
from workflow.cli import main
from workflow.errors import InputError, ModelError
from workflow.po import entry_state, is_live, load_po, save_po
from workflow.pretranslate import pretranslate_project
from workflow.project import Project

__all__ = ["MtModels", "mt_models", "mt_project"]  # fixtures used by the tests below


def _untranslated(project: Project, lang: str, doc: str = "118") -> list[str]:
    po = load_po(project.po_path(lang, doc))
    return [e.msgid for e in po if is_live(e) and entry_state(e) == "untranslated"]


def _add_document(project: Project, doc: str) -> Project:
    """A second document with the essay's text (so the same sentences), catalogs updated."""
    source = project.root / "sources" / "ja"
    text = (source / "118.md").read_text(encoding="utf-8")
    (source / f"{doc}.md").write_text(text.replace("118", doc), encoding="utf-8")
    assert main(["--project", str(project.root), "update"]) == 0
    return Project.discover(project.root)


def test_progress_on_a_log_counts_each_stage_of_each_sentence(
    mt_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    unique = len(set(_untranslated(mt_project, "ru")))
    # a run of exactly the length that shows the bar on a log (ja→en→ru: two stages)
    monkeypatch.setattr("workflow.pretranslate.PROGRESS_MIN_SEGMENTS", 2 * unique)
    log = io.StringIO()
    pretranslate_project(mt_project, ["ru"], stream=log)
    lines = log.getvalue().splitlines()
    assert lines and all(line.startswith("pretranslate ru [") for line in lines)
    done = [int(line.rsplit(" ", 1)[1].split("/")[0]) for line in lines]
    assert {line.rsplit("/", 1)[1] for line in lines} == {str(2 * unique)}
    assert done == sorted(done) and done[-1] == 2 * unique
    assert lines[-1].startswith("pretranslate ru [" + "#" * 30 + "]")


def test_memory_counts_every_match_of_a_catalog(mt_project: Project) -> None:
    pending = _untranslated(mt_project, "ru")
    memory = load_po(mt_project.po_path("ru", "118"))
    by_id = {entry.msgid: entry for entry in memory}
    exact, similar = pending[:3], sorted(pending[3:], key=len)[-2:]  # long: similar enough
    for index, msgid in enumerate(exact):
        by_id[msgid].msgstr = f"Точный перевод {index}."
    for index, msgid in enumerate(similar):
        by_id[msgid].msgid = msgid[:-1] + "ね。"
        by_id[msgid].msgstr = f"Похожий перевод {index}."
    for entry in memory:
        if entry.msgid in exact or entry.msgstr.startswith("Похожий"):
            entry.flags = []
    memory[:] = [entry for entry in memory if entry.msgstr]
    save_po(memory, mt_project.po_path("ru", "117"))

    summary = pretranslate_project(mt_project, ["ru"], engine="none")

    [file] = summary.files
    assert (file.tm_exact, file.tm_fuzzy, file.mt) == (3, 2, 0)
    assert summary.format().splitlines()[0].startswith("ru/118: 5 from memory (3 exact, 2 fuzzy)")


def test_only_the_selected_documents_are_pretranslated(mt_project: Project) -> None:
    project = _add_document(mt_project, "119")
    before = project.po_path("ru", "118").read_bytes()

    summary = pretranslate_project(project, ["ru"], docs=["119"], engine="argos")

    assert [(file.doc, file.written) for file in summary.files] == [("119", True)]
    assert project.po_path("ru", "118").read_bytes() == before
    assert not _untranslated(project, "ru", "119")


def test_an_engine_asked_for_by_name_is_not_swapped_for_the_configured_one(
    mt_project: Project,
) -> None:
    before = mt_project.po_path("kk", "118").read_bytes()
    with pytest.raises(ModelError, match="Argos publishes no kk model"):
        pretranslate_project(mt_project, ["kk"], engine="argos")  # kk is configured for NLLB
    assert mt_project.po_path("kk", "118").read_bytes() == before
    assert pretranslate_project(mt_project, ["kk"], engine="nllb").files[0].mt > 0


class _EditorSavesDuringTheRun(io.StringIO):
    """A terminal whose first progress update coincides with a translator saving *path*."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.path = project.po_path("ru", "118")
        self.saved: bytes | None = None

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.saved is None:
            po = load_po(self.path)
            po[0].msgstr = "Сохранено переводчиком во время прогона."
            save_po(po, self.path)
            self.saved = self.path.read_bytes()
        return super().write(text)


def test_a_catalog_saved_while_the_models_run_is_left_as_saved(mt_project: Project) -> None:
    terminal = _EditorSavesDuringTheRun(mt_project)
    with pytest.raises(InputError, match="changed on disk while this command ran") as error:
        pretranslate_project(mt_project, ["ru"], stream=terminal)
    assert error.value.path == terminal.path
    assert terminal.saved is not None and terminal.path.read_bytes() == terminal.saved
    # run again: it works from the saved file and keeps the translator's entry
    pretranslate_project(mt_project, ["ru"], engine="argos")
    first = load_po(terminal.path)[0]
    assert first.msgstr == "Сохранено переводчиком во время прогона." and not first.fuzzy


def test_the_cli_pretranslates_one_document_with_doc(
    mt_project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _add_document(mt_project, "119")
    shutil.copy(project.po_path("ru", "118"), project.root / "118-before.po")
    capsys.readouterr()
    assert (
        main(["--project", str(project.root), "pretranslate", "--lang", "ru", "--doc", "119"]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("ru/119: 0 from memory (0 exact, 0 fuzzy), ")
    assert "ru/118" not in out
    assert (
        project.po_path("ru", "118").read_bytes() == (project.root / "118-before.po").read_bytes()
    )


def test_a_catalog_that_cannot_be_read_is_named_as_a_po_file(mt_project: Project) -> None:
    catalog = mt_project.po_path("ru", "118")
    catalog.unlink()
    catalog.mkdir()
    with pytest.raises(InputError) as caught:
        pretranslate_project(mt_project, ["ru"], engine="none")
    assert str(caught.value) == (
        f"{catalog}: cannot read PO file: it is a folder, not a regular file "
        "(give the path of a regular file)"
    )
