"""Which engine translates into which language, from ``[tool.workflow.mt]`` and installed models.

Without an entry in ``[tool.workflow.mt.engines]`` a language uses Argos packages (direct pair
or through the pivot language).  Opening an engine checks files but loads no model yet.  The
engines are those of :data:`workflow.mt.registry.ENGINES`; each has an opener here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workflow import languages
from workflow.config import MtEngineSettings
from workflow.errors import ModelError
from workflow.mt.argos import ArgosEngine, find_route, package_dirs, scan_packages
from workflow.mt.base import Engine
from workflow.mt.ct2 import DecodeOptions, mt_extra_hint, mt_stack_installed
from workflow.mt.nllb import NllbEngine, locate_nllb
from workflow.mt.registry import DEFAULT_ENGINE, engine_info
from workflow.mt.runs import MtRun
from workflow.project import PYPROJECT, Project


def decode_options(project: Project) -> DecodeOptions:
    """Batching and decoding settings of the project."""
    mt = project.config.mt
    return DecodeOptions(
        beam_size=mt.beam_size,
        max_batch_tokens=mt.max_batch_tokens,
        max_decoding_length=mt.max_decoding_length,
        device=mt.device,
        compute_type=mt.compute_type,
        threads=mt.threads,
    )


def engine_settings(project: Project, target: str, name: str | None = None) -> MtEngineSettings:
    """The configured engine for *target*, or the one named *name* (default: Argos)."""
    configured = project.config.mt.engines.get(target)
    if name is None:
        return configured or MtEngineSettings(engine=DEFAULT_ENGINE)
    if configured and configured.engine == name:
        return configured
    info = engine_info(name)
    if info.needs_model:
        raise ModelError(
            f"no {info.label} model configured for {target!r}",
            path=project.root / PYPROJECT,
            hint=f'add {target} = {{ engine = "{name}", model = "<folder>" }} '
            "to [tool.workflow.mt.engines]",
        )
    return MtEngineSettings(engine=name)


def open_engine(
    project: Project, target: str, name: str | None = None, run: MtRun | None = None
) -> Engine:
    """The engine that translates the source language into *target*; :class:`ModelError`
    (saying what to install or configure) if there is none.  Engines opened with the same
    *run* share loaded models and stage outputs."""
    if not mt_stack_installed():
        raise ModelError(
            "machine translation needs the optional 'mt' extra (ctranslate2, sentencepiece)",
            hint=mt_extra_hint(),
        )
    settings = engine_settings(project, target, name)
    return _BACKENDS[settings.engine].open(project, target, settings, run)


def model_state(project: Project, target: str, settings: MtEngineSettings) -> str:
    """``jpn_Jpan→kaz_Cyrl ok`` or ``unusable: why``, for an engine configured with a model."""
    check = _BACKENDS[settings.engine].check_model
    if check is None:
        return "ok"
    try:
        return check(project, target, settings)
    except ModelError as exc:
        return f"unusable: {exc}"


def _open_nllb(
    project: Project, target: str, settings: MtEngineSettings, run: MtRun | None
) -> Engine:
    source = project.config.source_language
    model = locate_nllb(project.root, settings, source, target)
    return NllbEngine(model, source, target, decode_options(project), run)


def _nllb_model_state(project: Project, target: str, settings: MtEngineSettings) -> str:
    model = locate_nllb(project.root, settings, project.config.source_language, target)
    return f"{model.source_token}→{model.target_token} ok"


def _open_argos(
    project: Project, target: str, settings: MtEngineSettings, run: MtRun | None
) -> Engine:
    source = project.config.source_language
    pivot = project.config.mt.pivot
    dirs = package_dirs(project)
    packages, problems = scan_packages(dirs)
    route = find_route(packages, source, target, pivot)
    if route is not None:
        return ArgosEngine(route, decode_options(project), run)
    if not languages.get(target).argos:
        raise ModelError(
            f"Argos publishes no {target} model",
            hint=f"configure an NLLB-200 model for {target} in [tool.workflow.mt.engines] "
            "(README: Kazakh: NLLB-200)",
        )
    unreadable = next((problem for problem in problems if problem.path in dirs), None)
    if unreadable is not None:
        raise unreadable
    raise ModelError(
        f"no Argos package for {source}→{target}"
        + ("" if pivot in (source, target) else f" (nor through {pivot})"),
        hint=_install_hint(source, target, pivot),
    )


@dataclass(frozen=True)
class _Backend:
    """How an engine of the registry is opened, and how its configured model is checked."""

    open: Callable[[Project, str, MtEngineSettings, MtRun | None], Engine]
    check_model: Callable[[Project, str, MtEngineSettings], str] | None = None


#: One backend per name of :data:`workflow.mt.registry.ENGINES`.
_BACKENDS: dict[str, _Backend] = {
    "argos": _Backend(_open_argos),
    "nllb": _Backend(_open_nllb, _nllb_model_state),
}


def _install_hint(source: str, target: str, pivot: str) -> str:
    if pivot in (source, target):
        return f"workflow models install --from-index {source} {target}"
    return (
        f"workflow models install --from-index {source} {pivot} && "
        f"workflow models install --from-index {pivot} {target}"
    )


def available_engine(project: Project, lang: str) -> str | None:
    """Name of the engine that would translate into *lang*, or None if none is usable."""
    try:
        return open_engine(project, lang).name
    except ModelError:
        return None
