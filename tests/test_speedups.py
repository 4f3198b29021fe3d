"""The C speed-ups (newsmodel._speedups) give exactly what the pure-Python JSON code gives.

Every comparison runs the same input twice, once with the C module and once with it switched
off, and wants equal results (compared by ``==`` and by ``repr``, which shows types) or the same
error type and message. The inputs are generated articles, documents mutated at random, and
hand-made hostile objects.
"""

from __future__ import annotations

import copy
import importlib
import json
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import (
    Article,
    AuthorProfile,
    Emphasis,
    Link,
    Paragraph,
    Publisher,
    Quote,
    Section,
    Subject,
    Table,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from newsmodel.formats import _construct
from newsmodel.formats import json as json_format
from newsmodel.strategies import articles

speedups = json_format._speedups
needs_speedups = pytest.mark.skipif(speedups is None, reason="newsmodel._speedups is not built or is off")


@contextmanager
def pure_python() -> Iterator[None]:
    saved = json_format._speedups
    json_format._speedups = None
    _construct.use_speedups(False)
    try:
        yield
    finally:
        json_format._speedups = saved
        _construct.use_speedups(True)


def outcome(function: Callable[[Any], Any], argument: Any) -> tuple[object, ...]:
    try:
        result = function(argument)
    except Exception as exc:
        return ("error", type(exc), str(exc))
    if isinstance(result, str | bytes):
        return ("ok", result)
    return ("ok", result, repr(result))


def both(function: Callable[[Any], Any], argument: Any) -> tuple[tuple[object, ...], tuple[object, ...]]:
    fast = outcome(function, copy.deepcopy(argument))
    with pure_python():
        pure = outcome(function, copy.deepcopy(argument))
    return fast, pure


def seed_like_article() -> Article:
    text = "He said he trusts “almost nobody” these days. " * 3
    start = text.index("almost nobody")
    quote = Quote(text="almost nobody", start=start, end=start + 13, speaker="Trump", kind="partial")
    return Article(
        headline="Trump-Putin relations",
        summary="A summary with “a quote” in it.",
        summary_quotes=(Quote(text="a quote", start=16, end=23),),
        authors=(
            AuthorProfile(name="Sophia Rivers", role="Editor", bio="Bio. " * 5, education=("Toronto",)),
            AuthorProfile(name="Daniel Brooks", email="daniel@example.org"),
        ),
        published=datetime(2025, 7, 15, 9, 30, tzinfo=timezone(timedelta(hours=-4))),
        modified=datetime(2025, 7, 16, 0, 0, tzinfo=timezone.utc),
        language="en-GB",
        url="https://example.org/a",
        identifier="urn:x:1",
        publisher=Publisher(name="The Archivists", url="https://example.org"),
        subjects=(Subject(name="Politics", code="medtop:11000000"), Subject(name="Trust")),
        sections=(
            Section(
                blocks=(
                    Paragraph(
                        text="Lead paragraph.\twith a tab",
                        marks=(Link(start=0, end=4, href="https://example.org/"), Emphasis(start=5, end=14)),
                    ),
                )
            ),
            Section(heading="Heading", level=3, blocks=(Paragraph(text=text, quotes=(quote,)),)),
        ),
    )


# ---- the C path is really taken ---------------------------------------------------------------


def test_ci_builds_and_uses_the_extension() -> None:
    if os.environ.get("CI", "").lower() not in ("1", "true", "yes"):
        pytest.skip("only CI insists on the C extension")
    # Imported by name, so a missing build fails here even when NEWSMODEL_PURE_PYTHON is set.
    importlib.import_module("newsmodel._speedups")
    if os.environ.get("NEWSMODEL_PURE_PYTHON", "") in ("", "0"):
        assert json_format._speedups is not None, "the C extension was built but not configured"


@needs_speedups
def test_the_common_case_is_read_and_written_in_c() -> None:
    article = seed_like_article()
    read, written, python_calls = speedups.counters()
    text = to_json(article)
    assert from_json(text) == article
    assert from_dict(to_dict(article)) == article
    # ...and every object in it, marks and dates included, without a Python hook.
    assert speedups.counters() == (read + 2, written + 2, python_calls)


@needs_speedups
def test_uncommon_articles_fall_back_to_python() -> None:
    article = attrs.evolve(seed_like_article(), headline="Cr\u00e8me \u2028")
    read = speedups.counters()[0]
    document = to_dict(article)
    document["surprise"] = 1
    with pytest.raises(Exception, match="surprise"):
        from_dict(document)
    assert speedups.counters()[0] == read


@needs_speedups
def test_objects_built_in_c_are_ordinary_objects() -> None:
    expected = seed_like_article()
    article = from_json(to_json(expected))
    with pure_python():
        python_built = from_json(to_json(expected))
    assert article == python_built and repr(article) == repr(python_built)
    assert hash(article.sections) == hash(python_built.sections)
    assert pickle.loads(pickle.dumps(article)) == article
    assert attrs.evolve(article, headline="Other").headline == "Other"
    for obj in (article, *article.authors, article.publisher, *article.subjects, *article.sections):
        assert type(obj) in (Article, AuthorProfile, Publisher, Subject, Section)
        assert attrs.asdict(obj, recurse=False) == attrs.asdict(obj, recurse=False)  # every slot is set
    paragraph = article.sections[1].blocks[0]
    assert type(paragraph) is Paragraph and type(paragraph.quotes) is tuple
    assert type(paragraph.quotes[0]) is Quote and paragraph.quotes[0].kind == "partial"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        paragraph.text = "x"  # type: ignore[misc]


@needs_speedups
def test_python_hooks_called_from_c_see_the_checked_characters_context() -> None:
    from newsmodel.model import characters_already_checked

    # Only a document proven XML-safe as a whole is read with the per-string check off: here the
    # proof is pretended, so the table (built by a Python hook) shows which context it ran in.
    body = {"headline": "x", "sections": [{"blocks": [{"type": "table", "rows": [["\x01"]]}]}]}
    built = speedups.article_from_dict(copy.deepcopy(body), True)
    with characters_already_checked():
        expected = json_format._structure_article(copy.deepcopy(body), Article)
    assert built == expected
    with pytest.raises(Exception, match="U\\+0001"):
        speedups.article_from_dict(copy.deepcopy(body), False)


# ---- generated articles -----------------------------------------------------------------------


@given(articles())
def test_generated_articles_give_the_same_documents_and_objects(article: Article) -> None:
    fast, pure = both(to_json, article)
    assert fast == pure
    text = fast[1]
    assert isinstance(text, str)
    assert both(from_json, text) == both(from_json, text.encode())
    fast, pure = both(from_json, text)
    assert fast == pure
    assert fast[1] == article
    assert both(from_dict, json.loads(text)) == (fast, pure)
    assert (
        both(lambda a: to_json(a, indent=2), article)[0] == both(lambda a: to_json(a, indent=2), article)[1]
    )


# ---- mutated documents ------------------------------------------------------------------------

ODD_VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            False,
            0,
            1,
            2,
            3,
            6,
            7,
            -1,
            2**64,
            1.5,
            "",
            " ",
            "\t",
            "x",
            "\x01",
            "\x0b",
            "\ud800",
            "\ufffe",
            "\uffff",
            "\u2003",
            "paragraph",
            "list",
            "link",
            "direct",
            "scare",
            "block",
            "en",
            "en-",
            "e1",
            "a@b",
            "a @b",
            "2026-02-09T07:30:00-05:00",
            "2026-02-09T07:30:00",
            "2026-02-09",
            [],
            {},
            ["x"],
            [{}],
            {"type": "paragraph", "text": "x"},
            {"text": "x", "start": 0, "end": 1},
        ]
    ),
    st.text(max_size=8),
    st.integers(),
)


def _positions(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a JSON tree, the root's children included."""
    found: list[tuple[Any, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((node, key))
            found.extend(_positions(value))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.append((node, index))
            found.extend(_positions(value))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    document = json.loads(to_json(draw(articles())))
    for _ in range(draw(st.integers(1, 3))):
        positions = _positions(document)
        if not positions:
            break
        container, key = draw(st.sampled_from(positions))
        action = draw(st.sampled_from(["replace", "delete", "add", "text"]))
        if action == "replace":
            container[key] = draw(ODD_VALUES)
        elif action == "delete":
            del container[key]
        elif action == "add":
            target = container[key]
            if isinstance(target, dict):
                target[draw(st.sampled_from(["type", "text", "marks", "quotes", "kind", "zzz", "level"]))] = (
                    draw(ODD_VALUES)
                )
            elif isinstance(target, list):
                target.insert(draw(st.integers(0, len(target))), draw(ODD_VALUES))
            else:
                container[key] = [target]
        elif isinstance(container[key], str):
            value = container[key]
            at = draw(st.integers(0, len(value)))
            inserted = draw(
                st.sampled_from(["\x00", "\x1f", "\ud83d", "\ufffe", " ", "é", "\u2028\x0b", "😀\x01"])
            )
            container[key] = value[:at] + inserted + value[at:]
    return document


@given(mutated_documents())
def test_mutated_documents_read_the_same(document: dict[str, Any]) -> None:
    fast, pure = both(from_dict, document)
    assert fast == pure
    for ensure_ascii in (True, False):
        try:
            text = json.dumps(document, ensure_ascii=ensure_ascii)
        except ValueError:
            continue
        assert both(from_json, text)[0] == both(from_json, text)[1]
        encoded = text.encode("utf-8", "surrogatepass")
        fast, pure = both(from_json, encoded)
        assert fast == pure


# ---- hostile objects and documents --------------------------------------------------------------


class Text(str):
    pass


class Number(int):
    pass


class Object(dict):  # type: ignore[type-arg]
    pass


def _document() -> dict[str, Any]:
    return to_dict(seed_like_article())


HOSTILE_DOCUMENTS: list[Callable[[dict[str, Any]], None]] = [
    lambda d: d.update(headline=Text("x")),
    lambda d: d.update(headline=" \u3000 "),
    lambda d: d.update(headline="\u4e00\x0b"),
    lambda d: d.update(headline="😀\x1f"),
    lambda d: d.update(headline="😀\ud800"),
    lambda d: d.update(headline="é\x01"),
    lambda d: d.update(kicker="\u2028\ufffe"),
    lambda d: d.update(kicker="\U0010ffff\uffff"),
    lambda d: d.update(headline="\u4e00\x01"),
    lambda d: d["sections"][0]["blocks"][0].update(text="“\x01”"),
    lambda d: d["sections"][0].update(heading="“\x1f”"),
    lambda d: d["authors"][0].update(bio="“\x0c”"),
    lambda d: d["authors"][0].update(education=["“\x0c”"]),
    lambda d: d["sections"][1]["blocks"][0]["quotes"][0].update(speaker="“\x01”"),
    lambda d: d.update(language="en_GB"),
    lambda d: d.update(language="ab-123456789"),
    lambda d: d.update(language="é"),
    lambda d: d.update(summary=None),
    lambda d: d.update(summary="short"),
    lambda d: d.update(published="2025-07-15T09:30:00"),
    lambda d: d.update(published=Text("2025-07-15T09:30:00Z")),
    lambda d: d.update(modified=None),
    lambda d: d.update(published="2025-07-15T09:30:00.123456+05:30"),
    lambda d: d.update(published="2025-07-15T09:30:00.123+05:30"),
    lambda d: d.update(published="2025-13-15T09:30:00+05:30"),
    lambda d: d.update(published="2025-07-15T09:30:00+24:00"),
    lambda d: d.update(published="2025-07-15T09:30:00-00:00"),
    lambda d: d.update(published="2025-07-15 09:30:00+00:00"),
    lambda d: d.update(published="2025-07-15T09:30:00Z"),
    lambda d: d.update(published="\u0662\u0660\u0662\u0665-07-15T09:30:00+05:30"),
    lambda d: d.update(modified="2025-07-15T09:30:00+05:30:15"),
    lambda d: d.update(publisher=None),
    lambda d: d.update(publisher=Object(name="P")),
    lambda d: d.update(publisher={"name": "P", "url": ""}),
    lambda d: d.update(subjects=[{"name": " "}]),
    lambda d: d.update(subjects=({"name": "x"},)),
    lambda d: d.update(authors=[{"name": "A", "email": "a b@c"}]),
    lambda d: d.update(authors=[{"name": "A", "email": "ab.c"}]),
    lambda d: d.update(authors=[{"name": "A", "education": ["", "x"]}]),
    lambda d: d.update(authors=[{"name": "A", "expertise": "x"}]),
    lambda d: d.update(authors=[{"name": "A", "same_as": [Text("x")]}]),
    lambda d: d["summary_quotes"][0].update(start=Number(17)),
    lambda d: d["summary_quotes"][0].update(start=True),
    lambda d: d["summary_quotes"][0].update(kind="scare"),
    lambda d: d["summary_quotes"][0].update(kind=Text("direct")),
    lambda d: d["summary_quotes"].append(d["summary_quotes"][0]),
    lambda d: d["sections"][1]["blocks"][0]["quotes"][0].update(kind="scare", speaker=None),
    lambda d: d["sections"][1]["blocks"][0]["quotes"][0].update(kind="scare"),
    lambda d: d["sections"][1]["blocks"][0]["quotes"][0].update(start=2**70, end=2**70 + 13),
    lambda d: d["sections"][1]["blocks"][0]["quotes"][0].update(start=-13, end=0),
    lambda d: d["sections"][1]["blocks"][0]["quotes"][0].update(start=0, end=13),
    lambda d: d["sections"][1]["blocks"][0].update(
        marks=[{"type": "link", "start": 0, "end": 1, "href": "h"}]
    ),
    lambda d: d["sections"][1]["blocks"][0].update(marks=[]),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "link", "start": 0, "end": 1, "href": "h", "title": None}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "link", "start": 0, "end": 1, "href": "h", "title": ""}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "link", "start": 0, "end": 1, "href": ""}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(marks=[{"type": "link", "start": 0, "end": 1}]),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "link", "start": 0, "end": 1, "href": "h", "style": "strong"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "link", "start": 2, "end": 1, "href": "h"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "link", "start": True, "end": 1, "href": "h"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "link", "start": 0, "end": 10_000, "href": "h"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "link", "start": 0, "end": 1, "href": "h\\x01\\u2028"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "Link", "start": 0, "end": 1, "href": "h"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(marks=[{"type": "emphasis", "start": 0, "end": 1}]),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "emphasis", "start": 0, "end": 1, "style": "strike"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "emphasis", "start": 0, "end": 1, "style": "bold"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "emphasis", "start": 0, "end": 1, "style": None}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(
        marks=[{"type": "emphasis", "start": 0, "end": 1, "href": "h"}]
    ),
    lambda d: d["sections"][0]["blocks"][0].update(marks=[{"start": 0, "end": 1, "style": "strong"}]),
    lambda d: d["sections"][1]["blocks"][0].update(quotes=[]),
    lambda d: d["sections"][1]["blocks"][0].update(type=Text("paragraph")),
    lambda d: d["sections"][1]["blocks"].append({"type": "table", "rows": [["a", ""]]}),
    lambda d: d["sections"][1]["blocks"].append(Object(type="paragraph", text="x")),
    lambda d: d["sections"][1].update(level=True),
    lambda d: d["sections"][1].update(level=2**80),
    lambda d: d["sections"][1].update(heading="\n"),
    lambda d: d["sections"][1].update(heading=None),
    lambda d: d["sections"].append(Object()),
    lambda d: d["sections"].append({}),
    lambda d: d["sections"].append(None),
    lambda d: d.update(sections=tuple(d["sections"])),
]


@pytest.mark.parametrize("mutate", HOSTILE_DOCUMENTS)
def test_hostile_documents_read_the_same(mutate: Callable[[dict[str, Any]], None]) -> None:
    document = _document()
    mutate(document)
    fast, pure = both(from_dict, document)
    assert fast == pure
    for ensure_ascii in (True, False):
        text = json.dumps(document, ensure_ascii=ensure_ascii)
        fast, pure = both(from_json, text.encode("utf-8", "surrogatepass"))
        assert fast == pure


class Evil:
    """A dict key that empties its dict when compared, and hashes like a real key."""

    def __init__(self, target: dict[str, Any], key: str) -> None:
        self.target, self.key = target, key

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        self.target.clear()
        return False


def test_a_key_that_changes_its_dict_does_not_crash() -> None:
    for field in ("name", "bio", "same_as"):
        document = _document()
        author = document["authors"][0]
        author[Evil(author, field)] = 1  # type: ignore[index]
        outcome(from_dict, document)
    document = _document()
    document[Evil(document, "sections")] = 1  # type: ignore[index]
    outcome(from_dict, document)


def _forced(obj: object, **values: object) -> object:
    for name, value in values.items():
        object.__setattr__(obj, name, value)
    return obj


HOSTILE_ARTICLES: list[Callable[[Article], object]] = [
    lambda a: _forced(a, headline=Text("x")),
    lambda a: _forced(a, summary=5),
    lambda a: _forced(a, authors=list(a.authors)),
    lambda a: _forced(a.authors[0], name=None),
    lambda a: _forced(a.authors[0], education=["x"]),
    lambda a: _forced(a.authors[0], education=(Text("x"),)),
    lambda a: _forced(a, published=datetime(2020, 1, 1)),
    lambda a: _forced(a, published="2020"),
    lambda a: _forced(a, published=datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=5, seconds=7)))),
    lambda a: _forced(a, headline="\ud800"),
    lambda a: _forced(a, headline='"\\\x01'),
    lambda a: _forced(a.authors[0], bio="😀\ud800"),
    lambda a: _forced(a.sections[0].blocks[0], text="“\udfff”"),
    lambda a: _forced(a, publisher=Publisher),
    lambda a: _forced(a.publisher, url=Text("u")),
    lambda a: _forced(a.subjects[0], code=1),
    lambda a: _forced(a, sections=(*a.sections, "x")),
    lambda a: _forced(a.sections[0], level=Number(2)),
    lambda a: _forced(a.sections[0], level=2**80),
    lambda a: _forced(a.sections[0], heading=3),
    lambda a: _forced(a.sections[0], blocks=(Table(rows=(("a",),)), a.sections[0].blocks[0])),
    lambda a: _forced(a.sections[0].blocks[0], text=None),
    lambda a: _forced(a.sections[0].blocks[0], marks=(Link(start=0, end=1, href="h"),)),
    lambda a: _forced(a.sections[0].blocks[0], marks=("not a mark",)),
    lambda a: _forced(a.sections[0].blocks[0], marks=(_forced(Link(start=0, end=1, href="h"), href=None),)),
    lambda a: _forced(
        a.sections[0].blocks[0], marks=(_forced(Link(start=0, end=1, href="h"), title=Text("t")),)
    ),
    lambda a: _forced(a.sections[0].blocks[0], marks=(_forced(Emphasis(start=0, end=1), style=None),)),
    lambda a: _forced(a.sections[0].blocks[0], marks=(_forced(Emphasis(start=0, end=1), end=2**70),)),
    lambda a: _forced(a.sections[1].blocks[0].quotes[0], kind=None),
    lambda a: _forced(a.sections[1].blocks[0].quotes[0], start=True),
    lambda a: _forced(a.summary_quotes[0], speaker=Text("s")),
]


@pytest.mark.parametrize("spoil", HOSTILE_ARTICLES)
def test_hostile_articles_write_the_same(spoil: Callable[[Article], object]) -> None:
    article = copy.deepcopy(seed_like_article())
    spoil(article)
    for write in (to_dict, to_json):
        fast = outcome(write, article)
        with pure_python():
            pure = outcome(write, article)
        assert fast == pure


def test_half_built_objects_do_not_crash() -> None:
    bare = object.__new__(Article)
    fast = outcome(to_dict, bare)
    with pure_python():
        assert outcome(to_dict, bare) == fast
    section = object.__new__(Section)
    article = _forced(seed_like_article(), sections=(section,))
    fast = outcome(to_dict, article)
    with pure_python():
        assert outcome(to_dict, article) == fast


# ---- the JSON text writer -----------------------------------------------------------------------

JSON_TEXTS = st.one_of(
    st.text(),
    st.text(
        alphabet=st.sampled_from(['"', "\\", "\x00", "\x1f", "\x7f", "é", "\u2028", "“", "😀", "a", "\n"])
    ),
    st.sampled_from(["\ud800", "a\udfff", "😀\ud83d"]),
)
JSON_TREES = st.recursive(
    st.none() | st.booleans() | st.integers() | JSON_TEXTS | st.floats() | st.tuples(st.integers()),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(JSON_TEXTS, children, max_size=4)
        | st.dictionaries(st.integers(), children, max_size=2)
    ),
    max_leaves=12,
)


@needs_speedups
@given(JSON_TREES)
def test_the_writer_writes_what_orjson_writes(tree: object) -> None:
    orjson = pytest.importorskip("orjson")
    try:
        expected: str | None = orjson.dumps(tree).decode()
    except TypeError:
        expected = None
    written = speedups.dumps(tree)
    # None: left to orjson (floats, tuples, int keys, huge ints, surrogates); never a different text.
    assert written is None or written == expected


@needs_speedups
def test_the_writer_refuses_deep_nesting_and_odd_types() -> None:
    deep: list[object] = []
    for _ in range(100):
        deep = [deep]
    assert speedups.dumps(deep) is None
    assert speedups.dumps({"a": Text("x")}) is None
    assert speedups.dumps([2**64]) is None
    assert speedups.dumps({"a": [1, "“x”\t", None, True]}) == '{"a":[1,"“x”\\t",null,true]}'
