"""Similarity of two sentences, as gettext's ``fstrcmp`` computes it: 2·LCS / (len₁ + len₂).

Used by the catalog merge (on UTF-8 bytes, exactly like ``msgmerge``) and by the translation
memory (on characters).  The longest common subsequence comes from rapidfuzz's Indel
distance (insertions and deletions only, in C): ``distance = len₁ + len₂ − 2·LCS``, so the
score is the same number gettext computes (tests/test_similarity.py compares it with the
pure-Python bit-parallel LCS on random pairs).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from rapidfuzz.distance import Indel


def similarity(
    first: Sequence[Hashable], second: Sequence[Hashable], lower_bound: float = 0.0
) -> float:
    """2·LCS / (len₁ + len₂) in 0..1; 0.0 when the lengths alone rule out *lower_bound*."""
    total = len(first) + len(second)
    if total == 0:
        return 1.0
    if not length_allows(len(first), len(second), lower_bound):
        return 0.0
    return 2 * lcs_length(first, second) / total


def length_allows(first: int, second: int, lower_bound: float) -> bool:
    """Whether texts of these lengths can reach *lower_bound* (2·min / total is the best)."""
    total = first + second
    return total == 0 or 2 * min(first, second) / total >= lower_bound


def length_window(length: int, lower_bound: float) -> tuple[int, int]:
    """Lengths ``lo..hi`` a text can have and still score *lower_bound* against one of
    *length* (a pre-filter: everything outside is skipped without comparing)."""
    if lower_bound <= 0:
        return 0, 2**62
    low = length * lower_bound / (2 - lower_bound)
    high = length * (2 - lower_bound) / lower_bound
    return max(0, int(low) - 1), int(high) + 1


def lcs_length(first: Sequence[Hashable], second: Sequence[Hashable]) -> int:
    """Length of the longest common subsequence."""
    return (len(first) + len(second) - Indel.distance(first, second)) // 2
