"""Japanese sentence segmentation.

Rules (see README, "Segmentation"):

* a sentence ends at 。．！？!? (and runs of them), together with any closing quote or
  bracket that follows (``…です。」`` stays whole);
* never inside a matched pair of brackets or quotes (「」『』（）【】〈〉《》 …), so quoted
  speech that contains full stops stays inside its sentence;
* ``――。`` ends a sentence; a dash or an ellipsis alone does not;
* a parenthesis that closes right after a full stop ends the sentence too
  (``補足(詳細。)次の文。``), unless a particle continues it; a closing quote 」』 does not
  (``「今日はここまで。」彼は言った。`` is one sentence);
* a full stop between digits (３．２９) and ``!``/``?`` inside a Latin word (Yahoo!Japan)
  are not boundaries;
* an emoji or a ``^^`` face that closes a statement ends the sentence
  (``大丈夫です👍よろしく。``) unless a particle continues it (``👍を押す``);
* a hard line break inside a paragraph is not a boundary: lines are joined; but a line
  that starts with a list marker (・, •, -, *) starts a new segment.

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
#: Closing parentheses that end a sentence when a full stop precedes them.
_SENTENCE_CLOSING_PARENS = frozenset(")）]］")
#: What may continue a sentence right after a closing parenthesis.
_CONTINUATIONS = frozenset("とのをがはにでもやへ、，")
LIST_MARKERS = ("・", "•", "‣", "◦", "- ", "* ")
#: Joiners and modifiers that belong to the emoji before them.
_EMOJI_PARTS = frozenset("\u200d\ufe0f\u20e3") | frozenset(map(chr, range(0x1F3FB, 0x1F400)))
KAOMOJI_ENDINGS = ("^^", "^_^", "^o^")


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences; see the module docstring for the rules."""
    return [join_lines(paragraph[start:end]) for start, end in sentence_spans(paragraph)]


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence in *paragraph*, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _list_item_spans(paragraph):
        spans.extend(_sentences_in(paragraph, line_start, line_end))
    return [trimmed for span in spans if (trimmed := _trim(paragraph, span))]


def _list_item_spans(paragraph: str) -> list[tuple[int, int]]:
    """Split before every line that starts with a list marker."""
    starts = [0]
    offset = 0
    for line in paragraph.splitlines(keepends=True):
        if offset and line.lstrip().startswith(LIST_MARKERS):
            starts.append(offset)
        offset += len(line)
    return list(zip(starts, [*starts[1:], len(paragraph)], strict=True))


def _sentences_in(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    protected, sentence_closers = _bracket_analysis(text[start:stop])
    spans = []
    position = begin = start
    while position < stop:
        relative = position - start
        face_end = None if relative in protected else _face_end(text, position, stop)
        if face_end is not None and face_end < stop and not _continues(text, face_end):
            spans.append((begin, face_end))
            begin = position = face_end
            continue
        boundary = relative in sentence_closers and not _continues(text, position + 1)
        if boundary or (relative not in protected and _ends_sentence(text, position)):
            end = _extend_over_closers(text, position + 1, stop)
            spans.append((begin, end))
            begin = position = end
        else:
            position += 1
    spans.append((begin, stop))
    return spans


def _continues(text: str, position: int) -> bool:
    return position < len(text) and (
        text[position] in _CONTINUATIONS or text[position] in TERMINATORS
    )


def _face_end(text: str, position: int, stop: int) -> int | None:
    """End offset of an emoji run or ``^^`` face starting at *position*, else None."""
    for face in KAOMOJI_ENDINGS:
        if text.startswith(face, position):
            return position + len(face)
    if not _is_emoji(text[position]):
        return None
    end = position + 1
    while end < stop and (_is_emoji(text[end]) or text[end] in _EMOJI_PARTS):
        end += 1
    return end


def _is_emoji(char: str) -> bool:
    code = ord(char)
    pictographic = 0x1F300 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF
    return pictographic and unicodedata.category(char) == "So"


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


def _extend_over_closers(text: str, position: int, stop: int) -> int:
    while position < stop and (text[position] in TERMINATORS or text[position] in CLOSING_MARKS):
        position += 1
    return position


def _bracket_analysis(text: str) -> tuple[set[int], set[int]]:
    """Offsets strictly inside matched bracket/quote pairs, and sentence-ending closers.

    A closer ends a sentence when it is an outermost parenthesis and a full stop stands
    right before it.  Unmatched openers and closers are ignored, so one stray bracket
    cannot swallow the rest of a paragraph.
    """
    stack: list[tuple[str, int]] = []
    protected: set[int] = set()
    sentence_closers: set[int] = set()
    for offset, char in enumerate(text):
        if char in BRACKET_PAIRS:
            stack.append((BRACKET_PAIRS[char], offset))
        elif char in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    protected.update(range(stack[depth][1] + 1, offset))
                    if depth == 0 and _closes_after_full_stop(text, offset):
                        sentence_closers.add(offset)
                    del stack[depth:]
                    break
    return protected, sentence_closers


def _closes_after_full_stop(text: str, offset: int) -> bool:
    return (
        text[offset] in _SENTENCE_CLOSING_PARENS and offset > 0 and text[offset - 1] in TERMINATORS
    )


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
