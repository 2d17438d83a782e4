"""English (British spelling, as the style guide asks)."""

from workflow.languages import NOTO_SERIF, NOTO_SERIF_CJK
from workflow.languages.model import Language, Quotes, Typography
from workflow.morphology import en as morphology

LANGUAGE = Language(
    code="en",
    locale="en_GB",
    html_tag="en-GB",
    proofing_tag="en-GB",
    script="Latin",
    fonts=(NOTO_SERIF, NOTO_SERIF_CJK),
    typography=Typography(
        joiner=" ",
        quotes=Quotes(
            primary=("“", "”"),
            nested=("‘", "’"),
            wrong={"«": "“", "»": "”", "„": "“", "‚": "‘"},
            apostrophe="’",
        ),
    ),
    night_pattern="Night {number}",
    draft_label="Draft",
    draft_notice=(
        "Draft: {reviewed} of {total} segments reviewed ({percent}%). "
        "Highlighted passages are not reviewed yet: fuzzy translations in yellow, "
        "untranslated Japanese source in red."
    ),
    number_words={
        1: "one",
        2: "two",
        3: "three",
        4: "four",
        5: "five",
        6: "six",
        7: "seven",
        8: "eight",
        9: "nine",
        10: "ten",
        11: "eleven",
        12: "twelve",
        20: "twenty",
        30: "thirty",
        40: "forty",
        50: "fifty",
        60: "sixty",
        70: "seventy",
        80: "eighty",
        90: "ninety",
        100: "hundred",
    },
    units={
        "percent": r"%|per\s?cent",
        "tonne": r"\btonne|\btons?\b|\bt\b",
        "kilogram": r"kilogram|\bkg\b",
        "kilometre": r"kilomet|\bkm\b",
        "hectare": r"hectare|\bha\b",
        "megawatt": r"megawatt|\bMW\b",
        "dollar": r"dollar|\$|\bUSD\b",
        "yen": r"\byen\b|¥",
        "rouble": r"roubles?|rubles?",
        "tenge": r"tenge|₸",
        "degree": r"degree|°",
    },
    allowed_doubles=frozenset({"had", "that"}),  # "she had had enough", "that that is"
    length_ratio=(2.1, 3.9),
    morphology=morphology.phrase_pattern,
    nllb_code="eng_Latn",
)
