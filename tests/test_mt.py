"""Machine-translation building blocks: settings, memory lookup, glossary protection, threads."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from workflow.config import load_config
from workflow.errors import ConfigError
from workflow.glossary import load_glossary
from workflow.mt.ct2 import thread_plan
from workflow.mt.protect import carry_terms, missing_terms, protect_source
from workflow.tm import TmUnit, TranslationMemory, reviewed_units

ROOT = Path(__file__).resolve().parents[1]


def _config(tmp_path: Path, mt: str):
    path = tmp_path / "pyproject.toml"
    path.write_text(
        f'[tool.workflow]\nproject-id = "x"\n\n[tool.workflow.mt]\n{mt}', encoding="utf-8"
    )
    return load_config(path)


def test_mt_settings_defaults_and_engines(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        "beam-size = 2\n[tool.workflow.mt.engines]\n"
        'kk = { engine = "nllb", model = "models/nllb" }\nru = { engine = "argos" }\n',
    )
    assert config.mt.beam_size == 2
    assert config.mt.max_decoding_length == 256
    assert config.mt.engines["kk"].model == "models/nllb"


@pytest.mark.parametrize(
    ("mt", "message"),
    [
        ("beam-sise = 2\n", "unknown key 'mt.beam-sise'"),
        ('[tool.workflow.mt.engines]\nkk = { engine = "nllb" }\n', "needs model"),
        (
            '[tool.workflow.mt.engines]\nkk = { engine = "google" }\n',
            "mt.engines.kk.engine.*unknown engine 'google'; known engines: 'argos', 'nllb'",
        ),
        ('[tool.workflow.mt.engines]\nxx = { engine = "argos" }\n', "unknown language 'xx'"),
        ('[tool.workflow.mt.engines]\nru = { engine = "argos", model = "m" }\n', "no model"),
        (
            '[tool.workflow.mt.engines]\nkk = { engine = "nllb", model = "m", size = 1 }\n',
            "unknown key 'mt.engines.kk.size'",
        ),
        ("max-decoding-length = 0\n", "max-decoding-length"),
    ],
)
def test_bad_mt_settings_are_rejected(tmp_path: Path, mt: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _config(tmp_path, mt)


def _unit(source: str, target: str, line: int = 1, obsolete: bool = False) -> TmUnit:
    return TmUnit(source, target, "locales/ru/1.po", line, obsolete)


def test_memory_exact_fuzzy_and_threshold() -> None:
    memory = TranslationMemory(
        [
            _unit("古い文。", "Старое.", 1, obsolete=True),
            _unit("古い文。", "Новое.", 2),
            _unit("中央アジアの資源は豊かである。", "Ресурсы богаты.", 3),
        ]
    )
    exact = memory.lookup("古い文。", 0.75)
    assert exact and exact.exact and exact.unit.target == "Новое."  # live beats obsolete
    fuzzy = memory.lookup("中央アジアの資源は豊かだ。", 0.75)
    assert fuzzy and not fuzzy.exact and 0.75 <= fuzzy.score < 1
    assert fuzzy.provenance() == f"tm: {int(fuzzy.score * 100)}% locales/ru/1.po:3"
    assert memory.lookup("中央アジアの資源は豊かだ。", 0.95) is None
    assert memory.lookup("全く別の文です。", 0.75) is None


def test_memory_takes_only_reviewed_entries() -> None:
    po = polib.POFile()
    po.append(polib.POEntry(msgid="a", msgstr="A"))
    po.append(polib.POEntry(msgid="b", msgstr="B", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="c", msgstr=""))
    po.append(polib.POEntry(msgid="d", msgstr="D", obsolete=True))
    assert [(u.source, u.obsolete) for u in reviewed_units(po, "x.po")] == [
        ("a", False),
        ("d", True),
    ]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary" / "terms.yaml")


def test_protect_substitutes_the_target_term(glossary) -> None:
    protected = protect_source(glossary, "ラズノインポルトなどの公団。", "en")
    assert protected.text == "Raznoimportなどのforeign-trade association。"
    assert [term.id for term in protected.terms] == ["raznoimport", "foreign-trade-association"]
    assert protect_source(None, "ラズノインポルト。", "en").text == "ラズノインポルト。"


def test_pivot_forms_are_carried_and_missing_terms_found(glossary) -> None:
    term = glossary.get("raznoimport")
    assert carry_terms("from Raznoimport.", [term], "en", "ru") == "from Разноимпорт."
    assert missing_terms("Статистика Разноимпорта.", [term], "ru") == ()
    assert missing_terms("Статистика ведомства.", [term], "ru") == (term,)


def test_thread_plan_uses_parallel_batches() -> None:
    assert thread_plan(1) == (1, 1)
    assert thread_plan(2) == (2, 1)
    assert thread_plan(16) == (4, 4)
