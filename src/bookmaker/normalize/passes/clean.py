"""Pass ``clean``: mojibake repair, Unicode NFC (keeping Hanja compatibility ideographs),
space cleanup, HTML character references a text scrape kept (``&quot;``), and splitting of
footers glued to the end of a line (copyright, a byline or an e-mail after the last sentence, a
wire dateline with the reporter, hashtags). The inline runs of a line follow its edits; a block
given whole has the text inside it cleaned and is never dropped. A line of invisible characters
only is removed with its reason (``clean.invisible``).

A stock quote a site inserts after a company's name ("삼성전자(8,530원 ▲40 -0.5%)는") is cut from
the sentence and recorded in ``removed``; so is a wiki's edit link at the end of a heading
(``역사[편집]``, ``History [edit]``). In a text scrape (an OCR's text among them) an ``l`` read for
``1`` inside a number (``l978年``, ``l5원``) is ``1`` again."""

from __future__ import annotations

import html
import re
import unicodedata

from bookmaker.normalize.blocks import edit_text
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.inlines import follow_edit, slice_runs
from bookmaker.normalize.text import columns
from bookmaker.readers.encoding import mojibake_runs, repair_mojibake

_COMPAT_IDEOGRAPHS = re.compile(r"([\uf900-\ufaff\U0002f800-\U0002fa1f]+)")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u2028\u2029\u0085\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_IMAGE_UI = re.compile(r"^\s*이미지\s*확대\s+(?=\S)")
_GLUED = re.compile(
    r"(?<=[.!?다”\"’')\]])\s*(?=(?:<|〈|\[|\()?\s*(?:ⓒ|©|Copyright|저작권자|\(c\))\s*\S)"
    r"|(?<=[.!?”\"’'])(?:\s*/\s*|\s+)(?=[가-힣]{2,4}\s?(?:기자|특파원)\s*\(?[\w.+-]+@)"
    r"|(?<=[.!?”\"’')\]다A-Za-z])\s+(?=▶\s*[^\s▶])"
    r"|(?:(?<=\.kr)|(?<=\.com)|(?<=\.net)|(?<=\.org))\s+(?=(?:ⓒ|©)\s*\S)"
    r"|(?<=\S)\s+(?=(?:<|〈|\[)\s*(?:ⓒ|©|Copyright|저작권자))"
    r"|(?<=[.!?])\s+(?=\(끝\))"
    r"|(?<=\S)\s+(?=(?:19|20)\d{2}/\d{2}/\d{2} \d{2}:\d{2} 송고$)"
    r"|(?<=[가-힣”\"’')][.!?])\s*(?=(?:(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\.?\s+)?[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"
    r"(?:\s|$))"
    r"|(?<=[.!?”\"’'])\s+(?=[(\[【][^()\[\]【】=]{1,15}=[^()\[\]【】=]{1,15}[)\]】]\s*(?:[가-힣]{2,4}\s*){1,4}"
    r"(?:기자|특파원)(?:\s*[\w.+-]+@[\w.-]+)?\s*$)"
    r"|(?<=[.!?”\"’'다])\s+(?=(?:#[^\s#]{1,30}\s*){1,12}$)"
    r"|(?<=\S)\s*(?=[\[【][^\[\]【】]{1,25}(?:기자|특파원)\s*[\]】]\s*\S)"
    r"|(?<=[^\s※*▶☞\[<(])\s+(?=(?:기사\s*)?제보는\s*카카오톡)"
    r"|(?<=[.!?])\s+(?=지금까지\s.{0,30}(?:였습니다|입니다)\.?(?:\s|$))"
    r"|(?<=[.!?])\s+(?=[가-힣]{2,4}\s?(?:기자|특파원)(?:였습니다|입니다)?\s*$)"
)


def nfc(text: str) -> str:
    """NFC-normalize ``text`` without folding CJK compatibility ideographs (U+F900… Hanja)."""
    parts = _COMPAT_IDEOGRAPHS.split(text)
    return "".join(p if i % 2 else unicodedata.normalize("NFC", p) for i, p in enumerate(parts))


_GLUED_SENTENCE = re.compile(r"(?<=[가-힣][다요죠][.!?])(?=[가-힣])")
"""A sentence ending (``…단행했습니다.``, ``마감했다.``) with the next sentence glued on: the
page's line break was lost (a scrape, a meta description); ``승진.임명`` and ``6.1`` are no sentence ends."""


_DOT_FOR_INTERPUNCT = re.compile(
    r"(?<=[가-힣])(?<![다요죠까음함임됨])\.(?=[가-힣])"  # 승진.임명, 한.미.일
    r"|(?<=\(\d\d)\.(?=[가-힣]{1,8}[,)])"  # (48.주부)
)
"""A period standing for the middle dot between two words (``승진.임명``, ``한.미.일``, an age and an
occupation ``(48.주부)``), as old newsroom systems wrote it; a sentence end (``…했음.다음``) is not one."""

_GLUED_MARKER = re.compile(r"(?<=[가-힣)\]”’])(?<!다)(?=[▶▷△▲][가-힣])")
"""An inline list marker glued to the item before it (``배성기 자원정책실장▶자원정책실장에는``)."""


_GLUED_QUOTE = re.compile(r"(?<=[A-Za-z][.!?])([\"“”])(?=[A-Z])")
"""A quotation mark between an English sentence's end and the next sentence, with no space
(``a Samsung official said."We cannot …``): the scrape lost the space on one side of it."""


def _space_glued_quote(m: re.Match[str]) -> str:
    """A space before the mark when it opens the next sentence's quotation (an even number of
    straight marks before it, or ``“``), after it when it closes the sentence's (odd, or ``”``)."""
    mark = m.group(1)
    opens = mark == "“" or (mark == '"' and m.string.count('"', 0, m.start()) % 2 == 0)
    return f" {mark}" if opens else f"{mark} "


def clean_text(text: str) -> str:
    """Repair, normalize and trim one line; a space after a sentence glued to the next (a quotation
    mark on the side it stands), and before an inline list marker glued to the word before; a middle
    dot for a period between two words."""
    text = repair_mojibake(text)
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text)).replace("\u223c", "~")
    text = _GLUED_SENTENCE.sub(" ", nfc(_IMAGE_UI.sub("", text)))
    text = _GLUED_QUOTE.sub(_space_glued_quote, text)
    text = _GLUED_MARKER.sub(" ", _DOT_FOR_INTERPUNCT.sub("·", text))
    return re.sub(r" {2,}", " ", text).strip()


_STOCK = re.compile(r"\s?[(（]\s*[\d,]+\s*원\s+[▲▼△▽↑↓+\-]?\s*[\d,]+\s+[+\-]?\d+(?:\.\d+)?\s*%\s*[)）]")


_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});")
"""An HTML character reference left in a text scrape (``&quot;``, ``&nbsp;``, ``&#39;``): the page's
markup was copied as text; an unknown name (``&foo;``) is left as it is. Only in text input: the
HTML and Markdown readers decode references themselves, so one left there is the author's text."""


def _decode_entities(text: str) -> str:
    """``text`` with the HTML character references a scrape kept decoded (``&quot;`` → ``"``)."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text else text


_EDIT_LINK = re.compile(r"\s*\[\s*(?:원본\s*)?(?:편집|edit|edit source)\s*\]\s*$", re.IGNORECASE)
"""A wiki's section edit link ending a heading (MediaWiki's ``[편집]``, ``[원본 편집]``, ``[edit]``)."""
_TOGGLE_WORD = re.compile(r"\s*[(\[]\s*(?:펼치기|접기|펼쳐\s*보기|클릭해서\s*펼치기)\s*[)\]]\s*$")
"""A folded section's toggle word ending its title (a wiki's expand macro: ``… (펼치기)``)."""
MAX_TOGGLE_TITLE = 60


def _cut_edit_link(ctx: Context, item: Item, text: str) -> str:
    """A heading's ``text`` without a wiki's edit link, or a short line's without a toggle word,
    recorded as removed."""
    m = _EDIT_LINK.search(text) if item.kind == "heading" else None
    toggle = _TOGGLE_WORD.search(text) if m is None and len(text) <= MAX_TOGGLE_TITLE else None
    if toggle is not None and text[: toggle.start()].strip():
        ctx.record(toggle.group(0).strip(), "a folded section's toggle word", item.line, "clean.toggle-word")
        return text[: toggle.start()]
    if m is None or not text[: m.start()].strip():
        return text
    ctx.record(m.group(0).strip(), "a wiki's edit link in a section heading", item.line, "clean.edit-link")
    return text[: m.start()]


MAX_SECTION_TITLE = 40


def _lone_edit_link(text: str, before: list[Item]) -> bool:
    """A wiki's edit link on a line of its own right under a section's title (MediaWiki's 2022 skin
    sets ``[편집]`` beside the heading, not inside it; a copy of the page puts it on the next line)."""
    if not before or not _EDIT_LINK.fullmatch(text):
        return False
    title = before[-1]
    return title.kind == "heading" or (title.kind is None and 0 < len(title.text) <= MAX_SECTION_TITLE)


def _cut_widgets(ctx: Context, item: Item, text: str) -> str:
    """``text`` without inline stock widgets, each recorded as removed."""
    for m in _STOCK.finditer(text):
        ctx.record(m.group(0).strip(), "stock quote widget inside a sentence", item.line, "clean.widget")
    return _STOCK.sub("", text)


def _warn_undecoded(ctx: Context, item: Item) -> None:
    """Say which characters of the line could not be decoded: CP949 mojibake that does not
    re-decode, and U+FFFD (a character lost before the file reached us)."""
    runs = mojibake_runs(item.text)
    left = (
        sum(run[3] for run in runs)
        + repair_mojibake(item.text).count("\ufffd")
        - sum(run[2].count("\ufffd") for run in runs)
    )
    if left:
        ctx.warnings.append(
            f"line {item.line}: {left} character{'s' if left > 1 else ''} could not be decoded "
            "(U+FFFD or a lone surrogate: lost before the file reached us, or CP949 text read as Latin-1 "
            "that does not read back); left as they were"
        )


_IN_LABEL = re.compile(r"◀[^◀▶]{1,12}$")
"""A ◀ label still open before a split point: its ▶ closes it (MBC's ``◀ SYNC ▶ 마을 주민``)."""


def _pieces(text: str) -> list[tuple[int, int]]:
    """Where the pieces of a line with glued footers start and end (spaces around them left out)."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _GLUED.finditer(text):
        if _IN_LABEL.search(text, 0, match.start()):
            continue  # the ▶ closes a ◀ label (◀ SYNC ▶ 마을 주민), no promo arrow
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    out = []
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            start += len(piece) - len(piece.lstrip())
            out.append((start, start + len(piece.strip())))
    return out


def _note_layout(item: Item) -> None:
    """Record the raw line's width in columns, whether it starts or ends with a space and how deep
    it is indented."""
    item.attrs["columns"] = str(columns(item.text))
    if item.text[:1].isspace():
        item.attrs["space_start"] = "1"
        item.attrs["indent"] = str(len(item.text) - len(item.text.lstrip()))
    if item.text[-1:].isspace():
        item.attrs["space_end"] = "1"


_OCR_ONE = re.compile(
    r"(?<![A-Za-z])l(?=\d+(?:[.,]\d+)*(?![A-Za-z\d]))|(?<=\d)l(?=\d)|(?<![A-Za-z\d])l(?=[천만억](?![A-Za-z]))"
)
"""An OCR's ``l`` read for ``1`` in a number (``l978年``, ``l5원``, ``l천5백원``), no Latin letter by it."""
_KOREAN_OR_HANJA = re.compile(r"[가-힣\u4e00-\u9fff]")


def ocr_ones(text: str) -> str:
    """``text`` with an OCR's ``l`` in numbers read as ``1``, in a line of Korean or Hanja text."""
    return _OCR_ONE.sub("1", text) if _KOREAN_OR_HANJA.search(text) else text


def run(ctx: Context) -> None:
    """Clean every line, drop blank ones and split glued footers into their own items."""
    out: list[Item] = []
    blank = False
    for item in ctx.items:
        if item.block is not None:  # a table, a list …: its text is cleaned, it stays
            item.block = edit_text(item.block, clean_text)
            out.append(item)
            blank = False
            continue
        _warn_undecoded(ctx, item)
        decoded = _decode_entities(item.text) if ctx.source_format in ("text", None) else item.text
        text = _cut_edit_link(ctx, item, _cut_widgets(ctx, item, clean_text(decoded)))
        if _lone_edit_link(text, out):
            ctx.record(
                text.strip(), "a wiki's edit link under a section heading", item.line, "clean.edit-link"
            )
            continue
        if ctx.source_format == "text" and "l" in text:
            text = ocr_ones(text)
        if not text and not item.attrs.get("src"):  # an image without a caption stays
            if item.text.strip():  # zero-width characters only: not blank to a program, so say why
                reason = "a line of invisible characters only (zero-width space, byte order mark)"
                ctx.record(item.source or item.text, reason, item.line, "clean.invisible")
            blank = True
            continue
        if blank and item.kind is None:
            item.attrs["after_blank"] = "1"
        blank = False
        if item.kind is None:  # the raw line's layout: how a hard wrap was made (pass reflow)
            _note_layout(item)
        runs = follow_edit(item.content, text) if item.content is not None else None
        pieces = _pieces(text) if item.kind is None else [(0, len(text))]
        for index, (start, end) in enumerate(pieces):
            attrs = dict(item.attrs)
            if index:
                attrs["glued"] = "1"  # split off the end of a longer line
            content = runs if runs is None or len(pieces) == 1 else slice_runs(runs, start, end)
            out.append(
                Item(
                    text[start:end],
                    item.line,
                    item.source,
                    item.kind,
                    None,
                    attrs,
                    last=item.last,
                    content=content,
                )
            )
    ctx.items = out
