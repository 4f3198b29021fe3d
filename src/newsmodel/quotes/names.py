"""The names a document uses for people and organisations, to give each speaker at its fullest.

The rule: a name stands for the longest name in the document (or in ``known_people``) that ends
with it — "Trump" for "Donald Trump" — or, for a lone given name, that starts with it —
"Sophia" for "Sophia Rivers". When several longest names fit ("Trump" after both "Donald Trump"
and "Melania Trump"), the one mentioned last before the paragraph wins; none before: the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .lexicon import ARTICLES, GIVEN_NAMES
from .mentions import Mention

__all__ = ["NameRegistry"]

# Distinct names kept per first or last word; more is a pathological input, not an article.
_MAX_NAMES_PER_WORD = 64


class NameRegistry:
    """Full names seen in a document, with where each first appears and its gender if known."""

    def __init__(self, known_people: Sequence[str] = ()) -> None:
        # name words -> paragraphs where seen (-1: known from elsewhere)
        self._names: dict[tuple[str, ...], list[int]] = {}
        # folded last word / first word -> names ending / starting with it
        self._by_last: dict[str, list[tuple[str, ...]]] = {}
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._genders: dict[str, str] = {}
        for name in known_people:
            self._add(tuple(name.split()), -1)

    def _add(self, words: tuple[str, ...], paragraph: int) -> None:
        if not words:
            return
        seen = self._names.get(words)
        if seen is None:
            self._names[words] = [paragraph]
            for index, key in ((self._by_last, words[-1]), (self._by_first, words[0])):
                names = index.setdefault(key.casefold(), [])
                if len(names) < _MAX_NAMES_PER_WORD:
                    names.append(words)
        elif len(seen) < _MAX_NAMES_PER_WORD:
            seen.append(paragraph)

    def add_all(self, paragraph: int, mentions: Iterable[Mention]) -> None:
        """Record the names among ``mentions``, found in paragraph number ``paragraph``."""
        names = self._names
        for mention in mentions:
            if mention.kind == "name":
                words = tuple(mention.text.split())
                seen = names.get(words)
                if seen is None:
                    self._add(words, paragraph)
                elif len(seen) < _MAX_NAMES_PER_WORD:
                    seen.append(paragraph)  # a name seen before: what _add does, without the call
                if mention.gender in ("m", "f"):
                    self._genders.setdefault(words[-1].casefold(), mention.gender)

    def fullest(self, name: str, paragraph: int) -> str:
        """The fullest form of ``name`` in the document, as seen from paragraph ``paragraph``."""
        words = tuple(name.casefold().split())
        size = len(words)
        if not size:
            return name
        candidates = self._by_last.get(words[-1], [])
        if size == 1:
            candidates = candidates + self._by_first.get(words[0], [])
        best: list[tuple[str, ...]] = []
        for candidate in candidates:
            if len(candidate) <= size or candidate[0].casefold() in ARTICLES:
                continue  # "The Guardian" is not a fuller "Guardian" of someone else
            folded = tuple(w.casefold() for w in candidate)
            if folded[-size:] == words or (size == 1 and folded[0] == words[0]):
                if not best or len(candidate) > len(best[0]):
                    best = [candidate]
                elif len(candidate) == len(best[0]) and candidate not in best:
                    best.append(candidate)
        if not best:
            return self._without_descriptor(name)
        if len(best) > 1:

            def last_before(candidate: tuple[str, ...]) -> int:
                return max((p for p in self._names[candidate] if p <= paragraph), default=-2)

            best.sort(key=last_before, reverse=True)
        return self._without_descriptor(" ".join(best[0]))

    def _without_descriptor(self, name: str) -> str:
        """ "Fahrgast Ingrid Sommer" is "Ingrid Sommer" when the document also names her without
        the first word: that word described her. A given name first ("Mary Ann Smith") stays."""
        words = tuple(name.split())
        if len(words) < 3 or words[0].casefold() in GIVEN_NAMES or words[0].casefold() in ARTICLES:
            return name
        return " ".join(words[1:]) if words[1:] in self._names else name

    def gender(self, name: str | None) -> str | None:
        """The gender a title or given name showed for someone of this surname in the document."""
        if not name:
            return None
        return self._genders.get(name.split()[-1].casefold())
