"""Font working sets: cuts made from them equal cuts from the installed faces; the disk cache is safe."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import uharfbuzz as hb

from bookmaker.fonts import working_set as working
from bookmaker.fonts.discovery import source_face
from bookmaker.fonts.faces import EPUB_FACES
from bookmaker.fonts.faces import FACES as PDF_FACES
from bookmaker.fonts.half_width import HALF_POINTS
from bookmaker.fonts.subset_request import subset_request
from bookmaker.fonts.subsetting import _ALWAYS, _DROP_TABLES, _pdf_subset, _subset, cut, half_width

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
INPUTS = [
    ROOT / "seeds" / "000_782556e6ec3af548.txt",
    *(ARTICLES / name for name in ("ho6-quote-heavy.txt", "ho4-list-article.txt", "ho7-captions-misc.txt")),
    ARTICLES / "washington-mixed.txt",
]
CUTS = {"epub": ((), ()), "pdf": (working.FEATURES, _DROP_TABLES)}


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private, empty cache folder for this test; the per-process working sets are forgotten."""
    home = tmp_path / "cache"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("BOOKMAKER_NO_CACHE", raising=False)
    working.working_set.cache_clear()
    working.halved_working_set.cache_clear()
    yield home / "bookmaker"
    working.working_set.cache_clear()
    working.halved_working_set.cache_clear()


def _points(path: Path) -> set[int]:
    text = path.read_text(encoding="utf-8")
    return {ord(char) for char in text} | set(range(0x20, 0x7F))


def _installed_cut(face: object, points: set[int], kind: str) -> bytes:
    features, drop = CUTS[kind]
    request = subset_request(points, features=features, drop_tables=drop)
    return bytes(hb.subset(source_face(face), request).blob.data)


@pytest.mark.parametrize("kind", sorted(CUTS))
@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.stem)
def test_cuts_from_the_working_set_equal_cuts_from_the_installed_face(cache_home, path, kind):
    points = _points(path)
    faces = PDF_FACES if kind == "pdf" else EPUB_FACES
    features, drop = CUTS[kind]
    for face in faces:
        if source_face(face) is None:
            pytest.skip(f"{face.family} is not installed")
        assert working.source_for(face, points, features) is not source_face(face)  # the fast path
        made = bytes(cut(face, points, features=features, drop_tables=drop).blob.data)
        assert made == _installed_cut(face, points, kind), (face.key, path.name)


def test_a_cut_of_the_whole_working_set_equals_the_installed_cut(cache_home):
    """Cuts from a working set skip the removal of hints and subroutines (it has none): every glyph
    it holds, with the PDF's extra features, still comes out as the installed face's cut."""
    points = set(working.coverage())
    for face in (PDF_FACES[0], PDF_FACES[3]):
        if source_face(face) is None:
            pytest.skip(f"{face.family} is not installed")
        assert working.source_for(face, points, working.FEATURES) is working.working_set(face).face
        made = bytes(cut(face, points, features=working.FEATURES, drop_tables=_DROP_TABLES).blob.data)
        assert made == _installed_cut(face, points, "pdf"), face.key


def test_the_characters_every_pdf_subset_gets_are_covered():
    assert working.coverage() >= _ALWAYS


def test_the_seeds_pdf_is_cut_from_the_working_sets(cache_home):
    from bookmaker.fonts.subsetting import codepoints
    from bookmaker.layout import render_print_html
    from bookmaker.layout.pages import page_spec
    from bookmaker.pipeline import load

    html = render_print_html(load(INPUTS[0]), page_spec(), created="2023-11-14T22:13:20Z")
    points = set(codepoints(html))
    for face in PDF_FACES:
        assert working.source_for(face, points, working.FEATURES) is working.working_set(face).face, face.key


def test_characters_outside_the_working_set_use_the_installed_face(cache_home):
    face = PDF_FACES[0]
    korean = {ord(char) for char in "대통령이 말했다"}
    assert working.source_for(face, korean) is working.working_set(face).face
    for extra in ("美", "똠", "\ufe00"):  # a hanja, a syllable outside KS X 1001, a variation selector
        assert working.source_for(face, korean | {ord(extra)}) is source_face(face), extra
    # characters no face has (an emoji) and control characters do not force the slow path
    assert working.source_for(face, korean | {ord("😀"), 0x0A}) is working.working_set(face).face
    # a layout feature the working set did not keep
    assert working.source_for(face, korean, ("vert",)) is source_face(face)


def test_the_cache_is_written_once_and_read_back(cache_home):
    face = PDF_FACES[0]
    subset, mapped, _ = working.working_set(face)
    (entry,) = cache_home.glob("faces-*/*.otf")
    assert entry.name.startswith(f"{face.postscript}-")
    assert 2000 < len(mapped) < 5000 and 0xAC00 in mapped and ord("美") not in mapped
    stamp = entry.stat().st_mtime_ns
    working.working_set.cache_clear()
    again = working.working_set(face).face
    assert entry.stat().st_mtime_ns == stamp  # read, not rebuilt
    assert again.blob.data == subset.blob.data


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty"])
def test_a_damaged_entry_is_rebuilt(cache_home, damage):
    face = PDF_FACES[2]
    good = working.working_set(face).face
    (entry,) = cache_home.glob("faces-*/*.otf")
    data = entry.read_bytes()
    broken = {"truncate": data[: len(data) // 2], "flip": data[:100] + b"\xff" + data[101:], "empty": b""}
    entry.write_bytes(broken[damage])
    working.working_set.cache_clear()
    rebuilt = working.working_set(face).face
    assert rebuilt.blob.data == good.blob.data
    assert entry.read_bytes() == data


def test_no_cache_or_an_unsafe_folder_means_the_installed_face(cache_home, monkeypatch):
    face = PDF_FACES[0]
    korean = {ord(char) for char in "한국어"}
    monkeypatch.setenv("BOOKMAKER_NO_CACHE", "1")
    assert working.source_for(face, korean) is source_face(face)
    assert not cache_home.exists()
    monkeypatch.delenv("BOOKMAKER_NO_CACHE")
    working.working_set.cache_clear()
    cache_home.mkdir()
    os.chmod(cache_home, 0o777)  # writable by others: not used
    assert working.source_for(face, korean) is source_face(face)
    assert list(cache_home.iterdir()) == []


def test_an_entry_for_replaced_font_files_is_removed(cache_home):
    face = PDF_FACES[3]
    working.working_set(face)
    (entry,) = cache_home.glob(f"faces-*/{face.postscript}-*.otf")
    stale = entry.with_name(f"{face.postscript}-00000000.otf")  # as if cut from an older install
    entry.rename(stale)
    working.working_set.cache_clear()
    working.working_set(face)
    assert entry.exists() and not stale.exists()


def _drawn(data: bytes, points: set[int]) -> dict[int, tuple[int, object]]:
    """Each code point's advance and outline extents in a font."""
    font = hb.Font(hb.Face(data))
    drawn = {}
    for point in points:
        glyph = font.get_nominal_glyph(point)
        if glyph is not None:
            extents = font.get_glyph_extents(glyph)
            box = (extents.x_bearing, extents.y_bearing, extents.width, extents.height)
            drawn[point] = (font.get_glyph_h_advance(glyph), box)
    return drawn


def test_brackets_cut_from_the_halved_working_set_are_drawn_as_halved_cuts(cache_home):
    """A document with brackets is cut from the working set halved once (kept beside it in the
    cache): the same advances and outlines as its cut halved afterwards."""
    points = {ord(c) for c in "한강의 『소년이 온다』와 「닻」은 《책》과 〈장〉（가）．【속보】！"} | _ALWAYS
    halved = frozenset(points) & HALF_POINTS
    for face in PDF_FACES:
        if source_face(face) is None:
            pytest.skip(f"{face.family} is not installed")
        once = _pdf_subset(face, frozenset(points), halved)
        after = half_width(_subset(face, points, features=working.FEATURES, drop_tables=_DROP_TABLES), halved)
        assert once is not None and once.glyphs == after.glyphs
        assert _drawn(once.data, points) == _drawn(after.data, points)
        assert _drawn(once.data, points) != _drawn(_subset(face, points).data, points)  # halved indeed
    assert len(list(cache_home.glob("faces-*/halt-*.otf"))) == len(PDF_FACES)
