"""Helpers for the NewsML-G2/NITF tests: offline schema and DTD validation, and article strategies."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from newsmodel.formats._xhtml import XHTML_NS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "newsml"

_OFFLINE = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)


@cache
def newsml_schema(standards: Path) -> etree.XMLSchema:
    """The NewsML-G2 2.35 XSD, built once per session (it imports only xml.xsd beside it)."""
    tree = etree.parse(str(standards / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"), _OFFLINE)
    return etree.XMLSchema(tree)


@cache
def xhtml_strict_dtd(standards: Path) -> etree.DTD:
    """The XHTML 1.0 Strict DTD; lxml resolves its .ent files beside it on disk, never the network."""
    return etree.DTD(str(standards / "xhtml1" / "xhtml1-strict.dtd"))


def xsd_errors(schema: etree.XMLSchema, data: bytes) -> list[str]:
    """The schema's complaints about ``data`` (empty when valid)."""
    root = etree.fromstring(data, _OFFLINE)
    if schema.validate(root):
        return []
    return [str(error) for error in schema.error_log]


def xhtml_body(data: bytes) -> etree._Element | None:
    """The XHTML ``<html>`` inside a newsItem, as a standalone element with only its own namespaces."""
    html = etree.fromstring(data, _OFFLINE).find(f".//{{{XHTML_NS}}}html")
    if html is None:
        return None
    standalone = etree.fromstring(etree.tostring(html), _OFFLINE)
    # The copy inherits the envelope's namespace declarations; XHTML declares only its own.
    etree.cleanup_namespaces(standalone)
    return standalone


def dtd_errors(dtd: etree.DTD, html: etree._Element) -> list[str]:
    """The DTD's complaints about an XHTML element (empty when valid)."""
    if dtd.validate(html):
        return []
    return [str(error) for error in dtd.error_log.filter_from_errors()]
