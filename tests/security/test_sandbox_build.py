"""The sandbox in a real build: inside resources render, escapes are refused and reported."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import run_cli

PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _figure(src: str) -> dict[str, str]:
    return {"type": "figure", "text": "사진", "caption": "사진", "src": src}


def _images(pdf: Path) -> int:
    return sum(len(page.images) for page in PdfReader(pdf).pages)


def test_escapes_are_blocked_and_the_build_succeeds(tmp_path: Path) -> None:
    article = tmp_path / "article"
    article.mkdir()
    (article / "photo.png").write_bytes(PNG_1X1)
    (tmp_path / "secret.png").write_bytes(PNG_1X1)
    os.symlink(tmp_path / "secret.png", article / "link.png")
    escapes = [
        "file:///etc/passwd",
        (tmp_path / "secret.png").as_uri(),
        "../secret.png",
        "link.png",
        "http://127.0.0.1:9/x.png",
        "http://169.254.169.254/latest/meta-data/",
        "https://[::1]/x.png",
    ]
    doc = {
        "meta": {"title": "샌드박스"},
        "blocks": [{"type": "paragraph", "text": "본문."}, *(_figure(src) for src in escapes)],
    }
    source = article / "doc.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run_cli("build", source, "-o", tmp_path / "out", "--to", "pdf")
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "blocked resource" in line]
    # "../secret.png" resolves to the same URL as the absolute one: fetched (and refused) once
    assert len(warnings) == len(escapes) - 1, proc.stderr
    assert any("secret.png" in w for w in warnings) and any("link.png" in w for w in warnings)
    assert _images(tmp_path / "out" / "doc.pdf") == 0

    doc["blocks"].append(_figure("photo.png"))
    doc["blocks"].append(_figure("data:image/png;base64," + base64.b64encode(PNG_1X1).decode()))
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run_cli("build", source, "-o", tmp_path / "out", "--to", "pdf")
    assert proc.returncode == 0, proc.stderr
    assert _images(tmp_path / "out" / "doc.pdf") == 2


def test_resource_path_widens_the_sandbox(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "logo.png").write_bytes(PNG_1X1)
    source = tmp_path / "in" / "doc.json"
    source.parent.mkdir()
    doc = {"meta": {"title": "자원 경로"}, "blocks": [_figure((shared / "logo.png").as_uri())]}
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    refused = run_cli("build", source, "-o", tmp_path / "a", "--to", "pdf")
    assert "blocked resource" in refused.stderr
    allowed = run_cli("build", source, "-o", tmp_path / "b", "--to", "pdf", "--resource-path", shared)
    assert allowed.returncode == 0 and "blocked" not in allowed.stderr, allowed.stderr
    assert _images(tmp_path / "b" / "doc.pdf") == 1


def test_epub_packages_allowed_images_and_drops_the_rest(tmp_path: Path) -> None:
    import zipfile

    from tests.conftest import epubcheck

    (tmp_path / "photo.png").write_bytes(PNG_1X1)
    (tmp_path / "notes.txt").write_text("not an image")
    doc = {
        "meta": {"title": "사진 기사"},
        "blocks": [
            {"type": "paragraph", "text": "본문."},
            _figure("photo.png"),
            _figure("notes.txt"),
            _figure("missing.png"),
            _figure("file:///etc/hostname"),
            _figure("https://example.com/remote.jpg"),
        ],
    }
    source = tmp_path / "doc.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run_cli("build", source, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    blocked = [line for line in proc.stderr.splitlines() if "blocked resource" in line]
    assert len(blocked) == 4, proc.stderr  # each refused once, though both writers met them
    epub = tmp_path / "out" / "doc.epub"
    report = epubcheck(epub)
    assert report["checker"]["nError"] == 0 and report["checker"]["nWarning"] == 0, report["messages"]
    with zipfile.ZipFile(epub) as z:
        figures = [n for n in z.namelist() if "/images/figure-" in n]
        assert len(figures) == 1 and z.read(figures[0]) == PNG_1X1
