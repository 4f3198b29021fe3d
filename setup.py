"""Builds the optional C speed-up; all other metadata lives in pyproject.toml."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        # optional: without a compiler newsmodel still installs, and runs in pure Python.
        Extension("newsmodel._speedups", ["src/newsmodel/_speedups.c"], optional=True),
    ]
)
