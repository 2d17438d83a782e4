"""Fuzzing: the PO loader fails only with InputError; the segmenter never fails or yields ""."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import examples
from workflow.errors import InputError
from workflow.po import load_po
from workflow.segment import split_sentences

HEADER = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
PO_PIECES = st.sampled_from(
    [b'msgid "', b'msgstr "', b'msgctxt "', b"#, fuzzy\n", b"#| msgid ", b"#~ ", b'"\n', b"\\",
     b"\\n", b"\\x41", b"\\101", b"\n", b"\r\n", b"\xff", "文。".encode(), b"msgstr[0] ", b"\t"]
)  # fmt: skip
MARKS = st.sampled_from("。！？「」『』（）――\n\r\t\x00\x07")
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | MARKS, max_size=300)


@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=st.lists(PO_PIECES, max_size=40).map(b"".join), raw=st.binary(max_size=200))
def test_po_loader_raises_only_input_error(tmp_path: Path, body: bytes, raw: bytes) -> None:
    for data in (HEADER + body, raw):
        path = tmp_path / "fuzz.po"
        path.write_bytes(data)
        try:
            load_po(path)
        except InputError as error:
            assert "\n" not in str(error) and error.path == path


@settings(max_examples=examples(500), deadline=None)
@given(text=TEXT)
def test_segmenter_never_fails_and_never_yields_empty_segments(text: str) -> None:
    for sentence in split_sentences(text):
        assert sentence.strip(), repr(sentence)
