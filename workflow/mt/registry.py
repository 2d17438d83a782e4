"""The machine-translation engines the tool knows, one record each.

The ``engine`` values accepted in ``[tool.workflow.mt.engines]``, the ``--engine`` choices
of ``pretranslate`` and the model sections of ``models list`` all come from :data:`ENGINES`;
:mod:`workflow.mt.engines` opens an engine by its name.  This module imports nothing, so
the settings model can use it without loading the MT code.

>>> engine_choices()
('auto', 'argos', 'nllb', 'none')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineInfo:
    """One engine: its settings name, its name in messages, and how its model is found."""

    name: str  # the value of ``engine = "..."`` and of ``--engine``
    label: str  # in messages: "NLLB model for kk"
    needs_model: bool  # True: ``model = "<folder>"`` is required; False: found by language pair
    summary: str  # one line for help texts


ENGINES: dict[str, EngineInfo] = {
    info.name: info
    for info in (
        EngineInfo(
            "argos",
            "Argos",
            needs_model=False,
            summary="installed Argos Translate packages, direct or through the pivot language",
        ),
        EngineInfo(
            "nllb",
            "NLLB",
            needs_model=True,
            summary="an NLLB-200 model converted to CTranslate2, configured per language",
        ),
    )
}
#: The engine of a language that has no entry in ``[tool.workflow.mt.engines]``.
DEFAULT_ENGINE = "argos"
#: ``--engine`` values besides the engines: the configured one, or translation memory only.
AUTO, MEMORY_ONLY = "auto", "none"


def engine_choices() -> tuple[str, ...]:
    """The ``--engine`` choices: ``auto``, every engine, ``none``."""
    return (AUTO, *ENGINES, MEMORY_ONLY)


def engine_info(name: str) -> EngineInfo:
    """The record of engine *name*; :class:`ValueError` naming the known ones otherwise."""
    try:
        return ENGINES[name]
    except KeyError:
        known = ", ".join(repr(known) for known in ENGINES)
        raise ValueError(f"unknown engine {name!r}; known engines: {known}") from None
