from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from .model import Article

def configure(
    *,
    article: type,
    author: type,
    publisher: type,
    subject: type,
    section: type,
    paragraph: type,
    quote: type,
    link: type,
    emphasis: type,
    block_types: tuple[type, ...],
    block_hook: Callable[[Any], object],
    section_hook: Callable[[Any], object],
    author_hook: Callable[[Any], object],
    publisher_hook: Callable[[Any], object],
    subject_hook: Callable[[Any], object],
    datetime_hook: Callable[[Any], object],
    unstructure_block_hook: Callable[[Any], object],
    characters_checked_var: ContextVar[bool],
) -> bool: ...
def article_from_dict(document: dict[str, Any], characters_checked: bool, /) -> Article | None: ...
def article_to_dict(article: Article, /) -> dict[str, Any] | None: ...
def article_to_json(article: Article, /) -> str | None: ...
def dumps(document: object, /) -> str | None: ...
def counters() -> tuple[int, int, int]: ...
def fields() -> dict[str, tuple[str, ...]]: ...
