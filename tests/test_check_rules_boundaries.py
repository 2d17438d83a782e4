"""Each QA rule of ``workflow check`` at its boundaries, as a translator meets it.

Every case is a real PO file (a Japanese msgid of the essay's kind, an en/ru/kk msgstr) read
by the project's PO reader and checked by :func:`~workflow.checks.check_catalog`; the test
names the exact report line the translator sees (``path:line: severity CODE message
(hint)``), or none for the near miss: the correct translation just inside the boundary.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from workflow.checks import CheckContext, Entry, check_catalog, check_entry, structure
from workflow.config import CheckSettings
from workflow.glossary import load_glossary
from workflow.po import load_po

GLOSSARY = load_glossary(Path(__file__).parent / "data" / "glossary" / "terms.yaml")
CONTEXT = CheckContext(GLOSSARY)
#: Line of the msgid in the catalogs written by :func:`catalog`.
LINE = 9


def _po_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def catalog(folder: Path, lang: str, source: str, translation: str) -> Path:
    """A catalog of one reviewed entry, its msgid on :data:`LINE`, as a PO editor saves it."""
    path = folder / "locales" / lang / "118.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'msgid ""\n'
        'msgstr ""\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {lang}\\n"\n'
        "\n"
        "#. paragraph 4\n"
        "#: sources/ja/118.md:12\n"
        "#, python-format\n"
        f'msgid "{_po_string(source)}"\n'
        f'msgstr "{_po_string(translation)}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def report(tmp_path: Path):
    """``report(code, lang, source, translation[, context])``: the report lines of *code*."""

    def run(
        code: str, lang: str, source: str, translation: str, context: CheckContext = CONTEXT
    ) -> list[str]:
        path = catalog(tmp_path, lang, source, translation)
        findings = check_catalog(load_po(path), f"locales/{lang}/118.po", lang, context)
        return [str(item) for item in findings if item.code == code]

    return run


@pytest.fixture
def details(tmp_path: Path):
    """``details(code, lang, source, translation)``: the machine-readable detail of *code*'s
    findings (the ``detail`` field of JSON and SARIF output)."""

    def run(code: str, lang: str, source: str, translation: str) -> list[str | None]:
        path = catalog(tmp_path, lang, source, translation)
        findings = check_catalog(load_po(path), f"locales/{lang}/118.po", lang, CONTEXT)
        return [item.detail for item in findings if item.code == code]

    return run


def at(lang: str, text: str) -> str:
    """A report line at the entry of :func:`catalog`."""
    return f"locales/{lang}/118.po:{LINE}: {text}"


# --- Q101 numbers ---------------------------------------------------------------------------------

Q101_HINT = "(copy the number (digits) into the translation)"


def q101(lang: str, number: str) -> str:
    return at(lang, f"error Q101 number {number} of the source is missing in the translation ")


@pytest.mark.parametrize(
    ("lang", "source", "translation", "missing"),
    [
        # A year written wrong, and the same year twice in the source: one finding.
        ("en", "1989年、1989年の春。", "In 1998, the spring of 1998.", ["1989"]),
        ("ru", "1989年に。", "В 1989 году.", []),
        # Thousands separators: comma, space, no-break space, narrow no-break space.
        ("en", "約1,000トン。", "About 1,000 tonnes.", []),
        ("ru", "約1,000トン。", "Около 1 000 т.", []),
        ("ru", "約1,000トン。", "Около 1\u00a0000 т.", []),
        ("kk", "約1,000トン。", "Шамамен 1\u202f000 тонна.", []),
        ("en", "約1,000トン。", "About 1000 tonnes.", []),
        # A full stop is not a thousands separator in these languages: 1.000 is one.
        ("en", "約1,000トン。", "About 1.000 tonnes.", ["1000"]),
        # A decimal comma is the decimal point: 2,5 is 2.5 (and not 2 and 5).
        ("ru", "2.5倍になった。", "Выросло в 2,5 раза.", []),
        ("ru", "2.5倍になった。", "Выросло в 25 раз.", ["2.5"]),
        ("en", "2.5倍になった。", "It grew 2 to 5 times.", ["2.5"]),
        # Full-width digits in the source are the same number.
        ("kk", "１９８９年。", "1989 жыл.", []),
        # A number in a longer one is not the number.
        ("en", "19年。", "In 1989.", ["19"]),
        # Spelled out: 1-12, round tens and 100, in the language's own words (inflected).
        ("en", "3人に会った。", "I met three people.", []),
        ("en", "30人に会った。", "I met thirty people.", []),
        ("en", "100人に会った。", "I met a hundred people.", []),
        ("en", "13人に会った。", "I met thirteen people.", ["13"]),
        ("en", "3人に会った。", "I met thirty people.", ["3"]),
        ("ru", "3人に会った。", "Я встретил трёх человек.", []),
        ("ru", "12人に会った。", "Я встретил двенадцать человек.", []),
        ("kk", "3人に会った。", "Мен үш адаммен кездестім.", []),
        ("kk", "12人に会った。", "Мен он екі адаммен кездестім.", []),
        ("kk", "12人に会った。", "Мен екі адаммен кездестім.", ["12"]),
        # A decimal is never spelled out.
        ("en", "1.5倍。", "One and a half times.", ["1.5"]),
        # Month numbers may be month names; the day after them may not be dropped.
        ("en", "10月に着いた。", "I arrived in October.", []),
        ("ru", "10月に着いた。", "Я приехал в октябре.", []),
        ("kk", "10月に着いた。", "Мен қазанда келдім.", []),
        ("en", "10月3日に着いた。", "I arrived in October.", ["3"]),
        ("en", "10月に着いた。", "I arrived in ten days.", ["10"]),
    ],
)
def test_q101_number_missing(report, lang, source, translation, missing):
    assert report("Q101", lang, source, translation) == [q101(lang, n) + Q101_HINT for n in missing]


def test_q101_a_number_twice_is_one_finding_for_the_review_report_too():
    """The review report lists :func:`check_entry`'s findings as they come."""
    entry = Entry("locales/en/118.po", LINE, "1989年、1989年の春。", "In 1998, spring.", "en")
    assert [str(item) for item in check_entry(entry, CONTEXT) if item.code == "Q101"] == [
        q101("en", "1989") + Q101_HINT
    ]


def test_q101_detail_is_the_number(details):
    assert details("Q101", "en", "1989年と2.5倍。", "In 1998, 2,5 times.") == ["1989"]


# --- Q117 percentages and units -------------------------------------------------------------------

Q117_HINT = "(carry the unit over (symbol or word of the target language))"


@pytest.mark.parametrize(
    ("lang", "source", "translation", "messages"),
    [
        # Each unit of the source, in each language's words or symbols.
        ("en", "約30%の生産。", "About 30% of output.", []),
        ("en", "約30%の生産。", "About 30 per cent of output.", []),
        ("en", "約30%の生産。", "About 30 percent of output.", []),
        ("en", "約30パーセントの生産。", "About 30% of output.", []),
        ("en", "約30%の生産。", "About 30 of output.", ["percent of the source is missing"]),
        ("ru", "約30%の生産。", "Около 30 % производства.", []),
        ("ru", "約30%の生産。", "Около 30 процентов производства.", []),
        ("ru", "約30%の生産。", "Около 30 производства.", ["percent of the source is missing"]),
        ("kk", "約30%の生産。", "Өндірістің шамамен 30 пайызы.", []),
        ("kk", "約30%の生産。", "Өндірістің шамамен 30%-ы.", []),
        ("kk", "約30%の生産。", "Өндірістің шамамен 30-ы.", ["percent of the source is missing"]),
        # A percentage keeps its sign or word right after its own number.
        ("en", "30%と40%。", "30% and 40 per cent.", []),
        ("en", "30%と40%。", "30% and 40.", ["40 has lost its %"]),
        ("ru", "2.5%の増加。", "Рост на 2,5 %.", []),
        ("ru", "2.5%の増加。", "Рост на 2,5, то есть на %.", ["2,5 has lost its %"]),
        ("en", "30%と30%。", "30 and 30%.", ["30 has lost its %"]),
        ("en", "約３０％と４０％。", "About 30% and 40.", ["40 has lost its %"]),
        ("en", "生産30%増", "Output Up 30 Per Cent", []),
        # Quantities: a number (with 万, 億, 以上 …) right before the unit.
        ("en", "1,000トン以上。", "Over 1,000 tonnes.", []),
        ("en", "1,000トン以上。", "Over 1,000 t.", []),
        ("en", "1,000トン以上。", "Over 1,000 of it.", ["tonne of the source is missing"]),
        ("ru", "3万トン。", "30 тыс. т.", []),
        ("ru", "3万トン。", "30 тысяч тонн.", []),
        ("ru", "3万トン。", "30 тысяч.", ["tonne of the source is missing"]),
        ("kk", "3億ドル。", "300 млн доллар.", []),
        ("kk", "3億ドル。", "300 млн.", ["dollar of the source is missing"]),
        ("en", "500kmの道。", "A road of 500 kilometres.", []),
        ("en", "500kmの道。", "A 500 km road.", []),
        ("kk", "500kmの道。", "500 шақырым жол.", []),
        ("kk", "500kmの道。", "500 жол.", ["kilometre of the source is missing"]),
        ("en", "100MWの発電所。", "A 100 MW power plant.", []),
        ("en", "100MWの発電所。", "A 100 Megawatt power plant.", []),
        ("ru", "40℃の暑さ。", "Жара в 40 °C.", []),
        ("ru", "40℃の暑さ。", "Жара в 40 градусов.", []),
        ("ru", "40℃の暑さ。", "Жара в 40.", ["degree of the source is missing"]),
        ("en", "1,000円。", "1,000 yen.", []),
        ("en", "1,000円。", "1,000.", ["yen of the source is missing"]),
        ("ru", "500テンゲ。", "500 тенге.", []),
        ("kk", "500テンゲ。", "500 теңге.", []),
        ("kk", "500ルーブル。", "500 рубль.", []),
        ("en", "20ヘクタール。", "20 hectares.", []),
        ("en", "5kgの金。", "5 kilograms of gold.", []),
        # Two units lost: two findings, in the order of the rule.
        (
            "en",
            "30%と1,000トン。",
            "30 and 1,000.",
            ["percent of the source is missing", "tonne of the source is missing"],
        ),
        # Not quantities: a unit word without a number, counts and times.
        ("en", "数トンの鉱石。", "A few of ore.", []),
        ("en", "2度訪れた。", "I went twice.", []),
    ],
)
def test_q117_percent_and_units(report, lang, source, translation, messages):
    expected = [at(lang, f"error Q117 {message} {Q117_HINT}") for message in messages]
    assert report("Q117", lang, source, translation) == expected


def test_q117_detail_is_the_unit(details):
    assert details("Q117", "en", "30%と1,000トン。", "30 and 1,000 tonnes.") == ["percent"]
    assert details("Q117", "en", "30%と40%。", "30% and 40.") == ["percent"]


# --- Q102 brackets and quotes balanced ------------------------------------------------------------

Q102 = (
    "warning Q102 unbalanced quotes or brackets in the translation "
    "(close every « ( [ „ “ you open, and open every one you close)"
)
S_EMPIRE = "そんな「閉じた資源帝国」の姿だった。"


@pytest.mark.parametrize(
    ("lang", "source", "translation", "flagged"),
    [
        ("ru", S_EMPIRE, "таким был облик «закрытой ресурсной империи».", False),
        ("ru", S_EMPIRE, "таким был облик «закрытой ресурсной империи.", True),
        ("ru", S_EMPIRE, "таким был облик закрытой ресурсной империи».", True),
        ("ru", S_EMPIRE, "таким был облик («закрытой ресурсной империи)».", True),
        ("ru", S_EMPIRE, "таким был облик «„закрытой“ ресурсной империи».", False),
        ("ru", S_EMPIRE, "таким был облик «„закрытой ресурсной империи».", True),
        ("kk", S_EMPIRE, "«жабық ресурстық империяның» (КСРО) бейнесі осындай еді.", False),
        ("kk", S_EMPIRE, "«жабық ресурстық империяның» (КСРО бейнесі осындай еді.", True),
        ("en", S_EMPIRE, "such was the face of the “closed resource empire”.", False),
        ("en", S_EMPIRE, "such was the face of the “closed resource empire.", True),
        ("en", S_EMPIRE, "such was the face of the [closed] resource empire.", False),
        ("en", S_EMPIRE, "such was the face of the closed] resource empire.", True),
        ("en", S_EMPIRE, "such was the face of the {closed} resource empire.", False),
        ("en", S_EMPIRE, "such was the face of the {closed resource empire.", True),
        # Straight double quotes: an odd number is unbalanced (Q111 names them in any case).
        ("en", S_EMPIRE, 'such was the face of the "closed resource empire".', False),
        ("en", S_EMPIRE, 'such was the face of the "closed resource empire.', True),
        # A source that opens a quote another entry closes: the translation may too.
        ("ru", "そんな「閉じた資源帝国の姿だった。", "таким был облик «закрытой империи.", False),
        ("ru", "閉じた資源帝国」の姿だった。", "закрытой империи» был облик.", False),
    ],
)
def test_q102_unbalanced_brackets(report, lang, source, translation, flagged):
    assert report("Q102", lang, source, translation) == ([at(lang, Q102)] if flagged else [])


# --- Q103 end punctuation -------------------------------------------------------------------------

Q103_NONE = (
    "warning Q103 source ends a sentence but the translation has no end punctuation "
    "(end with . ! ? or …)"
)
Q103_QUESTION = (
    "warning Q103 source is a question but the translation does not end with ? (end with ?)"
)
Q103_DASH = (
    "warning Q103 source ends with ―― but the translation ends without punctuation "
    "(end with an em dash (—) or . ! ?)"
)
Q103_TITLE = (
    "warning Q103 translation ends with a full stop the source does not have "
    "(remove the final full stop (titles, headings))"
)


@pytest.mark.parametrize(
    ("lang", "source", "translation", "message"),
    [
        ("en", "だが、だからこそ重い。", "Yet that is what gives it weight.", None),
        ("en", "だが、だからこそ重い。", "Yet that is what gives it weight", Q103_NONE),
        ("en", "だが、だからこそ重い。", "Yet that is what gives it weight…", None),
        ("en", "だが、だからこそ重い。", "Yet that is what gives it weight!", None),
        ("ru", "だが、だからこそ重い。", "Но именно поэтому всё это так весомо,", Q103_NONE),
        ("ru", "だが、だからこそ重い！", "Но именно поэтому всё это так весомо!", None),
        ("ru", "だが、だからこそ重い．", "Но именно поэтому всё это так весомо.", None),
        ("ru", "だが、だからこそ重い.", "Но именно поэтому всё это так весомо", Q103_NONE),
        ("en", "だが、だからこそ重い。 ", "Yet that is what gives it weight.", None),
        # Closing quotes and brackets after the punctuation, in the source and translation.
        ("ru", "「今日はここまで。」", "«На сегодня всё.»", None),
        ("ru", "「今日はここまで。」", "«На сегодня всё».", None),
        ("ru", "「今日はここまで。」", "«На сегодня всё»", Q103_NONE),
        ("ru", "「今日はここまで。」", "«На сегодня всё. »", None),
        ("ru", "「今日はここまで。」", "«На сегодня всё.» ", None),
        ("ru", "「今日はここまで。」", "»", None),
        ("en", "「今日はここまで。」", "“That is all for today.”", None),
        ("en", "「今日はここまで。」", "“That is all for today”", Q103_NONE),
        ("kk", "（今日はここまで。）", "(Бүгінге осы.)", None),
        ("kk", "（今日はここまで。）", "(Бүгінге осы) ", Q103_NONE),
        # A question stays a question.
        ("en", "何が変わったのか？", "What had changed?", None),
        ("en", "何が変わったのか？", "What had changed.", Q103_QUESTION),
        ("kk", "何が変わったのか?", "Не өзгерді?", None),
        ("kk", "何が変わったのか?", "Не өзгерді!", Q103_QUESTION),
        ("ru", "「何が変わったのか？」", "«Что изменилось?»", None),
        ("ru", "「何が変わったのか？」", "«Что изменилось».", Q103_QUESTION),
        # A source ending in ―― (with or without 。) may end with a dash or a full stop.
        ("en", "そして自分自身の時間――。", "And my own time—", None),
        ("en", "そして自分自身の時間――", "And my own time.", None),
        ("ru", "そして自分自身の時間――。", "И моё собственное время –", None),
        ("ru", "そして自分自身の時間――。", "И моё собственное время", Q103_DASH),
        ("kk", "そして自分自身の時間――", "Және менің өз уақытым,", Q103_DASH),
        # A title has no full stop, and gets none; an ellipsis is not a full stop.
        ("en", "静かなる地殻変動", "A Quiet Upheaval", None),
        ("en", "計画――X", "Plan—X", None),
        ("en", "静かなる地殻変動", "A Quiet Upheaval.", Q103_TITLE),
        ("en", "静かなる地殻変動……", "A Quiet Upheaval...", None),
        ("ru", "静かなる地殻変動", "Тихий переворот.»", Q103_TITLE),
        ("ru", "静かなる地殻変動", "Тихий переворот!", None),
    ],
)
def test_q103_end_punctuation(report, lang, source, translation, message):
    assert report("Q103", lang, source, translation) == ([at(lang, message)] if message else [])


# --- Q105 doubled spaces, Q106 edge whitespace ----------------------------------------------------

Q105 = "warning Q105 doubled space in the translation (use a single space)"
S_WEIGHT = "だが、だからこそ重い。"


@pytest.mark.parametrize(
    ("lang", "translation", "flagged"),
    [
        ("ru", "Но именно поэтому всё это так весомо.", False),
        ("ru", "Но именно поэтому  всё это так весомо.", True),
        ("ru", "Но именно поэтому   всё это так весомо.", True),
        ("kk", "Бірақ дәл\u00a0\u00a0сондықтан да оның салмағы ауыр.", True),
        ("kk", "Бірақ дәл \u00a0сондықтан да оның салмағы ауыр.", True),
        ("kk", "Бірақ дәл\u00a0сондықтан да оның салмағы ауыр.", False),
        ("en", "Yet that is precisely\t what gives it weight.", False),
        # Whitespace at the edges is Q106's, not a doubled space.
        ("en", "Yet that is precisely what gives it weight.  ", False),
        ("en", "  Yet that is precisely what gives it weight.", False),
    ],
)
def test_q105_doubled_space(report, lang, translation, flagged):
    assert report("Q105", lang, S_WEIGHT, translation) == ([at(lang, Q105)] if flagged else [])


def q106(side: str, char: str) -> str:
    return at(
        "ru",
        f"warning Q106 {side} whitespace {char!r} that the source does not have "
        f"(remove the {side} whitespace)",
    )


Q106_BREAK = at(
    "ru",
    "warning Q106 line break inside the translation that the source does not have "
    "(join the lines (a PO editor's Enter key))",
)
T_WEIGHT = "Но именно поэтому всё это так весомо."


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        (S_WEIGHT, T_WEIGHT, []),
        (S_WEIGHT, " " + T_WEIGHT, [q106("leading", " ")]),
        (S_WEIGHT, "\u00a0" + T_WEIGHT, [q106("leading", "\u00a0")]),
        (S_WEIGHT, T_WEIGHT + "\t", [q106("trailing", "\t")]),
        # A trailing newline is not a line break inside.
        (S_WEIGHT, T_WEIGHT + "\n", [q106("trailing", "\n")]),
        (S_WEIGHT, " " + T_WEIGHT + " ", [q106("leading", " "), q106("trailing", " ")]),
        (S_WEIGHT, "Но именно поэтому\nвсё это так весомо.", [Q106_BREAK]),
        ("\n" + S_WEIGHT, "\n" + T_WEIGHT, []),
        (S_WEIGHT + " ", T_WEIGHT + " ", []),
        (" " + S_WEIGHT, " " + T_WEIGHT + " ", [q106("trailing", " ")]),
        ("だが、\nだからこそ重い。", "Но именно поэтому\nвсё это так весомо.", []),
    ],
)
def test_q106_edge_whitespace(report, source, translation, expected):
    assert report("Q106", "ru", source, translation) == expected


def test_q106_detail_is_the_whitespace(details):
    assert details("Q106", "ru", S_WEIGHT, " " + T_WEIGHT + "\t") == [" ", "\t"]


# --- Q107 doubled words ---------------------------------------------------------------------------


def q107(lang: str, word: str, pair: str) -> str:
    return at(lang, f"error Q107 word '{word}' is doubled: '{pair}' (delete one of them)")


@pytest.mark.parametrize(
    ("lang", "translation", "expected"),
    [
        ("en", "Yet that is what gives it the the weight.", [("the", "the the")]),
        ("en", "Yet Yet that is what gives it weight.", [("Yet", "Yet Yet")]),
        ("en", "Yet that is what gives\nit it weight.", [("it", "it it")]),
        ("kk", "Бірақ Дәл дәл сондықтан да оның салмағы ауыр.", [("Дәл", "Дәл дәл")]),
        ("ru", "Но в в этом и и вес.", [("в", "в в"), ("и", "и и")]),
        # Not a doubled word: a word that starts or ends with the other one.
        ("en", "They wrote the thesis in the theory.", []),
        ("en", "To bathe the child.", []),
        ("ru", "Тот, кто то письмо принёс, — сосед.", []),
        # Allowed doubles of the language, and reduplications with a hyphen.
        ("en", "By then she had had enough of it.", []),
        ("en", "That that is so is clear.", []),
        ("en", "She had had enough of the the weight.", [("the", "the the")]),
        ("ru", "Он had had это.", [("had", "had had")]),
        ("ru", "Кто-то то ли пришёл, то ли нет.", []),
        ("kk", "Ол жай жай-жай жүрді.", []),
        ("ru", "Кто\u2010то то ли пришёл.", []),
        ("kk", "Ол жай жай\u2010жай жүрді.", []),
        ("ru", "Он шёл тихо тихо.", [("тихо", "тихо тихо")]),
        # Digits are not words.
        ("en", "In 1989 1989 was the year.", []),
    ],
)
def test_q107_doubled_word(report, lang, translation, expected):
    found = report("Q107", lang, "だが、だからこそ重い。", translation)
    assert found == [q107(lang, word, pair) for word, pair in expected]


# --- Q104 homoglyphs ------------------------------------------------------------------------------


def q104(lang: str, word: str, scripts: str, odd: str, major: str) -> str:
    return at(
        lang,
        f"error Q104 word '{word}' mixes {scripts} letters ({odd} not {major}) "
        f"(retype the word in {major})",
    )


@pytest.mark.parametrize(
    ("lang", "translation", "expected"),
    [
        ("ru", "Советский Союз ещё существовал.", []),
        # A Latin C typed in a Cyrillic word, a Cyrillic а in an English one, a Greek α.
        (
            "ru",
            "Советский Cоюз ещё существовал.",
            [("Cоюз", "Latin and Cyrillic", "'C'", "Cyrillic")],
        ),
        (
            "en",
            "The Soviet Union still existеd.",
            [("existеd", "Latin and Cyrillic", "'е'", "Latin")],
        ),
        ("en", "The Soviet Uniοn still existed.", [("Uniοn", "Latin and Greek", "'ο'", "Latin")]),
        # The script of most letters is the word's; each odd letter named once.
        (
            "kk",
            "Кеңес Одағы әлі өмір сүpіп тұpған.",
            [
                ("сүpіп", "Cyrillic and Latin", "'p'", "Cyrillic"),
                ("тұpған", "Cyrillic and Latin", "'p'", "Cyrillic"),
            ],
        ),
        (
            "ru",
            "Coвeтcкий Союз.",
            [("Coвeтcкий", "Latin and Cyrillic", "'C', 'o', 'e', 'c'", "Cyrillic")],
        ),
        # Each part of a hyphenated word on its own.
        (
            "kk",
            "Усть-Kаменогорск зауыты.",
            [("Kаменогорск", "Latin and Cyrillic", "'K'", "Cyrillic")],
        ),
        # Words of two scripts side by side, or joined by a hyphen or apostrophe, are not mixed.
        ("kk", "ODA-ның келісімі, O’Нил мырза.", []),
        ("ru", "Тантал (Ta) и ниобий (Nb).", []),
        ("en", "The Soviet Union (СССР) still existed.", []),
        # A letter of no checked script (kanji left over, Q108's) mixes nothing.
        ("ru", "Советский Союз資源 и ODA ещё существовали.", []),
    ],
)
def test_q104_mixed_script(report, lang, translation, expected):
    assert report("Q104", lang, "ソ連はまだ存在していた。", translation) == [
        q104(lang, *case) for case in expected
    ]


def test_q104_detail_is_the_word(details):
    assert details("Q104", "ru", "ソ連。", "Советский Cоюз.") == ["Cоюз"]


# --- Q108 Japanese left, Q110 full-width ----------------------------------------------------------

Q108_HINT = "(translate it, or write the punctuation of the target language (. , « » —))"


@pytest.mark.parametrize(
    ("lang", "translation", "left"),
    [
        ("ru", "таким был облик «закрытой ресурсной империи».", None),
        ("ru", "таким был облик «закрытой ресурсной империи»。", "'。'"),
        ("en", "such was the face of the 「closed resource empire」.", "'「', '」'"),
        ("kk", "«жабық ресурстық империяның» (資源帝国) бейнесі осындай еді.", "'資源帝国'"),
        ("en", "such was the face of the “closed resource empire”, ソ連・ソ連.", "'ソ連・ソ連'"),
        ("en", "such was the face of the ｶﾀｶﾅ empire.", "'ｶﾀｶﾅ'"),
        ("en", "such was the face of the ㇰ empire.", "'ㇰ'"),
        ("en", "such was the face of the 䶵 empire.", "'䶵'"),
        ("en", "such was the face of the 﨑 empire.", "'﨑'"),
        # The ideographic space is Q110's.
        ("en", "such was the face of the\u3000empire.", None),
    ],
)
def test_q108_japanese_left(report, lang, translation, left):
    expected = [at(lang, f"error Q108 Japanese text left in the translation: {left} {Q108_HINT}")]
    assert report("Q108", lang, S_EMPIRE, translation) == (expected if left else [])


def test_q108_detail_is_the_first_run(details):
    assert details("Q108", "en", S_EMPIRE, "the 「closed」 empire。") == ["「"]


Q110_HINT = "(type the ordinary (half-width) characters)"


@pytest.mark.parametrize(
    ("lang", "translation", "listed"),
    [
        ("en", "My first encounter came in 1989.", None),
        ("en", "My first encounter came in １９８９.", "'１９８９' → '1989'"),
        ("ru", "Впервые\u3000в 1989 году.", "'\u3000' → ' '"),
        ("kk", "1989 жылы，алғаш рет！", "'，' → ',', '！' → '!'"),
        ("en", "It cost ￥300 in 1989.", "'￥' → '¥'"),
        ("en", "The ＵＳＳＲ in 1989, the ＵＳＳＲ.", "'ＵＳＳＲ' → 'USSR'"),
        # Half-width katakana is Japanese text (Q108), not full-width.
        ("en", "My first ｶ encounter in 1989.", None),
    ],
)
def test_q110_full_width(report, lang, translation, listed):
    expected = [at(lang, f"error Q110 full-width characters: {listed} {Q110_HINT}")]
    assert report("Q110", lang, "1989年。", translation) == (expected if listed else [])


def test_q110_detail_is_the_first_run(details):
    assert details("Q110", "en", "1989年。", "In １９８９ and，then.") == ["１９８９"]


def test_q109_detail_is_the_first_word_or_the_start_of_the_text(details):
    assert details("Q109", "ru", S_WEIGHT, "Так important и precisely.") == ["important"]
    assert details("Q109", "ru", S_WEIGHT, "Но оның салмағы.") == ["оның"]
    russian = "Впервые я соприкоснулся с Центральной Азией в 1989 году."
    assert details("Q109", "kk", S_WEIGHT, russian) == [russian[:40]]


# --- Q109 words in the wrong script or language ---------------------------------------------------

Q109_HINT = (
    "(translate it, or add it to [tool.workflow.check] allowed-words if it is kept on purpose)"
)


def q109(lang: str, text: str) -> str:
    return at(lang, f"error Q109 {text} {Q109_HINT}")


S_ODA = "鉄道ルート修復のODAの調印。"


@pytest.mark.parametrize(
    ("lang", "source", "translation", "words"),
    [
        (
            "ru",
            S_WEIGHT,
            "Но именно поэтому всё это так important.",
            "Latin word(s) in Cyrillic text: 'important'",
        ),
        (
            "kk",
            S_WEIGHT,
            "Бірақ precisely сондықтан оның weight-і ауыр.",
            "Latin word(s) in Cyrillic text: 'precisely', 'weight'",
        ),
        (
            "en",
            S_WEIGHT,
            "Yet that is what gives it весомость, весомость.",
            "Cyrillic word(s) in Latin text: 'весомость'",
        ),
        (
            "uz",
            S_WEIGHT,
            "Ammo aynan shuning uchun bu og‘ir, весомо.",
            "Cyrillic word(s) in Latin text: 'весомо'",
        ),
        # In the source (full-width too), Roman numerals and element symbols are allowed.
        ("ru", S_ODA, "Подписание соглашения ODA.", None),
        ("kk", "ＪＯＧＭＥＣの調査。", "JOGMEC зерттеуі.", None),
        ("ru", "20世紀のタンタル。", "Тантал (Ta) и ниобий (Nb) в XX и XIX веке.", None),
        (
            "ru",
            "20世紀のタンタル。",
            "Тантал в XX веке, NB.",
            "Latin word(s) in Cyrillic text: 'NB'",
        ),
        (
            "ru",
            "20世紀のタンタル。",
            "Тантал в IIII веке.",
            "Latin word(s) in Cyrillic text: 'IIII'",
        ),
        # A glossary target form (as in terms.yaml) is allowed in its language only.
        (
            "ru",
            S_ODA,
            "Подписание соглашения JICA и ODA.",
            "Latin word(s) in Cyrillic text: 'JICA'",
        ),
        # A Latin letter inside a Cyrillic word is Q104's, not a foreign word.
        ("ru", S_WEIGHT, "Но именно поэтому всё это так вecомо.", None),
        ("en", S_WEIGHT, "Yet that is what gives it weight.", None),
    ],
)
def test_q109_foreign_words(report, lang, source, translation, words):
    assert report("Q109", lang, source, translation) == ([q109(lang, words)] if words else [])


SAME_SCRIPT_HINT = "(translate it into the catalog's language)"


@pytest.mark.parametrize(
    ("lang", "translation", "message"),
    [
        # Kazakh letters in Russian text, capitals too, each word named once.
        (
            "ru",
            "Но именно поэтому оның салмағы, оның.",
            "Kazakh word(s) in Russian text: 'оның', 'салмағы'",
        ),
        ("ru", "Компания Қазатомпром весома.", "Kazakh word(s) in Russian text: 'Қазатомпром'"),
        ("ru", "Но именно поэтому всё это так весомо.", None),
        # Russian left in Kazakh text: 30 letters or more without a Kazakh letter.
        (
            "kk",
            "Впервые я увидел Центральную Азию в 1989.",
            "no Kazakh letter (ә ғ қ ң ө ұ ү һ і) in 30 letters: Russian text?",
        ),
        ("kk", "Впервые я увидел Центральную Азию 1989.", None),
        ("kk", "Мен Орталық Азияны алғаш рет 1989 жылы көрдім.", None),
        ("kk", "МЕН ОРТАЛЫҚ АЗИЯНЫ АЛҒАШ РЕТ 1989 ЖЫЛЫ КӨРДІМ.", None),
        # Languages of a script without distinctive letters: nothing to tell apart.
        ("en", "Yet that is precisely what gives it weight, oʻzbek.", None),
    ],
)
def test_q109_same_script_language(report, lang, translation, message):
    expected = [at(lang, f"error Q109 {message} {SAME_SCRIPT_HINT}")] if message else []
    assert report("Q109", lang, S_WEIGHT, translation) == expected


def test_q109_allowed_words_from_the_settings_and_the_glossary(report):
    settings = CheckSettings(
        allowed_words={
            "ru": ["AI", "Rare-Metals", "O’Neill", "McDonald's", "Қазатомөнеркәсіп"],
            "kk": ["Қазақмыс"],
        }
    )
    context = CheckContext(GLOSSARY, settings)
    # Compared lower-case, word by word, apostrophes of either kind.
    assert report("Q109", "ru", S_WEIGHT, "Эпоха ai, metals и Rare.", context) == []
    assert report("Q109", "ru", S_WEIGHT, "Беседа с O’Neill в McDonald’s.", context) == []
    assert report("Q109", "ru", S_WEIGHT, "Беседа с O'Neill в McDonald's.", context) == []
    assert report("Q109", "kk", S_WEIGHT, "AI дәуірі.", context) == [
        q109("kk", "Latin word(s) in Cyrillic text: 'AI'")
    ]
    assert report("Q109", "ru", S_WEIGHT, "Компания Қазатомөнеркәсіп.", context) == []
    assert report("Q109", "ru", S_WEIGHT, "Компания Қазақмыс.", context) == [
        at(
            "ru",
            "error Q109 Kazakh word(s) in Russian text: 'Қазақмыс' "
            "(translate it into the catalog's language)",
        )
    ]
    no_glossary = CheckContext(None, settings)
    assert report("Q109", "ru", S_WEIGHT, "Эпоха AI.", no_glossary) == []
    assert report("Q109", "ru", S_WEIGHT, "Эпоха ODA.", no_glossary) == [
        q109("ru", "Latin word(s) in Cyrillic text: 'ODA'")
    ]


# --- Q111 quotation marks ---------------------------------------------------------------------

S_ROLE = "日本の役割は「量の争奪」ではなく、「質と信頼」にある。"
EN_STYLE = "are not English style (use “ ” (nested ‘ ’), and ’ as apostrophe)"
RU_STYLE = "are not Russian style (use « » (nested „ “))"
KK_STYLE = "are not Kazakh style (use « » (nested „ “))"


@pytest.mark.parametrize(
    ("lang", "translation", "expected"),
    [
        ("en", "Japan’s role lies not in “quantity” but in “quality and ‘trust’”.", None),
        ("en", 'Japan’s role lies not in "quantity" but in “quality”.', f'" {EN_STYLE}'),
        ("en", "Japan's role lies not in “quantity” but in “quality”.", f"' {EN_STYLE}"),
        (
            "en",
            "Japan’s role lies not in «quantity» but in „quality“ or ‚trust‘.",
            f"«, », „, ‚ {EN_STYLE}",
        ),
        ("ru", "Роль Японии — не в «количестве», а в «„качестве“ и доверии».", None),
        # English quotes in Russian: each mark named once, in the order they are met.
        ("ru", "Роль Японии — не в “количестве”, а в “качестве”.", f"”, “ {RU_STYLE}"),
        ("ru", "Роль Японии — не в ‘количестве’, а в «качестве».", f"‘, ’ {RU_STYLE}"),
        ("ru", "Роль Японии — не в 'количестве', а в \"качестве\".", f"', \" {RU_STYLE}"),
        # “ closes a nested „ only: once per „, however deep.
        ("ru", "Он назвал это «империей „закрытых“ ресурсов“».", f"“ {RU_STYLE}"),
        ("ru", "Он назвал это «„одной „закрытой“ империей“».", None),
        ("kk", "Ол мұны «„жабық“ ресурстар империясы» деп атады.", None),
        ("kk", "Ол мұны “жабық” ресурстар империясы деп атады.", f"”, “ {KK_STYLE}"),
        # An apostrophe between letters is no quotation mark (Кот-д’Ивуар, a country's name).
        ("ru", "Тантал из Кот-д’Ивуара и «Кабо-Верде».", None),
        ("kk", "Кот-д’Ивуардың танталы.", None),
        ("ru", "Тантал из Кот-д'Ивуара.", f"' {RU_STYLE}"),
        ("ru", "Тантал из «Кот-д’Ивуара’.", f"’ {RU_STYLE}"),
    ],
)
def test_q111_quote_style(report, lang, translation, expected):
    found = report("Q111", lang, S_ROLE, translation)
    assert found == ([at(lang, f"error Q111 quotation marks {expected}")] if expected else [])


def test_q111_detail_lists_the_marks(details):
    assert details("Q111", "ru", S_ROLE, "Не в “количестве”.") == ["”, “"]


# --- Q112 dashes --------------------------------------------------------------------------------

S_TIME = "地質学的な時間、帝国の興亡の時間――。"
HYPHEN = "a hyphen used as a dash at column {} (write —)"
DOUBLE = "a double hyphen at column {} (write —)"
JAPANESE = "the Japanese dash ― at column {} (write —)"
EN_DASH = "a spaced en dash at column {} (write a spaced em dash —)"
UNSPACED = "an unspaced em dash at column {} (write ' — ')"


@pytest.mark.parametrize(
    ("lang", "translation", "expected"),
    [
        ("ru", "Геологическое время — время империй —", []),
        # A hyphen between spaces, or opening a line of dialogue; only the first is named.
        ("ru", "Геологическое время - время империй - и моё —", [HYPHEN.format(21)]),
        ("ru", "- Время империй —", [HYPHEN.format(1)]),
        ("ru", "Время -- империй —", [DOUBLE.format(7)]),
        ("en", "Geological time--the time of empires—", [DOUBLE.format(16)]),
        ("ru", "Геологическое время――время империй —", [JAPANESE.format(20)]),
        ("ru", "Геологическое время – время империй —", [EN_DASH.format(21)]),
        ("kk", "Геологиялық уақыт—империялар уақыты —", [UNSPACED.format(18)]),
        # Several kinds: one finding per kind, in the rule's order.
        (
            "ru",
            "Время――и моё время – тоже—так -",
            [JAPANESE.format(6), EN_DASH.format(20), UNSPACED.format(26)],
        ),
        # English sets em dashes closed up and may space an en dash; Uzbek spaces them.
        ("en", "Geological time—the time of empires – and my own—", []),
        (
            "uz",
            "Geologik vaqt – imperiyalar vaqti—mening —",
            [EN_DASH.format(15), UNSPACED.format(34)],
        ),
        # Hyphens in words and numbers, ranges, a triple hyphen and a trailing dash are fine.
        ("ru", "Усть-Каменогорск, 1989–1993, −5 °C, -5 °C, время —", []),
        ("en", "A rare-metal boom in the post–Cold War years, 1989–1993 --- and then—", []),
        ("ru", "Геологическое время, время империй —", []),
    ],
)
def test_q112_dash_style(report, lang, translation, expected):
    assert report("Q112", lang, S_TIME, translation) == [
        at(lang, f"warning Q112 {message}") for message in expected
    ]


def test_q112_detail_is_the_dash(details):
    assert details("Q112", "ru", S_TIME, "Время――и моё время -- тоже.") == ["--", "――"]


# --- Q113 markup --------------------------------------------------------------------------------

Q113_HINT = "(write the character itself (—, &, «) and no markup; exports escape everything)"
S_1989 = "私が初めて中央アジアと向き合ったのは1989年である。"


@pytest.mark.parametrize(
    ("lang", "translation", "expected"),
    [
        ("en", "My first encounter with Central Asia came in 1989.", []),
        ("en", "My <b>first</b> encounter <i>came</i> in 1989.", ["tag '<b>'"]),
        ("en", "My first encounter came in 1989.<br/>", ["tag '<br/>'"]),
        ("ru", 'Впервые <span class="x">я</span> в 1989 году.', ["tag '<span class=\"x\">'"]),
        ("ru", "Впервые&nbsp;я в 1989 году.", ["entity '&nbsp;'"]),
        ("ru", "Впервые я в 1989 году &#8212; давно.", ["entity '&#8212;'"]),
        ("kk", "Мен 1989 жылы &#x2014; алғаш рет.", ["entity '&#x2014;'"]),
        ("kk", "Мен **1989 жылы** алғаш рет.", ["Markdown '**1989 жылы**'"]),
        ("en", "My __first__ encounter came in 1989.", ["Markdown '__first__'"]),
        ("en", "My `first` encounter came in 1989.", ["Markdown '`first`'"]),
        (
            "en",
            "My first encounter came in [1989](https://x.org).",
            ["Markdown '[1989](https://x.org)'"],
        ),
        ("en", "My *first* encounter came in 1989.", ["Markdown '*first*'"]),
        # One finding per kind, in the rule's order.
        (
            "en",
            "My <b>first</b> encounter&nbsp;came in *1989*.",
            ["tag '<b>'", "entity '&nbsp;'", "Markdown '*1989*'"],
        ),
        # Not markup: comparisons, ampersands, asterisks of arithmetic and footnotes.
        ("en", "If a < b and b > c, R&D & AT&T; came in 1989.", []),
        ("en", "In 1989 2*3*4 was 24, 5 * 6 was 30, and a footnote*.", []),
        ("en", "In 1989 the [sic] reading (here) was kept.", []),
    ],
)
def test_q113_markup(report, lang, translation, expected):
    assert report("Q113", lang, S_1989, translation) == [
        at(lang, f"error Q113 {kind} in plain text {Q113_HINT}") for kind in expected
    ]


def test_q113_markup_of_the_source_may_stay(report):
    source = "<b>1989年</b>、**重要**な点&amp;。"
    assert report("Q113", "en", source, "<b>1989</b>, an **important** point&amp;.") == []
    assert report("Q113", "en", source, "<i>1989</i>, an important point.") == []


def test_q113_detail_is_the_markup(details):
    assert details("Q113", "en", S_1989, "My <b>first</b> &amp; *1989*.") == [
        "<b>",
        "&amp;",
        "*1989*",
    ]


# --- Q116 URLs and e-mail addresses -------------------------------------------------------------

S_URL = "詳しくは https://www.jogmec.go.jp/report/118 または info@rare-metals.jp まで。"
URL = "https://www.jogmec.go.jp/report/118"
MAIL = "info@rare-metals.jp"
MISSING = (
    "error Q116 '{}' of the source is missing or changed in the translation "
    "(copy the address exactly)"
)
ADDED = "error Q116 '{}' is not in the source (copy the source's address exactly, or remove it)"


@pytest.mark.parametrize(
    ("lang", "source", "translation", "expected"),
    [
        ("en", S_URL, f"See {URL} or {MAIL}.", []),
        # Punctuation after the address is not part of it; quotes and brackets end it.
        ("ru", S_URL, f"Подробнее: «{URL}» или ({MAIL}).", []),
        ("kk", S_URL, f"Толығырақ: {URL}, {MAIL}!", []),
        ("en", S_URL, f"See {URL}/ or {MAIL}.", [MISSING.format(URL), ADDED.format(URL + "/")]),
        (
            "en",
            S_URL,
            f"See {URL} or info@rare-metal.jp.",
            [MISSING.format(MAIL), ADDED.format("info@rare-metal.jp")],
        ),
        (
            "en",
            S_URL,
            f"See {URL.replace('https', 'http')} or {MAIL}.",
            [MISSING.format(URL), ADDED.format(URL.replace("https", "http"))],
        ),
        ("en", S_URL, f"See {URL}.", [MISSING.format(MAIL)]),
        (
            "en",
            S_URL,
            f"See www.jogmec.go.jp or {URL} or {MAIL}.",
            [ADDED.format("www.jogmec.go.jp")],
        ),
        # The same address twice: named once.
        ("en", f"{URL} と {URL} まで。", "See the report.", [MISSING.format(URL)]),
        ("en", "報告書まで。", f"See {URL} and {URL}.", [ADDED.format(URL)]),
        # An address written full-width in the source is the same address.
        ("en", "ａ＠ｂ.jp まで、ｆｔｐ://ｘ.ｏｒｇ も。", "Write to a@b.jp, also ftp://x.org.", []),
        # Japanese punctuation and brackets end an address in the source.
        ("ru", f"（{URL}）、「{MAIL}」。", f"({URL}), «{MAIL}».", []),
    ],
)
def test_q116_addresses(report, lang, source, translation, expected):
    assert report("Q116", lang, source, translation) == [at(lang, line) for line in expected]


def test_q116_detail_is_the_address(details):
    assert details("Q116", "en", S_URL, f"See {URL}.") == [MAIL]
    assert details("Q116", "en", "報告書まで。", f"See {URL}.") == [URL]


# --- Q114 sentence count ------------------------------------------------------------------------

Q114_HINT = (
    "(translate sentence by sentence; or waive with '# workflow: ignore Q114' "
    "when a split is intended)"
)


def q114(lang: str, found: int, expected: int) -> str:
    what = "added" if found > expected else "missing"
    return at(
        lang,
        f"warning Q114 {found} sentence(s) in the translation, {expected} in the source "
        f"(a sentence {what}?) {Q114_HINT}",
    )


S_ASIA = "中央アジアは遠い。"


@pytest.mark.parametrize(
    ("lang", "source", "translation", "counted"),
    [
        ("en", S_ASIA, "Central Asia is far away.", None),
        ("en", S_ASIA, "Central Asia is far. Very far.", (2, 1)),
        ("en", "中央アジアは遠い。とても遠い。", "Central Asia is very far away.", (1, 2)),
        # A sentence end is followed by the end, a capital, a digit or an opening quote.
        ("en", S_ASIA, "In 1989. In 1990 too.", (2, 1)),
        ("en", S_ASIA, "It was far. 1990 was near.", (2, 1)),
        ("en", S_ASIA, 'It was far. "very far", they said.', (2, 1)),
        ("ru", S_ASIA, "Далеко… и очень далеко.", None),
        ("en", S_ASIA, "It was 5 p.m. and far.", None),
        ("en", S_ASIA, "Far away! Very far?", (2, 1)),
        ("en", S_ASIA, "Far away?! Very.", (2, 1)),
        # Initials, abbreviations and dotted abbreviations end no sentence inside the text.
        ("en", S_ASIA, "See p. 3, Mr. Smith and the U.S. Army, approx. 5 km away.", None),
        ("ru", S_ASIA, "В 1989 г. С. Накамура, т. е. я, был далеко.", None),
        ("kk", S_ASIA, "1989 ж. Ш. Накамура, т.б. алыста.", None),
        ("en", S_ASIA, "It was far, in the U.S.", None),
        ("en", S_ASIA, "It was far. I went.", (2, 1)),
        ("en", S_ASIA, "S. Nakamura went far away.", None),
        # A closing mark whose opening one is in the previous entry: the initial still holds.
        ("en", S_ASIA, "by S.) Nakamura, far away.", None),
        ("en", S_ASIA, "by S. Tanaka.) Nakamura went far.", (2, 1)),
        # A quoted passage or a bracket is one word, keeping a sentence end it closes with.
        ("en", S_ASIA, "He said “Far. Very far” and left.", None),
        ("ru", S_ASIA, "Он сказал «Далеко. » Потом ушёл.", (2, 1)),
        ("en", "彼は遅れた。去った。", "He was late (!) Then he left.", None),
        # A full stop before an opening quote ends a sentence; empty quotes are a word.
        ("ru", S_ASIA, "Далеко. «очень» далеко.", (2, 1)),
        ("ru", S_ASIA, "Это слово «» далеко.", None),
        ("ru", S_ASIA, "Далеко. «Очень» далеко.", (2, 1)),
        ("en", S_ASIA, "It was far. “Very far” was the word.", (2, 1)),
        ("en", S_ASIA, "It was far. “1989” was the year.", (2, 1)),
        ("en", S_ASIA, "It was far, “Very far” was the word.", None),
        ("ru", S_ASIA, "Это был т. н. «Разноимпорт» в 1989 г.", None),
        ("ru", S_ASIA, "Он сказал «Далеко.» Потом ушёл.", (2, 1)),
        ("en", S_ASIA, "He left (see p. 3. Later.) at once.", None),
        ("en", S_ASIA, "He (or she (or they. Later.) left) went.", None),
        ("en", S_ASIA, "He (or she (or they) left.) Then went.", (2, 1)),
        # In the source, sentence ends in brackets do not count, however deeply nested.
        ("en", "「彼は「終わり。」と言った。」その後。", "After that.", None),
        ("en", "（注。『遠い。』）中央アジアは遠い。", "Central Asia is far.", None),
        ("en", "【注。】遠い！", "Far!", None),
        # ――。 may continue in the next entry: one sentence fewer is fine, not two.
        ("en", "地質学的な時間――。", "Geological time—", None),
        ("en", "地質学的な時間――。", "Geological time.", None),
        ("en", "遠い。地質学的な時間――", "Far. Geological time—", None),
        ("en", "遠い。地質学的な時間――。", "Far, and geological time—", (0, 2)),
        ("en", "遠い。遠い。地質学的な時間――。", "Far and geological time—", (0, 3)),
        ("en", "地質学的な時間――。", "Time. Geological time.", (2, 1)),
        ("en", "地質学的な時間――。 ", "Geological time—", None),
        # A translation ending in an ellipsis where the source ends open (a title).
        ("en", "静かなる地殻変動……", "A Quiet Upheaval…", None),
        ("en", "静かなる地殻変動……", "A Quiet Upheaval...", None),
        ("en", "静かなる地殻変動……", "Upheaval. A Quiet Upheaval…", (1, 0)),
        ("en", "静かなる地殻変動……", "A Quiet Upheaval.", (1, 0)),
        ("en", "だが……。", "But…", None),
        ("ru", "「だが……。」", "«Но…»", None),
        # An entry that is one quotation or parenthesis is one sentence (or none, unclosed).
        ("ru", "「今日はここまで。」", "«На сегодня всё.»", None),
        ("en", "「今日はここまで。」", "“That is all for today.”", None),
        ("en", "（注：中央アジアは遠い。）", "(Note: Central Asia is far away.)", None),
        ("ru", "「遠い。」「とても遠い。」", "«Далеко.» «Очень далеко.»", None),
        ("ru", "「今日はここまで」", "«На сегодня всё»", None),
        ("ru", "「今日はここまで」", "«На сегодня всё.»", (1, 0)),
        ("ru", "「今日はここまで。」", "«На сегодня всё.» Завтра.", (2, 1)),
        ("en", "静かなる地殻変動", "A Quiet Upheaval?!...", (1, 0)),
    ],
)
def test_q114_sentence_count(report, lang, source, translation, counted):
    expected = [q114(lang, *counted)] if counted else []
    assert report("Q114", lang, source, translation) == expected


def test_q114_detail_is_found_over_expected(details):
    assert details("Q114", "en", S_ASIA, "Far. Very far. Too far.") == ["3/1"]


# --- Q115 length ratio, calibration -------------------------------------------------------------

#: 20 characters; with bounds (2, 4) a translation may have 2 × 20 - 15 = 25 to 4 × 20 + 15 = 95.
S_20 = "地質学的な時間、帝国の興亡の時間がある。"
BOUNDS = CheckContext(GLOSSARY, CheckSettings(length_ratio={"en": (2.0, 4.0), "uz": (2.0, 4.0)}))
SHORT = (
    "warning Q115 translation is {} the source length, too short (truncated?); "
    "reviewed {} entries are {} ({})"
)
LONG = (
    "warning Q115 translation is {} the source length, too long (padded, or another entry's?); "
    "reviewed {} entries are {} ({})"
)
Q115_HINT = "compare with the source; recompute the bounds with 'workflow check --calibrate'"


def sized(length: int) -> str:
    """A translation of *length* characters."""
    return ("Geological time and the time of empires, " * 5)[: length - 1] + "."


@pytest.mark.parametrize(
    ("lang", "source", "length", "expected"),
    [
        ("en", S_20, 25, None),
        ("en", S_20, 24, SHORT.format("1.20×", "en", "2.00–4.00×", Q115_HINT)),
        ("en", S_20, 95, None),
        ("en", S_20, 96, LONG.format("4.80×", "en", "2.00–4.00×", Q115_HINT)),
        ("uz", S_20, 96, LONG.format("4.80×", "uz", "2.00–4.00×", Q115_HINT)),
        # Parenthesised glosses are not counted: (改革) leaves 20 characters.
        (
            "en",
            "地質学的な時間（改革）、帝国の興亡の時間がある。",
            96,
            LONG.format("4.80×", "en", "2.00–4.00×", Q115_HINT),
        ),
        (
            "en",
            "地質学的な時間(改革)、帝国の興亡の時間がある。",
            24,
            SHORT.format("1.20×", "en", "2.00–4.00×", Q115_HINT),
        ),
        # Sources under 8 characters (titles, names) are not measured.
        ("en", "重い仕事だった。", 48, LONG.format("6.00×", "en", "2.00–4.00×", Q115_HINT)),
        ("en", "重い仕事だった", 48, None),
        ("en", " 重い仕事だった ", 48, None),
        ("en", "重い仕事（改革）だった", 48, None),
    ],
)
def test_q115_length_ratio_at_the_bounds(report, lang, source, length, expected):
    translation = sized(length)
    assert len(translation) == length
    assert report("Q115", lang, source, translation, BOUNDS) == (
        [at(lang, expected)] if expected else []
    )


def test_q115_translation_whitespace_is_not_length(report):
    padded = "  " + sized(95) + "  "
    assert report("Q115", "en", S_20, padded, BOUNDS) == []


def test_q115_default_bounds_of_the_language(report):
    """en 2.1-3.9, ru 1.9-4.2; a language without bounds (uz) is not measured."""
    assert report("Q115", "en", S_20, sized(93)) == []
    assert report("Q115", "en", S_20, sized(94)) == [
        at("en", LONG.format("4.70×", "en", "2.10–3.90×", Q115_HINT))
    ]
    assert report("Q115", "ru", S_20, sized(99)) == []
    assert report("Q115", "ru", S_20, sized(100)) == [
        at("ru", LONG.format("5.00×", "ru", "1.90–4.20×", Q115_HINT))
    ]
    assert report("Q115", "uz", S_20, sized(120)) == []


def test_q115_detail_is_the_ratio(details):
    assert details("Q115", "en", S_20, sized(140)) == ["7.00"]


def test_calibration_bounds_are_computed_exactly():
    """40-character sources, translations of 80 to 160: lowest (80 + 15) / 40, highest
    (160 - 15) / 40, widened by e^±0.12 and rounded outwards to 0.1."""
    source = S_20 * 2
    pairs = [(source, sized(length)) for length in (80, 100, 120, 140, 160, 90, 110, 130, 150, 100)]
    result = structure.calibrate("en", pairs)
    assert result == structure.Calibration("en", 10, 2.1, 4.1)
    assert math.floor(95 / 40 * math.exp(-0.12) * 10) / 10 == 2.1
    assert math.ceil(145 / 40 * math.exp(0.12) * 10) / 10 == 4.1


def test_calibration_needs_ten_usable_entries():
    source = S_20 * 2
    ten = [(source, sized(100))] * 10
    assert structure.calibrate("en", ten) == structure.Calibration("en", 10, 2.5, 2.4)
    assert structure.calibrate("en", ten[:9]) is None
    # Untranslated, blank and short-source entries are not counted.
    for unusable in ((source, ""), (source, "  "), ("重い仕事だった", sized(100))):
        assert structure.calibrate("en", [*ten[:9], unusable]) is None
    assert structure.calibrate("en", [*ten[:9], ("重い仕事だった。", sized(30))]).entries == 10


def test_calibration_of_short_translations_has_a_positive_upper_bound():
    """Translations under the slack (15 characters) count as 1 character above it."""
    pairs = [("重い仕事だった。", "Hard work.")] * 10
    result = structure.calibrate("en", pairs)
    assert result == structure.Calibration("en", 10, 2.7, 0.2)


def test_q107_detail_is_the_pair(details):
    assert details("Q107", "ru", S_WEIGHT, "Но в в этом весомо.") == ["в в"]
