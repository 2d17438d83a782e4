"""One CTranslate2 model with its SentencePiece tokenizer, translated in large batches.

Every pending segment of a language goes through ``translate_batch`` at once (split into
token-sized batches that CTranslate2 runs in parallel on ``inter_threads`` workers), instead of
one call per sentence.  Calls are chunked only to report progress on long runs.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from workflow.errors import ModelError

#: Smallest token budget of one batch when the work is split across workers.
MIN_BATCH_TOKENS = 64
#: A ``translate_batch`` call covers at most this many batches (progress granularity).
BATCHES_PER_CALL = 16

Progress = Callable[[int], None]


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding and batching settings shared by all engines (from ``[tool.workflow.mt]``)."""

    beam_size: int = 4
    max_batch_tokens: int = 1024
    max_decoding_length: int = 256
    length_penalty: float = 1.0
    device: str = "cpu"
    compute_type: str = "auto"
    threads: int = 0


def pip_command() -> str:
    """The ``pip`` of the running interpreter's environment, as a user would type it
    (``.venv/bin/pip`` inside the project), so install hints reach the right environment."""
    import sys

    if sys.prefix == sys.base_prefix:  # not a virtual environment
        return f"{Path(sys.executable).name} -m pip"
    pip = Path(sys.prefix) / "bin" / "pip"
    try:
        return pip.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(pip)


def mt_extra_hint() -> str:
    """How to install the optional ``mt`` extra."""
    return f"{pip_command()} install -e '.[mt]', or WORKFLOW_EXTRAS=mt .ci/setup"


def import_mt_stack() -> tuple[ModuleType, ModuleType]:
    """``(ctranslate2, sentencepiece)``, or a :class:`ModelError` saying how to install them."""
    try:
        import ctranslate2
        import sentencepiece
    except ImportError as exc:
        raise ModelError(
            f"machine translation needs the optional 'mt' extra ({exc.name} is missing)",
            hint=mt_extra_hint(),
        ) from exc
    return ctranslate2, sentencepiece


def mt_stack_installed() -> bool:
    """Whether CTranslate2 and SentencePiece can be imported (without importing them)."""
    from importlib.util import find_spec

    return find_spec("ctranslate2") is not None and find_spec("sentencepiece") is not None


def available_cores() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def thread_plan(threads: int = 0) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for *threads* cores (0 = all available).

    Batches run in parallel, one per worker, up to four workers; the remaining cores go
    to each worker's matrix operations.  On two cores this is 2 x 1, measured fastest.
    """
    cores = threads or available_cores()
    inter = max(1, min(cores, 4))
    return inter, max(1, cores // inter)


class Ct2Model:
    """A loaded CTranslate2 translator and the SentencePiece model of its vocabulary."""

    def __init__(self, model_dir: Path, spm_path: Path, options: DecodeOptions) -> None:
        ctranslate2, sentencepiece = import_mt_stack()
        self.options = options
        self.inter_threads, intra = thread_plan(options.threads)
        try:
            self.translator = ctranslate2.Translator(
                str(model_dir),
                device=options.device,
                compute_type=options.compute_type,
                inter_threads=self.inter_threads,
                intra_threads=intra,
            )
            self.tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(spm_path))
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(
                f"cannot load the model: {exc}",
                path=model_dir,
                hint="reinstall the package or reconvert the model",
            ) from exc
        #: Number of ``translate_batch`` calls made so far (one per chunk of many segments).
        self.batch_calls = 0

    def encode(self, text: str) -> list[str]:
        return self.tokenizer.encode(text, out_type=str)

    def decode(self, pieces: Sequence[str]) -> str:
        return self.tokenizer.decode_pieces(list(pieces)).strip()

    def translate_tokens(
        self,
        sources: Sequence[list[str]],
        target_prefix: list[str] | None = None,
        progress: Progress | None = None,
    ) -> list[list[str]]:
        """Translate tokenized *sources*; returns output tokens (prefix removed), in order."""
        results: list[list[str]] = []
        for chunk in self._chunks(sources):
            results += self._translate_chunk(chunk, target_prefix)
            if progress:
                progress(len(chunk))
        return results

    def _chunks(self, sources: Sequence[list[str]]) -> list[Sequence[list[str]]]:
        budget = self.options.max_batch_tokens * BATCHES_PER_CALL
        chunks: list[Sequence[list[str]]] = []
        start, used = 0, 0
        for index, tokens in enumerate(sources):
            if used and used + len(tokens) > budget:
                chunks.append(sources[start:index])
                start, used = index, 0
            used += len(tokens)
        if start < len(sources):
            chunks.append(sources[start:])
        return chunks

    def _batch_tokens(self, total: int) -> int:
        """Full-size batches when there is enough work for several; otherwise split the work
        so every worker gets a batch.  Measured on 2 cores with 1,318 source tokens: full
        1024-token batches beat two equal halves (2.11 s vs 2.34 s with varied output
        lengths, 1.61 s vs 1.93 s with uniform ones)."""
        largest = self.options.max_batch_tokens
        if total > largest:
            return largest
        return max(MIN_BATCH_TOKENS, math.ceil(total / self.inter_threads))

    def _translate_chunk(
        self, chunk: Sequence[list[str]], target_prefix: list[str] | None
    ) -> list[list[str]]:
        batch_tokens = self._batch_tokens(sum(len(tokens) for tokens in chunk))
        kwargs: dict[str, Any] = {}
        if target_prefix:
            kwargs["target_prefix"] = [list(target_prefix)] * len(chunk)
        self.batch_calls += 1
        outputs = self.translator.translate_batch(
            list(chunk),
            max_batch_size=batch_tokens,
            batch_type="tokens",
            beam_size=self.options.beam_size,
            max_decoding_length=self.options.max_decoding_length,
            length_penalty=self.options.length_penalty,
            replace_unknowns=True,
            **kwargs,
        )
        skip = len(target_prefix or ())
        return [_strip_prefix(out.hypotheses[0], target_prefix, skip) for out in outputs]


def _strip_prefix(tokens: list[str], prefix: list[str] | None, skip: int) -> list[str]:
    if prefix and tokens[:skip] == list(prefix):
        return tokens[skip:]
    return tokens
