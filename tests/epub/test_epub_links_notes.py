"""Links and note references a reading system can follow: found by EPUBCheck on a README
(``[CONTRIBUTING.md](CONTRIBUTING.md)``: RSC-007, calibre's 'Referenced file not found') and on
a wiki article citing one source twice (``id="ref-cite_note-2"`` twice: RSC-005)."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

from epub_support import MOMENT
from lxml import etree

from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub

X = {"x": "http://www.w3.org/1999/xhtml"}
EPUB = "http://www.idpf.org/2007/ops"
MARKDOWN = (
    "# 링크와 각주\n\n"
    "정렬 규칙은 [CONTRIBUTING.md](CONTRIBUTING.md)와 [설치](#설치) 절에 정리되어 있고, 예제 코드는 "
    "[저장소](https://example.com/hangul)에서 내려받으며 질문은 [메일](mailto:dev@example.com)로 받는다.\n\n"
    "저수지는 1975년에 착공했다.[^src] 세 개 마을이 물에 잠겼다.[^src] 정착촌이 조성되었다.[^other]\n\n"
    "[^src]: 김도윤, 「남한강 지류 저수지의 조성과 수몰 마을」, 2011.\n"
    "[^other]: 같은 글, 2012.\n"
)


def _article(tmp_path: Path) -> etree._Element:
    source = tmp_path / "links.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    data = write_epub(load(source), modified=MOMENT).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("EPUB/article.xhtml"))


def test_only_web_and_mail_addresses_are_links(tmp_path):
    page = _article(tmp_path)
    body = page.xpath("//x:section[contains(@class, 'body')]", namespaces=X)[0]
    hrefs = [a.get("href") for a in body.xpath(".//x:a[not(@epub:type)]", namespaces={**X, "epub": EPUB})]
    assert hrefs == ["https://example.com/hangul", "mailto:dev@example.com"]
    text = "".join(body.itertext())
    assert "CONTRIBUTING.md와 설치 절에" in text  # the words stay, as plain text


def test_a_note_cited_twice_has_one_anchor_to_return_to(tmp_path):
    page = _article(tmp_path)
    ids = Counter(page.xpath("//@id"))
    assert [i for i, n in ids.items() if n > 1] == []
    refs = page.xpath("//x:a[@epub:type='noteref']", namespaces={**X, "epub": EPUB})
    assert [(a.text, a.get("href")) for a in refs] == [("1", "#fn-src"), ("1", "#fn-src"), ("2", "#fn-other")]
    assert [a.get("id") for a in refs] == ["ref-src", None, "ref-other"]
    backs = page.xpath("//x:a[@role='doc-backlink']/@href", namespaces=X)
    assert sorted(backs) == ["#ref-other", "#ref-src"] and all(b[1:] in ids for b in backs)
