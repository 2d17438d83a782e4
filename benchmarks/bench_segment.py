"""Segmentation accuracy: ours against the maintained Japanese segmenters.

Runs every case of tests/data/segmentation/cases.yaml (collected while the rules were
written) and of heldout.yaml (written and first run blind, see its header), each set on
its own, through ``workflow.segment`` and through each peer that is installed (hasami,
pysbd, sentencex, ja-sentence-segmenter) and prints, per segmenter, the share of cases
segmented exactly right (over all cases and averaged over the rule families, so that a
family with many cases does not dominate), the boundary F1 and the accuracy per rule
family.  Segments are compared with whitespace removed, so only where the boundaries
fall counts (peers keep hard line breaks, we join them).

Peers are not project dependencies: install them into a throwaway environment and point
the script at its interpreter, which then segments the cases in a subprocess::

    python -m venv /tmp/segpeers
    /tmp/segpeers/bin/pip install hasami pysbd sentencex ja-sentence-segmenter
    .venv/bin/python benchmarks/bench_segment.py --peer-python /tmp/segpeers/bin/python

Without ``--peer-python`` peers are looked up in the running interpreter; a peer that is
not installed is reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "segmentation"
CASE_FILES = (DATA / "cases.yaml", DATA / "heldout.yaml")
PEERS = ("hasami", "pysbd", "sentencex", "ja-sentence-segmenter")


def peer_segmenter(name: str) -> Callable[[str], list[str]]:
    """The segment function of peer *name*; ImportError when it is not installed."""
    if name == "hasami":
        import hasami

        return hasami.segment_sentences
    if name == "pysbd":
        import pysbd

        segmenter = pysbd.Segmenter(language="ja", clean=False)
        return segmenter.segment
    if name == "sentencex":
        import sentencex

        return lambda text: list(sentencex.segment("ja", text))
    if name == "ja-sentence-segmenter":
        import functools

        from ja_sentence_segmenter.common.pipeline import make_pipeline
        from ja_sentence_segmenter.concatenate.simple_concatenator import concatenate_matching
        from ja_sentence_segmenter.split.simple_splitter import split_newline, split_punctuation

        # The pipeline of its README, without the normalizer (which rewrites the text).
        pipeline = make_pipeline(
            split_newline,
            functools.partial(
                concatenate_matching,
                former_matching_rule=r"^(?P<result>.+)(の)$",
                remove_former_matched=False,
            ),
            functools.partial(split_punctuation, punctuations=r"。！？!?"),
        )
        return lambda text: list(pipeline(text))
    raise ValueError(f"unknown peer {name!r}")


def run_peers(texts: list[str]) -> dict[str, list[list[str]] | str]:
    """Segment *texts* with every peer; a peer that cannot be imported maps to a reason."""
    results: dict[str, list[list[str]] | str] = {}
    for name in PEERS:
        try:
            segment = peer_segmenter(name)
        except ImportError as exc:
            results[name] = f"not installed ({exc.name})"
            continue
        outputs = []
        for text in texts:
            try:
                outputs.append([str(sentence) for sentence in segment(text)])
            except Exception as exc:  # a peer crash counts as a wrong answer
                outputs.append([f"<error {type(exc).__name__}>"])
        results[name] = outputs
    return results


def peers_in(python: str | None, texts: list[str]) -> dict[str, list[list[str]] | str]:
    if python is None:
        return run_peers(texts)
    completed = subprocess.run(
        [python, __file__, "--peer-worker"],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


def squeeze(sentences: list[str]) -> list[str]:
    """Segments without whitespace, empty ones dropped."""
    return [joined for sentence in sentences if (joined := "".join(sentence.split()))]


def boundaries(sentences: list[str]) -> set[int]:
    offsets, total = set(), 0
    for sentence in squeeze(sentences)[:-1]:
        total += len(sentence)
        offsets.add(total)
    return offsets


def score(cases: list[dict], outputs: list[list[str]]) -> dict[str, object]:
    exact = 0
    per_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    true_positive = predicted = expected = 0
    for case, output in zip(cases, outputs, strict=True):
        right = squeeze(output) == squeeze(case["sentences"])
        exact += right
        per_rule[case["rule"]][0] += right
        per_rule[case["rule"]][1] += 1
        got, want = boundaries(output), boundaries(case["sentences"])
        true_positive += len(got & want)
        predicted += len(got)
        expected += len(want)
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    macro = sum(right / total for right, total in per_rule.values()) / len(per_rule)
    return {
        "accuracy": exact / len(cases),
        "exact": exact,
        "macro": macro,
        "f1": f1,
        "per_rule": per_rule,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, nargs="+", default=list(CASE_FILES))
    parser.add_argument("--peer-python", help="interpreter of the environment holding the peers")
    parser.add_argument("--peer-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.peer_worker:
        json.dump(run_peers(json.load(sys.stdin)), sys.stdout)
        return 0

    from workflow.yamlio import load_yaml

    for index, path in enumerate(args.cases):
        if index:
            print()
        cases = load_yaml(path.read_text(encoding="utf-8"), path, what="cases")
        report(path.name, cases.data if cases else [], args.peer_python)
    return 0


def report(name: str, cases: list[dict], peer_python: str | None) -> None:
    """Print the accuracy table of every segmenter on one set of *cases*."""
    from workflow.segment import split_sentences

    texts = [case["text"] for case in cases]
    results: dict[str, list[list[str]] | str] = {"workflow": [split_sentences(t) for t in texts]}
    results |= peers_in(peer_python, texts)
    print(f"{len(cases)} cases from {name}\n")
    scores = {peer: score(cases, out) for peer, out in results.items() if isinstance(out, list)}
    rules = sorted({case["rule"] for case in cases})
    header = f"{'segmenter':24}{'exact':>12}{'accuracy':>10}{'per-rule':>10}{'F1':>7}  " + " ".join(
        f"{rule[:8]:>8}" for rule in rules
    )
    print(header)
    for peer, result in results.items():
        if isinstance(result, str):
            print(f"{peer:24}skipped: {result}")
            continue
        found = scores[peer]
        per_rule = found["per_rule"]
        cells = " ".join(f"{per_rule[rule][0]:>4}/{per_rule[rule][1]:<3}" for rule in rules)
        exact = f"{found['exact']}/{len(cases)}"
        figures = f"{found['accuracy']:>10.1%}{found['macro']:>10.1%}{found['f1']:>7.3f}"
        print(f"{peer:24}{exact:>12}{figures}  {cells}")
    best_peer = max((s["accuracy"] for n, s in scores.items() if n != "workflow"), default=None)
    if best_peer:
        ratio = scores["workflow"]["accuracy"] / best_peer
        print(f"\nworkflow / best peer accuracy: {ratio:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
