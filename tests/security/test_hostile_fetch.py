"""A hostile web server on the fetch path (second hostile round): a compressed body it was not
asked for (a gzip bomb inflated a whole read at a time, unbounded), a charset label that is no
name, a redirect to a ``data:`` address. Each is one refusal naming the URL."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from bookmaker.errors import InputError
from bookmaker.fetch.client import Fetcher
from bookmaker.pipeline import load_url

URL = "http://example.com/a"
PAGE = (
    "<html><head><title>제목입니다</title></head><body><article><h1>제목입니다</h1>"
    "<p>서울시가 내년부터 65세 이상 시민에게 교통카드를 무료로 발급한다고 23일 밝혔다.</p>"
    "<p>시는 이번 조치로 약 160만 명이 혜택을 볼 것으로 내다봤다.</p></article></body></html>"
).encode()


def _gzipped_zeros(megabytes: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    return b"".join([*(compressor.compress(zeros) for _ in range(megabytes)), compressor.flush()])


def _load(handler: Callable[[httpx.Request], httpx.Response], folder: Path) -> str:
    transport = httpx.MockTransport(handler)
    with Fetcher(transport=transport, resolve=lambda host, port: ["93.184.216.34"]) as fetcher:
        return load_url(URL, folder, fetcher).meta.title


@pytest.mark.parametrize("encoding", ["gzip", "gzip, gzip", "br", "deflate"])
def test_a_compressed_body_is_refused_before_it_is_inflated(tmp_path: Path, encoding: str) -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("accept-encoding"))
        body = httpx.ByteStream(_gzipped_zeros(64))  # 64 MB inflated; a real bomb is far larger
        return httpx.Response(
            200, stream=body, headers={"content-type": "text/html", "content-encoding": encoding}
        )

    with pytest.raises(InputError, match=r"^http://example.com/a: the response is compressed"):
        _load(handler, tmp_path)
    assert seen == ["identity"]


def test_an_identity_body_is_read(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "text/html; charset=utf-8", "content-encoding": "identity"}
        return httpx.Response(200, content=PAGE, headers=headers)

    assert _load(handler, tmp_path) == "제목입니다"


@pytest.mark.parametrize("label", [b"\x00\xff", b"rot13", b"hex", b"a" * 10_000])
def test_a_charset_label_that_names_no_text_codec_is_ignored(tmp_path: Path, label: bytes) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=PAGE, headers=[(b"content-type", b"text/html; charset=" + label)])

    assert _load(handler, tmp_path) == "제목입니다"


@pytest.mark.parametrize("location", ["data:text/html,<p>x</p>", "http://[::1", "file:///etc/passwd"])
def test_a_redirect_to_an_address_that_is_no_web_page_is_refused(tmp_path: Path, location: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": location})

    with pytest.raises(InputError, match=r"^http://example.com/a: "):
        _load(handler, tmp_path)
