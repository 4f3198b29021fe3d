"""The JSON format: lossless round trips, a schema that holds, and clear errors for bad input."""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime, timedelta, timezone

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import Article, DeserializationError, from_dict, from_json, to_dict, to_json
from newsmodel.formats.json import FORMAT_VERSION, make_converter
from newsmodel.strategies import articles

VALIDATOR = jsonschema.Draft202012Validator(newsmodel.json_schema())


@given(articles())
def test_round_trip_is_lossless(article: Article) -> None:
    assert from_json(to_json(article)) == article
    assert from_dict(to_dict(article)) == article


@given(articles())
def test_every_document_validates_against_the_shipped_schema(article: Article) -> None:
    document = json.loads(to_json(article))
    errors = [f"{e.message} at {list(e.absolute_path)}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []


@given(articles())
def test_output_is_the_same_with_and_without_orjson(article: Article) -> None:
    assert json.loads(to_json(article)) == json.loads(to_json(article, indent=4))


def test_schema_is_itself_valid_and_names_every_field() -> None:
    schema = newsmodel.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    import attrs

    defs = schema["$defs"]
    named = {
        newsmodel.Article: schema,
        newsmodel.AuthorProfile: defs["author"],
        newsmodel.Section: defs["section"],
        newsmodel.Quote: defs["quote"],
        newsmodel.Paragraph: defs["paragraph"],
        newsmodel.ListBlock: defs["list"],
        newsmodel.BlockQuote: defs["blockquote"],
        newsmodel.Figure: defs["figure"],
        newsmodel.Table: defs["table"],
        newsmodel.Subject: defs["subject"],
        newsmodel.Publisher: defs["publisher"],
    }
    for cls, part in named.items():
        fields = {f.name for f in attrs.fields(cls)}
        assert fields <= set(part["properties"]), cls
        assert set(part["properties"]) - fields <= {"type", "format_version"}, cls


def test_documents_carry_the_format_version() -> None:
    assert to_dict(Article(headline="x")) == {"format_version": FORMAT_VERSION, "headline": "x"}


def test_datetimes_are_iso_8601_with_offset() -> None:
    moment = datetime(2026, 2, 9, 7, 30, tzinfo=timezone(timedelta(hours=-5)))
    document = to_dict(Article(headline="x", published=moment))
    assert document["published"] == "2026-02-09T07:30:00-05:00"
    assert from_dict(document).published == moment


def test_z_suffix_from_other_producers_is_read() -> None:
    article = from_dict({"format_version": 1, "headline": "x", "published": "2026-02-09T12:00:00Z"})
    assert article.published == datetime(2026, 2, 9, 12, tzinfo=timezone.utc)


def problems(data: object) -> tuple[str, ...]:
    with pytest.raises(DeserializationError) as info:
        if isinstance(data, str | bytes):
            from_json(data)
        else:
            from_dict(data)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    return info.value.problems


@pytest.mark.parametrize("data", ["", "   ", b"", "{", "nul", "[1,", '"unterminated'])
def test_not_json_is_a_deserialization_error(data: str | bytes) -> None:
    problems(data)


def test_broken_utf8_is_reported() -> None:
    problems(b'{"format_version": 1, "headline": "caf\xe9"}')


def test_lone_surrogate_is_rejected() -> None:
    problems('{"format_version": 1, "headline": "\\ud800"}')


def test_deep_nesting_is_rejected_without_crashing() -> None:
    problems("[" * 200_000 + "]" * 200_000)
    problems('{"format_version": 1, "headline": "x", "sections": ' + "[" * 50_000 + "]" * 50_000 + "}")


def test_wrong_top_level_and_version() -> None:
    assert problems([]) == ("expected an object, got an array @ $",)
    assert problems("5") == ("expected an object, got an integer @ $",)
    assert "format_version" in problems({"headline": "x"})[0]
    assert "format_version" in problems({"format_version": 2, "headline": "x"})[0]
    assert "format_version" in problems({"format_version": True, "headline": "x"})[0]


def test_every_problem_is_listed_with_its_path() -> None:
    document = {
        "format_version": 1,
        "published": "2026-01-01T00:00:00",
        "authors": [{"name": "Ana", "education": "BA"}],
        "sections": [
            {
                "level": "2",
                "blocks": [
                    {"type": "paragraph", "text": "abc", "quotes": [{"text": "b", "start": 0, "end": 1}]}
                ],
            },
            {"blocks": [{"type": "video"}, {"text": "no tag"}]},
        ],
        "colour": "red",
    }
    found = problems(document)
    paths = [p.rsplit(" @ ", 1)[1] for p in found]
    assert paths == [
        "$.headline",
        "$.authors[0].education",
        "$.published",
        "$.sections[0].level",
        "$.sections[0].blocks[0]",
        "$.sections[1].blocks[0]",
        "$.sections[1].blocks[1]",
        "$",
    ]
    assert "required field missing" in found[0]
    assert "expected an array, got a string" in found[1]
    assert "UTC offset" in found[2]
    assert "expected an integer, got a string" in found[3]
    assert "offsets 0:1 do not hold the quote text 'b'" in found[4]
    assert "unknown type tag 'video'" in found[5]
    assert "no 'type' tag" in found[6]
    assert "colour" in found[7]


@pytest.mark.parametrize(
    ("field", "value"),
    [("headline", 5), ("headline", None), ("authors", "Ana"), ("sections", {}), ("language", ["en"])],
)
def test_no_coercion_of_wrong_types(field: str, value: object) -> None:
    found = problems({"format_version": 1, "headline": "x", field: value})
    assert any(f"$.{field}" in p for p in found)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
    )
)
def test_arbitrary_json_values_never_escape_as_other_errors(value: object) -> None:
    document = {"format_version": 1, "headline": "x", "sections": value}
    with contextlib.suppress(DeserializationError):
        from_dict(document)


def test_converter_factory_returns_fresh_converters() -> None:
    assert make_converter() is not make_converter()
    article = Article(headline="x")
    assert make_converter().unstructure(article) == {"headline": "x"}


def test_version_matches_installed_metadata() -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("newsmodel-kit")
    except PackageNotFoundError:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            raise  # CI installs the project, so its metadata must be there
        pytest.skip("newsmodel-kit is not installed (running from a source tree)")
    assert newsmodel.__version__ == installed
