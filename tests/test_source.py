"""Source documents: front matter, blocks, lines; any input is a Document or one clear error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE_SOURCE, examples
from workflow.errors import InputError
from workflow.source import read_document


def test_front_matter_fields_become_blocks_before_the_body(tmp_path: Path) -> None:
    path = tmp_path / "7.md"
    path.write_text(SAMPLE_SOURCE, encoding="utf-8")
    document = read_document(path, root=tmp_path, language="ja")
    assert [block.kind for block in document.blocks] == [
        "title",
        "series",
        "author",
        "paragraph",
        "paragraph",
    ]
    assert document.front_matter.number == 7 and str(document.front_matter.date) == "2025-12-01"
    assert document.path == Path("7.md") and document.doc_id == "7"
    lines = [(s.line, s.text) for s in document.blocks[3].segments]
    assert lines == [
        (9, "私は1989年にモスクワを訪れた。"),
        (9, "ラズノインポルトの統計はあるが現場がない――。"),
        (10, "それはペレストロイカ(改革)のお陰である。"),
    ]


def test_bom_crlf_and_headings_are_understood(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    text = SAMPLE_SOURCE.replace("\n", "\r\n") + "\r\n# 見出し\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    document = read_document(path, root=tmp_path, language="ja")
    assert document.blocks[-1].kind == "heading"
    assert document.blocks[-1].segments[0].text == "見出し"


def test_paragraph_segmentation_keeps_whole_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "7.md"
    path.write_text(SAMPLE_SOURCE, encoding="utf-8")
    document = read_document(path, root=tmp_path, language="ja", segmentation="paragraph")
    assert len(document.blocks[3].segments) == 1
    assert document.blocks[3].segments[0].text.endswith("お陰である。")


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_input_is_a_document_or_one_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.md"
    path.write_bytes(b"---\ntitle: t\nseries: s\nnumber: 1\ndate: 2025-01-01\n" + data)
    try:
        document = read_document(path, root=tmp_path, language="ja")
    except InputError as error:
        assert str(error).startswith(str(path)) and "\n" not in error.message
    else:
        assert all(segment.text.strip() for segment in document.segments())
