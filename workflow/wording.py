"""Wording shared by the messages of several stages.

>>> plural(1, "segment"), plural(3, "segment"), plural(2, "entry", "entries")
('1 segment', '3 segments', '2 entries')
"""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 segment``, ``2 segments``."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"
