"""The project on a real Weblate server: clean checks, the glossary, and no churn either way.

The tests run in file order on one server: the committed catalogs first, then the glossary,
an edit made in Weblate, every entry written by Weblate, and last a source change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.weblate.conftest import Site
from workflow.cli import main
from workflow.po import format_po, load_po
from workflow.termbase import parse_tbx

LANGUAGES = ("en", "ru", "kk")
CATALOGS = [f"locales/{lang}/118.po" for lang in LANGUAGES]
#: A Russian entry translate-toolkit wraps elsewhere than msgcat once edited (after «).
EDITED_SOURCE = "それでも私は一貫して、中央アジアにおける日本の役割は「量の争奪」ではなく、「質と信頼」にあると考えてきた。"  # noqa: E501
EDITED_TARGET = (
    "И всё же я неизменно считал, что роль Японии в Центральной Азии — не в «борьбе за "
    "количество», а в «качестве и доверии»."
)


def workflow(site: Site, *args: str) -> int:
    return main(["--project", str(site.work), *args])


def snapshot(site: Site) -> dict[str, bytes]:
    return {name: (site.work / name).read_bytes() for name in ["locales/118.pot", *CATALOGS]}


def failing_checks(site: Site) -> list[str]:
    """``lang check-name: source`` for every failing (not dismissed) Weblate check."""
    script = (
        "import json\n"
        "from weblate.checks.models import Check\n"
        "rows = Check.objects.filter(dismissed=False, unit__translation__component__slug="
        f"{site.component!r}).values_list('unit__translation__language__code', 'name',"
        " 'unit__source')\n"
        "print(json.dumps(sorted(f'{lang} {name}: {source}' for lang, name, source in rows)))"
    )
    return json.loads(site.server.manage("shell", "-c", script).strip().splitlines()[-1])


def unit_of(site: Site, lang: str, source: str) -> dict:
    query = f"/api/translations/{site.project}/{site.component}/{lang}/units/?page_size=100"
    units = [unit for unit in site.server.all_pages(query) if unit["source"] == [source]]
    assert len(units) == 1, f"{lang}: {len(units)} units for {source!r}"
    return units[0]


def pull_from_weblate(site: Site) -> None:
    """Weblate commits and pushes its pending changes; the clone pulls them."""
    site.repository("push")
    status = site.repository()
    assert not status["needs_commit"] and not status["needs_push"], status
    site.git("pull", "-q", "--ff-only")


def relaid_entries(path: Path) -> int:
    """How many entries of *path* are laid out otherwise than ``msgcat`` would write them."""
    ours = format_po(load_po(path)).split("\n\n")
    theirs = path.read_text(encoding="utf-8").split("\n\n")
    assert len(ours) == len(theirs)
    return sum(a.strip() != b.strip() for a, b in zip(ours[1:], theirs[1:], strict=True))


# --- 2. clean in Weblate ------------------------------------------------------------------


def test_committed_catalogs_raise_no_weblate_check(site: Site) -> None:
    translations = site.server.all_pages(f"{site.component_api}translations/")
    assert {t["language_code"] for t in translations} == {"ja", *LANGUAGES}
    for translation in translations:
        assert translation["total"] == 59, translation["language_code"]
    assert failing_checks(site) == []
    assert all(t["failing_checks"] == 0 for t in translations)
    # the ――。 convention is declared per entry, not by switching the check off
    unit = unit_of(site, "ru", "欧米、中国、ロシア、そして日本――。")
    assert "ignore-end-stop" in unit["flags"]
    assert "ignore-end-stop" not in unit_of(site, "ru", EDITED_SOURCE)["flags"]


# --- 3. the glossary ----------------------------------------------------------------------


def test_tbx_per_language_imports_with_its_language_alternates_and_notes(
    site: Site, tmp_path: Path
) -> None:
    glossary = f"/api/translations/{site.project}/glossary"
    for lang in ("ru", "kk"):
        tbx = tmp_path / f"{lang}.tbx"
        assert workflow(site, "glossary", "export", "--format", "tbx", "--lang", lang,
                        "-o", str(tbx)) == 0  # fmt: skip
        answer = site.server.api(
            "POST", f"{glossary}/{lang}/file/", {"method": "replace"},
            files={"file": (tbx.name, tbx.read_bytes())},
        )  # fmt: skip
        entries = parse_tbx(tbx.read_bytes(), tbx)
        expected = {entry.id: (entry.terms["ja"], entry.terms[lang]) for entry in entries}
        definitions = {entry.id: entry.descrips.get("definition", "") for entry in entries}
        assert sum(map(bool, definitions.values())) > len(entries) / 2
        assert answer["accepted"] == len(expected), answer
        units = site.server.all_pages(f"{glossary}/{lang}/units/?page_size=200")
        found = {unit["context"]: (unit["source"], unit["target"]) for unit in units}
        assert found == expected  # every pair, in the right language
        by_id = {unit["context"]: unit for unit in units}
        if lang == "ru":
            assert found["raznoimport"] == (["ラズノインポルト"], ["Разноимпорт"])
            assert found["kyrgyzstan.3"] == (["キルギスタン"], ["Киргизия"])  # admitted form
            assert found["kyrgyzstan.2"] == (["キルギス"], ["Кыргызстан"])  # Japanese variant
            assert "keep as is" in by_id["oda"]["note"]
        explanations = {unit["context"]: unit["explanation"] for unit in units}
        assert explanations == definitions  # each term's note, on every one of its pairs
    assert failing_checks(site) == []  # Weblate's glossary check stays off


# --- 4 and 5. no churn, either way -------------------------------------------------------


def test_an_edit_in_weblate_comes_back_without_churn(site: Site) -> None:
    unit = unit_of(site, "ru", EDITED_SOURCE)
    site.server.api("PATCH", unit["url"], {"target": [EDITED_TARGET], "state": 20})
    pull_from_weblate(site)
    po = site.work / "locales" / "ru" / "118.po"
    assert load_po(po).find(EDITED_SOURCE).msgstr == EDITED_TARGET
    assert relaid_entries(po) >= 1  # Weblate's wrapping, not msgcat's
    header = po.read_text(encoding="utf-8").split("\n\n")[0]
    assert "X-Generator: Weblate" in header and "Last-Translator: Weblate Admin" in header
    before = snapshot(site)
    assert workflow(site, "check", "--strict") == 0
    assert workflow(site, "update") == 0
    assert snapshot(site) == before
    assert workflow(site, "build") == 0
    assert snapshot(site) == before


def test_every_entry_written_by_weblate_survives_update(site: Site, tmp_path: Path) -> None:
    """Weblate writes every entry of every catalog (its text unchanged): 177 entries."""
    for lang, name in zip(LANGUAGES, CATALOGS, strict=True):
        original = (site.work / name).read_bytes()
        po = load_po(site.work / name)
        for entry in po:
            entry.msgstr += " (draft)"
        draft = format_po(po).encode("utf-8")
        for content in (draft, original):  # every unit changes, then gets its text back
            answer = site.server.api(
                "POST", f"/api/translations/{site.project}/{site.component}/{lang}/file/",
                {"method": "translate", "conflicts": "replace-translated"},
                files={"file": ("118.po", content)},
            )  # fmt: skip
            assert answer["accepted"] == 59, answer
        units = site.server.all_pages(
            f"/api/translations/{site.project}/{site.component}/{lang}/units/?page_size=100"
        )
        assert len(units) == 59 and all(unit["pending"] for unit in units)  # all to write
    pull_from_weblate(site)
    log = site.git("log", "-3", "--format=%an %s")
    assert log.count("Translated using Weblate") == 3, log
    relaid = sum(relaid_entries(site.work / name) for name in CATALOGS)
    assert relaid > 0  # 6 entries of the 177, with Weblate 5.14.3 and these catalogs
    before = snapshot(site)
    assert workflow(site, "update") == 0
    assert snapshot(site) == before
    assert workflow(site, "check", "--strict") == 0


def test_a_source_change_reaches_weblate_as_new_and_fuzzy_entries(site: Site) -> None:
    source = site.work / "sources" / "ja" / "118.md"
    text = source.read_text(encoding="utf-8")
    old_sentence = "欧米、中国、ロシア、そして日本――。"
    new_sentence = "欧米、中国、ロシア、インド、そして日本――。"
    added = "新しい一文である。"
    assert old_sentence in text
    text = text.replace(old_sentence, new_sentence, 1).replace(
        EDITED_SOURCE, EDITED_SOURCE + added, 1
    )
    source.write_text(text, encoding="utf-8")
    assert workflow(site, "update") == 0
    site.git("commit", "-q", "-am", "Source: one sentence changed, one added")
    site.git("push", "-q", "origin", "main")
    ours = site.git("rev-parse", "HEAD").strip()
    status = site.repository("pull")
    assert not status["needs_commit"] and not status["needs_merge"], status
    assert status["weblate_commit"]["revision"] == ours  # pulled as is: no rewrite, no merge
    for lang in LANGUAGES:
        fuzzy = unit_of(site, lang, new_sentence)
        assert fuzzy["fuzzy"] and fuzzy["previous_source"] == old_sentence
        assert unit_of(site, lang, added)["target"] == [""]
    after = site.repository()
    assert after["weblate_commit"]["revision"] == ours and not after["needs_commit"]
    assert re.search(r"nothing to commit", after["status"]), after["status"]
