"""The HarfBuzz subset request every cut is made with (documents, working sets, cover outlines)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def subset_request(
    codepoints: Iterable[int],
    *,
    features: Iterable[str] = (),
    drop_tables: Iterable[str] = (),
    plain_source: bool = False,
) -> Any:
    """A HarfBuzz subset request for ``codepoints``: no hinting, an outlined ``.notdef``,
    desubroutinized, HarfBuzz's default layout features plus ``features``, minus ``drop_tables``.

    Desubroutinized: ~30 % faster to cut (no subroutine closure); written-out charstrings deflate
    better (the zipped EPUB font is ~15 % smaller), and WeasyPrint desubroutinizes anyway.
    ``plain_source``: the source already has neither hints nor subroutines (a working set), so
    the request does not ask for their removal; the cut's bytes are the same, made ~20 % faster.
    """
    import uharfbuzz as hb

    request = hb.SubsetInput()
    request.unicode_set.update(codepoints)
    for feature in features:
        request.layout_feature_tag_set.add(_tag(feature))
    for table in drop_tables:
        request.drop_table_tag_set.add(_tag(table))
    flags = hb.SubsetFlags
    request.flags = flags.NOTDEF_OUTLINE
    if not plain_source:
        request.flags |= flags.NO_HINTING | flags.DESUBROUTINIZE
    return request


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")
