"""newsmodel: a typed, immutable model of news articles and lossless conversions between formats."""

from ._version import __version__
from .errors import (
    DeserializationError,
    NewsModelError,
    NewsModelWarning,
    ParseError,
    UnsafeXMLError,
    ValidationError,
)
from .formats.json import from_dict, from_json, json_schema, to_dict, to_json
from .formats.newsml import from_newsml, read_newsml_items, to_newsml
from .formats.nitf import from_nitf
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
from .parse.html import parse_html
from .parse.text import parse_text
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
    "NewsModelWarning",
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
    "from_newsml",
    "from_nitf",
    "json_schema",
    "parse_html",
    "parse_text",
    "quote_paragraphs",
    "read_newsml_items",
    "to_dict",
    "to_json",
    "to_newsml",
]
