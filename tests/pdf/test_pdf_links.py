"""The PDF links only what a reader can follow: a web or mail address. A Markdown README's relative
link (``[CONTRIBUTING.md](CONTRIBUTING.md)``) became ``file:///…/CONTRIBUTING.md`` in the PDF,
naming a folder of the machine that built it; its words stay, as in the EPUB."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf

from bookmaker.pipeline import BuildOptions, build_file


def test_only_web_and_mail_addresses_are_links(tmp_path: Path) -> None:
    source = tmp_path / "readme.md"
    source.write_text(
        "# 안내\n\n기여 방법은 [CONTRIBUTING.md](CONTRIBUTING.md)와 [설치](#설치) 절을, 문의는 "
        "[메일](mailto:help@example.com)이나 [누리집](https://example.com/docs)을 보라.\n",
        encoding="utf-8",
    )
    options = BuildOptions(formats=("pdf",), page_size="a5")
    pdf = next(p for p in build_file(source, tmp_path / "out", options).outputs if p.suffix == ".pdf")
    with pikepdf.open(pdf) as opened:
        uris = {
            str(action.get("/URI"))
            for page in opened.pages
            for annotation in page.get("/Annots", [])
            if (action := annotation.get("/A")) is not None and action.get("/URI") is not None
        }
    assert uris == {"mailto:help@example.com", "https://example.com/docs"}
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "CONTRIBUTING.md와" in text and "설치 절을" in text  # the words stay
