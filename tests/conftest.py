"""Shared test configuration: hypothesis profiles and the path to the shared conformance data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# "ci" is the default; NEWSMODEL_HYPOTHESIS_PROFILE=deep runs 10,000 examples per property.
# A loaded CI machine must not turn slow or heavily filtered generation into a failure.
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
settings.register_profile("deep", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("NEWSMODEL_HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT.parent / "shared" / "conformance"
SEED_ARTICLE = ROOT.parent / "shared" / "seed-article.txt"


def require_shared(path: Path) -> Path:
    """Return ``path`` if the shared material is there; skip locally, fail under CI, if not."""
    if path.exists():
        return path
    message = f"needs the shared material at {path} (the ../shared/ folder beside the project)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + "; CI always has it")
    pytest.skip(message)


@pytest.fixture(scope="session")
def conformance() -> Path:
    """The ../shared/conformance folder."""
    return require_shared(CONFORMANCE)


@pytest.fixture(scope="session")
def seed_article_text() -> str:
    """The reference plain-text article, ../shared/seed-article.txt."""
    return require_shared(SEED_ARTICLE).read_text(encoding="utf-8")
