"""Build small but real translation models for tests and benchmarks (no download, no torch).

A SentencePiece model is trained on a few hundred lines; a CTranslate2 Transformer with
random numpy weights is built through :mod:`ctranslate2.specs` and saved by a tiny
:class:`ctranslate2.converters.Converter` subclass (so CTranslate2 validates, quantizes and
writes it exactly as for a real conversion).  The output is gibberish; the plumbing is real.

* :func:`build_argos_package` zips an Argos Translate package (``.argosmodel``).
* :func:`build_nllb_model` writes an NLLB-style folder: language tokens in the vocabulary,
  ``</s>`` as decoder start token, ``sentencepiece.bpe.model`` next to ``model.bin``.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece as spm
from ctranslate2.specs import common_spec, transformer_spec

ROOT = Path(__file__).resolve().parents[1]
ESSAY = ROOT / "sources" / "ja" / "118.md"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_EN_WORDS = _words(
    "the rare metals of central asia lie under the steppe and the mountains while traders "
    "from moscow tokyo and beijing negotiate long contracts for titanium sponge tantalum "
    "niobium indium gallium beryllium and the trust between people is the deepest vein"
)
_RU_WORDS = _words(
    "редкие металлы центральной азии лежат под степью и горами пока торговцы из москвы "
    "токио и пекина ведут переговоры о долгих контрактах на титановую губку тантал ниобий "
    "индий галлий бериллий и доверие между людьми самая глубокая жила"
)
_KK_WORDS = _words(
    "орталық азияның сирек металдары дала мен таулардың астында жатыр саудагерлер мәскеу "
    "токио және бейжіңнен келіп титан губкасы тантал ниобий индий галлий бериллий туралы "
    "ұзақ келісімшарттар жасайды адамдар арасындағы сенім ең терең кен"
)


def essay_sentences() -> list[str]:
    """Japanese sentences of the essay body (a plain split on 。, good enough for training)."""
    text = ESSAY.read_text(encoding="utf-8").split("---", 2)[-1]
    return [part.strip() + "。" for part in re.split(r"。", text) if part.strip()]


def synthetic_lines(words: tuple[str, ...] | list[str], count: int, seed: int) -> list[str]:
    """*count* pseudo-sentences drawn from *words* (deterministic for a *seed*)."""
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(5, 14)))
        lines.append(sentence.capitalize() + ".")
    return lines


def corpus(langs: tuple[str, ...], lines_per_language: int = 150) -> list[str]:
    """Training lines for the given languages (``ja`` = essay sentences)."""
    words = {"en": _EN_WORDS, "ru": _RU_WORDS, "kk": _KK_WORDS}
    lines: list[str] = []
    for index, lang in enumerate(langs):
        if lang == "ja":
            lines += essay_sentences() * 2
        else:
            lines += synthetic_lines(words[lang], lines_per_language, seed=index)
    return lines


def train_sentencepiece(
    lines: list[str],
    model_prefix: Path,
    vocab_size: int = 600,
    user_symbols: tuple[str, ...] = (),
) -> list[str]:
    """Train a unigram SentencePiece model at ``<model_prefix>.model``; return its pieces."""
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=str(model_prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        user_defined_symbols=list(user_symbols),
        minloglevel=2,
        num_threads=1,
    )
    processor = spm.SentencePieceProcessor(model_file=f"{model_prefix}.model")
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


@dataclass(frozen=True)
class ModelShape:
    """Size of a Transformer encoder-decoder."""

    layers: int = 2
    d_model: int = 64
    heads: int = 4
    ffn: int = 128


class _RandomTransformer(ctranslate2.converters.Converter):
    """A converter whose "source model" is a spec filled with random weights."""

    def __init__(
        self,
        vocabulary: list[str],
        shape: ModelShape,
        seed: int,
        eos_bias: float,
        decoder_start: str,
        suppress_from: int,
    ) -> None:
        self.vocabulary = vocabulary
        self.suppress_from = suppress_from
        self.shape = shape
        self.rng = np.random.default_rng(seed)
        self.eos_bias = eos_bias
        self.decoder_start = decoder_start

    def _load(self) -> transformer_spec.TransformerSpec:
        shape = self.shape
        spec = transformer_spec.TransformerSpec.from_config(
            (shape.layers, shape.layers), shape.heads
        )
        spec.config.decoder_start_token = self.decoder_start
        vocab = len(self.vocabulary)
        spec.encoder.embeddings[0].weight = self._matrix(vocab, shape.d_model)
        spec.decoder.embeddings.weight = self._matrix(vocab, shape.d_model)
        self._norm(spec.encoder.layer_norm)
        self._norm(spec.decoder.layer_norm)
        for layer in spec.encoder.layer:
            self._attention(layer.self_attention, fused=3)
            self._ffn(layer.ffn)
        for layer in spec.decoder.layer:
            self._attention(layer.self_attention, fused=3)
            self._cross_attention(layer.attention)
            self._ffn(layer.ffn)
        self._linear(spec.decoder.projection, vocab, shape.d_model)
        spec.decoder.projection.bias[self.vocabulary.index("</s>")] += self.eos_bias
        spec.decoder.projection.bias[self.suppress_from :] = -1e4
        spec.register_source_vocabulary(self.vocabulary)
        spec.register_target_vocabulary(self.vocabulary)
        return spec

    def _matrix(self, rows: int, cols: int) -> np.ndarray:
        return (self.rng.standard_normal((rows, cols)) / np.sqrt(cols)).astype(np.float32)

    def _linear(self, linear: common_spec.LinearSpec, out_dim: int, in_dim: int) -> None:
        linear.weight = self._matrix(out_dim, in_dim)
        linear.bias = np.zeros(out_dim, dtype=np.float32)

    def _norm(self, norm: common_spec.LayerNormSpec) -> None:
        norm.gamma = np.ones(self.shape.d_model, dtype=np.float32)
        norm.beta = np.zeros(self.shape.d_model, dtype=np.float32)

    def _attention(self, attention, fused: int) -> None:
        d = self.shape.d_model
        self._norm(attention.layer_norm)
        self._linear(attention.linear[0], fused * d, d)
        self._linear(attention.linear[1], d, d)

    def _cross_attention(self, attention) -> None:
        d = self.shape.d_model
        self._norm(attention.layer_norm)
        self._linear(attention.linear[0], d, d)
        self._linear(attention.linear[1], 2 * d, d)
        self._linear(attention.linear[2], d, d)

    def _ffn(self, ffn) -> None:
        self._norm(ffn.layer_norm)
        self._linear(ffn.linear_0, self.shape.ffn, self.shape.d_model)
        self._linear(ffn.linear_1, self.shape.d_model, self.shape.ffn)


def build_ct2_model(
    output_dir: Path,
    vocabulary: list[str],
    shape: ModelShape = ModelShape(),
    *,
    seed: int = 0,
    eos_bias: float = 0.0,
    quantization: str | None = None,
    decoder_start: str = "<s>",
    suppress_from: int | None = None,
) -> Path:
    """Write a random-weight CTranslate2 Transformer over *vocabulary* to *output_dir*.

    Tokens from index *suppress_from* on are never generated (padding of the vocabulary).
    """
    converter = _RandomTransformer(
        vocabulary,
        shape,
        seed,
        eos_bias,
        decoder_start,
        len(vocabulary) if suppress_from is None else suppress_from,
    )
    return Path(converter.convert(str(output_dir), quantization=quantization, force=True))


def build_argos_package(
    dest: Path,
    from_code: str,
    to_code: str,
    *,
    shape: ModelShape = ModelShape(),
    version: str = "1.9",
    eos_bias: float = 0.0,
    quantization: str | None = None,
    vocab_size: int = 600,
    seed: int = 0,
    pad_vocabulary_to: int = 0,
) -> Path:
    """Build ``<dest>/translate-<from>_<to>.argosmodel`` and return its path.

    *pad_vocabulary_to* appends unused tokens to the model vocabulary (after the SentencePiece
    pieces, never generated) so that embeddings and output projection have a real model's size
    even when the training lines only give a few thousand pieces.
    """
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    work = dest / f"{name}.build"
    package = work / name
    package.mkdir(parents=True, exist_ok=True)
    pieces = train_sentencepiece(
        corpus((from_code, to_code)), package / "sentencepiece", vocab_size=vocab_size
    )
    (package / "sentencepiece.vocab").unlink()
    real = len(pieces)
    pieces += [f"<unused{i}>" for i in range(pad_vocabulary_to - real)]
    build_ct2_model(
        package / "model",
        pieces,
        shape,
        seed=seed,
        eos_bias=eos_bias,
        quantization=quantization,
        suppress_from=real,
    )
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
    }
    (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    archive = dest / f"{name}.argosmodel"
    zip_folder(package, archive)
    return archive


def zip_folder(folder: Path, archive: Path) -> None:
    """Zip *folder* so that the archive holds exactly one top folder, ``folder.name``."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(folder, f"{folder.name}/")
        for path in sorted(folder.rglob("*")):
            zf.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")


NLLB_TOKENS = ("eng_Latn", "jpn_Jpan", "kaz_Cyrl", "rus_Cyrl")


def build_nllb_model(
    dest: Path,
    *,
    shape: ModelShape = ModelShape(),
    seed: int = 1,
    eos_bias: float = 0.0,
) -> Path:
    """An NLLB-style CTranslate2 folder (language tokens, ``sentencepiece.bpe.model``)."""
    dest.mkdir(parents=True, exist_ok=True)
    pieces = train_sentencepiece(
        corpus(("ja", "en", "kk", "ru")), dest / "sentencepiece.bpe", vocab_size=900
    )
    (dest / "sentencepiece.bpe.vocab").unlink()
    vocabulary = pieces + list(NLLB_TOKENS)
    model_dir = dest / "model.build"
    build_ct2_model(
        model_dir, vocabulary, shape, seed=seed, eos_bias=eos_bias, decoder_start="</s>"
    )
    for path in model_dir.iterdir():
        path.rename(dest / path.name)
    model_dir.rmdir()
    return dest


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """An in-memory zip with the given member names and contents."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()
