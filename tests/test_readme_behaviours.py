"""What README.md promises and no other test pins down: ``--doc`` and ``--format``, exit 130,
headers kept by ``update``, export dates, incremental rebuilds, the PDF's running header,
hyphenation and draft tints (read back with poppler), and the ``[tool.workflow]`` settings.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import signal
import subprocess
from pathlib import Path

import docx
import polib
import pytest
from PIL import Image

import workflow
from tests.conftest import GLOSSARY, SAMPLE_SOURCE, start_workflow
from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from tests.test_write_window import pause_at_first_write, temp_files
from workflow import cache
from workflow.cli import main
from workflow.export import fonts, pipeline
from workflow.project import Project

OTHER_SOURCE = SAMPLE_SOURCE.replace("number: 7", "number: 8").replace("1989", "1991")


def run(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


def pdf_text(path: Path, *pages: int) -> str:
    options = [arg for page in pages for arg in ("-f", str(page), "-l", str(page))]
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture
def two_docs(make_project) -> Path:
    root = make_project({"7": SAMPLE_SOURCE, "8": OTHER_SOURCE})
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    return root


def files(root: Path, folder: str) -> list[str]:
    """Files under *folder* (build stamps left out)."""
    paths = (p.relative_to(root).as_posix() for p in (root / folder).rglob("*.*") if p.is_file())
    return sorted(path for path in paths if "/.stamps/" not in path)


# --- --doc, --format ---------------------------------------------------------------------------


def test_doc_option_restricts_every_command(two_docs: Path, capsys, monkeypatch) -> None:
    root = two_docs
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1771286400")
    assert run(root, "update", "--doc", "8") == 0
    assert files(root, "locales") == [
        "locales/8.pot",
        "locales/en/8.po",
        "locales/kk/8.po",
        "locales/ru/8.po",
    ]
    assert run(root, "update") == 0
    po = polib.pofile(str(root / "locales" / "en" / "7.po"))
    po.find("私は1989年にモスクワを訪れた。").msgstr = "I visited Leningrad in 1989."
    po.save()
    other = polib.pofile(str(root / "locales" / "en" / "8.po"))
    other.find("私は1991年にモスクワを訪れた。").msgstr = "I visited Leningrad in 1991."
    other.save()
    capsys.readouterr()
    assert run(root, "check", "--doc", "7", "--format", "json") == 1
    findings = json.loads(capsys.readouterr().out)["diagnostics"]
    assert {item["path"] for item in findings if item["code"] == "G001"} == {"locales/en/7.po"}
    assert run(root, "status", "--json", "--doc", "8") == 0
    assert {row["doc"] for row in json.loads(capsys.readouterr().out)} == {"8"}
    shared, kz = "それはペレストロイカ(改革)のお陰である。", SAMPLE_SOURCE.splitlines()[-1]
    po.find(shared).msgstr = "That I owed to perestroika."
    po.save()
    other.find(kz).msgstr = "Kazakhstan's crossroads is Ust-Kamenogorsk."
    other.save()
    assert run(root, "pretranslate", "--engine", "none", "--doc", "8", "--lang", "en") == 0
    filled = polib.pofile(str(root / "locales" / "en" / "8.po")).find(shared)
    assert filled.msgstr == "That I owed to perestroika." and filled.fuzzy
    assert polib.pofile(str(root / "locales" / "en" / "7.po")).find(kz).msgstr == ""
    assert run(root, "export", "--draft", "--doc", "7", "--lang", "en", "--format", "docx") == 0
    assert files(root, "exports") == ["exports/en/7.docx"]
    assert run(root, "build", "--doc", "8", "--lang", "ru", "--format", "docx") == 0
    assert files(root, "exports") == ["exports/en/7.docx", "exports/ru/8.docx"]
    assert run(root, "update", "--doc", "9") == 2
    assert "unknown document '9'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("formats", "written"),
    [
        (["pdf"], ["exports/en/118.pdf"]),
        (["docx"], ["exports/en/118.docx"]),
        (["pdf,docx"], ["exports/en/118.docx", "exports/en/118.pdf"]),
        (["pdf", "docx"], ["exports/en/118.docx", "exports/en/118.pdf"]),
        ([], ["exports/en/118.docx", "exports/en/118.pdf"]),
    ],
)
def test_format_option(tmp_path: Path, formats: list[str], written: list[str]) -> None:
    project = make_project(tmp_path / "project")
    write_catalog(project, "en")
    options = [arg for fmt in formats for arg in ("--format", fmt)]
    assert run(project.root, "export", "--lang", "en", *options) == 0
    assert files(project.root, "exports") == written


def test_unknown_format_is_a_usage_error(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path / "project")
    assert run(project.root, "export", "--format", "pdf,odt") == 2
    assert "unknown format 'pdf,odt'; choose from pdf, docx" in capsys.readouterr().err
    assert not (project.root / "exports").exists()


# --- exit 130 ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_interrupt_exits_130_and_leaves_the_old_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_catalog(project, "en")
    assert run(project.root, "update", "--lang", "en") == 0
    before = project.po_path("en", "118").read_bytes()
    pot = (project.root / "locales" / "118.pot").read_bytes()
    source = project.root / "sources" / "ja" / "118.md"
    source.write_text(source.read_text(encoding="utf-8").replace("1995", "1996"), "utf-8")
    process, _ = pause_at_first_write(project.root, "update", "--lang", "en")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode() == "workflow: interrupted\n"
    assert temp_files(project.root) == []  # the interrupted write removed its temporary file
    assert project.po_path("en", "118").read_bytes() == before
    assert (project.root / "locales" / "118.pot").read_bytes() == pot  # interrupted write


# --- update keeps the translators' header ------------------------------------------------------


def test_update_keeps_header_comments_and_translator_fields(make_project) -> None:
    root = make_project()
    assert run(root, "update", "--lang", "ru") == 0
    path = root / "locales" / "ru" / "7.po"
    po = polib.pofile(str(path))
    po.header = "Russian translation of night 7.\nTranslator One, 2026."
    po.metadata["Last-Translator"] = "Translator One <one@example.org>"
    po.metadata["PO-Revision-Date"] = "2026-03-01 10:00+0300"
    po.metadata["X-Generator"] = "Poedit 3.4"
    po.find("私は1989年にモスクワを訪れた。").tcomment = "workflow: ignore G001"
    po.save()
    source = root / "sources" / "ja" / "7.md"
    source.write_text(source.read_text(encoding="utf-8").replace("1989", "1990"), "utf-8")
    assert run(root, "update", "--lang", "ru") == 0
    merged = polib.pofile(str(path))
    assert merged.header == "Russian translation of night 7.\nTranslator One, 2026."
    assert merged.metadata["Last-Translator"] == "Translator One <one@example.org>"
    assert merged.metadata["PO-Revision-Date"] == "2026-03-01 10:00+0300"
    assert merged.metadata["X-Generator"] == "Poedit 3.4"
    pot = polib.pofile(str(root / "locales" / "7.pot"))
    assert merged.metadata["POT-Creation-Date"] == pot.metadata["POT-Creation-Date"]
    assert merged.metadata["Project-Id-Version"] == pot.metadata["Project-Id-Version"]
    obsolete = merged.find("私は1989年にモスクワを訪れた。", include_obsolete_entries=True)
    assert obsolete is None  # untranslated, so not kept as obsolete
    assert merged.find("私は1990年にモスクワを訪れた。").tcomment == ""


# --- export dates, incremental rebuilds --------------------------------------------------------


def docx_created(path: Path) -> dt.datetime:
    return docx.Document(str(path)).core_properties.created


def test_dates_without_source_date_epoch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = make_project(tmp_path / "project")
    write_catalog(project, "en", revision="2026-02-20 09:30+0000")  # newer than 2026-02-17
    write_catalog(project, "ru", revision="2026-01-05 12:00+0000")  # older
    assert run(project.root, "export", "--lang", "en", "--lang", "ru", "--format", "docx") == 0
    assert docx_created(project.export_path("en", "118", "docx")) == dt.datetime(
        2026, 2, 20, 9, 30, tzinfo=dt.UTC
    )
    assert docx_created(project.export_path("ru", "118", "docx")) == dt.datetime(
        2026, 2, 17, tzinfo=dt.UTC
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert run(project.root, "export", "--lang", "en", "--format", "docx") == 0
    assert docx_created(project.export_path("en", "118", "docx")) == dt.datetime(
        2026, 1, 1, tzinfo=dt.UTC
    )


@pytest.fixture
def exported(tmp_path: Path, monkeypatch) -> Project:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1771286400")
    project = make_project(tmp_path / "project")
    write_catalog(project, "en")
    assert export(project) == ["written"]
    assert export(project) == ["unchanged"]
    return project


def export(project: Project) -> list[str]:
    results = pipeline.export_project(project, ["en"], ["docx"])
    return [result.status for result in results]


def test_rebuilt_after_a_source_change(exported: Project) -> None:
    source = exported.root / "sources" / "ja" / "118.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert export(exported) == ["written"]


def test_rebuilt_after_a_settings_change(exported: Project) -> None:
    pyproject = exported.root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + 'translation-team = "Team"\n', encoding="utf-8"
    )
    assert export(Project.discover(exported.root)) == ["written"]


def test_rebuilt_after_a_font_change(exported: Project, monkeypatch, tmp_path: Path) -> None:
    """Another file for the same family (a font package upgrade) changes the stamp."""
    real = fonts.resolve("Noto Serif")
    upgraded = tmp_path / real.path.name
    shutil.copy(real.path, upgraded)
    moved = fonts.FontFile(real.family, upgraded, real.index)
    monkeypatch.setattr(fonts, "resolve", lambda family: moved if family == "Noto Serif" else real)
    assert export(exported) == ["written"]


def test_rebuilt_after_a_code_change(exported: Project, monkeypatch) -> None:
    monkeypatch.setattr(workflow, "__version__", workflow.__version__ + "+edited")
    cache.code_version.cache_clear()
    try:
        assert export(exported) == ["written"]
    finally:
        cache.code_version.cache_clear()


def test_rebuilt_after_the_output_was_edited_or_deleted(exported: Project) -> None:
    output = exported.export_path("en", "118", "docx")
    output.write_bytes(output.read_bytes() + b"edited")
    assert export(exported) == ["written"]
    output.unlink()
    assert export(exported) == ["written"]


# --- the PDF read back -------------------------------------------------------------------------

LONG_EN = (
    "Electrometallurgical internationalisation of the incomprehensibly "
    "interdisciplinary metallurgical establishment characterised the decade."
)


@pytest.fixture(scope="module")
def long_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A three-page essay: en and kk final, ru as a draft with fuzzy and untranslated text."""
    project = make_project(tmp_path_factory.mktemp("long"))
    source = project.root / "sources" / "ja" / "118.md"
    paragraphs = ["".join(f"第{k}段落の第{n}文は長い。" for n in range(1, 25)) for k in range(1, 7)]
    source.write_text(
        source.read_text(encoding="utf-8") + "".join(f"\n{body}\n" for body in paragraphs),
        encoding="utf-8",
    )
    project = Project.discover(project.root)
    count = len(project.documents()[0].segments())
    # Each long sentence keeps its numbers (第k段落の第n文), or Q101 refuses the language.
    long = [(k, n) for k in range(1, 7) for n in range(1, 25)]
    assert count == len(TRANSLATIONS["en"]) + len(long)
    en = [f"Paragraph {k}, sentence {n}: {LONG_EN}" for k, n in long]
    write_catalog(project, "en", TRANSLATIONS["en"] + en)
    kk = [f"{k}-абзац, {n}-сөйлем: Қазақстанның металлургиялық кәсіпорындарының." for k, n in long]
    write_catalog(project, "kk", TRANSLATIONS["kk"] + kk)
    ru = TRANSLATIONS["ru"] + ["Предложение длинного абзаца."] * (count - 11)
    ru[4] = "Нечёткий перевод."
    ru[9] = ""
    write_catalog(project, "ru", ru, fuzzy=frozenset({4}))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1771286400")
        assert run(project.root, "export", "--format", "pdf", "--lang", "en", "--lang", "kk") == 0
        assert run(project.root, "export", "--draft", "--format", "pdf", "--lang", "ru") == 0
    return project


def test_running_header_from_the_second_page(long_pdfs: Project) -> None:
    """Series on the left and title on the right of one line, above the text of page 2 on."""
    pdf = long_pdfs.export_path("en", "118", "pdf")
    series, title = "Rare Metals: A Thousand and One Nights", "Metals Beneath the Steppe"
    for page in (2, 3):
        top = next(line for line in pdf_layout(pdf, page).splitlines() if line.strip())
        assert top.strip().startswith(series) and top.rstrip().endswith(title), top
    first = [line for line in pdf_layout(pdf, 1).splitlines() if line.strip()]
    assert first[0].strip() == f"{series} · Night 118"  # the title block, no running header
    assert title not in first[0]


def pdf_layout(path: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_english_hyphenates_and_kazakh_is_ragged_right(long_pdfs: Project) -> None:
    en = pdf_text(long_pdfs.export_path("en", "118", "pdf"))
    broken = [line for line in en.splitlines() if line.endswith(("-", "\u2010", "\u00ad"))]
    assert broken, "no English word was hyphenated"
    kk = pdf_text(long_pdfs.export_path("kk", "118", "pdf"))
    assert not [line for line in kk.splitlines() if line.endswith(("-", "\u2010", "\u00ad"))]


def colours(pdf: Path, tmp_path: Path) -> set[tuple[int, int, int]]:
    tmp_path.mkdir()
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    (page,) = tmp_path.glob("p*.png")
    return {colour for _count, colour in Image.open(page).convert("RGB").getcolors(1 << 24)}


def test_draft_tints_fuzzy_yellow_and_untranslated_red(long_pdfs: Project, tmp_path: Path) -> None:
    draft = colours(long_pdfs.export_path("ru", "118", "pdf"), tmp_path / "ru")
    assert (255, 240, 168) in draft  # .fuzzy background
    assert (255, 210, 200) in draft  # .untranslated background
    final = colours(long_pdfs.export_path("en", "118", "pdf"), tmp_path / "en")
    assert not {(255, 240, 168), (255, 210, 200)} & final


# --- build pre-translates where an engine exists -----------------------------------------------


@pytest.mark.slow  # builds in a real process
def test_build_pretranslates_where_an_engine_exists(tmp_path: Path) -> None:
    from tests.modelfactory import build_argos_package
    from workflow.mt.install import install_package

    root = tmp_path / "project"
    (root / "sources" / "ja").mkdir(parents=True)
    (root / "sources" / "ja" / "7.md").write_text(SAMPLE_SOURCE, encoding="utf-8")
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    install_package(build_argos_package(tmp_path, "ja", "en", seed=1), root / "packages")
    (root / "pyproject.toml").write_text(  # path settings stay inside the project
        '[tool.workflow]\nproject-id = "p"\nlanguages = ["en", "ru"]\n\n'
        '[tool.workflow.mt]\npackages-dir = "packages"\nmax-decoding-length = 8\n',
        encoding="utf-8",
    )
    process = start_workflow(root, "build", "--format", "docx")
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    lines = out.decode().splitlines()
    assert any(
        line.startswith("pretranslate en/7: 0 from memory") and "7 machine-translated" in line
        for line in lines
    ), lines
    assert (
        "pretranslate warning: ru: machine translation skipped, 7 untranslated segments left as "
        "they are: no Argos package for ja→ru (nor through en) (workflow models install "
        "--from-index ja en && workflow models install --from-index en ru)"
    ) in lines
    en = [e for e in polib.pofile(str(root / "locales" / "en" / "7.po")) if e.msgid]
    assert len(en) == 7 and all(
        e.msgstr and e.fuzzy and "mt: argos ja→en" in e.tcomment for e in en
    )
    assert "export       en/7 (draft): docx written" in lines
    summary = lines[lines.index("Summary") :]
    assert "  en/7  draft: 0 of 7 segments reviewed (7 fuzzy)" in summary
    assert f"      written   {root / 'exports' / 'en' / '7.docx'}" in summary
