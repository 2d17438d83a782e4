"""Accessible PDF (PDF/UA-1 through WeasyPrint), read back with pikepdf.

What these tests prove: the catalog marks the PDF as tagged with a language, a title shown in
the window bar and XMP metadata claiming PDF/UA-1; the structure tree has H1 for the title,
H2 for headings and P for paragraphs; the Japanese passages of a draft carry ``/Lang (ja)``;
every piece of text on every page is either marked content claimed by the structure tree or
an artifact, and the running heads and folios are artifacts.  What a full validator
(veraPDF, PAC) would still check is in the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from workflow.export.pdf_tagging import structure_elements
from workflow.export.pipeline import export_project

EPOCH = "1771286400"
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Final ru and ja PDFs and a ru draft with an untranslated (Japanese) segment."""
    project = make_project(tmp_path_factory.mktemp("ua"))
    texts = list(TRANSLATIONS["ru"])
    texts[4] = " ".join([texts[4]] * 60)  # long enough for a second page with running heads
    write_catalog(project, "ru", texts)
    draft_project = make_project(tmp_path_factory.mktemp("ua-draft"))
    texts[9] = ""
    write_catalog(draft_project, "ru", texts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        export_project(project, ["ru", "ja"], ["pdf"])
        export_project(draft_project, ["ru"], ["pdf"], draft=True)
    yield {
        "ru": project.export_path("ru", "118", "pdf"),
        "ja": project.export_path("ja", "118", "pdf"),
        "ru-draft": draft_project.export_path("ru", "118", "pdf"),
    }


def text_of(element: pikepdf.Dictionary, pdf: pikepdf.Pdf) -> str:
    """The text drawn by the marked-content sequences of *element* (by MCID)."""
    wanted = {(int(mcid), page.objgen) for mcid, page in _mcids(element)}
    parts = []
    for page in pdf.pages:
        stack: list[int | None] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name == "BDC":
                props = operands[1]
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                stack.append(int(mcid) if mcid is not None else None)
            elif name == "BMC":
                stack.append(None)
            elif name == "EMC" and stack:
                stack.pop()
            elif name in TEXT_OPERATORS and stack and (stack[-1], page.obj.objgen) in wanted:
                parts.append(page_text(operands))
    return "".join(parts)


def _mcids(element: pikepdf.Dictionary) -> Iterator[tuple[int, pikepdf.Object]]:
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, int):
            yield kid, element.Pg
        elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from _mcids(kid)


def page_text(operands: list[object]) -> str:
    """Glyph bytes of a text operator (fonts are subset: not Unicode, but non-empty)."""
    items = operands[0] if isinstance(operands[0], pikepdf.Array) else operands[-1:]
    return "".join(bytes(item).hex() for item in items if isinstance(item, pikepdf.String))


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_catalog_declares_a_tagged_document_with_language_and_title(pdfs, lang: str) -> None:
    with pikepdf.open(pdfs[lang]) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == lang
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == (
            "Металлы под степью" if lang == "ru" else "草原の下の金属"
        )
        with pdf.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"
            assert xmp.get("dc:title") == str(pdf.docinfo.Title)


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_structure_tree_tags_title_headings_and_paragraphs(pdfs, lang: str) -> None:
    with pikepdf.open(pdfs[lang]) as pdf:
        tags = [str(element.S) for element in structure_elements(pdf.Root.StructTreeRoot.K)]
        assert tags.count("/H1") == 1  # the title
        assert tags.count("/H2") == 1  # the one heading of the sample
        assert tags.count("/P") >= 4  # series line, subtitle, byline, body paragraphs
        (title,) = [e for e in structure_elements(pdf.Root.StructTreeRoot.K) if e.S == "/H1"]
        assert text_of(title, pdf)  # the H1 element owns the drawn title


@pytest.mark.parametrize("lang", ["ru", "ja", "ru-draft"])
def test_page_text_is_tagged_or_artifact_and_furniture_is_artifact(pdfs, lang: str) -> None:
    with pikepdf.open(pdfs[lang]) as pdf:
        claimed = {(page.objgen, mcid) for mcid, page in _all_mcids(pdf)}
        furniture = []
        for number, page in enumerate(pdf.pages, start=1):
            stack: list[str] = []  # "artifact", "tagged" or "other", innermost last
            artifacts = 0
            for operands, operator in pikepdf.parse_content_stream(page):
                name = str(operator)
                if name == "BMC" or name == "BDC":
                    props = operands[1] if name == "BDC" else None
                    mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                    if mcid is not None:
                        assert (page.obj.objgen, int(mcid)) in claimed, f"page {number}: orphan"
                    artifact = str(operands[0]) == "/Artifact"
                    stack.append("artifact" if artifact else "tagged" if mcid is not None else "")
                elif name == "EMC" and stack:
                    stack.pop()
                elif name in TEXT_OPERATORS:
                    assert {"artifact", "tagged"} & set(stack), f"page {number}: untagged text"
                    artifacts += "artifact" in stack
            furniture.append(artifacts)
        assert furniture[0] >= 1  # the folio
        assert all(count > furniture[0] for count in furniture[1:])  # and the running heads
        assert len(furniture) > 1 or lang == "ja"  # the sample original fits on one page


def _all_mcids(pdf: pikepdf.Pdf) -> Iterator[tuple[int, pikepdf.Object]]:
    for element in structure_elements(pdf.Root.StructTreeRoot.K):
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                yield int(kid), element.Pg


def test_japanese_passages_of_a_draft_carry_their_language(pdfs) -> None:
    with pikepdf.open(pdfs["ru-draft"]) as pdf:
        assert str(pdf.Root.Lang) == "ru"
        found = list(structure_elements(pdf.Root.StructTreeRoot.K))
        japanese = [e for e in found if str(e.get("/Lang", "")) == "ja"]
        assert japanese and all(e.S == "/Span" and text_of(e, pdf) for e in japanese)
        assert not [e for e in found if e.S == "/Link"]  # no link without a target is left
    with pikepdf.open(pdfs["ru"]) as pdf:  # a final edition has no Japanese passage
        assert not [e for e in structure_elements(pdf.Root.StructTreeRoot.K) if "/Lang" in e]
