"""Each QA rule of ``workflow check`` at its boundaries, as a translator meets it.

Every case is a real PO file (a Japanese msgid of the essay's kind, an en/ru/kk msgstr) read
by the project's PO reader and checked by :func:`~workflow.checks.check_catalog`; the test
names the exact report line the translator sees (``path:line: severity CODE message
(hint)``), or none for the near miss: the correct translation just inside the boundary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workflow.checks import CheckContext, check_catalog
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
        # Closing quotes and brackets after the punctuation, in the source and translation.
        ("ru", "「今日はここまで。」", "«На сегодня всё.»", None),
        ("ru", "「今日はここまで。」", "«На сегодня всё».", None),
        ("ru", "「今日はここまで。」", "«На сегодня всё»", Q103_NONE),
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
        ("ru", "Он had had это.", [("had", "had had")]),
        ("ru", "Кто-то то ли пришёл, то ли нет.", []),
        ("kk", "Ол жай жай-жай жүрді.", []),
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
        # Words of two scripts side by side, or joined by a hyphen or apostrophe, are not mixed.
        ("kk", "ODA-ның келісімі, O’Нил мырза.", []),
        ("ru", "Тантал (Ta) и ниобий (Nb).", []),
        ("en", "The Soviet Union (СССР) still existed.", []),
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


# --- Q111 quotation marks --------------------------------------------------------------------------

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
