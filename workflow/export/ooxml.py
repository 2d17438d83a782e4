"""OOXML packages (DOCX) written reproducibly: python-docx stamps the current time and the
host's attributes on every ZIP member."""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def normalized_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite the package with fixed member order, timestamps and attributes."""
    stamp = max(when.astimezone(dt.UTC), dt.datetime(1980, 1, 1, tzinfo=dt.UTC))
    date_time = stamp.timetuple()[:6]
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=9)
    return output.getvalue()
