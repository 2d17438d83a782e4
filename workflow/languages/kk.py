"""Kazakh (Cyrillic): a suffix model of inflection; no Argos model (NLLB-200 instead)."""

from workflow.languages import GUILLEMETS, NOTO_SERIF, NOTO_SERIF_CJK
from workflow.languages.model import Language, Typography
from workflow.morphology import kk as morphology


def _mentions_month(month: int, words: frozenset[str]) -> bool:
    """The month with any suffix chain (ақпанда, ақпанның)."""
    name = LANGUAGE.months[month - 1].lower()
    return any(word.startswith(name) for word in words)


LANGUAGE = Language(
    code="kk",
    locale="kk",
    html_tag="kk",
    proofing_tag="kk-KZ",
    script="Cyrillic",
    fonts=(NOTO_SERIF, NOTO_SERIF_CJK),
    typography=Typography(
        joiner=" ",
        quotes=GUILLEMETS,
        spaced_dash=True,
    ),
    night_pattern="{number}-түн",
    draft_label="Нобай",
    draft_notice=(
        "Нобай: {total} сегменттің {reviewed} тексерілген ({percent}%). "
        "Белгіленген үзінділер әлі тексерілмеген: анық емес аудармалар — сары түспен, "
        "аударылмаған жапон мәтіні — қызыл түспен."
    ),
    date_pattern="y 'жылғы' d MMMM",  # house style; CLDR writes "2026 ж. 17 ақпан"
    distinctive_letters="әғқңөұүһі",
    number_words={
        1: "бір",
        2: "екі",
        3: "үш",
        4: "төрт",
        5: "бес",
        6: "алты",
        7: "жеті",
        8: "сегіз",
        9: "тоғыз",
        10: "он",
        11: "он бір",
        12: "он екі",
        20: "жиырма",
        30: "отыз",
        40: "қырық",
        50: "елу",
        60: "алпыс",
        70: "жетпіс",
        80: "сексен",
        90: "тоқсан",
        100: "жүз",
    },
    units={
        "percent": r"%|пайыз|процент",
        "tonne": r"\bт\b|\bтонна",
        "kilogram": r"килограмм|\bкг\b",
        "kilometre": r"шақырым|километр|\bкм\b",
        "hectare": r"гектар|\bга\b",
        "megawatt": r"мегаватт|МВт",
        "dollar": r"доллар|\$",
        "yen": r"\b[ий]ена|¥",
        "rouble": r"рубль|рубл",
        "tenge": r"теңге|₸",
        "degree": r"градус|°",
    },
    length_ratio=(2.0, 4.2),
    morphology=morphology.phrase_pattern,
    month_matcher=_mentions_month,
    nllb_code="kaz_Cyrl",
    argos=False,
)
