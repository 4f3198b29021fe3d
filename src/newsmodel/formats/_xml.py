"""Hardened XML reading shared by the NewsML-G2 and NITF readers, and the warning they share.

XML from outside is hostile until proven otherwise. One parser is configured here, in one place:
no DTD loading, no entity resolution, no network, no huge trees. A document that declares a
DOCTYPE (the only way to define entities, and so to mount XXE or "billion laughs" attacks) is
refused outright with :class:`~newsmodel.errors.UnsafeXMLError` before lxml looks at its DTD.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from lxml import etree

from ..errors import DeserializationError, NewsModelWarning, UnsafeXMLError

__all__ = [
    "NewsModelWarning",
    "children_by_name",
    "collapse",
    "escape_attribute",
    "escape_text",
    "local_name",
    "namespace",
    "parse_xml",
    "text_of",
]


# A DOCTYPE may only come before the root element, so looking at the prolog is enough. The
# pattern is bytes in ASCII-compatible encodings; UTF-16/32 input is decoded first (below).
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_\x80-\xff]")

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "load_dtd": False,
    "dtd_validation": False,
    "no_network": True,
    "huge_tree": False,
    "remove_blank_text": False,
    "remove_comments": True,
    "remove_pis": True,
    "strip_cdata": True,
}


def _make_parser() -> etree.XMLParser:
    return etree.XMLParser(**_PARSER_OPTIONS)  # type: ignore[arg-type]


_PARSER = _make_parser()


def _prolog(data: bytes) -> bytes:
    """The bytes before the root element (where a DOCTYPE must be), as ASCII-compatible bytes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 1 and (data[0] == 0 or data[1] == 0)):
        # UTF-16/32 puts NULs between ASCII characters; normalise them away for the scan.
        data = data.replace(b"\x00", b"")
    match = _ROOT_START.search(data)
    return data if match is None else data[: match.start()]


def parse_xml(data: bytes | str, *, what: str = "XML document") -> etree._Element:
    """Parse untrusted XML safely and return its root element.

    ``bytes`` honour the encoding declaration (e.g. ISO-8859-1); ``str`` must not carry one that
    contradicts it. Any DOCTYPE or entity declaration raises
    :class:`~newsmodel.errors.UnsafeXMLError`; malformed XML raises
    :class:`~newsmodel.errors.DeserializationError` with lxml's message.
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if isinstance(data, str):
        # lxml refuses str with an encoding declaration; the declaration is moot for decoded text.
        raw = data.encode("utf-8")
        if data.lstrip().startswith("<?xml"):
            data = re.sub(r"^\s*<\?xml[^>]*\?>", "", data, count=1)
        payload: bytes | str = data
    elif isinstance(data, bytes):
        raw = data
        payload = data
    else:
        raise TypeError(f"expected bytes or str, got {type(data).__name__}")
    if not raw.strip():
        raise DeserializationError(f"empty input: expected an {what}")
    if _DOCTYPE.search(_prolog(raw)) is not None:
        raise UnsafeXMLError(
            f"refusing the {what}: it has a DOCTYPE or entity declaration",
            ["DTDs and entities are refused: they enable external-entity (XXE) and entity-expansion attacks"],
        )
    try:
        root = etree.fromstring(payload, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise DeserializationError(f"not a well-formed {what}", [str(exc)]) from exc
    docinfo = root.getroottree().docinfo
    if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None:
        raise UnsafeXMLError(f"refusing the {what}: it has a DOCTYPE", ["DTDs are not accepted"])
    return root


_LOCAL_NAMES: dict[str, str] = {}


def local_name(element: etree._Element) -> str:
    """The element's tag without its namespace ('' for comments and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rpartition("}")[2]
        # Tags come from the input: the cache is bounded in entries and in the size of each.
        if len(_LOCAL_NAMES) < 4096 and len(tag) <= 256:
            _LOCAL_NAMES[tag] = name
    return name


def children_by_name(parent: etree._Element) -> dict[str, list[etree._Element]]:
    """``parent``'s child elements grouped by local name, in document order; all of them under ``"*"``.

    ``"*"`` cannot be a local name: XML names never hold it.
    """
    every = list(parent.iterchildren(etree.Element))
    index = {"*": every}
    names = _LOCAL_NAMES
    for child in every:
        name = names.get(child.tag)
        if name is None:
            name = local_name(child)
        group = index.get(name)
        if group is None:
            index[name] = [child]
        else:
            group.append(child)
    return index


def namespace(element: etree._Element) -> str:
    """The element's namespace URI ('' when it has none)."""
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    return tag[1:].partition("}")[0]


_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\t\n\r]')
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\t": "&#9;", "\n": "&#10;"}


def escape_text(value: str) -> str:
    """``value`` as XML character data: ``>`` too (for ``]]>``), and CR as ``&#13;`` so it stays CR."""
    # Four substring tests cost a fraction of one regex scan, and most text needs no escaping.
    if "&" not in value and "<" not in value and ">" not in value and "\r" not in value:
        return value
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m.group()], value)


def escape_attribute(value: str) -> str:
    """``value`` for a double-quoted attribute; tabs and line ends as references so they survive."""
    if (
        "&" not in value
        and "<" not in value
        and ">" not in value
        and '"' not in value
        and "\t" not in value
        and "\n" not in value
        and "\r" not in value
    ):
        return value
    return _ATTRIBUTE_SPECIAL.sub(lambda m: _ATTRIBUTE_ESCAPES[m.group()], value)


_WHITESPACE = re.compile(r"[ \t\r\n]+")


def text_of(element: etree._Element) -> str:
    """All the text inside ``element`` (its own and its descendants'), in document order."""
    return "".join(cast("Iterator[str]", element.itertext()))


def collapse(text: str) -> str:
    """Collapse XML whitespace runs to one space and strip the ends (for other producers' layout)."""
    return _WHITESPACE.sub(" ", text).strip()
