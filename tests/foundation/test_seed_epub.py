"""The seed's EPUB: valid EPUB 3, Korean, with the IR's metadata and semantic markup."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from tests.conftest import SEED, epubcheck, run_cli

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def _opf(epub: Path) -> etree._Element:
    with zipfile.ZipFile(epub) as z:
        container = etree.fromstring(z.read("META-INF/container.xml"))
        path = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
        return etree.fromstring(z.read(path))


def test_epubcheck_reports_nothing(seed_build: dict[str, Path]) -> None:
    report = epubcheck(seed_build["epub"])
    messages = [(m["severity"], m["ID"], m["message"]) for m in report["messages"]]
    assert report["checker"]["nFatal"] == 0 and report["checker"]["nError"] == 0, messages
    assert report["checker"]["nWarning"] == 0, messages


def test_package_metadata(seed_build: dict[str, Path]) -> None:
    opf = _opf(seed_build["epub"])
    assert opf.get("version") == "3.0"
    assert opf.xpath("//dc:language/text()", namespaces=NS) == ["ko"]
    assert opf.xpath("//dc:title/text()", namespaces=NS) == ["‘미국산 AI 수출 프로그램’ 동참 의사"]
    assert opf.xpath("//dc:creator/text()", namespaces=NS) == ["홍인택", "이정혁"]
    roles = opf.xpath("//opf:meta[@property='role']/text()", namespaces=NS)
    assert roles == ["aut", "aut"]
    assert opf.xpath("//dc:publisher/text()", namespaces=NS) == ["한국일보"]
    description = opf.xpath("//dc:description/text()", namespaces=NS)[0]
    assert "업계선 “서로 필요해… 당연한 수순”" in description
    identifier = opf.xpath("//dc:identifier/text()", namespaces=NS)[0]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    modified = opf.xpath("//opf:meta[@property='dcterms:modified']/text()", namespaces=NS)[0]
    assert modified == "2025-11-23T00:00:00Z"  # SOURCE_DATE_EPOCH=1763856000 in UTC


def test_every_document_is_korean_and_has_nav(seed_build: dict[str, Path]) -> None:
    with zipfile.ZipFile(seed_build["epub"]) as z:
        names = z.namelist()
        assert names[0] == "mimetype" and z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert any(n.endswith(".ncx") for n in names)
        xhtml = [n for n in names if n.endswith(".xhtml")]
        assert any("nav" in n for n in xhtml)
        for name in xhtml:
            root = etree.fromstring(z.read(name))
            assert root.get("lang") == "ko", name
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ko", name
        css = "".join(z.read(n).decode() for n in names if n.endswith(".css"))
    assert re.search(r"word-break:\s*keep-all", css)


def test_figure_and_body_markup(seed_build: dict[str, Path]) -> None:
    with zipfile.ZipFile(seed_build["epub"]) as z:
        body = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n)
    figure = re.search(r"<figure.*?</figure>", body, re.S)
    assert figure, "figure markup missing"
    assert "<figcaption>" in figure.group(0)
    assert "인사하고 있다.</span>" in figure.group(0)
    assert re.search(r'<span class="credit">연합뉴스</span>', figure.group(0))
    assert "|" not in figure.group(0)
    assert "heute128@hankookilbo.com" in body  # bylines are metadata shown in the title block
    text = re.sub(r"<[^>]+>", "", body)
    assert text.count("삼성전자와 SK하이닉스가 미국 정부의") == 1  # the duplicate lead is gone
    assert "\u2060" not in body


def test_same_input_same_bytes(tmp_path: Path, seed_build: dict[str, Path]) -> None:
    proc = run_cli("build", SEED, "-o", tmp_path, "--to", "epub")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / seed_build["epub"].name).read_bytes() == seed_build["epub"].read_bytes()
