"""Japanese, the source language of the series."""

from workflow.languages import NOTO_SERIF, NOTO_SERIF_CJK
from workflow.languages.model import Language, Quotes, Typography

LANGUAGE = Language(
    code="ja",
    locale="ja",
    html_tag="ja",
    proofing_tag="ja-JP",
    script="Japanese",
    fonts=(NOTO_SERIF_CJK, NOTO_SERIF),
    typography=Typography(
        joiner="",
        quotes=Quotes(primary=("「", "」"), nested=("『", "』")),
        italic=False,
        docx_line_spacing=1.6,
    ),
    night_pattern="第{number}夜",
    draft_label="草稿",
    draft_notice="草稿:{total}文中{reviewed}文が確認済み({percent}%)。",
    nllb_code="jpn_Jpan",
)
