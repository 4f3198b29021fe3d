"""hypothesis' entry point: newsmodel's strategies are registered whenever hypothesis is imported."""

from __future__ import annotations

import sys


def setup() -> None:
    """Import :mod:`newsmodel.strategies`, which registers its strategies as it is imported."""
    # When ``newsmodel.strategies`` is imported before hypothesis, its own ``import hypothesis`` runs
    # this hook while it is still half-imported; it registers itself at its end, so leave it be.
    if "newsmodel.strategies" not in sys.modules:
        import newsmodel.strategies  # noqa: F401
