"""Every string wraps as ``msgcat --width=N`` wraps it, at widths from its minimum up.

The catalogs are written by hand, each string on one line, and msgcat (the reference)
wraps them; :func:`workflow.po.wrap.wrap` must write the same lines. The strings mix
characters of every line-break class with escapes, newlines, CJK and Cyrillic words, so
that each width puts its breaks somewhere else; the entries carry every prefix and keyword
that shifts a column (``msgctxt``, ``msgid_plural``, ``msgstr[1]``, ``#|``, ``#~``,
``#~|``) and the ``no-wrap`` flag.
"""

from __future__ import annotations

import random
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.test_pofile_format import EN, JA, KK, RU, needs_gettext
from tests.test_pofile_unidata import _alphabet
from workflow.po.wrap import wrap

HEADER = (
    "Project-Id-Version: レアメタル千夜一夜 118\n"
    "Language: kk\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"
)
_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        '"': '\\"',
        "\n": "\\n",
        "\t": "\\t",
        "\r": "\\r",
        "\a": "\\a",
        "\b": "\\b",
        "\f": "\\f",
        "\v": "\\v",
    }
)


@dataclass
class Entry:
    msgid: str
    msgstr: tuple[str, ...]  # one string, or the plural forms
    msgctxt: str | None = None
    msgid_plural: str | None = None
    previous: tuple[str | None, str] | None = None  # (msgctxt, msgid)
    obsolete: bool = False
    no_wrap: bool = False

    def source(self) -> str:
        """The entry as PO text, each string on a single line (for msgcat to wrap)."""
        prefix = "#~ " if self.obsolete else ""
        lines = ["#, no-wrap"] if self.no_wrap else []
        if self.previous:
            context, msgid = self.previous
            mark = "#~| " if self.obsolete else "#| "
            lines += [f'{mark}msgctxt "{_quoted(context)}"'] if context is not None else []
            lines += [f'{mark}msgid "{_quoted(msgid)}"']
        for name, value in self.strings():
            lines.append(f'{prefix}{name} "{_quoted(value)}"')
        return "\n".join(lines) + "\n"

    def written(self, width: int) -> str:
        """The entry as :func:`wrap` writes it for a page *width* columns wide (with wrap's
        defaults, no prefix and wrapping on, where they apply)."""
        options: dict = {"page_width": width} | ({"do_wrap": False} if self.no_wrap else {})
        lines = ["#, no-wrap"] if self.no_wrap else []
        if self.previous:
            context, msgid = self.previous
            mark = "#~| " if self.obsolete else "#| "
            for name, value in (("msgctxt", context), ("msgid", msgid)):
                if value is not None:
                    lines += wrap(name, value, prefix=mark, **options)
        if self.obsolete:
            options["prefix"] = "#~ "
        for name, value in self.strings():
            lines += wrap(name, value, **options)
        return "\n".join(lines) + "\n"

    def strings(self) -> list[tuple[str, str]]:
        named = [("msgctxt", self.msgctxt)] if self.msgctxt is not None else []
        named.append(("msgid", self.msgid))
        if self.msgid_plural is None:
            return [*named, ("msgstr", self.msgstr[0])]
        named.append(("msgid_plural", self.msgid_plural))
        return named + [(f"msgstr[{n}]", form) for n, form in enumerate(self.msgstr)]


def _quoted(text: str) -> str:
    return text.translate(_ESCAPES)


def _characters() -> list[str]:
    """Characters of every line-break class (no controls msgcat would write raw), the
    escaped ones, and whole words of the essay's languages."""
    chars = [c for c in _alphabet() if unicodedata.category(c) != "Cc" or c in "\t\n"]
    return chars + list('\n\\"\t\r\a\b\f\v    ') + [*JA, *EN, *RU, *KK]


def _entries(seed: int, count: int) -> list[Entry]:
    rng = random.Random(seed)
    alphabet = _characters()

    def text(longest: int = 60) -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, longest)))

    entries, seen = [], set()
    for number in range(count):
        kind = number % 6
        entry = Entry(msgid=text(), msgstr=(text(),))
        if kind == 1:
            entry.msgctxt = text(20)
        elif kind == 2:
            entry.msgid_plural, entry.msgstr = text(), (text(), text())
        elif kind == 3:
            entry.previous = (text(10) if rng.random() < 0.5 else None, text())
        elif kind == 4:
            entry.obsolete, entry.previous = True, (None, text())
        elif kind == 5:
            entry.no_wrap, entry.msgctxt = True, text(10)
        if (entry.msgctxt, entry.msgid) not in seen:
            seen.add((entry.msgctxt, entry.msgid))
            entries.append(entry)
    return sorted(entries, key=lambda entry: entry.obsolete)  # msgcat writes those last


@needs_gettext
@pytest.mark.parametrize("width", [20, 21, 23, 26, 30, 37, 45, 58, 79, 100])
def test_strings_wrap_like_msgcat_at_every_width(tmp_path: Path, width: int) -> None:
    entries = _entries(seed=width, count=120)
    header = Entry(msgid="", msgstr=(HEADER,))
    path = tmp_path / "catalog.po"
    path.write_text("\n".join(e.source() for e in [header, *entries]), encoding="utf-8")
    gnu = subprocess.run(
        ["msgcat", f"--width={width}", str(path)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    ours = "\n".join(e.written(width) for e in [header, *entries])
    assert ours == gnu
    assert gnu.count('"\n"') > len(entries)  # sanity: most strings were wrapped
