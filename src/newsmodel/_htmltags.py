"""What HTML and XHTML elements mean to the model, shared by every reader of (X)HTML markup."""

from __future__ import annotations

from collections.abc import Mapping

from .model import EmphasisStyle

__all__ = ["EMPHASIS_BY_TAG", "HEADING_LEVELS"]

#: Inline elements that become an :class:`~newsmodel.model.Emphasis` of the given style.
EMPHASIS_BY_TAG: Mapping[str, EmphasisStyle] = {
    "em": "emphasis",
    "i": "emphasis",
    "cite": "emphasis",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
    "u": "underline",
    "ins": "underline",
    "s": "strike",
    "strike": "strike",
    "del": "strike",
}

#: Heading elements and their levels.
HEADING_LEVELS: Mapping[str, int] = {f"h{n}": n for n in range(1, 7)}
