"""Bylines and author bios as plain text, into :class:`~newsmodel.model.AuthorProfile` objects.

``parse_byline`` reads one byline ("By A and B", "By A, Org", "By A | Role", "Von A und B");
``parse_bio`` reads an author bio ("Name is a … at …") into a profile with role, organisation,
education and contact details. Both use word lists and short patterns, no language model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import AuthorProfile
from ._names import TEXT_JOB_WORDS, TEXT_ORG_WORDS, TEXT_PARTICLES, TEXT_PREFIX

__all__ = ["BYLINE_PREFIX", "is_job_title", "looks_like_person_name", "parse_bio", "parse_byline"]


#: The opener of a byline line ("By", "Written by", "Von", "Autorin:"); optional in :func:`parse_byline`.
BYLINE_PREFIX = TEXT_PREFIX
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*und\s+|\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s*&\s*)\s*")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|und|et|y|&)\s+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_URL = re.compile(r"https?://[^\s<>()\"']{1,2000}")
_HANDLE = re.compile(r"(?:twitter|x|bluesky|mastodon)[^@\n]{0,30}?(@[A-Za-z0-9_]{1,30})\b", re.IGNORECASE)


def looks_like_person_name(text: str) -> bool:
    """True if ``text`` reads as a personal name: 2-5 capitalised words, none a job or organisation word."""
    words = text.split()
    if not 1 <= len(words) <= 5 or len(text) > 60:
        return False
    capitalised = 0
    for word in words:
        bare = word.strip(".,")
        if bare.lower() in TEXT_PARTICLES:
            continue
        if (
            not bare
            or not bare[0].isupper()
            or bare.lower() in TEXT_ORG_WORDS
            or bare.lower() in TEXT_JOB_WORDS
        ):
            return False
        if not all(c.isalpha() or c in "-'’." for c in bare):
            return False
        capitalised += 1
    return capitalised >= 2


def is_job_title(text: str) -> bool:
    """True if ``text`` names a job ("Staff Writer", "Senior Correspondent", "Redakteurin")."""
    words = (word.strip(".,").lower() for word in text.split())
    return any(word in TEXT_JOB_WORDS or word.removesuffix("s") in TEXT_JOB_WORDS for word in words)


def parse_byline(text: str) -> tuple[AuthorProfile, ...]:
    """Read a byline into author profiles; the "By"/"Von" prefix is optional.

    Names are split on commas, "and", "und", "et" and "&"; a comma or "|" part that is not a
    name becomes the ``role`` (if it names a job) or the ``organization`` of every author.
    Returns ``()`` when no personal name is found.

    >>> [a.name for a in parse_byline("By Ana Lima and Tom Reed, Associated Press")]
    ['Ana Lima', 'Tom Reed']
    """
    line = " ".join(text.split())
    prefix = BYLINE_PREFIX.match(line)
    if prefix is not None:
        line = line[prefix.end() :]
    names: list[str] = []
    role: str | None = None
    organization: str | None = None
    for chunk_index, chunk in enumerate(re.split(r"\s*[|/•·]\s*|\s+[-–—]\s+", line)):
        parts = [_LEADING_CONJUNCTION.sub("", p.strip(" .;")) for p in chunk.split(",")]
        # "A, B and C" lists names; in "A, Border Weekly" the part after the comma is an outlet.
        listing = any(_NAME_SEPARATOR.search(p) for p in parts[1:]) or bool(_LEADING_CONJUNCTION.match(chunk))
        listing = listing or any(_LEADING_CONJUNCTION.match(p.strip()) for p in chunk.split(",")[1:])
        reading_names = chunk_index == 0
        for index, part in enumerate(parts):
            if not part:
                continue
            candidates = [c for c in _NAME_SEPARATOR.split(part) if c]
            reading_names = reading_names and (index == 0 or listing)
            if reading_names and all(looks_like_person_name(c) for c in candidates):
                names.extend(c.title() if c.isupper() else c for c in candidates)
                continue
            reading_names = False
            if is_job_title(part) and role is None:
                role = part
            elif organization is None and not any(c.isdigit() for c in part):
                organization = part
    return tuple(AuthorProfile(name=name, role=role, organization=organization) for name in names)


# --------------------------------------------------------------------------------------------
# Bios

_BIO_OPENING = re.compile(
    r"(?P<name>[A-Z][\w'’.-]{0,30}(?:\s+[A-Z][\w'’.-]{0,30}){1,3})"
    r"(?:,\s[^,]{1,80},)?\s+(?:(?:is|was|has\s+been|ist|war)\s+(?:an?|the|one\s+of|ein|eine|der|die)\b|"
    r"(?:covers|writes|reports|joined|works|edits|schreibt|arbeitet|berichtet)\b)"
)
_ROLE_AFTER_ARTICLE = re.compile(
    r"\b(?:is|ist)\s+(?:an?|the|ein|eine|der|die)\s+(?P<phrase>[^.;]{1,160})",
)
_ORGANIZATION = re.compile(
    r"\b(?:[Aa]t|for|bei|für)\s+(?P<org>(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w&'’-]*){0,5})"
)
_EDUCATION = (
    re.compile(
        r"\bdegree\s+in\s+(?P<field>[A-Z][\w ]{1,60}?)\s+from\s+(?:the\s+)?(?P<school>[A-Z][\w'’. -]{1,80}?)"
        r"(?=[,.;]|\s+(?:where|and|in)\b)"
    ),
    re.compile(
        r"\b(?:studied|studierte)\s+(?P<field>[A-Z][\w ]{1,60}?)\s+(?:at|an\s+der)\s+(?:the\s+)?"
        r"(?P<school>[A-Z][\w'’. -]{1,80}?)(?=[,.;]|\s+(?:where|and|in)\b)"
    ),
    re.compile(
        r"\b(?:graduate\s+of|graduated\s+from)\s+(?:the\s+)?(?P<school>[A-Z][\w'’. -]{1,80}?)"
        r"(?=[,.;]|\s+(?:where|and|in|with)\b)"
    ),
)
_EXPERTISE = re.compile(
    r"\b(?:covers|specializes\s+in|specialises\s+in|writes\s+about|reports\s+on)\s+(?P<topic>[^.;]{3,120})"
)
_ADJECTIVE_END = ("ed", "al", "ous", "ive", "ful", "ic", "ent", "ant", "ing")


def _role_from(phrase: str) -> str | None:
    """The job in "an experienced News Content Editor with …" or "a reporter at …"."""
    words = phrase.split()
    capitalised: list[str] = []
    for word in words:
        bare = word.strip(",")
        if bare[:1].isupper() or (capitalised and bare in ("of", "for", "and", "&")):
            capitalised.append(bare)
            if word.endswith(","):
                break
        elif capitalised:
            break
    while capitalised and capitalised[-1] in ("of", "for", "and", "&"):
        capitalised.pop()
    if capitalised and is_job_title(" ".join(capitalised)):
        return " ".join(capitalised)
    lowercase: list[str] = []
    for word in words:
        bare = word.strip(",")
        if bare in ("at", "for", "with", "who", "based", "in", "and", "on", "from", "bei", "für"):
            break
        lowercase.append(bare)
        if word.endswith(","):
            break
    while lowercase and lowercase[0].endswith(_ADJECTIVE_END) and bare.lower() not in TEXT_JOB_WORDS:
        if len(lowercase) == 1:
            break
        lowercase.pop(0)
    joined = " ".join(lowercase)
    return joined if joined and is_job_title(joined) else (" ".join(capitalised) or None)


def bio_subject(paragraph: str) -> str | None:
    """The name a bio paragraph opens with ("Ana Lima is a reporter …" -> "Ana Lima"), or None."""
    match = _BIO_OPENING.match(paragraph)
    if match is None or not looks_like_person_name(match.group("name")):
        return None
    return match.group("name")


def parse_bio(paragraphs: Sequence[str], *, name: str | None = None) -> AuthorProfile | None:
    """Read an author bio (one or more paragraphs) into an :class:`AuthorProfile`.

    ``name`` is taken from the first paragraph ("Ana Lima is a …") unless given. The role is
    the job named after "is a/an/the"; the organisation follows "at"/"for"; education comes
    from "a degree in X from Y", "studied X at Y" or "graduate of Y" (as "X, Y"); e-mail
    addresses, links and social handles are collected. ``bio`` is the paragraphs joined by a
    blank line. Returns None when no name can be found.

    >>> profile = parse_bio(["Ana Lima is a senior reporter at the Daily Ledger."])
    >>> profile.name, profile.role, profile.organization
    ('Ana Lima', 'senior reporter', 'Daily Ledger')
    """
    texts = [" ".join(p.split()) for p in paragraphs if p.strip()]
    if not texts:
        return None
    name = name or bio_subject(texts[0])
    if name is None:
        return None
    whole = " ".join(texts)
    role = None
    opening = _ROLE_AFTER_ARTICLE.search(texts[0])
    if opening is not None:
        role = _role_from(opening.group("phrase"))
    organization = None
    for match in _ORGANIZATION.finditer(whole):
        candidate = re.sub(r"^the\s+", "", match.group("org")).rstrip(".")
        if candidate != name and "University" not in candidate:
            organization = candidate
            break
    education: list[str] = []
    for pattern in _EDUCATION:
        for match in pattern.finditer(whole):
            school = match.group("school").strip()
            field = match.groupdict().get("field")
            entry = f"{field.strip()}, {school}" if field else school
            if entry not in education:
                education.append(entry)
    expertise = tuple(m.group("topic").strip() for m in _EXPERTISE.finditer(whole))
    # The scans are skipped when their anchor character is absent: most bios have no contacts.
    emails = _EMAIL.findall(whole) if "@" in whole else []
    urls = [u.rstrip(".,;") for u in _URL.findall(whole)] if "http" in whole else []
    handles = [f"https://x.com/{h[1:]}" for h in _HANDLE.findall(whole)] if "@" in whole else []
    return AuthorProfile(
        name=name,
        role=role,
        organization=organization,
        bio="\n\n".join(texts),
        email=emails[0] if emails else None,
        url=urls[0] if urls else None,
        education=tuple(education),
        expertise=expertise,
        same_as=tuple(dict.fromkeys(urls[1:] + handles)),
    )
