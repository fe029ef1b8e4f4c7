"""The cover's text is drawn from unhinted outlines: a working set and an installed face's cut
draw the same pixels, so the cover does not depend on the cache."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from bookmaker.fonts import working_set as working
from bookmaker.fonts.discovery import source_face
from bookmaker.fonts.faces import EPUB_FACES, SANS_BOLD
from bookmaker.fonts.subsetting import plain_cut
from bookmaker.writers import cover


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BOOKMAKER_NO_CACHE", raising=False)
    cover.draw_cover.cache_clear()  # a cover drawn earlier in this process would be handed back
    working.working_set.cache_clear()
    working._STORED.clear()
    yield tmp_path / "cache"
    working.working_set.cache_clear()
    working._STORED.clear()


def _sample(face: object, count: int, seed: int) -> str:
    """``count`` random characters of the working set that ``face`` has, in words of 1–6."""
    import uharfbuzz as hb

    font = hb.Font(source_face(face))
    chosen = random.Random(seed).sample(sorted(working.coverage()), 4 * count)
    usable = [chr(point) for point in chosen if point > 0x20 and font.get_nominal_glyph(point)][:count]
    words, position, rng = [], 0, random.Random(seed)
    while position < len(usable):
        step = rng.randint(1, 6)
        words.append("".join(usable[position : position + step]))
        position += step
    return " ".join(words)


@pytest.mark.parametrize("face", EPUB_FACES, ids=lambda face: face.key)
def test_a_working_set_and_an_installed_cut_draw_the_same_pixels(cache_home, face):
    if source_face(face) is None:
        pytest.skip(f"{face.family} is not installed")
    text = _sample(face, 240, seed=len(face.key))
    points = frozenset(map(ord, text))
    found = working.working_set(face)
    assert found is not None and working.source_for(face, set(points)) is found.face
    cut = plain_cut(face, points)
    assert cut is not None and cut != found.data
    for size in (40, 50, 112):
        for line in (text[:60], text[60:200], text[200:]):
            from_set = cover._font(found.data, size)
            from_cut = cover._font(cut, size)
            assert from_set.getlength(line) == from_cut.getlength(line)
            mask, offset = from_set.getmask2(line, "L")
            other, other_offset = from_cut.getmask2(line, "L")
            assert (mask.size, offset) == (other.size, other_offset)
            assert bytes(mask) == bytes(other), (face.key, size, line)


def test_characters_outside_the_working_set_come_from_a_cut(cache_home):
    if source_face(SANS_BOLD) is None:
        pytest.skip("Noto Sans CJK KR is not installed")
    fonts = cover._Fonts(["美國 대선 · 똠방각하"])  # a hanja and a syllable outside KS X 1001
    font = fonts(SANS_BOLD, 60)
    assert font is not None and fonts._outlines[SANS_BOLD] != working.working_set(SANS_BOLD).data
    notdef = bytes(font.getmask2("\ue000", "L")[0])  # private use: no face has it
    for char in "美國똠·":
        assert bytes(font.getmask2(char, "L")[0]) != notdef, char
    assert cover._Fonts(["대선 · 여론조사"])._outlines == {}  # nothing is cut before it is asked for
    plain = cover._Fonts(["대선 · 여론조사"])
    plain(SANS_BOLD, 60)
    assert plain._outlines[SANS_BOLD] is working.working_set(SANS_BOLD).data


def test_a_cold_cache_gives_the_same_cover_without_making_working_sets(cache_home):
    from epub_support import load_article

    doc = load_article("seed")
    if source_face(SANS_BOLD) is None:
        pytest.skip("Noto Sans CJK KR is not installed")
    cold = cover.generate_cover(doc)
    assert not list(cache_home.glob("bookmaker/faces-*/*.otf"))  # cut ~100 characters instead
    for face in EPUB_FACES:
        working.working_set(face)
    cover.draw_cover.cache_clear()  # drawn again, from the working sets this time
    for stored in cache_home.glob("bookmaker/covers-*/*.png.z"):
        stored.unlink()
    warm = cover.generate_cover(doc)
    assert len(list(cache_home.glob("bookmaker/faces-*/*.otf"))) == len(EPUB_FACES)
    assert cold == warm


def test_a_cover_drawn_before_is_read_from_the_cache(cache_home, monkeypatch):
    """Drawn once, then read back (the same bytes); a damaged entry or other text is drawn."""
    from epub_support import load_article

    doc = load_article("seed")
    if source_face(SANS_BOLD) is None:
        pytest.skip("Noto Sans CJK KR is not installed")
    drawn = cover.generate_cover(doc)
    stored = list(cache_home.glob("bookmaker/covers-*/*.png.z"))
    assert len(stored) == 1
    cover.draw_cover.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(cover, "_draw", lambda *text: pytest.fail("drawn again"))
        assert cover.generate_cover(doc) == drawn
    stored[0].write_bytes(stored[0].read_bytes()[:-9])  # a damaged entry is drawn again
    cover.draw_cover.cache_clear()
    assert cover.generate_cover(doc) == drawn
    other = msgspec.structs.replace(doc, meta=msgspec.structs.replace(doc.meta, title="다른 제목"))
    cover.draw_cover.cache_clear()
    assert cover.generate_cover(other) != drawn
    assert len(list(cache_home.glob("bookmaker/covers-*/*.png.z"))) == 2


def test_no_cover_is_kept_without_the_cache(cache_home, monkeypatch):
    from epub_support import load_article

    monkeypatch.setenv("BOOKMAKER_NO_CACHE", "1")
    if cover.generate_cover(load_article("seed")) is None:
        pytest.skip("Noto Sans CJK KR is not installed")
    assert not list(cache_home.glob("bookmaker/covers-*"))
