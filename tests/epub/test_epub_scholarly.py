"""A paper's citation metadata in the EPUB: DOI and ISBN as typed ``dc:identifier``, the journal's
ISSN and the citation as ``dcterms`` properties, affiliations and the DOI link on the title page."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from epub_support import MOMENT
from lxml import etree
from tests.conftest import epubcheck

from bookmaker.ir import Author, Container, Document, Identifier, Meta, Paragraph, text_runs
from bookmaker.writers.epub import write_epub

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
DOI = "10.16981/kliss.57.4.202612.123"


def _paper() -> Document:
    meta = Meta(
        title="작은도서관 이용자의 독서 모임 참여 동기",
        authors=[
            Author(name="김서연", affiliations=["성신여자대학교 문헌정보학과 박사과정"]),
            Author(name="박준호", affiliations=["성신여자대학교 문헌정보학과 교수"]),
        ],
        identifiers=[Identifier(scheme="doi", value=DOI), Identifier(scheme="issn", value="1225-598X")],
        container=Container(title="한국도서관·정보학회지", volume="57", issue="4", pages="123-148"),
    )
    return Document(meta=meta, blocks=[Paragraph(content=text_runs("이 연구는 작은도서관 이용자를 살폈다."))])


def _files(data: bytes) -> tuple[etree._Element, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return etree.fromstring(book.read("EPUB/content.opf")), book.read("EPUB/article.xhtml").decode()


def test_the_doi_is_a_second_typed_identifier_and_the_book_keeps_its_own_unique_one(tmp_path: Path) -> None:
    written = write_epub(_paper(), modified=MOMENT)
    opf, article = _files(written.data)
    identifiers = {el.get("id"): el.text for el in opf.xpath("//dc:identifier", namespaces=NS)}
    assert opf.get("unique-identifier") == "id" and identifiers["id"].startswith("urn:uuid:")
    assert identifiers["doi-id"] == f"urn:doi:{DOI}"
    typed = opf.xpath("//opf:meta[@refines='#doi-id']", namespaces=NS)
    assert [(m.get("property"), m.get("scheme"), m.text) for m in typed] == [
        ("identifier-type", "onix:codelist5", "06")
    ]
    props = {m.get("property"): m.text for m in opf.xpath("//opf:meta[@property]", namespaces=NS)}
    assert props["dcterms:isPartOf"] == "urn:issn:1225-598X"
    assert props["dcterms:bibliographicCitation"] == "한국도서관·정보학회지, 57(4), 123-148"
    assert f'<a href="https://doi.org/{DOI}">{DOI}</a>' in article
    assert '<span class="affiliation">' in article and "문헌정보학과" in article
    path = tmp_path / "paper.epub"
    path.write_bytes(written.data)
    report = epubcheck(path)
    checker = report["checker"]
    assert isinstance(checker, dict) and checker["nError"] == 0 and checker["nFatal"] == 0, report["messages"]


def test_an_isbn_is_typed_by_its_length() -> None:
    doc = _paper()
    doc.meta.identifiers = [Identifier(scheme="isbn", value="8936434268")]
    opf, article = _files(write_epub(doc, modified=MOMENT).data)
    assert opf.xpath("//dc:identifier[@id='isbn-id']/text()", namespaces=NS) == ["urn:isbn:8936434268"]
    assert opf.xpath("//opf:meta[@refines='#isbn-id']/text()", namespaces=NS) == ["02"]
    assert "ISBN 8936434268" in article and "doi.org" not in article
