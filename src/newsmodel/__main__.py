"""The ``newsmodel`` command: convert an article between the formats newsmodel reads and writes.

newsmodel convert article.txt                  # plain text -> JSON on stdout
newsmodel convert page.html --to newsml -o item.xml
newsmodel convert item.xml --from newsml       # NewsML-G2 -> JSON
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import NewsModelError
from .model import Article

__all__ = ["main"]

_SUFFIXES = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".xml": "newsml",
}


def _reader(name: str) -> Callable[[bytes], Article]:
    # Imported on demand so that converting JSON does not load the HTML or XML machinery.
    if name == "text":
        from .parse.text import parse_text

        return lambda data: parse_text(data.decode("utf-8", errors="replace"))
    if name == "html":
        from .parse.html import parse_html

        return lambda data: parse_html(data)
    if name == "json":
        from .formats.json import from_json

        return from_json
    if name == "newsml":
        from .formats.newsml import from_newsml

        return from_newsml
    if name == "nitf":
        from .formats.nitf import from_nitf

        return from_nitf
    raise ValueError(name)


def _writer(name: str) -> Callable[[Article], bytes]:
    if name == "json":
        from .formats.json import to_json

        return lambda article: (to_json(article, indent=2) + "\n").encode("utf-8")
    if name == "newsml":
        from .formats.newsml import to_newsml

        return to_newsml
    raise ValueError(name)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmodel", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert one article")
    convert.add_argument("input", help="input file, or - for standard input")
    convert.add_argument(
        "--from",
        dest="source",
        choices=["text", "html", "json", "newsml", "nitf"],
        help="input format (default: from the file's suffix)",
    )
    convert.add_argument("--to", dest="target", choices=["json", "newsml"], default="json")
    convert.add_argument("-o", "--output", help="output file (default: standard output)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 success, 1 bad input, 2 usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    source = args.source or _SUFFIXES.get(Path(args.input).suffix.lower())
    if source is None:
        parser.error(f"cannot tell the format of {args.input!r}: give --from")
    data = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    try:
        article = _reader(source)(data)
        output = _writer(args.target)(article)
    except NewsModelError as exc:
        print(f"newsmodel: {args.input}: {exc}", file=sys.stderr)
        return 1
    if args.output:
        Path(args.output).write_bytes(output)
    else:
        sys.stdout.buffer.write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
