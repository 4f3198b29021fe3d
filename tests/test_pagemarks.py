"""The C element walk of PageSources (newsmodel._pagescore.marks) finds what the Python walk finds.

Every comparison walks the same element list twice, with the C walk and with the Python
reference (``page_sources.mark_elements``), and wants the same elements in the same order: per
tag of interest, with an itemprop, and byline candidates. The pages are hostile HTML generated
by hypothesis, read by parse_html's own parser and, for namespaces, CDATA and entity references,
by a recovering XML parser, and every page of the shared extraction benchmark; subtrees are
compared through PageSources itself.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel.parse import html, page_sources
from newsmodel.parse._decode import decode_html
from newsmodel.parse.page_sources import _TAGS_OF_INTEREST, PageSources, mark_elements

marks = page_sources._marks
walk = page_sources._walk
needs_marks = pytest.mark.skipif(marks is None, reason="newsmodel._pagescore is not built or is off")
EXTRACTION = Path(__file__).resolve().parent.parent.parent / "shared" / "conformance" / "extraction"


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def python_marks(elements: list[Any], tags: tuple[str, ...]) -> tuple[list[list[Any]], list[Any], list[Any]]:
    by_tag: dict[str, list[Any]] = {tag: [] for tag in tags}
    itemprops, candidates = mark_elements(elements, by_tag if tags else None)
    return [by_tag[tag] for tag in tags], itemprops, candidates


def assert_marked(got: Any, expected: Any, tags: tuple[str, ...]) -> None:
    by_tag, itemprops, candidates = got
    assert type(by_tag) is tuple and len(by_tag) == len(tags)
    # identity, not equality: the very proxies, in document order
    assert [[id(e) for e in found] for found in by_tag] == [[id(e) for e in found] for found in expected[0]]
    assert [id(e) for e in itemprops] == [id(e) for e in expected[1]]
    assert [id(e) for e in candidates] == [id(e) for e in expected[2]]


def assert_same(root: Any, *, walked: bool = True) -> None:
    """C == Python; ``walked``: walk() must take the tree (else it may leave it to marks())."""
    elements = list(root.iter(etree.Element))
    for tags in (_TAGS_OF_INTEREST, ()):
        expected = python_marks(elements, tags)
        got = marks(elements, tags)
        assert got is not None, "the C walk refused an lxml tree"
        assert_marked(got, expected, tags)
        if walk is not None:
            got = walk(root, tags)
            assert got is not None or not walked, "walk() refused the tree"
            if got is not None:
                assert_marked(got, expected, tags)
    # PageSources gives the same with and without the C walks, for the page and a subtree.
    subtrees = [root, *(e for e in elements[1:3] if isinstance(e.tag, str))]
    for tree in subtrees:
        with_c = PageSources(tree, None)
        page_sources._marks = page_sources._walk = None
        try:
            with_python = PageSources(tree, None)
        finally:
            page_sources._marks, page_sources._walk = marks, walk
        assert with_c.by_tag == with_python.by_tag
        assert with_c.itemprops == with_python.itemprops
        assert with_c.byline_candidates == with_python.byline_candidates


# ---- hostile HTML -----------------------------------------------------------------------------

TAGS = [*_TAGS_OF_INTEREST, "div", "span", "a", "p", "META", "Title", "svg", "x:meta", "custom-el", "body"]
NAMES = ["itemprop", "class", "id", "rel", "ITEMPROP", "Class", "rel ", "data-author", "x:class", "xmlns:x"]
VALUES = [
    "author",
    "Author",
    "creator",
    "byline",
    "by-line",
    "fn",
    "FN",
    "writer",
    "contributor",
    "contributors",
    "auth",
    "uthor",
    "headline",
    "name",
    "vcard",
    "",
    "é-author",
    "autéhor",
    "😀",
    "&amp;author",
    "&foo;",
    "&#160;writer",
    "a&lt;b",
]


@st.composite
def attributes(draw: st.DrawFn) -> str:
    parts = []
    for name in draw(st.lists(st.sampled_from(NAMES), max_size=5)):
        if name == "xmlns:x":
            parts.append('xmlns:x="urn:x"')
            continue
        if draw(st.integers(0, 9)) == 0:
            parts.append(name)  # no value
            continue
        value = " ".join(draw(st.lists(st.sampled_from(VALUES) | st.text(max_size=4), max_size=3)))
        value = value.replace('"', "&quot;").replace("<", "&lt;")
        parts.append(f'{name}="{value}"')
    return "".join(" " + part for part in parts)


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(TAGS))
        inner = "".join(draw(st.lists(children, max_size=4)))
        close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))
        return f"<{tag}{draw(attributes())}>{inner}{close}"

    return build()


markup = st.recursive(st.sampled_from(["", "text", "<!-- c -->", "<?pi x?>", "<![CDATA[ x ]]>"]), element)


@needs_marks
@given(markup, st.sampled_from(["", "<html><head><title>t</title></head><body>"]))
def test_hostile_html_marks_the_same(body, prefix):
    root = etree.fromstring(prefix + body or "<p>x</p>", html._PAGE_PARSER)
    if root is not None:
        assert_same(root)


@needs_marks
@given(markup)
def test_xml_namespaces_and_entities_mark_the_same(body):
    page = f"<!DOCTYPE root [<!ENTITY e 'author'>]><root xmlns:x='urn:x'>{body}</root>"
    parser = etree.XMLParser(recover=True, strip_cdata=False, resolve_entities=False, no_network=True)
    root = etree.fromstring(page.replace("&amp;author", "&e;"), parser)
    if root is not None:
        assert_same(root, walked=False)  # entity references in values are read by lxml


@needs_marks
def test_attribute_edge_cases_mark_the_same():
    root = etree.fromstring(
        '<div class="x" class="author"><p itemprop="headline" id="byline">a</p>'
        '<span itemprop="author creator" class="fn">b</span><a rel="author">c</a>'
        "<b itemprop>d</b><i id>e</i></div>",
        html._PAGE_PARSER,
    )
    assert_same(root)
    parser = etree.XMLParser(resolve_entities=False)
    root = etree.fromstring(
        "<!DOCTYPE r [<!ENTITY w 'writer'>]><r xmlns:q='urn:q'><m q:class='author' class='x'/>"
        "<m class='&w;'/><m id='a&w;b'/><q:meta/><meta/></r>",
        parser,
    )
    assert_same(root, walked=False)
    assert walk(root, ()) is None
    elements = list(root.iter(etree.Element))
    assert [e.get("class") for e in marks(elements, ())[2]] == ["writer", None]


@needs_marks
def test_built_elements_mark_the_same():
    root = etree.Element("html")
    for i, tag in enumerate(["meta", "div", "link", "time", "h1", "script", "title"]):
        child = etree.SubElement(root, tag, {"class": ["author", "x", "fn"][i % 3], "itemprop": str(i)})
        child.set("rel", "writer")
        etree.SubElement(child, "span", id="by-byline")
    assert_same(root)


# ---- every benchmark page ---------------------------------------------------------------------


@needs_marks
def test_every_benchmark_page_marks_the_same():
    if not EXTRACTION.exists():
        message = f"needs the benchmark pages in {EXTRACTION} (../shared/conformance/extraction)"
        if _ci():
            pytest.fail(message + "; CI always has them")
        pytest.skip(message)
    count = 0
    for folder in ("scrapinghub", "wcxb-dev-articles"):
        for path in sorted((EXTRACTION / folder / "html").glob("*.html.gz")):
            root = html._load(
                decode_html(gzip.decompress(path.read_bytes())), html.MAX_PAGE_SIZE, html._PAGE_PARSER
            )
            try:
                assert_same(root)
            except AssertionError as exc:
                raise AssertionError(f"{folder}/{path.name}: {exc}") from exc
            count += 1
    assert count > 100


# ---- refusals ---------------------------------------------------------------------------------


@needs_marks
def test_foreign_objects_are_left_to_python():
    root = etree.fromstring("<div class='author'><p>x</p></div>", html._PAGE_PARSER)
    elements = list(root.iter(etree.Element))
    assert marks([*elements, object()], ()) is None
    assert marks([*elements[:1], etree.Comment("c")], ()) is None
    assert marks([], _TAGS_OF_INTEREST) == (([],) * len(_TAGS_OF_INTEREST), [], [])
    with pytest.raises(TypeError):
        marks(tuple(elements), ())
    with pytest.raises(ValueError):
        marks(elements, ("{urn:x}meta",))
    with pytest.raises(ValueError):
        marks(elements, ("",))
    assert walk(object(), ()) is None
    assert walk(etree.Comment("c"), ()) is None
    with pytest.raises(ValueError):
        walk(root, ("{urn:x}meta",))


@needs_marks
def test_walk_makes_the_proxies_it_returns():
    root = etree.fromstring(
        "<html><head><meta name='a'><title>t</title></head><body><div class='byline'><span itemprop='author'>"
        "x</span></div><!-- c --><p>y</p></body></html>",
        html._PAGE_PARSER,
    )
    by_tag, itemprops, candidates = walk(root, _TAGS_OF_INTEREST)  # no proxies alive but the root
    assert [[e.tag for e in found] for found in by_tag] == [["meta"], [], [], ["title"], [], []]
    assert [e.get("itemprop") for e in itemprops] == ["author"]
    assert [e.tag for e in candidates] == ["div", "span"]
    assert candidates[1].getparent() is candidates[0]
    assert type(candidates[0]) is type(root)
    leaf = root.find(".//p")
    assert walk(leaf, _TAGS_OF_INTEREST) == (([],) * len(_TAGS_OF_INTEREST), [], [])


def test_ci_uses_the_c_walk():
    if not _ci():
        pytest.skip("only CI insists on the C extension")
    if page_sources._content._pagescore is not None:
        assert marks is not None, "newsmodel._pagescore is loaded but has no marks() (a stale build?)"
        assert walk is not None, "walk() is missing, or lxml.etree has no public elementFactory"
