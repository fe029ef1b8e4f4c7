"""Saved pages in MIME form: MHTML ("Webpage, Single File": ``.mhtml``, ``.mht``) and e-mail (``.eml``).

The file is parsed with the standard library's ``email`` package; the page is the HTML part at the
``Snapshot-Content-Location`` (Chrome, Edge) or the first ``text/html`` part — for an e-mail the
HTML alternative, else its ``text/plain`` — decoded with the part's declared charset (EUC-KR read as
browsers do, as CP949) and read by the HTML (or text) reader. **Line numbers are lines of that
decoded part**, so a quoted-printable soft break or a base64 wrap never moves one.

* Images the page shows are the file's own image parts, found by ``Content-Location`` or
  ``cid:``; they become ``data:`` images (as a page saved with inline images has them), each at
  most :data:`MAX_EMBEDDED_BYTES`; others are recorded as removed, their figures keep the caption.
* An e-mail's ``Subject``, sender's name and ``Date`` are the title, site name and date hints the
  HTML lacks. An MHTML's ``Date`` is the moment the page was saved: it is the source's retrieval
  time (with the snapshot's address as its URL), never the article's date.
* Hostile files are refused with one error naming the file, before any parsing: more than
  :data:`MAX_PARTS` parts or :data:`MAX_CONTAINERS` multipart containers (nesting is bounded by
  that), a file with no HTML or text part. The input's size limit applies to the whole file.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator
from datetime import UTC
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parseaddr
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urldefrag

import msgspec

from bookmaker.errors import InputError
from bookmaker.limits import Limits
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.encoding import browser_codec
from bookmaker.resources import utc_stamp

if TYPE_CHECKING:  # bs4 is imported by the HTML reader only, never to detect a format
    from bookmaker.readers.html_flow import FetchedImage, ImageFetch

MAX_PARTS = 5_000
"""MIME parts in one saved page (a news page saves a few hundred images at most)."""
MAX_CONTAINERS = 64
"""``multipart/*`` containers in one file: an MHTML has one, an e-mail a handful."""
MAX_EMBEDDED_BYTES = 5 * 1024 * 1024
"""The largest image part kept as a ``data:`` image."""
MAX_EMBEDDED_TOTAL = 40 * 1024 * 1024
SUFFIXES = frozenset({".mhtml", ".mht", ".eml"})
_HEADER = re.compile(rb"[!-9;-~]+:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n")
_CONTENT_TYPE = re.compile(rb"^content-type:", re.IGNORECASE | re.MULTILINE)
_MULTIPART = re.compile(rb"^content-type:[ \t]*multipart/", re.IGNORECASE | re.MULTILINE)
_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})

HtmlReader = Callable[[bytes, Path, "str | None", "ImageFetch"], RawDocument]
TextReader = Callable[[bytes, Path, "str | None"], RawDocument]


def headers(data: bytes) -> dict[str, str] | None:
    """The header block opening ``data`` (lower-cased names → first raw value), or None when
    ``data`` does not open with ``Name: value`` lines ended by a blank line within 32 KB."""
    head = data[:32768].lstrip(b"\r\n")
    found: dict[str, str] = {}
    at = 0
    while (match := _HEADER.match(head, at)) is not None:
        name, _, value = match.group().partition(b":")
        found.setdefault(name.decode("ascii").lower(), value.decode("latin-1").strip())
        at = match.end()
    blank = head[at : at + 2] in (b"\r\n", b"\n\n") or head[at : at + 1] == b"\n"
    return found if found and blank else None


def is_mime(data: bytes, suffix: str = "") -> bool:
    """True for a MIME file: a header block with ``Content-Type`` and ``MIME-Version`` (any name),
    or with ``Content-Type`` or ``From`` under a ``.mhtml``/``.mht``/``.eml`` name."""
    found = headers(data)
    if found is None:
        return False
    if "content-type" in found and "mime-version" in found:
        return True
    return suffix in SUFFIXES and bool({"content-type", "from"} & found.keys())


def _check_size(data: bytes, name: str) -> None:
    parts = len(_CONTENT_TYPE.findall(data))
    if parts > MAX_PARTS:
        raise InputError(f"{name}: the saved page has {parts:,} MIME parts, over the {MAX_PARTS:,} limit")
    containers = len(_MULTIPART.findall(data))
    if containers > MAX_CONTAINERS:
        raise InputError(
            f"{name}: the saved page has {containers:,} multipart containers (nested or not),"
            f" over the {MAX_CONTAINERS} limit"
        )


def _parts(message: Message) -> Iterator[Message]:
    """Every part of ``message`` in order, without recursion."""
    stack = [message]
    while stack:
        part = stack.pop()
        yield part
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            stack.extend(reversed([p for p in payload if isinstance(p, Message)]))


def _header(part: Message, name: str) -> object:
    """A header's value, or None when it is missing or too broken for the package to parse."""
    try:
        return part.get(name)
    except Exception:  # the header registry raises on some malformed values
        return None


def _text(part: Message, name: str) -> str:
    """A header's text, white space collapsed ("" when missing or broken)."""
    value = _header(part, name)
    return " ".join(str(value).split()) if value is not None else ""


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:  # a broken Content-Type parameter
        return None


def _location(part: Message) -> str:
    return urldefrag(_text(part, "content-location"))[0]


def _attached(part: Message) -> bool:
    return _text(part, "content-disposition").lower().startswith("attachment")


def _page_part(message: Message, parts: list[Message]) -> Message | None:
    """The part holding the page: the HTML at the snapshot's address, the first HTML part, or
    (an e-mail without HTML) the first plain text part."""
    snapshot = urldefrag(_text(message, "snapshot-content-location"))[0]
    texts = [p for p in parts if p.get_content_maintype() == "text" and not _attached(p)]
    html = [p for p in texts if p.get_content_subtype() == "html"]
    if snapshot:
        at = next((p for p in html if _location(p) == snapshot), None)
        if at is not None:
            return at
    return html[0] if html else next((p for p in texts if p.get_content_subtype() == "plain"), None)


def _decoded(part: Message, name: str, warnings: list[str]) -> tuple[bytes, str | None]:
    """The part's body and its encoding: as UTF-8 when its declared charset decodes it, else as
    it is (None: the reader's detection decides) with a warning naming the label."""
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    label = _charset(part)
    codec = browser_codec(label)
    if codec is not None:
        try:
            return data.decode(codec).encode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            warnings.append(f"{name}: the page part is not valid {label}; its encoding was detected instead")
    elif label:
        warnings.append(
            f"{name}: unknown charset {label!r} of the page part; its encoding was detected instead"
        )
    return data, None


class PartImages:
    """Resolves the page's image addresses to the file's image parts, as ``data:`` images."""

    def __init__(self, parts: list[Message]) -> None:
        self._parts: dict[str, Message] = {}
        for part in parts:
            if part.get_content_maintype() != "image":
                continue
            if location := _location(part):
                self._parts.setdefault(location, part)
            if cid := _text(part, "content-id").strip("<>"):
                self._parts.setdefault(f"cid:{cid}", part)
        self._total = 0

    def __call__(self, url: str) -> FetchedImage:
        from bookmaker.readers.html_flow import FetchedImage

        part = self._parts.get(urldefrag(url)[0])
        if part is None:
            return FetchedImage(None, "not saved in the file")
        media = part.get_content_type()
        if media not in _IMAGE_TYPES:
            return FetchedImage(None, f"not a JPEG, PNG, GIF or WebP image ({media})")
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if len(data) > MAX_EMBEDDED_BYTES:
            return FetchedImage(None, f"the saved image is over {MAX_EMBEDDED_BYTES // 1048576} MB")
        if self._total + len(data) > MAX_EMBEDDED_TOTAL:
            return FetchedImage(None, f"the saved images are over {MAX_EMBEDDED_TOTAL // 1048576} MB in all")
        self._total += len(data)
        return FetchedImage(f"data:{media};base64,{base64.b64encode(data).decode('ascii')}")


def _body(part: Message, encoding: str | None, name: str, warnings: list[str]) -> tuple[bytes, str | None]:
    """The part's body and the encoding to read it with (``encoding`` overrides its charset)."""
    try:
        if not encoding:
            return _decoded(part, name, warnings)
        payload = part.get_payload(decode=True)
    except Exception as exc:  # a transfer encoding the package cannot undo
        raise InputError(f"{name}: the page part cannot be decoded ({type(exc).__name__})") from None
    return (payload if isinstance(payload, bytes) else b""), encoding


_REPLY_PREFIX = re.compile(r"^(?:(?:RE|FW|FWD|답장|회신|전달)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
"""A reply's or forward's prefixes on a Subject (``RE: RE:``, ``Fwd:``, ``회신:``), never the title's."""
_PERSON = re.compile(r"^[가-힣]{2,4}$")
"""A sender's name that is a person's (``박지현``), not a body's (``경향신문 뉴스레터``)."""


def _email_hints(message: Message, plain: bool) -> dict[str, object]:
    """An e-mail's title, site name and date (ISO 8601); a plain text message from a person (a
    letter, not a newsletter) names its author instead of a site."""
    found: dict[str, object] = {}
    subject = _REPLY_PREFIX.sub("", _text(message, "subject")).strip()
    if subject:
        found["title"] = subject
    sender, address = parseaddr(_text(message, "from"))
    if plain and _PERSON.match(sender.strip()):
        found["authors"] = [{"name": sender.strip(), "email": address or None}]
    elif sender.strip() and sender.strip() != address:
        found["site_name"] = sender.strip()
    when = getattr(_header(message, "date"), "datetime", None)
    if when is not None and when.tzinfo is not None:
        found["date"] = when.isoformat()
    return found


def _subject_shown(raw: RawDocument, subject: str) -> None:
    """A newsletter's headline in no heading element (a table cell the HTML reader took for page
    chrome) that repeats the Subject: its title line, not a removal."""
    key = "".join(subject.split())
    shown = next(
        (r for r in raw.removed if r.rule == "html.outside-article" and "".join(r.text.split()) == key), None
    )
    if not key or shown is None:
        return
    raw.removed.remove(shown)
    raw.lines = sorted([*raw.lines, SourceLine(shown.text, shown.line, "title")], key=lambda sl: sl.line)


def read_mime(
    data: bytes, path: Path, encoding: str | None, limits: Limits, html: HtmlReader, text: TextReader
) -> RawDocument:
    """Read a saved page in MIME form (see the module); ``encoding`` overrides the part's charset."""
    _check_size(data, path.name)
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:  # the parser is lenient; anything it raises is a broken file
        raise InputError(f"{path.name}: not a readable MIME file ({type(exc).__name__})") from None
    parts = list(_parts(message))
    page = _page_part(message, parts)
    if page is None:
        raise InputError(f"{path.name}: the saved page has no HTML or text part")
    warnings: list[str] = []
    body, target = _body(page, encoding, path.name, warnings)
    if page.get_content_subtype() != "html":  # an e-mail in plain text only
        raw = text(body, path, target)
    else:
        try:
            raw = html(body, path, target, PartImages(parts))
        except InputError as exc:
            plain = next(
                (p for p in parts if p.get_content_type() == "text/plain" and not _attached(p)), None
            )
            if plain is None or "no article text" not in str(exc):
                raise
            warnings.append(f"{path.name}: the HTML part shows no text; its plain text alternative was read")
            page = plain
            plain_body, plain_target = _body(plain, encoding, path.name, warnings)
            raw = text(plain_body, path, plain_target)
    source = msgspec.structs.replace(  # the format stays the part's (html, text): normalization's cue
        raw.source,
        encoding=_charset(page) or raw.source.encoding,
        sha256=sha256(data).hexdigest(),
    )
    saved = _text(message, "from").lower().startswith("<saved by") or bool(
        _text(message, "snapshot-content-location")
    )
    if isinstance(message, EmailMessage) and not saved and path.suffix.lower() not in (".mhtml", ".mht"):
        if "title" not in raw.hints:
            _subject_shown(raw, _text(message, "subject"))
        for key, value in _email_hints(message, page.get_content_subtype() != "html").items():
            raw.hints.setdefault(key, value)
    else:
        snapshot = _text(message, "snapshot-content-location") or _location(page)
        when = getattr(_header(message, "date"), "datetime", None)
        source = msgspec.structs.replace(
            source,
            url=source.url or (snapshot if snapshot.startswith(("http://", "https://")) else None),
            retrieved=utc_stamp(when.astimezone(UTC))
            if when is not None and when.tzinfo is not None
            else None,
        )
        if "title" not in raw.hints and (subject := _text(message, "subject")):
            raw.hints["title"] = subject
    raw.source = source
    raw.warnings[:0] = warnings
    return raw
