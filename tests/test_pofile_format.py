"""format_po writes what GNU gettext's msgcat writes, byte for byte; save_po is idempotent."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import examples
from workflow.po import format_po, load_po, save_po
from workflow.po.writer import FORMAT_LANGUAGES

REPO = Path(__file__).resolve().parent.parent
needs_gettext = pytest.mark.skipif(
    shutil.which("msgcat") is None or shutil.which("msgfmt") is None,
    reason="GNU gettext (msgcat, msgfmt) is the reference and is not installed",
)

JA = (
    "中央アジア",
    "レアメタル",
    "資源",
    "を",
    "語る",
    "とき",
    "私は",
    "いつも",
    "「時間の層」",
    "『周期表の交差点』",
    "（現ウスケメン）",
    "ウスチ・カメノゴルスク",
    "ッ",
    "ャ",
    "ー",
    "ァ",
    "。",
    "、",
    "――",
    "――。",
    "１９８９年",
    "０",
    "ペレストロイカ",
    "(改革)",
    "です",
    "！",
    "？",
)
EN = (
    "the",
    "rare",
    "metal",
    "resources",
    "of",
    "Central",
    "Asia",
    "time",
    "layer",
    "1989",
    "Ust-Kamenogorsk",
    "(now",
    "Oskemen)",
    "U.S.S.R.",
    "e.g.",
    "well-known",
    "--",
    "...",
)
RU = (
    "Центральная",
    "Азия",
    "редкие",
    "металлы",
    "Разноимпорт",
    "Разноимпорта",
    "времени",
    "перестройка",
    "«слой",
    "времени»",
    "—",
    "г.",
    "т.е.",
)
KK = (
    "Өскемен",
    "Өскеменде",
    "Өскеменнен",
    "қазақ",
    "әдебиеті",
    "ғылым",
    "ұлттық",
    "үкімет",
    "һәм",
    "іздеу",
    "өнеркәсіп",
    "қала",
    "ңғ",
)
SEPARATORS = (" ", " ", " ", "", "\n", "\t", ", ", ". ", '"', "\\", "'", "-", "/", "  ", "\u3000")

words = st.sampled_from(JA + EN + RU + KK)
any_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=4,
)
pieces = st.one_of(
    words,
    words,
    words,
    st.sampled_from(SEPARATORS),
    st.text(alphabet='aя字ア「」。、 .\n\t"\\ә', max_size=6),
    any_text,
)
texts = st.lists(pieces, max_size=60).map("".join)
short_texts = st.lists(pieces, max_size=8).map("".join)
# A comment line ending in a backslash would continue on the next line (GNU po-lex).
comment_lines = st.lists(
    st.lists(st.one_of(words, st.sampled_from((" ", "  ", ": ", "#"))), max_size=12).map("".join),
    min_size=1,
    max_size=3,
)
references = st.lists(
    st.tuples(
        st.sampled_from(
            (
                "sources/ja/118.md",
                "sources/ja/7.md",
                "a.md",
                "./a/b.md",
                "very/long/path/to/some/source/document-name.md",
            )
        ),
        st.sampled_from(("", "1", "12", "1234")),
    ),
    max_size=12,
)


def _like(msgid: str, msgstr: str) -> str:
    """*msgstr* with the leading/trailing newline of *msgid*, as msgfmt -c demands."""
    if not msgstr:
        return msgstr
    msgstr = msgstr.strip("\n") or "x"
    if msgid.startswith("\n"):
        msgstr = "\n" + msgstr
    if msgid.endswith("\n"):
        msgstr += "\n"
    return msgstr


@st.composite
def entries(
    draw: st.DrawFn, nplurals: int, flags: tuple[str, ...] = ("fuzzy", "no-wrap")
) -> polib.POEntry:
    msgid = draw(texts.filter(bool))
    plural = draw(st.booleans()) and draw(st.integers(0, 4)) == 0
    obsolete = draw(st.integers(0, 6)) == 0
    entry = polib.POEntry(
        msgid=msgid,
        msgctxt=draw(st.none() | short_texts),
        tcomment="\n".join(draw(comment_lines)) if draw(st.booleans()) else "",
        comment="\n".join(draw(comment_lines)) if draw(st.booleans()) else "",
        occurrences=[] if obsolete else draw(references),
        flags=draw(st.lists(st.sampled_from(flags), max_size=4)),
        previous_msgid=draw(st.none() | texts),
        previous_msgctxt=draw(st.none() | short_texts),
        obsolete=obsolete,
    )
    if plural:
        entry.msgid_plural = draw(texts.filter(bool).map(lambda text: _like(msgid, text)))
        entry.previous_msgid_plural = draw(st.none() | texts)
        translated = draw(st.booleans())
        entry.msgstr_plural = {
            index: _like(msgid, draw(texts.filter(bool))) if translated else ""
            for index in range(nplurals)
        }
    else:
        entry.msgstr = _like(msgid, draw(texts))
    return entry


@st.composite
def catalogs(draw: st.DrawFn, flags: tuple[str, ...] = ("fuzzy", "no-wrap")) -> polib.POFile:
    nplurals = draw(st.sampled_from((1, 2, 3)))
    po = polib.POFile()
    po.header = "\n".join(draw(comment_lines)) if draw(st.booleans()) else ""
    po.metadata = {
        "Project-Id-Version": "118",
        "Language": draw(st.sampled_from(("en", "ru", "kk"))),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": f"nplurals={nplurals}; plural=(n != 1);"
        if nplurals == 2
        else f"nplurals={nplurals}; plural=0;"
        if nplurals == 1
        else "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);",
    }
    po.metadata_is_fuzzy = draw(st.booleans())
    seen = set()
    for entry in draw(st.lists(entries(nplurals, flags), max_size=12)):
        key = (entry.msgctxt, entry.msgid)
        if key not in seen:
            seen.add(key)
            po.append(entry)
    return po


def _msgcat(path: Path) -> bytes:
    result = subprocess.run(["msgcat", "--force-po", str(path)], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode() + path.read_text(encoding="utf-8")
    return result.stdout


def _assert_like_gnu(po: polib.POFile, path: Path) -> str:
    text = format_po(po)
    path.write_text(text, encoding="utf-8")
    gnu = _msgcat(path).decode("utf-8")
    if gnu != text:
        path.with_suffix(".gnu").write_text(gnu, encoding="utf-8")
        pytest.fail(f"differs from msgcat: diff {path} {path.with_suffix('.gnu')}")
    checked = subprocess.run(
        ["msgfmt", "-c", "--check-format", "-o", os.devnull, str(path)],
        capture_output=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr.decode()
    return text


@needs_gettext
@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(po=catalogs())
def test_output_is_what_msgcat_writes(po: polib.POFile, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("gnu") / "catalog.po"
    text = _assert_like_gnu(po, path)
    loaded = load_po(path)
    assert format_po(loaded) == text
    kept = [e for e in po if not e.obsolete] + [  # obsolete ones last, untranslated dropped
        e for e in po if e.obsolete and (e.msgstr_plural[0] if e.msgid_plural else e.msgstr)
    ]
    assert _strings(loaded) == _strings(kept)
    again = path.with_name("again.po")
    again.write_text(format_po(loaded), encoding="utf-8")
    assert _everything(load_po(again)) == _everything(loaded)


#: Flags msgcat knows, so that it keeps them: formats, negated formats, ranges, no-wrap.
KNOWN_FLAGS = (
    "fuzzy",
    "no-wrap",
    "c-format",
    "no-c-format",
    "python-format",
    "no-python-brace-format",
    "sh-format",
    "qt-plural-format",
    "range: 0..10",
    "range: 2..5",
)


@needs_gettext
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(po=catalogs(flags=KNOWN_FLAGS))
def test_a_catalog_in_another_tools_layout_is_rewritten_as_msgcat_does(
    po: polib.POFile, tmp_path_factory
) -> None:
    """The input is polib's own writing (its wrapping, flags as given, repeated and in any
    order, references with ``./`` and repeated, obsolete entries where they stand, untranslated
    ones too): msgcat of that file is the reference, not msgcat of our output. (Not for
    ``./a.md a.md``: msgcat writes ``a.md a.md``, and ``a.md`` when run again; we write its
    fixed point, so the strategy never puts ``./`` before a path it also has without.)"""
    po.header = "Russian translation of night 118.\nTranslator <t@example.org>, 2025."
    for entry in po:  # polib would write "#| msgctxt" alone, which the PO grammar refuses
        previous = (entry.previous_msgctxt, entry.previous_msgid_plural)
        if entry.previous_msgid is None and previous != (None, None):
            entry.previous_msgid = ""
    path = tmp_path_factory.mktemp("polib") / "catalog.po"
    po.save(str(path))
    gnu = _msgcat(path).decode("utf-8")
    assert format_po(load_po(path)) == gnu


def _strings(entries) -> list[tuple]:
    """What must survive writing: every string, comment line and the obsolete state."""
    return [
        (
            e.msgctxt,
            e.msgid,
            e.msgid_plural,
            e.msgstr,
            dict(e.msgstr_plural),
            e.tcomment,
            e.comment,
            e.previous_msgctxt,
            e.previous_msgid_plural,
            e.obsolete,
        )
        for e in entries
    ]


def _everything(entries) -> list[tuple]:
    return [
        (*strings, e.flags, e.occurrences, e.previous_msgid, e.linenum)
        for strings, e in zip(_strings(entries), entries, strict=True)
    ]


def _essay_sentences() -> list[str]:
    body = (REPO / "sources" / "ja" / "118.md").read_text(encoding="utf-8").split("---", 2)[2]
    return [s for p in body.split("\n\n") for s in re.findall(r"[^。]+。?", p.strip()) if s]


def _catalog(pairs: list[tuple[str, str]], language: str = "ja") -> polib.POFile:
    po = polib.POFile()
    po.metadata = {
        "Project-Id-Version": "118",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for number, (msgid, msgstr) in enumerate(pairs, start=1):
        po.append(
            polib.POEntry(
                msgid=msgid, msgstr=msgstr, occurrences=[("sources/ja/118.md", str(number))]
            )
        )
    return po


@needs_gettext
def test_essay_sentences_wrap_like_msgcat(tmp_path: Path) -> None:
    sentences = _essay_sentences()
    assert len(sentences) > 30
    paragraphs = [
        p.strip()
        for p in (REPO / "sources" / "ja" / "118.md")
        .read_text(encoding="utf-8")
        .split("---", 2)[2]
        .split("\n\n")
        if p.strip()
    ]
    po = _catalog([(s, s) for s in sentences] + [(p, "") for p in paragraphs])
    text = _assert_like_gnu(po, tmp_path / "essay.po")
    assert "」\n" not in text.replace('"\n', "")  # sanity: no line ends inside quotes


@needs_gettext
def test_hand_picked_cases_match_msgcat(tmp_path: Path) -> None:
    pairs = [
        ("時間の層" * 19 + "「時間」", "Слой времени " * 7 + "— Өскемен қаласында"),
        ("ア" * 36 + "ッ" + "ー" + "ァ" * 3, "x" * 76 + " y"),
        ("「" * 20 + "あ" * 30 + "」" * 20, "\\" * 90),
        ('a\tb"c\\d\n\nsecond paragraph\n', 'a\tб"в\\г\n\nвторой абзац\n'),
        ("line\n", "строка\n"),
        ("１２３４５６７８９０" * 5 + "年", "1989-1993 " * 9),
        ("word " * 15 + "――。", "сөз " * 25),
        ("\n", "\n"),
        ("「" + "ペレストロイカ(改革)とグラスノスチ(情報公開)のお陰である。」" * 2, ""),
    ]
    po = _catalog(pairs, "ru")
    po.append(
        polib.POEntry(
            msgid="plural " * 12,
            msgid_plural="plurals " * 12,
            msgstr_plural={0: "один " * 20, 1: "много " * 20},
        )
    )
    po.append(
        polib.POEntry(
            msgid="Value of %d percent", msgstr="Значение %d процентов", flags=["c-format", "fuzzy"]
        )
    )
    po.append(polib.POEntry(msgid="no wrap " * 20, msgstr="без переноса " * 10, flags=["no-wrap"]))
    po.append(
        polib.POEntry(
            msgid="古い文です。" * 10,
            msgstr="Старое предложение. " * 6,
            obsolete=True,
            flags=["fuzzy"],
            previous_msgid="前の" * 40,
        )
    )
    po.append(polib.POEntry(msgid="untranslated obsolete", msgstr="", obsolete=True))
    _assert_like_gnu(po, tmp_path / "hand.po")


@needs_gettext
def test_flags_come_in_gnu_order(tmp_path: Path) -> None:
    po = _catalog([])
    languages = list(FORMAT_LANGUAGES)
    for number, language in enumerate(languages):
        other = languages[(number * 7 + 3) % len(languages)]
        flags = ["no-wrap", f"{language}-format", "fuzzy", "range: 0..9"]
        if other != language:
            flags.insert(0, f"no-{other}-format")
        po.append(polib.POEntry(msgid=f"message {number}", msgstr="text", flags=flags))
    text = _assert_like_gnu(po, tmp_path / "flags.po")
    assert "#, fuzzy, c-format, no-python-brace-format, range: 0..9, no-wrap\n" in text


def test_gnu_normalisations() -> None:
    po = _catalog([("一", "")])
    po[0].flags = ["fuzzy"]
    po[0].occurrences = [("./a.md", "1"), ("a.md", "1"), ("b.md", "")]
    po.append(polib.POEntry(msgid="gone", msgstr="", obsolete=True))
    text = format_po(po)
    assert "#, fuzzy" not in text  # gettext drops fuzzy on an empty msgstr
    assert "#: a.md:1 b.md\n" in text
    assert "gone" not in text  # an obsolete entry without translation is dropped
    assert text.startswith('msgid ""\nmsgstr ""\n"Project-Id-Version: 118\\n"\n')
    assert not text.endswith("\n\n")


@pytest.mark.parametrize("nplurals", [1, 3])
def test_untranslated_plural_gets_one_empty_form_per_nplurals(
    tmp_path: Path, nplurals: int
) -> None:
    po = _catalog([])
    po.metadata["Plural-Forms"] = f"nplurals={nplurals}; plural=0;"
    po.append(polib.POEntry(msgid="file", msgid_plural="files"))
    path = tmp_path / "plural.po"
    save_po(po, path)
    assert load_po(path)[0].msgstr_plural == dict.fromkeys(range(nplurals), "")


@needs_gettext
def test_a_previous_context_alone_gets_an_empty_previous_msgid(tmp_path: Path) -> None:
    """The PO grammar has no ``#| msgctxt`` without ``#| msgid``: an empty one is added."""
    po = _catalog([])
    po.append(
        polib.POEntry(msgid="now", msgstr="сейчас", previous_msgctxt="title", flags=["fuzzy"])
    )
    text = _assert_like_gnu(po, tmp_path / "previous.po")
    assert '#, fuzzy\n#| msgctxt "title"\n#| msgid ""\nmsgid "now"\n' in text
    assert load_po(tmp_path / "previous.po")[0].previous_msgid == ""


@needs_gettext
@pytest.mark.parametrize("mark", ["", "#~ "])
def test_no_wrap_keeps_every_string_of_the_entry_whole(tmp_path: Path, mark: str) -> None:
    """Context, previous strings, plural and every form: none is wrapped, as msgcat writes."""
    long = "Өскемен, бұрынғы Усть-Каменогорск, сирек металдардың орталығы болып табылады. " * 2
    previous = "#~| " if mark else "#| "
    strings = [
        f'{previous}msgctxt "{long}"',
        f'{previous}msgid "{long}1"',
        f'{previous}msgid_plural "{long}2"',
        f'{mark}msgctxt "{long}3"',
        f'{mark}msgid "{long}4"',
        f'{mark}msgid_plural "{long}5"',
        *(f'{mark}msgstr[{n}] "{long}{n}"' for n in range(3)),
    ]
    path = tmp_path / "no-wrap.po"
    gnu = _gnu_file(
        path, f"{_LONG_HEADER}\n#, fuzzy, no-wrap\n" + "\n".join(strings) + "\n"
    ).decode("utf-8")
    assert format_po(load_po(path)) == gnu
    assert gnu.endswith("\n".join(strings) + "\n")  # sanity: all whole


@needs_gettext
def test_references_fill_their_lines_like_msgcat(tmp_path: Path) -> None:
    """``#:`` lines filled up to column 79 (counted in bytes, as gettext counts them), a
    path longer than the line on its own line, each line ending exactly at the width in
    some entry: msgcat of the references written on one line each is the reference."""
    rng = random.Random(118)
    blocks = []
    for number in range(60):
        paths = [f"src/{'ab' * rng.randint(0, 9)}.md:{rng.randint(1, 999)}" for _ in range(30)]
        if number % 5 == 0:
            paths.insert(number // 5, f"sources/ja/{'レアメタル千夜一夜' * (number // 10 + 1)}.md")
        if number % 7 == 0:
            paths.insert(number % 2, f"sources/{'very-long-directory-name/' * 4}118.md:{number}")
        blocks.append(f'#: {" ".join(paths)}\nmsgid "message {number}"\nmsgstr ""\n')
    path = tmp_path / "references.po"
    gnu = _gnu_file(path, "\n".join([_LONG_HEADER, *blocks])).decode("utf-8")
    assert format_po(load_po(path)) == gnu
    widths = {len(line.encode("utf-8")) for line in gnu.split("\n") if line.startswith("#:")}
    assert 79 in widths  # sanity: some lines end exactly at the width
    assert max(widths) > 79  # and a single long path stays whole


def test_charset_becomes_utf8() -> None:
    po = _catalog([("a", "б")])
    po.metadata["Content-Type"] = "text/plain; charset=KOI8-R"
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in format_po(po)


def test_save_po_is_atomic_and_idempotent(tmp_path: Path) -> None:
    po = _catalog([(s, "") for s in _essay_sentences()[:5]])
    path = tmp_path / "locales" / "ru" / "118.po"
    assert save_po(po, path) is True
    first = path.read_bytes()
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert save_po(load_po(path), path) is False
    assert path.read_bytes() == first
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert [p.name for p in path.parent.iterdir()] == ["118.po"]
    po[0].msgstr = "Когда я говорю о редких металлах Центральной Азии"
    assert save_po(po, path) is True
    assert load_po(path)[0].msgstr == po[0].msgstr


@needs_gettext
def test_contradicting_flags_are_settled_like_msgcat(tmp_path: Path) -> None:
    """The last one said wins: a format and its negation, two ranges, wrap and no-wrap."""
    path = tmp_path / "contradicting.po"
    gnu = _gnu_file(
        path,
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#, no-python-format, python-format, c-format, no-c-format, no-wrap, fuzzy, "
        'range: 0..10, range: 2..5\nmsgid "x %d"\nmsgstr "y %d"\n\n'
        '#, wrap, no-wrap\nmsgid "a"\nmsgstr "b"\n\n#, no-wrap, wrap\nmsgid "c"\nmsgstr "d"\n\n'
        '#, c-format\n#, no-c-format\nmsgid "e"\nmsgstr "f"\n\n'
        '#, range: 0..10, no-wrap, c-format\n#~ msgid "g"\n#~ msgstr "h"\n',
    ).decode("utf-8")
    assert format_po(load_po(path)) == gnu
    assert "#, fuzzy, no-c-format, python-format, range: 2..5, no-wrap\n" in gnu  # sanity
    assert '#, c-format, no-wrap\n#~ msgid "g"' in gnu  # no range on an obsolete entry


def test_flags_gettext_does_not_know_are_kept_last() -> None:
    """msgcat drops them; a translator's own flag is kept instead (never lose their work)."""
    po = _catalog([])
    flags = ["custom", "no-c-format", "foo-format", "no-wrap", "c-format", "fuzzy"]
    po.append(polib.POEntry(msgid="x %d", msgstr="y %d", flags=flags))
    assert "#, fuzzy, c-format, no-wrap, custom, foo-format\n" in format_po(po)


@needs_gettext
def test_header_comment_fuzzy_header_and_plurals_without_plural_forms(tmp_path: Path) -> None:
    """The header keeps its comment and fuzzy flag, a Content-Type without charset gets one,
    plural entries count two forms when Plural-Forms is missing, and an entry stays fuzzy
    only when its first form is translated: all as msgcat writes them."""
    po = polib.POFile()
    po.header = "Russian translation.\nTranslator <t@example.org>, 2025."
    po.metadata = {"Project-Id-Version": "x 1", "Content-Type": "text/plain"}
    po.metadata_is_fuzzy = True
    plural = [
        ({0: "%d файл", 1: "%d файла"}, []),
        ({}, ["fuzzy"]),  # untranslated: two empty forms, no fuzzy
        ({0: "", 1: "половины"}, ["fuzzy"]),
        ({0: "первый", 1: ""}, ["fuzzy"]),
    ]
    for number, (forms, flags) in enumerate(plural):
        po.append(
            polib.POEntry(
                msgid=f"%d item {number}",
                msgid_plural=f"%d items {number}",
                msgstr_plural=forms,
                flags=flags,
            )
        )
    path = tmp_path / "header.po"
    text = format_po(po)
    path.write_text(text, encoding="utf-8")
    assert _msgcat(path).decode("utf-8") == text  # (msgfmt -c wants Plural-Forms: not here)
    assert text.startswith(
        "# Russian translation.\n# Translator <t@example.org>, 2025.\n#, fuzzy\n"
        'msgid ""\nmsgstr ""\n"Project-Id-Version: x 1\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    )
    assert 'msgid_plural "%d items 1"\nmsgstr[0] ""\nmsgstr[1] ""\n\n' in text
    assert text.count("#, fuzzy\n") == 2  # the header and "%d item 3"
    assert '#, fuzzy\nmsgid "%d item 3"' in text


def test_a_catalog_without_header_starts_with_its_first_entry() -> None:
    po = polib.POFile()
    po.append(polib.POEntry(msgid="one", msgstr="один"))
    assert format_po(po) == 'msgid "one"\nmsgstr "один"\n'


def _gnu_file(path: Path, text: str, encoding: str = "utf-8") -> bytes:
    """Write *text* to *path* and return what msgcat makes of it (the reference)."""
    path.write_bytes(text.encode(encoding))
    return _msgcat(path)


_LONG_HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: レアメタル千夜一夜 118\\n"\n'
    '"Last-Translator: Өскемен қаласының аудармашысы <t@example.org>, Ust-Kamenogorsk\\n"\n'
    '"Language-Team: Русская команда переводчиков редких металлов Центральной Азии\\n"\n'
    '"Language: ru\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
    '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
)
_BODY = (
    '\n#, python-format\nmsgid "%(count)d rare metals of Central Asia, listed one by one by '
    'the author of the essay"\nmsgstr "%(count)d редких металлов Центральной Азии, перечисленных '
    'автором эссе"\n'
)


@needs_gettext
@pytest.mark.parametrize("flags", ["", "#, fuzzy\n", "#, no-wrap\n", "#, fuzzy, no-wrap\n"])
def test_header_read_by_polib_is_written_like_msgcat(tmp_path: Path, flags: str) -> None:
    """polib's reader gives the header's flags as a list: each one is kept (``no-wrap``
    leaves the header's long non-ASCII lines whole), as msgcat keeps them."""
    path = tmp_path / "header.po"
    text = f"# Russian translation of night 118.\n#\n{flags}{_LONG_HEADER}{_BODY}"
    gnu = _gnu_file(path, text).decode("utf-8")
    assert format_po(polib.pofile(str(path))) == gnu
    whole = '"Language-Team: Русская команда переводчиков редких металлов Центральной Азии\\n"'
    assert (whole in gnu.split("\n")) == ("no-wrap" in flags)  # sanity: long enough to wrap


@needs_gettext
@pytest.mark.parametrize(
    ("encoding", "gettext_name"),
    [("koi8_r", "KOI8-R"), ("cp1251", "CP1251"), ("iso8859_5", "ISO-8859-5")],
)
@pytest.mark.parametrize("parameter", ["", " x-previous-charset=ASCII"])
def test_catalog_in_another_charset_is_written_as_msgconv_converts_it(
    tmp_path: Path, encoding: str, gettext_name: str, parameter: str
) -> None:
    """The header's first ``charset=`` (only the first, as msgconv does) says UTF-8."""
    header = _LONG_HEADER.replace("レアメタル千夜一夜", "Редкие металлы").replace(
        "Өскемен қаласының", "Усть-Каменогорский"
    )
    header = header.replace("charset=UTF-8\\n", f"charset={gettext_name}{parameter}\\n")
    path = tmp_path / "legacy.po"
    path.write_bytes(f"{header}{_BODY}".encode(encoding))
    converted = subprocess.run(
        ["msgconv", "--to-code=UTF-8", str(path)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert f"charset=UTF-8{parameter}\\n" in converted  # sanity
    assert format_po(polib.pofile(str(path), encoding=encoding)) == converted
    if not parameter:
        assert format_po(load_po(path)) == converted


@needs_gettext
def test_catalog_without_header_wraps_like_msgcat(tmp_path: Path) -> None:
    """No header, so no charset: msgcat still wraps ASCII strings (and refuses others)."""
    path = tmp_path / "bare.po"
    text = (
        'msgid "Rare metals of Central Asia: tungsten, molybdenum, beryllium, tantalum and '
        'niobium, told in a thousand and one nights"\nmsgstr ""\n\n'
        'msgctxt "a context that is itself long enough to be wrapped by msgcat at column '
        'seventy-nine"\nmsgid "short"\nmsgstr "and a translation that is long as well, '
        'longer than a line of seventy-nine columns"\n'
    )
    gnu = _gnu_file(path, text).decode("ascii")
    assert format_po(polib.pofile(str(path))) == gnu
    built = polib.POFile()
    for entry in polib.pofile(str(path)):
        built.append(entry)
    assert format_po(built) == gnu
