"""The wire dateline where Korean papers print it: opening the lead paragraph.

Normalization takes ``(서울=연합뉴스) 한지훈 기자 =`` off the lead into ``meta.dateline`` (it
names the place, the agency and the reporters); the page puts it back in front of the first
paragraph, as the papers and the agencies' own pages show it, in the EPUB and the PDF alike (an
English wire's ``SEOUL, March 12 (Yonhap) --`` too, known by its closing dash). A
bare place name (``워싱턴``, as a hand-written IR may give it) is not a printed dateline: without its
brackets or ``=`` it would read as the lead's first word, so it stays in the IR only.
"""

from __future__ import annotations

import msgspec

from bookmaker.ir import Document, Paragraph, Text


def with_dateline(doc: Document) -> Document:
    """``doc`` with its dateline opening its first paragraph (unchanged without either)."""
    dateline = (doc.meta.dateline or "").strip()
    if not dateline or not ("=" in dateline or dateline[0] in "([【" or dateline.endswith(("--", "—", "–"))):
        return doc
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            lead = msgspec.structs.replace(block, content=[Text(value=f"{dateline} "), *block.content])
            return msgspec.structs.replace(doc, blocks=[*doc.blocks[:index], lead, *doc.blocks[index + 1 :]])
    return doc
