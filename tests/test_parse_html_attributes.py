"""The guard against tags with huge numbers of attributes (parse/_attributes.py, _speedups.c).

libxml2 and lxml take time quadratic in the number of attributes of one element, so _load
refuses a page with a tag of more than MAX_ATTRIBUTES before lxml parses it. The check must never
count fewer attributes than libxml2 builds, must not refuse real pages, and its C and Python
versions must agree.
"""

from __future__ import annotations

import gzip
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.errors import NewsModelError, ParseError
from newsmodel.parse import _attributes
from newsmodel.parse.html import _PAGE_PARSER, _UTF8_TWINS, MAX_ATTRIBUTES, load_html, parse_html

HEAD = "<html><head><title>Headline words</title></head><body><h1>Headline words</h1>"
BODY = "<p>A paragraph long enough to count as the body of an article, with several words in it.</p>"

Check = Callable[[str, int], bool]


def c_check(text: str, limit: int) -> bool:
    assert _attributes.c_attributes_over is not None
    return _attributes.c_attributes_over(text.encode("utf-8", "surrogatepass"), limit)


def py_check(text: str, limit: int) -> bool:
    return _attributes.py_attributes_over(text, limit)


needs_c = pytest.mark.skipif(_attributes.c_attributes_over is None, reason="the C extension is not built")
CHECKS = [pytest.param(c_check, id="c", marks=needs_c), pytest.param(py_check, id="python")]


@pytest.fixture(params=["c", "python"])
def implementation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run parse_html with the C check, then with the Python one."""
    if request.param == "c" and _attributes.c_attributes_over is None:
        pytest.skip("the C extension is not built")
    if request.param == "python":
        monkeypatch.setattr(_attributes, "c_attributes_over", None)
    yield request.param


def attributes(n: int, template: str = ' a{i}="v"') -> str:
    return "".join(template.format(i=i) for i in range(n))


# ---- parse_html refuses, fast, and reads what it should -----------------------------------------


def test_a_tag_with_100_000_attributes_is_refused_fast(implementation):
    page = HEAD + "<p" + attributes(100_000) + ">text</p>"
    start = time.perf_counter()
    with pytest.raises(ParseError, match=f"a tag with more than {MAX_ATTRIBUTES} attributes") as caught:
        parse_html(page)
    # A hang guard, not a speed measurement: parsing this page took 34 s before the check.
    assert time.perf_counter() - start < 5
    assert isinstance(caught.value, NewsModelError)
    with pytest.raises(ParseError, match="attributes"):
        load_html(page.encode())


def test_exactly_the_limit_is_read_and_one_more_is_refused(implementation):
    page = HEAD + "<p" + attributes(MAX_ATTRIBUTES) + ">A paragraph of text with a few words.</p>" + BODY
    article = parse_html(page)
    assert "A paragraph of text with a few words." in article.body_text
    with pytest.raises(ParseError, match="attributes"):
        parse_html(page.replace("<p a0", "<p extra a0"))


@pytest.mark.parametrize(
    "template",
    [
        ' a{i}=">"',  # a quoted ">" does not end the tag
        " a{i}='<'",
        " a{i}=x",
        ' a{i}="v"b{i}',  # no whitespace after a quoted value
        " a{i}/",  # "/" between attributes acts like whitespace
        "\na{i}\t=\r'v'",
        " A{i}=V",
    ],
)
def test_attributes_are_counted_however_they_are_written(implementation, template):
    page = HEAD + "<P" + attributes(MAX_ATTRIBUTES + 1, template) + ">text</P>" + BODY
    with pytest.raises(ParseError, match="attributes"):
        parse_html(page)


def test_end_tag_attributes_count(implementation):
    with pytest.raises(ParseError, match="attributes"):
        parse_html(HEAD + "<p>text</p" + attributes(MAX_ATTRIBUTES + 1) + ">" + BODY)


@pytest.mark.parametrize(
    "wrap",
    [
        "<!-- {} -->",
        "<!-- x --!><!-- {} -->",
        "<!{}>",  # bogus comment: attributes and all up to the first ">"
        "<script>document.write('{}')</script>",
        "<script><!--<script>x</script>{}--></script>",  # double-escaped script data
        "<style>p {{}} /* {} */</style>",
        "<textarea>{}</textarea>",
        "<title>{}</title>",
    ],
)
def test_attributes_in_comments_and_raw_text_do_not_count(implementation, wrap):
    tag = "<p" + attributes(MAX_ATTRIBUTES + 1, " a{i}") + ">"
    page = HEAD + wrap.format(tag) + BODY
    parse_html(page)


@pytest.mark.parametrize(
    "prefix",
    [
        "<script/>",  # self-closing: libxml2 opens no raw text
        "<script></script>",
        "<!-->",
        "<!--->",
        "<script><!--<script></script></script>",
        "<style><!--</style>",  # style has no escaped state
        "<textarea title='</textarea>'></textarea>",
    ],
)
def test_raw_text_and_comments_end_where_libxml2_ends_them(implementation, prefix):
    page = HEAD + prefix + "<p" + attributes(MAX_ATTRIBUTES + 1, " a{i}") + ">text</p>" + BODY
    with pytest.raises(ParseError, match="attributes"):
        parse_html(page)


# ---- what libxml2 builds is never more than the check counts -----------------------------------

# Pieces that move HTML5's tokenizer between its states, and text around them.
_PIECES = st.sampled_from(
    [
        "<",
        ">",
        "/",
        "=",
        " ",
        "\n",
        '"',
        "'",
        "-",
        "!",
        "?",
        "a",
        "b",
        "x1",
        "\u00e9",
        "<p",
        "<P",
        "</p",
        "<b ",
        "<i/",
        "<!--",
        "-->",
        "--!>",
        "<!-",
        "<!",
        "</",
        "<?",
        "<script",
        "</script",
        "<SCRIPT",
        "</Script",
        "<style",
        "</style",
        "<textarea",
        "</textarea",
        "<title",
        "</title",
        "<xmp",
        "<plaintext",
        "<iframe",
        "</iframe",
        "<noscript",
        "<svg",
        " a",
        " b=c",
        " c='d'",
        ' d="e"',
        "e=",
        "f",
        "=g",
        "/>",
    ]
)
_PAGES = st.lists(_PIECES, max_size=60).map("".join)


def _built(page: str) -> int:
    """The most attributes of any element libxml2 builds from the page (as _load parses it)."""
    parser = _UTF8_TWINS[id(_PAGE_PARSER)]
    data = ("<html><body>" + page).encode("utf-8")
    root = lxml.html.document_fromstring(data, parser=parser)
    return max((len(element.attrib) for element in root.iter() if isinstance(element.tag, str)), default=0)


@given(_PAGES)
def test_the_check_never_counts_fewer_attributes_than_libxml2_builds(page):
    most = _built(page)
    text = "<html><body>" + page
    if most:
        assert py_check(text, most - 1)
        if _attributes.c_attributes_over is not None:
            assert c_check(text, most - 1)


@needs_c
@given(_PAGES, st.integers(min_value=0, max_value=4))
def test_c_and_python_agree(page, limit):
    assert c_check(page, limit) == py_check(page, limit)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "B", "=c", "d-e", "f\u00e9"]),
            st.sampled_from(["", "=", "=v", "='<'", '=">"', "= w", "='x'/", "=y/"]),
            st.sampled_from([" ", "", "/", "\n", " / "]),
        ),
        max_size=12,
    ),
    st.sampled_from(["p", "script", "textarea", "title", "div"]),
    st.sampled_from([">", "/>", " >", ""]),
)
def test_random_start_tags(parts, name, close):
    tag = "<" + name + " " + "".join(n + v + s for n, v, s in parts) + close
    text = tag + "<p one two three>text</p>"
    most = _built(text)
    if most:
        assert py_check("<html><body>" + text, most - 1)
    if _attributes.c_attributes_over is not None:
        for limit in range(len(parts) + 4):
            assert c_check(text, limit) == py_check(text, limit)


@pytest.mark.parametrize("check", CHECKS)
def test_negative_limits_are_refused(check):
    with pytest.raises(ValueError):
        check("<p a>", -1)


# ---- no benchmark page is refused -------------------------------------------------------------


def _benchmark_pages(conformance: Path) -> list[Path]:
    return sorted((conformance / "extraction").glob("*/html/*.html.gz"))


def test_no_benchmark_page_is_refused(conformance):
    pages = _benchmark_pages(conformance)
    assert pages, f"no pages under {conformance / 'extraction'}"
    from newsmodel.parse._decode import decode_html

    for path in pages:
        text = decode_html(gzip.decompress(path.read_bytes()))
        assert not py_check(text, MAX_ATTRIBUTES), path.name
        if _attributes.c_attributes_over is not None:
            assert not c_check(text, MAX_ATTRIBUTES), path.name


# ---- libxml2's other limits --------------------------------------------------------------------


def test_a_huge_text_node_is_refused_as_too_large_not_too_deep():
    page = HEAD + "<p>" + "word " * 3_000_000 + "</p>"
    with pytest.raises(ParseError, match="text or node too large") as caught:
        parse_html(page)
    assert "nested" not in str(caught.value)


def test_deep_nesting_keeps_its_message():
    page = HEAD + "<div>" * 10_000 + "<p>innermost</p>"
    with pytest.raises(ParseError, match="nested too deeply"):
        parse_html(page)


def test_the_environment_switch_is_respected():
    pure = os.environ.get("NEWSMODEL_PURE_PYTHON", "") not in ("", "0")
    if pure:
        assert _attributes.c_attributes_over is None
    elif os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        assert _attributes.c_attributes_over is not None, "CI builds the extension: the C check must be used"
