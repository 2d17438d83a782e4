"""Japanese sentence segmentation: collected public cases, rule families, properties."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workflow.segment import BRACKET_PAIRS, SYMMETRIC_QUOTES, join_lines, split_sentences
from workflow.yamlio import load_yaml

DATA = Path(__file__).parent / "data" / "segmentation"


#: Cases collected while the rules were written.
def read_cases(path: Path) -> list[dict]:
    """A case file, read as every YAML input is (a duplicated key is an error)."""
    document = load_yaml(path.read_text(encoding="utf-8"), path, what="cases")
    assert document is not None
    return document.data


CASES = read_cases(DATA / "cases.yaml")
#: Cases written and first run blind, after the rules (see the file's header).
HELDOUT = read_cases(DATA / "heldout.yaml")
RULES = {
    "basic",
    "quotative",
    "brackets",
    "parenthetical",
    "quoted-lines",
    "latin",
    "title-period",
    "list",
    "soft-wrap",
    "faces",
    "citation",
    "wikipedia",
    "web",
}


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{index}-{case['rule']}" for index, case in enumerate(CASES, 1)]
)
def test_collected_case(case: dict[str, object]) -> None:
    assert split_sentences(str(case["text"])) == case["sentences"], case["source"]


def _heldout_param(index: int, case: dict[str, object]) -> object:
    """A held-out case; one the segmenter still gets wrong is a strict xfail with its reason."""
    failing = case.get("failing")
    marks = [pytest.mark.xfail(reason=str(failing), strict=True)] if failing else []
    return pytest.param(case, id=f"{index}-{case['rule']}", marks=marks)


@pytest.mark.parametrize("case", [_heldout_param(i, case) for i, case in enumerate(HELDOUT, 1)])
def test_heldout_case(case: dict[str, object]) -> None:
    assert split_sentences(str(case["text"])) == case["sentences"], case["source"]


def test_every_case_names_its_source_and_a_known_rule() -> None:
    for case in [*CASES, *HELDOUT]:
        assert set(case) <= {"text", "sentences", "source", "rule", "note", "failing"}
        assert case["source"] and case["rule"] in RULES, case
    assert {case["rule"] for case in CASES} == RULES


def test_heldout_cases_are_not_collected_cases() -> None:
    collected = {case["text"] for case in CASES}
    assert not [case["text"] for case in HELDOUT if case["text"] in collected]


def test_each_rule_family_of_the_issue_has_a_line_break_variant() -> None:
    """Quotatives, quoted lines and lists are tested across a line break too."""
    for rule in ("quotative", "quoted-lines", "list", "soft-wrap"):
        assert any("\n" in case["text"] for case in CASES if case["rule"] == rule), rule


@pytest.mark.parametrize(
    ("opener", "closer"), [*BRACKET_PAIRS.items(), *((quote, quote) for quote in SYMMETRIC_QUOTES)]
)
def test_no_sentence_ends_inside_any_bracket_pair(opener: str, closer: str) -> None:
    text = f"外外外{opener}中中中。中中？中中！{closer}外外外。次の文。"
    assert split_sentences(text) == [
        f"外外外{opener}中中中。中中？中中！{closer}外外外。",
        "次の文。",
    ]


@pytest.mark.parametrize("opener", ["「", "（", "(", "『", "【"])
def test_a_bracketed_part_stands_alone_only_after_a_sentence_end(opener: str) -> None:
    closer = BRACKET_PAIRS[opener]
    inside = f"本文{opener}補足。{closer}続き。"
    assert split_sentences(inside) == [inside]
    after_end = split_sentences(f"本文。{opener}補足。{closer}{opener}別。{closer}")
    assert after_end[0] == "本文。"


@pytest.mark.parametrize("mark", ["？", "！", "?", "!", "！！！", "？・・・", "！？…"])
@pytest.mark.parametrize("gap", ["", "\n", " ", "　"])
@pytest.mark.parametrize("particle", ["と聞いた。", "って思う。", "という話。", "なんて言う。"])
def test_quotative_after_any_question_or_exclamation(mark: str, gap: str, particle: str) -> None:
    text = f"何だ{mark}{gap}{particle}"
    assert split_sentences(text) == [join_lines(text)]


@pytest.mark.parametrize("gap", ["", "\n", " "])
def test_question_then_a_new_sentence_still_splits(gap: str) -> None:
    assert split_sentences(f"何だ？{gap}とても驚いた。") == ["何だ？", "とても驚いた。"]


BULLETS = ["- a", "* a", "+ a", "・a", "•a", "※a"]
FIRST_ITEMS = [*BULLETS, "1. a", "1) a", "１．a", "（1）a", "①a", "a) a"]


@pytest.mark.parametrize("item", FIRST_ITEMS)
def test_a_first_list_item_interrupts_a_paragraph(item: str) -> None:
    assert split_sentences(f"前の行\n{item}") == ["前の行", item]


@pytest.mark.parametrize("line", ["2. a", "3) a", "-a", "*強調*", "1.5倍", "2019年"])
def test_other_lines_are_a_soft_wrap(line: str) -> None:
    assert len(split_sentences(f"前の行\n{line}")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "え？何が？と聞き返した。",
        "まだ？まだ？って急かされた。",
        "やった！明日休みだ！\nって喜んでいた。",
        "届いた瞬間、え？これ本物？と思った。",
    ],
)
def test_short_utterances_quoted_together_are_one_sentence(text: str) -> None:
    assert split_sentences(text) == [join_lines(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明日晴れるかな？ところで傘持ってる？", ["明日晴れるかな？", "ところで傘持ってる？"]),
        ("本当に大丈夫？とても心配です。", ["本当に大丈夫？", "とても心配です。"]),
        ("終わった。え？何が？と聞いた。", ["終わった。", "え？何が？と聞いた。"]),
        (
            "そうなの、行くよ！「いいね！」を押して。",
            ["そうなの、行くよ！", "「いいね！」を押して。"],
        ),
        (
            "長い文で質問したいのですが？これ本物？と思った。",
            ["長い文で質問したいのですが？", "これ本物？と思った。"],
        ),
    ],
)
def test_only_short_utterances_join_a_quotative(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/?q=1&p=2",
        "www.example.com/a?b=c!d",
        "my-.-app://open",  # RFC 3986: a scheme may hold . + - in any order after a letter
    ],
)
def test_no_sentence_ends_inside_a_url(url: str) -> None:
    assert split_sentences(f"{url} を開く。次へ。") == [f"{url} を開く。", "次へ。"]


def test_a_question_mark_after_a_url_ends_the_sentence() -> None:
    assert split_sentences("見たのは https://example.com? 次。") == [
        "見たのは https://example.com?",
        "次。",
    ]


@pytest.mark.parametrize(
    ("laugh", "gap"),
    [(w, gap) for w in ("w", "www", "ｗｗ") for gap in ("", " ", "　")]
    + [(mark, gap) for mark in ("笑", "笑笑") for gap in (" ", "　", "\n")],
)
def test_a_laugh_mark_closes_a_statement(laugh: str, gap: str) -> None:
    """A w run closes wherever it stands; 笑, also a word's first kanji, before a blank."""
    assert split_sentences(f"面白かった{laugh}{gap}また行く。") == [
        f"面白かった{laugh}",
        "また行く。",
    ]


@pytest.mark.parametrize(
    "text",
    ["新しいwebサイト。", "サイトwww.example.comを見た。", "笑顔で帰った。", "思わず笑った。"],
)
def test_a_word_with_w_or_笑_is_no_laugh_mark(text: str) -> None:
    assert split_sentences(text) == [text]


def _letters(first: int, last: int) -> list[str]:
    """The letters (general category L*) from code point *first* to *last*."""
    return [chr(c) for c in range(first, last + 1) if unicodedata.category(chr(c))[0] == "L"]


#: Every letter of the Hiragana (U+3041–U+309F) and Katakana (U+30A0–U+30FF) blocks.
HIRAGANA = _letters(0x3041, 0x309F)
KANA = HIRAGANA + _letters(0x30A0, 0x30FF)


def test_笑_after_any_kana_closes_a_statement() -> None:
    """A word's last kana, whichever of the two blocks, before 笑 and a blank."""
    assert len(KANA) > 170
    wrong = [kana for kana in KANA if len(split_sentences(f"最高だっ{kana}笑 また行く。")) != 2]
    assert wrong == []


def test_a_particle_before_any_hiragana_is_a_word_opening_a_sentence() -> None:
    """``本当？はい``: a particle's kana followed by hiragana starts a word (はい, もう, には),
    which opens a new sentence after ？."""
    wrong = [
        kana for kana in HIRAGANA if split_sentences(f"本当？は{kana}") != ["本当？", f"は{kana}"]
    ]
    assert wrong == []


def test_the_hiragana_range_ends_where_the_katakana_block_begins() -> None:
    """゠ U+30A0, right after ゟ U+309F, is the Katakana block's double hyphen (ジャン゠ポール):
    a particle before it is glued, as before any katakana (``なぜ？はカギ``)."""
    assert split_sentences("なぜ？はカギ") == ["なぜ？はカギ"]
    assert split_sentences("なぜ？は゠") == ["なぜ？は゠"]


def test_legacy_computing_symbols_are_no_emoji() -> None:
    """The block sextants and mosaics of U+1FB00–U+1FBFF, right after the emoji blocks, are
    terminal graphics (no Extended_Pictographic): they close no statement."""
    symbols = [chr(c) for c in range(0x1FB00, 0x1FC00) if unicodedata.category(chr(c)) == "So"]
    assert symbols
    assert [s for s in symbols if len(split_sentences(f"読み込み中{s}もう少し待つ。")) != 1] == []


def test_a_laugh_mark_before_a_quotative_continues() -> None:
    assert split_sentences("ないわｗって言われた。") == ["ないわｗって言われた。"]


@pytest.mark.parametrize("face", ["★★★★☆ ", "🎉", "(^^)"])
@pytest.mark.parametrize("before", ["", "前の文。 ", "前の文。\n"])
def test_a_face_opening_a_sentence_does_not_end_it(face: str, before: str) -> None:
    """Glued to a full stop (``。😊``) the face closes the sentence before it instead."""
    expected = [f"{face}使いやすい。"]
    assert split_sentences(f"{before}{face}使いやすい。") == [*before.split(), *expected]


def test_a_list_stays_open_after_a_lazy_line() -> None:
    text = "1. 準備\n材料をそろえる。\n2. 調理\n炒める。"
    assert split_sentences(text) == ["1. 準備", "材料をそろえる。", "2. 調理", "炒める。"]


def test_a_number_in_parentheses_after_a_full_stop_is_no_reading() -> None:
    assert split_sentences("発表した。（2）に示す。") == ["発表した。", "（2）に示す。"]


def test_join_lines_spaces_only_between_non_cjk_words() -> None:
    assert join_lines("Leipzig\nMesse") == "Leipzig Messe"
    assert join_lines("モスクワを\n訪れた") == "モスクワを訪れた"


def test_empty_paragraph_has_no_segments() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n　") == []


_ALPHABET = st.sampled_from(
    [
        *list("私は資源をかなカタ漢字。、！？!?「」『』（）()【】〈〉《》｢｣[]{}――…ab 1\n👍^.'\"と"),
        "。」",
        "――。",
        "^^",
        "(^o^)",
        "(笑)",
        "\n1. ",
        "\n- ",
        "\n・",
        "No.1",
        "Yahoo!",
        "って",
        "・・・",
        "[1]",
    ]
)


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_segments_are_whole_sentences_that_cover_the_paragraph(paragraph: str) -> None:
    """No segment is empty, together they are the paragraph, and each is one sentence:
    split again, it comes back whole."""
    segments = split_sentences(paragraph)
    assert all(segment.strip() for segment in segments)
    assert "".join("".join(segments).split()) == "".join(paragraph.split())
    assert [split_sentences(segment) for segment in segments] == [[s] for s in segments]


def test_every_expected_sentence_is_one_sentence() -> None:
    """Each sentence of both case files, split on its own, comes back whole."""
    sentences = [
        s for case in [*CASES, *HELDOUT] if not case.get("failing") for s in case["sentences"]
    ]
    assert [s for s in sentences if split_sentences(s) != [s]] == []
