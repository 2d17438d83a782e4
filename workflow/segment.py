"""Japanese sentence segmentation.

Rules (see README, "Segmentation"):

* a sentence ends at 。．｡！？!?‼⁉ (and runs of them), together with a stray closing quote
  or bracket (``…です。」``), an emoji or face (``楽しかった！😊``) and, after ？！, an
  ellipsis (``！！！・・・``, ``！・・！・``) that follow; after 。 an ellipsis opens the next
  sentence;
* never inside a matched pair of brackets or quotes: 「」『』｢｣（）()【】〈〉《》［］[]｛｝{}
  〔〕〖〗〘〙〚〛｟｠〝〟“”‘’«»‹›＜＞ and ASCII ``"…"`` / ``'…'`` (an apostrophe between
  letters is not a quote; a line with an odd number of ASCII quotes pairs none); a stray
  bracket is ignored rather than swallowing the paragraph;
* a bracketed part with a full stop inside stays in its sentence (``外（中。）外。`` is one);
  it stands alone only when it opens the sentence: a parenthesis then ends there
  (``本文。（補足。）次の文。`` is three), a quote when another quote follows
  (``「行ってきます。」「気をつけてね。」`` is two, ``「待って！」「嫌だ！」と言った。`` one)
  or when it fills its line (a line of dialogue); ``「今日はここまで。」彼は言った。`` is one;
* a quotative or connective after the end continues the sentence, also across a line
  break: ``何ですか？と質問された。``, ``いいの？⏎って思う。``, ``行く！！！・・・と``,
  ``あ！っと``, ``？をクリック`` (no sentence opens with a small kana, を or ー),
  ``組織？に属して`` (a particle glued to a word, or closing the paragraph: ``いいね！は``),
  but not a sentence-opening word (``本当？とても``); short questions or exclamations
  quoted together are one sentence (``え？何が？と聞いた。``, ``届いた瞬間、え？これ本物？と``,
  ``？？？何それ？って``); after 。 only a particle glued to a word does (``モーニング娘。は``,
  a title with a full stop, also with its reading or a note of any length:
  ``娘。（むすめ）は``, not a label: ``（ア）は``; と excepted, as ``と同時に`` opens
  sentences, unless a reading comes between: ``娘。（むすめ）と``);
* ``――。`` ends a sentence; a dash or an ellipsis alone does not;
* Latin text: ``.`` ends a sentence after Japanese text (``書いたよ.次``) or after a Latin
  word followed by Japanese or, after a space, a capital (``blue. また``), but not in a
  number (3.5, ver.2.1, No.1), a file name or URL, an initial or abbreviation (U.S., Inc.,
  Dr.) or after a number (``1. ``); no mark inside a URL ends one
  (``http://example.com/?q=1``); ``!`` glued to a Latin word is part of a name
  (``Yahoo!ショッピング``, ``Yahoo!です``); a full-width ．between Latin letters or digits
  (３．２９) or after a leading number or label (``１．はじめに``, ``Ｑ．``, ``一．``) is not a
  boundary;
* an emoji, a face (``^^``, ``^^;``, ``orz``, ``:)``), a kaomoji in parentheses
  (``(^o^)``, ``m(_ _)m``), an emotion mark (``(笑)``) or a laugh mark (``だったｗｗ``,
  ``それなw``, ``しました笑``, ``楽しかった〜笑`` or ``「最高」笑`` before a blank, not ``爆笑``)
  that closes a statement ends the sentence unless a particle continues it (``👍を押す``);
  one that opens a sentence (``★★★★☆ 使いやすい。``) does not end it;
* citation marks right after the end stay with the sentence (``…である。[1]``);
* a line break inside a paragraph is a soft wrap (lines are joined), but a line that starts
  a list item (``・``, ``•``, ``※``, ``- ``, ``* ``, ``+ ``, ``1. ``, ``1)``, ``１．``,
  ``(1)``, ``①``, ``a) ``) starts a new segment; as in CommonMark, a numbered item
  interrupts a paragraph only when it is the first (1, a, ①) or a list has started, and an
  item's continuation lines are indented (a blank: a space of any width, no-break and
  ideographic ones too, or a tab): an unindented line after an item starts a segment, and
  the list goes on after it (``1. 準備⏎材料。⏎2. 調理``).

>>> split_sentences("これはペンです。それは「何ですか。」と聞いた。")
['これはペンです。', 'それは「何ですか。」と聞いた。']
"""

from __future__ import annotations

import re
import unicodedata

TERMINATORS = frozenset("。．｡！？!?‼⁉⁈⁇")
#: Quotation marks and brackets that open a sentence-level unit, by their closer.
BRACKET_PAIRS = {
    "「": "」",
    "『": "』",
    "｢": "｣",
    "（": "）",
    "(": ")",
    "【": "】",
    "〈": "〉",
    "《": "》",
    "［": "］",
    "[": "]",
    "｛": "｝",
    "{": "}",
    "〔": "〕",
    "〖": "〗",
    "〘": "〙",
    "〚": "〛",
    "｟": "｠",
    "〝": "〟",
    "“": "”",
    "‘": "’",
    "«": "»",
    "‹": "›",
    "＜": "＞",
}
#: Other closers accepted for an opener (〝 is closed by 〟 or 〞).
_VARIANT_CLOSERS = {"〞": "〝"}
#: Quotes that open and close with the same character.
SYMMETRIC_QUOTES = frozenset("\"'")
_OPENERS_BY_CLOSER = {close: open_ for open_, close in BRACKET_PAIRS.items()} | _VARIANT_CLOSERS
CLOSING_MARKS = frozenset(_OPENERS_BY_CLOSER) | SYMMETRIC_QUOTES
#: Parentheses: a parenthetical that opens a sentence and ends with a full stop ends it.
_PARENTHESES = frozenset("（(［[｛{〔〖〘〚｟【")
#: Quote openers: a quote opening a sentence ends it before another quote or a line break.
_QUOTE_OPENERS = frozenset(BRACKET_PAIRS) - _PARENTHESES | SYMMETRIC_QUOTES
#: Marks that trail ？！ and belong to the sentence end (``！・・・``, ``？…``, ``！・・！・``).
_TRAILING_MARKS = frozenset("…‥・")

#: Words that continue a sentence after ？！, an emoji or a closing parenthesis.
QUOTATIVES = (
    "って",
    "という",
    "といった",
    "とか",
    "なんて",
    "など",
    "みたいな",
    "みたいに",
    "みたいで",
    "くらい",
    "ぐらい",
)
#: Sentence-opening words that start with the quotative と.
_NOT_QUOTATIVE = (
    "とても",
    "とっても",
    "ところ",
    "とにかく",
    "とりあえず",
    "とりわけ",
    "ともかく",
    "ともあれ",
    "とはいえ",
    "とうとう",
    "とうぜん",
    "ときどき",
    "とき",
    "とつぜん",
    "となり",
    "とくに",
    "とある",
    "とんでも",
)
#: Question and exclamation marks: a quotative after them continues the sentence.
_EXCLAMATIONS = frozenset("！？!?‼⁉⁈⁇")
#: Characters after which a trailing mark still belongs to the sentence end.
_EXCLAIMED = _EXCLAMATIONS | _TRAILING_MARKS
#: Most characters of an utterance that one quotative quotes with the next (``まだ？``).
_SHORT_UTTERANCE = 8
#: Case particles; one glued to the following word continues the sentence.
_PARTICLES = frozenset("はがのをにへともで")
#: Particles that may be followed by a comma and still continue (never sentence-initial).
_COMMA_PARTICLES = frozenset("はのをに")
_COMMAS = frozenset("、，,")
#: Characters no Japanese sentence starts with (small kana, を, long-vowel and iteration marks).
_NEVER_INITIAL = frozenset("っゃゅょぁぃぅぇぉゎッャュョァィゥェォーゝゞヽヾ々を")

_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof st jr sr inc ltd co corp llc plc no nos vol vols pp fig figs etc vs "
    "approx dept est ed eds al ca cf ch sec art op gen gov rev mt tel jan feb mar apr jun "
    "jul aug sep sept oct nov dec"
)
#: Latin abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

_EMOTION_WORDS = "笑 泣 汗 涙 怒 爆 苦笑 爆笑 微笑 照 恥 悲 喜 嬉 謎 震"
#: Emotion marks in parentheses that close a statement like a face: (笑) (泣).
EMOTION_MARKS = frozenset(_EMOTION_WORDS.split())
#: Marks that are no face on their own: ``(…)``, ``(e.g.)``, ``(a, b)``.
_NOT_FACE_MARKS = frozenset(".,、，。…‥:：'\"")
#: Arms, hands and trails after a kaomoji: ``(^o^)／``, ``(^_^)/~~~``, ``(-_-)zzZ``.
_FACE_ARMS = frozenset("／/＼ﾉノヾゞゝｂｍmｏoｑq☆★-~〜～┌┘└┐|｜゛zZ")
#: Joiners and modifiers that belong to the emoji before them.
_EMOJI_PARTS = frozenset("\u200d\ufe0f\u20e3〜～") | frozenset(map(chr, range(0x1F3FB, 0x1F400)))
#: Laugh marks written without parentheses, each with the characters of its run.
_LAUGH_MARKS = {"w": "wｗ", "ｗ": "wｗ", "笑": "笑"}
#: Characters that continue a Latin name, file name or URL after a w: ``www.``.
_URL_MARKS = frozenset("./:@-_")
KAOMOJI_ENDINGS = ("^^;", "^^", "^_^;", "^_^", "^o^", "orz", ":-)", ":)", ";-)", ";)", ":D")

_LATIN_TOKEN = re.compile(r"[A-Za-z0-9.]+$")
_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://|www\.", re.IGNORECASE)
_CITATION = re.compile(r"(?:\[[^\[\]\n。！？]{1,12}\]|［[^［］\n。！？]{1,12}］)+")
_BULLET = re.compile(r"[・•‣◦●○■□◆◇▪▫▶►※]|[-*+][ \t]+\S")
_NUMBERED = re.compile(
    r"(?P<arabic>[0-9]{1,9})[.)][ \t]+\S"
    r"|(?P<wide>[０-９0-9]{1,3})[．）](?![0-9０-９])"
    r"|[(（](?P<paren>[0-9０-９]{1,3})[)）]"
    r"|(?P<circled>[①-⑳])"
    r"|(?P<letter>[A-Za-z])[.)][ \t]+\S"
)


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
    """Split before every line that starts a list item (see the module docstring).

    A line that is not indented and starts no item ends the item before it and starts a
    segment of its own (``悪い点：`` on the line after ``・軽い``); as in CommonMark's lazy
    continuation the list stays open, so ``2.`` on a later line still starts an item.
    """
    starts = [0]
    offset = 0
    list_open = in_item = False
    for line in paragraph.splitlines(keepends=True):
        content = line[_skip_blanks(line, 0, len(line)) :]
        indented = content != line
        item = _starts_list_item(content, list_open=list_open)
        if offset and (item or (in_item and not indented and content.strip())):
            starts.append(offset)
        in_item = item or (in_item and indented)
        list_open = list_open or item
        offset += len(line)
    return list(zip(starts, [*starts[1:], len(paragraph)], strict=True))


def _starts_list_item(line: str, *, list_open: bool) -> bool:
    """A bullet always starts an item; a number only when it is 1 or a list is open."""
    if _BULLET.match(line):
        return True
    match = _NUMBERED.match(line)
    if match is None:
        return False
    if match["circled"]:
        number = ord(match["circled"]) - ord("①") + 1
    elif match["letter"]:
        number = ord(match["letter"].lower()) - ord("a") + 1
    else:
        digits = match["arabic"] or match["wide"] or match["paren"]
        number = int(unicodedata.normalize("NFKC", digits))
    return number == 1 or list_open


def _sentences_in(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    groups = {start + open_: start + close for open_, close in _bracket_groups(text[start:stop])}
    spans = []
    position = begin = start
    while position < stop:
        end, position = _scan(text, position, stop, groups, begin=begin)
        if end is not None:
            end = _extend_over_citations(text, end, stop)
            spans.append((begin, end))
            begin = position = end
    spans.append((begin, stop))
    return _join_quoted_utterances(text, spans)


def _join_quoted_utterances(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join short questions and exclamations quoted together by one quotative.

    ``え？何が？と聞き返した。`` and ``まだ？まだ？って急かされた。`` are one sentence: a
    sentence that opens with a short utterance ending in ？！ and a quotative takes in the
    short utterances before it (``届いた瞬間、え？`` ends in one after its comma).
    """
    joined: list[tuple[int, int]] = []
    quoted = False  # the span after this one opens with a quoted short utterance
    for start, end in reversed(spans):
        last_clause = _last_clause(text, start, end)
        if quoted and last_clause is not None and _is_short_utterance(text, *last_clause):
            joined.append((start, joined.pop()[1]))
            quoted = last_clause[0] == _skip_space(text, start, end)
        else:
            joined.append((start, end))
            quoted = _opens_with_quoted_utterance(text, start, end)
    return joined[::-1]


def _last_clause(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of a span after its last comma, when the span ends in ？ or ！."""
    trimmed = _trim(text, (start, end))
    if trimmed is None or text[trimmed[1] - 1] not in _EXCLAMATIONS:
        return None
    commas = [text.rfind(comma, *trimmed) for comma in _COMMAS]
    return max(trimmed[0], max(commas) + 1), trimmed[1]


def _opens_with_quoted_utterance(text: str, start: int, end: int) -> bool:
    """The span opens with a short utterance ending in ？！ that a quotative continues."""
    first = next((i for i in range(start, end) if text[i] in _EXCLAMATIONS), None)
    if first is None or not _is_short_utterance(text, _skip_space(text, start, end), first):
        return False
    after = _run_end(text, first + 1, end)
    return after < end and _continues(text, after, end)


def _is_short_utterance(text: str, start: int, end: int) -> bool:
    """A few characters with no comma, full stop or bracket (``まだ？``, ``これ本物？``), or
    none: a bewildered ``？？？`` is quoted with the question after it."""
    words = text[start:end].rstrip("".join(_EXCLAMATIONS))
    plain = not any(c in _COMMAS or c in "。．｡" or _is_bracket(c) for c in words)
    return len(words) <= _SHORT_UTTERANCE and plain


def _scan(
    text: str, position: int, stop: int, groups: dict[int, int], *, begin: int
) -> tuple[int | None, int]:
    """Sentence end found at *position* (or None) and where to look next."""
    if position in groups:
        close = groups[position]
        at_start = not text[begin:position].strip()
        return _group_end(text, position, stop, groups, at_start=at_start), close + 1
    face_end = _face_end(text, position, stop)
    if face_end is not None:
        # A face closes a statement; one that opens the sentence (★★★★☆ 使いやすい) does not.
        opens = not text[begin:position].strip()
        ends = not opens and not _face_continues(text, face_end, stop, groups)
        return (face_end if ends else None), face_end
    if not _ends_sentence(text, position, begin=begin):
        return None, position + 1
    end = _run_end(text, position + 1, stop)
    if _face_group_at(text, end, groups):
        return None, end  # 良かった!(^^)!: the face after the mark ends the sentence
    # After 。 a quotative is rare; after ？！ or a Latin full stop (fine.と) it is common.
    full_stop = not any(char in "！？!?‼⁉⁈⁇." for char in text[position:end])
    if _continues(text, end, stop, after_full_stop=full_stop):
        return None, end
    return end, end


def _group_end(
    text: str, open_: int, stop: int, groups: dict[int, int], *, at_start: bool
) -> int | None:
    """Sentence end right after the bracket group opened at *open_*, or None."""
    close = groups[open_]
    end = close + 1
    if _is_face_group(text[open_], text[open_ + 1 : close]):
        end = _extend_over_arms(text, end, stop)
        end = _face_end(text, end, stop) or end
        return None if at_start or _face_continues(text, end, stop, groups) else end
    if at_start and text[open_] in _QUOTE_OPENERS and _line_ends(text, end, stop):
        return None if _continues(text, end, stop) else end  # a line of dialogue
    if text[close - 1] not in TERMINATORS:
        return None
    if text[open_] in _PARENTHESES:
        ends = at_start and not _continues(text, end, stop)
        return _extend_over_closers(text, end, stop) if ends else None
    return end if _quote_follows(text, end, stop, groups) else None


def _face_continues(text: str, end: int, stop: int, groups: dict[int, int]) -> bool:
    """Whether the sentence goes on after a face ending at *end*: another face follows (a
    kaomoji in parentheses, or any face glued to it: ``笑😊``) or a word continues it."""
    if end >= stop or _face_group_at(text, _skip_space(text, end, stop), groups):
        return True
    return _face_end(text, end, stop) is not None or _continues(text, end, stop)


def _face_group_at(text: str, position: int, groups: dict[int, int]) -> bool:
    close = groups.get(position)
    return close is not None and _is_face_group(text[position], text[position + 1 : close])


def _line_ends(text: str, position: int, stop: int) -> bool:
    """Only blanks stand between *position* and the next line break."""
    position = _skip_blanks(text, position, stop)
    return position < stop and text[position] == "\n"


def _quote_follows(text: str, position: int, stop: int, groups: dict[int, int]) -> bool:
    """Another quote follows, and the run of quotes is not quoted speech (「…」「…」と)."""
    following = _skip_space(text, position, stop)
    if following >= stop or text[following] not in _QUOTE_OPENERS or following not in groups:
        return False
    while following in groups and text[following] in _QUOTE_OPENERS:
        following = _skip_space(text, groups[following] + 1, stop)
    return not _continues(text, following, stop)


def _is_face_group(opener: str, content: str) -> bool:
    """``(笑)``, ``(^o^)``, ``(*´ω｀*)``: parentheses holding an emotion mark or a kaomoji.

    A kaomoji has a symbol that is no mere punctuation, no digit and no word: no two
    letters, kana or kanji in a row (``(ΦωΦ)`` and ``(^人^)`` are faces, ``(UN)`` is not).
    """
    if opener not in "(（" or not content or len(content) > 12:
        return False
    if content in EMOTION_MARKS:
        return True
    if len(content.replace(" ", "")) < 2 or any(char.isdigit() for char in content):
        return False  # (*) (+) (→) mark a note or a sign
    symbols = [char for char in content if _is_symbol(char) and char not in _NOT_FACE_MARKS]
    return bool(symbols) and not _has_word(content)


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS" or char in "ωдДεΦзｪ"


def _has_word(content: str) -> bool:
    """Two Latin letters, kana or kanji in a row."""
    run = 0
    for char in content:
        letter = unicodedata.category(char) in ("Lu", "Ll", "Lo") and not _is_symbol(char)
        wordy = letter and (char.isascii() or _is_wide(char))
        run = run + 1 if wordy else 0
        if run == 2:
            return True
    return False


def _continues(text: str, position: int, stop: int, *, after_full_stop: bool = False) -> bool:
    """Whether what follows a sentence end at *position* continues the sentence.

    A comma, a further terminator or a quotative (と, って, という …) continues it, also
    after a line break; after a full stop only a particle glued to the next word does
    (``娘。は日本の``), possibly after a reading in parentheses (``いいのに。（…）は``,
    ``娘。（むすめ）と``).
    """
    position = _skip_space(text, position, stop)
    if position >= stop:
        return False
    char = text[position]
    if char in TERMINATORS or char == "." or (char in _COMMAS and not after_full_stop):
        return True
    if char in _NEVER_INITIAL:
        return True  # no word starts with a small kana: あ！っと
    if text.startswith(QUOTATIVES, position):
        return True
    if char == "と" and not after_full_stop and not text.startswith(_NOT_QUOTATIVE, position):
        return True
    if char in "（(" and after_full_stop:
        close = text.find("）" if char == "（" else ")", position, stop)
        reading = text[position + 1 : close]
        # Not a list number or label: （2）に, （ア）は.
        spelled = len(reading) > 1 and any(char.isalpha() for char in reading)
        if close != -1 and spelled and not TERMINATORS.intersection(reading):
            return _particle_glued(text, close + 1, stop, after_full_stop=False)
    return _particle_glued(text, position, stop, after_full_stop=after_full_stop)


def _particle_glued(text: str, position: int, stop: int, *, after_full_stop: bool) -> bool:
    """A case particle followed directly by a word (not kana): ``は日本``, ``を押す``, or
    closing the paragraph (``いいね！は``: no sentence is a lone particle).

    After a full stop, と is left out: ``と同時に`` opens sentences.
    """
    if position >= stop or text[position] not in _PARTICLES:
        return False
    if after_full_stop and text[position] == "と":
        return False
    if not text[position + 1 : stop].strip():
        return True
    following = text[position + 1]
    if following in _COMMAS:
        return text[position] in _COMMA_PARTICLES
    return not (following.isspace() or _is_hiragana(following) or following in TERMINATORS)


def _skip_space(text: str, position: int, stop: int) -> int:
    while position < stop and text[position].isspace():
        position += 1
    return position


def _skip_blanks(text: str, position: int, stop: int) -> int:
    while position < stop and _is_blank(text[position]):
        position += 1
    return position


def _is_blank(char: str) -> bool:
    """A space of any width (no-break and ideographic ones too) or a tab; no line break."""
    return unicodedata.category(char) == "Zs" or char == "\t"


def _face_end(text: str, position: int, stop: int) -> int | None:
    """End offset of an emoji run, a ``^^`` face or a laugh mark at *position*, else None."""
    if position >= stop:
        return None
    laugh_end = _laugh_end(text, position, stop)
    if laugh_end is not None:
        return laugh_end
    for face in KAOMOJI_ENDINGS:
        if text.startswith(face, position):
            return _extend_over_arms(text, position + len(face), stop)
    if not _is_emoji(text[position]):
        return None
    end = position + 1
    while end < stop and (_is_emoji(text[end]) or text[end] in _EMOJI_PARTS):
        end += 1
    return end


def _laugh_end(text: str, position: int, stop: int) -> int | None:
    """End of a laugh mark glued to Japanese text (``だったｗｗｗ``, ``それなw``, ``した笑``).

    A run of w or ｗ counts after a Japanese character when no Latin word, file name or
    URL goes on (``ｗｅｂ``, ``www.``); a bare 笑 after kana, a wave dash (``楽しかった〜笑``),
    a comma, a terminator or a bracket (``「最高」笑``), not after a kanji or another letter
    that is no kana (``爆笑`` is a word), and only where a blank, a terminator, an emoji or
    the paragraph end follows (``笑顔``, ``笑った`` are words).
    """
    before = _neighbours(text, position)[0]
    if not _is_wide(before) or _is_latin_alnum(before):
        return None
    mark = text[position]
    if mark not in _LAUGH_MARKS:
        return None
    end = position
    while end < stop and text[end] in _LAUGH_MARKS[mark]:
        end += 1
    after = text[end] if end < stop else " "
    if mark != "笑":
        return None if _is_latin_alnum(after) or after in _URL_MARKS else end
    compound = unicodedata.category(before) == "Lo" and not _is_kana(before)  # 爆笑, 苦笑
    closes = after.isspace() or after in TERMINATORS or _is_emoji(after)
    return end if closes and not compound else None


def _extend_over_arms(text: str, position: int, stop: int) -> int:
    while position < stop and text[position] in _FACE_ARMS:
        position += 1
    return position


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


def _ends_sentence(text: str, position: int, *, begin: int) -> bool:
    char = text[position]
    if char in "?!." and _inside_url(text, position):
        return False  # http://example.com/?q=1
    if char == ".":
        return _latin_full_stop_ends(text, position, begin=begin)
    if char not in TERMINATORS:
        return False
    before, after = _neighbours(text, position)
    if char in "．!?" and _is_latin_alnum(before) and _is_latin_alnum(after):
        return False  # ３．２９, Yahoo!Japan
    if char == "．" and _opens_with_label(text, position, begin):
        return False  # １．はじめに, Ｑ．, 一．
    if char == "!" and before.isascii() and before.isalpha():
        # Yahoo!ショッピング, Yahoo!です: a mark glued to a Latin word belongs to the name.
        return after.isspace() or after in TERMINATORS or after in CLOSING_MARKS
    return True


def _latin_full_stop_ends(text: str, position: int, *, begin: int) -> bool:
    """Whether a half-width ``.`` ends a sentence (see the module docstring)."""
    before, after = _neighbours(text, position)
    if _is_latin_alnum(after) or before.isspace() or before == ".":
        return False  # 3.5, No.1, test.py, U.S.A, a lone or repeated dot
    if not (before.isascii() and before.isalnum()):
        return True  # after Japanese text or a bracket
    match = _LATIN_TOKEN.search(text, begin, position)
    token = match.group() if match else ""
    if token.isdigit():
        return False  # an ordinal (1. ), a list number, a number before a space
    if len(token) == 1 or "." in token or token.lower() in ABBREVIATIONS:
        return False
    following = _skip_space(text, position + 1, len(text))
    if following == len(text):
        return True
    next_char = text[following]
    spaced = following > position + 1
    return _is_wide(next_char) or (spaced and next_char.isascii() and next_char.isupper())


def _inside_url(text: str, position: int) -> bool:
    """Whether the mark at *position* is inside a URL: the glued token it belongs to starts
    with a scheme or ``www.`` (a dot may be part of either) and goes on after it."""
    after = _neighbours(text, position)[1]
    if not after.isascii() or after.isspace() or after in CLOSING_MARKS:
        return False
    token_start = position
    while token_start and text[token_start - 1].isascii() and not text[token_start - 1].isspace():
        token_start -= 1
    return _URL_START.match(text, token_start) is not None


def _opens_with_label(text: str, position: int, begin: int) -> bool:
    """Whether only a number or a one-character label (``Ｑ．``, ``一．``) stands between
    the sentence start and *position*."""
    head = unicodedata.normalize("NFKC", text[begin:position].strip())
    return head.isdigit() or (len(head) == 1 and head.isalnum())


def _run_end(text: str, position: int, stop: int) -> int:
    """End of a run of terminators, stray closers and faces (``！😊``, ``。」``).

    An ellipsis after ？！ belongs to the run (``！！！・・・``, also one ・ of ``！・・！・``);
    after 。 it opens the next sentence (``去った。……そして``).
    """
    while position < stop:
        char = text[position]
        trailing = char in _TRAILING_MARKS and text[position - 1] in _EXCLAIMED
        face_end = _face_end(text, position, stop)
        if char in TERMINATORS or char == "." or trailing or _is_closer(text, position):
            position += 1
        elif face_end is not None:
            position = face_end
        else:
            break
    return position


def _extend_over_closers(text: str, position: int, stop: int) -> int:
    while position < stop and (text[position] in TERMINATORS or _is_closer(text, position)):
        position += 1
    return position


def _is_closer(text: str, position: int) -> bool:
    """A closing mark; an ASCII quote only where nothing is glued to its right."""
    char = text[position]
    if char not in SYMMETRIC_QUOTES:
        return char in CLOSING_MARKS
    after = _neighbours(text, position)[1]
    return after.isspace() or after in TERMINATORS or after in CLOSING_MARKS


def _extend_over_citations(text: str, position: int, stop: int) -> int:
    match = _CITATION.match(text, position, stop)
    return match.end() if match else position


def _bracket_groups(text: str) -> list[tuple[int, int]]:
    """Outermost matched bracket and quote pairs of *text*, as (opener, closer) offsets.

    Unmatched openers and closers are ignored, so one stray bracket cannot swallow the
    rest of a paragraph.  ASCII quotes pair up within a line, and only where the line has
    an even number of them (see :func:`_symmetric_quotes`).
    """
    quotes = _symmetric_quotes(text)
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for offset, char in enumerate(text):
        if char in SYMMETRIC_QUOTES:
            if offset not in quotes:
                continue
            opener = char if any(open_ == char for open_, _ in stack) else None
        else:
            opener = _OPENERS_BY_CLOSER.get(char)
        if opener is not None:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == opener:
                    pairs.append((stack[depth][1], offset))
                    del stack[depth:]
                    break
        elif char in BRACKET_PAIRS or char in SYMMETRIC_QUOTES:
            stack.append((char, offset))
    outermost: list[tuple[int, int]] = []
    for open_, close in sorted(pairs):
        if not outermost or open_ > outermost[-1][1]:
            outermost.append((open_, close))
    return outermost


def _symmetric_quotes(text: str) -> set[int]:
    """Offsets of the ASCII quotes that can pair up.

    Not a quote: an apostrophe between Latin letters (don't), a mark with spaces on both
    sides.  A line with an odd number of the remaining marks of a kind has a stray one
    somewhere; pairing them would hide sentence ends, so that line's marks are ignored.
    """
    usable: set[int] = set()
    offset = 0
    for line in text.splitlines(keepends=True):
        for quote in SYMMETRIC_QUOTES:
            found = [offset + index for index, char in enumerate(line) if char == quote]
            found = [index for index in found if _may_be_quote(text, index)]
            if len(found) % 2 == 0:
                usable.update(found)
        offset += len(line)
    return usable


def _may_be_quote(text: str, offset: int) -> bool:
    before, after = _neighbours(text, offset)
    if text[offset] == "'" and _is_latin_alnum(before) and _is_latin_alnum(after):
        return False
    return not (before.isspace() and after.isspace())


def _neighbours(text: str, position: int) -> tuple[str, str]:
    """The characters before and after *position*; a blank beyond the text's edges."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return before, after


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _is_bracket(char: str) -> bool:
    return char in BRACKET_PAIRS or char in CLOSING_MARKS


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _is_kana(char: str) -> bool:
    """A character of the Hiragana or Katakana block (ぁ U+3041 to ヿ U+30FF)."""
    return 0x3041 <= ord(char) <= 0x30FF


def _is_hiragana(char: str) -> bool:
    """A character of the Hiragana block (ぁ U+3041 to ゟ U+309F)."""
    return 0x3041 <= ord(char) <= 0x309F


def _is_latin_alnum(char: str) -> bool:
    """An ASCII or full-width Latin letter or digit."""
    normal = unicodedata.normalize("NFKC", char)
    return len(normal) == 1 and normal.isascii() and normal.isalnum()
