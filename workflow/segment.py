"""Japanese sentence segmentation.

Rules (see README, "Segmentation"):

* a sentence ends at 。．！？!? (and runs of them), together with any closing quote or
  bracket that follows (``…です。」`` stays whole);
* never inside a matched pair of brackets or quotes (「」『』（）【】〈〉《》 …), so quoted
  speech that contains full stops stays inside its sentence;
* ``――。`` ends a sentence; a dash or an ellipsis alone does not;
* a full stop between digits (３．２９) and ``!``/``?`` inside a Latin word (Yahoo!Japan)
  are not boundaries;
* a hard line break inside a paragraph is not a boundary: lines are joined.

>>> split_sentences("これはペンです。それは「何ですか。」と聞いた。")
['これはペンです。', 'それは「何ですか。」と聞いた。']
"""

from __future__ import annotations

import unicodedata

TERMINATORS = frozenset("。．｡！？!?")
CLOSING_MARKS = frozenset("」』）)】〉》］]｝}〕〗〙〛”»’\"'")
BRACKET_PAIRS = {
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "【": "】",
    "〈": "〉",
    "《": "》",
    "［": "］",
    "[": "]",
    "｛": "｝",
    "〔": "〕",
    "〖": "〗",
    "〘": "〙",
    "〚": "〛",
    "“": "”",
    "«": "»",
}
_CLOSERS = frozenset(BRACKET_PAIRS.values())


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences; see the module docstring for the rules."""
    return [join_lines(paragraph[start:end]) for start, end in sentence_spans(paragraph)]


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence in *paragraph*, whitespace trimmed."""
    protected = _protected_positions(paragraph)
    spans: list[tuple[int, int]] = []
    start = 0
    position = 0
    while position < len(paragraph):
        if position not in protected and _ends_sentence(paragraph, position):
            end = _extend_over_closers(paragraph, position + 1)
            spans.append((start, end))
            start = position = end
        else:
            position += 1
    spans.append((start, len(paragraph)))
    return [trimmed for span in spans if (trimmed := _trim(paragraph, span))]


def join_lines(text: str) -> str:
    """Join hard-wrapped lines: no space between CJK characters, one space otherwise."""
    lines = [line.strip() for line in text.strip().splitlines()]
    joined = ""
    for line in filter(None, lines):
        if joined and not (_is_wide(joined[-1]) or _is_wide(line[0])):
            joined += " "
        joined += line
    return joined


def _ends_sentence(text: str, position: int) -> bool:
    char = text[position]
    if char not in TERMINATORS:
        return False
    before = text[position - 1] if position > 0 else ""
    after = text[position + 1] if position + 1 < len(text) else ""
    if char in "．.":
        return not (before.isdigit() and after.isdigit())
    if char in "!?":
        return not (_is_ascii_alnum(before) and _is_ascii_alnum(after))
    return True


def _extend_over_closers(text: str, position: int) -> int:
    while position < len(text) and (
        text[position] in TERMINATORS or text[position] in CLOSING_MARKS
    ):
        position += 1
    return position


def _protected_positions(text: str) -> set[int]:
    """Offsets strictly inside a matched bracket or quote pair.

    Unmatched openers and closers are ignored, so one stray bracket cannot swallow the
    rest of a paragraph.
    """
    stack: list[tuple[str, int]] = []
    protected: set[int] = set()
    for offset, char in enumerate(text):
        if char in BRACKET_PAIRS:
            stack.append((BRACKET_PAIRS[char], offset))
        elif char in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    protected.update(range(stack[depth][1] + 1, offset))
                    del stack[depth:]
                    break
    return protected


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
