"""The names a document uses for people and organisations, to give each speaker at its fullest.

The rule: a name stands for the longest name in the document (or in ``known_people``) that ends
with it — "Trump" for "Donald Trump" — or, for a lone given name, that starts with it —
"Sophia" for "Sophia Rivers". When several longest names fit ("Trump" after both "Donald Trump"
and "Melania Trump"), the one mentioned last before the paragraph wins; none before: the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .mentions import Mention

__all__ = ["NameRegistry"]


class NameRegistry:
    """Full names seen in a document, with where each first appears and its gender if known."""

    def __init__(self, known_people: Sequence[str] = ()) -> None:
        # name words -> (paragraph of last sighting so far, gender)
        self._names: dict[tuple[str, ...], list[int]] = {}
        self._genders: dict[str, str] = {}
        for name in known_people:
            words = tuple(name.split())
            if words:
                self._names.setdefault(words, []).append(-1)

    def add_all(self, paragraph: int, mentions: Iterable[Mention]) -> None:
        """Record the names among ``mentions``, found in paragraph number ``paragraph``."""
        for mention in mentions:
            if mention.kind == "name":
                words = tuple(mention.text.split())
                self._names.setdefault(words, []).append(paragraph)
                if mention.gender in ("m", "f") and mention.text not in self._genders:
                    self._genders[mention.text] = mention.gender

    def fullest(self, name: str, paragraph: int) -> str:
        """The fullest form of ``name`` in the document, as seen from paragraph ``paragraph``."""
        words = tuple(name.split())
        size = len(words)
        best: list[tuple[str, ...]] = []
        for candidate in self._names:
            if len(candidate) <= size:
                continue
            if candidate[-size:] == words or (size == 1 and candidate[0] == words[0]):
                if not best or len(candidate) > len(best[0]):
                    best = [candidate]
                elif len(candidate) == len(best[0]):
                    best.append(candidate)
        if not best:
            return name
        if len(best) > 1:

            def last_before(candidate: tuple[str, ...]) -> int:
                return max((p for p in self._names[candidate] if p <= paragraph), default=-2)

            best.sort(key=last_before, reverse=True)
        return " ".join(best[0])

    def gender(self, name: str | None) -> str | None:
        """The gender a title or given name showed for ``name`` anywhere in the document."""
        if name is None:
            return None
        if name in self._genders:
            return self._genders[name]
        for known, gender in self._genders.items():
            if known.endswith(name) or name.endswith(known):
                return gender
        return None
