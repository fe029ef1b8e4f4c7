"""The resource sandbox: what a build may read while rendering.

By default a build reads only ``data:`` URLs and files inside its allowed folders (the input's
own folder and the theme's folder), resolved with symlinks followed, so a link cannot lead out,
and only regular files (a FIFO or a device there would stall or flood the build).
It never opens a network connection unless ``allow_remote`` is set, and even then only to public
addresses, through :mod:`bookmaker.fetch` (which connects to the address it checked). Every
refusal is recorded in ``blocked`` and the resource is left out; the build goes on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bookmaker.files import kind_of


@dataclass(slots=True)
class Sandbox:
    """Rules for resource access during one build."""

    roots: tuple[Path, ...]
    allow_remote: bool = False
    refusals: dict[str, str] = field(default_factory=dict)
    """Each refused URL and its message, in the order refused."""

    @classmethod
    def for_paths(cls, paths: Iterable[Path], *, allow_remote: bool = False) -> Sandbox:
        """A sandbox allowing the given folders (resolved)."""
        return cls(tuple(dict.fromkeys(p.resolve() for p in paths)), allow_remote)

    def check(self, url: str) -> str | None:
        """Why ``url`` may not be fetched, or ``None`` when it may."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return None
        if scheme == "file":
            return self._check_file(Path(unquote(parts.path)))
        if scheme in ("http", "https"):
            if not self.allow_remote:
                return "remote resources are off (use --allow-remote)"
            return _check_host(parts.hostname or "")
        return f"scheme {scheme or '(none)'!r} is not allowed"

    def contains(self, path: Path) -> bool:
        """Whether ``path``, symlinks followed, lies inside an allowed folder."""
        try:
            real = path.resolve(strict=False)
        except (OSError, RuntimeError):
            return False
        return any(real == root or root in real.parents for root in self.roots)

    def _check_file(self, path: Path) -> str | None:
        if not self.contains(path):
            return "outside the input's folder (use --resource-path)"
        real = path.resolve()
        try:
            mode = real.stat().st_mode
        except OSError:
            return None  # missing: reading it fails and says so
        kind = kind_of(mode)
        return None if kind is None else f"is {kind}, not a regular file"

    def refuse(self, url: str, why: str) -> None:
        """Record a refusal (once per URL)."""
        if url not in self.refusals:
            shown = url if len(url) <= 120 else url[:117] + "…"
            self.refusals[url] = f"blocked resource {shown}: {why}"

    @property
    def blocked(self) -> list[str]:
        """The refusals' messages, in order: one warning each."""
        return list(self.refusals.values())


def _check_host(host: str) -> str | None:
    from bookmaker.fetch.policy import FetchRefused, checked_addresses

    try:
        checked_addresses(host, 443)
    except FetchRefused as exc:
        return str(exc)
    return None


MAX_RESOURCE_BYTES = 64 * 1024 * 1024  # one fetched resource (image, stylesheet, SVG)


def weasyprint_fetcher(sandbox: Sandbox) -> Any:
    """A WeasyPrint URL fetcher that enforces ``sandbox`` (imports WeasyPrint): each resource is
    read whole, at most :data:`MAX_RESOURCE_BYTES`, and an image over the pixel limit
    (:mod:`bookmaker.image_limits`) is refused before WeasyPrint decodes it."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    from bookmaker.image_limits import pixel_refusal

    class SandboxedFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            why = sandbox.check(url)
            if why is None and urlsplit(url).scheme.lower() in ("http", "https"):
                return remote(url)
            if why is None:
                response = super().fetch(url, headers)
                try:
                    data = response.read(MAX_RESOURCE_BYTES + 1)
                finally:
                    response.close()
                if len(data) > MAX_RESOURCE_BYTES:
                    why = f"larger than {MAX_RESOURCE_BYTES >> 20} MB"
                else:
                    why = pixel_refusal(data)
            if why is not None:
                sandbox.refuse(url, why)
                raise ValueError(why)
            return URLFetcherResponse(response.url, data, response.headers, response.status)

    def remote(url: str) -> Any:
        """An http(s) resource through :mod:`bookmaker.fetch` (connected to the public address it
        checked, redirects re-checked), under the same size and pixel limits."""
        from bookmaker.fetch.client import Fetcher
        from bookmaker.fetch.policy import FetchRefused

        try:
            with Fetcher() as fetcher:
                fetched = fetcher.get(url, MAX_RESOURCE_BYTES)
        except FetchRefused as exc:
            why: str | None = str(exc).removeprefix(f"{url}: ")
        else:
            why = pixel_refusal(fetched.data)
        if why is not None:
            sandbox.refuse(url, why)
            raise ValueError(why)
        media_type = fetched.media_type + (f"; charset={fetched.charset}" if fetched.charset else "")
        return URLFetcherResponse(fetched.url, fetched.data, {"Content-Type": media_type})

    return SandboxedFetcher(timeout=10, allow_redirects=False)
