"""The one exception hierarchy of newsmodel.

Every error newsmodel raises on purpose is a :class:`NewsModelError`. Errors about bad input
also subclass :class:`ValueError`, so code that already catches ``ValueError`` keeps working.
This module imports nothing else from newsmodel, so any module may import it.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "DeserializationError",
    "NewsModelError",
    "NewsModelWarning",
    "ParseError",
    "UnsafeXMLError",
    "ValidationError",
]


class NewsModelError(Exception):
    """Root of every exception newsmodel raises on purpose.

    .. versionadded:: 0.1.0
    """


class ValidationError(NewsModelError, ValueError):
    """A model object was given a value it cannot represent.

    ``cls`` and ``field`` name where, ``reason`` says why.

    .. versionadded:: 0.1.0
    """

    def __init__(self, cls: str, field: str, reason: str) -> None:
        self.cls = cls
        self.field = field
        self.reason = reason
        super().__init__(f"{cls}.{field}: {reason}")


class DeserializationError(NewsModelError, ValueError):
    """A serialized article could not be read back.

    ``problems`` lists every problem found, each prefixed with where it is
    (a JSON path such as ``$.sections[2].blocks[0].text``, or an XML location).

    .. versionadded:: 0.1.0
    """

    def __init__(self, message: str, problems: Iterable[str] = ()) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        detail = "".join(f"\n  - {p}" for p in self.problems)
        super().__init__(message + detail)


class ParseError(NewsModelError, ValueError):
    """A document could not be turned into an article (for example, no article content found).

    .. versionadded:: 0.1.0
    """


class UnsafeXMLError(DeserializationError):
    """XML input used a feature newsmodel refuses for safety (DTDs, entities, external resources).

    .. versionadded:: 0.1.0
    """


class NewsModelWarning(UserWarning):
    """Something in the input has no place in the model and was left out (the message says what).

    Readers warn rather than drop silently; turn the warning into an error with
    ``warnings.simplefilter("error", NewsModelWarning)`` where nothing may be lost.

    .. versionadded:: 0.1.0
    """
