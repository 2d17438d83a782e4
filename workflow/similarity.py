"""Similarity of two sentences, as gettext's ``fstrcmp`` computes it: 2·LCS / (len₁ + len₂).

Used by the catalog merge (on UTF-8 bytes, exactly like ``msgmerge``) and by the translation
memory (on characters).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def similarity(
    first: Sequence[Hashable], second: Sequence[Hashable], lower_bound: float = 0.0
) -> float:
    """2·LCS / (len₁ + len₂) in 0..1; 0.0 when the lengths alone rule out *lower_bound*."""
    total = len(first) + len(second)
    if total == 0:
        return 1.0
    if 2 * min(len(first), len(second)) / total < lower_bound:
        return 0.0
    return 2 * lcs_length(first, second) / total


def lcs_length(first: Sequence[Hashable], second: Sequence[Hashable]) -> int:
    """Length of the longest common subsequence (bit-parallel, Hyyrö 2004)."""
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
