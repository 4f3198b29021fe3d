"""newsmodel: a typed, immutable model of news articles and lossless conversions between formats."""

from ._version import __version__
from .errors import (
    DeserializationError,
    NewsModelError,
    ParseError,
    UnsafeXMLError,
    ValidationError,
)
from .formats.json import from_dict, from_json, json_schema, to_dict, to_json
from .model import (
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
)
from .quotes import find_quotes, quote_paragraphs

__all__ = [
    "Article",
    "AuthorProfile",
    "Block",
    "BlockQuote",
    "DeserializationError",
    "Emphasis",
    "Figure",
    "Link",
    "ListBlock",
    "Mark",
    "NewsModelError",
    "Paragraph",
    "ParseError",
    "Publisher",
    "Quote",
    "Section",
    "Subject",
    "Table",
    "UnsafeXMLError",
    "ValidationError",
    "__version__",
    "find_quotes",
    "from_dict",
    "from_json",
    "json_schema",
    "quote_paragraphs",
    "to_dict",
    "to_json",
]
