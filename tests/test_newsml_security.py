"""Hostile XML: DTDs, external entities and entity expansion are refused fast, touching no file or network."""

from __future__ import annotations

import contextlib
import socket
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.errors import NewsModelError, UnsafeXMLError
from newsmodel.formats.newsml import NewsModelWarning, from_newsml, read_newsml_items, to_newsml
from newsmodel.formats.nitf import from_nitf
from newsmodel.model import Article, Paragraph, Quote, Section
from newsmodel.strategies import articles

READERS: list[Callable[[bytes], object]] = [from_newsml, read_newsml_items, from_nitf]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP port that records whether anyone connected (a stand-in for a remote DTD host)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    yield server
    server.close()


def nobody_connected(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


def item(doctype: str, headline: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n'
        f'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"><contentMeta>'
        f"<headline>{headline}</headline></contentMeta></newsItem>"
    ).encode()


BILLION_LAUGHS = (
    '<!DOCTYPE newsItem [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>"
)


@pytest.mark.parametrize("reader", READERS)
def test_external_entity_reading_a_file_is_refused(reader: Callable[[bytes], object], secret: Path) -> None:
    data = item(f'<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file://{secret}">]>', "&xxe;")
    with pytest.raises(UnsafeXMLError) as caught:
        reader(data)
    assert "TOP-SECRET" not in str(caught.value)


@pytest.mark.parametrize("reader", READERS)
def test_billion_laughs_is_refused_quickly(reader: Callable[[bytes], object]) -> None:
    data = item(BILLION_LAUGHS, "&lol9;")
    started = time.perf_counter()
    with pytest.raises(UnsafeXMLError):
        reader(data)
    assert time.perf_counter() - started < 1.0


def test_external_dtd_and_parameter_entities_touch_no_network(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    payloads = [
        item(f'<!DOCTYPE newsItem SYSTEM "http://127.0.0.1:{port}/evil.dtd">', "h"),
        item(f'<!DOCTYPE newsItem [<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/p.dtd"> %p;]>', "h"),
        item(f'<!DOCTYPE newsItem [<!ENTITY e SYSTEM "http://127.0.0.1:{port}/e.txt">]>', "&e;"),
    ]
    for data in payloads:
        with pytest.raises(UnsafeXMLError):
            from_newsml(data)
    assert nobody_connected(listener)


def test_doctype_hidden_behind_comments_or_utf16_is_still_found(secret: Path) -> None:
    doctype = f'<!-- a comment --><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    with pytest.raises(UnsafeXMLError):
        from_newsml(item(doctype, "&xxe;"))
    utf16 = item(f'<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file://{secret}">]>', "&xxe;").decode()
    utf16 = utf16.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    with pytest.raises(UnsafeXMLError):
        from_newsml(utf16.encode("utf-16"))
    with pytest.raises(UnsafeXMLError):
        from_newsml(utf16)  # the same payload as str


def test_undeclared_entities_and_xinclude_do_nothing(secret: Path) -> None:
    # Without a DTD an entity reference is simply malformed XML, and XInclude is never processed.
    with pytest.raises(NewsModelError):
        from_newsml(item("", "&undeclared;"))
    include = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret}" parse="text"/>'
    data = item("", f"headline {include}")
    assert "TOP-SECRET" not in from_newsml(data).headline


def test_a_doctype_the_prolog_scan_misses_is_still_refused_after_parsing(secret: Path) -> None:
    # "<a" inside a comment ends the quick prolog scan early; the parsed document still tells.
    doctype = f'<!-- <a> --><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    with pytest.raises(UnsafeXMLError):
        from_newsml(item(doctype, "&xxe;"))


@given(articles(max_sections=2), st.data())
def test_corrupted_items_give_an_article_or_a_newsmodel_error(article: Article, data: st.DataObject) -> None:
    raw = bytearray(to_newsml(article))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        edit = data.draw(st.sampled_from(["cut", "replace", "repeat"]))
        if edit == "cut":
            del raw[at : at + data.draw(st.integers(1, 30))]
        elif edit == "replace":
            raw[at] = data.draw(st.sampled_from(b'<>/"=&;x 1\n'))
        else:
            raw[at:at] = raw[at : at + 40]
    # Any exception but a NewsModelError fails the test.
    with warnings.catch_warnings(), contextlib.suppress(NewsModelError):
        warnings.simplefilter("ignore", NewsModelWarning)
        assert isinstance(from_newsml(bytes(raw)), Article)


def test_an_absurd_annotation_index_is_not_a_crash() -> None:
    paragraph = Paragraph(text="ab", quotes=(Quote(text="a", start=0, end=1),))
    data = to_newsml(Article(headline="h", sections=(Section(blocks=(paragraph,)),)))
    huge = data.replace(b"nm-q0", b"nm-q" + b"9" * 5000)
    assert huge != data
    with warnings.catch_warnings(), contextlib.suppress(NewsModelError):
        warnings.simplefilter("ignore", NewsModelWarning)
        assert isinstance(from_newsml(huge), Article)
