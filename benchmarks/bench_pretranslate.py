"""Pre-translation speed: argostranslate's per-sentence path vs our batched stage vs the floor.

Run on demand (not in CI)::

    .venv/bin/python benchmarks/bench_pretranslate.py [--sentences 40] [--beam 4]

Builds Transformer-base-sized Argos packages with random weights (6+6 layers, d_model 512,
8 heads, FFN 2048, int8, 32k-token vocabulary: the SentencePiece model trained on the essay has
far fewer pieces, the rest of the vocabulary is unused padding so embeddings and output
projection have the real size; the ``</s>`` logit is biased so outputs end at varied lengths).
Then, for ja→en and for the pivot ja→en→ru, over the essay's sentences:

(a) argostranslate's ``translate()`` per segment when ``argostranslate.translate`` imports;
    otherwise (no stanza/torch here) exactly its per-sentence path: one ``translate_batch``
    per sentence with ``max_batch_size=32`` tokens, beam 4, ``length_penalty=0.2``, on a
    translator built with argos' default threads (inter 1, intra 0);
(b) ``pretranslate_project`` on a real project (PO load, memory, glossary, save);
(c) one bare ``translate_batch`` over all sentences per stage (the floor), with our threads.

All three use the same beam size and ``max_decoding_length``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import ctranslate2  # noqa: E402
import sentencepiece as spm  # noqa: E402

from tests import modelfactory  # noqa: E402
from workflow.cli import main as workflow_main  # noqa: E402
from workflow.glossary import load_glossary  # noqa: E402
from workflow.mt.argos import ARGOS_LENGTH_PENALTY  # noqa: E402
from workflow.mt.ct2 import thread_plan  # noqa: E402
from workflow.mt.protect import protect_source  # noqa: E402
from workflow.po import load_po  # noqa: E402
from workflow.pretranslate import pretranslate_project  # noqa: E402
from workflow.project import Project  # noqa: E402

BASE = modelfactory.ModelShape(layers=6, d_model=512, heads=8, ffn=2048)
VOCABULARY = 32_000
EOS_BIAS = 2.2
MAX_DECODING_LENGTH = 96


class Package:
    """An extracted package: translator with the given threads plus its tokenizer."""

    def __init__(self, folder: Path, inter: int, intra: int) -> None:
        self.translator = ctranslate2.Translator(
            str(folder / "model"), inter_threads=inter, intra_threads=intra
        )
        self.sp = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))

    def encode(self, text: str) -> list[str]:
        return self.sp.encode(text, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        return self.sp.decode_pieces(tokens).strip()


def argos_per_segment(
    route: list[Package], sentences: list[str], beam: int, cap: int
) -> list[list[int]]:
    """argostranslate 1.9's ``apply_packaged_translation`` for one sentence at a time."""
    lengths: list[list[int]] = [[] for _ in route]
    for sentence in sentences:
        text = sentence
        for stage, package in enumerate(route):
            result = package.translator.translate_batch(
                [package.encode(text)],
                replace_unknowns=True,
                max_batch_size=32,
                batch_type="tokens",
                beam_size=beam,
                num_hypotheses=1,
                length_penalty=0.2,
                return_scores=True,
                max_decoding_length=cap,
            )
            text = package.decode(result[0].hypotheses[0])
            lengths[stage].append(len(result[0].hypotheses[0]))
    return lengths


def bare_batch(route: list[Package], sentences: list[str], beam: int, cap: int) -> list[list[int]]:
    """One ``translate_batch`` call over everything per stage: the floor."""
    texts, lengths = sentences, []
    for package in route:
        results = package.translator.translate_batch(
            [package.encode(text) for text in texts],
            max_batch_size=1024,
            batch_type="tokens",
            beam_size=beam,
            max_decoding_length=cap,
            length_penalty=ARGOS_LENGTH_PENALTY,
            replace_unknowns=True,
        )
        lengths.append([len(r.hypotheses[0]) for r in results])
        texts = [package.decode(r.hypotheses[0]) for r in results]
    return lengths


def make_project(root: Path, packages: Path, beam: int, sentences: int, cap: int) -> Project:
    """A project whose source is the first *sentences* sentences of the essay."""
    (root / "sources" / "ja").mkdir(parents=True)
    essay = modelfactory.ESSAY.read_text(encoding="utf-8")
    front = essay.split("---", 2)[1]
    chosen = modelfactory.essay_sentences()[:sentences]
    paragraphs = ["".join(chosen[i : i + 4]) for i in range(0, len(chosen), 4)]
    (root / "sources" / "ja" / "118.md").write_text(
        f"---{front}---\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
    )
    shutil.copytree(REPO / "glossary", root / "glossary")
    (root / "pyproject.toml").write_text(
        textwrap.dedent(f"""\
        [tool.workflow]
        project-id = "bench"
        languages = ["en", "ru"]

        [tool.workflow.mt]
        packages-dir = "{packages}"
        beam-size = {beam}
        max-decoding-length = {cap}
        """),
        encoding="utf-8",
    )
    assert workflow_main(["--project", str(root), "update"]) == 0
    return Project.discover(root)


def timed(label: str, count: int, func, repeat: int, reset=None) -> float:
    """Best of *repeat* runs of *func* (the machine is shared; the minimum is the signal)."""
    best = float("inf")
    for _ in range(repeat):
        if reset:
            reset()
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:52} {best:7.2f} s  {count / best:6.2f} segments/s")
    return best


def argos_translate_available() -> bool:
    try:
        import argostranslate.translate  # noqa: F401
    except ImportError as exc:
        print(f"argostranslate.translate not importable ({exc}); emulating its per-sentence path")
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=40)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=1, help="report the best of N runs")
    parser.add_argument("--max-decoding-length", type=int, default=MAX_DECODING_LENGTH)
    parser.add_argument(
        "--eos-bias",
        type=float,
        default=EOS_BIAS,
        help="added to the </s> logit of the random models (0: outputs always hit the cap)",
    )
    args = parser.parse_args()
    cap = args.max_decoding_length
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        packages = work / "packages"
        for seed, (src, tgt) in enumerate((("ja", "en"), ("en", "ru"))):
            archive = modelfactory.build_argos_package(
                work,
                src,
                tgt,
                shape=BASE,
                quantization="int8",
                eos_bias=args.eos_bias,
                vocab_size=8000,
                pad_vocabulary_to=VOCABULARY,
                seed=seed,
            )
            with zipfile.ZipFile(archive) as zf:
                zf.extractall(packages)
        folders = {p.name.split("-")[1]: p for p in packages.iterdir()}
        print(
            f"built 2 packages in {time.perf_counter() - start:.1f} s "
            f"(int8, {os.path.getsize(folders['ja_en'] / 'model' / 'model.bin') >> 20} MiB)"
        )
        project = make_project(work / "project", packages, args.beam, args.sentences, cap)
        sentences = [e.msgid for e in load_po(project.po_path("en", "118")) if e.msgid]
        inter, intra = thread_plan()
        argos = {k: Package(v, 1, 0) for k, v in folders.items()}
        ours = {k: Package(v, inter, intra) for k, v in folders.items()}
        spm_size = argos["ja_en"].sp.get_piece_size()
        print(
            f"{len(sentences)} sentences, beam {args.beam}, max_decoding_length "
            f"{cap}, eos bias {args.eos_bias}, SentencePiece {spm_size} pieces (model vocabulary "
            f"{VOCABULARY}), {os.cpu_count()} cores, our threads {inter}x{intra}"
        )
        argos_translate_available()
        glossary = load_glossary(project.glossary_path)
        # (a) and (c) get the same glossary-protected inputs as (b) sends to the engine, so
        # all three decode the same sentences to the same lengths.
        protected = [protect_source(glossary, text, "en").text for text in sentences]
        for lang, keys in (("en", ["ja_en"]), ("ru", ["ja_en", "en_ru"])):
            n = len(sentences)
            print(f"ja→{lang}" + (" (pivot through en)" if len(keys) > 1 else ""))
            bare_batch([ours[k] for k in keys], protected[:4], args.beam, cap)  # warm-up
            runs: dict[str, list[list[int]]] = {}
            po_path = project.po_path(lang, "118")
            empty_po = po_path.read_bytes()
            a = timed(
                "(a) argos per segment",
                n,
                lambda keys=keys, runs=runs: runs.setdefault(
                    "a", argos_per_segment([argos[k] for k in keys], protected, args.beam, cap)
                ),
                args.repeat,
            )
            b = timed(
                "(b) workflow pretranslate",
                n,
                lambda lang=lang: pretranslate_project(project, [lang], engine="argos"),
                args.repeat,
                reset=lambda po_path=po_path, data=empty_po: po_path.write_bytes(data),
            )
            c = timed(
                "(c) bare translate_batch (floor)",
                n,
                lambda keys=keys, runs=runs: runs.setdefault(
                    "c", bare_batch([ours[k] for k in keys], protected, args.beam, cap)
                ),
                args.repeat,
            )
            for name, lengths in runs.items():
                per_stage = ", ".join(f"{sum(stage)}" for stage in lengths)
                print(
                    f"  ({name}) output tokens per stage: {per_stage}; per sentence: "
                    f"min {min(lengths[-1])}, max {max(lengths[-1])}"
                )
            print(f"  (b) is {a / b:.1f}x faster than (a); (b)/(c) = {b / c:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
