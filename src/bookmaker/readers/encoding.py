"""Byte decoding for readers: BOMs, UTF-8, UTF-16, CP949/EUC-KR, plus CP949 mojibake repair."""

from __future__ import annotations

import codecs
import re
from functools import cache

from bookmaker.errors import InputError, UsageError

_KOREAN_ALIASES = {
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ksc5601": "cp949",
}


WHATWG_SUPERSETS = {"euc_kr": "cp949"}  # as browsers decode the label


def browser_codec(label: str | None) -> str | None:
    """The text codec a declared charset names, read as browsers read it (EUC-KR as CP949); None
    when the label names none, or names a bytes-to-bytes or str-to-str codec (hex, rot13)."""
    if not label:
        return None
    try:
        codec = codecs.lookup(label).name
    except (LookupError, ValueError):  # no codec, or a name with NUL or non-ASCII
        return None
    try:
        b"\0\0\0\0".decode(codec)  # empty bytes would skip the check
    except LookupError:  # a codec that is no text encoding
        return None
    except UnicodeError:  # a text codec these bytes do not suit
        pass
    return WHATWG_SUPERSETS.get(codec, codec)


MAX_NUL_RATIO = 0.05  # more NUL bytes than this (outside UTF-16) means a binary file


def _canonical(name: str) -> str:
    low = name.strip().lower()
    return _KOREAN_ALIASES.get(low, low)


def _looks_utf16(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the NUL pattern of ASCII-heavy text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _utf8(data: bytes) -> bool:
    """``data`` is valid UTF-8: then it is not read as BOM-less UTF-16 for looking like Hangul
    there (a UTF-8 run of combining accents, CC 81 …, read as UTF-16-BE was a run of 첁)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _hangul_utf16(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 of Korean text with little ASCII (no NUL pattern to go by)."""
    if len(data) % 2 or len(data) < 4:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        hangul = len(_HANGUL.findall(text))
        plain = sum(1 for ch in text if ch.isascii() and (ch.isprintable() or ch in "\r\n\t"))
        if hangul >= 0.5 * len(text) and hangul + plain >= 0.9 * len(text):
            return enc
    return None


def check_encoding(name: str | None) -> None:
    """Refuse an ``--encoding`` that Python does not know or that is no text encoding (``rot13``,
    ``base64``) before any input is read."""
    if name is None:
        return
    try:
        "a".encode(_canonical(name))
    except LookupError:
        raise UsageError(f"--encoding {name!r} is not a text encoding (try utf-8, cp949, utf-16)") from None
    except UnicodeError:
        pass


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding_name)``; raise InputError on failure."""
    if encoding:
        enc = _canonical(encoding)
        try:
            return data.decode(enc), enc
        except LookupError:  # an unknown codec, or one that is no text encoding (rot13, base64)
            raise InputError(f"unknown text encoding: {encoding}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"input is not valid {encoding} (byte {exc.start})") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"input has a UTF-8 byte order mark but is not valid UTF-8 (byte {exc.start + 3})"
            ) from None
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(enc), "utf-16"
            except UnicodeDecodeError:
                raise InputError("input has a UTF-16 byte order mark but is not UTF-16") from None
    guess16 = _looks_utf16(data) or (None if _utf8(data) else _hangul_utf16(data))
    if guess16:
        try:
            text = data.decode(guess16)
        except UnicodeDecodeError:
            pass
        else:
            if _control_ratio(text) > 0.1:  # NULs paired with control bytes: binary, not UTF-16 text
                raise InputError("input looks binary (contains NUL bytes)")
            return text, guess16
    if b"\x00" not in data:
        return _decode_8bit(data)
    # stray NULs in text are dropped (a NUL is never inside a UTF-8 or CP949 character); a file
    # of many NULs, or one that is not text once they are gone, is binary
    if data.count(0) > MAX_NUL_RATIO * len(data):
        raise InputError("input looks binary (contains NUL bytes)")
    try:
        text, enc = _decode_8bit(data.replace(b"\x00", b""))
    except InputError:
        raise InputError("input looks binary (contains NUL bytes)") from None
    if _control_ratio(text) > 0.1:
        raise InputError("input looks binary (contains NUL bytes)")
    return text, enc


def _decode_8bit(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            raise InputError("input ends in the middle of a UTF-8 character (a truncated file?)") from None
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for odd inputs

    best = from_bytes(data).best()
    if best is None or _control_ratio(str(best)) > 0.05:
        raise InputError("cannot decode input: unknown or binary encoding (try --encoding)")
    return str(best), best.encoding


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return bad / len(text)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HIGH_LATIN = re.compile(r"[\u00a1-\u00ff]")
_HIGH = (
    r"\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd"
)


@cache  # compiled on first use: most texts hold no mojibake run (~1 ms)
def _run() -> re.Pattern[str]:
    """A run of characters a Windows-1252 reading of UTF-8 makes."""
    return re.compile(rf"[{_HIGH}](?:[{_HIGH}A-Za-z0-9 ])*")


def _byte(char: str) -> int | None:
    """The byte a Windows-1252 (or Latin-1) reading turned into ``char``; None for other text."""
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(char) if ord(char) < 256 else None


def _redecode(run: str) -> tuple[str, int, int, int]:
    """``run`` read back as CP949, pair by pair: a lead byte with a trail byte that makes a CP949
    character (one of its extension syllables — 똠, 햏, 뷁 — may take an ASCII letter as its trail
    byte), an ASCII character as itself, anything else left as it was. Returns the text, the number
    of characters decoded from byte pairs, how many of those pairs had two high bytes, and the
    number of characters left over (a lone high character, a U+FFFD standing for a byte lost
    before)."""
    out: list[str] = []
    decoded = high = left = 0
    index = 0
    while index < len(run):
        first = _byte(run[index])
        if first is not None and first >= 0x81 and index + 1 < len(run):
            second = _byte(run[index + 1])
            if second is not None:
                try:
                    char = bytes([first, second]).decode("cp949")
                except UnicodeDecodeError:
                    char = ""
                if char and not char.isascii():
                    out.append(char)
                    decoded += 1
                    high += second >= 0x80
                    index += 2
                    continue
        if (first is not None and first >= 0x80) or run[index] == "\ufffd":
            left += 1
        out.append(run[index])
        index += 1
    return "".join(out), decoded, high, left


def mojibake_runs(text: str) -> list[tuple[int, int, str, int]]:
    """``(start, end, repaired, left)`` for each run of ``text`` that reads as CP949 mojibake
    (mostly Korean once re-decoded); ``left`` counts characters that could not be re-decoded. A run
    that decodes only through ASCII trail bytes is punctuation before Latin letters, not mojibake
    (``우리·NH농협``, ``호황…SK하이닉스``: ``·N``, ``…S`` would read as extension syllables), nor
    are a table of contents' leader dots (``·····``)."""
    if len(_HIGH_LATIN.findall(text)) < 4:
        return []
    found = []
    for m in _run().finditer(text):
        if _LEADERS.match(m.group(0)):
            continue  # leader dots "·····" (one sign repeated): layout
        fixed, decoded, high, left = _redecode(m.group(0))
        if high and decoded * 2 >= (decoded + left) * 1.2 and len(_HANGUL.findall(fixed)) * 2 >= decoded:
            found.append((m.start(), m.end(), fixed, left))
    return found


def repair_mojibake(text: str) -> str:
    """Repair CP949 text that was decoded as Latin-1/CP1252 (``¼­¿ï`` → ``서울``), extension
    syllables included (``Œc`` → ``똠``). Only runs of such characters are re-decoded, and a run is
    kept re-decoded only when it reads as Korean; what cannot be re-decoded is left as it was (see
    :func:`mojibake_runs` to count it)."""
    pieces: list[str] = []
    position = 0
    for start, end, fixed, _ in mojibake_runs(text):
        pieces.append(text[position:start])
        pieces.append(fixed)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


_LEADERS = re.compile(r"([\u00a1-\u00ff])\1{3,}")
"""One Latin-1 sign repeated (a table of contents' leader dots ``·····``): layout, no mojibake."""


def looks_like_mojibake(text: str) -> bool:
    """The whole text looks like CP949 read as Latin-1: many Latin-1 letters, hardly any Hangul
    (leader dots, one sign repeated, are not counted)."""
    high = len(_HIGH_LATIN.findall(_LEADERS.sub("", text)))
    return high >= 8 and len(_HANGUL.findall(text)) * 4 < high
