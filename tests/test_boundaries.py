"""Boundaries: months 1 and 12, titles ending in an ellipsis, a keep-term inside a longer
word, batches at the ``max-batch-tokens`` cap, a language with only fuzzy translations.

gettext's exact 0.6 similarity threshold is tested against msgmerge in
tests/test_merge_reference.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import polib
import pytest

from tests.mt_fixtures import MtModels, mt_models, write_project
from workflow import languages
from workflow.checks import Entry, check_entry
from workflow.cli import main
from workflow.glossary import load_glossary
from workflow.mt.ct2 import BATCHES_PER_CALL, MIN_BATCH_TOKENS
from workflow.mt.engines import open_engine
from workflow.similarity import lcs_length, similarity

__all__ = ["mt_models"]  # fixture used below

GLOSSARY = load_glossary(Path(__file__).parent / "data" / "glossary" / "terms.yaml")


def codes(source: str, translation: str, lang: str) -> list[str]:
    entry = Entry(f"locales/{lang}/7.po", 10, source, translation, lang)
    return [item.code for item in check_entry(entry, GLOSSARY)]


# --- months --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "january", "december"),
    [
        ("en", "I arrived in January.", "I left in December."),
        ("ru", "Я приехал в январе.", "Я уехал в декабре."),
        ("kk", "Мен қаңтарда келдім.", "Мен желтоқсанда кеттім."),
    ],
)
def test_months_1_and_12_may_be_written_as_names(lang: str, january: str, december: str) -> None:
    assert codes("1月に着いた。", january, lang) == []
    assert codes("12月に発った。", december, lang) == []
    assert codes("1月に着いた。", december.replace("left", "arrived"), lang) == ["Q101"]
    assert codes("12月に発った。", january, lang) == ["Q101"]


def test_numbers_outside_1_to_12_are_not_months() -> None:
    assert codes("13月に着いた。", "I arrived in January.", "en") == ["Q101"]
    assert codes("0月に着いた。", "I arrived in December.", "en") == ["Q101"]


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [
        ("en", "1 January 2026", "31 December 2026"),
        ("ru", "1 января 2026\u00a0г.", "31 декабря 2026\u00a0г."),
        ("kk", "2026 жылғы 1 қаңтар", "2026 жылғы 31 желтоқсан"),
        ("ja", "2026年1月1日", "2026年12月31日"),
    ],
)
def test_export_dates_of_the_first_and_last_month(lang: str, first: str, last: str) -> None:
    assert languages.get(lang).format_date(dt.date(2026, 1, 1)) == first
    assert languages.get(lang).format_date(dt.date(2026, 12, 31)) == last


# --- titles and ellipses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        ("A Quiet Upheaval", []),
        ("A Quiet Upheaval...", []),
        ("A Quiet Upheaval…", []),
        # A gained full stop is also one sentence end more than the source has (Q114).
        ("A Quiet Upheaval.", ["Q103", "Q114"]),
        ("“A Quiet Upheaval.”", ["Q103", "Q114"]),
    ],
)
def test_a_title_may_end_in_an_ellipsis_but_gains_no_full_stop(
    translation: str, expected: list[str]
) -> None:
    assert codes("静かなる地殻変動", translation, "en") == expected
    assert codes("静かなる地殻変動……", translation, "en") == expected


def test_english_titles_are_quoted_in_english_quotation_marks() -> None:
    assert codes("静かなる地殻変動", "«A Quiet Upheaval»", "en") == ["Q111"]


def test_a_sentence_may_end_in_an_ellipsis() -> None:
    assert codes("言葉が出なかった。", "Words failed me…", "en") == []
    assert codes("言葉が出なかった……。", "Words failed me...", "en") == []
    # Without its end the sentence is also one sentence end short of the source (Q114).
    assert codes("言葉が出なかった。", "Words failed me", "en") == ["Q103", "Q114"]


# --- keep terms at word boundaries -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence", "wrong"),
    [
        ("en", "Signing the {} for the railway.", ["G002"]),
        # In Cyrillic text the look-alike is also a Latin word the source does not have.
        ("ru", "Подписание {} на ремонт железной дороги.", ["G002", "Q109"]),
        ("kk", "Теміржолды жөндеуге арналған {} келісіміне қол қою.", ["G002", "Q109"]),
    ],
)
def test_a_keep_term_inside_a_longer_word_does_not_count(
    lang: str, sentence: str, wrong: list[str]
) -> None:
    source = "鉄道ルート修復のODAの調印。"
    assert codes(source, sentence.format("ODA"), lang) == []
    assert codes(source, sentence.format("CODA"), lang) == wrong
    assert codes(source, sentence.format("ODAX"), lang) == wrong
    assert codes(source, sentence.format("ODAs"), lang) == wrong


def test_a_keep_term_inside_a_longer_source_word_is_not_the_term() -> None:
    assert codes("CODAの調印。", "Signing the CODA.", "en") == []


# --- MT batches at the cap -------------------------------------------------------------------


class RecordingTranslator:
    """The real CTranslate2 translator, recording each call's batch size and token count."""

    def __init__(self, translator: object) -> None:
        self.translator = translator
        self.calls: list[tuple[int, int]] = []

    def translate_batch(self, sources: list[list[str]], **kwargs: object) -> object:
        self.calls.append((kwargs["max_batch_size"], sum(len(tokens) for tokens in sources)))
        return self.translator.translate_batch(sources, **kwargs)


@pytest.fixture
def small_cap_model(tmp_path: Path, mt_models: MtModels):
    project = write_project(
        tmp_path,
        f'packages-dir = "{mt_models.packages_dir}"\n'
        "max-decoding-length = 2\nbeam-size = 1\nmax-batch-tokens = 100\nthreads = 2\n",
        languages='["en"]',
    )
    model = open_engine(project, "en").model(0)
    model.translator = RecordingTranslator(model.translator)
    return model


@pytest.mark.parametrize(
    ("tokens", "batch_size"),
    [
        (MIN_BATCH_TOKENS, MIN_BATCH_TOKENS),  # a little work: one batch, whole
        (99, 64),  # split across the two workers, but not below the minimum
        (100, 64),  # exactly at the cap: still split
        (101, 100),  # just above: full-size batches of the cap
        (300, 100),
    ],
)
def test_batch_size_at_the_max_batch_tokens_cap(
    small_cap_model, tokens: int, batch_size: int
) -> None:
    piece = small_cap_model.encode("鉄")[-1:]
    outputs = small_cap_model.translate_tokens([piece] * tokens)
    assert len(outputs) == tokens
    assert small_cap_model.translator.calls == [(batch_size, tokens)]


def test_calls_are_chunked_at_sixteen_full_batches(small_cap_model) -> None:
    piece = small_cap_model.encode("鉄")[-1:]
    per_call = 100 * BATCHES_PER_CALL
    done: list[int] = []
    outputs = small_cap_model.translate_tokens([piece] * (per_call + 1), progress=done.append)
    assert len(outputs) == per_call + 1 and done == [per_call, 1]
    assert small_cap_model.translator.calls == [(100, per_call), (MIN_BATCH_TOKENS, 1)]


def test_chunks_start_afresh_after_each_call(small_cap_model) -> None:
    piece = small_cap_model.encode("鉄")[-1:]
    per_call = 100 * BATCHES_PER_CALL
    done: list[int] = []
    small_cap_model.translate_tokens([piece] * (2 * per_call + 1), progress=done.append)
    assert done == [per_call, per_call, 1]


def test_no_work_is_no_call(small_cap_model) -> None:
    done: list[int] = []
    assert small_cap_model.translate_tokens([], progress=done.append) == []
    assert small_cap_model.translator.calls == [] and done == []
    assert small_cap_model.batch_calls == 0


# --- a language with only fuzzy translations -------------------------------------------------


def test_build_exports_a_fuzzy_only_language_as_a_draft(make_project, capsys) -> None:
    root = make_project()
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text("terms: []\n", encoding="utf-8")
    assert main(["--project", str(root), "update"]) == 0
    po_path = root / "locales" / "ru" / "7.po"
    po = polib.pofile(str(po_path))
    for number, entry in enumerate(po, start=1):
        entry.msgstr = f"Черновой перевод {number}."
        entry.flags.append("fuzzy")
    po.save()
    capsys.readouterr()
    assert main(["--project", str(root), "build", "--lang", "ru", "--format", "docx"]) == 0
    out = capsys.readouterr().out
    assert "\nexport       ru/7 (draft): docx written\n" in out
    assert (
        "\n  ru/7  draft: 0 of 7 segments reviewed (7 fuzzy)\n"
        f"      written   {root / 'exports' / 'ru' / '7.docx'}\n"
    ) in out
    text = "\n".join(p.text for p in docx.Document(str(root / "exports/ru/7.docx")).paragraphs)
    assert "Черновик" in text and "Черновой перевод 4." in text
    assert main(["--project", str(root), "build", "--lang", "ru", "--final"]) == 1
    out = capsys.readouterr().out
    assert "\nexport       ru/7: pdf incomplete, docx incomplete\n" in out
    assert "\n  ru/7  refused: 7 of 7 segments not reviewed (--final)\n" in out


# --- similarity bounds (gettext's fstrcmp_bounded) -------------------------------------------


def test_similarity_of_empty_and_unequal_lengths() -> None:
    assert similarity(b"", b"") == 1.0
    assert similarity(b"a", b"") == 0.0
    assert similarity(b"ABCDEF", b"ABCDEFGHIJ") == 0.75  # no lower bound by default


def test_similarity_lower_bound_is_inclusive() -> None:
    """Lengths alone give at most 2·6/16 = 0.75: computed at bound 0.75, ruled out above it."""
    assert similarity(b"ABCDEF", b"ABCDEFGHIJ", 0.75) == 0.75
    assert similarity(b"ABCDEF", b"ABCDEFGHIJ", 0.76) == 0.0
    assert similarity(b"AB", b"ABCDEFGHIJ", 0.5) == 0.0  # at most 2·2/12 = 0.33
    assert similarity(b"AB", b"ABCDEFGHIJ", 0.3) == 4 / 12


def test_lcs_counts_a_repeated_item_once_per_match() -> None:
    assert lcs_length(b"ab", b"bb") == 1
    assert lcs_length(b"abc", b"ccc") == 1
    assert lcs_length(b"aba", b"bab") == 2
