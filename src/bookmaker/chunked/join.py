"""Joining the parts' PDFs into one, written as it goes so that memory does not grow with the book.

pikepdf reads one part at a time (and its folio overlay); each object a kept page reaches is
written to the output file at once, renumbered, and forgotten: what stays in memory is a list of
page numbers, the outline entries and the named destinations. Then come the one page tree, one
outline (rebuilt from the parts' outlines in page order: a continuing chunk's entries go under its
article's), one name tree (a later part's name winning, so the contents' links, named destinations
as WeasyPrint writes them, reach the articles and not the stand-in anchors the front matter holds
for them), each book face's program once (cut to every glyph any part draws; the parts come with
their programs left out, :func:`strip_fonts`), the catalogue and document information of the first
part.

The folio overlays are drawn over their pages as form XObjects.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import pikepdf
from pikepdf import Array, Dictionary, Name

from bookmaker.chunked.folios import PAGE_MARK
from bookmaker.fonts.subsetting import FontSubset

INTERNAL = "bookmaker-"
"""Named destinations of the parts' own markers, left out of the joined PDF."""
FACE_KEY = "/BookmakerFace"
"""Set by :func:`strip_fonts` on a font descriptor whose program was left out: the face's name."""
_CATALOG_KEYS = ("/Lang", "/PageMode", "/PageLayout", "/ViewerPreferences")


@dataclass(slots=True)
class Source:
    """One part's PDF to join: its file, the pages to leave out (a continuing chunk's lead pages, a
    part's tail page) and the folio overlay (its file and the page there that lies over this
    part's first kept page)."""

    path: Path
    drop: tuple[int, ...] = ()
    overlay: tuple[Path, int] | None = None


@dataclass(slots=True)
class _Entry:
    level: int
    title: str
    page: int
    where: list[float]
    children: list[_Entry] = field(default_factory=list)


def page_marks(pdf: pikepdf.Pdf) -> dict[str, tuple[int, list[float]]]:
    """Named destinations of ``pdf``: name → (page index, [x, y])."""
    index = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
    found: dict[str, tuple[int, list[float]]] = {}
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return found
    for name, dest in pikepdf.NameTree(names.Dests).items():
        target = dest if isinstance(dest, Array) else dest.get("/D")
        if isinstance(target, Array) and len(target) >= 4 and target[0].objgen in index:
            found[str(name)] = (index[target[0].objgen], [float(target[2]), float(target[3])])
    return found


def page_names(pdf: pikepdf.Pdf) -> dict[int, str]:
    """Page index → the name an element gave it (the chunk's :data:`PAGE_MARK` outline markers)."""
    return {
        page: title[len(PAGE_MARK) :]
        for _, title, page, _ in _flat_outline(pdf)
        if title.startswith(PAGE_MARK)
    }


def _flat_outline(pdf: pikepdf.Pdf) -> Iterator[tuple[int, str, int, list[float]]]:
    """(depth, title, page index, [x, y]) of every outline entry, in order."""
    index = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}

    def walk(item: pikepdf.Object | None, depth: int) -> Iterator[tuple[int, str, int, list[float]]]:
        while item is not None:
            dest = item.get("/Dest")
            if isinstance(dest, Array) and dest[0].objgen in index:
                where = [float(dest[2]), float(dest[3])] if len(dest) >= 4 else [0.0, 0.0]
                yield depth, str(item.get("/Title", "")), index[dest[0].objgen], where
            child = item.get("/First")
            if child is not None:
                yield from walk(child, depth + 1)
            item = item.get("/Next")

    outlines = pdf.Root.get("/Outlines")
    if outlines is not None and "/First" in outlines:
        yield from walk(outlines.First, 1)


class _Writer:
    """A PDF file written object by object (classic cross-reference table)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.offsets: dict[int, int] = {}
        self.count = 0
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def write(self, number: int, body: bytes, stream: bytes | None = None) -> None:
        self.offsets[number] = self.out.tell()
        self.out.write(b"%d 0 obj\n" % number + body)
        if stream is not None:
            self.out.write(b"\nstream\n" + stream + b"\nendstream")
        self.out.write(b"\nendobj\n")

    def stream(self, data: bytes, extra: bytes = b"") -> int:
        """A new deflated stream object; its number."""
        number = self.reserve()
        packed = zlib.compress(data, 6)
        self.write(number, b"<</Filter/FlateDecode/Length %d%s>>" % (len(packed), extra), packed)
        return number

    def finish(self, root: int, info: int | None, identifier: bytes) -> None:
        start = self.out.tell()
        size = self.count + 1
        rows = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
        rows += [b"%010d 00000 n \n" % self.offsets.get(n, 0) for n in range(1, size)]
        self.out.write(b"".join(rows))
        ident = identifier.hex().encode()
        info_ref = b"/Info %d 0 R" % info if info else b""
        trailer = b"trailer\n<</Size %d/Root %d 0 R%s/ID[<%s><%s>]>>\n" % (size, root, info_ref, ident, ident)
        self.out.write(trailer + b"startxref\n%d\n%%%%EOF\n" % start)


class _Copier:
    """Writes the objects of one source PDF that kept objects reach, renumbered (a reference to a
    page left out becomes ``null``)."""

    def __init__(self, writer: _Writer, pdf: pikepdf.Pdf, parent: int, faces: _Faces) -> None:
        self.writer, self.pdf, self.parent, self.faces = writer, pdf, parent, faces
        self.numbers: dict[tuple[int, int], int] = {}
        self.pending: list[pikepdf.Object] = []
        self.pages = {page.obj.objgen for page in pdf.pages}
        self.kept: set[tuple[int, int]] = set()

    def keep(self, pages: Sequence[pikepdf.Page]) -> list[int]:
        """Number the pages kept (written by :func:`_copy_page`, never queued); their numbers."""
        for page in pages:
            self.numbers[page.obj.objgen] = self.writer.reserve()
            self.kept.add(page.obj.objgen)
        return [self.numbers[page.obj.objgen] for page in pages]

    def ref(self, obj: pikepdf.Object) -> bytes:
        key = obj.objgen
        if key in self.pages and key not in self.kept:
            return b"null"
        if key not in self.numbers:
            self.numbers[key] = self.writer.reserve()
            self.pending.append(obj)
        return b"%d 0 R" % self.numbers[key]

    def value(self, obj: Any, top: bool = False) -> bytes:
        """``obj`` in PDF syntax, indirect objects as references (unless ``top``)."""
        if isinstance(obj, pikepdf.Object) and not top and obj.is_indirect:
            return self.ref(obj)
        if isinstance(obj, bool):
            return b"true" if obj else b"false"
        if isinstance(obj, int):
            return b"%d" % obj
        if isinstance(obj, Decimal | float):
            return _real(obj)
        if obj is None:
            return b"null"
        if isinstance(obj, Name | pikepdf.String):
            return bytes(obj.unparse())
        if isinstance(obj, Array):
            return b"[" + b" ".join(self.value(item) for item in obj) + b"]"
        if isinstance(obj, Dictionary | pikepdf.Stream):
            return self.dictionary(obj)
        return bytes(obj.unparse())

    def dictionary(self, obj: pikepdf.Object, **replaced: bytes) -> bytes:
        """A dictionary (a stream's dictionary) with some entries ``replaced`` (key without ``/``;
        an empty value leaves the entry out)."""
        face = obj.get(FACE_KEY) if obj.get("/Type") == Name.FontDescriptor else None
        if face is not None:
            replaced["FontFile3"] = b"%d 0 R" % self.faces.program(str(face)[1:])
            replaced["BookmakerFace"] = b""
        if obj.get("/Subtype") == Name.CIDFontType0:
            descriptor = obj.get("/FontDescriptor")
            if descriptor is not None and FACE_KEY in descriptor:
                self.faces.use(str(descriptor.get(FACE_KEY))[1:], _glyphs(obj.get("/W")))
        parts = []
        for key in sorted(obj.keys()):
            if key[1:] not in replaced:
                parts.append(bytes(Name(key).unparse()) + b" " + self.value(obj[key]))
        parts += [bytes(Name("/" + key).unparse()) + b" " + data for key, data in replaced.items() if data]
        return b"<<" + b"\n".join(parts) + b">>"

    def flush(self) -> None:
        """Write every object referenced so far (and what they reference)."""
        while self.pending:
            obj = self.pending.pop()
            number = self.numbers[obj.objgen]
            if isinstance(obj, pikepdf.Stream):
                raw = obj.read_raw_bytes()
                self.writer.write(number, self.dictionary(obj, Length=b"%d" % len(raw)), raw)
            else:
                self.writer.write(number, self.value(obj, top=True))


class _Faces:
    """The book's faces: one program object each, cut at the end to every glyph the parts draw."""

    def __init__(self, writer: _Writer, fonts: Sequence[FontSubset]) -> None:
        self.writer = writer
        self.fonts = {font.face.postscript: font for font in fonts}
        self.numbers: dict[str, int] = {}
        self.used: dict[str, set[int]] = {}

    def program(self, name: str) -> int:
        if name not in self.numbers:
            self.numbers[name] = self.writer.reserve()
        return self.numbers[name]

    def use(self, name: str, glyphs: Iterator[int]) -> None:
        self.used.setdefault(name, {0}).update(glyphs)

    def write(self) -> None:
        for name, number in self.numbers.items():
            packed = zlib.compress(_cut(self.fonts[name].data, self.used.get(name, {0})), 6)
            body = b"<</Subtype/OpenType/Filter/FlateDecode/Length %d>>" % len(packed)
            self.writer.write(number, body, packed)


def join(sources: Sequence[Source], fonts: Sequence[FontSubset], out: IO[bytes], identifier: bytes) -> int:
    """Write the joined PDF of ``sources`` to ``out`` (see the module); the number of pages."""
    writer = _Writer(out)
    root, pages_root = writer.reserve(), writer.reserve()
    faces = _Faces(writer, fonts)
    page_numbers: list[int] = []
    entries: list[tuple[int, str, int, list[float]]] = []
    marks: dict[str, tuple[int, list[float]]] = {}
    overlays: dict[Path, tuple[pikepdf.Pdf, _Copier]] = {}
    catalog = b""
    info: int | None = None
    try:
        for number, source in enumerate(sources):
            with pikepdf.open(source.path) as pdf:
                copier = _Copier(writer, pdf, pages_root, faces)
                kept = [page for index, page in enumerate(pdf.pages) if index not in source.drop]
                numbers = copier.keep(kept)
                index = {page.obj.objgen: position for position, page in enumerate(kept)}
                offset = len(page_numbers)
                _gather(pdf, index, offset, entries, marks)
                if number == 0:
                    catalog = b"".join(
                        bytes(Name(key).unparse()) + b" " + copier.value(pdf.Root[key])
                        for key in _CATALOG_KEYS
                        if key in pdf.Root
                    )
                    if "/Info" in pdf.trailer:
                        info = writer.reserve()
                        writer.write(info, copier.value(pdf.trailer.Info, top=True))
                over = _overlay_pages(overlays, source, len(kept), writer, pages_root, faces)
                for position, page in enumerate(kept):
                    _copy_page(copier, page, numbers[position], over[position] if over else None)
                    copier.flush()
                    if over:
                        over[position][1].flush()
                page_numbers += numbers
        for pdf, _ in overlays.values():
            pdf.close()
        overlays.clear()
        kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
        writer.write(pages_root, b"<</Type/Pages/Count %d/Kids[%s]>>" % (len(page_numbers), kids))
        outline = _emit_outline(writer, entries, page_numbers)
        names = _emit_names(writer, marks, page_numbers)
        faces.write()
        extra = (b"/Outlines %d 0 R/PageMode/UseOutlines" % outline if outline else b"") + (
            b"/Names<</Dests %d 0 R>>" % names if names else b""
        )
        writer.write(root, b"<</Type/Catalog/Pages %d 0 R%s%s>>" % (pages_root, extra, catalog))
        writer.finish(root, info, identifier)
    finally:
        for pdf, _ in overlays.values():
            pdf.close()
    return len(page_numbers)


def _overlay_pages(
    overlays: dict[Path, tuple[pikepdf.Pdf, _Copier]],
    source: Source,
    count: int,
    writer: _Writer,
    parent: int,
    faces: _Faces,
) -> list[tuple[pikepdf.Page, _Copier]]:
    """The overlay pages over a source's ``count`` kept pages (the overlay file opened once)."""
    if source.overlay is None:
        return []
    path, start = source.overlay
    if path not in overlays:  # the overlays come in order: the one before is done with
        for done, _ in overlays.values():
            done.close()
        overlays.clear()
        pdf = pikepdf.open(path)
        overlays[path] = (pdf, _Copier(writer, pdf, parent, faces))
    pdf, copier = overlays[path]
    return [(page, copier) for page in pdf.pages[start : start + count]]


def _copy_page(
    copier: _Copier, page: pikepdf.Page, number: int, overlay: tuple[pikepdf.Page, _Copier] | None
) -> None:
    """Write a kept page as object ``number`` (under its overlay's form XObject, if any)."""
    obj = page.obj
    replaced = {"Parent": b"%d 0 R" % copier.parent}
    if overlay is not None:
        over, over_copier = overlay
        form = _form(over, over_copier)
        resources = obj.get("/Resources", Dictionary())
        xobjects = resources.get("/XObject")
        inner = (
            b"".join(
                bytes(Name(key).unparse()) + b" " + copier.value(xobjects[key])
                for key in sorted(xobjects.keys())
            )
            if xobjects is not None
            else b""
        )
        xobject = b"<<" + inner + b"/BookmakerFolio %d 0 R>>" % form
        replaced["Resources"] = copier.dictionary(resources, XObject=xobject)
        contents = obj.get("/Contents")
        parts = list(contents) if isinstance(contents, Array) else [contents] if contents is not None else []
        before = copier.writer.stream(b"q\n")
        after = copier.writer.stream(b"\nQ\nq /BookmakerFolio Do Q\n")
        refs = [b"%d 0 R" % before, *(copier.value(part) for part in parts), b"%d 0 R" % after]
        replaced["Contents"] = b"[" + b" ".join(refs) + b"]"
    copier.writer.write(number, copier.dictionary(obj, **replaced))


def _form(page: pikepdf.Page, copier: _Copier) -> int:
    """A form XObject drawing ``page`` (an overlay page); its object number."""
    contents = page.obj.get("/Contents")
    parts = list(contents) if isinstance(contents, Array) else [contents] if contents is not None else []
    data = b"\n".join(part.read_bytes() for part in parts)
    box = copier.value(Array(page.mediabox))
    resources = copier.value(page.obj.get("/Resources", Dictionary()))
    extra = b"/Type/XObject/Subtype/Form/BBox %s/Resources %s" % (box, resources)
    return copier.writer.stream(data, extra)


def _gather(
    pdf: pikepdf.Pdf,
    index: dict[tuple[int, int], int],
    offset: int,
    entries: list[tuple[int, str, int, list[float]]],
    marks: dict[str, tuple[int, list[float]]],
) -> None:
    """Add ``pdf``'s outline entries and named destinations on kept pages (``index``: page object
    → its place among the kept pages), counted from ``offset``."""
    all_pages = [page.obj.objgen for page in pdf.pages]
    for depth, title, page, where in _flat_outline(pdf):
        if all_pages[page] in index and not title.startswith(PAGE_MARK):
            entries.append((depth, title, offset + index[all_pages[page]], where))
    for name, (page, where) in page_marks(pdf).items():
        if not name.startswith(INTERNAL) and all_pages[page] in index:
            marks[name] = (offset + index[all_pages[page]], where)


def _emit_outline(writer: _Writer, flat: list[tuple[int, str, int, list[float]]], pages: list[int]) -> int:
    """One outline from ``flat`` entries, each under the last one of the level above; its number."""
    if not flat:
        return 0
    root: list[_Entry] = []
    open_levels: list[_Entry] = []
    for depth, title, page, where in flat:
        entry = _Entry(depth, title, page, where)
        while open_levels and open_levels[-1].level >= depth:
            open_levels.pop()
        (open_levels[-1].children if open_levels else root).append(entry)
        open_levels.append(entry)
    top = writer.reserve()
    first, last, count = _emit_items(writer, root, top, pages)
    writer.write(top, b"<</Type/Outlines/First %d 0 R/Last %d 0 R/Count %d>>" % (first, last, count))
    return top


def _emit_items(writer: _Writer, items: list[_Entry], parent: int, pages: list[int]) -> tuple[int, int, int]:
    """Write sibling outline items (and their children, open); (first, last, visible count)."""
    numbers = [writer.reserve() for _ in items]
    visible = len(items)
    for position, (item, number) in enumerate(zip(items, numbers, strict=True)):
        fields = [b"/Title " + _text(item.title), b"/Parent %d 0 R" % parent]
        fields.append(
            b"/Dest[%d 0 R/XYZ %s %s 0]" % (pages[item.page], _real(item.where[0]), _real(item.where[1]))
        )
        if position:
            fields.append(b"/Prev %d 0 R" % numbers[position - 1])
        if position + 1 < len(numbers):
            fields.append(b"/Next %d 0 R" % numbers[position + 1])
        if item.children:
            first, last, count = _emit_items(writer, item.children, number, pages)
            fields.append(b"/First %d 0 R/Last %d 0 R/Count %d" % (first, last, count))
            visible += count
        writer.write(number, b"<<" + b"".join(fields) + b">>")
    return numbers[0], numbers[-1], visible


def _emit_names(writer: _Writer, marks: dict[str, tuple[int, list[float]]], pages: list[int]) -> int:
    """The named destinations as one name-tree node (names sorted); its number."""
    if not marks:
        return 0
    keys = sorted(marks, key=_string_bytes)  # a name tree's keys in the order of their bytes
    pairs = []
    for name in keys:
        page, (x, y) = marks[name]
        pairs.append(_text(name) + b"[%d 0 R/XYZ %s %s 0]" % (pages[page], _real(x), _real(y)))
    number = writer.reserve()
    limits = _text(keys[0]) + b" " + _text(keys[-1])
    writer.write(number, b"<</Limits[%s]/Names[%s]>>" % (limits, b"\n".join(pairs)))
    return number


def _string_bytes(value: str) -> bytes:
    """The bytes of ``value`` as a PDF text string (:func:`_text`)."""
    return value.encode() if value.isascii() else b"\xfe\xff" + value.encode("utf-16-be")


def _text(value: str) -> bytes:
    """A PDF text string: ASCII as a literal, else UTF-16BE with its mark, in hex."""
    if value.isascii():
        return bytes(pikepdf.String(value).unparse())
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def _real(value: Decimal | float) -> bytes:
    text = f"{Decimal(value):f}" if isinstance(value, Decimal) else f"{value:.6f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return (text or "0").encode()


def strip_fonts(data: bytes) -> bytes:
    """A part's PDF with each book face's program left out (the join embeds one for the whole
    book), its descriptor marked with the face's name (:data:`FACE_KEY`); streams the render left
    uncompressed are compressed here (Flate, zlib's default level: the join copies them as they are)."""
    import io

    import uharfbuzz as hb

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, Dictionary) or obj.get("/Type") != Name.FontDescriptor:
                continue
            program = obj.get("/FontFile3")
            if program is None or program.get("/Subtype") != Name.OpenType:
                continue
            name = hb.Face(program.read_bytes()).get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME) or ""
            obj[FACE_KEY] = Name("/" + name)
            obj.FontFile3 = pdf.make_stream(b"", Subtype=Name.OpenType)
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            compress_streams=True,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
        )
        return out.getvalue()


def _glyphs(widths: pikepdf.Object | None) -> Iterator[int]:
    """The glyph ids a CID font's ``/W`` array lists (``c [w …]`` and ``c_first c_last w``)."""
    items = list(widths) if isinstance(widths, Array) else []
    index = 0
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], Array):
            yield from range(first, first + len(items[index + 1]))
            index += 2
        else:
            yield from range(first, int(items[index + 1]) + 1)
            index += 3


_DROPPED = ("BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT", "SVG ")


def _cut(data: bytes, glyphs: set[int]) -> bytes:
    """``data`` (an OpenType font) cut to ``glyphs``, ids kept, as WeasyPrint cuts a font."""
    import uharfbuzz as hb

    flags = hb.SubsetFlags
    first = hb.SubsetInput()
    first.glyph_set.update(glyphs)
    for table in _DROPPED:
        first.drop_table_tag_set.add(int.from_bytes(table.encode("ascii"), "big"))
    first.flags = flags.RETAIN_GIDS | flags.PASSTHROUGH_UNRECOGNIZED | flags.DESUBROUTINIZE
    kept = hb.subset(hb.Face(data), first)
    trimmed = hb.SubsetInput()
    trimmed.glyph_set.update(range(max(glyphs) + 1))
    trimmed.flags = flags.PASSTHROUGH_UNRECOGNIZED | flags.DESUBROUTINIZE | flags.NO_HINTING
    return bytes(hb.subset(kept, trimmed).blob.data)
