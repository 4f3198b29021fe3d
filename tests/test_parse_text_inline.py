"""strip_inline_markup: Markdown emphasis and links into plain text with stand-off marks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.model import Emphasis, Link, Paragraph
from newsmodel.parse.inline import strip_inline_markup


@pytest.mark.parametrize(
    ("marked", "plain", "spans"),
    [
        ("a **b** c", "a b c", [("b", "strong")]),
        ("a __b c__ d", "a b c d", [("b c", "strong")]),
        ("a *b* c", "a b c", [("b", "emphasis")]),
        ("a _b_ c", "a b c", [("b", "emphasis")]),
        ("a `x = 1` c", "a x = 1 c", [("x = 1", "code")]),
        ("a ~~b~~ c", "a b c", [("b", "strike")]),
        ("**bold *and* more**", "bold and more", [("bold and more", "strong"), ("and", "emphasis")]),
        ("[the report](https://x.example/r)", "the report", [("the report", "https://x.example/r")]),
        (
            "**[the report](https://x.example/r)**",
            "the report",
            [("the report", "strong"), ("the report", "https://x.example/r")],
        ),
        ("see <https://x.example>", "see https://x.example", [("https://x.example", "https://x.example")]),
    ],
)
def test_markup(marked: str, plain: str, spans: list[tuple[str, str]]) -> None:
    text, marks = strip_inline_markup(marked)
    assert text == plain
    assert [(text[m.start : m.end], m.style if isinstance(m, Emphasis) else m.href) for m in marks] == spans


@pytest.mark.parametrize(
    "text",
    [
        "5 * 3 * 2 = 30",
        "snake_case_name and other_name",
        "*Not his real name",
        "a ** b",
        "an [aside] in brackets (and parentheses)",
        "2 < 3 and 4 > 1",
        "~ approx ~",
    ],
)
def test_text_that_only_looks_like_markup_is_kept(text: str) -> None:
    assert strip_inline_markup(text) == (text, ())


_PLAIN = st.text(alphabet="abcdefghij klmnop,.", min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s
)


@given(
    st.lists(
        st.tuples(_PLAIN, st.sampled_from(["", "**", "*", "_", "`", "~~", "link"])), min_size=1, max_size=8
    )
)
def test_marks_point_at_the_words_they_styled(pieces: list[tuple[str, str]]) -> None:
    marked, expected = [], []
    for words, style in pieces:
        if style == "link":
            marked.append(f"[{words}](https://x.example/{len(words)})")
        else:
            marked.append(f"{style}{words}{style}")
        expected.append((words, style))
    text, marks = strip_inline_markup(" ".join(marked))
    assert text == " ".join(words for words, _ in pieces)
    Paragraph(text=text, marks=marks)  # every mark lies inside the text
    styled = [(words, style) for words, style in expected if style]
    assert len(marks) == len(styled)
    for mark, (words, _) in zip(sorted(marks, key=lambda m: m.start), styled, strict=True):
        assert text[mark.start : mark.end] == words
        assert isinstance(mark, Link | Emphasis)
