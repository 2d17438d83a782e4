"""The line breaker and its tables agree with the libunistring that GNU gettext uses."""

from __future__ import annotations

import ctypes
import random
from pathlib import Path

import pytest

from workflow.po import wrap as po_wrap

try:
    from workflow.po.tablegen import LibunistringTables, generate

    TABLES: LibunistringTables | None = LibunistringTables()
except OSError:  # libunistring is not installed: nothing to compare against
    TABLES = None

needs_libunistring = pytest.mark.skipif(TABLES is None, reason="libunistring.so.2 not found")

# libunistring's UC_BREAK_* values.
_C_BREAKS = {
    0: po_wrap.UNDEFINED,
    1: po_wrap.PROHIBITED,
    2: po_wrap.POSSIBLE,
    3: po_wrap.MANDATORY,
    5: po_wrap.MANDATORY,
}


def _per_char(text: str, raw: bytes) -> list[int]:
    result, offset = [], 0
    for char in text:
        result.append(_C_BREAKS[raw[offset]])
        offset += len(char.encode("utf-8"))
    return result


def _c_width_linebreaks(text: str, width: int, start: int, overrides: list[int]) -> list[int]:
    assert TABLES is not None
    data = text.encode("utf-8")
    out = ctypes.create_string_buffer(len(data))
    raw_overrides = bytearray(len(data))
    offset = 0
    for char, override in zip(text, overrides, strict=True):
        raw_overrides[offset] = 0 if override == po_wrap.UNDEFINED else 1
        offset += len(char.encode("utf-8"))
    TABLES.lib.u8_width_linebreaks_v2(
        data, ctypes.c_size_t(len(data)), width, start, 0, bytes(raw_overrides), b"UTF-8", out
    )
    return _per_char(text, out.raw)


def _alphabet() -> list[str]:
    """A few characters of every line-break class, plus the essay's own characters."""
    by_class: dict[int, list[str]] = {}
    for code in [
        *range(0x20, 0x3100),
        *range(0xFE00, 0xFF70),
        *range(0x1F1E6, 0x1F200),
        *range(0x1F3FB, 0x1F400),
        0x200D,
        0x2060,
    ]:
        by_class.setdefault(po_wrap._CLASS[code], []).append(chr(code))
    rng = random.Random(7)
    chars = [c for group in by_class.values() for c in rng.sample(group, min(4, len(group)))]
    return chars + list('あアッャー漢字「」『』（）。、――０１ abc,.!?"\\\t-әғқңөұүһі')


@needs_libunistring
def test_committed_tables_match_the_library() -> None:
    assert TABLES is not None
    module = Path(po_wrap.__file__).with_name("unidata.py")
    assert module.read_text(encoding="utf-8") == generate(TABLES)


@needs_libunistring
def test_line_breaks_match_the_library_on_random_text() -> None:
    rng = random.Random(2024)
    alphabet = _alphabet()
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 50)))
        overrides = [rng.choice([po_wrap.UNDEFINED] * 4 + [po_wrap.PROHIBITED]) for _ in text]
        width, start = rng.randint(4, 40), rng.randint(0, 10)
        expected = _c_width_linebreaks(text, width, start, overrides)
        assert po_wrap.width_linebreaks(text, width, start, overrides) == expected, text


@needs_libunistring
def test_break_opportunities_match_the_library_on_random_text() -> None:
    assert TABLES is not None
    rng = random.Random(118)
    alphabet = _alphabet()
    flags = ["🇯🇵🇰🇿🇷🇺", "🇯🇵🇰", "🇯 🇵", "🇰🇿 🇷🇺🇯", "a🇯🇵🇰🇿b"]  # regional indicators pair up
    for text in flags + ["".join(rng.choices(alphabet, k=rng.randint(1, 40))) for _ in range(2000)]:
        data = text.encode("utf-8")
        out = ctypes.create_string_buffer(len(data))
        TABLES.lib.u8_possible_linebreaks_v2(data, ctypes.c_size_t(len(data)), b"UTF-8", out)
        assert po_wrap.possible_linebreaks(text) == _per_char(text, out.raw), text


def test_japanese_breaking_rules() -> None:
    def breaks(text: str) -> list[str]:
        marks = po_wrap.possible_linebreaks(text)
        return [text[i - 1 : i + 1] for i, mark in enumerate(marks) if mark == po_wrap.POSSIBLE]

    assert breaks("漢字かな") == ["漢字", "字か", "かな"]
    assert breaks("かッた") == ["ッた"]  # never before a small kana
    assert breaks("メーカー") == ["ーカ"]  # nor before the prolonged sound mark ー
    assert breaks("「時間」。") == ["時間"]  # nor after 「 or before 」。
    assert breaks("words and 単語") == [" a", " 単", "単語"]
    assert po_wrap.text_width("漢字ab") == 6
