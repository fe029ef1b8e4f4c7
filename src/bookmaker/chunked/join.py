"""Joining the chunks' PDFs into one with pikepdf: pages, folios, one outline, one set of named
destinations, and each embedded font program once.

The first document (the front matter, or the first chunk) gives the catalogue and the document
information; every other chunk's pages are appended in order, less its lead pages. The outline is
rebuilt from the chunks' outlines in page order (a continuing chunk's entries go under the
article's); named destinations are gathered, a later part's winning, so the contents' links (named
destinations, as WeasyPrint writes them) reach the articles, not the stand-in anchors the front
matter holds for them. The folio overlays are drawn
over their pages as form XObjects. Each face's program is embedded once, for every part.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from bookmaker.fonts.subsetting import FontSubset

INTERNAL = "bookmaker-"
"""Named destinations of the parts' own markers, left out of the joined PDF."""


@dataclass(slots=True)
class Source:
    """One part's PDF to join: its file, how many lead pages to drop (a continuing chunk's: the
    outline entry there only makes the chunk's sections nest as under their article) and the
    overlay drawing its folios."""

    path: Path
    lead: int = 0
    tail: bool = False
    """Whether the last page is a part's tail page (made to end on a left-hand page), dropped."""
    overlay: tuple[Path, int] | None = None
    """The folio overlay: its file and the page there that lies over this part's first page."""


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


def join(sources: Sequence[Source], fonts: Sequence[FontSubset]) -> bytes:
    """The joined PDF of ``sources`` (the first one gives the catalogue and document information),
    each of the book's ``fonts`` embedded once."""
    opened: list[pikepdf.Pdf] = []
    try:
        base = pikepdf.open(sources[0].path)
        opened.append(base)
        entries: list[tuple[int, str, int, list[float]]] = []
        marks: dict[str, tuple[int, list[float]]] = {}
        overlays: dict[Path, pikepdf.Pdf] = {}
        for number, source in enumerate(sources):
            pdf = base if number == 0 else pikepdf.open(source.path)
            if number:
                opened.append(pdf)
            if source.tail:
                del pdf.pages[-1]
            if source.lead:
                del pdf.pages[: source.lead]  # in memory only; their outline entries and marks go too
            offset = 0 if number == 0 else len(base.pages)
            _gather(pdf, offset, entries, marks)
            if number:
                base.pages.extend(pdf.pages)
            if source.overlay is not None:
                path, start = source.overlay
                if path not in overlays:
                    overlays[path] = pikepdf.open(path)
                    opened.append(overlays[path])
                pages = overlays[path].pages[start : start + len(base.pages) - offset]
                _draw_overlays(base, pages, first=offset)
        _set_outline(base, entries)
        _set_names(base, marks)
        _one_program_per_face(base, fonts)
        out = io.BytesIO()
        base.save(
            out,
            deterministic_id=True,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
        return out.getvalue()
    finally:
        for pdf in reversed(opened):
            pdf.close()


def _gather(
    pdf: pikepdf.Pdf,
    offset: int,
    entries: list[tuple[int, str, int, list[float]]],
    marks: dict[str, tuple[int, list[float]]],
) -> None:
    """Add ``pdf``'s outline entries and named destinations, its pages counted from ``offset``."""
    entries.extend((depth, title, page + offset, where) for depth, title, page, where in _flat_outline(pdf))
    for name, (page, where) in page_marks(pdf).items():
        if not name.startswith(INTERNAL):
            marks[name] = (page + offset, where)


def _set_outline(pdf: pikepdf.Pdf, flat: list[tuple[int, str, int, list[float]]]) -> None:
    """One outline from ``flat`` entries: each entry under the last one of the level above."""
    root: list[_Entry] = []
    open_levels: list[_Entry] = []
    for depth, title, page, where in flat:
        entry = _Entry(depth, title, page, where)
        while open_levels and open_levels[-1].level >= depth:
            open_levels.pop()
        (open_levels[-1].children if open_levels else root).append(entry)
        open_levels.append(entry)

    def item(entry: _Entry) -> pikepdf.OutlineItem:
        destination = Array([pdf.pages[entry.page].obj, Name.XYZ, *entry.where, 0])
        made = pikepdf.OutlineItem(entry.title, destination)
        made.children.extend(item(child) for child in entry.children)
        return made

    with pdf.open_outline() as outline:
        outline.root.clear()
        outline.root.extend(item(entry) for entry in root)


def _set_names(pdf: pikepdf.Pdf, marks: dict[str, tuple[int, list[float]]]) -> None:
    """The joined PDF's named destinations (sorted, as a name tree wants them)."""
    tree = pikepdf.NameTree.new(pdf)
    for name in sorted(marks):
        page, where = marks[name]
        tree[name] = Array([pdf.pages[page].obj, Name.XYZ, *where, 0])
    if "/Names" not in pdf.Root:
        pdf.Root.Names = Dictionary()
    pdf.Root.Names.Dests = tree.obj


def _draw_overlays(pdf: pikepdf.Pdf, overlay: Sequence[pikepdf.Page], first: int) -> None:
    """Draw each page of ``overlay`` over ``pdf``'s pages from ``first`` on, as a form XObject."""
    for number, over in enumerate(overlay):
        page = pdf.pages[first + number]
        content = b"".join(part.read_bytes() for part in _contents(over.obj.get("/Contents")))
        form = pdf.make_stream(
            content,
            Type=Name.XObject,
            Subtype=Name.Form,
            BBox=Array(over.mediabox),
            Resources=pdf.copy_foreign(over.obj.Resources),
        )
        resources = Dictionary(dict(page.obj.get("/Resources", Dictionary()).items()))
        objects = resources.get("/XObject")
        xobjects = Dictionary(dict(objects.items())) if objects else Dictionary()
        xobjects.BookmakerFolio = form
        resources.XObject = xobjects
        page.obj.Resources = resources
        page.contents_add(b"q\n", prepend=True)
        page.contents_add(b"\nQ\nq /BookmakerFolio Do Q\n")


def _contents(contents: pikepdf.Object | None) -> list[pikepdf.Object]:
    if contents is None:
        return []
    return list(contents) if isinstance(contents, Array) else [contents]


def _one_program_per_face(pdf: pikepdf.Pdf, fonts: Sequence[FontSubset]) -> None:
    """Embed each book face once: cut from the book's subset to every glyph any part draws.

    WeasyPrint embeds in each part the glyphs that part draws, cut from the book's subset keeping
    glyph ids, so one cut with the glyphs of all parts, ids kept, draws every part's text. It is
    cut the way WeasyPrint cuts (layout tables dropped, trailing empty glyphs removed)."""
    import uharfbuzz as hb

    by_name = {font.face.postscript: font for font in fonts}
    descriptors: dict[str, list[pikepdf.Object]] = {}
    used: dict[str, set[int]] = {}
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary) or obj.get("/Subtype") != Name.CIDFontType0:
            continue
        descriptor = obj.get("/FontDescriptor")
        program = descriptor.get("/FontFile3") if descriptor is not None else None
        if descriptor is None or program is None or program.get("/Subtype") != Name.OpenType:
            continue
        name = hb.Face(program.read_bytes()).get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME) or ""
        if name not in by_name:
            continue
        descriptors.setdefault(name, []).append(descriptor)
        used.setdefault(name, {0}).update(_glyphs(obj.get("/W")))
    for name, holders in descriptors.items():
        program = pdf.make_stream(_cut(by_name[name].data, used[name]), Subtype=Name.OpenType)
        for descriptor in holders:
            descriptor.FontFile3 = program


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
