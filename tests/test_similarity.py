"""The rapidfuzz-backed similarity is gettext's fstrcmp score, exactly as before."""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from workflow.similarity import length_allows, length_window, similarity


def reference_lcs(first: Sequence[Hashable], second: Sequence[Hashable]) -> int:
    """The previous pure-Python implementation (bit-parallel LCS, Hyyrö 2004)."""
    if len(first) > len(second):
        first, second = second, first
    if not first:
        return 0
    masks: dict[Hashable, int] = {}
    for position, item in enumerate(first):
        masks[item] = masks.get(item, 0) | (1 << position)
    full = (1 << len(first)) - 1
    row = full
    for item in second:
        matches = row & masks.get(item, 0)
        row = ((row + matches) | (row - matches)) & full
    return len(first) - row.bit_count()


def reference_similarity(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    total = len(first) + len(second)
    return 1.0 if total == 0 else 2 * reference_lcs(first, second) / total


ALPHABET = "中央アジアの資源は豊かであるラズノインポルト。、「」abc ёж"


def _mutated(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(0, 8)):
        position = rng.randint(0, len(chars))
        if chars and rng.random() < 0.5:
            del chars[min(position, len(chars) - 1)]
        else:
            chars.insert(position, rng.choice(ALPHABET))
    return "".join(chars)


def test_equal_to_the_previous_function_on_random_pairs() -> None:
    rng = random.Random(118)
    for _ in range(5000):
        first = "".join(rng.choices(ALPHABET, k=rng.randint(0, 120)))
        second = _mutated(rng, first) if rng.random() < 0.7 else "".join(rng.choices(ALPHABET))
        for a, b in ((first, second), (first.encode(), second.encode())):
            assert similarity(a, b) == reference_similarity(a, b)


@given(st.text(max_size=60), st.text(max_size=60))
def test_equal_to_the_previous_function_on_any_text(first: str, second: str) -> None:
    assert similarity(first, second) == reference_similarity(first, second)
    assert similarity(first.encode(), second.encode()) == reference_similarity(
        first.encode(), second.encode()
    )


@given(st.integers(0, 400), st.integers(0, 400), st.floats(0.05, 1.0))
def test_length_window_keeps_every_length_that_can_reach_the_bound(
    length: int, other: int, bound: float
) -> None:
    low, high = length_window(length, bound)
    if length_allows(length, other, bound):
        assert low <= other <= high


@given(st.integers(0, 400), st.floats(0.05, 1.0))
def test_length_window_is_as_narrow_as_the_bound(length: int, bound: float) -> None:
    """The pre-filter skips every length that cannot reach the bound, but for one length of
    margin on each side (and the float error of computing the edges)."""
    low, high = length_window(length, bound)
    exact, error = Fraction(bound), Fraction(1, 10**9)
    shortest = length * exact / (2 - exact)  # 2·min / total = bound, solved for the other
    longest = length * (2 - exact) / exact
    assert max(0, shortest - 2 - error) <= low <= shortest
    assert longest <= high <= longest + 1 + error


def test_length_window_without_a_bound_takes_every_length() -> None:
    for length in (0, 1, 300):
        low, high = length_window(length, 0.0)
        assert low == 0 and high >= 10**18
