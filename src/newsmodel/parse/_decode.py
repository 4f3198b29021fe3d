"""Turn the bytes of a web page into text without garbling it.

Pages lie about their encoding: a common case is Windows-1252 bytes declared as UTF-8. The order
here trusts what cannot lie first: a byte-order mark, then a strict UTF-8 decode (random
non-UTF-8 bytes almost never decode as UTF-8), then the declared charset, then Windows-1252,
which maps every byte to a character.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["declared_charset", "decode_html"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset=...>, <meta http-equiv content="text/html; charset=...">, <?xml encoding=...?>
_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
# The HTML standard reads these labels as Windows-1252, and so do browsers.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"})
_PRESCAN_BYTES = 4096


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    # The five bytes Windows-1252 leaves undefined decode as their Latin-1 code points, so
    # no byte is ever dropped or replaced.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("newsmodel-latin1", _latin1_fallback)


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes (meta or XML declaration), normalised."""
    match = _CHARSET.search(data, 0, _PRESCAN_BYTES)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """Decode page bytes: BOM, then strict UTF-8, then the declared charset, then Windows-1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    # A declaration readable as ASCII cannot describe a UTF-16/32 page, so those labels are ignored.
    if declared is not None and declared not in ("utf-8", "cp1252") and not declared.startswith("utf-"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="newsmodel-latin1")
