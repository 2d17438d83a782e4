"""Glossary loading, validation (path:line and field) and Japanese-side lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from workflow.errors import InputError
from workflow.glossary import Glossary, Term, load_glossary

DATA = Path(__file__).parent / "data" / "glossary"

ENTRY = """\
  - id: {id}
    kind: place
    ja: [{ja}]
    en: Moscow
    ru: Москва
    kk: Мәскеу
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "terms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        load_glossary(write(tmp_path, text))
    return caught.value


def test_fixture_glossary_loads_with_all_fields():
    glossary = load_glossary(DATA / "terms.yaml")
    term = glossary.get("raznoimport")
    assert term.kind == "organization"
    assert term.target("ru") == "Разноимпорт"
    assert term.accepted_forms("kk") == ["Разноимпорт", "Разноимпорт бірлестігі"]
    assert term.accepted_forms("en") == ["Raznoimport"]
    assert glossary.get("oda").keep is True
    assert term.keep is False


REAL = Path(__file__).parent.parent / "glossary" / "terms.yaml"


def test_real_glossary_loads():
    glossary = load_glossary(REAL)
    assert glossary.terms
    for term in glossary.terms:
        assert all(term.accepted_forms(lang) for lang in ("en", "ru", "kk"))


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_real_glossary_gives_each_target_form_to_one_term(lang):
    owners: dict[str, list[str]] = {}
    for term in load_glossary(REAL).terms:
        for form in term.accepted_forms(lang):
            owners.setdefault(form.casefold(), []).append(term.id)
    assert {form: ids for form, ids in owners.items() if len(ids) > 1} == {}


def test_real_glossary_city_names_follow_the_style_guide():
    glossary = load_glossary(REAL)
    ust, oskemen = glossary.get("ust-kamenogorsk"), glossary.get("oskemen")
    assert ust.accepted_forms("kk") == ["Усть-Каменогорск"]  # only as «орысша —» gloss
    assert oskemen.target("kk") == "Өскемен"
    assert oskemen.accepted_forms("ru") == ["Өскемен"]  # «(каз. Өскемен)», not «ныне Оскемен»
    assert "Орал" not in glossary.get("urals").accepted_forms("kk")  # the city of Oral
    assert glossary.get("kyrgyzstan").target("ru") == "Кыргызстан"
    assert glossary.get("turkmenistan").target("ru") == "Туркменистан"
    assert glossary.get("oda").accepted_forms("ru") == ["ОПР", "ODA"]


def test_real_glossary_night_labels_match_the_exports():
    from workflow import languages

    note = load_glossary(REAL).get("series-title").note
    for lang in ("ja", "en", "ru", "kk"):
        label = languages.get(lang).night(118)
        assert label in note, label
    assert "118-я" not in note


def test_find_source_terms_longest_match_first_in_order():
    glossary = Glossary(
        terms=[
            Term(id="ust", kind="place", ja=["ウスチ・カメノゴルスク"], en="U", ru="У", kk="Ө"),
            Term(id="kamen", kind="place", ja=["カメノゴルスク"], en="K", ru="К", kk="К"),
            Term(id="ta", kind="material", ja=["タンタル"], en="t", ru="т", kk="т"),
        ]
    )
    text = "タンタルはウスチ・カメノゴルスクとカメノゴルスクで"
    found = [(m.term.id, m.form, text[m.start : m.end]) for m in glossary.find_source_terms(text)]
    assert found == [
        ("ta", "タンタル", "タンタル"),
        ("ust", "ウスチ・カメノゴルスク", "ウスチ・カメノゴルスク"),
        ("kamen", "カメノゴルスク", "カメノゴルスク"),
    ]


def test_katakana_form_does_not_match_inside_longer_katakana_word():
    glossary = Glossary(
        terms=[Term(id="u", kind="material", ja=["ウラン"], en="uranium", ru="уран", kk="уран")]
    )
    assert glossary.find_source_terms("ウランバートルに行く") == []
    assert [m.form for m in glossary.find_source_terms("ウラン鉱山")] == ["ウラン"]


def test_variants_of_one_term():
    glossary = load_glossary(DATA / "terms.yaml")
    ids = [m.term.id for m in glossary.find_source_terms("ウスチカメノゴルスク(現ウスケメン)")]
    assert ids == ["ust-kamenogorsk", "oskemen"]


def test_missing_field_names_line_and_field(tmp_path):
    text = "terms:\n" + ENTRY.format(id="moscow", ja="モスクワ").replace("    kk: Мәскеу\n", "")
    error = error_of(tmp_path, text)
    assert error.line == 2
    assert "missing field 'kk'" in error.message
    assert "'moscow'" in error.message


def test_invalid_kind_points_at_the_field_line(tmp_path):
    text = "terms:\n" + ENTRY.format(id="moscow", ja="モスクワ").replace("place", "city")
    error = error_of(tmp_path, text)
    assert (error.line, "'kind'" in error.message) == (3, True)
    assert str(error).startswith(f"{tmp_path / 'terms.yaml'}:3: ")


def test_unknown_field_is_rejected_by_name(tmp_path):
    text = "terms:\n" + ENTRY.format(id="moscow", ja="モスクワ") + "    colour: red\n"
    error = error_of(tmp_path, text)
    assert "unknown field 'colour'" in error.message
    assert error.line == 8


def test_bad_id_and_empty_target(tmp_path):
    error = error_of(tmp_path, "terms:\n" + ENTRY.format(id="Moscow City", ja="モスクワ"))
    assert "'id'" in error.message and error.line == 2
    text = "terms:\n" + ENTRY.format(id="moscow", ja="モスクワ").replace("Москва", '""')
    error = error_of(tmp_path, text)
    assert "'ru'" in error.message and error.line == 6
    assert "must not be empty" in error.message and "Value error" not in error.message


def test_same_japanese_form_in_two_terms_names_both_lines(tmp_path):
    text = (
        "terms:\n"
        + ENTRY.format(id="moscow", ja="モスクワ")
        + ENTRY.format(id="moskva", ja="ソ連, モスクワ")
    )
    error = error_of(tmp_path, text)
    assert "'モスクワ'" in error.message
    assert "line 4" in error.message and "line 10" in error.message
    assert error.line == 10


def test_duplicate_id_names_both_lines(tmp_path):
    text = (
        "terms:\n"
        + ENTRY.format(id="moscow", ja="モスクワ")
        + ENTRY.format(id="moscow", ja="莫斯科")
    )
    error = error_of(tmp_path, text)
    assert "duplicate term id 'moscow' (lines 2 and 8)" in error.message


def test_duplicate_key_in_one_entry(tmp_path):
    text = "terms:\n" + ENTRY.format(id="moscow", ja="モスクワ") + "    en: Moskva\n"
    error = error_of(tmp_path, text)
    assert "'en' given twice" in error.message and error.line == 8


def test_unsafe_yaml_tag_is_rejected(tmp_path):
    text = "terms:\n  - !!python/object/apply:os.system [echo pwned]\n"
    error = error_of(tmp_path, text)
    assert error.line == 2
    assert "invalid YAML" in error.message


def test_yaml_syntax_error_and_wrong_shapes(tmp_path):
    assert error_of(tmp_path, "terms: [\n").line is not None
    assert "empty" in error_of(tmp_path, "").message
    assert "'words'" in error_of(tmp_path, "words: []\n").message
    assert "'terms'" in error_of(tmp_path, "{}\n").message
    assert error_of(tmp_path, "terms:\n  - just a string\n").line == 2


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read glossary"):
        load_glossary(tmp_path / "absent.yaml")
