"""NLLB-200 converted to CTranslate2: the engine for languages Argos has no package for.

The model folder is the output of ``ct2-transformers-converter`` with the SentencePiece model
copied next to it (``--copy_files sentencepiece.bpe.model``).  NLLB expects the source as
``[src_lang] + pieces + ["</s>"]`` and the target language token as the target prefix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from workflow import languages
from workflow.config import MtEngineSettings
from workflow.errors import ModelError
from workflow.mt.base import Engine, Stage
from workflow.mt.ct2 import Ct2Model, DecodeOptions, Progress
from workflow.mt.runs import MtRun

SPM_NAMES = ("sentencepiece.bpe.model", "sentencepiece.model")
VOCABULARY_NAMES = ("shared_vocabulary.json", "shared_vocabulary.txt")
CONVERT_HINT = "convert facebook/nllb-200-distilled-600M with ct2-transformers-converter (README)"


@dataclass(frozen=True)
class NllbModel:
    """A checked NLLB model folder and the language tokens for one direction."""

    path: Path
    spm_path: Path
    source_token: str
    target_token: str

    @property
    def name(self) -> str:
        return self.path.name


def locate_nllb(root: Path, settings: MtEngineSettings, source: str, target: str) -> NllbModel:
    """Check the configured model folder; :class:`ModelError` saying what is missing."""
    assert settings.model is not None  # guaranteed by MtEngineSettings validation
    path = root / Path(settings.model).expanduser()
    if not (path / "model.bin").is_file():
        raise ModelError("no CTranslate2 model (model.bin) here", path=path, hint=CONVERT_HINT)
    spm_path = next((path / name for name in SPM_NAMES if (path / name).is_file()), None)
    if spm_path is None:
        raise ModelError(
            "no sentencepiece.bpe.model next to the model",
            path=path,
            hint="copy it from the original model (converter option --copy_files)",
        )
    source_token = settings.source_token or languages.get(source).nllb_code or ""
    target_token = settings.target_token or languages.get(target).nllb_code or ""
    vocabulary = _vocabulary(path)
    for token in (source_token, target_token):
        if token not in vocabulary:
            raise ModelError(
                f"language token {token!r} is not in the model vocabulary",
                path=path,
                hint="set source-token / target-token in [tool.workflow.mt.engines]",
            )
    return NllbModel(path, spm_path, source_token, target_token)


def _vocabulary(path: Path) -> set[str]:
    for name in VOCABULARY_NAMES:
        file = path / name
        if file.is_file():
            text = file.read_text(encoding="utf-8")
            return set(json.loads(text)) if name.endswith(".json") else set(text.splitlines())
    raise ModelError("no shared vocabulary file in the model folder", path=path, hint=CONVERT_HINT)


class NllbEngine(Engine):
    """One NLLB model, one stage, language tokens as NLLB expects them."""

    name = "nllb"

    def __init__(
        self,
        model: NllbModel,
        source: str,
        target: str,
        options: DecodeOptions,
        run: MtRun | None = None,
    ):
        self.nllb = model
        self.options = options
        self.stages = (Stage(source, target, model.name),)
        self.run = run or MtRun()

    def model(self) -> Ct2Model:
        """The loaded model (loaded once per run, whichever languages use it)."""
        return self.run.model(
            self._model_key(), lambda: Ct2Model(self.nllb.path, self.nllb.spm_path, self.options)
        )

    def _model_key(self) -> str:
        return f"nllb {self.nllb.path} {self.options}"

    def stage_key(self, index: int) -> str:
        return f"{self._model_key()} {self.nllb.source_token}→{self.nllb.target_token}"

    def translate_stage(
        self, index: int, texts: list[str], progress: Progress | None = None
    ) -> list[str]:
        model = self.model()
        sources = [self.source_tokens(text) for text in texts]
        outputs = model.translate_tokens(sources, [self.nllb.target_token], progress)
        return [model.decode(tokens) for tokens in outputs]

    def source_tokens(self, text: str) -> list[str]:
        """``[src_lang] + pieces + ["</s>"]``, the input NLLB was trained on."""
        return [self.nllb.source_token, *self.model().encode(text), "</s>"]

    @property
    def batch_calls(self) -> int:
        model = self.run.models.get(self._model_key())
        return model.batch_calls if model else 0
