"""Fetching over HTTP(S) under the address policy: timeouts, a size cap, bounded redirects.

:class:`PublicOnlyTransport` wraps an httpx transport: for every request (the first and each
redirect) it resolves the host itself, refuses it unless every address is public
(:mod:`bookmaker.fetch.policy`), and sends the request to the checked address, with the ``Host``
header and TLS server name (httpx's ``sni_hostname`` extension) still naming the host, so the
certificate is verified for the name. Tests inject the inner transport (``httpx.MockTransport``)
and the resolver; nothing a user can set opens private addresses.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from bookmaker import __version__
from bookmaker.fetch.policy import FetchRefused, Resolver, checked_addresses, system_resolve, url_refusal

MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0  # seconds to connect; also the longest wait for any one read
TOTAL_TIMEOUT = 60.0  # seconds for one whole response, however slowly it trickles
USER_AGENT = f"bookmaker/{__version__} (ebook builder)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetched resource."""

    url: str
    """The address it came from, after redirects."""
    data: bytes
    media_type: str
    """The ``Content-Type`` without parameters, lower case (``""`` when absent)."""
    charset: str | None
    """The ``charset`` parameter of ``Content-Type``, if any."""
    retrieved: datetime


class PublicOnlyTransport(httpx.BaseTransport):
    """Sends each request to a checked public address of its host (see the module)."""

    def __init__(self, inner: httpx.BaseTransport | None = None, resolve: Resolver = system_resolve) -> None:
        self._inner = inner if inner is not None else httpx.HTTPTransport(retries=0)
        self._resolve = resolve

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        why = url_refusal(str(url))
        if why is not None:
            raise FetchRefused(f"{url}: {why}")
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            address = checked_addresses(url.host, port, self._resolve)[0]
        except FetchRefused as exc:
            raise FetchRefused(f"{url}: {exc}") from None
        pinned = httpx.Request(
            request.method,
            url.copy_with(host=address),
            headers=request.headers,  # carries Host: the name, not the address
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": url.host},
        )
        return self._inner.handle_request(pinned)

    def close(self) -> None:
        self._inner.close()


class Fetcher:
    """An HTTP client for one build: public hosts only, bounded in time, size and redirects."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        resolve: Resolver = system_resolve,
        timeout: float = CONNECT_TIMEOUT,
        total_timeout: float = TOTAL_TIMEOUT,
        max_redirects: int = MAX_REDIRECTS,
    ) -> None:
        self.total_timeout = total_timeout
        self.max_redirects = max_redirects
        self._client = httpx.Client(
            transport=PublicOnlyTransport(transport, resolve),
            follow_redirects=True,
            max_redirects=max_redirects,
            timeout=httpx.Timeout(timeout),
            trust_env=False,  # a proxy from the environment would connect where we did not check
            # identity only: httpx inflates a gzip, deflate or brotli body a whole network read at a
            # time, unbounded (64 KB of gzipped zeros is 64 MB; gzipped twice, 64 GB)
            headers={
                "User-Agent": USER_AGENT,
                "Accept-Language": "ko,en;q=0.5",
                "Accept-Encoding": "identity",
            },
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, max_bytes: int) -> Fetched:
        """GET ``url`` whole (at most ``max_bytes`` after decoding); :class:`FetchRefused` naming
        ``url`` on a refused address, an HTTP error status, a timeout or a body over the cap."""
        why = url_refusal(url)
        if why is not None:
            raise FetchRefused(f"{url}: {why}")
        try:
            return self._get(url, max_bytes)
        except FetchRefused as exc:
            message = str(exc)
            if not message.startswith((url, str(httpx.URL(url)))):
                message = f"{url}: redirected to {message}"
            raise FetchRefused(message) from None
        except httpx.TooManyRedirects:
            raise FetchRefused(f"{url}: more than {self.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise FetchRefused(f"{url}: timed out") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # InvalidURL: a redirect to ``data:…``
            raise FetchRefused(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None

    def _get(self, url: str, max_bytes: int) -> Fetched:
        deadline = time.monotonic() + self.total_timeout
        with self._client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchRefused(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
            encoding = response.headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise FetchRefused(f"{url}: the response is compressed ({encoding}), which was not asked for")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchRefused(f"{url}: {_too_big(max_bytes)}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchRefused(f"{url}: {_too_big(max_bytes)}")
                if time.monotonic() > deadline:
                    raise FetchRefused(f"{url}: timed out after {self.total_timeout:g} s")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            media_type, _, params = content_type.partition(";")
            return Fetched(
                url=str(response.url),
                data=b"".join(chunks),
                media_type=media_type.strip().lower(),
                charset=_charset(params),
                retrieved=datetime.now(tz=UTC).replace(microsecond=0),
            )


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(' "'):
            return value.strip(' "')
    return None


def _too_big(limit: int) -> str:
    size = f"{limit / 1048576:g} MB" if limit >= 1048576 else f"{limit:,} bytes"
    return f"the response is larger than the {size} limit"
