"""Uzbek in Latin script (oʻzbek lotin alifbosi).

This module is the whole of the language's code: names, plural rules, month names and the
date (``17-fevral, 2026``) come from CLDR; glossary terms are matched word for word (no
inflection model yet); machine translation goes through NLLB-200.
"""

from workflow.languages import NOTO_SERIF, NOTO_SERIF_CJK
from workflow.languages.model import Language, Quotes, Typography

LANGUAGE = Language(
    code="uz",
    locale="uz_Latn",
    html_tag="uz-Latn",
    proofing_tag="uz-Latn-UZ",
    script="Latin",
    fonts=(NOTO_SERIF, NOTO_SERIF_CJK),
    typography=Typography(
        joiner=" ",
        quotes=Quotes(primary=("«", "»"), nested=("“", "”"), wrong={"„": "“", "‚": "“"}),
        spaced_dash=True,
    ),
    night_pattern="{number}-kecha",
    draft_label="Qoralama",
    draft_notice=(
        "Qoralama: {total} ta segmentdan {reviewed} tasi tekshirilgan ({percent}%). "
        "Belgilangan parchalar hali tekshirilmagan: noaniq tarjimalar — sariq, "
        "tarjima qilinmagan yaponcha matn — qizil rangda."
    ),
    number_words={
        1: "bir",
        2: "ikki",
        3: "uch",
        4: "toʻrt",
        5: "besh",
        6: "olti",
        7: "yetti",
        8: "sakkiz",
        9: "toʻqqiz",
        10: "oʻn",
        11: "oʻn bir",
        12: "oʻn ikki",
        20: "yigirma",
        30: "oʻttiz",
        40: "qirq",
        50: "ellik",
        60: "oltmish",
        70: "yetmish",
        80: "sakson",
        90: "toʻqson",
        100: "yuz",
    },
    units={
        "percent": r"%|foiz",
        "tonne": r"\bt\b|\btonna",
        "kilogram": r"kilogramm|\bkg\b",
        "kilometre": r"kilometr|\bkm\b",
        "hectare": r"gektar|\bga\b",
        "megawatt": r"megavatt|\bMVt\b|\bMW\b",
        "dollar": r"dollar|\$",
        "yen": r"\biyena|¥",
        "rouble": r"rubl",
        "tenge": r"tenge|₸",
        "degree": r"gradus|°",
    },
    nllb_code="uzn_Latn",
    argos=False,
)
