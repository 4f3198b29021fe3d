"""The footer of a plain-text article: end marks, credit and contact lines, author bios.

:func:`split_footer` separates the trailing matter from the body and reads any bio in it;
:func:`merge_authors` folds the bios into the byline's author profiles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..model import AuthorProfile, Publisher
from .bylines import bio_subject, parse_bio, parse_byline
from .header import COPYRIGHT_LINE
from .inline import plain_text
from .paragraphs import RawBlock

__all__ = ["Footer", "merge_authors", "split_footer"]

_ABOUT_AUTHOR = re.compile(
    r"(?:about\s+the\s+authors?|über\s+(?:den|die)\s+autor(?:in)?|the\s+author)\s*:?", re.I
)
_REPORTED_FROM = re.compile(
    r"(?:[A-Za-z][\w.'’-]*\s+){1,4}(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,3})?"
    r"(?:reported\s+from\s+[A-Z][^.\n]{0,80}|contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))"
    r"[^.\n]{0,120}|berichteten?\s+aus\s+[A-ZÄÖÜ][^.\n]{0,80})\.?"
)
_FOOTER_CREDIT = re.compile(
    r"(?:additional\s+reporting|reporting|editing|writing|compiled|research)\s+by\b.{0,300}", re.I
)
_CONTACT = re.compile(
    r"(?:(?:contact(?:\s+the\s+(?:reporter|author|writer))?|kontakt|e-?mail|phone|tel(?:ephone)?|fax|twitter|x|"
    r"bluesky|mastodon)\s*:|(?:follow|reach|e-?mail|contact|write\s+to)\s+(?:him|her|them|us|the\s+author|"
    r"the\s+reporter)\b).{0,300}",
    re.I,
)
_FOOTER_BYLINE = re.compile(r"(?:(?:written|story|words)\s+by|by|von)\s+[A-Z]", re.I)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_MAX_LINE = 600  # no footer line is longer; longer blocks are not even stripped of markup to check
_MAX_FOOTER_BLOCKS = 10
_MAX_FOOTER_CHARS = 4000


@attrs.define
class Footer:
    """What the trailing matter said: bios read as profiles, and e-mail addresses of contact lines."""

    bios: list[AuthorProfile] = attrs.Factory(list)
    emails: list[str] = attrs.Factory(list)
    publisher: Publisher | None = None
    bylines: list[AuthorProfile] = attrs.Factory(list)
    #: Trailing lines the model has no field for (reporting and editing credits, unread bios).
    unplaced: list[str] = attrs.Factory(list)


def _is_footer_line(text: str) -> bool:
    return len(text) < 300 and bool(
        _REPORTED_FROM.fullmatch(text)
        or _FOOTER_CREDIT.fullmatch(text)
        or _CONTACT.fullmatch(text)
        or COPYRIGHT_LINE.fullmatch(text)
    )


def _footer_byline(text: str) -> tuple[AuthorProfile, ...]:
    """The authors of a closing "By Ana Lima" / "Written by Ana Lima" line (empty for other lines)."""
    if len(text) > 120 or _FOOTER_BYLINE.match(text) is None:
        return ()
    return parse_byline(text)


def split_footer(blocks: list[RawBlock], authors: Sequence[AuthorProfile]) -> tuple[list[RawBlock], Footer]:
    """Separate the trailing matter (end marks, credits, contact lines, bios) from the body."""
    footer = Footer()
    end = next(
        (i for i, block in enumerate(blocks) if block.kind == "end" and _is_short_tail(blocks[i + 1 :])), None
    )
    tail = blocks[end + 1 :] if end is not None else []
    body = [block for block in blocks[:end] if block.kind != "end"]
    # Peel footer lines off the end of the body, then look for a bio just before them.
    while body and body[-1].kind == "text":
        if len(body[-1].text) > _MAX_LINE:
            break
        last = plain_text(body[-1].text)
        bylined = _footer_byline(last)
        if not bylined and not _is_footer_line(last):
            break
        footer.bylines[:0] = bylined
        tail.insert(0, body.pop())
    about = next(
        (
            i
            for i in range(len(body) - 1, max(-1, len(body) - 8), -1)
            if len(body[i].text) < _MAX_LINE and _ABOUT_AUTHOR.fullmatch(plain_text(body[i].text))
        ),
        None,
    )
    if about is not None:
        tail = body[about + 1 :] + tail
        body = body[:about]
    else:
        start = _bio_start(body, authors)
        if start is not None:
            tail = body[start:] + tail
            body = body[:start]
    bio_texts: list[str] = []
    for block in tail:
        text = plain_text(block.text)
        if "@" in text:
            footer.emails.extend(_EMAIL.findall(text))
        owner = COPYRIGHT_LINE.fullmatch(text)
        if owner is not None:
            footer.publisher = Publisher(name=owner.group("name").strip())
        if block.kind != "text" or _footer_byline(text):
            continue
        if not _is_footer_line(text):
            bio_texts.append(text)
        elif _REPORTED_FROM.fullmatch(text) or _FOOTER_CREDIT.fullmatch(text):
            footer.unplaced.append(text)
    if bio_texts:
        profile = parse_bio(bio_texts)
        if profile is not None:
            footer.bios.append(profile)
        else:
            footer.unplaced.extend(bio_texts)
    return body, footer


def _is_short_tail(blocks: Sequence[RawBlock]) -> bool:
    """Whether what follows an end mark is small enough to be trailing matter rather than more story.

    An end mark followed by pages of text is not the end (concatenated stories, a stray "###"):
    treating it as one would silently drop the rest.
    """
    return len(blocks) <= _MAX_FOOTER_BLOCKS and sum(len(b.text) for b in blocks) <= _MAX_FOOTER_CHARS


def _bio_start(body: list[RawBlock], authors: Sequence[AuthorProfile]) -> int | None:
    """Where a trailing bare bio ("Name is a reporter at …") starts, if the body ends with one."""
    names = {a.name for a in authors}
    for i in range(len(body) - 1, max(-1, len(body) - 6), -1):
        block = body[i]
        if block.kind != "text":
            return None
        text = plain_text(block.text[:_MAX_LINE])  # only the opening sentence matters
        subject = bio_subject(text)
        if subject is None:
            continue
        first_sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        journalistic = re.search(
            r"\b(?:editor|reporter|writer|journalist|correspondent|columnist|author|contributor|producer|"
            r"critic|redakteur\w*|korrespondent\w*|journalist\w*|autor\w*)\b",
            first_sentence,
            re.I,
        )
        if subject in names or journalistic is not None:
            return i
    return None


def merge_authors(authors: Sequence[AuthorProfile], footer: Footer) -> tuple[AuthorProfile, ...]:
    merged = list(authors)
    merged.extend(a for a in footer.bylines if a.name not in {m.name for m in merged})
    for bio in footer.bios:
        match = next((i for i, a in enumerate(merged) if a.name == bio.name), None)
        if match is None:
            merged.append(bio)
            continue
        known = merged[match]
        merged[match] = attrs.evolve(
            bio,
            role=known.role or bio.role,
            organization=known.organization or bio.organization,
        )
    if footer.emails and len(merged) == 1 and merged[0].email is None:
        merged[0] = attrs.evolve(merged[0], email=footer.emails[0])
    return tuple(merged)
