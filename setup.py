"""Builds the optional C speed-ups; all other metadata lives in pyproject.toml."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        # optional: without a compiler newsmodel still installs, and runs in pure Python.
        Extension("newsmodel._speedups", ["src/newsmodel/_speedups.c"], optional=True),
        # Reads lxml's element proxies and libxml2's nodes through its own mirror structs, so it
        # builds without lxml's or libxml2's headers; newsmodel checks the layout at import.
        Extension("newsmodel._pagescore", ["src/newsmodel/_pagescore.c"], optional=True),
    ]
)
