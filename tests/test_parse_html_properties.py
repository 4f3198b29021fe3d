"""Property tests: what parse_html and the decoder promise for every input."""

from __future__ import annotations

import html

from hypothesis import assume, given
from hypothesis import strategies as st

from newsmodel.errors import NewsModelError
from newsmodel.model import Emphasis, Link
from newsmodel.parse._decode import decode_html
from newsmodel.parse.html import parse_html

words = st.text(
    alphabet=st.characters(categories=("L", "N"), exclude_characters="\x00"), min_size=2, max_size=12
)
sentences = st.lists(words, min_size=8, max_size=30).map(" ".join)


@st.composite
def marked_paragraphs(draw: st.DrawFn) -> tuple[str, str, tuple[int, int] | None, str]:
    """(plain text, HTML of the paragraph, the span of the marked words or None, the mark tag)."""
    before, marked, after = draw(sentences), draw(sentences), draw(sentences)
    # Prose: the marked words are at most a third of the paragraph (a paragraph that is mostly
    # links reads as navigation, and is meant to).
    assume(len(marked) <= (len(before) + len(after)) / 2)
    tag = draw(st.sampled_from(["a", "em", "strong", "none"]))
    if tag == "none":
        text = f"{before} {marked} {after}"
        return text, f"<p>{html.escape(text)}</p>", None, tag
    opening = '<a href="https://example.org/x">' if tag == "a" else f"<{tag}>"
    inner = f"{html.escape(before)} {opening}{html.escape(marked)}</{tag}> {html.escape(after)}"
    start = len(before) + 1
    return f"{before} {marked} {after}", f"<p>{inner}</p>", (start, start + len(marked)), tag


@given(st.lists(marked_paragraphs(), min_size=1, max_size=6))
def test_paragraphs_and_marks_survive_boilerplate(paragraphs):
    body = "".join(p[1] for p in paragraphs)
    page = (
        "<html><head><title>A generated story</title></head><body>"
        '<nav class="menu"><a href="/1">Home</a> <a href="/2">World</a> <a href="/3">Sport</a></nav>'
        f"<article><h1>A generated story</h1>{body}</article>"
        '<div class="related"><a href="/4">Another story entirely</a></div>'
        "<footer>Copyright notice</footer></body></html>"
    )
    article = parse_html(page)
    found = list(article.iter_paragraphs())
    assert [p.text for p in found] == [p[0] for p in paragraphs]
    for paragraph, (_, _, span, tag) in zip(found, paragraphs, strict=True):
        if span is None:
            assert paragraph.marks == ()
            continue
        (mark,) = paragraph.marks
        assert (mark.start, mark.end) == span
        assert isinstance(mark, Link) if tag == "a" else isinstance(mark, Emphasis)


@given(st.text())
def test_utf8_bytes_decode_to_the_text(text):
    assert decode_html(text.encode("utf-8", errors="surrogatepass")) == text or any(
        "\ud800" <= c <= "\udfff" for c in text
    )


@given(st.text(alphabet=st.characters(codec="cp1252"), min_size=1))
def test_cp1252_bytes_declared_utf8_are_not_garbled(text):
    data = b'<meta charset="utf-8">' + text.encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_html(data) == '<meta charset="utf-8">' + text
    else:
        assume(False)  # these bytes are valid UTF-8 as well: nothing to tell them apart


@given(st.one_of(st.text(max_size=2000), st.binary(max_size=2000)))
def test_any_input_gives_an_article_or_a_newsmodel_error(data):
    try:
        article = parse_html(data)
    except NewsModelError:
        return
    assert article.headline.strip()
