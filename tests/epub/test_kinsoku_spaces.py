"""A spaced colon (``국민의힘 9 : 민주당 4``, a sound bite's ``[이름/직함 : 말]``) never starts a line in
the EPUB: the space before a character that may not start a line (and after one that may not end
it) is a no-break space, as in print, so a reading system cannot wrap there."""

from __future__ import annotations

from pathlib import Path

from epub_support import MOMENT
from tests.support.chromium import probe_document, unpack

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.writers.epub import write_epub

# the same sentences behind prefixes of growing length, so that at every width some colon would
# fall at a line's start if a reading system could wrap before it
SENTENCE = (
    "당초 여론조사에선 국민의힘 9 : 민주당 4 : 경합 4 이렇게 전망했고 [오세훈/서울시장 당선인 : 정말 "
    "무거운 책임감이 느껴집니다.] 【 성 명 서 】 라는 글과 [유정복/인천시장 당선인 : 저는 초지일관 "
    "사심 없이 일하겠습니다.] 결과는 12 : 5 였습니다."
)
TEXTS = ["가" * n + " " + SENTENCE for n in range(1, 13)]


def test_a_spaced_colon_never_starts_a_line(tmp_path: Path, browser) -> None:
    doc = Document(
        meta=Meta(title="지방선거 결과", language="ko"),
        blocks=[Paragraph(content=text_runs(text)) for text in TEXTS],
    )
    epub = tmp_path / "colons.epub"
    epub.write_bytes(write_epub(doc, modified=MOMENT).data)
    page = unpack(epub, tmp_path / "unpacked") / "EPUB" / "article.xhtml"
    for width in (320, 360, 412):
        probe = probe_document(browser, page, width=width)
        assert probe.error is None and probe.lines > 3 * len(TEXTS)
        assert probe.kinsoku_violations() == [], (width, probe.kinsoku_violations())
