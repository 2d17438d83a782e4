"""The time the workflow writes into files: ``SOURCE_DATE_EPOCH`` when set, for reproducibility."""

from __future__ import annotations

import datetime as dt
import os

from workflow.errors import ConfigError


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC time, None when unset; a bad value is an error."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise ConfigError(
            f"SOURCE_DATE_EPOCH is not a Unix timestamp: {epoch!r}",
            hint="set it to whole seconds since 1970-01-01 UTC, or unset it",
        ) from exc


def now() -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` if set, else the current UTC time."""
    return source_date_epoch() or dt.datetime.now(dt.UTC)
