"""The EPUB's headline wraps into lines of even length where the reading system balances text
(chromium does): no short last word alone under a long first line at a phone's width."""

from __future__ import annotations

from pathlib import Path

from epub_support import MOMENT
from tests.support.chromium import unpack

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.writers.epub import write_epub

TITLES = (
    "동네 서점 문 닫던 날, 단골들이 남긴 쪽지",
    "서울시, ‘심야 지하철’ 재개…평일 새벽 1시까지",
    "공영방송 이사 선임 절차, 지금이라도 멈춰라",
)
# the width of each line box of the headline (a range per line, in CSS px)
LINE_WIDTHS = """(() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('h1.title'));
  const rows = new Map();
  for (const r of range.getClientRects()) {
    const key = Math.round(r.top);
    const row = rows.get(key) || [Infinity, -Infinity];
    rows.set(key, [Math.min(row[0], r.left), Math.max(row[1], r.right)]);
  }
  return [...rows.values()].map(([left, right]) => right - left);
})()"""


def test_a_wrapped_headline_has_lines_of_even_length(tmp_path: Path, browser) -> None:
    for index, title in enumerate(TITLES):
        doc = Document(
            meta=Meta(title=title, language="ko"), blocks=[Paragraph(content=text_runs("본문이다."))]
        )
        epub = tmp_path / f"{index}.epub"
        epub.write_bytes(write_epub(doc, modified=MOMENT).data)
        page = unpack(epub, tmp_path / str(index)) / "EPUB" / "article.xhtml"
        session = browser.open(page.as_uri(), width=360, height=740)
        widths = browser.evaluate(session, LINE_WIDTHS)
        target = browser.send("Target.getTargetInfo", {}, session)["targetInfo"]["targetId"]
        browser.send("Target.closeTarget", {"targetId": target})
        assert len(widths) == 2, (title, widths)  # wrapped at this width ...
        assert min(widths) > 0.6 * max(widths), (title, widths)  # ... into two lines of like length
