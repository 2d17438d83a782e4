"""Things that must not be typed into plain text, and things that must be copied exactly:
Q113 markup (tags, entities, Markdown) and Q116 URLs and e-mail addresses."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from workflow.checks.context import CheckContext
from workflow.checks.rules import Entry
from workflow.diagnostics import Diagnostic

#: Kinds of markup: HTML/XML tags, character entities, Markdown emphasis, code and links.
_MARKUP = {
    "tag": re.compile(r"</?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?\s*/?>"),
    "entity": re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
    "Markdown": re.compile(
        r"\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`|\[[^\]\n]+\]\([^)\s]+\)"
        r"|(?<![\w*])\*(?![\s*])[^*\n]+(?<![\s*])\*(?![\w*])"
    ),
}


def check_markup(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q113: no tag, entity or Markdown markup of a kind the source does not have."""
    findings = []
    for kind, pattern in _MARKUP.items():
        match = pattern.search(entry.translation)
        if match and not pattern.search(entry.source):
            findings.append(
                entry.finding(
                    "Q113",
                    f"{kind} '{match.group()}' in plain text",
                    detail=match.group(),
                    hint="write the character itself (—, &, «) and no markup; "
                    "exports escape everything",
                )
            )
    return findings


_URL = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'«»“”„「」『』（）()、。，]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_TRAILING = ".,;:!?)]’"


@lru_cache(maxsize=1024)
def addresses(text: str) -> list[str]:
    """URLs and e-mail addresses in *text* (full-width letters made ASCII first).

    >>> addresses("詳細は https://example.org/a。連絡: ａ＠ｂ.jp")
    ['https://example.org/a', 'a@b.jp']
    """
    text = unicodedata.normalize("NFKC", text)
    return [match.group().rstrip(_TRAILING) for match in _URL.finditer(text)]


def check_addresses(entry: Entry, context: CheckContext) -> list[Diagnostic]:
    """Q116: URLs and e-mail addresses are carried over unchanged (none lost, none added)."""
    source = addresses(entry.source)
    target = [m.group().rstrip(_TRAILING) for m in _URL.finditer(entry.translation)]
    findings = [
        entry.finding(
            "Q116",
            f"'{address}' of the source is missing or changed in the translation",
            detail=address,
            hint="copy the address exactly",
        )
        for address in dict.fromkeys(source)
        if address not in target
    ]
    findings += [
        entry.finding(
            "Q116",
            f"'{address}' is not in the source",
            detail=address,
            hint="copy the source's address exactly, or remove it",
        )
        for address in dict.fromkeys(target)
        if address not in source
    ]
    return findings
