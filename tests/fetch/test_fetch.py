"""Building from a URL: a recorded real page served by an injected transport, and the address policy."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
import pytest

from bookmaker.errors import InputError
from bookmaker.fetch.client import Fetcher
from bookmaker.fetch.page import page_charset
from bookmaker.fetch.policy import FetchRefused, address_refusal, checked_addresses, is_url
from bookmaker.pipeline import BuildOptions, build_url, load_url
from tests.conftest import SHARED, run_cli

PAGE_URL = "https://n.news.naver.com/article/016/0002194334"
PAGE = SHARED / "corpus" / "heraldcorp-straight-1.html"
PUBLIC = {"n.news.naver.com": ["223.130.200.107"], "imgnews.pstatic.net": ["23.52.1.1", "2600:1406::1"]}


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 90, 40)).save(out, format="PNG")
    return out.getvalue()


def resolver(table: dict[str, list[str]]) -> Callable[[str, int], Sequence[str]]:
    def resolve(host: str, port: int) -> Sequence[str]:
        if host not in table:
            raise OSError("no such host")
        return table[host]

    return resolve


class Site:
    """A fake web: the recorded page, PNG images, and requests seen (URL host, Host header, SNI)."""

    def __init__(self, routes: dict[str, Callable[[httpx.Request], httpx.Response]] | None = None) -> None:
        self.routes = routes or {}
        self.seen: list[tuple[str, str, str | None]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        host = request.headers["host"]
        self.seen.append((request.url.host, host, request.extensions.get("sni_hostname")))
        target = f"{request.url.scheme}://{host}{request.url.raw_path.decode()}"
        for prefix, route in self.routes.items():
            if target.startswith(prefix):
                return route(request)
        if target == PAGE_URL:
            return httpx.Response(200, content=PAGE.read_bytes(), headers={"content-type": "text/html"})
        if host == "imgnews.pstatic.net":
            return httpx.Response(200, content=_png(), headers={"content-type": "image/png"})
        return httpx.Response(404)

    def fetcher(self, table: dict[str, list[str]] | None = None, **kwargs: float) -> Fetcher:
        return Fetcher(transport=httpx.MockTransport(self), resolve=resolver(table or PUBLIC), **kwargs)


needs_corpus = pytest.mark.skipif(not PAGE.is_file(), reason="../shared/corpus is not here")


@needs_corpus
def test_a_fetched_page_is_read_with_its_images_and_its_address(tmp_path: Path) -> None:
    site = Site()
    with site.fetcher() as fetcher:
        doc = load_url(PAGE_URL, tmp_path, fetcher)
    assert doc.meta.source is not None
    assert doc.meta.source.url == PAGE_URL
    assert doc.meta.source.retrieved and doc.meta.source.retrieved.endswith("Z")
    assert doc.meta.source.path is None
    assert "헤럴드경제" in (doc.meta.publisher or "") or doc.meta.title
    assert (tmp_path / "page.html").read_bytes() == PAGE.read_bytes()  # the fetched bytes are the source
    figures = [block for block in doc.blocks if type(block).__name__ == "Figure"]
    assert figures and all(str(getattr(f, "src", "")).startswith("page_files/") for f in figures)
    # every connection went to the checked address, with the name in Host and SNI
    assert all(ip in ("223.130.200.107", "23.52.1.1") and sni == host for ip, host, sni in site.seen)


@needs_corpus
def test_build_from_a_url_names_the_book_after_its_title_and_fills_dc_source(tmp_path: Path) -> None:
    site = Site()
    with site.fetcher() as fetcher:
        result = build_url(PAGE_URL, tmp_path, BuildOptions(formats=("epub",)), fetcher=fetcher)
    [epub] = result.outputs
    assert any("\uac00" <= char <= "\ud7a3" for char in epub.stem), epub.name  # Hangul in the name
    with zipfile.ZipFile(epub) as book:
        opf = book.read("EPUB/content.opf").decode()
        images = [name for name in book.namelist() if name.startswith("EPUB/images/figure")]
    assert f"<dc:source>{PAGE_URL}</dc:source>" in opf
    assert images


def test_charset_comes_from_the_header_then_the_meta() -> None:
    euc = "<html><head><meta charset='euc-kr'></head><body>한국어</body></html>".encode("euc-kr")
    assert page_charset(euc, None) == "cp949"  # EUC-KR read as browsers do
    assert page_charset(euc, "cp949") == "cp949"
    assert page_charset("<p>한국어</p>".encode(), "euc-kr") is None  # a wrong header: detection decides
    assert page_charset(b"<p>plain</p>", "no-such-codec") is None
    assert page_charset("<p>한국어</p>".encode(), "iso-8859-1") is None


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "0.0.0.0",
        "224.0.0.1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "fc00::1",
        "240.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert address_refusal(address) is not None
    with pytest.raises(FetchRefused):
        checked_addresses(address, 80)


def test_public_addresses_pass() -> None:
    assert address_refusal("223.130.200.107") is None
    assert address_refusal("2001:4860:4860::8888") is None


def test_a_name_resolving_to_a_private_address_among_public_ones_is_refused() -> None:
    resolve = resolver({"rebind.example": ["93.184.216.34", "10.0.0.5"]})
    with pytest.raises(FetchRefused, match="private"):
        checked_addresses("rebind.example", 443, resolve)


@pytest.mark.parametrize(
    ("url", "table", "message"),
    [
        ("http://127.0.0.1/x", {}, "loopback"),
        ("http://10.0.0.8/", {}, "private"),
        ("http://169.254.169.254/latest/meta-data/", {}, "link-local"),
        ("http://[::1]:8080/", {}, "loopback"),
        ("https://intranet.example/", {"intranet.example": ["192.168.0.10"]}, "private"),
        ("https://nowhere.example/", {}, "does not resolve"),
        ("ftp://example.com/x", {}, "scheme"),
        ("https://user:pw@example.com/", {"example.com": ["93.184.216.34"]}, "password"),
    ],
)
def test_refused_urls_name_the_url(url: str, table: dict[str, list[str]], message: str) -> None:
    site = Site()
    with site.fetcher(table) as fetcher, pytest.raises(FetchRefused, match=message) as caught:
        fetcher.get(url, 1000)
    assert str(caught.value).startswith(url.split("@")[0][:8])
    assert not site.seen  # nothing was sent


def test_a_redirect_to_a_private_address_is_refused() -> None:
    site = Site(
        {
            "https://n.news.naver.com/go": lambda _: httpx.Response(
                302, headers={"location": "http://10.0.0.1/"}
            )
        }
    )
    with (
        site.fetcher() as fetcher,
        pytest.raises(FetchRefused, match=r"redirected to http://10\.0\.0\.1/.*private"),
    ):
        fetcher.get("https://n.news.naver.com/go", 1000)
    assert [ip for ip, _, _ in site.seen] == ["223.130.200.107"]


def test_a_redirect_to_a_name_that_rebinds_to_private_is_refused() -> None:
    site = Site(
        {
            "https://n.news.naver.com/go": lambda _: httpx.Response(
                301, headers={"location": "https://evil.example/"}
            )
        }
    )
    table = {**PUBLIC, "evil.example": ["127.0.0.1"]}
    with site.fetcher(table) as fetcher, pytest.raises(FetchRefused, match="loopback"):
        fetcher.get("https://n.news.naver.com/go", 1000)


def test_too_many_redirects() -> None:
    site = Site(
        {"https://n.news.naver.com/loop": lambda _: httpx.Response(302, headers={"location": "/loop"})}
    )
    with site.fetcher() as fetcher, pytest.raises(FetchRefused, match="more than 5 redirects"):
        fetcher.get("https://n.news.naver.com/loop", 1000)


def test_a_body_over_the_cap_is_refused_declared_or_not() -> None:
    def big(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 5000)

    def streamed(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"x" * 1000] * 5))  # no Content-Length

    site = Site({"https://n.news.naver.com/big": big, "https://n.news.naver.com/stream": streamed})
    with site.fetcher() as fetcher:
        for path in ("big", "stream"):
            with pytest.raises(FetchRefused, match="larger than"):
                fetcher.get(f"https://n.news.naver.com/{path}", 4000)


def test_timeouts_are_one_error() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    site = Site({"https://n.news.naver.com/slow": slow})
    with site.fetcher() as fetcher, pytest.raises(FetchRefused, match="timed out"):
        fetcher.get("https://n.news.naver.com/slow", 1000)


def test_a_trickling_body_stops_at_the_total_deadline() -> None:
    def trickle(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"x"] * 100))

    site = Site({"https://n.news.naver.com/trickle": trickle})
    with site.fetcher(total_timeout=-1) as fetcher, pytest.raises(FetchRefused, match="timed out"):
        fetcher.get("https://n.news.naver.com/trickle", 1000)


def test_http_errors_and_non_article_pages_name_the_url(tmp_path: Path) -> None:
    pdf = lambda _: httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"})  # noqa: E731
    site = Site({"https://n.news.naver.com/pdf": pdf})
    with site.fetcher() as fetcher:
        with pytest.raises(FetchRefused, match=r"^https://n\.news\.naver\.com/missing: HTTP 404"):
            fetcher.get("https://n.news.naver.com/missing", 1000)
        with pytest.raises(InputError, match=r"^https://n\.news\.naver\.com/pdf: not an article page"):
            load_url("https://n.news.naver.com/pdf", tmp_path, fetcher)


def test_an_image_on_a_private_host_is_left_out_with_its_reason(tmp_path: Path) -> None:
    html = (
        "<html><head><title>사진 기사</title></head><body><article><h1>사진 기사 제목입니다</h1>"
        "<figure><img src='http://10.0.0.9/a.png'><figcaption>내부망 사진의 설명</figcaption></figure>"
        "<figure><img src='https://imgnews.pstatic.net/b.png'>"
        "<figcaption>공개 사진의 설명</figcaption></figure>"
        "<p>본문 문단입니다. 기사의 내용이 여기에 들어갑니다.</p></article></body></html>"
    )
    page = lambda _: httpx.Response(200, text=html, headers={"content-type": "text/html; charset=utf-8"})  # noqa: E731
    site = Site({"https://n.news.naver.com/photo": page})
    with site.fetcher() as fetcher:
        doc = load_url("https://n.news.naver.com/photo", tmp_path, fetcher)
    assert [getattr(b, "src", None) for b in doc.blocks if type(b).__name__ == "Figure"] == [
        None,
        "page_files/image-1.png",
    ]
    [removal] = [r for r in doc.removed if r.rule == "html.image"]
    assert removal.text == "http://10.0.0.9/a.png" and "private" in removal.reason


def test_the_cli_refuses_a_private_url_in_one_line(tmp_path: Path) -> None:
    proc = run_cli("build", "http://127.0.0.1:9/article", "-o", tmp_path, "--to", "epub")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "bookmaker: error: http://127.0.0.1:9/article: host '127.0.0.1' is a loopback address (127.0.0.1);"
        " only public addresses are fetched"
    ]
    assert not list(tmp_path.iterdir())
    normalized = run_cli("normalize", "http://169.254.169.254/latest/meta-data/")
    assert normalized.returncode == 2 and not normalized.stdout
    assert normalized.stderr.startswith("bookmaker: error: http://169.254.169.254/latest/meta-data/: ")
    assert "link-local" in normalized.stderr and len(normalized.stderr.splitlines()) == 1


def test_urls_are_told_from_paths() -> None:
    assert is_url("https://example.com/a") and is_url("HTTP://example.com")
    assert not is_url("https:/example.com") and not is_url("notes/https.txt")


@needs_corpus
def test_several_urls_make_a_collection(tmp_path: Path) -> None:
    from bookmaker.collection.build import build_collection
    from bookmaker.collection.prepare import prepare_collection

    other = "https://news.v.daum.net/v/M0MDrUFHUD"
    yonhap = SHARED / "corpus" / "yonhap-straight-1.html"
    serve = lambda _: httpx.Response(200, content=yonhap.read_bytes(), headers={"content-type": "text/html"})  # noqa: E731
    site = Site({other: serve})
    table = {**PUBLIC, "news.v.daum.net": ["211.231.99.250"]}
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with site.fetcher(table) as fetcher:
        prepared = prepare_collection([PAGE_URL, other], title="주간 뉴스", scratch=scratch, fetcher=fetcher)
    assert [doc.meta.source.url for doc in prepared.collection.articles if doc.meta.source] == [
        PAGE_URL,
        other,
    ]
    assert prepared.slug == "주간-뉴스"
    result = build_collection(
        prepared.collection,
        tmp_path / "out",
        prepared.slug,
        BuildOptions(formats=("epub",)),
        source_dirs=prepared.source_dirs,
    )
    [epub] = result.outputs
    assert epub.name == "주간-뉴스.epub"
    with zipfile.ZipFile(epub) as book:
        opf = book.read("EPUB/content.opf").decode()
    assert opf.count("<dc:source>") == 2


def test_a_batch_reads_a_file_of_urls_and_reports_each_failure(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# this week\nhttp://127.0.0.1:9/a\n\nhttp://10.0.0.1/b\n", encoding="utf-8")
    proc = run_cli("batch", urls, "-o", tmp_path / "out", "--to", "epub", "--jobs", "1")
    assert proc.returncode == 1, proc.stderr
    text = proc.stdout + proc.stderr
    assert "loopback" in text and "private" in text and "Traceback" not in text


def test_a_url_list_with_a_bad_line_is_one_error(tmp_path: Path) -> None:
    from bookmaker.batch.inputs import read_url_list

    urls = tmp_path / "urls.txt"
    urls.write_text("https://example.com/a\nhttps://example.com/a\nnot a url\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"urls\.txt: line 3 is not an http\(s\) URL"):
        read_url_list(urls)
    urls.write_text("https://example.com/a\n\nhttps://example.com/a\n# c\n", encoding="utf-8")
    assert read_url_list(urls) == ["https://example.com/a"]


def test_relative_images_resolve_against_the_page_address_not_the_scratch_folder(tmp_path: Path) -> None:
    html = (
        "<html><head><title>상대 주소</title></head><body><article><h1>상대 주소의 사진 기사</h1>"
        "<figure><img src='page.html'><figcaption>페이지 자신을 가리키는 사진</figcaption></figure>"
        "<figure><img src='img/c.png'><figcaption>상대 주소의 사진 설명</figcaption></figure>"
        "<p>본문 문단입니다. 기사의 내용이 여기에 들어갑니다.</p></article></body></html>"
    )
    png = lambda _: httpx.Response(200, content=_png(), headers={"content-type": "image/png"})  # noqa: E731
    page = lambda _: httpx.Response(200, text=html, headers={"content-type": "text/html"})  # noqa: E731
    site = Site({"https://n.news.naver.com/news/img/c.png": png, "https://n.news.naver.com/news/a": page})
    with site.fetcher() as fetcher:
        doc = load_url("https://n.news.naver.com/news/a", tmp_path, fetcher)
    sources = [getattr(b, "src", None) for b in doc.blocks if type(b).__name__ == "Figure"]
    assert sources == [None, "page_files/image-1.png"]
    [removal] = [r for r in doc.removed if r.rule == "html.image"]
    assert removal.text == "https://n.news.naver.com/news/page.html" and "HTTP 404" in removal.reason


def test_a_rebinding_name_is_connected_to_at_the_address_that_was_checked() -> None:
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # public to the check, loopback a moment later

    def rebinding(host: str, port: int) -> Sequence[str]:
        return next(answers)

    ok = lambda _: httpx.Response(200, content=b"<p>hello</p>", headers={"content-type": "text/html"})  # noqa: E731
    site = Site({"https://rebind.example/": ok})
    with Fetcher(transport=httpx.MockTransport(site), resolve=rebinding) as fetcher:
        assert fetcher.get("https://rebind.example/", 1000).data == b"<p>hello</p>"
        with pytest.raises(FetchRefused, match="loopback"):
            fetcher.get("https://rebind.example/", 1000)  # resolved again, checked again
    assert site.seen == [("93.184.216.34", "rebind.example", "rebind.example")]


@needs_corpus
def test_an_archive_of_a_fetched_page_records_its_address_and_retrieval(tmp_path: Path) -> None:
    import json

    from bookmaker.archive.bundle import assemble

    with Site().fetcher() as fetcher:
        doc = load_url(PAGE_URL, tmp_path, fetcher)
    bundle = assemble(tmp_path / "page.html", "page", doc=doc)
    provenance = json.loads(bundle.files["manifest.json"])["provenance"]
    assert provenance["source_url"] == PAGE_URL
    assert provenance["retrieved"] == doc.meta.source.retrieved if doc.meta.source else False
    assert provenance["source_path"] is None
    assert bundle.files["source/page.html"] == PAGE.read_bytes()


@needs_corpus
def test_a_repeated_article_of_a_collection_is_named_by_its_url(tmp_path: Path) -> None:
    from bookmaker.collection.prepare import prepare_collection

    copy = "https://n.news.naver.com/article/016/copy"
    serve = lambda _: httpx.Response(200, content=PAGE.read_bytes(), headers={"content-type": "text/html"})  # noqa: E731
    with Site({copy: serve}).fetcher() as fetcher:
        prepared = prepare_collection([PAGE_URL, copy], scratch=tmp_path, fetcher=fetcher)
    [duplicate] = prepared.collection.duplicates
    assert (duplicate.path, duplicate.duplicate_of) == (copy, PAGE_URL)
    assert any(note.startswith(f"{copy}: duplicate of {PAGE_URL}") for note in prepared.warnings)
