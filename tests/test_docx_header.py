"""The DOCX running header: series and title on every page after the first, like the PDF.

Checked by eye too: LibreOffice headless → PDF → pdftoppm shows page 1 without a header
and the series (left) and title (right) on the following pages."""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT

from tests.export_samples import make_project, write_catalog
from workflow.export.pipeline import export_project


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_running_header_after_the_first_page(tmp_path, lang: str) -> None:
    project = make_project(tmp_path)
    if lang != "ja":
        write_catalog(project, lang)
    export_project(project, [lang], ["docx"])
    document = docx.Document(str(project.export_path(lang, "118", "docx")))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs)
    series, title = {
        "ru": ("Редкие металлы: тысяча и\u00a0одна ночь", "Металлы под степью"),
        "ja": ("レアメタル千夜一夜", "草原の下の金属"),
    }[lang]
    (header,) = section.header.paragraphs
    assert header.text == f"{series}\t{title}"
    stops = header.style.paragraph_format.tab_stops
    assert [stop.alignment for stop in stops] == [WD_TAB_ALIGNMENT.RIGHT]
    assert stops[0].position == section.page_width - section.left_margin - section.right_margin
    # the page number stays on every page, the first included
    for footer in (section.footer, section.first_page_footer):
        assert "PAGE" in footer.paragraphs[0]._p.xml
