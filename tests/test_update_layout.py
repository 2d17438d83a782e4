"""Writes keep the text of entries they do not change: no churn with other PO tools.

Weblate (translate-toolkit) and other editors wrap lines differently from ``msgcat`` and
rewrite the header. Here every entry of the committed catalogs is given another layout
and the header Weblate's fields; ``update`` must then change no byte, and a real change
rewrites only the entries it touches. The real server is exercised in tests/weblate/.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from workflow.cli import main
from workflow.po import format_po, load_po, parse_po_bytes, save_po
from workflow.po.writer import catalog_blocks

#: The header fields as Weblate 5 writes them after a commit (its Plural-Forms spelling).
WEBLATE_HEADER = {
    "PO-Revision-Date": "2026-12-02 00:41+0000",
    "Last-Translator": "Aigerim Translator <aigerim@example.com>",
    "Language-Team": "Russian <http://127.0.0.1:8089/projects/rare-metals/night-118/ru/>",
    "Plural-Forms": "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2;",
    "X-Generator": "Weblate 5.14.3",
}
_STRING_LINE = re.compile(r'^(msgstr(?:\[\d+\])?) (".*")$')


def run(root: Path, *args: str) -> int:
    return main(["--project", str(root), *args])


def relaid(block: str) -> str:
    """*block* with its msgstr as its first character, then the rest unwrapped on one line:
    a layout ``msgcat`` never writes, so every entry differs."""
    lines = block.rstrip("\n").split("\n")
    start = next(i for i, line in enumerate(lines) if _STRING_LINE.match(line))
    keyword = _STRING_LINE.match(lines[start]).group(1)
    pieces = [line.split(" ", 1)[1] if i == 0 else line for i, line in enumerate(lines[start:])]
    text = "".join(piece[1:-1] for piece in pieces)
    first = 2 if text.startswith("\\") else 1
    return "\n".join([*lines[:start], f'{keyword} "{text[:first]}"', f'"{text[first:]}"']) + "\n"


def as_weblate_writes(path: Path) -> int:
    """Rewrite *path* with Weblate's header fields and every block re-laid out; returns
    how many entries (header excluded) now differ from the ``msgcat`` text."""
    po = load_po(path)
    po.metadata.update(WEBLATE_HEADER)
    canonical = catalog_blocks(po)
    relaid_blocks = [relaid(block) for block in canonical]
    path.write_bytes("\n".join(relaid_blocks).encode("utf-8"))
    assert len(parse_po_bytes(path.read_bytes(), path)) == len(po)
    return sum(a != b for a, b in zip(canonical[1:], relaid_blocks[1:], strict=True))


def test_update_keeps_every_entry_laid_out_by_another_tool(essay_project: Path) -> None:
    catalogs = sorted((essay_project / "locales").glob("*/118.po"))
    changed = sum(as_weblate_writes(path) for path in catalogs)
    assert changed == 177  # 59 entries in each of en, ru, kk
    before = {path: path.read_bytes() for path in catalogs}
    assert run(essay_project, "update") == 0
    assert {path: path.read_bytes() for path in catalogs} == before
    assert run(essay_project, "check", "--strict") == 0


def test_update_rewrites_only_the_entries_it_changes(essay_project: Path) -> None:
    path = essay_project / "locales" / "en" / "118.po"
    as_weblate_writes(path)
    before = path.read_text(encoding="utf-8").split("\n\n")
    source = essay_project / "sources" / "ja" / "118.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("中村繁夫", "中村 繁夫", 1), encoding="utf-8")
    assert run(essay_project, "update") == 0
    after = path.read_text(encoding="utf-8").split("\n\n")
    header, *changed = [block for block in after if block not in before]
    assert len(changed) == 1 and 'msgid "中村 繁夫"' in changed[0]
    assert '#| msgid "中村繁夫"' in changed[0]  # fuzzy, in msgcat's layout
    # the header changed (POT-Creation-Date) and keeps every field Weblate wrote
    assert parse_po_bytes(header.encode(), path).metadata.items() >= WEBLATE_HEADER.items()


def test_save_po_keeps_the_layout_of_entries_it_does_not_change(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for word in ("一", "二"):
        po.append(polib.POEntry(msgid=word, msgstr=f"{word} translated " + "word " * 20))
    path.write_text("\n".join(relaid(block) for block in catalog_blocks(po)), encoding="utf-8")
    original = path.read_text(encoding="utf-8").split("\n\n")
    edited = load_po(path)
    edited[1].msgstr = "two"
    assert save_po(edited, path)
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    assert blocks[:2] == original[:2]
    assert blocks[2] == 'msgid "二"\nmsgstr "two"\n'


def test_a_file_in_another_charset_is_written_in_msgcat_layout(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CP1251\\n"\n\n'
        'msgid "один"\nmsgstr ""\n"один"\n'
    )
    path.write_bytes(text.encode("cp1251"))
    po = load_po(path)
    po.append(polib.POEntry(msgid="два", msgstr="два"))
    assert save_po(po, path)
    assert path.read_text(encoding="utf-8") == format_po(po)
    assert 'msgstr "один"' in format_po(po)
