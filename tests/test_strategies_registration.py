"""hypothesis finds newsmodel's strategies whichever of the two is imported first."""

from __future__ import annotations

import subprocess
import sys

import pytest

DRAW_AN_ARTICLE = """
import hypothesis.strategies as st
from newsmodel import Article
assert type(st.from_type(Article).example()) is Article
"""


@pytest.mark.parametrize(
    "first_import",
    [
        "import hypothesis",  # the entry point registers the strategies
        "from newsmodel.strategies import articles",  # the module imports hypothesis itself
        "import newsmodel",
    ],
)
def test_from_type_draws_articles_in_a_fresh_interpreter(first_import: str) -> None:
    # A fresh interpreter: in this one, conftest has imported hypothesis long ago.
    result = subprocess.run(
        [sys.executable, "-c", first_import + "\n" + DRAW_AN_ARTICLE],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
