from collections.abc import Callable, Iterable
from typing import Any

def configure(
    *,
    element_type: type,
    label_kind: Callable[[str], int],
    label_kinds: dict[str, int],
    hidden_style: Callable[[str], bool],
    furniture: Iterable[str],
    never_boilerplate: Iterable[str],
    block: Iterable[str],
    cell: Iterable[str],
    heading: Iterable[str],
    container: Iterable[str],
    link_penalty: float,
    prose_link_penalty: float,
    block_cost: float,
    loose_text_min: int,
    boilerplate_penalty: float,
    wrapper_share: float,
    plain: int,
    boilerplate: int,
    body: int,
    strong_words: Iterable[str],
    weak_words: Iterable[str],
    content_words: Iterable[str],
    body_names: Iterable[str],
    layout_modifiers: Iterable[str],
    hidden_classes: Iterable[str],
    trigger_words: Iterable[str],
) -> None: ...
def score(
    elements: list[Any], /
) -> tuple[list[int], list[int], list[int], list[float], list[bool], list[bool], list[bool]] | None: ...
def best(
    value: list[float], body_hint: list[bool], in_boilerplate: list[bool], bonus: float, /
) -> tuple[int, float, int, float] | None: ...
def label_kind(label: str, /) -> int | None: ...
def inspect(
    element: object, /
) -> tuple[str, list[tuple[str, str | None]], str | None, str | None, tuple[int, int] | None] | None: ...
