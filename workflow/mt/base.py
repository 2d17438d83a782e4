"""The engine interface: a chain of translation stages with a provenance line."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workflow.mt.ct2 import Progress

if TYPE_CHECKING:
    from workflow.mt.runs import MtRun


@dataclass(frozen=True)
class Stage:
    """One model hop, e.g. ``ja→en`` with package ``translate-ja_en-1_9`` version ``1.9``."""

    source: str
    target: str
    model: str
    version: str = ""

    def label(self) -> str:
        return f"{self.model} {self.version}".strip()


class Engine(ABC):
    """Translates texts from ``source`` to ``target`` through one or more stages."""

    name: str
    stages: tuple[Stage, ...]
    run: MtRun  # models and stage outputs shared with the other engines of this run

    @property
    def source(self) -> str:
        return self.stages[0].source

    @property
    def target(self) -> str:
        return self.stages[-1].target

    @property
    def pivots(self) -> list[str]:
        """Intermediate languages (``["en"]`` for ja→en→ru)."""
        return [stage.target for stage in self.stages[:-1]]

    def provenance(self) -> str:
        """``argos ja→ru translate-ja_en-1_9 1.9 + translate-en_ru-1_9 1.9; pivot en``."""
        models = " + ".join(stage.label() for stage in self.stages)
        text = f"{self.name} {self.source}→{self.target} {models}"
        if self.pivots:
            text += f"; pivot {', '.join(self.pivots)}"
        return text

    @abstractmethod
    def translate_stage(
        self, index: int, texts: list[str], progress: Progress | None = None
    ) -> list[str]:
        """Run stage *index* over *texts* in large batches; one output per input, in order."""

    @abstractmethod
    def stage_key(self, index: int) -> str:
        """Identifies what stage *index* computes (model, language tokens, decoding), so
        equal keys give equal outputs for equal inputs."""

    @property
    @abstractmethod
    def batch_calls(self) -> int:
        """``translate_batch`` calls made so far, all stages together."""
