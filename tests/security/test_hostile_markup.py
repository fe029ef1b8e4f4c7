"""Hostile markup: CSS and SVG references are never fetched, active content never reaches the books.

A local HTTP server records every request and a file outside the article's folder holds a marker;
after the builds the server must have seen nothing and the marker must be in no output.
"""

from __future__ import annotations

import base64
import http.server
import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import run_cli
from tests.security.properties import pdf_text, text_key

SECRET = "SECRET-7f3a-MARKER"
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
BODY = [
    "서울시가 내년부터 65세 이상 시민에게 교통카드를 무료로 발급한다고 23일 밝혔다.",
    "시는 이번 조치로 약 160만 명이 혜택을 볼 것으로 내다봤다.",
    "교통카드는 주민센터에서 신청할 수 있으며 발급까지 일주일가량 걸린다.",
]
ACTIVE_TAGS = {
    "script",
    "iframe",
    "form",
    "object",
    "embed",
    "meta",
    "style",
    "svg",
    "image",
    "input",
    "link",
}
BOOK_LINKS = {"style/book.css", "style/fonts.css"}


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 (shared by design: one server per test)

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG_1X1)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    _Recorder.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _outside(tmp_path: Path) -> Path:
    """A folder next to the article's, with files a build must never read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.css").write_text(f'body::before {{ content: "{SECRET}"; }}')
    (outside / "secret.png").write_bytes(PNG_1X1)
    (outside / "secret.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="9">{SECRET}</text></svg>'
    )
    return outside


def _hostile_page(url: str, outside: Path) -> str:
    secret_css, secret_png = (outside / "secret.css").as_uri(), (outside / "secret.png").as_uri()
    paragraphs = "\n".join(f"<p>{text}</p>" for text in BODY)
    return f"""<!DOCTYPE html>
<html lang="ko"><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0;url={url}/refresh">
<title>무료 교통카드 발급</title>
<link rel="stylesheet" href="{url}/linked.css">
<style>
@import url("{url}/import.css");
@import "{secret_css}";
@font-face {{ font-family: Evil; src: url("{url}/font.woff2") format("woff2"); }}
body {{ background: url("{url}/body-bg.png"); font-family: Evil; }}
</style>
<script>fetch("{url}/script")</script>
</head><body onload="fetch('{url}/onload')">
<article>
<h1>무료 교통카드 발급</h1>
<div style="background:url({url}/inline-bg.png)" onclick="alert(1)">
{paragraphs}
<p>노인 단체는 환영했다.<img src="x" onerror="fetch('{url}/onerror')"></p>
<p><a href="javascript:alert(document.cookie)">자세히 보기</a> 링크를 누르면 안내문이 나온다.</p>
<p style="background-image:url('{secret_png}')">&lt;script&gt;alert(1)&lt;/script&gt;는 글자로만 남는다.</p>
</div>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
<image href="{url}/svg-href.png" width="10" height="10"/>
<image xlink:href="../outside/secret.png" width="10" height="10"/>
<foreignObject><iframe src="{url}/foreign"></iframe></foreignObject>
</svg>
<iframe src="{url}/iframe"></iframe>
<form action="{url}/form"><input name="q" value="{SECRET}"><button>보내기</button></form>
<object data="{url}/object.swf"></object><embed src="{url}/embed.swf">
<noscript><img src="{url}/noscript.png"></noscript>
</article>
</body></html>
"""


def _epub_documents(epub: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(epub) as z:
        return {name: z.read(name) for name in z.namelist()}


def _text_of(xhtml: bytes) -> str:
    return "".join(etree.fromstring(xhtml).itertext())


def _assert_inert_xhtml(name: str, data: bytes) -> None:
    root = etree.fromstring(data)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        assert local not in ACTIVE_TAGS or (local == "link" and element.get("href") in BOOK_LINKS), (
            f"{name}: <{local}> reached the EPUB"
        )
        for attr, value in element.attrib.items():
            attr_name = etree.QName(attr).localname.lower()
            assert not attr_name.startswith("on"), f"{name}: event handler {attr_name}= reached the EPUB"
            assert not value.strip().lower().startswith(("javascript:", "http:", "https:", "file:")), (
                f"{name}: {attr_name}={value!r} reached the EPUB"
            )
            assert attr_name != "style", f"{name}: inline style reached the EPUB"


def test_hostile_html_is_inert_and_fetches_nothing(tmp_path: Path, server: str) -> None:
    outside = _outside(tmp_path)
    article = tmp_path / "article"
    article.mkdir()
    source = article / "page.html"
    source.write_text(_hostile_page(server, outside), encoding="utf-8")

    proc = run_cli("build", source, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert _Recorder.hits == [], f"the build fetched {_Recorder.hits}"

    files = _epub_documents(tmp_path / "out" / "page.epub")
    assert not any(SECRET.encode() in data for data in files.values())
    article_text = _text_of(files["EPUB/article.xhtml"])
    for name, data in files.items():
        if name.endswith(".xhtml"):
            _assert_inert_xhtml(name, data)
        if name.endswith(".css"):
            css = data.decode()
            assert "@import" not in css and "http" not in css and "Evil" not in css, name
    for text in BODY:
        assert text in article_text
    assert "<script>alert(1)</script>는 글자로만 남는다." in article_text  # as text, escaped in the XHTML
    assert "자세히 보기 링크를 누르면" in article_text  # the link's words stay, the link goes

    pdf = pdf_text(tmp_path / "out" / "page.pdf")
    assert SECRET not in pdf and "alert(document" not in pdf
    assert all(text_key(text) in text_key(pdf) for text in BODY)


def _svg_figure(tmp_path: Path, url: str) -> Path:
    outside = _outside(tmp_path)
    article = tmp_path / "article"
    article.mkdir()
    (article / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="100" height="60" viewBox="0 0 100 60">'
        '<style>@import url("' + url + '/svg-import.css");</style>'
        '<rect width="100" height="60" fill="#eee"/>'
        f'<image href="{url}/svg-image.png" width="10" height="10"/>'
        '<image xlink:href="../outside/secret.png" x="20" width="10" height="10"/>'
        f'<image href="{(outside / "secret.svg").as_uri()}" x="40" width="10" height="10"/>'
        f'<use href="{(outside / "secret.svg").as_uri()}#x"/>'
        "</svg>"
    )
    doc = {
        "meta": {"title": "도표 기사"},
        "blocks": [
            {"type": "paragraph", "text": BODY[0]},
            {
                "type": "figure",
                "text": "지역별 발급 예상 인원",
                "caption": "지역별 발급 예상 인원",
                "src": "chart.svg",
            },
        ],
    }
    source = article / "doc.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return source


def test_svg_figure_cannot_reach_outside_files_or_the_network(tmp_path: Path, server: str) -> None:
    from pypdf import PdfReader

    source = _svg_figure(tmp_path, server)
    proc = run_cli("build", source, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert _Recorder.hits == [], f"the build fetched {_Recorder.hits}"
    warnings = [line for line in proc.stderr.splitlines() if "blocked resource" in line]
    assert any("secret.png" in w for w in warnings), proc.stderr
    assert any("svg-image.png" in w for w in warnings), proc.stderr
    pdf = tmp_path / "out" / "doc.pdf"
    assert sum(len(page.images) for page in PdfReader(pdf).pages) == 0  # the SVG is drawn, no raster
    assert SECRET not in pdf_text(pdf)
    files = _epub_documents(tmp_path / "out" / "doc.epub")
    assert not any(SECRET.encode() in data or PNG_1X1 in data for data in files.values())
    assert "지역별 발급 예상 인원" in _text_of(files["EPUB/article.xhtml"])
