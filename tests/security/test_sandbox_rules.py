"""Sandbox rules: which URLs a build may fetch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bookmaker.sandbox import Sandbox


@pytest.fixture()
def box(tmp_path: Path) -> Sandbox:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "photo.png").write_bytes(b"x")
    return Sandbox.for_paths([tmp_path / "in"])


def test_data_and_inside_files_are_allowed(box: Sandbox, tmp_path: Path) -> None:
    assert box.check("data:image/png;base64,AAAA") is None
    assert box.check((tmp_path / "in" / "photo.png").as_uri()) is None


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:8080/",
        "https://localhost/x.css",
        "ftp://example.com/x",
        "javascript:alert(1)",
    ],
)
def test_escapes_are_refused(box: Sandbox, url: str) -> None:
    assert box.check(url) is not None


def test_dotdot_and_symlinks_out_are_refused(box: Sandbox, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("s")
    assert box.check((tmp_path / "in").as_uri() + "/../secret.txt") is not None
    os.symlink(secret, tmp_path / "in" / "link.txt")
    assert box.check((tmp_path / "in" / "link.txt").as_uri()) is not None


def test_remote_needs_opt_in_and_never_reaches_local_addresses(tmp_path: Path) -> None:
    closed = Sandbox.for_paths([tmp_path])
    assert "allow-remote" in (closed.check("https://example.com/a.png") or "")
    opened = Sandbox.for_paths([tmp_path], allow_remote=True)
    assert "only public addresses" in (opened.check("http://127.0.0.1/") or "")
    assert "only public addresses" in (opened.check("http://[::1]/") or "")
    assert "only public addresses" in (opened.check("http://169.254.169.254/") or "")
    assert "only public addresses" in (opened.check("http://10.0.0.1/") or "")
