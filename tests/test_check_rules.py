"""The QA rules Q106–Q117 on real sentences of the essay, in English, Russian and Kazakh.

Each case is a source sentence, a translation with a typical slip (the rule must fire) and
the reviewed translation (it must not).  The last tests seed such slips into copies of the
committed catalogs and run ``workflow check`` on them.
"""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

from workflow.checks import CheckContext, Entry, check_entry, markup, quantities, structure
from workflow.cli import main
from workflow.config import CheckSettings
from workflow.glossary import load_glossary
from workflow.po import load_po, save_po

GLOSSARY = load_glossary(Path(__file__).parent / "data" / "glossary" / "terms.yaml")
CONTEXT = CheckContext(GLOSSARY)

S_1989 = "私が初めて中央アジアと向き合ったのは1989年、まだ旧ソ連が存在していた時代である。"
S_EMPIRE = "そんな「閉じた資源帝国」の姿だった。"
S_ROLE = (
    "それでも私は一貫して、中央アジアにおける日本の役割は「量の争奪」ではなく、"
    "「質と信頼」にあると考えてきた。"
)
S_WEIGHT = "だが、だからこそ重い。"
S_TIME = "地質学的な時間、帝国の興亡の時間、そして商人として現場を歩いた自分自身の時間――。"

T_1989 = {
    "en": "My first encounter with Central Asia came in 1989, when the Soviet Union still existed.",
    "ru": "Впервые я соприкоснулся с Центральной Азией в 1989 году, когда Советский Союз ещё "
    "существовал.",
    "kk": "Мен Орталық Азиямен алғаш рет 1989 жылы, Кеңес Одағы әлі өмір сүріп тұрған кезде "
    "бетпе-бет келдім.",
}
T_EMPIRE = {
    "en": "such was the face of the “closed resource empire”.",
    "ru": "таким был облик «закрытой ресурсной империи».",
    "kk": "«жабық ресурстық империяның» бейнесі осындай еді.",
}
T_ROLE = {
    "en": "Even so, I have always held that Japan’s role in Central Asia lies not in “a scramble "
    "for quantity” but in “quality and trust”.",
    "ru": "И всё же я неизменно считал, что роль Японии в Центральной Азии — не в «борьбе за "
    "количество», а в «качестве и доверии».",
    "kk": "Соған қарамастан мен Жапонияның Орталық Азиядағы рөлі «көлем үшін таласта» емес, "
    "«сапа мен сенімде» деп үнемі есептеп келдім.",
}
T_WEIGHT = {
    "en": "Yet that is precisely what gives it weight.",
    "ru": "Но именно поэтому всё это так весомо.",
    "kk": "Бірақ дәл сондықтан да оның салмағы ауыр.",
}


def found(code: str, source: str, translation: str, lang: str, context=CONTEXT) -> list[str]:
    """Messages of findings with *code* for one entry."""
    entry = Entry("locales/x/118.po", 42, source, translation, lang)
    return [item.message for item in check_entry(entry, context) if item.code == code]


def slip(code: str, lang: str, source: str, good: str, bad: str) -> None:
    """*bad* is flagged with *code*, *good* is not."""
    assert found(code, source, bad, lang), f"{code} missed in {lang}: {bad!r}"
    assert not found(code, source, good, lang), f"{code} false alarm in {lang}: {good!r}"


LANGS = ("en", "ru", "kk")


# --- whitespace -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("edge", [" {}", "{} ", "{}\n", "\t{}", "{}\u00a0"])
def test_q106_edge_whitespace(lang, edge):
    slip("Q106", lang, S_WEIGHT, T_WEIGHT[lang], edge.format(T_WEIGHT[lang]))


def test_q106_whitespace_the_source_has_is_fine():
    assert not found("Q106", " だが、だからこそ重い。", " Yet that is why.", "en")


@pytest.mark.parametrize(
    ("lang", "bad"),
    [
        ("en", "Yet that is precisely what gives it the the weight."),
        ("en", "Yet yet that is precisely what gives it weight."),
        ("en", "Yet that is precisely what\ngives gives it weight."),
        ("ru", "Но именно поэтому всё всё это так весомо."),
        ("ru", "Но именно поэтому в в этом вес."),
        ("kk", "Бірақ дәл сондықтан да оның оның салмағы ауыр."),
        ("kk", "Бірақ Дәл дәл сондықтан да оның салмағы ауыр."),
    ],
)
def test_q107_doubled_word(lang, bad):
    slip("Q107", lang, S_WEIGHT, T_WEIGHT[lang], bad)


@pytest.mark.parametrize(
    ("lang", "good"),
    [
        ("en", "By then she had had enough of it."),
        ("en", "Rare metals, metals of the future."),
        ("ru", "Он шёл еле-еле, тихо-тихо."),
        ("kk", "Ол жай-жай, ақырын-ақырын жүрді."),
    ],
)
def test_q107_legitimate_repeats(lang, good):
    assert not found("Q107", S_WEIGHT, good, lang)


# --- scripts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "damage",
    [
        lambda t: t[:-1] + "。",  # the Japanese full stop kept
        lambda t: t.replace(",", "、", 1) if "," in t else "だが、" + t,
        lambda t: t.replace("«", "「").replace("»", "」").replace("“", "「").replace("”", "」"),
        lambda t: t + " （資源帝国）",  # an untranslated gloss
        lambda t: "ソ連・" + t,
    ],
)
def test_q108_japanese_left_over(lang, damage):
    bad = damage(T_EMPIRE[lang])
    assert found("Q108", S_EMPIRE, bad, lang), bad
    assert not found("Q108", S_EMPIRE, T_EMPIRE[lang], lang)


@pytest.mark.parametrize(
    ("lang", "bad"),
    [
        ("ru", "Но именно поэтому всё это так important."),
        ("ru", "Но именно поэтому the weight всё это так весомо."),
        ("kk", "Бірақ дәл сондықтан да оның weight-і ауыр."),
        ("kk", "Бірақ precisely сондықтан да оның салмағы ауыр."),
        ("en", "Yet that is precisely what gives it весомость."),
        ("en", "Yet that is precisely what gives it салмақ."),
    ],
)
def test_q109_word_in_the_wrong_script(lang, bad):
    slip("Q109", lang, S_WEIGHT, T_WEIGHT[lang], bad)


@pytest.mark.parametrize(
    ("lang", "source", "good"),
    [
        ("ru", "鉄道ルート修復のODAの調印。", "Подписание соглашения ODA о ремонте дорог."),
        ("kk", "鉄道ルート修復のODAの調印。", "Темір жолды жөндеуге арналған ODA-ның келісімі."),
        ("ru", "20世紀のタンタル。", "Тантал (Ta) в XX веке."),
        ("kk", "ＪＯＧＭＥＣの調査。", "JOGMEC зерттеуі."),
        ("ru", "人工知能の時代。", "Эпоха AI."),
    ],
)
def test_q109_allowed_latin_words(lang, source, good):
    settings = CheckSettings(allowed_words={"ru": ["AI"]})
    assert not found("Q109", source, good, lang, CheckContext(GLOSSARY, settings))


def test_q109_allow_list_is_per_language():
    context = CheckContext(GLOSSARY, CheckSettings(allowed_words={"ru": ["AI"]}))
    assert found("Q109", "人工知能の時代。", "AI дәуірі.", "kk", context) == [
        "Latin word(s) in Cyrillic text: 'AI'"
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "damage",
    [
        lambda t: t.replace("1989", "１９８９"),
        lambda t: t.replace(" ", "\u3000", 1),
        lambda t: t.replace(",", "，", 1),
        lambda t: t[:-1] + "！",
        lambda t: t.replace("1989", "1989（ＵＳＳＲ）"),
    ],
)
def test_q110_full_width(lang, damage):
    slip("Q110", lang, S_1989, T_1989[lang], damage(T_1989[lang]))


def test_q110_message_names_the_ordinary_characters():
    assert found("Q110", S_1989, "In １９８９.", "en") == [
        "full-width characters: '１９８９' → '1989'"
    ]


# --- typography -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "bad"),
    [
        ("en", 'Even so, Japan’s role lies not in "a scramble for quantity" but in “trust”.'),
        ("en", "Even so, Japan's role lies not in “a scramble for quantity” but in “trust”."),
        ("en", "Even so, Japan’s role lies not in «a scramble for quantity» but in “trust”."),
        ("en", "Even so, Japan’s role lies not in „a scramble for quantity“ but in “trust”."),
        ("en", "Even so, Japan’s role lies not in 'a scramble for quantity' but in “trust”."),
        ("ru", 'И всё же роль Японии — не в "борьбе за количество", а в «качестве и доверии».'),
        ("ru", "И всё же роль Японии — не в “борьбе за количество”, а в «качестве и доверии»."),
        ("ru", "И всё же роль Японии — не в 'борьбе за количество', а в «качестве и доверии»."),
        ("kk", 'Жапонияның рөлі "көлем үшін таласта" емес, «сапа мен сенімде» деп есептедім.'),
        ("kk", "Жапонияның рөлі “көлем үшін таласта” емес, «сапа мен сенімде» деп есептедім."),
        ("kk", "Жапонияның рөлі «көлем үшін таласта» емес, ‘сапа мен сенімде’ деп есептедім."),
    ],
)
def test_q111_quote_style(lang, bad):
    slip("Q111", lang, S_ROLE, T_ROLE[lang], bad)


@pytest.mark.parametrize(
    ("lang", "good"),
    [
        ("ru", "Он назвал это «империей „закрытых“ ресурсов»."),
        ("kk", "Ол мұны «„жабық“ ресурстар империясы» деп атады."),
        ("en", "He called it “an empire of ‘closed’ resources”, Japan’s phrase."),
    ],
)
def test_q111_nested_quotes_and_apostrophes(lang, good):
    assert not found("Q111", S_EMPIRE, good, lang)


@pytest.mark.parametrize(
    ("lang", "bad"),
    [
        ("en", "Geological time - the time of empires - and my own time as a merchant—"),
        ("en", "Geological time -- the time of empires -- and my own time as a merchant—"),
        ("en", "Geological time, the time of empires, and my own time as a merchant――"),
        ("ru", "Геологическое время - время империй - и моё собственное время —"),
        ("ru", "Геологическое время – время империй – и моё собственное время —"),
        ("ru", "Геологическое время—время империй и моё собственное время —"),
        ("kk", "Геологиялық уақыт - империялардың уақыты - және менің уақытым —"),
        ("kk", "Геологиялық уақыт, империялардың уақыты және менің уақытым ―"),
    ],
)
def test_q112_dash_style(lang, bad):
    good = {
        "en": "Geological time, the time of empires—and my own time as a merchant—",
        "ru": "Геологическое время, время империй и, наконец, моё собственное время —",
        "kk": "Геологиялық уақыт, империялардың уақыты және менің уақытым —",
    }[lang]
    slip("Q112", lang, S_TIME, good, bad)


def test_q112_ranges_and_compounds_are_fine():
    for lang, text in (
        ("en", "In 1989–1993 the post–Cold War order began, a rare-metal boom."),
        ("ru", "В 1989–1993 годах Усть-Каменогорск — центр."),
        ("kk", "1989–1993 жылдары Өскемен — орталық."),
    ):
        assert not found("Q112", S_1989, text, lang)


# --- markup, URLs -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "damage",
    [
        lambda t: "<b>" + t[:10] + "</b>" + t[10:],
        lambda t: t.replace(" ", "&nbsp;", 1),
        lambda t: t.replace(" ", " &mdash; ", 1),
        lambda t: t.replace(" ", " &#8212; ", 1),
        lambda t: t + "<br/>",
        lambda t: "**" + t[:10] + "**" + t[10:],
        lambda t: t.replace(" ", ' <span class="x">', 1),
    ],
)
def test_q113_markup(lang, damage):
    slip("Q113", lang, S_1989, T_1989[lang], damage(T_1989[lang]))


def test_q113_markup_the_source_has_and_comparisons_are_fine():
    assert not found("Q113", "<b>重要</b>な点。", "The <b>important</b> point.", "en")
    assert not found("Q113", "a<bとb>c。", "If a < b and b > c, x & y.", "en")


URL_SOURCE = "詳しくは https://www.jogmec.go.jp/report/118 または info@rare-metals.jp まで。"


@pytest.mark.parametrize(
    ("lang", "good"),
    [
        ("en", "See https://www.jogmec.go.jp/report/118 or info@rare-metals.jp."),
        ("ru", "Подробнее: https://www.jogmec.go.jp/report/118 или info@rare-metals.jp."),
        ("kk", "Толығырақ: «https://www.jogmec.go.jp/report/118», info@rare-metals.jp."),
    ],
)
def test_q116_urls_and_emails(lang, good):
    for bad in (
        good.replace("report/118", "report/119"),
        good.replace("https://www.jogmec.go.jp/report/118", "jogmec.go.jp"),
        good.replace("info@rare-metals.jp", "info@rare-metal.jp"),
        good.replace("info@rare-metals.jp", "info @ rare-metals.jp"),
        good.replace("https://", "http://"),
    ):
        slip("Q116", lang, URL_SOURCE, good, bad)
    assert found("Q116", S_WEIGHT, T_WEIGHT[lang] + " https://example.org", lang)


def test_q116_full_width_source_address():
    assert not found("Q116", "ａ＠ｂ.jp まで。", "Write to a@b.jp.", "en")


# --- quantities -------------------------------------------------------------------------------

PERCENT_SOURCE = "世界のタンタル生産の約30%と、1,000トンの在庫。"


@pytest.mark.parametrize(
    ("lang", "good", "bad"),
    [
        (
            "en",
            "About 30% of world tantalum and 1,000 tonnes in stock.",
            "About 30 of world tantalum and 1,000 tonnes in stock.",
        ),
        (
            "en",
            "About 30 per cent of world tantalum and 1,000 t in stock.",
            "About 30% of world tantalum and 1,000 kg in stock.",
        ),
        (
            "ru",
            "Около 30 % мирового тантала и 1000 т запасов.",
            "Около 30 мирового тантала и 1000 т запасов.",
        ),
        (
            "ru",
            "Около 30 процентов тантала и 1000 тонн запасов.",
            "Около 30 процентов тантала и 1000 кг запасов.",
        ),
        (
            "kk",
            "Әлемдік танталдың 30%-ы және 1000 тонна қор.",
            "Әлемдік танталдың 30-ы және 1000 тонна қор.",
        ),
        (
            "kk",
            "Әлемдік танталдың 30 пайызы және 1000 т қор.",
            "Әлемдік танталдың 30 пайызы және 1000 қор.",
        ),
    ],
)
def test_q117_percentages_and_units(lang, good, bad):
    slip("Q117", lang, PERCENT_SOURCE, good, bad)


def test_q117_counts_and_times_are_not_units():
    assert not found(
        "Q117", "2度訪れ、3回目で30人に会った。", "I went twice and met 30 people.", "en"
    )


def test_q117_full_width_percent_and_currency():
    source = "約３０％、３億ドル。"
    assert not found("Q117", source, "About 30%, 300 million dollars.", "en")
    assert found("Q117", source, "About 30%, 300 million.", "en") == [
        "dollar of the source is missing"
    ]
    assert not found("Q117", source, "Около 30 %, 300 млн долл.", "ru")
    assert not found("Q117", source, "Шамамен 30%, 300 млн доллар.", "kk")


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_q114_added_sentence(lang):
    extra = {
        "en": " This was the year everything changed.",
        "ru": " Всё изменилось.",
        "kk": " Бәрі өзгерді.",
    }[lang]
    slip("Q114", lang, S_1989, T_1989[lang], T_1989[lang] + extra)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In 1989 (see p. 3), when Mr. Gorbachev said «No. Never.» the U.S. Army stood."),
        ("ru", "В 1989 г. С. Накамура впервые увидел СССР, т. е. «империю. Закрытую»."),
        ("kk", "1989 ж. Ш. Накамура КСРО-ны алғаш рет көрді."),
    ],
)
def test_q114_abbreviations_initials_and_quotes_are_one_sentence(lang, text):
    assert not found("Q114", S_1989, text, lang)


def test_q114_dash_continuation():
    assert not found("Q114", S_TIME, "Геологическое время, моё собственное время —", "ru")
    assert not found("Q114", S_TIME, "Geological time, and my own time.", "en")
    assert found("Q114", S_TIME, "Geological time. And my own time. Then.", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_q115_truncated_and_padded(lang):
    reviewed = T_1989[lang]
    truncated = reviewed[: len(reviewed) * 2 // 5].rstrip() + "."
    padded = reviewed[:-1] + ", " + reviewed[:-1] + ", " + reviewed
    slip("Q115", lang, S_1989, reviewed, truncated)
    slip("Q115", lang, S_1989, reviewed, padded)


def test_q115_bounds_from_settings_and_short_sources_skipped():
    tight = CheckContext(GLOSSARY, CheckSettings(length_ratio={"en": (3.0, 3.1)}))
    assert found("Q115", S_1989, T_1989["en"], "en", tight)
    assert not found("Q115", "中村繁夫", "Shigeo Nakamura, the author of the series", "en")


def test_calibration_contains_every_reviewed_ratio_with_a_margin():
    pairs = [(S_1989, T_1989["en"]), (S_WEIGHT, T_WEIGHT["en"]), (S_ROLE, T_ROLE["en"])] * 4
    result = structure.calibrate("en", pairs)
    assert result is not None and result.entries == 12
    for source, target in pairs:
        assert not found(
            "Q115",
            source,
            target,
            "en",
            CheckContext(GLOSSARY, CheckSettings(length_ratio={"en": (result.low, result.high)})),
        )
    assert structure.calibrate("en", pairs[:9]) is None


def test_doctests_of_the_rule_modules():
    for module in (structure, markup, quantities):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


# --- seeded slips in the committed catalogs ---------------------------------------------------

#: (language, index of a reviewed entry, damage, expected code)
SEEDS = [
    ("en", 8, lambda t: t.replace("the world", "the the world"), "Q107"),
    ("ru", 8, lambda t: t + " ", "Q106"),
    ("kk", 8, lambda t: t[:-1] + "。", "Q108"),
    ("ru", 9, lambda t: t.replace("призму", "lens"), "Q109"),
    ("en", 7, lambda t: t.replace("1989", "１９８９"), "Q110"),
    ("ru", 14, lambda t: t.replace("«", '"').replace("»", '"'), "Q111"),
    ("kk", 23, lambda t: t.replace(" — ", " - ", 1) if " — " in t else t + " - иә", "Q112"),
    ("en", 23, lambda t: t.replace("vast", "<i>vast</i>"), "Q113"),
    ("kk", 30, lambda t: t + " Бұл өте маңызды болды.", "Q114"),
    ("ru", 35, lambda t: t[: len(t) // 3] + ".", "Q115"),
    ("en", 40, lambda t: t.replace("“", '"').replace("”", '"'), "Q111"),
]


def test_seeded_slips_in_the_real_catalogs_are_each_found(essay_project, capsys):
    seeded = set()
    for lang, index, damage, code in SEEDS:
        path = essay_project / "locales" / lang / "118.po"
        po = load_po(path)
        entry = [item for item in po if item.msgid][index]
        entry.msgstr = damage(entry.msgstr)
        save_po(po, path)
        seeded.add((lang, entry.msgid, code))
    lines = {
        lang: {
            entry.msgid: entry.linenum
            for entry in load_po(essay_project / "locales" / lang / "118.po")
        }
        for lang in LANGS
    }
    expected = {(lang, lines[lang][msgid], code) for lang, msgid, code in seeded}
    assert main(["--project", str(essay_project), "check", "--format", "json", "--no-cache"]) == 1
    report = json.loads(capsys.readouterr().out)["diagnostics"]
    reported = {(item["path"].split("/")[1], item["line"], item["code"]) for item in report}
    assert expected <= reported
    assert {(lang, line) for lang, line, _ in reported} == {
        (lang, line) for lang, line, _ in expected
    }


def test_committed_catalogs_have_no_findings(essay_project, capsys):
    assert main(["--project", str(essay_project), "check", "--no-cache", "--strict"]) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings, 0 info, 0 waived\n"


def test_q109_kazakh_in_russian_and_russian_in_kazakh():
    assert found("Q109", S_WEIGHT, "Но именно поэтому оның салмағы ауыр.", "ru") == [
        "Kazakh word(s) in Russian text: 'оның', 'салмағы'"
    ]
    assert found("Q109", S_1989, T_1989["ru"], "kk")  # the Russian sentence in the kk catalog
    assert not found("Q109", S_1989, T_1989["kk"], "kk")
    assert not found("Q109", "中村繁夫", "Сигэо Накамура", "kk")  # short: names


@pytest.mark.parametrize("lang", LANGS)
def test_q106_line_break_inside(lang):
    text = T_WEIGHT[lang]
    middle = text.index(" ", len(text) // 2)
    slip("Q106", lang, S_WEIGHT, text, text[:middle] + "\n" + text[middle + 1 :])


# --- the earlier rules, in every language -----------------------------------------------------

S_STATS = "ラズノインポルトの統計はあるが現場がない。"
S_ODA = "鉄道ルート修復のODAの調印。"
#: code → (source, {language: (reviewed translation, slip)})
EARLIER = {
    "G001": (
        S_STATS,
        {
            "en": (
                "Raznoimport’s statistics existed, but not the sites.",
                "Raznoexport’s statistics existed, but not the sites.",
            ),
            "ru": (
                "Статистика Разноимпорта была, а объектов не было.",
                "Статистика Разноэкспорта была, а объектов не было.",
            ),
            "kk": (
                "Разноимпорттың статистикасы бар еді, нысандар жоқ.",
                "Разноэкспорттың статистикасы бар еді, нысандар жоқ.",
            ),
        },
    ),
    "G002": (
        S_ODA,
        {
            "en": (
                "The signing of the ODA agreement for the railway.",
                "The signing of the Oda agreement for the railway.",
            ),
            "ru": (
                "Подписание соглашения ODA о ремонте железной дороги.",
                "Подписание соглашения ОДА о ремонте железной дороги.",
            ),
            "kk": (
                "Темір жолды жөндеу туралы ODA келісіміне қол қою.",
                "Темір жолды жөндеу туралы ОДА келісіміне қол қою.",
            ),
        },
    ),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(EARLIER))
def test_glossary_rules_in_every_language(code, lang):
    source, cases = EARLIER[code]
    good, bad = cases[lang]
    slip(code, lang, source, good, bad)


@pytest.mark.parametrize("lang", LANGS)
def test_q101_to_q105_in_every_language(lang):
    good = T_1989[lang]
    homoglyph = good.replace("a", "а", 1) if lang == "en" else good.replace("а", "a", 1)
    slip("Q101", lang, S_1989, good, good.replace("1989", "1998"))
    slip("Q102", lang, S_EMPIRE, T_EMPIRE[lang], T_EMPIRE[lang].replace("»", "").replace("”", ""))
    slip("Q103", lang, S_1989, good, good[:-1])
    slip("Q104", lang, S_1989, good, homoglyph)
    slip("Q105", lang, S_1989, good, good.replace(" ", "  ", 1))
