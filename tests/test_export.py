"""PDF and DOCX exports read back with real tools (pdftotext, pdffonts, python-docx).

Typesetting is slow, so each module fixture renders a small essay once and the tests
share the files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
import polib
import pytest

from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from workflow import languages
from workflow.cli import main
from workflow.export.pdf import AssetFetcher, render_html
from workflow.export.pipeline import ExportResult, export_project
from workflow.project import Project

EPOCH = "1771286400"  # 2026-02-17 00:00:00 UTC
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_objects(path: Path) -> bytes:
    """The PDF with its compressed streams inflated (the catalog may sit in an object stream)."""
    data = path.read_bytes()
    inflated = [
        zlib.decompress(m)
        for m in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S)
        if m[:1] == b"x"
    ]
    return b"\n".join([data, *inflated])


def squash(text: str) -> str:
    """Text without whitespace and hyphens, so line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", text)


def docx_text(path: Path) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)


@pytest.fixture(scope="module")
def final(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, list[ExportResult]]]:
    """Complete catalogs for en, ru, kk; all four languages exported in both formats."""
    project = make_project(tmp_path_factory.mktemp("final"))
    for lang in TRANSLATIONS:
        write_catalog(project, lang)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        results = export_project(project, ["en", "ru", "kk", "ja"], ["pdf", "docx"])
        yield project, results


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, list[ExportResult]]:
    """Russian with one fuzzy and one untranslated segment, exported as a draft."""
    project = make_project(tmp_path_factory.mktemp("draft"))
    texts = list(TRANSLATIONS["ru"])
    texts[9] = ""
    write_catalog(project, "ru", texts, fuzzy=frozenset({4}))
    return project, export_project(project, ["ru"], ["pdf", "docx"], draft=True)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_every_reviewed_translation_is_in_pdf_and_docx(final, lang: str) -> None:
    project, results = final
    assert {(r.lang, r.fmt, r.status) for r in results if r.lang == lang} == {
        (lang, "pdf", "written"),
        (lang, "docx", "written"),
    }
    in_pdf = squash(pdf_text(project.export_path(lang, "118", "pdf")))
    in_docx = docx_text(project.export_path(lang, "118", "docx"))
    for text in TRANSLATIONS[lang]:
        assert squash(text) in in_pdf, text
        assert languages.get(lang).typography.typeset(text) in in_docx, (
            text
        )  # with its no-break spaces


def test_front_matter_is_formatted_per_language(final) -> None:
    project, _ = final
    expected = {
        "en": ("Night 118", "17 February 2026"),
        "ru": ("Ночь 118", "17 февраля 2026\u00a0г."),
        "kk": ("118-түн", "2026 жылғы 17 ақпан"),
        "ja": ("第118夜", "2026年2月17日"),
    }
    for lang, (night, date) in expected.items():
        text = docx_text(project.export_path(lang, "118", "docx"))
        assert night in text and date in text
        in_pdf = squash(pdf_text(project.export_path(lang, "118", "pdf")))
        assert squash(night) in in_pdf and squash(date) in in_pdf


def test_original_japanese_pdf_has_no_spaces_between_sentences(final) -> None:
    project, _ = final
    text = pdf_text(project.export_path("ja", "118", "pdf"))
    assert "草原の下の金属" in text
    assert "下がっていた。この町は" in text.replace("\n", "")


def test_fonts_are_embedded_and_metadata_set(final) -> None:
    project, _ = final
    for lang, face in (("kk", "Noto-Serif"), ("ja", "Noto-Serif-CJK-JP")):
        path = project.export_path(lang, "118", "pdf")
        listing = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing and any(f"+{face} " in row for row in listing)
        assert all(row.split()[-5:-2] == ["yes", "yes", "yes"] for row in listing), listing
    info = subprocess.run(
        ["pdfinfo", str(project.export_path("kk", "118", "pdf"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"^Title:\s+Дала астындағы металдар$", info, re.M)
    assert re.search(r"^Author:\s+Сигэо Накамура$", info, re.M)
    assert re.search(r"^CreationDate:\s+Tue Feb 17 00:00:00 2026 UTC$", info, re.M)
    assert re.search(r"^Page size:\s+595.\d+ x 841.\d+ pts \(A4\)$", info, re.M)
    assert b"/Lang (kk)" in pdf_objects(project.export_path("kk", "118", "pdf"))


def test_docx_styles_languages_properties_and_page_numbers(final) -> None:
    project, _ = final
    for lang, tag in (("kk", "kk-KZ"), ("ru", "ru-RU"), ("en", "en-GB"), ("ja", "ja-JP")):
        document = docx.Document(str(project.export_path(lang, "118", "docx")))
        styles = [p.style.name for p in document.paragraphs]
        assert styles[:4] == ["Subtitle", "Title", "Subtitle", "Normal"]
        assert "Heading 2" in styles
        runs = [run for p in document.paragraphs for run in p.runs]
        langs = {run._r.rPr.find(f"{W}lang").get(f"{W}val") for run in runs}
        assert langs == {tag}
        normal_lang = document.styles["Normal"].element.rPr.find(f"{W}lang")
        assert normal_lang.get(f"{W}val") == tag
        if lang == "ja":
            assert normal_lang.get(f"{W}eastAsia") == "ja-JP"
        props = document.core_properties
        assert (props.language, props.author) == (tag, document.paragraphs[3].runs[0].text)
        assert props.title == document.paragraphs[1].text and props.keywords and props.subject
        footer = document.sections[0].footer._element.xml
        assert "<w:instrText" in footer and " PAGE " in footer


def test_same_inputs_give_identical_bytes(final, tmp_path: Path, monkeypatch) -> None:
    project, _ = final
    copy = tmp_path / "copy"
    shutil.copytree(project.root, copy, ignore=shutil.ignore_patterns("exports"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    export_project(Project.discover(copy), ["kk"], ["pdf", "docx"])
    for fmt in ("pdf", "docx"):
        rebuilt = (copy / "exports" / "kk" / f"118.{fmt}").read_bytes()
        assert rebuilt == project.export_path("kk", "118", fmt).read_bytes(), fmt
    with zipfile.ZipFile(copy / "exports" / "kk" / "118.docx") as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 2, 17, 0, 0, 0)}


def test_unchanged_documents_are_not_rebuilt(final, monkeypatch) -> None:
    project, _ = final
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    before = project.export_path("en", "118", "docx").stat().st_mtime_ns
    again = export_project(project, ["en", "ru", "kk", "ja"], ["docx"])
    assert {r.status for r in again} == {"unchanged"}
    po_path = project.po_path("ru", "118")
    po = polib.pofile(str(po_path))
    po[6].msgstr = "Этот город — сердце металлургии Казахстана."
    po.save()
    after = export_project(project, ["en", "ru"], ["docx"])
    assert [(r.lang, r.status) for r in after] == [("en", "unchanged"), ("ru", "written")]
    assert project.export_path("en", "118", "docx").stat().st_mtime_ns == before
    assert "сердце металлургии" in docx_text(project.export_path("ru", "118", "docx"))


def test_final_mode_refuses_incomplete_language(draft, capsys) -> None:
    project, _ = draft
    code = main(["--project", str(project.root), "export", "--lang", "ru", "--format", "docx"])
    err = capsys.readouterr().err
    assert code == 1
    assert "refused ru/118: 2 segments not reviewed" in err
    assert re.search(r"locales/ru/118\.po:\d+: fuzzy \(source sources/ja/118\.md:10: ", err)
    assert re.search(r"locales/ru/118\.po:\d+: untranslated \(source sources/ja/118\.md:14: ", err)
    # the draft written before is left alone, not replaced by a half-built file
    assert "Черновик" in docx_text(project.export_path("ru", "118", "docx"))


def test_draft_marks_unreviewed_segments(draft) -> None:
    project, results = draft
    assert {r.status for r in results} == {"written"}
    text = pdf_text(project.export_path("ru", "118", "pdf"))
    assert "Черновик: проверено 9 из 11 сегментов (81" in text
    assert squash(TRANSLATIONS["ru"][4]) in squash(text)  # the fuzzy msgstr
    assert "技術者たちは「ここには周期表の半分がある」と笑った。" in text.replace("\n", "")
    document = docx.Document(str(project.export_path("ru", "118", "docx")))
    marked = {
        run.text.strip(): run.font.highlight_color
        for p in document.paragraphs
        for run in p.runs
        if run.style.name == "Draft"
    }
    untranslated = "技術者たちは「ここには周期表の半分がある」と笑った。"
    assert set(marked) == {
        languages.get("ru").typography.typeset(TRANSLATIONS["ru"][4]),
        untranslated,
    }
    assert all(marked.values())
    assert document.core_properties.category == "Черновик"


def test_markup_in_a_translation_is_printed_not_fetched(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    texts = list(TRANSLATIONS["en"])
    texts[8] = 'Inside <img src="file:///etc/hostname"> the plant was warm.'
    texts[10] = "See " + "x" * 40 + "/averyveryverylongunbreakabletokenwithoutanyspaces" * 3 + "."
    write_catalog(project, "en", texts)
    results = export_project(project, ["en"], ["pdf"], draft=True)  # final refuses markup (Q113)
    assert [r.status for r in results] == ["written"]
    pdf = project.export_path("en", "118", "pdf")
    assert squash('<img src="file:///etc/hostname">') in squash(pdf_text(pdf))
    # long tokens wrap inside the text block (A4 is 595 pt wide, right margin 24 mm ≈ 68 pt)
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert max(float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)) < 595 - 60


def test_fetcher_serves_only_package_assets() -> None:
    fetcher = AssetFetcher()
    assert b"@page" in fetcher.fetch("workflow-asset:export.css").read()
    for url in (
        "file:///etc/hostname",
        "https://example.org/x.css",
        "workflow-asset:../pdf.py",
        "data:text/css,p{}",
    ):
        with pytest.raises(PermissionError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 4


def test_html_escapes_every_catalog_text(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from workflow.export.assemble import assemble

    project = make_project(tmp_path)
    texts = list(TRANSLATIONS["en"])
    texts[0] = "<script>alert(1)</script> & Co"
    write_catalog(project, "en", texts)
    page = render_html(assemble(project, project.documents()[0], "en"), datetime.now(UTC))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
