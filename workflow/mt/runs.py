"""One run's machine translation: every model loaded once, every stage run once per text.

Pre-translating several languages in one run shares work between them: English and, through
the English pivot, Russian both need the ja→en stage.  Glossary protection substitutes the
first stage's target terms before translating, so that stage sees the same input for both
languages; :class:`MtRun` keeps each stage's outputs by input text and each loaded model by
path, so the stage runs (and the model loads) once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workflow.mt.base import Engine
from workflow.mt.ct2 import Ct2Model, Progress


@dataclass
class MtRun:
    """Models and stage outputs shared by every engine of one run."""

    models: dict[str, Ct2Model] = field(default_factory=dict)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Distinct texts a stage did not translate again because an earlier call had.
    reused: int = 0

    def model(self, key: str, load: Callable[[], Ct2Model]) -> Ct2Model:
        """The model stored under *key*, loaded on first use."""
        if key not in self.models:
            self.models[key] = load()
        return self.models[key]

    def translate_stage(
        self, engine: Engine, index: int, texts: list[str], progress: Progress | None = None
    ) -> list[str]:
        """Stage *index* of *engine* over *texts*, translating only texts it has not seen."""
        done = self.outputs.setdefault(engine.stage_key(index), {})
        distinct = dict.fromkeys(texts)
        todo = [text for text in distinct if text not in done]
        self.reused += len(distinct) - len(todo)
        if progress and len(texts) > len(todo):
            progress(len(texts) - len(todo))  # repeated and already translated texts
        if todo:
            done.update(zip(todo, engine.translate_stage(index, todo, progress), strict=True))
        return [done[text] for text in texts]
