"""A paper's title page in print: each author's affiliation under the name, and the DOI as a link
to its resolver (the IR read from JSON, as a user would hand it over)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf

from bookmaker.ir import Author, Document, Identifier, Meta, Paragraph, text_runs, to_json
from bookmaker.pipeline import BuildOptions, build_file

DOI = "10.16981/kliss.57.4.202612.123"


def test_affiliations_and_the_doi_link_on_the_title_page(tmp_path: Path) -> None:
    doc = Document(
        meta=Meta(
            title="작은도서관 이용자의 독서 모임 참여 동기",
            authors=[Author(name="김서연", affiliations=["성신여자대학교 문헌정보학과 박사과정"])],
            identifiers=[Identifier(scheme="doi", value=DOI)],
        ),
        blocks=[
            Paragraph(content=text_runs("이 연구는 작은도서관 이용자가 독서 모임에 참여하는 동기를 밝혔다."))
        ],
    )
    source = tmp_path / "paper.json"
    source.write_text(to_json(doc), encoding="utf-8")
    options = BuildOptions(formats=("pdf",), page_size="a5")
    pdf = next(p for p in build_file(source, tmp_path / "out", options).outputs if p.suffix == ".pdf")
    with pikepdf.open(pdf) as opened:
        uris = {
            str(action.get("/URI"))
            for annotation in opened.pages[0].get("/Annots", [])
            if (action := annotation.get("/A")) is not None and action.get("/URI") is not None
        }
    assert uris == {f"https://doi.org/{DOI}"}
    text = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines.index("성신여자대학교 문헌정보학과 박사과정") == lines.index("김서연") + 1
    assert f"DOI {DOI}" in lines
