"""newsmodel's own JSON format: ``to_json``/``from_json``, ``to_dict``/``from_dict``, ``json_schema``.

The document is the article's fields with a ``format_version`` key; fields at their default
(``None``, empty lists) are left out. Blocks and inline marks are tagged unions with a ``type``
key. Datetimes are ISO 8601 strings with their UTC offset. The JSON Schema of the format ships
beside this module as ``article.schema.json``.

All of the mapping lives in :func:`make_converter`: one cattrs converter, configured in one place.
"""

from __future__ import annotations

import json as _stdlib_json
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any, AnyStr, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.strategies import configure_tagged_union

from .._extensions import import_extension
from .._isotime import parse_iso_datetime
from ..errors import DeserializationError, NewsModelError
from ..model import (
    _CHARACTERS_CHECKED,
    Article,
    AuthorProfile,
    Block,
    BlockQuote,
    Emphasis,
    Figure,
    Link,
    ListBlock,
    Mark,
    Paragraph,
    Publisher,
    Quote,
    Section,
    Subject,
    Table,
    characters_already_checked,
)

try:  # orjson is an optional speed-up (the "fast" extra); the stdlib gives the same documents.
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised only without the extra
    _orjson = None  # type: ignore[assignment]
else:
    # orjson before 3.10 crashes the interpreter on deeply nested input (seen with 3.8.3).
    if tuple(int(part) for part in _orjson.__version__.split(".")[:2]) < (3, 10):  # pragma: no cover
        _orjson = None  # type: ignore[assignment]

__all__ = [
    "FORMAT_VERSION",
    "from_dict",
    "from_json",
    "json_schema",
    "make_converter",
    "to_dict",
    "to_json",
]

#: The version of the JSON format written by :func:`to_json`; readers accept this one only.
FORMAT_VERSION = 1

BLOCK_TAGS: Mapping[type, str] = {
    Paragraph: "paragraph",
    ListBlock: "list",
    BlockQuote: "blockquote",
    Figure: "figure",
    Table: "table",
}
MARK_TAGS: Mapping[type, str] = {Link: "link", Emphasis: "emphasis"}


# --------------------------------------------------------------------------------------------
# The converter


def _structure_datetime(value: object, _: type) -> datetime:
    if type(value) is not str:
        raise TypeError(f"expected an ISO 8601 date-time string, got {type(value).__name__}")
    try:
        parsed = parse_iso_datetime(value)
    except ValueError:
        raise ValueError(f"not an ISO 8601 date-time: {value!r}") from None
    if parsed.tzinfo is None:
        raise ValueError(f"date-time without a UTC offset: {value!r}")
    return parsed


def _strict(kind: type, json_name: str) -> Callable[[object, type], Any]:
    # cattrs' defaults coerce (str(5) == "5", bool("false") is True); a lossless format must not.
    def structure(value: object, _: type) -> object:
        if type(value) is not kind:
            raise TypeError(f"expected {json_name}, got {_json_type_name(value)}")
        return value

    return structure


def _json_type_name(value: object) -> str:
    names = {str: "a string", int: "an integer", bool: "a boolean", float: "a number", list: "an array"}
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    return names.get(type(value), type(value).__name__)


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(converter: cattrs.Converter, detailed: bool) -> Callable[[Any], Any]:
    def factory(t: Any) -> Callable[[object, type], tuple[Any, ...]]:
        element = get_args(t)[0]
        handler = converter.get_structure_hook(element)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            # Only a JSON array is a sequence here: a string would otherwise become its characters.
            if type(value) is not list:
                raise TypeError(f"expected an array, got {_json_type_name(value)}")
            if not detailed:
                return tuple([handler(item, element) for item in value])
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(handler(item, element))
                except Exception as exc:
                    exc.__notes__ = [  # type: ignore[attr-defined]
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring {t} @ index {index}", index, element),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(items)

        return structure

    return factory


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """Return a fresh converter between articles and JSON-ready dicts.

    Integrations that embed articles in their own cattrs models can start from this one.
    ``detailed_validation=False`` is faster and reports only the first problem.
    """
    return _make_converter(detailed_validation)[0]


def _make_converter(
    detailed_validation: bool,
) -> tuple[cattrs.Converter, Callable[[Mapping[str, Any]], Block] | None]:
    """The converter, and for the fast one also its hook for one block (the C speed-ups use it)."""
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=detailed_validation,
        unstruct_collection_overrides={tuple: list},
    )
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_structure_hook(bool, _strict(bool, "a boolean"))
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, _tuple_hook_factory(converter, detailed_validation)
    )
    # Inner unions first: configuring Block captures the Paragraph hooks, which must already tag marks.
    configure_tagged_union(Mark, converter, tag_name="type", tag_generator=MARK_TAGS.__getitem__)
    configure_tagged_union(Block, converter, tag_name="type", tag_generator=BLOCK_TAGS.__getitem__)
    if detailed_validation:
        return converter, None
    return converter, _register_fast_body_hooks(converter)


def _register_fast_body_hooks(converter: cattrs.Converter) -> Callable[[Mapping[str, Any]], Block]:
    """Hand-written hooks for the bulk of every document: sections, paragraphs and quotes.

    They do what the generated hooks do, a few times faster, and leave every value check to the
    model's own validators. Whatever they reject is re-read by the detailed converter, which
    explains the problem; so they may be stricter than it, never laxer. The detailed converter
    writes documents too, and a property test checks that both write the same.
    """
    structure_mark = converter.get_structure_hook(Mark)
    other_blocks = {
        tag: (cls, converter.get_structure_hook(cls))
        for cls, tag in BLOCK_TAGS.items()
        if cls is not Paragraph
    }
    quote_keys = frozenset(("text", "start", "end", "speaker", "kind"))
    paragraph_keys = frozenset(("type", "text", "quotes", "marks"))
    section_keys = frozenset(("heading", "level", "blocks"))

    def items(document: Mapping[str, Any], key: str) -> list[Any]:
        value = document[key]
        if type(value) is not list:
            raise TypeError(f"{key} must be an array")
        return value

    def quote(document: Mapping[str, Any]) -> Quote:
        if not document.keys() <= quote_keys:
            raise ValueError("unknown key in quote")
        return Quote(
            text=document["text"],
            start=document["start"],
            end=document["end"],
            speaker=document.get("speaker"),
            kind=document.get("kind", "direct"),
        )

    def paragraph(document: Mapping[str, Any]) -> Paragraph:
        if len(document) == 2:  # the common case: only "type" and "text"
            return Paragraph(text=document["text"])
        if not document.keys() <= paragraph_keys:
            raise ValueError("unknown key in paragraph")
        quotes = tuple([quote(q) for q in items(document, "quotes")]) if "quotes" in document else ()
        marks = (
            tuple([structure_mark(m, Mark) for m in items(document, "marks")]) if "marks" in document else ()
        )
        return Paragraph(text=document["text"], quotes=quotes, marks=marks)

    def block(document: Mapping[str, Any]) -> Block:
        tag = document["type"]
        if tag == "paragraph":
            return paragraph(document)
        cls, hook = other_blocks[tag]
        fields = dict(document)
        del fields["type"]
        return hook(fields, cls)  # type: ignore[no-any-return]

    def section(document: Mapping[str, Any], _: type) -> Section:
        if not isinstance(document, Mapping) or not document.keys() <= section_keys:
            raise ValueError("not a section")
        blocks = tuple([block(b) for b in items(document, "blocks")]) if "blocks" in document else ()
        return Section(heading=document.get("heading"), level=document.get("level", 2), blocks=blocks)

    converter.register_structure_hook(Section, section)

    unstructure_block = converter.get_unstructure_hook(Block)
    unstructure_mark = converter.get_unstructure_hook(Mark)

    def quote_out(quote: Quote) -> dict[str, Any]:
        document: dict[str, Any] = {"text": quote.text, "start": quote.start, "end": quote.end}
        if quote.speaker is not None:
            document["speaker"] = quote.speaker
        if quote.kind != "direct":
            document["kind"] = quote.kind
        return document

    def paragraph_out(paragraph: Paragraph) -> dict[str, Any]:
        document: dict[str, Any] = {"text": paragraph.text}
        if paragraph.quotes:
            document["quotes"] = [quote_out(q) for q in paragraph.quotes]
        if paragraph.marks:
            document["marks"] = [unstructure_mark(m) for m in paragraph.marks]
        document["type"] = "paragraph"
        return document

    def section_out(section: Section) -> dict[str, Any]:
        document: dict[str, Any] = {}
        if section.heading is not None:
            document["heading"] = section.heading
        if section.level != 2:
            document["level"] = section.level
        if section.blocks:
            document["blocks"] = [
                paragraph_out(b) if type(b) is Paragraph else unstructure_block(b) for b in section.blocks
            ]
        return document

    converter.register_unstructure_hook(Section, section_out)
    return block


# The fast converter answers valid input; the detailed one runs only to explain a failure.
_FAST, _fast_block = _make_converter(detailed_validation=False)
_DETAILED = make_converter(detailed_validation=True)
_unstructure_article = _FAST.get_unstructure_hook(Article)
_structure_article = _FAST.get_structure_hook(Article)


# --------------------------------------------------------------------------------------------
# The C speed-ups


# The field defaults newsmodel._speedups writes into the objects it builds (NOTHING: required).
_SPEEDUP_DEFAULTS: dict[type, tuple[object, ...]] = {
    Article: (attrs.NOTHING, None, (), None, None, (), None, None, None, None, None, None, (), ()),
    AuthorProfile: (attrs.NOTHING, None, None, None, None, None, None, (), (), ()),
    Publisher: (attrs.NOTHING, None),
    Subject: (attrs.NOTHING, None),
    Section: (None, 2, ()),
    Paragraph: (attrs.NOTHING, (), ()),
    Quote: (attrs.NOTHING, attrs.NOTHING, attrs.NOTHING, None, "direct"),
    Link: (attrs.NOTHING, attrs.NOTHING, attrs.NOTHING, None),
    Emphasis: (attrs.NOTHING, attrs.NOTHING, "emphasis"),
}


def _aware_datetime(value: object) -> datetime:
    parsed = _structure_datetime(value, datetime)
    if parsed.utcoffset() is None:  # the model's own check; fromisoformat never gives this
        raise ValueError(f"date-time without a UTC offset: {value!r}")
    return parsed


def _load_speedups() -> ModuleType | None:
    """The configured C module, or None: not built, turned off, or the model is not as it expects."""
    _speedups = import_extension("_speedups")
    if _speedups is None:
        return None
    expected = _speedups.fields()
    for cls, defaults in _SPEEDUP_DEFAULTS.items():
        fields = attrs.fields(cls)
        if (
            tuple(f.name for f in fields) != expected[cls.__name__]
            or tuple(f.default for f in fields) != defaults
            or any(f.validator is not None or f.converter is not None for f in fields)
        ):
            return None
    if FORMAT_VERSION != 1 or _fast_block is None:  # the C code writes the version as a constant
        return None
    try:
        _speedups.configure(
            article=Article,
            author=AuthorProfile,
            publisher=Publisher,
            subject=Subject,
            section=Section,
            paragraph=Paragraph,
            quote=Quote,
            link=Link,
            emphasis=Emphasis,
            block_types=tuple(BLOCK_TAGS),
            block_hook=_fast_block,
            section_hook=lambda document: _FAST.structure(document, Section),
            author_hook=lambda document: _FAST.structure(document, AuthorProfile),
            publisher_hook=lambda document: _FAST.structure(document, Publisher),
            subject_hook=lambda document: _FAST.structure(document, Subject),
            datetime_hook=_aware_datetime,
            unstructure_block_hook=_FAST.get_unstructure_hook(Block),
            characters_checked_var=_CHARACTERS_CHECKED,
        )
    except TypeError:  # a class is not the plain slotted class the C code fills in
        return None
    return _speedups


# None runs everything in Python; the tests switch it off and on to compare both.
_speedups: Any = _load_speedups()


# --------------------------------------------------------------------------------------------
# Writing


def to_dict(article: Article) -> dict[str, Any]:
    """Return the article as a JSON-ready dict (only str, int, bool, list and dict inside)."""
    if not isinstance(article, Article):
        raise TypeError(f"to_dict() takes an Article, not {type(article).__name__}")
    if _speedups is not None:
        written: dict[str, Any] | None = _speedups.article_to_dict(article)
        if written is not None:
            return written
    document: dict[str, Any] = {"format_version": FORMAT_VERSION}
    document.update(_unstructure_article(article))
    return document


def to_json(article: Article, *, indent: int | None = None) -> str:
    """Return the article as a JSON document (UTF-8 text, non-ASCII characters kept as they are)."""
    fast = _orjson is not None and indent is None and _speedups is not None
    if fast:
        # orjson's own text, written by C straight into a str: no dicts, no UTF-8 round trip.
        text: str | None = _speedups.article_to_json(article)
        if text is not None:
            return text
    document = to_dict(article)
    if _orjson is not None and indent in (None, 2):
        if fast:
            text = _speedups.dumps(document)
            if text is not None:
                return text
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        return _orjson.dumps(document, option=option).decode("utf-8")
    return _stdlib_json.dumps(document, ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------------------------
# Reading


def _format_problem(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, NewsModelError):
        return str(exc)
    if isinstance(exc, KeyError):
        # cattrs raises KeyError both for a missing field and for a union tag it does not know.
        return f"missing field or unknown type tag: {exc.args[0]!r}" if exc.args else "required field missing"
    if isinstance(exc, TypeError | ValueError) and not isinstance(exc, ForbiddenExtraKeysError):
        return f"invalid value: {exc}"
    return cattrs.v.format_exception(exc, type_)


_KEY_PROBLEM = re.compile(r"missing field or unknown type tag: '(.*)' @ (.*)\Z")


def _clarify_key_problem(problem: str) -> str:
    match = _KEY_PROBLEM.match(problem)
    if match is None:
        return problem
    key, path = match.groups()
    if path.endswith("." + key):
        return f"required field missing @ {path}"
    if key == "type":
        return f"the object has no 'type' tag @ {path}"
    return f"unknown type tag {key!r} @ {path}"


def _problems(exc: Exception) -> list[str]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        problems = cattrs.transform_error(exc, path="$", format_exception=_format_problem)
        return [_clarify_key_problem(p) for p in problems]
    return [f"{_format_problem(exc, None)} @ $"]


def from_dict(document: Mapping[str, Any]) -> Article:
    """Build an article from a dict as :func:`to_dict` returns it.

    Raises :class:`~newsmodel.errors.DeserializationError` listing every problem with its
    JSON path; no partial article is ever returned.
    """
    return _article_from_document(document, characters_checked=False)


def _article_from_document(document: Mapping[str, Any], *, characters_checked: bool) -> Article:
    if not isinstance(document, Mapping):
        raise DeserializationError(
            "not a newsmodel article", [f"expected an object, got {_json_type_name(document)} @ $"]
        )
    body = dict(document)
    version = body.pop("format_version", None)
    if version != FORMAT_VERSION or type(version) is not int:
        raise DeserializationError(
            "not a newsmodel article",
            [f"format_version must be {FORMAT_VERSION}, got {version!r} @ $.format_version"],
        )
    try:
        if _speedups is not None:
            # The C code sets characters_already_checked() itself around any Python hook it calls.
            article: Article | None = _speedups.article_from_dict(body, characters_checked)
            if article is not None:
                return article
        if characters_checked:
            with characters_already_checked():
                return _structure_article(body, Article)  # type: ignore[no-any-return]
        return _structure_article(body, Article)  # type: ignore[no-any-return]
    except RecursionError:
        raise DeserializationError("the document is nested too deeply") from None
    except Exception:
        pass
    try:
        # Reached only when the fast hooks refused the document: explain why, or (should they
        # ever be stricter than needed) return what the detailed reading built.
        return _DETAILED.structure(body, Article)
    except RecursionError:
        raise DeserializationError("the document is nested too deeply") from None
    except Exception as exc:
        raise DeserializationError("invalid newsmodel article", _problems(exc)) from exc


def from_json(data: str | bytes | bytearray | memoryview) -> Article:
    """Read an article from a JSON document written by :func:`to_json`.

    Every kind of bad input (not JSON, broken UTF-8, wrong types, unknown or missing fields,
    invalid values, deep nesting) raises :class:`~newsmodel.errors.DeserializationError`.
    """
    if isinstance(data, memoryview | bytearray):
        data = bytes(data)
    if not isinstance(data, str | bytes):
        raise TypeError(f"from_json() takes str or bytes, not {type(data).__name__}")
    if not data.strip():
        raise DeserializationError("empty input: expected a JSON document")
    try:
        if _orjson is not None:
            document = _orjson.loads(data)
        else:
            if isinstance(data, bytes):
                data = data.decode("utf-8")
            document = _stdlib_json.loads(data)
    except UnicodeDecodeError as exc:
        raise DeserializationError("input is not valid UTF-8", [f"byte {exc.start}: {exc.reason}"]) from exc
    except RecursionError:
        raise DeserializationError("the document is nested too deeply") from None
    except ValueError as exc:
        raise DeserializationError("input is not valid JSON", [str(exc)]) from exc
    return _article_from_document(document, characters_checked=_only_xml_safe_characters(data))


def _only_xml_safe_characters(data: str | bytes) -> bool:
    """True if no string in this JSON document can hold a character XML 1.0 cannot carry.

    orjson refuses raw control characters and lone surrogates, so such characters can only
    come from \\u escapes, or be U+FFFE/U+FFFF themselves. One scan of the document then
    replaces a scan of every string in it; a false alarm only means the slower, per-string check.
    """
    if _orjson is None:
        return False
    if isinstance(data, bytes):
        # Single-byte searches run at memchr speed; longer needles are many times slower.
        if b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data):
            return False
        return not _has_unicode_escape(data, b"\\", b"u")
    if "\ufffe" in data or "\uffff" in data:
        return False
    return not _has_unicode_escape(data, "\\", "u")


def _has_unicode_escape(data: AnyStr, backslash: AnyStr, letter_u: AnyStr) -> bool:
    escape = data.find(backslash)
    while escape != -1:
        if data[escape + 1 : escape + 2] == letter_u:
            return True
        escape = data.find(backslash, escape + 2)  # skip the escaped character, even a backslash
    return False


@cache
def _schema_text() -> str:
    return resources.files(__package__).joinpath("article.schema.json").read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the format :func:`to_json` writes (a fresh copy)."""
    schema: dict[str, Any] = _stdlib_json.loads(_schema_text())
    return schema
